#!/usr/bin/env bash
# Installs every Debian package the project needs to build, test and run (docs/toolchain.md).
# Safe to run repeatedly; skips apt entirely when everything is already present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libimgui-dev libglfw3-dev python3-glad libsodium-dev libcereal-dev rapidjson-dev libstb-dev
  libssl-dev libgtest-dev libgmock-dev libcli11-dev
  clang-14 libclang-rt-14-dev
  xvfb xauth libgl1-mesa-dri mesa-utils fonts-dejavu-core
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
