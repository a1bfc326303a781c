#!/usr/bin/env bash
# Filling a SolrCloud collection straight from a corpus (issue 8) against building the local index of the same
# corpus from scratch, in the same run on the same machine, and filling it again (every vector reused). Starts a
# 3-node test cluster (releng/io.noveltylens.solr.cluster, 127.0.0.1 only) and a 2-shard x 2-replica collection.
#
#   releng/solr-fill-benchmark.sh                      Moby Dick + Tom Sawyer (4,643 passages), about 5 minutes
#   releng/solr-fill-benchmark.sh CORPUS [CORPUS...]   other files or folders, e.g. the whole default corpus
#
# Needs the CLI and the test cluster built (./mvnw -B verify, or releng/novelty's first run builds the CLI).
# On a small machine the cluster shares the cores with the embedding: the ratio is an upper bound of the
# fill's cost against a cluster of its own.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cluster_jar="$root/releng/io.noveltylens.solr.cluster/target/solr-cluster.jar"
[[ -f "$cluster_jar" ]] || { echo "Missing $cluster_jar: build the project first (./mvnw -B verify)." >&2; exit 1; }
corpus=("$@")
if [[ ${#corpus[@]} -eq 0 ]]; then
  corpus=("$root/bundles/io.noveltylens.corpus.default/corpus/mobydick.txt.gz"
          "$root/bundles/io.noveltylens.corpus.default/corpus/tomsawyer.txt.gz")
fi
corpus_args=()
for c in "${corpus[@]}"; do corpus_args+=(--corpus "$c"); done
. "$root/releng/lib/product.sh"
select_java

work=$(mktemp -d "${TMPDIR:-/tmp}/solr-fill-benchmark.XXXXXX")
mkfifo "$work/commands"
"$JAVA" -Xmx2g -jar "$cluster_jar" 3 "$work/cluster" <"$work/commands" >"$work/protocol" 2>"$work/cluster.log" &
cluster=$!
exec 3>"$work/commands"
cleanup() { echo quit >&3 2>/dev/null || true; wait "$cluster" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
until grep -q '^ready' "$work/protocol" 2>/dev/null; do
  kill -0 "$cluster" 2>/dev/null || { cat "$work/cluster.log" >&2; exit 1; }
  sleep 1
done
zk=$(sed -n 's/^zk //p' "$work/protocol")

seconds() { local start=$SECONDS; "$@" >"$work/last.out"; echo $((SECONDS - start)); }
# a fresh cache each: nothing embedded before, in either
export NOVELTY_CACHE="$work/cache-local"
local_s=$(seconds "$root/releng/novelty" index --index "$work/local-index" "${corpus_args[@]}")
grep -o 'Indexed [0-9,]* distinct passages' "$work/last.out"
export NOVELTY_CACHE="$work/cache-solr"
"$root/releng/novelty" solr create --zk "$zk" --collection bench --shards 2 --replicas 2 >/dev/null
fill_s=$(seconds "$root/releng/novelty" index --zk "$zk" --collection bench "${corpus_args[@]}")
sed 's/ at [^ ]* with/ with/' "$work/last.out"
refill_s=$(seconds "$root/releng/novelty" index --zk "$zk" --collection bench "${corpus_args[@]}")
sed 's/ at [^ ]* with/ with/' "$work/last.out"
awk -v l="$local_s" -v f="$fill_s" -v r="$refill_s" 'BEGIN {
  printf "local index from scratch: %d s\n", l
  printf "SolrCloud fill from scratch: %d s = %.2fx the local build\n", f, f / l
  printf "SolrCloud refill, same corpus: %d s = %.2fx the local build\n", r, r / l
}'
