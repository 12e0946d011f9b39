"""Prints the size of every file in a build directory, raw and compressed, and the totals, then
checks the first-visit budget (issue 13): every page with the stylesheet it needs before its text
shows must stay within 100 KB gzip, or the report fails the test command.

gzip always; brotli too when the `brotli` Python module or command is available (many
static hosts serve brotli, and it is what most browsers receive).
"""

import gzip
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
    return budget(rows)


BUDGET = 100 * 1024


def budget(rows):
    """The heaviest page plus the app's stylesheet, against the first-visit budget."""
    gz = {name: g for name, _, g, _ in rows}
    css = sum(g for name, g in gz.items() if name.startswith("style-") and name.endswith(".css"))
    pages = [(g + css, name) for name, g in gz.items() if name.endswith(".html") and not name.startswith("embed-example")]
    if not pages:
        sys.exit("size report: no pages")
    worst, name = max(pages)
    within = worst <= BUDGET
    print(f"First visit before the text shows: at most {human(worst)} gzip ({name} and its stylesheet, of {len(pages)} pages); budget {human(BUDGET)}: {'OK' if within else 'OVER'}")
    print("(the wasm and its loader, fetched after, only add interaction: see the size of the .wasm above)")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist"))
