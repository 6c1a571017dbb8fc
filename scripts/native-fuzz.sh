#!/usr/bin/env bash
# Builds the libFuzzer targets of native/fuzz with clang (ASan + UBSan) and
# runs each for PARLEY_FUZZ_SECONDS seconds (default 20), starting from the
# committed seed corpus. Fails if any target crashes, leaks, trips a
# sanitizer or breaks one of its checks; the input that did it is saved in
# <build>/artifacts/. Needs clang (Debian: clang-14) but none of the core's
# libraries.
#
#   PARLEY_FUZZ_SECONDS   seconds per target (default 20)
#   PARLEY_FUZZ_BUILD_DIR build folder (default media-jni/target/native-fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${PARLEY_FUZZ_SECONDS:-20}
build=${PARLEY_FUZZ_BUILD_DIR:-media-jni/target/native-fuzz}
targets=(rtp_packet_fuzzer vp8_depacketizer_fuzzer rtcp_packet_fuzzer srtp_unprotect_fuzzer
  opus_payload_fuzzer wav_header_fuzzer rtx_unwrap_fuzzer)

CC=clang CXX=clang++ cmake -S . -B "$build" -DPARLEY_FUZZ=ON -DPARLEY_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel --target "${targets[@]}" >/dev/null

mkdir -p "$build/artifacts"
failed=0
for target in "${targets[@]}"; do
  # New inputs go to the first folder (a working copy in the build); the
  # committed seeds are only read.
  work="$build/corpus/$target"
  mkdir -p "$work"
  log="$build/$target.log"
  echo "fuzz: $target for ${seconds}s"
  if "$build/fuzz/$target" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$target-" "$work" "native/fuzz/corpus/$target" \
      >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: $target passed: ${runs:-?} executions, corpus $(ls "$work" | wc -l) inputs"
  else
    failed=1
    echo "fuzz: $target FAILED (log $log, inputs in $build/artifacts):" >&2
    grep -E -A30 'ERROR|FUZZ_CHECK|runtime error|deadly signal' "$log" | head -60 >&2 || tail -40 "$log" >&2
  fi
done
exit "$failed"
