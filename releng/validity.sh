#!/usr/bin/env bash
# The validity benchmark of issue 14 (docs/readouts.md, "Validity"): does each readout rank held-out text by how far
# it is from the reference corpus, without a length bias, and are the percentiles calibrated? Builds a reference index
# of Austen and Moby Dick without held-out blocks, scores about 1,000 graded held-out units (copies, paraphrases,
# unseen passages, other authors, other genres, at sentence and paragraph granularity, plus joined paragraphs) in one
# JVM, and prints a Markdown table with PASS/FAIL against the targets; it is also written to
# WORK/validity-DATE.md.
#
#   releng/validity.sh [--build] [--reindex] [--budget-ms N] [--model DIR]
#
#   --build        rebuild the CLI and the harness first (they are built only when missing; rebuild after changing
#                  the code, or the run measures the old jars)
#   --reindex      rebuild the reference index from its embedding cache (no embedding): needed after a change to
#                  what the index stores that keeps IndexMetadata.FORMAT_VERSION, which would find the index up to date
#   --budget-ms N  hull budget per unit (default 400)
#   --model DIR    a model folder with a novelty-model.json instead of the shipped model (use its own WORK: the index
#                  of one model does not serve another)
#
# WORK is $VALIDITY_WORK, else releng/validity/target. The index stays there: a rerun embeds nothing (the index is
# up to date, or rebuilt from its embedding cache when the index format changed), so a warm run is the scoring time
# alone, under 3 minutes on 2 busy cores; a cold run embeds 12k passages first (about 15 minutes in all on 2 busy
# cores). Not part of the build's tests. The sources are in the repository (releng/validity/PROVENANCE.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${VALIDITY_WORK:-$root/releng/validity/target}"
budget=400
build=false
reindex=false
model=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build) build=true; shift ;;
    --reindex) reindex=true; shift ;;
    --budget-ms) budget="$2"; shift 2 ;;
    --model) model=(--model "$2"); shift 2 ;;
    *) echo "usage: releng/validity.sh [--build] [--reindex] [--budget-ms N] [--model DIR]" >&2; exit 2 ;;
  esac
done
cli_jar="$root/bundles/io.noveltylens.cli/target/novelty-cli.jar"
harness_jar="$root/releng/io.noveltylens.benchmarks/target/novelty-benchmarks.jar"
# shellcheck source=lib/product.sh
. "$root/releng/lib/product.sh"
select_java

if $build || [[ ! -f "$cli_jar" || ! -f "$harness_jar" ]]; then
  # package, not verify: verify would also build the default corpus index (the CLI's pre-integration-test), which
  # this benchmark does not use
  modules=target-platform,bundles/io.noveltylens.model.minilm,bundles/io.noveltylens.core
  modules+=,releng/io.noveltylens.solr.cluster,bundles/io.noveltylens.solr,bundles/io.noveltylens.cli
  modules+=,releng/io.noveltylens.benchmarks
  (cd "$root" && { ./mvnw -B -q -o package -DskipTests -pl "$modules" \
    || ./mvnw -B -q package -DskipTests -pl "$modules"; }) >&2
fi

started=$SECONDS
mkdir -p "$work"
harness=("$JAVA" -cp "$harness_jar" io.noveltylens.benchmarks.validity.ValidityMain)
# the JVM options of releng/novelty for a streaming or long command (C2 and the Vector API kept)
novelty=("$JAVA" -Xmx4g --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar "$cli_jar")

"${harness[@]}" sets --repo "$root" --work "$work"

echo "[validity] indexing the reference corpus into $work/index" >&2
if $reindex; then
  # without a current generation the build starts afresh, taking the vectors from the embedding cache beside it
  rm -f "$work/index/CURRENT"
fi
step=$SECONDS
"${novelty[@]}" index "${model[@]}" --corpus "$work/corpus" --index "$work/index" | tee "$work/index.log"
index_seconds=$((SECONDS - step))
# the match levels' thresholds: the reference corpus's own sentences against the rest of the index
"${harness[@]}" levels --repo "$root" --work "$work" "${model[@]}"

units=$(wc -l < "$work/units.txt")
echo "[validity] scoring $units units, hull budget $budget ms" >&2
step=$SECONDS
"${novelty[@]}" score "${model[@]}" --index "$work/index" --budget-ms "$budget" - < "$work/units.txt" > "$work/scores.jsonl"
score_seconds=$((SECONDS - step))

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  commit+=" with uncommitted changes"
fi
load=$(cut -d' ' -f1-3 /proc/loadavg)
"${harness[@]}" report --work "$work" --out "$work/validity-$(date -u +%Y-%m-%d).md" \
  --about "Run $(date -u +%Y-%m-%dT%H:%MZ), commit $commit, $(nproc) cores, load average $load" \
  --about "Index (${index_seconds} s): $(tail -n 1 "$work/index.log")" \
  --about "Scoring: $units units in one JVM, hull budget $budget ms, ${score_seconds} s" \
  --about "Whole run (without building the jars): $((SECONDS - started)) s"
