"""Demo data creation time at real scale, with what was created.

Printed, never asserted (goal: < 60 s on a 2-core machine, aim < 20 s). Runs on a fresh
SQLite file in a temporary data directory, or on `DATABASE_URL` when it is set (that
database's demo data is then refreshed).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server_stub.demo import build_plan, load_demo  # noqa: E402
from server_stub.settings import Settings  # noqa: E402


def fr(value: float, decimals: int = 0) -> str:
    """A number as French readers write it: "251 233", "23,4"."""
    return f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")


def main() -> None:
    started = time.perf_counter()
    plan = build_plan()
    generation = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="amphi-bench-demo-") as data_dir:
        settings = Settings(data_dir=Path(data_dir), database_url=os.environ.get("DATABASE_URL"))
        counts = load_demo(settings, refresh=True)
        refresh = load_demo(settings, refresh=True)
    c = counts
    print(
        f"demo data: {fr(c['seconds'], 1)} s ({fr(c['students'])} students, "
        f"{fr(c['wishes'])} wishes, {fr(c['national_cells'])} cells, "
        f"{fr(c['national_posts'])} posts of which {fr(c['cesp_posts'])} CESP; "
        f"{fr(c['interns'])} interns in {fr(c['amphis'])} amphitheatres, "
        f"{fr(c['amphi_posts'])} amphitheatre posts in {fr(c['services'])} services; "
        f"{fr(c['junior_doctors'])} junior doctors, {fr(c['matching_posts'])} matching posts, "
        f"{fr(c['supervisors'])} supervisors, {fr(c['applications'])} applications; "
        f"{fr(c['persons'])} people)"
    )
    print(f"  plan generation alone: {fr(generation, 1)} s "
          f"({fr(sum(map(len, plan.rows.values())))} rows); "
          f"refresh (delete + recreate): {fr(refresh['seconds'], 1)} s")


if __name__ == "__main__":
    main()
