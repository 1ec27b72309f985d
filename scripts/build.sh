# Sourced: builds target/jstrace.jar when it is missing or older than any source.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$ROOT/target/jstrace.jar"
needs_build() {
  [ -f "$JAR" ] || return 0
  [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]
}
if needs_build; then
  echo "jstrace: building (first use or sources changed)..." >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package >&2) || { echo "jstrace: build failed" >&2; exit 1; }
fi
