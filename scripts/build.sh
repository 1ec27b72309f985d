# Sourced: builds target/jstrace.jar when it is missing or older than any source.
ROOT=$(cd -P -- "${BASH_SOURCE[0]%/*}/.." && pwd)
JAR="$ROOT/target/jstrace.jar"
needs_build() {
  [ -f "$JAR" ] || return 0
  [ -d "$ROOT/src/main" ] || return 1 # installed without sources: the jar is what there is
  [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]
}
if needs_build; then
  echo "jstrace: building (first use or sources changed)..." >&2
  log=$(mktemp)
  if ! (cd "$ROOT" && JAVA_HOME="$JSTRACE_JDK" mvn -q -B -ntp -DskipTests package) >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    echo "jstrace: build failed" >&2; exit 1
  fi
  rm -f "$log"
fi
