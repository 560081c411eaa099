"""Live events across server processes: delivery delay to many SSE clients, 1 and 2 processes.

For each process count (BENCH_EVENT_PROCESSES, default "1,2"): a private PostgreSQL
cluster, `amphi-server serve --workers N` on it, BENCH_EVENT_CLIENTS SSE clients (default
1,000) spread over the processes by the kernel, then BENCH_EVENT_COUNT events (default
100) committed by this script, another process, at BENCH_EVENT_RATE per second (default
5). Every client notes when each event arrives; the delay counts from the commit. Prints
p50/p95/p99/max of the delay, per process count, and how many deliveries were missing
(must be 0). Asserts nothing: figures, with the machine's noise (the clients, the servers
and PostgreSQL share its cores).

    python bench/bench_events_processes.py
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from bench/

import httpx  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from server_stub.core import events  # noqa: E402
from server_stub.core.db import make_engine, make_sessionmaker  # noqa: E402
from tests.conftest import free_port  # noqa: E402
from tests.postgres import Cluster  # noqa: E402

CLIENTS = int(os.environ.get("BENCH_EVENT_CLIENTS", "1000"))
COUNT = int(os.environ.get("BENCH_EVENT_COUNT", "100"))
RATE = float(os.environ.get("BENCH_EVENT_RATE", "5"))
PROCESSES = [int(n) for n in os.environ.get("BENCH_EVENT_PROCESSES", "1,2").split(",")]


async def _client(port: int, ready: asyncio.Event, counter: list[int],
                  arrivals: dict[int, list[float]], done: asyncio.Event) -> None:
    """One SSE subscriber on a raw socket (light enough for a thousand in one process)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 20)
    writer.write(b"GET /api/events HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n")
    await writer.drain()
    opened = False
    try:
        while not done.is_set():
            line = await reader.readline()
            if not line:
                return
            if not opened and line.startswith(b"retry:"):
                opened = True
                counter[0] += 1
                if counter[0] == CLIENTS:
                    ready.set()
            elif line.startswith(b"data:") and b'"bench"' in line:
                at = time.time()
                body = json.loads(line[5:])
                arrivals.setdefault(int(body["id"]), []).append(at)
    finally:
        writer.close()


def _publish(factory: sessionmaker[Session], stamps: dict[int, float]) -> None:
    for i in range(COUNT):
        started = time.monotonic()
        with factory() as session:
            record = events.publish(session, "bench", {"n": i})
            session.commit()
            stamps[record.id] = time.time()
        time.sleep(max(0.0, 1 / RATE - (time.monotonic() - started)))


async def _measure(port: int, database: str) -> tuple[list[float], int]:
    ready, done = asyncio.Event(), asyncio.Event()
    counter = [0]
    arrivals: dict[int, list[float]] = {}
    tasks = []
    for _ in range(CLIENTS):
        tasks.append(asyncio.create_task(_client(port, ready, counter, arrivals, done)))
        await asyncio.sleep(0)  # do not open them all in one burst
    await asyncio.wait_for(ready.wait(), 120)
    engine = make_engine(database)
    stamps: dict[int, float] = {}
    await asyncio.to_thread(_publish, make_sessionmaker(engine), stamps)
    await asyncio.sleep(3)  # the last deliveries
    done.set()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    engine.dispose()
    delays = [at - stamps[eid] for eid, ats in arrivals.items() if eid in stamps for at in ats]
    missing = COUNT * CLIENTS - len(delays)
    return delays, missing


def _run(processes: int) -> None:
    cluster = Cluster()
    database = cluster.new_database()
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database, "KEEPALIVE_SECONDS": "15",
           "EVENT_POLL_SECONDS": "1.0", "SECRET_KEY": "bench"}
    args = [sys.executable, "-m", "server_stub", "--data-dir", f"/tmp/bench-events-{port}",
            "serve", "--port", str(port), "--log-level", "warning"]
    if processes > 1:
        args += ["--workers", str(processes)]
    server = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        time.sleep(1)  # every worker up (they share the port)
        delays, missing = asyncio.run(_measure(port, database))
        ms = sorted(d * 1000 for d in delays)
        q = statistics.quantiles(ms, n=100) if len(ms) > 1 else [0.0] * 99
        print(f"{processes} process(es), {CLIENTS} SSE clients, {COUNT} events at {RATE}/s: "
              f"delivery delay p50 {q[49]:.0f} ms, p95 {q[94]:.0f} ms, p99 {q[98]:.0f} ms, "
              f"max {ms[-1]:.0f} ms; deliveries {len(ms)}, missing {missing}", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
        cluster.stop()


if __name__ == "__main__":
    import resource

    # A thousand sockets here and in the servers (children inherit the limit).
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4 * CLIENTS + 1024)), hard))
    for n in PROCESSES:
        _run(n)
