#!/usr/bin/env bash
# Installs what building the app needs, skipping whatever is already there:
#   the wasm32 target, Trunk, wasm-bindgen-cli (the version Cargo.lock pins) and wasm-opt
#   (npm package binaryen, into .tools/).
# With --test, also what the test command needs: Debian's Chromium and ChromeDriver (and
# brotli, for the size report), and the browser suite's npm packages
# (tests/browser/package-lock.json).
#
# Trunk must never download a tool (this machine cannot reach GitHub releases), so every
# version here must match the one Trunk.toml pins; this script checks that they do.
set -euo pipefail
source "$(dirname "$0")/env.sh"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132

with_test=0
for arg in "$@"; do
  case "$arg" in
    --test) with_test=1 ;;
    *) fail "unknown option $arg (usage: tools/setup.sh [--test])" ;;
  esac
done

command -v cargo >/dev/null || fail "cargo is not installed: install Rust with rustup first."
command -v npm >/dev/null || fail "npm is not installed: install Node.js (20 or later) first."

# The version of a crate in Cargo.lock.
locked_version() {
  awk -v name="$1" '$1 == "name" && $3 == "\"" name "\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

# The value of a key in Trunk.toml's [tools] table.
trunk_pin() {
  awk -v key="$1" '/^\[/ { in_tools = ($0 == "[tools]") } in_tools && $1 == key { gsub(/"/, "", $3); print $3 }' Trunk.toml
}

# cargo install with the crate's own lock file, and without it when the registry index
# lags behind that lock file.
cargo_install() {
  local crate=$1 version=$2
  note "cargo install $crate --version $version --locked (a few minutes on 2 cores)"
  if ! cargo install "$crate" --version "$version" --locked; then
    note "retrying without --locked"
    cargo install "$crate" --version "$version" || fail "could not install $crate $version with cargo."
  fi
}

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  note "present"
else
  rustup target add wasm32-unknown-unknown || fail "rustup could not add the wasm32-unknown-unknown target."
fi

step "Trunk $TRUNK_VERSION"
if [[ "$(trunk --version 2>/dev/null)" == "trunk $TRUNK_VERSION" ]]; then
  note "present"
else
  cargo_install trunk "$TRUNK_VERSION"
fi

bindgen_version=$(locked_version wasm-bindgen)
[[ -n "$bindgen_version" ]] || fail "Cargo.lock has no wasm-bindgen entry: run 'cargo generate-lockfile --target wasm32-unknown-unknown'?"
step "wasm-bindgen-cli $bindgen_version (the version in Cargo.lock)"
pinned=$(trunk_pin wasm_bindgen)
[[ "$pinned" == "$bindgen_version" ]] ||
  fail "Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has wasm-bindgen $bindgen_version: set Trunk.toml to \"$bindgen_version\" (otherwise Trunk tries to download it)."
if [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $bindgen_version"* ]]; then
  note "present"
else
  cargo_install wasm-bindgen-cli "$bindgen_version"
fi

step "wasm-opt $BINARYEN_VERSION (npm package binaryen, in .tools/)"
[[ "$(trunk_pin wasm_opt)" == "version_$BINARYEN_VERSION" ]] ||
  fail "Trunk.toml must pin wasm_opt = \"version_$BINARYEN_VERSION\", the version this script installs."
if [[ "$(wasm-opt --version 2>/dev/null)" == *"version $BINARYEN_VERSION"* ]]; then
  note "present"
else
  mkdir -p .tools
  npm install --prefix .tools --no-save --no-package-lock "binaryen@$BINARYEN_VERSION" ||
    fail "npm could not install binaryen@$BINARYEN_VERSION."
  [[ "$(wasm-opt --version 2>/dev/null)" == *"version $BINARYEN_VERSION"* ]] ||
    fail "wasm-opt from .tools/ does not report version $BINARYEN_VERSION."
fi

if ((with_test)); then
  step "Chromium, ChromeDriver, brotli and Java for the HTML checker (Debian packages)"
  missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  [[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
  command -v brotli >/dev/null || missing+=(brotli)
  command -v java >/dev/null || missing+=(default-jre-headless)
  if ((${#missing[@]} == 0)); then
    note "present"
  else
    command -v apt-get >/dev/null || fail "apt-get is missing: install ${missing[*]} by hand (Chromium at /usr/bin/chromium)."
    export DEBIAN_FRONTEND=noninteractive
    sudo=""
    ((EUID == 0)) || sudo="sudo"
    note "apt-get install ${missing[*]}"
    # Refresh the package lists only when they do not know the packages, or are stale.
    if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
      $sudo apt-get update -q || fail "apt-get update failed."
    fi
    $sudo apt-get install -y -q "${missing[@]}" </dev/null ||
      { $sudo apt-get update -q && $sudo apt-get install -y -q "${missing[@]}" </dev/null; } ||
      fail "apt-get could not install ${missing[*]}."
    [[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is still missing after apt-get install."
  fi

  step "Browser suite's npm packages (tests/browser)"
  # Installed exactly as locked; reinstalled whenever the lock file changes.
  wanted=$(sha256sum tests/browser/package-lock.json | cut -d' ' -f1)
  have=$(cat tests/browser/node_modules/.lock-sha256 2>/dev/null || true)
  if [[ "$have" == "$wanted" ]]; then
    note "present (as locked)"
  else
    (cd tests/browser && npm ci --no-audit --no-fund) || fail "npm ci failed in tests/browser."
    echo "$wanted" >tests/browser/node_modules/.lock-sha256
  fi
fi

step "Setup done"
