"""Choice day at scale (`make bench`): 1, 2 and 4 server processes on one PostgreSQL database.

For each process count (BENCH_SCALE_PROCESSES, default "1,2,4"), on the national demo
(8,000 ranked students) in a private PostgreSQL cluster (tests/postgres.py), with
`amphi-server serve` processes of their own, each on its own port:

1. **Events.** BENCH_SCALE_CLIENTS SSE clients (default 8,000) spread evenly over the
   processes; this script commits BENCH_SCALE_EVENTS public events (default 50) at 5 per
   second. Delay from the commit to each arrival, p50/p99 per process, and the deliveries
   missing (must be 0).
2. **Wish changes.** With those clients still connected, BENCH_SCALE_STUDENTS students
   (default 200, ranked after 2,000: not their turn), each on one process in turn, change
   their lists (a move or a whole new order) for BENCH_SCALE_SECONDS (default 15), twice:
   at a human pace (one change every BENCH_SCALE_THINK seconds each, default 3: about 65
   a second in all), then without pause (the servers' saturation). Each time:
   throughput, round-trip p50/p95, and **server CPU per change**: the CPU time of every
   server process over the phase (the mirrors of the other processes included), less what
   they spend idle (measured over 5 s just before), divided by the changes. Every tenth
   change is read back at once on another process: **stale reads** counts the first reads
   that did not show it yet, and their delay until fresh.
3. **Failover** (2 processes or more): the process holding the amphitheatre's clock
   (PostgreSQL advisory lock, `core/leader.py`) is killed with SIGKILL; time until another
   process holds it.

Clients are raw sockets (HTTP/1.1 keep-alive written by hand): an HTTP library would
spend more CPU than the servers under test. Everything shares the machine's cores
(`nproc`): the figures say what this machine does, with its noise; nothing is asserted.

    .venv/bin/python bench/bench_scale.py
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from bench/

from sqlalchemy import text  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from server_stub.core import events, security  # noqa: E402
from server_stub.core.db import make_engine, make_sessionmaker  # noqa: E402
from server_stub.core.leader import LOCK_KEY  # noqa: E402
from server_stub.demo import load_demo  # noqa: E402
from server_stub.settings import Settings  # noqa: E402
from tests import postgres  # noqa: E402
from tests.conftest import free_port  # noqa: E402

PROCESSES = [int(n) for n in os.environ.get("BENCH_SCALE_PROCESSES", "1,2,4").split(",")]
CLIENTS = int(os.environ.get("BENCH_SCALE_CLIENTS", "8000"))
EVENTS = int(os.environ.get("BENCH_SCALE_EVENTS", "50"))
EVENT_RATE = 5.0
STUDENTS = int(os.environ.get("BENCH_SCALE_STUDENTS", "200"))
SECONDS = float(os.environ.get("BENCH_SCALE_SECONDS", "15"))
PASSWORD = "Bench2026x"
CAMPAIGN = 1
WISHES = f"/api/national/{CAMPAIGN}/me/wishes"
TICKS = os.sysconf("SC_CLK_TCK")
IDLE_SECONDS = 5.0
THINK_SECONDS = float(os.environ.get("BENCH_SCALE_THINK", "3"))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))] if ordered else 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


# --------------------------------------------------------------------------- set-up


def prepare(database: str, data_dir: Path) -> list[str]:
    """The national demo in `database`, and accounts for STUDENTS ranked students."""
    load_demo(Settings(database_url=database, data_dir=data_dir, secret_key="bench",
                       argon2_time_cost=1, argon2_memory_kib=1024, argon2_parallelism=1))
    security.configure_hashing(time_cost=1, memory_cost=1024, parallelism=1)
    digest = security.hash_password(PASSWORD)
    engine = make_engine(database)
    emails = []
    with make_sessionmaker(engine)() as s:
        rows = s.execute(text(
            "SELECT p.id FROM national_candidate c JOIN person p ON p.id = c.person_id "
            "WHERE c.campaign_id = :c AND c.pool = 'general' AND p.password_hash IS NULL "
            "AND NOT c.absent AND c.rank > 2000 ORDER BY c.rank LIMIT :n"),  # not their turn
            {"c": CAMPAIGN, "n": STUDENTS})
        for i, (pid,) in enumerate(rows.all()):
            email = f"scale{i}@bench.example"
            s.execute(text("UPDATE person SET email = :e, email_confirmed = true, "
                           "password_hash = :h WHERE id = :p"),
                      {"e": email, "h": digest, "p": pid})
            emails.append(email)
        s.commit()
    engine.dispose()
    return emails


class Server:
    """One `amphi-server serve` process on its own port."""

    def __init__(self, database: str, data_dir: Path) -> None:
        self.port = free_port()
        env = {**os.environ, "DATABASE_URL": database, "SECRET_KEY": "bench-secret-key",
               "KEEPALIVE_SECONDS": "15", "EVENT_POLL_SECONDS": "2",
               "DB_POOL_SIZE": "10", "DB_MAX_OVERFLOW": "10",
               # The national amphitheatre runs: one process drives its clock (failover).
               "DEMO_START_AMPHI": "1"}
        self.log = data_dir / "server.log"
        data_dir.mkdir(parents=True, exist_ok=True)
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                # BENCH_SERVER: another entry point (a profiler's wrapper, for example).
                [sys.executable, *os.environ.get("BENCH_SERVER", "-m server_stub").split(),
                 "--data-dir", str(data_dir), "serve", "--port", str(self.port),
                 "--log-level", "warning"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"a server exited: see {self.log}")
            try:
                status, _ = asyncio.run(_once(self.port, "GET", f"/api/national/{CAMPAIGN}"))
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"a server did not start: see {self.log}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --------------------------------------------------------------------------- raw HTTP


class Http:
    """One keep-alive HTTP/1.1 connection, requests one at a time (JSON in, JSON out)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: Any = None,
                      token: str | None = None) -> tuple[int, Any]:
        """One exchange; once again on a new connection when the server had closed this one
        (uvicorn closes a keep-alive connection idle for 5 s)."""
        reused = self.writer is not None
        try:
            return await self._exchange(method, path, body, token)
        except (asyncio.IncompleteReadError, ConnectionError):
            self.close()
            self.writer = None
            if not reused:
                raise
            return await self._exchange(method, path, body, token)

    async def _exchange(self, method: str, path: str, body: Any,
                        token: str | None) -> tuple[int, Any]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        payload = b"" if body is None else json.dumps(body).encode()
        head = [f"{method} {path} HTTP/1.1", "Host: bench", f"Content-Length: {len(payload)}"]
        if body is not None:
            head.append("Content-Type: application/json")
        if token:
            head.append(f"Authorization: Bearer {token}")
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + payload)
        header = await self.reader.readuntil(b"\r\n\r\n")
        status = int(header[9:12])
        match = re.search(rb"(?i)content-length: *(\d+)", header)
        length = int(match.group(1)) if match else 0
        data = await self.reader.readexactly(length) if length else b""
        return status, (json.loads(data) if data else None)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def _once(port: int, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    http = Http(port)
    try:
        return await http.request(method, path, body)
    finally:
        http.close()


# --------------------------------------------------------------------------- SSE clients


class SseClient(asyncio.Protocol):
    """One subscriber: notes when each bench event arrives (frames split on blank lines)."""

    ID = re.compile(rb'"kind":"bench".*?\nid: (\d+)', re.S)

    def __init__(self, arrivals: dict[int, list[float]], opened: list[int]) -> None:
        self.arrivals = arrivals
        self.opened = opened
        self.buffer = b""
        self.started = False
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        transport.write(b"GET /api/events HTTP/1.1\r\nHost: bench\r\n"
                        b"Accept: text/event-stream\r\n\r\n")

    def data_received(self, data: bytes) -> None:
        at = time.time()
        if not self.started and b"retry:" in data:
            self.started = True
            self.opened[0] += 1
        self.buffer += data
        cut = self.buffer.rfind(b"\n\n")
        if cut < 0:
            return
        whole, self.buffer = self.buffer[:cut + 2], self.buffer[cut + 2:]
        for match in self.ID.finditer(whole):
            self.arrivals.setdefault(int(match.group(1)), []).append(at)


def publish_events(factory: sessionmaker[Session], stamps: dict[int, float]) -> None:
    for i in range(EVENTS):
        started = time.monotonic()
        with factory() as session:
            record = events.publish(session, "bench", {"n": i})
            session.commit()
            stamps[record.id] = time.time()
        time.sleep(max(0.0, 1 / EVENT_RATE - (time.monotonic() - started)))


# --------------------------------------------------------------------------- the phases


async def run_events(servers: list[Server], factory: sessionmaker[Session],
                     transports: list[asyncio.Transport],
                     arrivals: list[dict[int, list[float]]]) -> None:
    """Open the SSE clients (kept for the next phase), publish, print per process."""
    loop = asyncio.get_running_loop()
    opened = [0]
    per = CLIENTS // len(servers)
    for k, server in enumerate(servers):
        for i in range(per):
            transport, _ = await loop.create_connection(
                lambda k=k: SseClient(arrivals[k], opened), "127.0.0.1", server.port)
            transports.append(transport)
            if i % 100 == 99:
                await asyncio.sleep(0.01)  # not all in one burst
    deadline = time.monotonic() + 120
    while opened[0] < per * len(servers) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    print(f"  {opened[0]} SSE streams open ({per} per process)", flush=True)
    stamps: dict[int, float] = {}
    before = [cpu_seconds(s.pid) for s in servers]
    await asyncio.to_thread(publish_events, factory, stamps)
    # The last deliveries: until all arrived, or nothing more came for 5 s.
    expected = EVENTS * per * len(servers)
    seen, still = -1, time.monotonic()
    while True:
        count = sum(len(ats) for per_process in arrivals for ats in per_process.values())
        if count != seen:
            seen, still = count, time.monotonic()
        if count >= expected or time.monotonic() - still > 5:
            break
        await asyncio.sleep(0.2)
    cpu = sum(cpu_seconds(s.pid) - b for s, b in zip(servers, before, strict=True))
    print(f"  server CPU per delivery: {cpu / max(seen, 1) * 1e6:.0f} µs "
          f"({cpu:.1f} s for {seen} deliveries, keep-alives and the demo included)",
          flush=True)
    for k in range(len(servers)):
        delays = [(at - stamps[eid]) * 1000 for eid, ats in arrivals[k].items()
                  if eid in stamps for at in ats]
        missing = EVENTS * per - len(delays)
        print(f"  events, process {k + 1}: p50 {pct(delays, 50):.0f} ms, "
              f"p99 {pct(delays, 99):.0f} ms, max {pct(delays, 100):.0f} ms; "
              f"deliveries {len(delays)}, missing {missing}", flush=True)


async def sign_in(servers: list[Server], emails: list[str]
                  ) -> tuple[list[str], list[list[int]], list[int]]:
    """Every student's token, list and version."""
    tokens: list[str] = []
    lists: list[list[int]] = []
    versions: list[int] = []
    login = Http(servers[0].port)
    for email in emails:
        status, body = await login.request("POST", "/api/auth/login",
                                           {"email": email, "password": PASSWORD})
        assert status == 200, body
        tokens.append(body["token"])
        status, body = await login.request("GET", WISHES, token=tokens[-1])
        assert status == 200, body
        lists.append([w["cell_id"] for w in body["wishes"]])
        versions.append(body["version"])
    login.close()
    return tokens, lists, versions


async def run_wishes(servers: list[Server], emails: list[str], think: float) -> None:
    """Every student changes his list for SECONDS, waiting `think` seconds on average
    between two changes (0: none, the servers' saturation); CPU per change."""
    n = len(servers)
    tokens, lists, versions = await sign_in(servers, emails)
    latencies: list[float] = []
    stale = [0, 0]  # stale first reads, reads
    done = [0]  # changes so far, every student
    stale_delays: list[float] = []
    failures: list[str] = []
    stop_at = 0.0

    async def student(i: int) -> None:
        rng = random.Random(i)
        own = Http(servers[i % n].port)
        other = Http(servers[(i + 1) % n].port) if n > 1 else None
        try:
            while time.monotonic() < stop_at:
                if think:
                    await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
                cells = lists[i]
                started = time.perf_counter()
                if len(cells) > 1 and rng.random() < 0.6:
                    status, body = await own.request(
                        "POST", f"{WISHES}/move", {"version": versions[i],
                                                   "cell_id": rng.choice(cells),
                                                   "position": rng.randint(1, len(cells))},
                        tokens[i])
                else:
                    shuffled = list(cells)
                    rng.shuffle(shuffled)
                    status, body = await own.request(
                        "PUT", WISHES, {"version": versions[i], "cells": shuffled}, tokens[i])
                latencies.append(time.perf_counter() - started)
                if status != 200:
                    failures.append(f"{status} {body}")
                    status, body = await own.request("GET", WISHES, token=tokens[i])
                lists[i] = [w["cell_id"] for w in body["wishes"]]
                versions[i] = body["version"]
                done[0] += 1
                if other is not None and done[0] % 10 == 0:
                    committed = time.perf_counter()
                    first = True
                    while True:
                        _, seen = await other.request("GET", WISHES, token=tokens[i])
                        if seen["version"] >= versions[i]:
                            break
                        if first:
                            stale[0] += 1
                            first = False
                        await asyncio.sleep(0.002)
                    stale[1] += 1
                    if not first:
                        stale_delays.append((time.perf_counter() - committed) * 1000)
        finally:
            own.close()
            if other is not None:
                other.close()

    # What the servers spend with nobody changing anything (the demo's amphitheatre, the
    # streams' keep-alives): subtracted from the phase's CPU.
    idle_before = [cpu_seconds(s.pid) for s in servers]
    await asyncio.sleep(IDLE_SECONDS)
    idle = [(cpu_seconds(s.pid) - b) / IDLE_SECONDS for s, b in zip(servers, idle_before,
                                                                    strict=True)]
    before = [cpu_seconds(s.pid) for s in servers]
    started = time.monotonic()
    stop_at = started + SECONDS
    await asyncio.gather(*(student(i) for i in range(len(emails))))
    elapsed = time.monotonic() - started
    cpu = [cpu_seconds(s.pid) - b for s, b in zip(servers, before, strict=True)]
    changes = len(latencies)
    ms = [x * 1000 for x in latencies]
    pace = f"one every {think:.0f} s each" if think else "no pause: saturation"
    print(f"  wish changes ({pace}): {changes} in {elapsed:.1f} s = "
          f"{changes / elapsed:.0f}/s by "
          f"{len(emails)} students; round trip p50 {pct(ms, 50):.0f} ms, "
          f"p95 {pct(ms, 95):.0f} ms; refused {len(failures)}", flush=True)
    net = sum(cpu) - sum(idle) * elapsed
    print(f"  server CPU per change: {net / max(changes, 1) * 1000:.2f} ms (processes busy "
          f"{', '.join(f'{c / elapsed:.0%}' for c in cpu)} of a core, of which idle "
          f"{', '.join(f'{i:.0%}' for i in idle)}, subtracted)", flush=True)
    if failures:
        print(f"    first refusal: {failures[0][:200]}")
    if n > 1:
        worst = f", until fresh p50 {statistics.median(stale_delays):.0f} ms, max " \
                f"{max(stale_delays):.0f} ms" if stale_delays else ""
        print(f"  stale reads on another process: {stale[0]} of {stale[1]}{worst}",
              flush=True)


def leader_pid(database: str) -> int | None:
    """The process holding the clocks' lock (its id is in its connection's name)."""
    rows = postgres.activity(database, (
        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a "
        "ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
        "AND ((l.classid::bigint << 32) | l.objid::bigint) = %s"), (LOCK_KEY,))
    return int(str(rows[0][0]).split()[1]) if rows else None


def run_failover(database: str) -> None:
    deadline = time.monotonic() + 30
    pid = leader_pid(database)
    while pid is None and time.monotonic() < deadline:
        time.sleep(0.1)
        pid = leader_pid(database)
    if pid is None:
        print("  failover: no process holds the clock")
        return
    killed = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    while time.monotonic() < killed + 60:
        now = leader_pid(database)
        if now is not None and now != pid:
            print(f"  failover: process {now} holds the clock "
                  f"{time.monotonic() - killed:.2f} s after SIGKILL of {pid}", flush=True)
            return
        time.sleep(0.05)
    print("  failover: nobody took the clock within 60 s", flush=True)


def run(cluster: postgres.Cluster, template: str, emails: list[str], n: int) -> None:
    database = cluster.new_database(template=template)
    work = Path(tempfile.mkdtemp(prefix="amphi-bench-scale-"))
    servers = [Server(database, work / f"p{k}") for k in range(n)]
    engine = make_engine(database)
    factory = make_sessionmaker(engine)
    print(f"{n} process(es), {CLIENTS} SSE clients, {len(emails)} students "
          f"({os.cpu_count()} cores):", flush=True)
    try:
        started = time.monotonic()
        for server in servers:
            server.wait_ready(started + 180)
        print(f"  ready in {time.monotonic() - started:.1f} s", flush=True)

        async def phases() -> None:
            transports: list[asyncio.Transport] = []
            arrivals: list[dict[int, list[float]]] = [{} for _ in servers]
            try:
                await run_events(servers, factory, transports, arrivals)
                await run_wishes(servers, emails, THINK_SECONDS)
                await run_wishes(servers, emails, 0)
            finally:
                for transport in transports:
                    transport.close()

        asyncio.run(phases())
        if n > 1:
            run_failover(database)
    finally:
        for server in servers:
            server.stop()
        engine.dispose()
        if not os.environ.get("BENCH_SCALE_KEEP"):  # the servers' logs, to read
            shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 3 * CLIENTS + 4096)), hard))
    try:
        cluster = postgres.cluster()
    except RuntimeError as exc:  # PostgreSQL is not installed
        print(f"bench_scale: skipped ({exc})")
        return
    template = cluster.new_database()
    setup_dir = Path(tempfile.mkdtemp(prefix="amphi-bench-scale-setup-"))
    started = time.monotonic()
    emails = prepare(template, setup_dir)
    print(f"national demo with {len(emails)} student accounts in PostgreSQL "
          f"({time.monotonic() - started:.0f} s)", flush=True)
    for n in PROCESSES:
        run(cluster, template, emails, n)
    shutil.rmtree(setup_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
