"""Print what `make installer` promises to report: the build's size and its start time.

Start time: from launching the frozen `amphi` to its sign-in window saved on disk
(`--screenshot`, offscreen), median of five runs; the goal is 3 s. A benchmark's
figures: printed, never asserted.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def start_time(binary: Path) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    times = []
    with tempfile.TemporaryDirectory(prefix="amphi-measure-") as tmp:
        for run in range(RUNS):
            shot = Path(tmp) / f"signin-{run}.png"
            began = time.perf_counter()
            subprocess.run([str(binary), "--server", "http://127.0.0.1:9", "--data-dir", tmp,
                            "--screenshot", str(shot)], env=env, check=True,
                           capture_output=True, timeout=60)
            times.append(time.perf_counter() - began)
            if not shot.exists():
                raise SystemExit(f"{binary} did not show its sign-in window")
    return times


def main() -> int:
    build = ROOT / "dist" / "amphi"
    binary = build / ("amphi.exe" if sys.platform == "win32" else "amphi")
    if not binary.exists():
        raise SystemExit(f"no build in {build}: run `make installer` first")
    size = folder_size(build)
    files = sum(1 for p in build.rglob("*") if p.is_file())
    times = start_time(binary)
    print(f"build: {build} — {size / 1e6:.0f} MB in {files:,} files")
    print(f"start to sign-in window (offscreen, to the saved screenshot and exit): median "
          f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, "
          f"{RUNS} runs; goal ≤ 3 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
