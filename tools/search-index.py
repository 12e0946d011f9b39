#!/usr/bin/env python3
"""Puts the search index beside the app in a Trunk build. The build step writes the index as
its own file (search-index-<hash>.bin, in cargo's OUT_DIR) and compiles its name into the
wasm, which fetches it on the first search; this hook reads that name out of the built wasm
and copies the matching file into the build, before precache.py lists the build's files.
Run as Trunk's post_build hook (TRUNK_STAGING_DIR) or with the dist folder as argument."""
import os
import re
import shutil
import sys
from pathlib import Path


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"])
    wasm = next(root.glob("*_bg.wasm"), None)
    if wasm is None:
        print(f"search-index: no wasm in {root}", file=sys.stderr)
        return 1
    found = re.search(rb"search-index-[0-9a-f]{16}\.bin", wasm.read_bytes())
    if found is None:
        print(f"search-index: {wasm.name} names no search index file", file=sys.stderr)
        return 1
    name = found.group().decode()
    target = Path(os.environ.get("CARGO_TARGET_DIR") or Path(__file__).resolve().parent.parent / "target")
    sources = sorted(target.glob(f"wasm32-unknown-unknown/*/build/ashraf3-companion-*/out/{name}"))
    if not sources:
        print(f"search-index: {name} is not in any build output under {target}", file=sys.stderr)
        return 1
    shutil.copyfile(sources[0], root / name)
    print(f"search-index: {name} ({sources[0].stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
