#!/usr/bin/env bash
# Builds the native core and its C++ tests with AddressSanitizer and
# UndefinedBehaviorSanitizer and runs them. Needs a prior Maven build (it
# reuses the OpenCV/OpenBLAS natives media-jni unpacked).
set -euo pipefail
cd "$(dirname "$0")/.."
platform_dir=$(ls -d media-jni/target/native-deps/org/bytedeco/opencv/*/ 2>/dev/null | head -1)
if [[ -z "$platform_dir" ]]; then
  echo "sanitizer tests: run the Maven build first (mvn package)" >&2
  exit 1
fi
platform=$(basename "$platform_dir")
deps="$PWD/media-jni/target/native-deps/org/bytedeco"
build=media-jni/target/native-sanitize
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DPARLEY_SANITIZE=ON \
  -DPARLEY_VERSION=sanitize \
  -DPARLEY_OPENCV_ROOT="$deps/opencv/$platform" -DPARLEY_OPENBLAS_ROOT="$deps/openblas/$platform" >/dev/null
cmake --build "$build" --parallel 2 >/dev/null
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir "$build" --output-on-failure --no-tests=error
