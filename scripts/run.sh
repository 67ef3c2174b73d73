#!/usr/bin/env bash
# Installs dependencies, builds, and launches the debugger on its built-in default scenario.
# Extra arguments are passed to parsec-debugger.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD_DIR" -j"$(nproc)"
exec "$BUILD_DIR/app/parsec-debugger" "$@"
