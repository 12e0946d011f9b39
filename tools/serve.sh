#!/usr/bin/env bash
# Builds the app for release and serves dist/ on http://localhost:8080/ (PORT=… to change).
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash tools/build.sh
port="${PORT:-8080}"
step "Serving dist/"
exec node tests/browser/server.mjs dist --port "$port"
