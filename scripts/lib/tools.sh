#!/usr/bin/env bash
# Runs one of the result tools (report, compare, check, ab, merge) from benchmarks.jar with a
# JDK 21+, after building the jar if it is missing or older than the sources, as scripts/bench does.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/lib/java.sh"
jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/fixtures" "$root/benchmarks/pom.xml" "$root/benchmarks/src" \
    -newer "$jar" -type f -print -quit)" ]; then
  (cd "$root" && ./mvnw -B -q package -DskipTests) >&2
fi
exec "$JAVA" -cp "$jar" io.batchbench.tools.Tools "$@"
