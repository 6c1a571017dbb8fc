#!/usr/bin/env bash
# Syntax-checks the native core's Windows-only sources (native/src/**/windows/
# *.cpp) with the mingw-w64 cross compiler, so code that Linux builds never
# compile does not rot. Syntax only: nothing is linked, no Windows SDK needed.
#
# Compiler: x86_64-w64-mingw32-g++-posix when installed, else
# x86_64-w64-mingw32-g++ (override with MINGW_CXX). Debian's default
# alternative is the "-win32" thread model, whose GCC 12 libstdc++ has no
# std::mutex/std::thread; MSVC and posix-threaded mingw (what a Windows build
# uses) have them, so checking with the win32 model would reject valid code.
#
# The Windows sources must not include libyuv.h (only frame_converter.cpp
# does, and it is not a Windows file): Debian's /usr/include cannot be put on
# a cross compiler's path without dragging in glibc headers.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n "${MINGW_CXX:-}" ]]; then
  cxx=$MINGW_CXX
elif command -v x86_64-w64-mingw32-g++-posix >/dev/null; then
  cxx=x86_64-w64-mingw32-g++-posix
else
  cxx=x86_64-w64-mingw32-g++
fi
if ! command -v "$cxx" >/dev/null; then
  echo "check-windows-sources: $cxx not found (Debian: apt-get install g++-mingw-w64-x86-64)" >&2
  exit 1
fi

mapfile -t sources < <(find native/src -path '*/windows/*.cpp' -type f | sort)
if [[ ${#sources[@]} -eq 0 ]]; then
  echo "check-windows-sources: no native/src/**/windows/*.cpp found" >&2
  exit 1
fi

echo "check-windows-sources: $($cxx --version | head -1)"
failed=0
for source in "${sources[@]}"; do
  if "$cxx" -std=c++17 -fsyntax-only -Wall -Wextra -Werror -I native/src -I native/include \
      "$source"; then
    echo "  ok    $source"
  else
    echo "  FAIL  $source"
    failed=1
  fi
done
if [[ $failed -ne 0 ]]; then
  echo "check-windows-sources: failed" >&2
  exit 1
fi
echo "check-windows-sources: ${#sources[@]} file(s) pass"
