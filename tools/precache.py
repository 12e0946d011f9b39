#!/usr/bin/env python3
"""Writes sw.js into a Trunk build: the service worker template with the build's file list, each
file's sha256 (the worker checks every file it caches against it) and a version derived from
those hashes (so any change to any file makes a new cache). Run as Trunk's post_build hook
(TRUNK_STAGING_DIR) or with the dist folder as argument."""
import hashlib
import json
import os
import sys
from pathlib import Path

SKIP = {"sw.js"}


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"])
    template = Path(__file__).with_name("sw.template.js").read_text(encoding="utf-8")
    names = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.name not in SKIP)
    digest = hashlib.sha256()
    files = []
    for name in names:
        sha = hashlib.sha256((root / name).read_bytes())
        digest.update(name.encode() + b"\0" + sha.digest())
        # A page is cached as its folder ("./", "read/<doc>/"), the URL students open; hosts
        # may redirect index.html there.
        if name == "index.html":
            name = "./"
        elif name.endswith("/index.html"):
            name = name[: -len("index.html")]
        files.append([name, sha.hexdigest()])
    version = digest.hexdigest()[:16]
    sw = template.replace("__VERSION__", version).replace("__FILES__", json.dumps(files))
    (root / "sw.js").write_text(sw, encoding="utf-8")
    total = sum((root / p).stat().st_size for p in names)
    print(f"precache: {len(files)} files, {total // 1024} KB in the offline cache, version {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
