# Sourced by releng/run-ide.sh and releng/e2e-install-test.sh: how to start a materialized Novelty Lens product.
# Maven Central has no native Eclipse launcher, so the products are started with the launcher jar on a JDK 21+.

# JVM options for the IDE: heap for the model and the 65k-passage index; Lucene vectorises with the incubating
# Vector API; ONNX Runtime, DJL's tokenizers and SWT load native code (JDK 24+ warns without native access).
# The .product files carry the same options (Tycho writes them to eclipse.ini, for a native launcher).
PRODUCT_VM_ARGS=(-Xmx2g --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED)

# Sets JAVA to a java 21+: $JAVA when given, else the JDK that ./mvnw would pick (.mvn/require-jdk21.sh).
select_java() {
  if [[ -n "${JAVA:-}" ]]; then
    return
  fi
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  # shellcheck source=../../.mvn/require-jdk21.sh
  NL_QUIET_JDK_CHOICE=1 . "$root/.mvn/require-jdk21.sh"
  JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
}

# Prints the launcher jar of the product in $1, or fails with what to do.
product_launcher() {
  local jars=("$1"/plugins/org.eclipse.equinox.launcher_*.jar)
  if [[ ! -f "${jars[0]}" ]]; then
    echo "no product in $1 (no plugins/org.eclipse.equinox.launcher_*.jar): build it with ./mvnw -B verify -DskipTests" >&2
    return 1
  fi
  printf '%s\n' "${jars[0]}"
}
