"""Prints the size of every file in a build directory, raw and compressed, and the totals, then
checks the first-visit budget (issue 13): every page, with every file it makes the browser fetch
before it settles (its load event), must stay within 100 KB gzip, or the report fails the test
command. Those files are read from the pages themselves: stylesheets, preloads, classic
scripts and the static imports of module scripts; the app's module and wasm, imported once the
page has loaded (src/loader.js), only add interaction and are not among them.

gzip always; brotli too when the `brotli` Python module or command is available (many
static hosts serve brotli, and it is what most browsers receive).
"""

import gzip
import re
import shutil
import subprocess
import sys
from pathlib import Path

try:
    import brotli
except ImportError:
    brotli = None


def brotli_size(data):
    if brotli is not None:
        return len(brotli.compress(data, quality=11))
    if shutil.which("brotli"):
        out = subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True)
        return len(out.stdout)
    return None


def human(n):
    return "-" if n is None else f"{n / 1024:,.1f} KiB"


def main(root):
    root = Path(root)
    files = sorted(p for p in root.rglob("*") if p.is_file())
    if not files:
        sys.exit(f"size report: no files in {root}/")
    rows = []
    for path in files:
        data = path.read_bytes()
        rows.append((str(path.relative_to(root)), len(data), len(gzip.compress(data, 9, mtime=0)), brotli_size(data)))
    has_brotli = rows[0][3] is not None
    total = ("total", *(sum(r[i] for r in rows) if has_brotli or i < 3 else None for i in (1, 2, 3)))
    width = max(len(r[0]) for r in rows + [total])
    header = ["file".ljust(width), f"{'raw':>12}", f"{'gzip -9':>12}"] + ([f"{'brotli 11':>12}"] if has_brotli else [])
    print(f"Size of {root}/ ({len(files)} files)")
    print("  ".join(header))
    for name, raw, gz, br in rows + [total]:
        if name == "total":
            print("-" * len("  ".join(header)))
        cells = [name.ljust(width), f"{human(raw):>12}", f"{human(gz):>12}"] + ([f"{human(br):>12}"] if has_brotli else [])
        print("  ".join(cells))
    if not has_brotli:
        print("(brotli sizes need the 'brotli' Python module or command)")
    return budget(rows, root)


BUDGET = 100 * 1024

# What a page makes the browser fetch before its load event: a stylesheet, a preload or module
# preload, a classic or module script by URL, and what an inline module script imports
# statically ("import … from '…'" or "import '…'"; a dynamic import() waits for its code to run).
FETCHED_BEFORE_LOAD = [
    re.compile(r'<link\b[^>]*\brel="(?:stylesheet|preload|modulepreload)"[^>]*\bhref="([^"]+)"'),
    re.compile(r'<script\b[^>]*\bsrc="([^"]+)"'),
    re.compile(r"""<script\b[^>]*type="module"[^>]*>[^<]*?\bimport\s*(?:[\w*{}\s,]+from\s*)?["']([^"']+)["']"""),
]


def fetched_before_load(html):
    """The root-relative files a page fetches before its load event (its <base> is the root)."""
    files = set()
    for pattern in FETCHED_BEFORE_LOAD:
        for url in pattern.findall(html):
            if not url.startswith("data:"):
                files.add(url.removeprefix("./"))
    return files


def budget(rows, root):
    """Each page plus everything it fetches before it settles, against the first-visit budget."""
    gz = {name: g for name, _, g, _ in rows}
    pages = []
    for name, g in gz.items():
        if not name.endswith(".html") or name.startswith("embed-example"):
            continue
        needs = fetched_before_load((root / name).read_text(encoding="utf-8"))
        missing = needs - gz.keys()
        if missing:
            sys.exit(f"size report: {name} fetches {', '.join(sorted(missing))}, which the build does not have")
        pages.append((g + sum(gz[f] for f in needs), name, sorted(needs)))
    if not pages:
        sys.exit("size report: no pages")
    worst, name, needs = max(pages)
    within = worst <= BUDGET
    print(f"First visit before the page settles: at most {human(worst)} gzip ({name} with {', '.join(needs) or 'nothing else'}; {len(pages)} pages); budget {human(BUDGET)}: {'OK' if within else 'OVER'}")
    print("(the app's module and wasm are imported once the page has loaded: they add interaction to the text already shown)")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist"))
