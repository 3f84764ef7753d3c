#!/bin/sh
# Prints the home of a JDK whose feature version is at least $1 (default 21), or nothing.
# Order: $JAVA_HOME, the `java` on PATH, then the usual install locations (newest first).
# Reads each JDK's `release` file instead of starting a JVM, so the search costs milliseconds.
min=${1:-21}

feature_of() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  [ -f "$1/release" ] || return 1
  v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release")
  [ -n "$v" ] && echo "$v"
}

ok() { f=$(feature_of "$1") && [ "$f" -ge "$min" ]; }

if [ -n "${JAVA_HOME-}" ] && ok "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi

if command -v java >/dev/null 2>&1; then
  home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  if ok "$home"; then echo "$home"; exit 0; fi
fi

best=""; best_v=0
for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/*jdk* "$HOME"/.sdkman/candidates/java/* \
  /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  [ -d "$d" ] || continue
  v=$(feature_of "$d") || continue
  if [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
done
[ -n "$best" ] && echo "$best"
