#!/usr/bin/env bash
# Installs what building Parley needs, if it is missing. Debian/Ubuntu: apt-get
# (as root, or through sudo); macOS: Homebrew. On Windows use vcpkg (README).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

debian_packages() { grep -Ev '^\s*(#|$)' "$here/debian-packages.txt"; }

case "$(uname -s)" in
  Linux)
    if ! command -v dpkg-query >/dev/null; then
      echo "setup: not a Debian-like system; install the equivalents of scripts/debian-packages.txt by hand" >&2
      exit 0
    fi
    missing=()
    for package in $(debian_packages); do
      status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
      [[ "$status" == "install ok installed" ]] || missing+=("$package")
    done
    if ((${#missing[@]})); then
      echo "setup: installing ${missing[*]}"
      sudo=()
      [[ $(id -u) -eq 0 ]] || sudo=(sudo)
      export DEBIAN_FRONTEND=noninteractive
      "${sudo[@]}" apt-get update -qq
      "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    ;;
  Darwin)
    command -v brew >/dev/null || { echo "setup: install Homebrew first (https://brew.sh)" >&2; exit 1; }
    for formula in cmake pkg-config openjdk@17 maven libvpx opus googletest; do
      brew list --versions "$formula" >/dev/null || brew install "$formula"
    done
    ;;
  *)
    echo "setup: on Windows install the prerequisites with vcpkg as the README explains" >&2
    ;;
esac
