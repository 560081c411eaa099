"""Shared set-up of the amphitheatre tests: a whole amphitheatre built through the real API.

The agency's staff create a campaign, import services, posts and interns as CSV files,
create the amphitheatre and its sessions, validate and open it; the interns have real
accounts and sign in. Nothing here reaches around the server except `add_person`, which
writes ready accounts the way the other server tests do.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.conftest import LiveServer
from tests.server.conftest import add_person, auth, login, signed_in

_run = itertools.count(1)

SERVICES_CSV = (
    "Établissement;Service;Chef de service;Département;N° service\n"
    "CHU de Lyon — Édouard-Herriot;Cardiologie;Pr Claire MOREAU;69;1101\n"
    "CHU de Lyon — Édouard-Herriot;Pneumologie;Dr Paul ROUX;69;1102\n"
    "CH de Vienne;Médecine polyvalente;Dr Anne PETIT;38;1201\n"
)
# Six posts: two reserved for cardiology (DES CARD), one earmarked.
POSTS_CSV = (
    "Numéro;N° service;DES;Groupe;Type;Régime;Fléchage;Réservé\n"
    "2001;1101;CARD;Spécialités médicales;CHU;Phase d'approfondissement;;oui\n"
    "2002;1101;CARD;Spécialités médicales;CHU;Phase d'approfondissement;Rythmologie;oui\n"
    "2003;1102;PNEU;Spécialités médicales;CHU;Phase d'approfondissement;;non\n"
    "2004;1102;PNEU;Spécialités médicales;CHU;Phase d'approfondissement;;non\n"
    "2005;1201;MIN;Spécialités médicales;CH;Phase d'approfondissement;;non\n"
    "2006;1201;MIN;Spécialités médicales;CH;Phase d'approfondissement;;non\n"
)


@dataclass
class Who:
    email: str
    token: str
    person_id: int
    intern_id: int = 0
    name: str = ""
    ine: str = ""

    @property
    def h(self) -> dict[str, str]:
        return auth(self.token)


@dataclass
class World:
    """An open amphitheatre: staff, interns in call order, posts by number."""

    live: LiveServer
    client: httpx.Client
    staff: Who
    campaign_id: int
    amphi_id: int
    interns: list[Who]  # in call order
    posts: dict[str, int] = field(default_factory=dict)  # number -> id
    services: dict[str, int] = field(default_factory=dict)  # number -> id

    @property
    def base(self) -> str:
        return f"/api/amphi/amphis/{self.amphi_id}"

    @property
    def staff_base(self) -> str:
        return f"/api/staff/amphi/amphis/{self.amphi_id}"

    def transition(self, action: str, **extra: Any) -> httpx.Response:
        return self.client.post(f"{self.staff_base}/transitions", headers=self.staff.h,
                                json={"action": action, **extra})

    def live_state(self, who: Who | None = None) -> dict[str, Any]:
        r = self.client.get(f"{self.base}/live", headers=who.h if who else None)
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]

    def presence(self, who: Who) -> dict[str, Any]:
        r = self.client.post(f"{self.base}/presence", headers=who.h)
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]

    def choose(self, who: Who, number: str, key: str | None = None) -> httpx.Response:
        return self.client.post(f"{self.base}/choices", headers=who.h,
                                json={"post_id": self.posts[number],
                                      "idempotency_key": key or uuid.uuid4().hex})

    def wait_turn(self, intern: Who | None, timeout: float = 10.0) -> dict[str, Any]:
        """Poll the live state until `intern` (None: nobody) has the turn."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.live_state()
            wanted = intern.intern_id if intern else None
            if state["current_intern_id"] == wanted:
                return state
            if time.monotonic() > deadline:
                raise AssertionError(f"turn not reached: {state['current_intern_id']} != "
                                     f"{wanted}")
            time.sleep(0.05)


def amphi_server(server_factory: Callable[..., LiveServer], **overrides: Any) -> LiveServer:
    """A test server with real 90-second turns and a fast keep-alive (see `EventStream`).

    A turn never runs out by wall-clock luck: a test that needs it to run out moves the
    tests' calendar past its deadline (`calendar.shift`), and the turn clock, which
    re-reads the deadlines every `amphi_clock_poll_seconds`, ends it.
    """
    settings: dict[str, Any] = {"amphi_turn_seconds": 90.0, "keepalive_seconds": 0.25,
                                "amphi_clock_poll_seconds": 0.5}
    return server_factory(**{**settings, **overrides})


def csv_file(text: str, name: str = "import.csv") -> dict[str, Any]:
    return {"file": (name, text.encode("utf-8"), "text/csv")}


def intern_line(n: int, who: Who, *, des: str = "PNEU", cohort: int = 2023,
                seniority: int = 4, rank: int | None = None, size: int = 10,
                extra: str = "") -> str:
    first, last = who.name.split(" ", 1)
    return (f"{last};{first};01/0{1 + n % 9}/1998;{who.ine};{des};"
            f"Spécialités médicales;approfondissement;UFR de Lyon;{cohort};{seniority};"
            f"{rank if rank is not None else n + 1};{size}{extra}\n")


INTERNS_HEADER = ("Nom;Prénom;Date de naissance;INE;DES;Groupe;Phase;UFR;Promotion;Ancienneté;"
                  "Rang local;Effectif promo local")


def extra_posts_csv(count: int) -> str:
    """`count` more posts open to every DES, numbered from 3001, in the Vienne service."""
    return "".join(f"{3001 + n};1201;MIN;Spécialités médicales;CH;Phase d'approfondissement;;non\n"
                   for n in range(count))


def make_world(live: LiveServer, client: httpx.Client, *, interns: int = 4,
               des: list[str] | None = None, open_it: bool = True,
               extra_posts: int = 0) -> World:
    """Build an open amphitheatre through the API; interns are in call order 1..n.

    The offer is `POSTS_CSV`'s six posts, and `extra_posts` more (`extra_posts_csv`)."""
    run = next(_run)
    staff_id, staff_token = signed_in(live, client, role="staff",
                                      email=f"staff{run}@ars.example.org")
    staff = Who(f"staff{run}@ars.example.org", staff_token, staff_id)
    r = client.post("/api/staff/amphi/campaigns", headers=staff.h, json={
        "name": f"ARS test — choix {run}", "region": "Auvergne-Rhône-Alpes",
        "semester": "mai 2027", "normal_seniority": {"2022": 6, "2023": 4, "2024": 2}})
    assert r.status_code == 201, r.text
    campaign_id = r.json()["id"]
    people: list[Who] = []
    firsts = ["Alice", "Bruno", "Chloé", "David", "Emma", "Félix", "Gaëlle", "Hugo", "Inès",
              "Jules", "Katia", "Louis"]
    for n in range(interns):
        email = f"interne{run}-{n}@example.org"
        name = f"{firsts[n % len(firsts)]} Test{run}x{n}"
        first, last = name.split(" ", 1)
        # The INE lets the import find the accounts just written.
        pid = add_person(live, role="student", email=email, password="Motdepasse1",
                         first_name=first, last_name=last, birth_date=f"1998-0{1 + n % 9}-01",
                         ine=f"INE{run:04d}{n:03d}X", birth_town="Lyon")
        people.append(Who(email, "", pid, name=name, ine=f"INE{run:04d}{n:03d}X"))
    base = f"/api/staff/amphi/campaigns/{campaign_id}"
    for kind, text in (("services", SERVICES_CSV),
                       ("posts", POSTS_CSV + extra_posts_csv(extra_posts))):
        r = client.post(f"{base}/imports/{kind}", headers=staff.h, files=csv_file(text))
        assert r.status_code == 200 and not r.json()["rejected"], r.text
    lines = [INTERNS_HEADER + "\n"]
    for n, who in enumerate(people):
        lines.append(intern_line(n, who, des=(des[n] if des else "PNEU"), size=interns))
    r = client.post(f"{base}/imports/interns", headers=staff.h, files=csv_file("".join(lines)))
    assert r.status_code == 200 and r.json()["created"] == interns, r.text
    r = client.post(f"{base}/amphis", headers=staff.h, json={
        "name": "Spécialités médicales — Phase d'approfondissement",
        "specialty_group": "Spécialités médicales", "phase": "approfondissement"})
    assert r.status_code == 201, r.text
    amphi = r.json()
    assert amphi["intern_count"] == interns and amphi["post_count"] == 6 + extra_posts, amphi
    world = World(live, client, staff, campaign_id, amphi["id"], [])
    start = datetime.now(UTC) + timedelta(days=2)
    r = client.put(f"{world.staff_base}/sessions", headers=staff.h, json=[
        {"starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=1)).isoformat(),
         "rank_from": 1, "rank_to": interns}])
    assert r.status_code == 200, r.text
    # Opening tomorrow (the clock would open it by itself then); opened by hand below.
    r = world.transition("validate", opens_at=(start - timedelta(days=1)).isoformat())
    assert r.status_code == 200, r.text
    if open_it:
        assert world.transition("open").status_code == 200
    offer = client.get(f"{world.base}/posts", headers=staff.h).json()
    world.posts = {p["number"]: p["id"] for p in offer["posts"]}
    world.services = {s["number"]: s["id"] for s in offer["services"]}
    calls = client.get(f"{world.base}/call-list", headers=staff.h).json()
    by_person = {w.name: w for w in people}
    for entry in calls:
        who = by_person[f"{entry['first_name']} {entry['last_name']}"]
        who.intern_id = entry["intern_id"]
        who.token = login(client, who.email)
        world.interns.append(who)
    return world


# --------------------------------------------------------------------------- live events


class EventStream:
    """A background SSE reader collecting events (kind, data) as they arrive.

    Like a real client it reconnects with `Last-Event-ID`. Servers started with
    `amphi_server` send a keep-alive every 0.25 s, so the reader notices `close()` at once
    (a stream left open would hold the test server's shutdown).
    """

    def __init__(self, live: LiveServer, token: str | None = None) -> None:
        self.events: list[dict[str, Any]] = []
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._last_id: str | None = None
        headers = auth(token) if token else {}
        self._thread = threading.Thread(target=self._run, args=(live.url, headers), daemon=True)
        self._thread.start()
        assert self._ready.wait(5), "the event stream did not open"

    def _run(self, url: str, headers: dict[str, str]) -> None:
        with httpx.Client(base_url=url, timeout=httpx.Timeout(5.0, read=2.0)) as client:
            while not self._stop.is_set():
                extra = {"Last-Event-ID": self._last_id} if self._last_id else {}
                try:
                    with client.stream("GET", "/api/events",
                                       headers={**headers, **extra}) as response:
                        self._ready.set()
                        self._read(response)
                except httpx.HTTPError:
                    if not self._stop.is_set():
                        time.sleep(0.05)

    def _read(self, response: httpx.Response) -> None:
        kind = None
        for line in response.iter_lines():
            if line.startswith("id:"):
                self._last_id = line.split(":", 1)[1].strip()
            elif line.startswith("event:"):
                kind = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and kind:
                whole = json.loads(line[5:])
                self.events.append({"kind": kind, "data": whole["payload"], "event": whole,
                                    "received": time.time()})
            if self._stop.is_set():
                return

    def kinds(self) -> list[str]:
        return [e["kind"] for e in self.events]

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [e["data"] for e in self.events if e["kind"] == kind]

    def wait_for(self, pred: Callable[[dict[str, Any]], bool],
                 timeout: float = 5.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in list(self.events):
                if pred(event):
                    return event
            time.sleep(0.02)
        raise AssertionError(f"no such event among {self.kinds()}")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=3)


@contextmanager
def event_stream(live: LiveServer, token: str | None = None) -> Iterator[EventStream]:
    stream = EventStream(live, token)
    try:
        yield stream
    finally:
        stream.close()
