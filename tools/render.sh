#!/usr/bin/env bash
# Trunk post_build hook: renders every view into its own page (src/render) inside the build
# Trunk is writing. The renderer runs on the host; it is compiled in the dev profile, which
# `cargo test` shares, so the test command builds it once.
set -euo pipefail
dist="${1:-${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook, or give the dist folder}}"
cargo run --quiet -p companion-render -- "$dist"
