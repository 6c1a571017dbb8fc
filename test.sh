#!/usr/bin/env bash
# Runs every test: the C++ unit tests (ctest) and Java tests (JUnit 5) through
# one Maven build, the packaged jar's integration tests, then the C++ tests again
# under AddressSanitizer and UndefinedBehaviorSanitizer. GUI tests get a virtual
# X server when there is no display.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh

maven=(mvn -B --no-transfer-progress verify)
if [[ -z "${DISPLAY:-}" ]] && command -v xvfb-run >/dev/null; then
  xvfb-run -a "${maven[@]}"
else
  "${maven[@]}"
fi
scripts/native-sanitizer-tests.sh
