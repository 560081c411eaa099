"""A small matching campaign built over real HTTP, shared by the matching tests.

Staff create the campaign, its wave and rounds, import posts and candidates through the
API; people sign in through the real routes. Phases are moved by staff through
`update_matching_round`, with dates around the real time (the server's clock).

The world (specialty "Cardiologie" unless said):

    posts   P1 LYON 1 place (A)      P2 LYON 2 places (A; couplé, B reads)
            P3 GRENOBLE 1 place (B)  P4 LYON 1 place (C; couplé, A ranks)
            P5 LYON 1 place "Pneumologie" (C)
    students s1 s2 s4 LYON, s3 s5 GRENOBLE, s6 LYON "Pneumologie"
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.conftest import LiveServer
from tests.server.conftest import auth, signed_in

_ids = itertools.count(1)
CARDIO = "Cardiologie"


def iso(value: datetime) -> str:
    return value.isoformat()


def window(phase: str, now: datetime | None = None) -> dict[str, str]:
    """Round dates putting an on-platform round in `phase` now (real time)."""
    t = now or datetime.now(UTC)
    h = timedelta(hours=1)
    plans = {
        "upcoming": (t + h, t + 2 * h, t + 3 * h, t + 4 * h),
        "applications": (t - h, t + h, t + 2 * h, t + 3 * h),
        "awaiting_ranking": (t - 3 * h, t - 2 * h, t + h, t + 2 * h),
        "ranking": (t - 3 * h, t - 2 * h, t - h, t + h),
        "awaiting_results": (t - 4 * h, t - 3 * h, t - 2 * h, t - h),
    }
    a, b, c, d = plans[phase]
    return {"applications_opens_at": iso(a), "applications_closes_at": iso(b),
            "ranking_opens_at": iso(c), "ranking_closes_at": iso(d), "results_at": iso(d + h)}


@dataclass
class Who:
    person_id: int
    email: str
    token: str

    @property
    def h(self) -> dict[str, str]:
        return auth(self.token)


@dataclass
class World:
    live: LiveServer
    client: httpx.Client
    staff: Who
    coordinator: Who
    campaign_id: int
    wave_id: int
    rounds: dict[int, int]
    sup: dict[str, Who]
    stu: dict[str, Who]
    cand: dict[str, int] = field(default_factory=dict)
    post: dict[str, int] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"/api/matching/campaigns/{self.campaign_id}"

    def phase(self, number: int, phase: str) -> None:
        """Staff move round `number` into `phase` (through the API)."""
        r = self.client.patch(f"/api/matching/rounds/{self.rounds[number]}",
                              json=window(phase), headers=self.staff.h)
        assert r.status_code == 200, r.text

    def apply(self, student: str, *posts: str, round_number: int | None = None) -> httpx.Response:
        body: dict[str, Any] = {"post_ids": [self.post[p] for p in posts]}
        if round_number is not None:
            body["round_id"] = self.rounds[round_number]
        return self.client.put(f"{self.base}/applications", json=body, headers=self.stu[student].h)

    def ranking(self, sup: str, post: str, round_number: int | None = None) -> httpx.Response:
        params = {"round_id": self.rounds[round_number]} if round_number else None
        return self.client.get(f"/api/matching/posts/{self.post[post]}/ranking", params=params,
                               headers=self.sup[sup].h)

    def rank(self, sup: str, post: str, ranked: list[str], rejected: list[str] | None = None,
             version: int | None = None, round_number: int | None = None) -> httpx.Response:
        if version is None:
            current = self.ranking(sup, post, round_number)
            assert current.status_code == 200, current.text
            version = current.json()["version"]
        body: dict[str, Any] = {"version": version, "ranked": [self.cand[s] for s in ranked],
                                "rejected": [self.cand[s] for s in rejected or []]}
        if round_number is not None:
            body["round_id"] = self.rounds[round_number]
        return self.client.put(f"/api/matching/posts/{self.post[post]}/ranking", json=body,
                               headers=self.sup[sup].h)


POSTS = [
    # name, subdivision, places, supervisor, type, second, second access, specialty
    ("P1", "LYON", 1, "A", "simple", None, "read", CARDIO),
    ("P2", "LYON", 2, "A", "couplé", "B", "read", CARDIO),
    ("P3", "GRENOBLE", 1, "B", "simple", None, "read", CARDIO),
    ("P4", "LYON", 1, "C", "couplé", "A", "rank", CARDIO),
    ("P5", "LYON", 1, "C", "simple", None, "read", "Pneumologie"),
]
STUDENTS = [("s1", "LYON", CARDIO), ("s2", "LYON", CARDIO), ("s3", "GRENOBLE", CARDIO),
            ("s4", "LYON", CARDIO), ("s5", "GRENOBLE", CARDIO), ("s6", "LYON", "Pneumologie")]


def build_world(live: LiveServer, client: httpx.Client, *, phase: str = "applications",
                settings: dict[str, Any] | None = None) -> World:
    """The campaign above, open, round 1 in `phase`, rounds 2 and 3 later."""
    run = next(_ids)
    staff_email = f"staff{run}@ars.example.org"
    staff_id, staff_token = signed_in(live, client, role="staff", email=staff_email)
    staff = Who(staff_id, staff_email, staff_token)
    coord_email = f"coordo{run}@univ.example.org"
    coord_id, coord_token = signed_in(live, client, role="coordinator", email=coord_email)
    sup = {}
    for name in "ABC":
        email = f"rts-{name.lower()}{run}@chu.example.org"
        pid, token = signed_in(live, client, role="supervisor", email=email,
                               last_name=f"Responsable{name}", first_name="Docteur",
                               ine=None)
        sup[name] = Who(pid, email, token)
    stu = {}
    for i, (name, _sub, _spec) in enumerate(STUDENTS):
        email = f"{name}-{run}@etu.example.org"
        pid, token = signed_in(live, client, role="student", email=email,
                               last_name=f"Interne{name.upper()}", first_name="Jeune",
                               ine=f"{run:04d}{i:05d}X")
        stu[name] = Who(pid, email, token)

    body: dict[str, Any] = {"name": f"Appariement test {run}"}
    if settings:
        body["settings"] = settings
    r = client.post("/api/matching/campaigns", json=body, headers=staff.h)
    assert r.status_code == 201, r.text
    campaign_id = r.json()["id"]
    assert r.json()["state"] == "draft"
    r = client.patch(f"/api/matching/campaigns/{campaign_id}", json={"state": "open"},
                     headers=staff.h)
    assert r.status_code == 200, r.text
    r = client.post(f"/api/matching/campaigns/{campaign_id}/waves", headers=staff.h,
                    json={"name": "Vague 1"})
    assert r.status_code == 201, r.text
    wave_id = r.json()["waves"][0]["id"]
    t = datetime.now(UTC)
    for number, dates in ((1, window(phase, t)),
                          (2, window("upcoming", t + timedelta(days=10)))):
        r = client.post(f"/api/matching/waves/{wave_id}/rounds", headers=staff.h,
                        json={"number": number, **dates})
        assert r.status_code == 201, r.text
    r = client.post(f"/api/matching/waves/{wave_id}/rounds", headers=staff.h,
                    json={"number": 3, "off_platform": True,
                          "opens_at": iso(t + timedelta(days=20)),
                          "closes_at": iso(t + timedelta(days=21))})
    assert r.status_code == 201, r.text
    rounds = {rd["number"]: rd["id"] for rd in r.json()["waves"][0]["rounds"]}

    rows = [{"number": f"{run}{i}", "specialty": spec, "label": f"Poste {name}",
             "establishment": f"CHU {sub.title()}", "subdivision": sub, "places": places,
             "supervisor_email": sup[a].email, "post_type": kind,
             "second_supervisor_email": sup[b].email if b else None,
             "second_supervisor_access": access, "validated": True, "duration_months": 12}
            for i, (name, sub, places, a, kind, b, access, spec) in enumerate(POSTS)]
    r = client.post(f"/api/matching/waves/{wave_id}/posts", json=rows, headers=staff.h)
    assert r.status_code == 200 and r.json() == {"created": 5, "updated": 0}, r.text
    r = client.post(f"/api/matching/waves/{wave_id}/candidates", headers=staff.h,
                    json=[{"ine": f"{run:04d}{i:05d}x", "specialty": spec, "subdivision": sub}
                          for i, (_n, sub, spec) in enumerate(STUDENTS)])
    assert r.status_code == 200 and r.json() == {"created": 6, "updated": 0}, r.text
    r = client.post(f"/api/matching/campaigns/{campaign_id}/coordinators",
                    json={"email": coord_email}, headers=staff.h)
    assert r.status_code == 200, r.text

    world = World(live, client, staff, Who(coord_id, coord_email, coord_token), campaign_id,
                  wave_id, rounds, sup, stu)
    posts = client.get(f"{world.base}/posts", headers=staff.h).json()["rows"]
    world.post = {p["label"].split()[-1]: p["id"] for p in posts}
    for name, who in stu.items():
        world.cand[name] = client.get(f"{world.base}/my-file",
                                      headers=who.h).json()["candidate"]["id"]
    return world


def test_the_world_is_built_over_http(live_server: LiveServer, client: httpx.Client) -> None:
    w = build_world(live_server, client)
    assert sorted(w.post) == ["P1", "P2", "P3", "P4", "P5"]
    assert len(set(w.cand.values())) == 6
    r = client.get(w.base, headers=w.stu["s1"].h)
    body = r.json()
    assert body["my_role"] == "student" and body["my_wave_id"] == w.wave_id
    phases = {rd["number"]: rd["phase"] for rd in body["waves"][0]["rounds"]}
    assert phases == {1: "applications", 2: "upcoming", 3: "upcoming"}
    assert body["waves"][0]["current_round_id"] == w.rounds[1]
    assert client.get(w.base, headers=w.coordinator.h).json()["my_role"] == "coordinator"
    assert client.get(w.base, headers=w.sup["C"].h).json()["my_role"] == "supervisor"
