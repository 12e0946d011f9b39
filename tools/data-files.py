#!/usr/bin/env python3
"""Puts the files the app fetches beside it in a Trunk build: the corpus text (read before the
app starts) and the search index (read on the first search). The build step writes each as its
own file (corpus-text-<hash>.txt, search-index-<hash>.bin, in cargo's OUT_DIR) and compiles its
name into the wasm; this hook reads those names out of the built wasm and copies the matching
files into the build, before precache.py lists the build's files. Run as Trunk's post_build
hook (TRUNK_STAGING_DIR) or with the dist folder as argument."""
import os
import re
import shutil
import sys
from pathlib import Path

FILES = [rb"corpus-text-[0-9a-f]{16}\.txt", rb"search-index-[0-9a-f]{16}\.bin"]


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"])
    wasm = next(root.glob("*_bg.wasm"), None)
    if wasm is None:
        print(f"data-files: no wasm in {root}", file=sys.stderr)
        return 1
    code = wasm.read_bytes()
    target = Path(os.environ.get("CARGO_TARGET_DIR") or Path(__file__).resolve().parent.parent / "target")
    for pattern in FILES:
        found = re.search(pattern, code)
        if found is None:
            print(f"data-files: {wasm.name} names no file like {pattern.decode()}", file=sys.stderr)
            return 1
        name = found.group().decode()
        sources = sorted(target.glob(f"wasm32-unknown-unknown/*/build/ashraf3-companion-*/out/{name}"))
        if not sources:
            print(f"data-files: {name} is not in any build output under {target}", file=sys.stderr)
            return 1
        shutil.copyfile(sources[0], root / name)
        print(f"data-files: {name} ({sources[0].stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
