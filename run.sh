#!/usr/bin/env bash
# Sets everything up and runs Parley: installs missing prerequisites, builds
# parley.jar (native core included) and starts the desktop app. Arguments are
# passed to the app, e.g. ./run.sh --version
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
mvn -B -q --no-transfer-progress package -DskipTests
exec java -jar app/target/parley.jar "$@"
