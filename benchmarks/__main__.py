"""``python -m benchmarks [name …]``: run the benchmarks (all by default) and print their figures."""

import subprocess
import sys

BENCHMARKS = [
    "people_import", "people_list", "matching", "pages", "documents", "municipal_summary", "regional_pages", "load",
]  # fmt: skip


def main(names):
    for name in names or BENCHMARKS:
        # Each benchmark runs in a process of its own, so that its peak memory is its own.
        subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
