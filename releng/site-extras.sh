#!/usr/bin/env bash
# The files of the update site that are neither p2 metadata nor artifacts nor the signing key (releng/sign-site.sh):
# the page a browser shows at the site's root, the release notes and the changelog. Run by the build of
# releng/io.noveltylens.repository after Tycho has assembled and signed the repository, before it is zipped.
# Usage: releng/site-extras.sh SITE_DIR SIGNING_DIR VERSION
#   SIGNING_DIR: what releng/sign-site.sh wrote (fingerprint, key-kind); it also put the public key on the site;
#   VERSION: the qualified version of this build.
set -euo pipefail

[[ $# -eq 3 ]] || { sed -n '2,7p' "$0" >&2; exit 2; }
site=$1
signing=$2
version=$3
here=$(cd "$(dirname "$0")" && pwd)
[[ -f "$site/artifacts.jar" ]] || { echo "[site] no p2 repository in $site" >&2; exit 1; }

fingerprint=$(cat "$signing/fingerprint")
# the page says which key signed this site
if [[ $(cat "$signing/key-kind") == release ]]; then
  key_kind="the Novelty Lens release key"
else
  key_kind="a throw-away key generated for this build: a development build, not a release"
fi

sed -e "s|@VERSION@|$version|g" -e "s|@FINGERPRINT@|$fingerprint|g" -e "s|@KEY_KIND@|$key_kind|g" \
  "$here/io.noveltylens.repository/site/index.html" >"$site/index.html"
"$here/release-notes.sh" "$site" "$version"
echo "[site] index.html, release-notes.md, changelog.md in $site"
