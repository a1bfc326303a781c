#!/usr/bin/env bash
# End-to-end install test: what a user does with our update site, checked from inside the IDE.
#  1. copy the bare IDE (the io.noveltylens.bare product: the same minimal IDE without Novelty Lens),
#  2. install the freshly built update site into it with that IDE's own p2 director application,
#  3. drop the test-only probe bundle (releng/io.noveltylens.e2e.probe, in no feature or site) into its bundles.info,
#  4. start the IDE; the probe opens the Novelty view, analyses a sentence of the shipped corpus with the shipped
#     model, checks bundle states, saves a screenshot, writes a report and closes the IDE,
#  5. assert on the report and on the IDE's error log.
# Run by 'mvn verify' in releng/io.noveltylens.product (integration-test phase; skipped by -DskipTests).
# Usage: releng/e2e-install-test.sh BARE_PRODUCT_DIR UPDATE_SITE_DIR PROBE_TARGET_DIR OUT_DIR
#   PROBE_TARGET_DIR is the probe module's target/ (its jar and its expanded MANIFEST.MF). JAVA may name the java.
set -euo pipefail

FEATURE_IU=io.noveltylens.feature.feature.group
PROBE_ID=io.noveltylens.e2e.probe
# cold 2-core CI: the install copies ~200 MB; the IDE loads the model and opens the index once
DIRECTOR_TIMEOUT=${E2E_DIRECTOR_TIMEOUT:-300}
IDE_TIMEOUT=${E2E_IDE_TIMEOUT:-300}

log() { echo "[e2e] $*"; }
fail() { echo "[e2e] FAILED: $*" >&2; exit 1; }

[[ $# -eq 4 ]] || { sed -n '2,13p' "$0" >&2; exit 2; }
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

# 2. install with the p2 director of the bare IDE itself, as 'eclipse -application ...p2.director' would
log "installing $FEATURE_IU from $site"
started=$SECONDS
if ! timeout "$DIRECTOR_TIMEOUT" "$JAVA" -jar "$launcher" -nosplash -consoleLog \
      -application org.eclipse.equinox.p2.director -repository "file:$site" -installIU "$FEATURE_IU" \
      -destination "$ide" -profile DefaultProfile -data "$out/director-workspace" >"$out/director.log" 2>&1; then
  tail -n 40 "$out/director.log" >&2
  fail "the p2 director did not install $FEATURE_IU within ${DIRECTOR_TIMEOUT}s (log: $out/director.log)"
fi
log "installed in $((SECONDS - started)) s"

# data bundles must be folders (Eclipse-BundleShape: dir): the engine reads the model and the index in place
for id in io.noveltylens.model.minilm io.noveltylens.corpus.default; do
  installed=("$ide"/plugins/"$id"_*)
  [[ -d "${installed[0]}" ]] || fail "$id is not installed as a folder: ${installed[*]}"
  log "folder: plugins/$(basename "${installed[0]}")"
done

# 3. the probe: a plain bundles.info line (symbolic name, version, location, start level, no autostart: the
#    workbench activates it through its org.eclipse.ui.startup extension)
probe_jar=("$probe_target"/"$PROBE_ID"-*.jar)
[[ -f "${probe_jar[0]}" ]] || fail "no probe jar in $probe_target: build releng/$PROBE_ID first"
probe_version=$(sed -n 's/^Bundle-Version: *\([^[:space:]]*\).*/\1/p' "$probe_target/MANIFEST.MF")
[[ -n "$probe_version" ]] || fail "no Bundle-Version in $probe_target/MANIFEST.MF"
cp "${probe_jar[0]}" "$ide/plugins/${PROBE_ID}_$probe_version.jar"
echo "$PROBE_ID,$probe_version,plugins/${PROBE_ID}_$probe_version.jar,4,false" \
  >>"$ide/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"

# 4. start the IDE and wait for the probe's report (written atomically), then for the IDE to close itself
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

# 5. assertions
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
log "PASSED: the update site installs into the bare IDE, which starts with the Novelty view working; screenshot: $screenshot"
