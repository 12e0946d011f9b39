#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting and clippy, host tests, the release build,
# the browser suite against that build, the benchmarks, and a size report of dist/. Exits non-zero if any
# phase fails; every phase runs that can (the browser suite needs the build).
set -uo pipefail
source "$(dirname "$0")/env.sh"

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
phases=() times=() results=()
passed=0 failed=0 status=0

# run NAME COMMAND...: runs a phase, its output both shown and kept in $logs/NAME.log.
run() {
  local name=$1 start=$SECONDS rc
  shift
  step "$name"
  "$@" 2>&1 | tee "$logs/$name.log"
  rc=${PIPESTATUS[0]}
  phases+=("$name") times+=("$((SECONDS - start))s")
  if ((rc == 0)); then results+=(ok); else results+=("FAILED (exit $rc)") status=1; fi
  return "$rc"
}

# Adds the pass/fail counts a phase's test runner printed to the totals: cargo's
# "test result: ok. N passed; N failed; …" lines, node's "ℹ pass N" / "ℹ fail N".
count() {
  local counts
  counts=$(awk '
    /^test result: / { for (i = 1; i < NF; i++) { if ($(i + 1) ~ /^passed/) p += $i; if ($(i + 1) ~ /^failed/) f += $i } }
    /^[^a-z]* pass [0-9]+$/ { p += $NF }
    /^[^a-z]* fail [0-9]+$/ { f += $NF }
    END { print p + 0, f + 0 }' "$logs/$1.log")
  passed=$((passed + ${counts% *})) failed=$((failed + ${counts#* }))
}

start_all=$SECONDS
run setup bash tools/setup.sh --test || fail "setup failed: nothing was tested."

# Style gates: formatting and clippy (host code and tests, then the browser UI), as failures.
run format cargo fmt --all --check
lint() {
  cargo clippy --workspace --all-targets -- -D warnings &&
    cargo clippy --target wasm32-unknown-unknown --features test-hooks -- -D warnings
}
run clippy lint

run "cargo test" cargo test --workspace
count "cargo test"

# The published build into dist/, then the same app with its test hooks (`?debug=panic`) into
# target/dist-test/, which only the panic test opens.
if run "release build" bash tools/build.sh && run "test build" bash tools/build.sh --features test-hooks --dist target/dist-test; then
  run "browser tests" bash -c 'cd tests/browser && node --test --test-timeout=600000 --test-reporter=spec *.test.mjs'
  count "browser tests"
  # Figures only: it never fails on timings, but a crash is a failure.
  run "performance" bash -c 'cd tests/browser && node perf.mjs' 
else
  note "the browser tests need the release build: skipped"
fi

benches() {
  local names
  names=$(awk '/^\[\[bench\]\]/ { b = 1 } /^\[/ && !/^\[\[bench\]\]/ { b = 0 } b && $1 == "name" { gsub(/"/, "", $3); print $3 }' Cargo.toml)
  if [[ -z "$names" ]]; then
    echo "no [[bench]] targets in Cargo.toml"
    return 0
  fi
  local name
  for name in $names; do
    echo "--- cargo bench --bench $name"
    cargo bench --bench "$name" || return 1
  done
}
run benchmarks benches

[[ -d dist ]] && run "size report" python3 tools/size-report.py dist

step "Summary"
for i in "${!phases[@]}"; do
  printf '    %-16s %6s  %s\n' "${phases[$i]}" "${times[$i]}" "${results[$i]}"
done
printf '    %-16s %6s\n' total "$((SECONDS - start_all))s"
echo "tests: $passed passed, $failed failed"
((failed == 0)) || status=1
exit "$status"
