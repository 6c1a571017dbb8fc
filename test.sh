#!/usr/bin/env bash
# Runs every test: the C++ unit tests (ctest) and Java tests (JUnit 5) through
# one Maven build with the packaged jar's integration tests; the C++ tests
# again under AddressSanitizer and UndefinedBehaviorSanitizer; the native fuzz
# targets and the Java fuzz tests (Jazzer) briefly; and a compile check of the
# Windows-only sources. GUI tests get a virtual X server (Xvfb) when there is
# no display.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh

if [[ -z "${DISPLAY:-}" ]] && command -v xvfb-run >/dev/null; then
  exec xvfb-run -a "$0" "$@"
fi

# install (verify, then into the local repository) so scripts/java-fuzz.sh can run
# the app module's fuzz tests on their own.
mvn -B --no-transfer-progress install
scripts/check-windows-sources.sh
PARLEY_FUZZ_SECONDS="${PARLEY_FUZZ_SECONDS:-15}" scripts/native-fuzz.sh
scripts/java-fuzz.sh
scripts/native-sanitizer-tests.sh
