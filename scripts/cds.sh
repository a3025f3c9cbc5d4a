#!/usr/bin/env bash
# Builds the class-data-sharing archive that scripts/drslink starts the jar with (mvn package runs this; see README
# "Performance"). One training run (drslink.cli.Training: every command on the bundled examples) records the classes
# drslink loads; the JVM then maps them from the archive instead of reading, parsing and verifying them on each start.
#   JDK 24 and newer: an AOT cache,            JAR-minus-.jar.aot  (-XX:AOTCache)
#   older (17-23):    a static AppCDS archive,  JAR-minus-.jar.jsa  (-XX:SharedArchiveFile)
# and JAR-minus-.jar.jvm names the JDK (java.home) that built it: an archive is only usable by that exact JVM build,
# so the launcher uses it only when the java it runs is that one.
#   scripts/cds.sh [JAR=target/drslink.jar] [JAVA_HOME=the java on PATH]
# DRSLINK_CDS=off skips it (and removes a stale archive). Never fails the build: without an archive drslink starts
# the ordinary way.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jar=$(readlink -f "${1:-target/drslink.jar}")
if [ -n "${2:-}" ]; then
  java_home=$(readlink -f "$2")
else
  java_home=$(readlink -f "$(command -v java)") && java_home=${java_home%/bin/java}
fi
java=$java_home/bin/java
base=${jar%.jar}
rm -f "$base.jsa" "$base.aot" "$base.jvm"
if [ "${DRSLINK_CDS:-on}" = off ]; then
  exit 0
fi
if [ ! -f "$jar" ] || [ ! -x "$java" ]; then
  echo "cds: no $jar or no $java; drslink starts without an archive" >&2
  exit 0
fi
feature=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
training=(-cp "$jar" drslink.cli.Training "$work/out" examples/*/topology.yaml)
if [ "${feature%%.*}" -ge 24 ] 2>/dev/null; then
  archive=$base.aot
  "$java" -XX:AOTMode=record -XX:AOTConfiguration="$work/drslink.aotconf" -Xlog:aot=error,cds=error "${training[@]}" >"$work/log" 2>&1 &&
    "$java" -XX:AOTMode=create -XX:AOTConfiguration="$work/drslink.aotconf" -XX:AOTCache="$archive" -Xlog:aot=error,cds=error -cp "$jar" >>"$work/log" 2>&1
else
  archive=$base.jsa
  # A static AppCDS archive from the training run's class list, not a dynamic one (-XX:ArchiveClassesAtExit): picocli
  # is compiled for Java 5, and JDK 17 keeps such classes in a static archive only. Measured: validate with 1 source
  # parses 84 classes at start-up instead of 257, 0.39 s instead of 0.50 s (README "Performance").
  "$java" -XX:DumpLoadedClassList="$work/classes.lst" "${training[@]}" >"$work/log" 2>&1 &&
    "$java" -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$archive" -cp "$jar" >>"$work/log" 2>&1
fi
status=$?
if [ $status -ne 0 ] || [ ! -s "$archive" ]; then
  echo "cds: the training run failed (exit $status); drslink starts without an archive:" >&2
  tail -20 "$work/log" >&2
  rm -f "$archive"
  exit 0
fi
echo "$java_home" >"$base.jvm"
: # quiet on success (mvn -q); `ls target/drslink.*` shows it
