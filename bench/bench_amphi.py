"""Amphitheatre choice: turn-event fan-out to 300 live clients (goal: p99 ≤ 250 ms).

A real server runs in its own process on a fresh SQLite file, with one amphitheatre of
320 connected interns. 300 Server-Sent-Events clients (each with its own session) listen;
the intern whose turn it is chooses over HTTP, the server moves the turn on and publishes
`amphi_turn`; for every client we measure the delay between the event's time stamp (set
by the server inside the choice's transaction) and its arrival. Also printed: the choice
request's round trip, and reading the live state of the amphitheatre.

Then the favourites estimate: every intern has 10 favourites, and after each event every
client asks for its estimate (« à mon tour ») again. The burst of 300 requests after one
event is timed as a whole, with each request's latency.

Printed, never asserted.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server_stub import migrations  # noqa: E402
from server_stub.amphi.models import (  # noqa: E402
    Amphi,
    AmphiFavourite,
    AmphiPost,
    AmphiPresence,
    Intern,
    Service,
)
from server_stub.core.db import make_engine, make_sessionmaker  # noqa: E402
from server_stub.core.security import token_digest  # noqa: E402
from server_stub.models import AuthSession, Campaign, Person  # noqa: E402

CLIENTS = 300
INTERNS = 320
TURNS = 40
FAVOURITES = 10
BURSTS = 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build(data_dir: Path) -> tuple[int, str, list[tuple[int, str]], list[int]]:
    """Campaign, open amphitheatre, interns with sessions and presence, posts.

    Returns (amphi id, staff token, [(intern id, token)] in call order, post ids).
    """
    engine = make_engine(f"sqlite:///{data_dir / 'amphi.sqlite3'}")
    migrations.upgrade(engine)
    at = datetime.now(UTC)
    far = at + timedelta(days=1)
    with make_sessionmaker(engine)() as s:
        campaign = Campaign(kind="amphi", name="Banc d'essai", state="open",
                            settings={"semester": "mai 2027",
                                      "normal_seniority": {"2023": 4}})
        s.add(campaign)
        s.flush()
        amphi = Amphi(campaign_id=campaign.id, name="Banc — approfondissement",
                      specialty_group="Médecine générale", phase="approfondissement",
                      state="open", opens_at=at)
        s.add(amphi)
        s.flush()
        staff = Person(role="staff", last_name="Agent", first_name="Banc",
                       email="staff@bench.example")
        s.add(staff)
        s.flush()
        staff_token = uuid.uuid4().hex
        s.add(AuthSession(person_id=staff.id, token_hash=token_digest(staff_token),
                          expires_at=far))
        interns: list[tuple[int, str]] = []
        for n in range(INTERNS):
            person = Person(role="student", last_name=f"Interne{n:03d}", first_name="Banc",
                            birth_date=date(1998, 1, 1), email=f"i{n}@bench.example")
            s.add(person)
            s.flush()
            intern = Intern(campaign_id=campaign.id, amphi_id=amphi.id, person_id=person.id,
                            des="MG", des_label="Médecine générale",
                            specialty_group="Médecine générale",
                            regime="Phase d'approfondissement", phase="approfondissement",
                            faculty="UFR", cohort=2023, seniority=4, local_rank=n + 1,
                            local_cohort_size=INTERNS)
            s.add(intern)
            s.flush()
            token = uuid.uuid4().hex
            s.add(AuthSession(person_id=person.id, token_hash=token_digest(token),
                              expires_at=far))
            s.add(AmphiPresence(intern_id=intern.id, last_seen_at=far))
            interns.append((intern.id, token))
        posts = []
        services: list[tuple[int, list[int]]] = []
        for n in range(INTERNS // 4 + 1):
            service = Service(campaign_id=campaign.id, establishment=f"CH {n}",
                              name="Médecine", head="Dr X", department="69", number=str(n))
            s.add(service)
            s.flush()
            for k in range(5):
                post = AmphiPost(service_id=service.id, amphi_id=amphi.id,
                                 number=str(1000 + n * 5 + k), des="MG",
                                 specialty_group="Médecine générale", post_type="CH",
                                 regime="Phase d'approfondissement")
                s.add(post)
                s.flush()
                posts.append(post.id)
            services.append((service.id, posts[-5:]))
        rng = random.Random(7)
        for intern_id, _token in interns:
            for position, (service_id, its_posts) in enumerate(
                    rng.sample(services, FAVOURITES), 1):
                one = rng.random() < 0.3  # some single posts, mostly whole services
                post_id = rng.choice(its_posts) if one else None
                s.add(AmphiFavourite(intern_id=intern_id, amphi_id=amphi.id,
                                     target=f"post:{post_id}" if one else f"service:{service_id}",
                                     service_id=service_id, post_id=post_id,
                                     position=position))
        s.commit()
        amphi_id = amphi.id
    engine.dispose()
    return amphi_id, staff_token, interns, posts


class Listener:
    """A minimal SSE client on a raw socket (so the bench measures the server, not httpx)."""

    def __init__(self, port: int, token: str) -> None:
        self.port = port
        self.token = token
        self.arrivals: dict[int, tuple[float, float]] = {}  # turn_no -> (sent, received)
        self.ready = asyncio.Event()

    async def run(self) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        writer.write((f"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
                      f"Authorization: Bearer {self.token}\r\nAccept: text/event-stream\r\n"
                      "\r\n").encode())
        await writer.drain()
        while (await reader.readline()) not in (b"\r\n", b""):
            pass  # response headers
        buffer = b""
        try:
            while True:
                size = int((await reader.readline()).strip() or b"0", 16)
                if size == 0:
                    return
                chunk = await reader.readexactly(size + 2)
                received = time.time()
                buffer += chunk[:-2]
                self.ready.set()
                while b"\n\n" in buffer:
                    frame, buffer = buffer.split(b"\n\n", 1)
                    if b"event: amphi_turn" in frame:
                        data = json.loads(frame.split(b"data: ", 1)[1])
                        sent = datetime.fromisoformat(data["at"]).timestamp()
                        self.arrivals[data["payload"]["turn_no"]] = (sent, received)
        finally:
            writer.close()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def fr(ms: float) -> str:
    return f"{ms:.1f}".replace(".", ",")


async def drive(port: int, amphi_id: int, staff: str,
                interns: list[tuple[int, str]], posts: list[int]) -> None:
    listeners = [Listener(port, interns[n % len(interns)][1]) for n in range(CLIENTS)]
    tasks = [asyncio.create_task(listener.run()) for listener in listeners]
    await asyncio.wait_for(asyncio.gather(*(li.ready.wait() for li in listeners)), 30)
    base = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        r = await client.post(f"/api/staff/amphi/amphis/{amphi_id}/transitions",
                              headers={"Authorization": f"Bearer {staff}"},
                              json={"action": "start"})
        r.raise_for_status()
        live = (await client.get(f"/api/amphi/amphis/{amphi_id}/live")).json()
        turn_no = live["turn_no"]
        round_trips: list[float] = []
        reads: list[float] = []
        beats: list[float] = []
        by_id = dict(interns)
        for n in range(TURNS):
            current = live["current_intern_id"]
            started = time.perf_counter()
            r = await client.post(f"/api/amphi/amphis/{amphi_id}/choices",
                                  headers={"Authorization": f"Bearer {by_id[current]}"},
                                  json={"post_id": posts[n], "idempotency_key": uuid.uuid4().hex})
            r.raise_for_status()
            round_trips.append((time.perf_counter() - started) * 1000)
            turn_no += 1
            deadline = time.monotonic() + 10
            while any(turn_no not in li.arrivals for li in listeners):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"turn {turn_no} did not reach every client")
                await asyncio.sleep(0.005)
            started = time.perf_counter()
            live = (await client.get(f"/api/amphi/amphis/{amphi_id}/live")).json()
            reads.append((time.perf_counter() - started) * 1000)
            for k in range(3):  # clients signal their presence every ~10 s
                _, token = interns[(n * 3 + k) % len(interns)]
                started = time.perf_counter()
                r = await client.post(f"/api/amphi/amphis/{amphi_id}/presence",
                                      headers={"Authorization": f"Bearer {token}"})
                r.raise_for_status()
                beats.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(0.1)
        bursts, latencies, alone, during = await estimate_bursts(client, amphi_id, interns)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    delays = [(got - sent) * 1000 for li in listeners
              for k, (sent, got) in li.arrivals.items() if k > live["turn_no"] - TURNS]
    print(f"amphi turn fan-out to {CLIENTS} live clients ({TURNS} turns, {len(delays)} "
          f"deliveries): p50 {fr(pct(delays, 50))} ms, p95 {fr(pct(delays, 95))} ms, "
          f"p99 {fr(pct(delays, 99))} ms, max {fr(max(delays))} ms (goal p99 ≤ 250 ms)")
    print(f"  choice request round trip: median {fr(statistics.median(round_trips))} ms, "
          f"p95 {fr(pct(round_trips, 95))} ms; presence signal: median "
          f"{fr(statistics.median(beats))} ms; live state of {INTERNS} interns: median "
          f"{fr(statistics.median(reads))} ms")
    print(f"favourites estimate, every client asking after an event ({CLIENTS} requests, "
          f"{FAVOURITES} favourites each, {BURSTS} events): burst served in median "
          f"{fr(statistics.median(bursts))} ms (max {fr(max(bursts))} ms); one request p50 "
          f"{fr(pct(latencies, 50))} ms, p95 {fr(pct(latencies, 95))} ms; one request "
          f"alone: first {fr(alone[0])} ms (walk of the queue), then median "
          f"{fr(statistics.median(alone[1:]))} ms")
    print(f"  live state read while a burst is served: median {fr(statistics.median(during))} "
          f"ms, max {fr(max(during))} ms")


async def estimate_bursts(client: httpx.AsyncClient, amphi_id: int,
                          interns: list[tuple[int, str]]
                          ) -> tuple[list[float], list[float], list[float], list[float]]:
    """After an event every live client asks again for its estimate: time those bursts."""
    async def one(token: str) -> float:
        started = time.perf_counter()
        r = await client.get(f"/api/amphi/amphis/{amphi_id}/favourites/estimate",
                             headers={"Authorization": f"Bearer {token}"})
        r.raise_for_status()
        return (time.perf_counter() - started) * 1000

    # The ones still to choose are the ones who ask (the first TURNS have chosen).
    waiting = [token for _id, token in interns[TURNS:TURNS + CLIENTS]]
    alone = [await one(token) for token in waiting[-5:]]  # the first is a cache miss
    bursts: list[float] = []
    latencies: list[float] = []
    during: list[float] = []
    # Meanwhile the live state must stay quick to read (another connection, as another
    # client would): the estimates must not take every thread of the server.
    async with httpx.AsyncClient(base_url=client.base_url, timeout=60) as other:
        async def live_reads() -> None:
            for _ in range(5):
                await asyncio.sleep(0.3)
                started = time.perf_counter()
                (await other.get(f"/api/amphi/amphis/{amphi_id}/live")).raise_for_status()
                during.append((time.perf_counter() - started) * 1000)

        for _ in range(BURSTS):
            started = time.perf_counter()
            probe = asyncio.create_task(live_reads())
            latencies += await asyncio.gather(*(one(token) for token in waiting))
            bursts.append((time.perf_counter() - started) * 1000)
            await probe
    return bursts, latencies, alone, during


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="amphi-bench-amphi-") as tmp:
        data_dir = Path(tmp)
        amphi_id, staff, interns, posts = build(data_dir)
        port = free_port()
        env = {**os.environ, "SECRET_KEY": "bench", "AMPHI_TURN_SECONDS": "60",
               "AMPHI_PRESENCE_SECONDS": "86400", "DATABASE_URL": ""}
        env.pop("DATABASE_URL")
        # The server's errors go to a file: a pipe nobody reads would fill up and block it.
        log = data_dir / "server.log"
        with log.open("w") as errors:
            server = subprocess.Popen(
                [sys.executable, "-m", "server_stub", "--data-dir", str(data_dir), "serve",
                 "--port", str(port), "--log-level", "warning"],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/api/health").status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server did not start: " + log.read_text())
                time.sleep(0.1)
            asyncio.run(drive(port, amphi_id, staff, interns, posts))
            problems = [line for line in log.read_text().splitlines() if "ERROR" in line]
            print(f"  server errors logged during the run: {len(problems)}"
                  + (f" (first: {problems[0]})" if problems else ""))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
