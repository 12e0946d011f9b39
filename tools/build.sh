#!/usr/bin/env bash
# Builds the app for release into dist/ (extra arguments go to trunk build). Dependencies are
# fetched first so that Trunk and cargo can then run offline: Trunk must never try to download
# a tool.
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash tools/setup.sh
step "cargo fetch"
cargo fetch || fail "cargo fetch failed."
step "trunk build --release --offline"
trunk build --release --offline "$@" || fail "trunk build failed."
