#!/usr/bin/env bash
# Takes the README's screenshots of the desktop app (docs/screenshots/*.png):
# the real app on its built-in server with a few SDK users, under a virtual X
# server (Xvfb), through the ScreenshotTour test. Run after ./test.sh (or
# `mvn install -DskipTests`), which builds the native core and installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/docs/screenshots"
mkdir -p "$out"
run=(mvn -B -q --no-transfer-progress -o -pl app surefire:test -Dtest=ScreenshotTour
  -Dsurefire.failIfNoSpecifiedTests=false "-Dparley.screenshots.dir=$out")
mvn -B -q --no-transfer-progress -o -pl app test-compile
if [[ -z "${DISPLAY:-}" ]]; then
  xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}"
else
  "${run[@]}"
fi
ls -l "$out"
