#!/usr/bin/env bash
# Trunk post_build hook: writes a Content-Security-Policy <meta> into the built index.html.
# Scripts may only come from the app's own origin, plus the inline <script>s Trunk injects
# (allowed by their sha256, so no 'unsafe-inline'); WebAssembly needs 'wasm-unsafe-eval',
# which allows compiling wasm but not eval(). A static host can serve the same policy as a
# header; the meta tag makes it travel with dist/ wherever it is copied.
set -euo pipefail
html="${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}/index.html"
[[ -f "$html" ]] || { echo "csp.sh: $html not found" >&2; exit 1; }
python3 - "$html" <<'PY'
import base64, hashlib, re, sys

path = sys.argv[1]
html = open(path, encoding="utf-8").read()
if 'http-equiv="Content-Security-Policy"' in html:
    sys.exit("csp.sh: index.html already has a Content-Security-Policy")

hashes = []
for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S | re.I):
    if re.search(r"\bsrc\s*=", attrs, re.I):
        continue
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    hashes.append("'sha256-%s'" % base64.b64encode(digest).decode())

policy = "; ".join([
    "default-src 'self'",
    " ".join(["script-src 'self'", *hashes, "'wasm-unsafe-eval'"]),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
])
meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy

# First in <head>, right after <meta charset> (which must stay within the first bytes).
charset = re.search(r"<meta\s+charset=[^>]*>", html, re.I)
head = re.search(r"<head\b[^>]*>", html, re.I)
anchor = charset or head
if anchor is None:
    sys.exit("csp.sh: index.html has no <head>")
html = html[: anchor.end()] + meta + html[anchor.end() :]
open(path, "w", encoding="utf-8").write(html)
print("csp.sh: Content-Security-Policy with %d inline script hash(es)" % len(hashes))
PY
