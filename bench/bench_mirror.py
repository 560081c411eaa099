"""Two server processes on one PostgreSQL database (`make bench`): how long after a wish
change committed through process A does process B's read reflect it? Printed, never
asserted (the issue's goal: within 250 ms).

A private PostgreSQL cluster (tests/postgres.py: Debian's `postgresql` package, durability
off) holds a small national campaign written straight to the database; servers A and B
run `amphi-server serve` in processes of their own (B's safety-net poll is two minutes:
what B shows came by LISTEN/NOTIFY and the event log). For each of `CHANGES` changes, a
student replaces his list through A; from A's answer (the change is committed) B's
`GET .../me/wishes` is read in a loop until it shows the new version. Then `CHANGES`
writes alternate between A and B, each made with the version the other just answered:
how many are refused as stale (409).

Run from the repository root: `.venv/bin/python bench/bench_mirror.py`.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server_stub import migrations  # noqa: E402
from server_stub.core import security  # noqa: E402
from server_stub.core.db import make_engine, make_sessionmaker  # noqa: E402
from server_stub.models import (  # noqa: E402
    Campaign,
    NationalCell,
    NationalStudent,
    Participation,
    Person,
)
from tests import postgres  # noqa: E402
from tests.conftest import free_port  # noqa: E402

CHANGES = 300
STUDENTS = 40
CELLS = 30
PASSWORD = "Bench2026x"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


def setup(database: str) -> list[int]:
    """A campaign open for wishes; returns its cell ids (the students are s<rank>@...)."""
    engine = make_engine(database)
    migrations.prepare(engine, migrate=True)
    security.configure_hashing(time_cost=1, memory_cost=1024, parallelism=1)
    digest = security.hash_password(PASSWORD)
    with make_sessionmaker(engine)() as s:
        campaign = Campaign(kind="national", name="EDN bench", state="wishes_open",
                            settings={"pace_per_hour": [50, 70], "wishes_page_size": 20})
        s.add(campaign)
        s.flush()
        cells = [NationalCell(campaign_id=campaign.id, pool="general", subdivision=f"SUB{i}",
                              specialty="Cardiologie", capacity=1 + i % 3)
                 for i in range(CELLS)]
        s.add_all(cells)
        for rank in range(1, STUDENTS + 1):
            person = Person(role="student", last_name=f"Nom{rank}", first_name="Prénom",
                            birth_date=date(2000, 1, 1), email=f"s{rank}@bench.example",
                            email_confirmed=True, password_hash=digest)
            s.add(person)
            s.flush()
            s.add(NationalStudent(campaign_id=campaign.id, person_id=person.id, rank=rank,
                                  pool="general", absent=False, wishes_version=0))
            s.add(Participation(campaign_id=campaign.id, person_id=person.id, role="student"))
        s.commit()
        ids = [c.id for c in cells]
    engine.dispose()
    return ids


def serve(database: str, data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database, "EVENT_POLL_SECONDS": "120",
           "SECRET_KEY": "bench-secret-key", "DB_POOL_SIZE": "10", "DB_MAX_OVERFLOW": "10"}
    process = subprocess.Popen(
        [sys.executable, "-m", "server_stub", "--data-dir", str(data_dir), "serve",
         "--port", str(port), "--log-level", "warning"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("a server process did not start")
        time.sleep(0.1)


def main() -> None:
    try:
        cluster = postgres.cluster()
    except RuntimeError as exc:  # PostgreSQL is not installed
        print(f"bench_mirror: skipped ({exc})")
        return
    database = cluster.new_database()
    cells = setup(database)
    work = Path(tempfile.mkdtemp(prefix="amphi-bench-mirror-"))
    (a_proc, a_url), (b_proc, b_url) = serve(database, work / "a"), serve(database, work / "b")
    try:
        with httpx.Client(base_url=a_url, timeout=30) as a, \
                httpx.Client(base_url=b_url, timeout=30) as b:
            headers = []
            for rank in range(1, STUDENTS + 1):
                r = a.post("/api/auth/login", json={"email": f"s{rank}@bench.example",
                                                    "password": PASSWORD})
                r.raise_for_status()
                headers.append({"Authorization": f"Bearer {r.json()['token']}"})
            path = "/api/national/1/me/wishes"
            for h in headers:  # both processes hold the campaign
                a.get(path, headers=h).raise_for_status()
                b.get(path, headers=h).raise_for_status()
            idle: list[float] = []
            for i in range(100):  # what one read of B costs when nothing changes
                started = time.perf_counter()
                b.get(path, headers=headers[i % STUDENTS]).raise_for_status()
                idle.append((time.perf_counter() - started) * 1000)
            versions = [0] * STUDENTS
            delays: list[float] = []
            stale_first = 0
            reads = 0
            for i in range(CHANGES):
                k = i % STUDENTS
                mine = [cells[(i + j) % CELLS] for j in range(1 + i % 5)]
                r = a.put(path, headers=headers[k], json={"version": versions[k],
                                                          "cells": mine})
                r.raise_for_status()
                committed = time.perf_counter()
                versions[k] = r.json()["version"]
                first = True
                while True:
                    seen = b.get(path, headers=headers[k]).json()["version"]
                    reads += 1
                    if seen >= versions[k]:
                        break
                    if first:
                        stale_first += 1
                        first = False
                delays.append((time.perf_counter() - committed) * 1000)
            print(f"wish change committed through A -> read on B ({CHANGES} changes, "
                  f"{STUDENTS} students, PostgreSQL, "
                  "loopback, durability off):")
            print(f"  delay p50 {statistics.median(delays):.1f} ms, p95 {pct(delays, 95):.1f} "
                  f"ms, p99 {pct(delays, 99):.1f} ms, max {max(delays):.1f} ms "
                  f"(includes one read of B, {reads / CHANGES:.1f} reads per change)")
            print(f"  B's first read after A's answer was stale {stale_first} / {CHANGES} "
                  "times")
            print(f"  (one read of B alone: p50 {statistics.median(idle):.1f} ms, "
                  f"p95 {pct(idle, 95):.1f} ms)")
            refused = 0
            write_ms: list[float] = []
            for i in range(CHANGES):
                k = i % STUDENTS
                through = a if i % 2 == 0 else b
                mine = [cells[(i * 7 + j) % CELLS] for j in range(1 + i % 4)]
                started = time.perf_counter()
                r = through.put(path, headers=headers[k], json={"version": versions[k],
                                                                "cells": mine})
                write_ms.append((time.perf_counter() - started) * 1000)
                if r.status_code == 409:  # the answer carries the current list
                    refused += 1
                    versions[k] = r.json()["current"]["version"]
                    continue
                r.raise_for_status()
                versions[k] = r.json()["version"]
            print(f"writes alternating A / B with the other's last version: {refused} / "
                  f"{CHANGES} refused as stale; write p50 {statistics.median(write_ms):.1f} "
                  f"ms, p95 {pct(write_ms, 95):.1f} ms")
    finally:
        for process in (a_proc, b_proc):
            process.terminate()
            process.wait(15)
        shutil.rmtree(work, ignore_errors=True)
        cluster.stop()


if __name__ == "__main__":
    main()
