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

log() { echo "[e2e] $*"; }
fail() { echo "[e2e] FAILED: $*" >&2; exit 1; }

[[ $# -eq 4 ]] || { sed -n '2,18p' "$0" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/product.sh
. "$here/lib/product.sh"
# shellcheck source=lib/e2e.sh
. "$here/lib/e2e.sh"

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

# The key to trust: the one the site publishes, read the way a user checks it; the page at the site's root names it,
# and the release notes and changelog it links are there
fingerprint=$(site_key "$site")
log "the site's signing key: $fingerprint"
for file in release-notes.md changelog.md; do
  [[ -s "$site/$file" ]] || fail "the site has no $file"
done

# Installs the feature from site $1 into IDE $2, trusting only content signed with the site's key; the log goes to
# $out/director-$(basename $2).log.
signed_install() {
  LOG_NAME=$(basename "$2") p2_director "$fingerprint" "$2" -repository "file:$1" -installIU "$FEATURE_IU"
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
assert_only_signed_by "$out/director-ide.log" "$fingerprint"

# data bundles must be folders (Eclipse-BundleShape: dir): the engine reads the model and the index in place
for id in io.noveltylens.model.minilm io.noveltylens.corpus.default; do
  installed=("$ide"/plugins/"$id"_*)
  [[ -d "${installed[0]}" ]] || fail "$id is not installed as a folder: ${installed[*]}"
  log "folder: plugins/$(basename "${installed[0]}")"
done

# what the install costs the user: the site's size (what the director downloads) and the IDE's growth on disk
# (issue 19's download goal is <= 150 MB for the default install; docs/benchmarks.md)
site_mb=$(($(du -sb "$site" | cut -f1) / 1000000))
added_mb=$((($(du -sb "$ide" | cut -f1) - $(du -sb "$bare" | cut -f1)) / 1000000))
log "size: update site ${site_mb} MB; the install added ${added_mb} MB to the IDE's folder"
# what the director downloaded: the site's artifacts (jars, as the site holds them) that are in the IDE now and were
# not in the bare one; p2 fetches nothing the IDE already has (ICU4J), no other platform's natives and no optional
# feature the user did not tick (the int8 model)
download=0
fetched=0
for artifact in "$site"/plugins/*.jar "$site"/features/*.jar; do
  kind=$(basename "$(dirname "$artifact")")
  name=$(basename "$artifact" .jar)
  if [[ -e "$ide/$kind/$name" || -e "$ide/$kind/$name.jar" ]] \
    && ! [[ -e "$bare/$kind/$name" || -e "$bare/$kind/$name.jar" ]]; then
    download=$((download + $(stat -c %s "$artifact")))
    fetched=$((fetched + 1))
  fi
done
total=$(find "$site/plugins" "$site/features" -name '*.jar' | wc -l)
log "download: the default install fetched $fetched of the site's $total artifacts, $((download / 1000000)) MB" \
  "($download bytes)"

# 4. the probe
add_probe "$ide" "$probe_target"

# 5. and 6. start the IDE, wait for the probe's report and check it and the IDE's error log
screenshot=$out/screenshot.png
run_probe "$ide" "$out/workspace" "$out/report.txt" "$screenshot"
log "PASSED: the signed update site installs into the bare IDE (a tampered copy does not), which starts with the" \
  "Novelty view working; screenshot: $screenshot"
