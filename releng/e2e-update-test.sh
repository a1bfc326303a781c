#!/usr/bin/env bash
# End-to-end update test: what a returning user meets after updating Novelty Lens in place (docs/release.md, "How the
# tests check it").
#  1. build the previous release: this checkout's sources with a build qualifier a day older, in a copy of its own
#     (Tycho, -DforceContextQualifier; the modules of the site only, offline), signed with its own throw-away key,
#  2. install it into a copy of the bare IDE with the p2 director, signed content only, trusting its key,
#  3. start it: the probe sets what a user sets (a corpus folder of their own, 7 neighbours instead of 10); the IDE
#     builds that folder's index by itself; the probe analyses a sentence of it and closes the IDE,
#  4. mark that index as written by index format 2, which is what an update that changes the format meets (the
#     previous release is built from these sources, so it writes this version's format; the real generations of every
#     older format are core's fixtures, see IndexFormatUpgradeTest),
#  5. update to the current site with the director, the previous feature replaced by the current one in one plan (as
#     Check for Updates does), signed content only, trusting the current site's key,
#  6. start the updated IDE: the probe checks that the preferences were kept, that the view answers from the old index
#     while the visible upgrade job runs, and again from the upgraded index; screenshots,
#  7. uninstall with the director: no process of the IDE is left, and no file of Novelty Lens outside the workspace's
#     state location (the IDE runs with a HOME and a temporary folder of its own, which must hold none of ours).
# Run by 'mvn verify' in releng/io.noveltylens.product after the install test (skipped by -DskipTests).
# Usage: releng/e2e-update-test.sh BARE_PRODUCT_DIR UPDATE_SITE_DIR PROBE_TARGET_DIR OUT_DIR
#   MAVEN_REPO_LOCAL names the Maven repository of this build (the previous release is built offline from it); JAVA
#   may name the java; E2E_PREVIOUS_SITE, a site to update from instead of building one (a published release). Needs
#   gpg, Xvfb, and a built reactor (the current site, the bare IDE, the probe).
set -euo pipefail

log() { echo "[e2e-update] $*"; }
fail() { echo "[e2e-update] FAILED: $*" >&2; exit 1; }

[[ $# -eq 4 ]] || { sed -n '2,21p' "$0" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=lib/product.sh
. "$here/lib/product.sh"
# shellcheck source=lib/e2e.sh
. "$here/lib/e2e.sh"

if [[ -z "${DISPLAY:-}" ]]; then
  command -v xvfb-run >/dev/null || fail "DISPLAY is not set and xvfb-run is missing (apt-get install xvfb)"
  exec xvfb-run -a -s "-screen 0 1280x1024x24" bash "$0" "$@"
fi

bare=$(cd "$1" && pwd) || fail "no bare product at $1"
site=$(cd "$2" && pwd) || fail "no update site at $2"
probe_target=$(cd "$3" && pwd) || fail "no probe build at $3"
out=$4
select_java
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
# what the IDE writes outside the IDE folder and the workspace, it writes here
home=$out/home
tmp=$out/tmp
mkdir -p "$home" "$tmp"
IDE_ENV=(env HOME="$home")

# bundles/repackaged and its modules (the natives' host bundles and their fragments per platform), comma-separated
repackaged_modules() {
  local modules=bundles/repackaged dir
  for dir in "$root"/bundles/repackaged/*/; do
    modules+=",bundles/repackaged/$(basename "$dir")"
  done
  echo "$modules"
}

# 1. the previous release. Maven reads every module of the reactor before -pl selects some, so the copy holds them all
#    (without build outputs and embedding caches); 'package', not 'install', so that the local repository keeps this
#    build's artifacts.
build_previous_release() {
  local previous_src=$out/previous-src qualifier
  mkdir -p "$previous_src"
  tar -C "$root" --exclude=./.git --exclude=target --exclude='*.cache' --exclude=.tycho-consumer-pom.xml -cf - . \
    | tar -C "$previous_src" -xf -
  qualifier=$(date -u -d '1 day ago' +%Y%m%d%H%M)
  log "building the previous release (qualifier $qualifier) from a copy of these sources"
  (cd "$previous_src" && ./mvnw -B -o -q ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local="$MAVEN_REPO_LOCAL"} -DskipTests \
    -DforceContextQualifier="$qualifier" package -pl "target-platform,bundles/io.noveltylens.model.minilm,\
bundles/io.noveltylens.model.minilm.int8,$(repackaged_modules),bundles/io.noveltylens.test.support,\
bundles/io.noveltylens.core,bundles/io.noveltylens.solr,bundles/io.noveltylens.corpus.default,\
bundles/io.noveltylens.ui,features/io.noveltylens.feature,features/io.noveltylens.int8,releng/io.noveltylens.repository") \
    >"$out/previous-build.log" 2>&1 || { tail -n 40 "$out/previous-build.log" >&2; fail "the previous release did not build"; }
  # the site is all that is needed of the copy
  mv "$previous_src/releng/io.noveltylens.repository/target/repository" "$out/previous-site"
  rm -rf "$previous_src"
}
started=$SECONDS
if [[ -n "${E2E_PREVIOUS_SITE:-}" ]]; then
  previous_site=$(cd "$E2E_PREVIOUS_SITE" && pwd)
else
  build_previous_release
  previous_site=$out/previous-site
fi
previous_feature=$(cd "$previous_site/features" && ls io.noveltylens.feature_*.jar)
previous_version=${previous_feature#io.noveltylens.feature_}
previous_version=${previous_version%.jar}
current_features=("$site"/features/io.noveltylens.feature_*.jar)
current_version=${current_features[0]##*/io.noveltylens.feature_}
current_version=${current_version%.jar}
[[ "$previous_version" < "$current_version" ]] || fail "previous $previous_version is not older than $current_version"
log "the previous release: $previous_version, $((SECONDS - started)) s (current: $current_version)"

# 2. install it
ide=$out/ide
cp -a "$bare" "$ide"
previous_key=$(site_key "$previous_site")
started=$SECONDS
LOG_NAME=install-previous p2_director "$previous_key" "$ide" -repository "file:$previous_site" \
  -installIU "$FEATURE_IU" || { tail -n 40 "$out/director-install-previous.log" >&2; fail "the previous release did not install"; }
assert_only_signed_by "$out/director-install-previous.log" "$previous_key"
install_seconds=$((SECONDS - started))
log "installed the previous release in $install_seconds s"
add_probe "$ide" "$probe_target"

# 3. what a user sets up with it: a corpus of their own (the start of Pride and Prejudice, one paragraph a line)
corpus=$out/my-corpus
mkdir -p "$corpus"
zcat "$root/bundles/io.noveltylens.corpus.default/corpus/austen.txt.gz" | grep -A 59 '^It is a truth universally' \
  >"$corpus/austen-pride.txt"
[[ $(wc -l <"$corpus/austen-pride.txt") -eq 60 ]] || fail "could not write the test corpus"
workspace=$out/workspace
started=$SECONDS
run_probe "$ide" "$workspace" "$out/report-previous.txt" "$out/previous.png" -Djava.io.tmpdir="$tmp" \
  -Dnoveltylens.e2e.phase=previous -Dnoveltylens.e2e.corpus="$corpus"
log "the previous release indexed the user's corpus and answered in $((SECONDS - started)) s"

# 4. the index it built, as an older format left it (formats 1 and 2 wrote no calibration), unless the previous
#    release wrote an older format itself
state=$workspace/.metadata/.plugins/io.noveltylens.ui
old_generation=$(cat "$state/index/CURRENT")
generation=$state/index/$old_generation
current_format=$(sed -n 's/.* int FORMAT_VERSION = \([0-9]*\);.*/\1/p' \
  "$root/bundles/io.noveltylens.core/src/io/noveltylens/core/index/IndexMetadata.java")
previous_format=$(sed -n 's/.*"formatVersion": \([0-9]*\),.*/\1/p' "$generation/novelty-index.json")
[[ -n "$current_format" && -n "$previous_format" ]] || fail "cannot read the index formats"
if [[ $previous_format == "$current_format" ]]; then
  sed -i "s/\"formatVersion\": $current_format,/\"formatVersion\": 2,/" "$generation/novelty-index.json"
  rm "$generation/calibration.bin"
  log "the previous release wrote index format $current_format: marked as format 2, as an update that changes it finds"
else
  log "the previous release wrote index format $previous_format"
fi

# 5. the update
current_key=$(site_key "$site")
started=$SECONDS
LOG_NAME=update p2_director "$current_key" "$ide" -repository "file:$site" \
  -uninstallIU "$FEATURE_IU/$previous_version" -installIU "$FEATURE_IU/$current_version" \
  || { tail -n 40 "$out/director-update.log" >&2; fail "the update did not install"; }
assert_only_signed_by "$out/director-update.log" "$current_key"
update_seconds=$((SECONDS - started))
log "updated to $current_version in $update_seconds s"
if compgen -G "$ide/plugins/io.noveltylens.core_$previous_version*" >/dev/null; then
  log "note: the previous release's bundles stay in plugins/ until p2 collects them"
fi
compgen -G "$ide/plugins/io.noveltylens.core_$current_version*" >/dev/null || fail "io.noveltylens.core $current_version is not installed"
add_probe "$ide" "$probe_target"

# 6. the first start after the update
started=$SECONDS
run_probe "$ide" "$workspace" "$out/report-updated.txt" "$out/updated.png" -Djava.io.tmpdir="$tmp" \
  -Dnoveltylens.e2e.phase=updated -Dnoveltylens.e2e.corpus="$corpus"
[[ $(cat "$state/index/CURRENT") != "$old_generation" ]] || fail "the index was not rebuilt"
[[ ! -e "$state/index/$old_generation" ]] || fail "the old generation $old_generation was not removed"
log "the updated IDE answered, upgraded the index and answered again in $((SECONDS - started)) s"

# 7. uninstall: nothing of ours left running or outside the state location. The probe goes first (it needs our
#    bundles); p2 deletes the uninstalled files when it collects garbage, which its garbage collector application does
#    here, as the IDE's p2 does on a later operation: until then they lie unused in plugins/.
sed -i "/^$PROBE_ID,/d" "$ide/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
rm -f "$ide/plugins/${PROBE_ID}_"*.jar
started=$SECONDS
LOG_NAME=uninstall p2_director "" "$ide" -uninstallIU "$FEATURE_IU" \
  || { tail -n 40 "$out/director-uninstall.log" >&2; fail "the uninstall failed"; }
timeout "$DIRECTOR_TIMEOUT" "$JAVA" -jar "$(product_launcher "$ide")" -nosplash -consoleLog \
  -application org.eclipse.equinox.p2.garbagecollector.application -profile DefaultProfile \
  -data "$out/director-workspace-ide" >"$out/garbage-collector.log" 2>&1 || fail "p2's garbage collector failed"
log "uninstalled, and the files collected, in $((SECONDS - started)) s"
running=$(pgrep -f -- "-data $workspace" || true)
[[ -z "$running" ]] || fail "processes of the IDE still run: $running"
left=$(find "$ide" -iname '*noveltylens*' -not -path "$ide/p2/*" || true)
[[ -z "$left" ]] || fail "files of Novelty Lens left in the IDE after the uninstall: $left"
# any file at all, or a folder named after us or the native libraries we unpack (ONNX Runtime, DJL's tokenizers)
outside=$(cd "$out" && find home tmp -mindepth 1 \( -type f -o -iname '*noveltylens*' -o -iname '*onnx*' \
  -o -iname '*djl*' -o -iname '*tokenizers*' \) -print)
[[ -z "$outside" ]] || fail "files of Novelty Lens outside the state location: $outside"
log "the IDE's HOME and temporary folder hold no file; folders: $(cd "$out" && find home tmp -mindepth 1 | tr '\n' ' ')"
log "PASSED: update from $previous_version to $current_version kept the preferences, upgraded the index while the" \
  "view answered, and the uninstall left nothing running and nothing outside the state location (install" \
  "$install_seconds s, update $update_seconds s); screenshots: $out/updated-upgrading.png, $out/updated.png"
