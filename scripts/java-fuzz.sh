#!/usr/bin/env bash
# Fuzzes the Java parsers with Jazzer: every @FuzzTest of the app module, one
# Maven run each (Jazzer fuzzes one test per JVM), for the duration its
# annotation gives (maxDuration). In the ordinary `mvn verify` the same tests
# only replay their committed seeds (src/test/resources/<package>/<Class>Inputs).
# A finding fails the run; Jazzer writes the crashing input to app/.
# Needs the modules installed in the local repository first (./test.sh runs
# `mvn install`), so that `-pl app` finds parley-media-jni.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t tests < <(grep -rl '@FuzzTest' app/src/test/java | sort | while read -r file; do
  class=$(sed -e 's#^app/src/test/java/##' -e 's#\.java$##' -e 's#/#.#g' <<<"$file")
  grep -A2 '@FuzzTest' "$file" | sed -n 's/^ *void \([A-Za-z0-9_]*\)(.*/\1/p' | while read -r method; do
    echo "$class#$method"
  done
done)
[[ ${#tests[@]} -gt 0 ]] || { echo "java-fuzz: no @FuzzTest found" >&2; exit 1; }
for test in "${tests[@]}"; do
  echo "fuzz: $test"
  JAZZER_FUZZ=1 mvn -B -o -q --no-transfer-progress -pl app surefire:test \
    -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false
done
echo "fuzz: ${#tests[@]} Java fuzz tests passed"
