"""National choice at real scale (`make bench`): figures are printed, never asserted.

On the national demo (8,000 ranked students, ~1,080 cells, ~250,000 wishes), with the
server in its own process over loopback:

- start-up: rebuilding the simulations from the database (in process, cold), and the
  server's start to its first answer about the campaign;
- wish change -> own statuses round trip (goal p95 <= 100 ms): moves, additions,
  deletions and replacements by the demo student, one at a time, then by 20 students at
  once; the answer of each change carries the student's new statuses;
- reading: own statuses after `simulation_moved`, and the public tables;
- 1,000 SSE clients receiving each turn event of the amphitheatre (goal p99 <= 1 s, none
  lost), latency counted from the moment the staff's move was sent.

Deterministic inputs (fixed seeds). Run from the repository root:
`.venv/bin/python bench/bench_national.py`.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server_stub.core.security import hash_password  # noqa: E402
from server_stub.demo import load_demo  # noqa: E402
from server_stub.settings import Settings  # noqa: E402

SEQUENTIAL_CHANGES = 400
CONCURRENT_STUDENTS = 20
CHANGES_PER_STUDENT = 25
SSE_CLIENTS = 1000
SSE_ROUNDS = 20
BENCH_PASSWORD = "Bench2026x"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def ms(values: list[float]) -> str:
    return (f"p50 {pct(values, 50) * 1000:.1f} ms, p95 {pct(values, 95) * 1000:.1f} ms, "
            f"p99 {pct(values, 99) * 1000:.1f} ms, max {max(values) * 1000:.1f} ms "
            f"({len(values)} requests)")


# --------------------------------------------------------------------------- set-up


def prepare(data_dir: Path) -> list[str]:
    """Demo data, plus accounts for a few ranked students so that several can sign in."""
    load_demo(Settings(data_dir=data_dir, secret_key="bench"))
    db = sqlite3.connect(data_dir / "amphi.sqlite3")
    rows = db.execute(
        "SELECT p.id FROM national_candidate c JOIN person p ON p.id = c.person_id "
        "WHERE c.pool = 'general' AND p.password_hash IS NULL AND c.absent = 0 "
        "AND c.rank BETWEEN 2000 AND 6000 ORDER BY c.rank LIMIT ?",
        (CONCURRENT_STUDENTS,)).fetchall()
    digest = hash_password(BENCH_PASSWORD)
    emails = []
    for i, (pid,) in enumerate(rows):
        email = f"bench{i}@amphi.demo"
        db.execute("UPDATE person SET email = ?, email_confirmed = 1, password_hash = ? "
                   "WHERE id = ?", (email, digest, pid))
        emails.append(email)
    db.commit()
    db.close()
    return emails


def rebuild_seconds(data_dir: Path) -> list[float]:
    """Cold rebuilds of the national campaign's simulations from the database."""
    from server_stub.core.db import make_engine, make_sessionmaker
    from server_stub.national.runtime import NationalRegistry

    engine = make_engine(f"sqlite:///{data_dir / 'amphi.sqlite3'}")
    out = []
    try:
        for _ in range(3):
            registry = NationalRegistry(make_sessionmaker(engine))
            started = time.perf_counter()
            registry.load_all()
            out.append(time.perf_counter() - started)
    finally:
        engine.dispose()
    return out


def start_server(data_dir: Path) -> tuple[subprocess.Popen[bytes], str, float]:
    port = free_port()
    env = {**os.environ, "DATA_DIR": str(data_dir), "SECRET_KEY": "bench"}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "server_stub", "serve", "--host", "127.0.0.1", "--port",
         str(port), "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            if httpx.get(f"{url}/api/national/1", timeout=5).status_code == 200:
                return proc, url, time.perf_counter() - started
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise RuntimeError("the server exited before answering")
        time.sleep(0.02)


def sign_in(client: httpx.Client, email: str, password: str) -> dict[str, str]:
    r = client.post("/api/auth/login", json={"email": email, "password": password})
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['token']}"}


# --------------------------------------------------------------------------- wish changes


def one_change(client: httpx.Client, headers: dict[str, str], rng: random.Random,
               state: dict[str, Any], general: list[int]) -> tuple[str, float]:
    """A random edit of the list; returns its kind and round-trip seconds."""
    cells: list[int] = state["cells"]
    version = state["version"]
    kind = rng.choice(["move", "move", "add", "delete", "replace"])
    if kind == "delete" and len(cells) < 5:
        kind = "add"
    if kind == "add" and len(cells) > 60:
        kind = "delete"
    started = time.perf_counter()
    if kind == "move":
        r = client.post("/api/national/1/me/wishes/move", headers=headers,
                        json={"version": version, "cell_id": rng.choice(cells),
                              "position": rng.randint(1, len(cells))})
    elif kind == "add":
        cell = rng.choice([c for c in general if c not in cells])
        r = client.post("/api/national/1/me/wishes", headers=headers,
                        json={"version": version, "cell_id": cell,
                              "position": rng.randint(1, len(cells) + 1)})
    elif kind == "delete":
        r = client.delete(f"/api/national/1/me/wishes/{rng.choice(cells)}", headers=headers,
                          params={"version": version})
    else:
        shuffled = list(cells)
        rng.shuffle(shuffled)
        r = client.put("/api/national/1/me/wishes", headers=headers,
                       json={"version": version, "cells": shuffled})
    elapsed = time.perf_counter() - started
    r.raise_for_status()
    body = r.json()
    assert body["wishes"] and "headline" in body  # the answer carries the new statuses
    state["cells"] = [w["cell_id"] for w in body["wishes"]]
    state["version"] = body["version"]
    return kind, elapsed


def bench_wishes(url: str, emails: list[str]) -> None:
    with httpx.Client(base_url=url, timeout=30) as client:
        general = [c["id"] for c in client.get("/api/national/1/cells",
                                                params={"pool": "general"}).json()]
        headers = sign_in(client, "etudiant@amphi.demo", "Etudiant2026")
        body = client.get("/api/national/1/me/wishes", headers=headers).json()
        state = {"cells": [w["cell_id"] for w in body["wishes"]], "version": body["version"]}
        original = list(state["cells"])
        rng = random.Random(4)
        for _ in range(20):  # warm-up
            one_change(client, headers, rng, state, general)
        times: dict[str, list[float]] = {}
        for _ in range(SEQUENTIAL_CHANGES):
            kind, elapsed = one_change(client, headers, rng, state, general)
            times.setdefault(kind, []).append(elapsed)
        every = [t for ts in times.values() for t in ts]
        print(f"wish change -> own statuses, one student (demo, rank 3775, "
              f"{len(state['cells'])} wishes now): {ms(every)}")
        print("  by kind: " + "; ".join(f"{k} p50 {pct(v, 50) * 1000:.1f} / p95 "
                                         f"{pct(v, 95) * 1000:.1f} ms"
                                         for k, v in sorted(times.items())))
        reads = []
        for _ in range(200):
            started = time.perf_counter()
            client.get("/api/national/1/me/wishes", headers=headers).raise_for_status()
            reads.append(time.perf_counter() - started)
        print(f"own statuses (GET me/wishes, after simulation_moved): {ms(reads)}")
        version = state["version"]

        def put(cells: list[int]) -> None:
            nonlocal version
            r = client.put("/api/national/1/me/wishes", headers=headers,
                           json={"version": version, "cells": cells})
            r.raise_for_status()
            version = r.json()["version"]

        put(original)
        for path, params in (("tables/final", {}), ("tables/current", {}),
                             ("tables/rank-limits", {}), ("radar", {}),
                             ("listing", {"offset": 3000, "limit": 100}),
                             ("cells/1", {})):
            samples = []
            for i in range(30):
                if i % 3 == 0:  # the tables follow every change: make them recompute
                    put(original[::-1] if i % 2 else original)
                started = time.perf_counter()
                client.get(f"/api/national/1/{path}", params=params).raise_for_status()
                samples.append(time.perf_counter() - started)
            put(original)
            print(f"  public {path}: p50 {pct(samples, 50) * 1000:.1f} ms, "
                  f"max {max(samples) * 1000:.1f} ms")

    for think in (0.5, 0.0):
        results, wall = concurrent_changes(url, emails, general, think)
        what = (f"each changing about every {think:g} s" if think
                else "all changing as fast as they can")
        print(f"wish change -> own statuses, {len(emails)} students at once, {what}: "
              f"{ms(results)}; {len(results) / wall:.0f} changes/s")


def concurrent_changes(url: str, emails: list[str], general: list[int],
                       think: float) -> tuple[list[float], float]:
    """Every student signs in, then all change their lists at once (with a think time)."""
    results: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(emails) + 1)

    def student(email: str, seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=url, timeout=30) as own:
            h = sign_in(own, email, BENCH_PASSWORD)
            b = own.get("/api/national/1/me/wishes", headers=h).json()
            st = {"cells": [w["cell_id"] for w in b["wishes"]], "version": b["version"]}
            barrier.wait()
            mine = []
            for _ in range(CHANGES_PER_STUDENT):
                if think:
                    time.sleep(rng.uniform(0.5 * think, 1.5 * think))
                mine.append(one_change(own, h, rng, st, general)[1])
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=student, args=(e, i)) for i, e in enumerate(emails)]
    for t in threads:
        t.start()
    barrier.wait()  # everybody signed in
    started = time.perf_counter()
    for t in threads:
        t.join()
    return results, time.perf_counter() - started


# --------------------------------------------------------------------------- SSE fan-out


TURN = re.compile(rb'event: turn_started\r?\ndata: [^\n]*?"candidate_id":(\d+)')


async def sse_client(host: str, port: int, ready: asyncio.Event, counter: list[int],
                     received: dict[int, float], stop: asyncio.Event) -> None:
    """A lean SSE reader (so the figure is the server's): when each `turn_started` arrives."""
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET /api/events HTTP/1.1\r\nHost: {host}\r\n"
                 "Accept: text/event-stream\r\n\r\n".encode())
    await writer.drain()
    buffer = b""
    while b"\r\n\r\n" not in buffer:  # status line and headers
        chunk = await reader.read(65536)
        if not chunk:
            return
        buffer += chunk
    buffer = buffer.split(b"\r\n\r\n", 1)[1]
    counter[0] += 1
    if counter[0] == SSE_CLIENTS:
        ready.set()
    try:
        while not stop.is_set():
            now = time.perf_counter()
            cut = buffer.rfind(b"\n\n") + 2  # complete frames; keep the rest for later
            if cut >= 2:
                for match in TURN.finditer(buffer, 0, cut):
                    received.setdefault(int(match.group(1)), now)
                buffer = buffer[cut:]
            chunk = await reader.read(65536)
            if not chunk:
                return
            buffer += chunk
    finally:
        writer.close()


async def bench_sse(url: str) -> None:
    host, port = "127.0.0.1", int(url.rsplit(":", 1)[1])
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        r = await client.post("/api/auth/login",
                              json={"email": "ars@amphi.demo", "password": "Agence2026"})
        staff = {"Authorization": f"Bearer {r.json()['token']}"}
        (await client.post("/api/national/1/staff/amphi/start", headers=staff)).raise_for_status()
        ready, stop = asyncio.Event(), asyncio.Event()
        counter = [0]
        per_client: list[dict[int, float]] = [{} for _ in range(SSE_CLIENTS)]
        started = time.perf_counter()
        tasks = []
        for i in range(SSE_CLIENTS):
            tasks.append(asyncio.create_task(
                sse_client(host, port, ready, counter, per_client[i], stop)))
            if i % 100 == 99:
                await asyncio.sleep(0.05)
        await asyncio.wait_for(ready.wait(), 60)
        connect = time.perf_counter() - started
        await asyncio.sleep(1.0)
        sent: dict[int, float] = {}
        for _ in range(SSE_ROUNDS):
            view = (await client.get("/api/national/1/staff/amphi", headers=staff)).json()
            current = view["current"]["candidate_id"]
            t0 = time.perf_counter()
            r = await client.post("/api/national/1/staff/amphi/skip", headers=staff,
                                  json={"candidate_id": current})
            r.raise_for_status()
            sent[r.json()["current"]["candidate_id"]] = t0
            await asyncio.sleep(0.5)
        await asyncio.sleep(2.0)
        stop.set()
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    latencies, lost = [], 0
    for got in per_client:
        for cand, t0 in sent.items():
            if cand in got:
                latencies.append(got[cand] - t0)
            else:
                lost += 1
    print(f"{SSE_CLIENTS} SSE clients (connected in {connect:.1f} s), {len(sent)} turn events: "
          f"latency p50 {pct(latencies, 50) * 1000:.0f} ms, p99 {pct(latencies, 99) * 1000:.0f} "
          f"ms, max {max(latencies) * 1000:.0f} ms; lost {lost} of {len(sent) * SSE_CLIENTS}")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="amphi-bench-national-") as tmp:
        data_dir = Path(tmp)
        emails = prepare(data_dir)
        rebuilds = rebuild_seconds(data_dir)
        proc, url, startup = start_server(data_dir)
        try:
            print(f"national start-up: simulations rebuilt from the database in "
                  f"{statistics.median(rebuilds):.2f} s (median of 3, min {min(rebuilds):.2f}); "
                  f"server start to first campaign answer {startup:.2f} s")
            bench_wishes(url, emails)
            asyncio.run(bench_sse(url))
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main()
