#!/usr/bin/env bash
# End-to-end install test: what a user does with our update site, checked from inside the IDE.
#  1. copy the bare IDE (the io.noveltylens.bare product: the same minimal IDE without Novelty Lens),
#  2. tamper test: flip one byte of one of our jars in a copy of the site; installing that copy the signed way must
#     fail on the jar's PGP signature (docs/release.md, "How the tests check it"),
#  3. install the freshly built update site with that IDE's own p2 director application, trusting signed content
#     only, and only the key the site publishes (novelty-lens-signing-key.asc): any unsigned artifact, or one signed
#     by another key, fails the install,
#  4. drop the test-only probe bundle (releng/io.noveltylens.e2e.probe, in no feature or site) into its bundles.info,
#  5. start the IDE; the probe opens the Novelty view, analyses a sentence of the shipped corpus with the shipped
#     model, checks bundle states, saves a screenshot, writes a report and closes the IDE,
#  6. assert on the report and on the IDE's error log.
# Run by 'mvn verify' in releng/io.noveltylens.product (integration-test phase; skipped by -DskipTests).
# Usage: releng/e2e-install-test.sh BARE_PRODUCT_DIR UPDATE_SITE_DIR PROBE_TARGET_DIR OUT_DIR
#   PROBE_TARGET_DIR is the probe module's target/ (its jar and its expanded MANIFEST.MF). JAVA may name the java.
# Needs gpg (to read the site's key, as a user would), unzip and Xvfb.
set -euo pipefail

FEATURE_IU=io.noveltylens.feature.feature.group
PROBE_ID=io.noveltylens.e2e.probe
# cold 2-core CI: the install copies ~200 MB; the IDE loads the model and opens the index once
DIRECTOR_TIMEOUT=${E2E_DIRECTOR_TIMEOUT:-300}
IDE_TIMEOUT=${E2E_IDE_TIMEOUT:-300}

log() { echo "[e2e] $*"; }
fail() { echo "[e2e] FAILED: $*" >&2; exit 1; }

[[ $# -eq 4 ]] || { sed -n '2,18p' "$0" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/product.sh
. "$here/lib/product.sh"

# A display for SWT: the build normally runs under xvfb-run; alone, start our own virtual one
if [[ -z "${DISPLAY:-}" ]]; then
  command -v xvfb-run >/dev/null || fail "DISPLAY is not set and xvfb-run is missing (apt-get install xvfb)"
  log "DISPLAY is not set: running under xvfb-run"
  exec xvfb-run -a -s "-screen 0 1280x1024x24" bash "$0" "$@"
fi

bare=$(cd "$1" && pwd) || fail "no bare product at $1"
site=$(cd "$2" && pwd) || fail "no update site at $2"
probe_target=$(cd "$3" && pwd) || fail "no probe build at $3"
out=$4
[[ -f "$site/content.jar" || -f "$site/content.xml" || -f "$site/content.xml.xz" ]] \
  || fail "$site is not a p2 repository: build releng/io.noveltylens.repository first"
select_java

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
ide=$out/ide
cp -a "$bare" "$ide"
launcher=$(product_launcher "$ide")

# The key to trust: the one the site publishes, read the way a user checks it. p2 compares fingerprints in lower-case
# hex. A keyring of our own, so that the user's ~/.gnupg is neither read nor written.
[[ -f "$site/novelty-lens-signing-key.asc" ]] || fail "the site publishes no signing key (novelty-lens-signing-key.asc)"
command -v gpg >/dev/null || fail "gpg is missing (apt-get install gnupg)"
fingerprint=$(GNUPGHOME=$(mktemp -d "$out/gnupg.XXXXXX") gpg --batch --with-colons --show-keys \
  "$site/novelty-lens-signing-key.asc" | awk -F: '$1 == "fpr" { print tolower($10); exit }')
[[ -n "$fingerprint" ]] || fail "no key in $site/novelty-lens-signing-key.asc"
log "the site's signing key: $fingerprint"
# the page at the site's root names that key, and the release notes and changelog it links are there
grep -q "$fingerprint" "$site/index.html" || fail "the site's index.html does not name its signing key $fingerprint"
for file in release-notes.md changelog.md; do
  [[ -s "$site/$file" ]] || fail "the site has no $file"
done

# Runs the bare IDE's own p2 director, as 'eclipse -application ...p2.director' would, installing the feature from
# site $1 into IDE $2 and trusting only content signed with the site's key; the log goes to
# $out/director-$(basename $2).log. -verboseTrust lists every artifact with the key that signed it.
signed_install() {
  local from=$1 into=$2
  timeout "$DIRECTOR_TIMEOUT" "$JAVA" -jar "$(product_launcher "$into")" -nosplash -consoleLog \
    -application org.eclipse.equinox.p2.director -repository "file:$from" -installIU "$FEATURE_IU" \
    -destination "$into" -profile DefaultProfile -data "$out/director-workspace-$(basename "$into")" \
    -trustSignedContentOnly -trustedPGPKeys "$fingerprint" -verboseTrust >"$out/director-$(basename "$into").log" 2>&1
}

# 2. tamper test. The flipped byte keeps the jar a valid jar (the modification time of its first entry in the central
#    directory), so that nothing that reads the jar can notice, only what checks its bytes. p2 checks checksums too,
#    but they stand in the same unsigned metadata as the signatures, which whoever can swap a jar on the server can
#    rewrite: the copy's metadata gets the checksums of the altered jar, so that only the PGP signature stands
#    between the change and the IDE. The install must fail, on that signature.
tampered_site=$out/tampered-site
tampered_ide=$out/tampered-ide
cp -a "$site" "$tampered_site"
cp -a "$bare" "$tampered_ide"
victims=("$tampered_site"/plugins/io.noveltylens.core_*.jar)
victim=${victims[0]}
[[ -f "$victim" ]] || fail "no io.noveltylens.core jar in $site/plugins"
# the end-of-central-directory record is the jar's last 22 bytes (our jars have no archive comment); at its offset 16,
# where the central directory starts; the first record's modification time is at 12 from there (little-endian x86)
eocd=$(($(stat -c %s "$victim") - 22))
[[ $(od -An -tx4 -j "$eocd" -N 4 "$victim" | tr -d ' ') == 06054b50 ]] || fail "$victim does not end as a plain zip"
offset=$(($(od -An -tu4 -j $((eocd + 16)) -N 4 "$victim" | tr -d ' ') + 12))
byte=$(od -An -tu1 -j "$offset" -N 1 "$victim" | tr -d ' ')
printf "\\$(printf '%03o' $((byte ^ 0x01)))" | dd of="$victim" bs=1 seek="$offset" conv=notrunc status=none
original=$site/plugins/$(basename "$victim")
cmp -s "$victim" "$original" && fail "could not alter $victim"
# the checksums, as the attacker would write them: in a plain artifacts.xml, which p2 reads when there is no jar
unzip -p "$tampered_site/artifacts.jar" artifacts.xml >"$tampered_site/artifacts.xml"
rm "$tampered_site/artifacts.jar"
for sum in md5sum sha256sum sha512sum; do
  sed -i "s/$($sum <"$original" | cut -d' ' -f1)/$($sum <"$victim" | cut -d' ' -f1)/g" "$tampered_site/artifacts.xml"
done
grep -q "$(sha256sum <"$victim" | cut -d' ' -f1)" "$tampered_site/artifacts.xml" \
  || fail "could not write the altered jar's checksum into the copy's metadata"
log "tamper test: byte $offset of $(basename "$victim") flipped in a copy of the site; installing it must fail"
started=$SECONDS
if signed_install "$tampered_site" "$tampered_ide"; then
  fail "the director installed a site with a tampered jar (log: $out/director-tampered-ide.log)"
fi
# p2's message when a PGP signature does not match the downloaded bytes
grep -q 'The signature is invalid for current content' "$out/director-tampered-ide.log" \
  || { tail -n 40 "$out/director-tampered-ide.log" >&2; fail "the tampered install failed, but not on the signature"; }
if compgen -G "$tampered_ide/plugins/io.noveltylens.core_*" >/dev/null; then
  fail "the tampered io.noveltylens.core was installed although the director failed"
fi
log "tamper test passed in $((SECONDS - started)) s: the director refused the jar whose signature no longer matches"
rm -rf "$tampered_site" "$tampered_ide"

# 3. the real install
log "installing $FEATURE_IU from $site, signed content only, trusting key $fingerprint"
started=$SECONDS
if ! signed_install "$site" "$ide"; then
  tail -n 40 "$out/director-ide.log" >&2
  fail "the p2 director did not install $FEATURE_IU (signed content only) within ${DIRECTOR_TIMEOUT}s" \
    "(log: $out/director-ide.log)"
fi
log "installed in $((SECONDS - started)) s"
# -verboseTrust names the key of every artifact it was asked to trust: ours, and no other, nor unsigned ones
grep -q "signed by PGP key $fingerprint" "$out/director-ide.log" \
  || fail "the director saw no artifact signed by $fingerprint"
other_keys=$(grep 'signed by PGP key' "$out/director-ide.log" | grep -v "$fingerprint" || true)
[[ -z "$other_keys" ]] || fail "artifacts signed by other keys: $other_keys"
if grep -q 'The following artifacts are unsigned' "$out/director-ide.log"; then
  fail "the director reported unsigned artifacts (log: $out/director-ide.log)"
fi

# data bundles must be folders (Eclipse-BundleShape: dir): the engine reads the model and the index in place
for id in io.noveltylens.model.minilm io.noveltylens.corpus.default; do
  installed=("$ide"/plugins/"$id"_*)
  [[ -d "${installed[0]}" ]] || fail "$id is not installed as a folder: ${installed[*]}"
  log "folder: plugins/$(basename "${installed[0]}")"
done

# 4. the probe: a plain bundles.info line (symbolic name, version, location, start level, no autostart: the
#    workbench activates it through its org.eclipse.ui.startup extension)
probe_jar=("$probe_target"/"$PROBE_ID"-*.jar)
[[ -f "${probe_jar[0]}" ]] || fail "no probe jar in $probe_target: build releng/$PROBE_ID first"
probe_version=$(sed -n 's/^Bundle-Version: *\([^[:space:]]*\).*/\1/p' "$probe_target/MANIFEST.MF")
[[ -n "$probe_version" ]] || fail "no Bundle-Version in $probe_target/MANIFEST.MF"
cp "${probe_jar[0]}" "$ide/plugins/${PROBE_ID}_$probe_version.jar"
echo "$PROBE_ID,$probe_version,plugins/${PROBE_ID}_$probe_version.jar,4,false" \
  >>"$ide/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"

# 5. start the IDE and wait for the probe's report (written atomically), then for the IDE to close itself
report=$out/report.txt
screenshot=$out/screenshot.png
log "starting the IDE on display $DISPLAY (log: $out/ide.log)"
started=$SECONDS
"$JAVA" "${PRODUCT_VM_ARGS[@]}" -Dnoveltylens.e2e.report="$report" -Dnoveltylens.e2e.screenshot="$screenshot" \
  -jar "$launcher" -nosplash -consoleLog -data "$out/workspace" >"$out/ide.log" 2>&1 &
ide_pid=$!
stop_ide() {
  if kill -0 "$ide_pid" 2>/dev/null; then
    log "stopping the IDE (pid $ide_pid)"
    kill "$ide_pid" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$ide_pid" 2>/dev/null || return 0; sleep 1; done
    kill -9 "$ide_pid" 2>/dev/null || true
  fi
}
trap stop_ide EXIT
while [[ ! -f "$report" ]] && kill -0 "$ide_pid" 2>/dev/null && ((SECONDS - started < IDE_TIMEOUT)); do
  sleep 1
done
if [[ -f "$report" ]]; then
  log "report after $((SECONDS - started)) s"
  for _ in $(seq 60); do kill -0 "$ide_pid" 2>/dev/null || break; sleep 1; done
fi
stop_ide
wait "$ide_pid" 2>/dev/null || true

# 6. assertions
if [[ ! -f "$report" ]]; then
  tail -n 60 "$out/ide.log" >&2
  fail "no report from the probe within ${IDE_TIMEOUT}s (IDE log: $out/ide.log)"
fi
sed 's/^/[e2e]   /' "$report"
grep -qx 'result PASS' "$report" || fail "the probe's checks failed (report: $report, IDE log: $out/ide.log)"
[[ -s "$screenshot" ]] || fail "no screenshot at $screenshot"
# errors logged before the probe was listening (bundle activation, view creation) end up in the workspace log
errors=$(grep -E '^!ENTRY io\.noveltylens[^ ]* 4 ' "$out/workspace/.metadata/.log" 2>/dev/null || true)
[[ -z "$errors" ]] || fail "Novelty Lens logged errors (see $out/workspace/.metadata/.log): $errors"
log "PASSED: the signed update site installs into the bare IDE (a tampered copy does not), which starts with the" \
  "Novelty view working; screenshot: $screenshot"
