#!/usr/bin/env bash
# The README's run command: the minimal Eclipse IDE with Novelty Lens, on a throw-away workspace with a sample
# project whose document mixes a sentence of Jane Austen with invented ones. The document opens in the editor with
# its first paragraph selected, and the Novelty view beside it analyses that paragraph.
# Builds the IDE first when it is missing (./mvnw -B verify -DskipTests; see the README for how long that takes).
# The demo bundle of the io.noveltylens.ide product (releng/io.noveltylens.ide.demo) does the in-IDE part.
# Usage: releng/run-ide.sh [WORKSPACE_DIR [ECLIPSE_ARGS...]]
#   WORKSPACE_DIR defaults to a new folder under ${TMPDIR:-/tmp}; an existing workspace is reused as it is.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/product.sh
. "$root/releng/lib/product.sh"
product=$root/releng/io.noveltylens.product/target/products/io.noveltylens.ide/linux/gtk/x86_64
SAMPLE=/novelty-sample/draft.txt   # workspace path: project novelty-sample, file draft.txt

if [[ -z "${DISPLAY:-}" ]]; then
  echo "[run-ide] DISPLAY is not set: run this on a desktop, or headless with: xvfb-run -a $0" >&2
  exit 1
fi
if ! product_launcher "$product" >/dev/null 2>&1; then
  echo "[run-ide] the IDE is not built yet: building it (./mvnw -B verify -DskipTests)" >&2
  (cd "$root" && ./mvnw -B verify -DskipTests)
fi
launcher=$(product_launcher "$product")
select_java

workspace=${1:-$(mktemp -d "${TMPDIR:-/tmp}/novelty-lens-workspace.XXXXXX")}
shift || true
document=$workspace$SAMPLE
if [[ ! -f "$document" ]]; then
  mkdir -p "$(dirname "$document")"
  # The second sentence is the opening of Pride and Prejudice (in the default corpus); the rest is invented.
  cat >"$document" <<'TEXT'
The letter came on a Tuesday, folded twice and smelling faintly of lavender. It is
a truth universally acknowledged, that a single man in possession of a good fortune,
must be in want of a wife. Mrs. Pell read the line aloud to the parrot, which had
opinions about marriage and none at all about money.

Outside, the tram to Kettering Street rattled past a bakery whose windows had been
fogged since dawn. Nobody in the house believed the letter was meant for them, and
everybody read it twice.

By supper the parrot had learned the word "fortune" and used it whenever the soup
was late.
TEXT
fi
echo "[run-ide] workspace: $workspace (sample document: $document)" >&2
exec "$JAVA" "${PRODUCT_VM_ARGS[@]}" -Dnoveltylens.demo.open="$SAMPLE" \
  -jar "$launcher" -nosplash -data "$workspace" "$@"
