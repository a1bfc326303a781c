#!/usr/bin/env bash
# Signs every artifact of the update site with PGP (docs/release.md, "Signing"). Run by the build of
# releng/io.noveltylens.repository after Tycho has assembled the site; writes into WORK_DIR:
#   fingerprint   the signing key's fingerprint, lower-case hex, as p2 prints and compares it
#   key-kind      "release" or "test", for the site's page
# and puts the public key on the site as novelty-lens-signing-key.asc.
# Usage: releng/sign-site.sh SITE_DIR WORK_DIR [RELEASE_SECRET_KEY]
#   RELEASE_SECRET_KEY: an armored, passphrase-protected secret key file (the release key), its passphrase in
#   MAVEN_GPG_PASSPHRASE. Without it, a new RSA key is generated for this build only, protected by
#   TEST_KEY_PASSPHRASE (the pom sets it): a site signed with it proves that signing and verification work, not who
#   built it.
# The keyring exists only while signing: it is deleted afterwards, with the copy of the release key that gpg
# imported into it, and its gpg-agent is stopped. JAVA may name the java (21+) that runs the signer.
set -euo pipefail

[[ $# -ge 2 && $# -le 3 ]] || { sed -n '2,14p' "$0" >&2; exit 2; }
site=$(cd "$1" && pwd)
work=$2
release_key=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
command -v gpg >/dev/null || { echo "[sign] gpg is missing: apt-get install gnupg" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
# a keyring of our own, never the user's ~/.gnupg; under /tmp, because gpg-agent's socket lives in it and a Unix
# socket's path is limited to 107 bytes, which a deep checkout can exceed
GNUPGHOME=$(mktemp -d "${TMPDIR:-/tmp}/novelty-lens-gpg.XXXXXX")
export GNUPGHOME
trap 'gpgconf --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$GNUPGHOME"' EXIT

if [[ -n "$release_key" ]]; then
  [[ -f "$release_key" ]] || { echo "[sign] no release key at $release_key" >&2; exit 1; }
  : "${MAVEN_GPG_PASSPHRASE:?the passphrase of the release key}"
  gpg --batch --quiet --import "$release_key"
  export SIGNING_PASSPHRASE=$MAVEN_GPG_PASSPHRASE
  echo release >"$work/key-kind"
  echo "[sign] signing with the release key $release_key"
else
  : "${TEST_KEY_PASSPHRASE:?the pom sets it: the passphrase of the throw-away test key}"
  # RSA 3072, signing only, valid for a week: nobody should trust a test key for longer than a test takes, and p2
  # warns about signatures made after a key expired
  gpg --batch --quiet --pinentry-mode loopback --passphrase "$TEST_KEY_PASSPHRASE" \
    --quick-gen-key "Novelty Lens test build key (throw-away, not a release key)" rsa3072 sign 7d 2>/dev/null
  export SIGNING_PASSPHRASE=$TEST_KEY_PASSPHRASE
  echo test >"$work/key-kind"
  echo "[sign] no release key configured (-Dnoveltylens.signing.key): signing with a throw-away test key"
fi

# the primary key's fingerprint: the first 'fpr' record
fingerprint=$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" { print tolower($10); exit }')
[[ -n "$fingerprint" ]] || { echo "[sign] no secret key in the keyring" >&2; exit 1; }
echo "$fingerprint" >"$work/fingerprint"
gpg --batch --armor --export "$fingerprint" >"$site/novelty-lens-signing-key.asc"
"${JAVA:-java}" "$here/SignP2Artifacts.java" "$site" "$fingerprint"
