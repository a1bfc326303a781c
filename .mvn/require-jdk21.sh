# Sourced by ./mvnw before anything else. Tycho 5 needs a JDK 21 or newer to run; on an older one it dies with a
# class-version stack trace, so check first and say what to do. An explicit JAVA_HOME is respected; without one, a
# JDK 21+ installed under /usr/lib/jvm is used when the default java is older (Debian's default is 17).
nl_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
if [ -n "${JAVA_HOME:-}" ]; then
  nl_major=$(nl_java_major "$JAVA_HOME/bin/java")
  if [ "${nl_major:-0}" -lt 21 ]; then
    echo "Novelty Lens needs a JDK 21 or newer to build, but JAVA_HOME=$JAVA_HOME is Java ${nl_major:-unknown}." >&2
    echo "Point JAVA_HOME at a JDK 21+ (for example: export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64) or unset it." >&2
    exit 1
  fi
else
  nl_major=$(nl_java_major java)
  if [ "${nl_major:-0}" -lt 21 ]; then
    for nl_candidate in /usr/lib/jvm/*/bin/java; do
      [ -x "$nl_candidate" ] || continue
      nl_m=$(nl_java_major "$nl_candidate")
      if [ "${nl_m:-0}" -ge 21 ]; then JAVA_HOME=$(dirname "$(dirname "$nl_candidate")"); fi
    done
    if [ -z "${JAVA_HOME:-}" ]; then
      echo "Novelty Lens needs a JDK 21 or newer to build; the default java is ${nl_major:-missing}." >&2
      echo "Install one (for example: apt-get install openjdk-21-jdk-headless) and set JAVA_HOME to it." >&2
      exit 1
    fi
    export JAVA_HOME
    # said once per build; releng/novelty, which runs a JVM per command, asks for silence
    [ -n "${NL_QUIET_JDK_CHOICE:-}" ] || echo "[mvnw] default java is ${nl_major:-missing}; using the JDK at $JAVA_HOME" >&2
  fi
fi
