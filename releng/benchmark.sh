#!/usr/bin/env bash
# Runs the benchmarks of issue 7 (releng/io.noveltylens.benchmarks) and writes their Markdown results to
# releng/io.noveltylens.benchmarks/target/benchmark-results.md; docs/benchmarks.md quotes a full run.
#
#   releng/benchmark.sh           full run, under 15 minutes on 2 cores
#   releng/benchmark.sh --quick   smaller samples, under 3 minutes
#   releng/benchmark.sh --quick --start-and-hull   only the start-up (engine and `novelty score` in fresh
#                                 processes) and the selection-to-report rows with the hull budget, about 2 minutes
#   releng/benchmark.sh --annotate [--passages N]   only the annotation of N corpus sentences (default 20,000)
#                                 streamed to a results file, against the bare engine loop, with memory at every
#                                 5,000 passages and a resume of the finished run; about 3 minutes per 20,000
#   releng/benchmark.sh [--quick] --search   only the search: HNSW graph parameters and vector formats built from the
#                                 default corpus's vectors, recall@10 and latency against an exact scan
#
# Builds the module first when its jar is missing (offline when possible). It is not part of the normal build's
# tests: the module has no tests and nothing in it is bound to the test phases. Needs the default corpus index
# (bundles/io.noveltylens.corpus.default/index), which the full build makes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
module="$root/releng/io.noveltylens.benchmarks"
jar="$module/target/novelty-benchmarks.jar"
# shellcheck source=lib/product.sh
. "$root/releng/lib/product.sh"
select_java

if [[ ! -f "$root/bundles/io.noveltylens.corpus.default/index/CURRENT" ]]; then
  echo "No default corpus index: build it first (./mvnw -B verify), then run this again." >&2
  exit 1
fi
if [[ ! -f "$jar" ]]; then
  modules=target-platform,bundles/io.noveltylens.model.minilm,bundles/io.noveltylens.core,releng/io.noveltylens.benchmarks
  (cd "$root" && { ./mvnw -B -q -o verify -DskipTests -pl "$modules" || ./mvnw -B -q verify -DskipTests -pl "$modules"; })
fi

cd "$module"
# DJL offline, with its natives under target/ also for langchain4j, which loads before our embedder (DESIGN
# section 4); the heap holds the full run's 200k-vector corpus (unit and raw vectors, Lucene's build buffers)
# besides the default one.
exec "$JAVA" -Xmx8g --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -Dai.djl.offline=true -DDJL_CACHE_DIR="$module/target/bench-work/native-cache/djl" \
  -DENGINE_CACHE_DIR="$module/target/bench-work/native-cache/djl" \
  -jar "$jar" --repo "$root" "$@"
