# Sourced by the other scripts: finds a JDK >= 22 (FFM is final from 22) and
# sets JSTRACE_JDK, JSTRACE_JDK_FEATURE and JAVA (not exported: a traced
# program must see the caller's environment unchanged). $JAVA_HOME wins when
# it is new enough; otherwise the newest JDK under /usr/lib/jvm.
# Bash builtins only, no subshells: scripts/jstrace runs this on every call,
# and a fork per JDK found cost ~6 ms of its start-up.

jdk_feature() { # sets REPLY to the feature release of the JDK at $1, or to nothing
  local line
  REPLY=""
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -r "$1/release" ] || return 0
  while IFS= read -r line; do
    if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then REPLY=${BASH_REMATCH[1]}; return 0; fi
  done < "$1/release"
}

find_jdk() { # sets JSTRACE_JDK and JSTRACE_JDK_FEATURE; fails when no JDK >= 22 is found
  local d
  JSTRACE_JDK="" JSTRACE_JDK_FEATURE=0
  if [ -n "${JAVA_HOME:-}" ]; then
    jdk_feature "$JAVA_HOME"
    if [ -n "$REPLY" ] && [ "$REPLY" -ge 22 ]; then JSTRACE_JDK=$JAVA_HOME JSTRACE_JDK_FEATURE=$REPLY; return 0; fi
  fi
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -L "$d" ] && continue
    jdk_feature "$d"
    if [ -n "$REPLY" ] && [ "$REPLY" -gt "$JSTRACE_JDK_FEATURE" ]; then JSTRACE_JDK=$d JSTRACE_JDK_FEATURE=$REPLY; fi
  done
  [ "$JSTRACE_JDK_FEATURE" -ge 22 ]
}

if ! find_jdk; then
  cat >&2 <<'MSG'
jstrace: no JDK 22 or newer found (checked $JAVA_HOME and /usr/lib/jvm/*).
jstrace calls ptrace through the Foreign Function & Memory API, final in Java 22.
Install one, for example:  apt-get install openjdk-25-jdk-headless
or point JAVA_HOME at an existing JDK >= 22.
MSG
  exit 1
fi
JAVA="$JSTRACE_JDK/bin/java"
