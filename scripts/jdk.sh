# Sourced by the other scripts: finds a JDK >= 22 (FFM is final from 22) and
# sets JSTRACE_JDK and JAVA (not exported: a traced program must see the
# caller's environment unchanged). $JAVA_HOME wins when it is new enough;
# otherwise the newest JDK under /usr/lib/jvm.

jdk_feature() { # prints the feature release of the JDK at $1, or nothing
  local v
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  [ -n "$v" ] && echo "$v"
}

find_jdk() {
  local best="" best_v=0 d v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(jdk_feature "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 22 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -L "$d" ] && continue
    v=$(jdk_feature "$d")
    if [ -n "$v" ] && [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
  done
  if [ "$best_v" -ge 22 ]; then echo "$best"; return 0; fi
  return 1
}

if ! JSTRACE_JDK=$(find_jdk); then
  cat >&2 <<'MSG'
jstrace: no JDK 22 or newer found (checked $JAVA_HOME and /usr/lib/jvm/*).
jstrace calls ptrace through the Foreign Function & Memory API, final in Java 22.
Install one, for example:  apt-get install openjdk-25-jdk-headless
or point JAVA_HOME at an existing JDK >= 22.
MSG
  exit 1
fi
JAVA="$JSTRACE_JDK/bin/java"
