"""Run every benchmark in tests/perf one after the other and print their result lines.

    make bench        # or: .venv/bin/python tests/perf/run_all.py [--quick]

Each benchmark reads the shared news corpus from ../shared (developers and CI only) and
prints its own numbers; the README quotes them. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

PERF = Path(__file__).resolve().parent
SHARED = PERF.parents[2] / "shared"

#: (script, full-run arguments, quick-run arguments)
BENCHMARKS = (
    ("bench_normalize.py", [], ["--limit", "2000"]),
    ("bench_ner.py", ["--shared", str(SHARED)], ["--shared", str(SHARED), "--stories", "300"]),
    ("bench_tag.py", [], ["--limit", "300"]),
    ("bench_quantify.py", [], ["--stories", "1000", "--rounds", "1"]),
    ("bench_assemble.py", ["--shared", str(SHARED)], ["--shared", str(SHARED), "--stories", "300"]),
    ("bench_pipeline.py", [], ["--stories", "200"]),
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small samples, for a smoke run")
    args = ap.parse_args()
    failed = 0
    for script, full, quick in BENCHMARKS:
        print(f"== {script}", flush=True)
        code = subprocess.call([sys.executable, str(PERF / script), *(quick if args.quick else full)])
        failed += code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
