# Sourced by releng/e2e-install-test.sh and releng/e2e-update-test.sh: the steps both take with a materialized IDE.
# Needs: log and fail functions, JAVA (select_java), out (the test's output folder), lib/product.sh.

FEATURE_IU=io.noveltylens.feature.feature.group
PROBE_ID=io.noveltylens.e2e.probe
# cold 2-core CI: an install copies ~200 MB; the IDE loads the model and opens the index once
DIRECTOR_TIMEOUT=${E2E_DIRECTOR_TIMEOUT:-300}
IDE_TIMEOUT=${E2E_IDE_TIMEOUT:-300}

# Prints the fingerprint of the key site $1 publishes (novelty-lens-signing-key.asc), read the way a user checks it,
# in the lower-case hex p2 compares; checks that the site's index.html names it. A keyring of our own, so that the
# user's ~/.gnupg is neither read nor written.
site_key() {
  local site=$1 fingerprint
  [[ -f "$site/novelty-lens-signing-key.asc" ]] || fail "$site publishes no signing key (novelty-lens-signing-key.asc)"
  command -v gpg >/dev/null || fail "gpg is missing (apt-get install gnupg)"
  fingerprint=$(GNUPGHOME=$(mktemp -d "$out/gnupg.XXXXXX") gpg --batch --with-colons --show-keys \
    "$site/novelty-lens-signing-key.asc" | awk -F: '$1 == "fpr" { print tolower($10); exit }')
  [[ -n "$fingerprint" ]] || fail "no key in $site/novelty-lens-signing-key.asc"
  grep -q "$fingerprint" "$site/index.html" || fail "$site/index.html does not name its signing key $fingerprint"
  printf '%s\n' "$fingerprint"
}

# Runs IDE $2's own p2 director, as 'eclipse -application ...p2.director' would, with the operation in the remaining
# arguments (-repository, -installIU, -uninstallIU...), trusting only content signed with key $1 (none: no trust
# options, for an uninstall); the log goes to $out/director-$LOG_NAME.log. -verboseTrust lists every artifact with the
# key that signed it.
p2_director() {
  local key=$1 into=$2
  shift 2
  local trust=()
  [[ -n "$key" ]] && trust=(-trustSignedContentOnly -trustedPGPKeys "$key" -verboseTrust)
  timeout "$DIRECTOR_TIMEOUT" "$JAVA" -jar "$(product_launcher "$into")" -nosplash -consoleLog \
    -application org.eclipse.equinox.p2.director "$@" -destination "$into" -profile DefaultProfile \
    -data "$out/director-workspace-$(basename "$into")" "${trust[@]}" >"$out/director-$LOG_NAME.log" 2>&1
}

# Checks that director log $1 names key $2 for the artifacts it installed, no other key, and no unsigned artifact.
assert_only_signed_by() {
  local director_log=$1 key=$2 other_keys
  grep -q "signed by PGP key $key" "$director_log" || fail "the director saw no artifact signed by $key"
  other_keys=$(grep 'signed by PGP key' "$director_log" | grep -v "$key" || true)
  [[ -z "$other_keys" ]] || fail "artifacts signed by other keys: $other_keys"
  if grep -q 'The following artifacts are unsigned' "$director_log"; then
    fail "the director reported unsigned artifacts (log: $director_log)"
  fi
}

# Drops the test-only probe bundle of probe build $2 (its target/: the jar and its expanded MANIFEST.MF) into IDE $1:
# a plain bundles.info line (symbolic name, version, location, start level, no autostart: the workbench activates it
# through its org.eclipse.ui.startup extension). p2 rewrites bundles.info on every install, so add it after each.
add_probe() {
  local ide=$1 probe_target=$2 probe_jar probe_version
  probe_jar=("$probe_target"/"$PROBE_ID"-*.jar)
  [[ -f "${probe_jar[0]}" ]] || fail "no probe jar in $probe_target: build releng/$PROBE_ID first"
  probe_version=$(sed -n 's/^Bundle-Version: *\([^[:space:]]*\).*/\1/p' "$probe_target/MANIFEST.MF")
  [[ -n "$probe_version" ]] || fail "no Bundle-Version in $probe_target/MANIFEST.MF"
  cp "${probe_jar[0]}" "$ide/plugins/${PROBE_ID}_$probe_version.jar"
  echo "$PROBE_ID,$probe_version,plugins/${PROBE_ID}_$probe_version.jar,4,false" \
    >>"$ide/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
}

# Starts IDE $1 on workspace $2 with the probe writing report $3 and screenshot $4, the remaining arguments added to
# the JVM's (-D... for the probe); waits for the report (written atomically), then for the IDE to close itself, and
# stops it if it does not. The IDE's output goes to $3's folder as ide-<report name>.log. Fails without a report, on a
# failed check or on an error Novelty Lens logged. IDE_ENV, if set, is a command prefix (env HOME=...).
run_probe() {
  local ide=$1 workspace=$2 report=$3 screenshot=$4
  shift 4
  local ide_log
  ide_log=$(dirname "$report")/ide-$(basename "$report" .txt).log
  log "starting the IDE on display $DISPLAY (log: $ide_log)"
  local started=$SECONDS
  ${IDE_ENV[@]+"${IDE_ENV[@]}"} "$JAVA" "${PRODUCT_VM_ARGS[@]}" "$@" -Dnoveltylens.e2e.report="$report" -Dnoveltylens.e2e.screenshot="$screenshot" \
    -jar "$(product_launcher "$ide")" -nosplash -consoleLog -data "$workspace" >"$ide_log" 2>&1 &
  ide_pid=$!
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
  if [[ ! -f "$report" ]]; then
    tail -n 60 "$ide_log" >&2
    fail "no report from the probe within ${IDE_TIMEOUT}s (IDE log: $ide_log)"
  fi
  sed 's/^/[e2e]   /' "$report"
  grep -qx 'result PASS' "$report" || fail "the probe's checks failed (report: $report, IDE log: $ide_log)"
  [[ -s "$screenshot" ]] || fail "no screenshot at $screenshot"
  # errors logged before the probe was listening (bundle activation, view creation) end up in the workspace log
  local errors
  errors=$(grep -E '^!ENTRY io\.noveltylens[^ ]* 4 ' "$workspace/.metadata/.log" 2>/dev/null || true)
  [[ -z "$errors" ]] || fail "Novelty Lens logged errors (see $workspace/.metadata/.log): $errors"
}

stop_ide() {
  if [[ -n "${ide_pid:-}" ]] && kill -0 "$ide_pid" 2>/dev/null; then
    log "stopping the IDE (pid $ide_pid)"
    kill "$ide_pid" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$ide_pid" 2>/dev/null || return 0; sleep 1; done
    kill -9 "$ide_pid" 2>/dev/null || true
  fi
}
