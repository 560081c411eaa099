"""National choice over real HTTP: imports, wishes, statuses against the engine, tables, states.

Campaigns are built the way staff build them (create, import the offer and the ranked
students as CSV, set the site state); students sign in through the real route.
"""

from __future__ import annotations

import io
import itertools
import json
import math
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from server_stub.engine.serial import simulate
from server_stub.models import AuditEntry, NationalCell, NationalStudent, Wish
from tests.conftest import LiveServer
from tests.server.conftest import ServerFactory, add_person, auth, error, login, signed_in

PASSWORD = "Motdepasse1"
_campaigns = itertools.count(1)

# (subdivision, specialty, posts, pool)
SMALL_OFFER = [
    ("LYON", "Cardiologie", 2, "general"),
    ("LYON", "Pédiatrie", 1, "general"),
    ("GRENOBLE", "Cardiologie", 1, "general"),
    ("REIMS", "Médecine générale", 3, "general"),
    ("BREST", "Médecine générale", 2, "cesp"),
]


@dataclass
class Student:
    rank: int
    pool: str
    person_id: int
    token: str | None  # None: an imported identity without an account
    email: str | None = None

    @property
    def headers(self) -> dict[str, str]:
        assert self.token is not None
        return auth(self.token)


@dataclass
class Campaign:
    live: LiveServer
    client: httpx.Client
    id: int
    staff: dict[str, str]
    cells: dict[tuple[str, str], int]
    students: dict[int, Student] = field(default_factory=dict)

    def url(self, path: str = "") -> str:
        return f"/api/national/{self.id}{path}"

    def get(self, path: str, student: Student | None = None, **kw: Any) -> httpx.Response:
        return self.client.get(self.url(path), headers=student.headers if student else None,
                               **kw)

    def me(self, student: Student) -> dict[str, Any]:
        r = self.get("/me", student)
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]

    def wishes(self, student: Student) -> dict[str, Any]:
        r = self.get("/me/wishes", student)
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]

    def put_wishes(self, student: Student, cells: list[int],
                   version: int | None = None) -> httpx.Response:
        if version is None:
            version = self.wishes(student)["version"]
        return self.client.put(self.url("/me/wishes"), headers=student.headers,
                               json={"version": version, "cells": cells})

    def staff_post(self, path: str, body: Any = None) -> httpx.Response:
        return self.client.post(self.url(path), headers=self.staff, json=body)

    def set_state(self, state: str) -> None:
        r = self.client.put(self.url("/staff/state"), headers=self.staff, json={"state": state})
        assert r.status_code == 200, r.text

    def cell(self, sub: str, spec: str) -> int:
        return self.cells[(sub, spec)]


def csv_bytes(rows: list[list[Any]]) -> bytes:
    return "\n".join(";".join(str(v) for v in row) for row in rows).encode("utf-8")


def upload(c: Campaign, kind: str, content: bytes, filename: str = "import.csv",
           dry_run: bool = False) -> httpx.Response:
    return c.client.post(c.url(f"/staff/{kind}"), headers=c.staff,
                         params={"dry_run": str(dry_run).lower()},
                         files={"file": (filename, content, "application/octet-stream")})


def build_campaign(live: LiveServer, client: httpx.Client, *, offer: list[tuple] = SMALL_OFFER,
                   students: list[tuple[int, str, bool]], state: str = "wishes_open",
                   staff: dict[str, str] | None = None) -> Campaign:
    """A campaign made through the staff API; `students` are (rank, pool, has_account)."""
    if staff is None:
        _, token = signed_in(live, client, role="staff")
        staff = auth(token)
    n = next(_campaigns)
    r = client.post("/api/national", headers=staff,
                    json={"name": f"EDN test {n}", "hotline": "01 77 35 61 80"})
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    assert r.json()["state"] == "closed"
    accounts: dict[int, tuple[int, str]] = {}
    lines: list[list[Any]] = [["rang", "nom", "prénom", "date de naissance", "INE", "contingent"]]
    for rank, pool, account in students:
        ine = f"{n:03d}{rank:07d}X"
        last, first = f"Nom{n}x{rank}", "Prénom"
        if account:
            email = f"c{n}r{rank}@example.org"
            pid = add_person(live, last_name=last, first_name=first, birth_date="2000-01-01",
                             ine=ine, email=email, password=PASSWORD, phone="06 00 00 00 00")
            accounts[rank] = (pid, email)
        lines.append([rank, last, first, "01/01/2000", ine, "CESP" if pool == "cesp" else ""])
    c = Campaign(live, client, cid, staff, {})
    r = upload(c, "offer", csv_bytes([["Subdivision", "Spécialité", "Postes", "Contingent"]]
                                     + [list(row) for row in offer]))
    assert r.status_code == 200 and not r.json()["rejected"], r.text
    r = upload(c, "students", csv_bytes(lines))
    assert r.status_code == 200 and not r.json()["rejected"], r.text
    assert r.json()["created"] == len(students)
    if state != "closed":
        c.set_state(state)
    with live.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        c.cells = {(x.subdivision, x.specialty): x.id for x in s.scalars(
            select(NationalCell).where(NationalCell.campaign_id == cid))}
        by_rank = {cand.rank: cand.person_id for cand in s.scalars(
            select(NationalStudent).where(NationalStudent.campaign_id == cid))}
    for rank, pool, account in students:
        token = login(client, accounts[rank][1]) if account else None
        c.students[rank] = Student(rank, pool, by_rank[rank], token,
                                   accounts[rank][1] if account else None)
    return c


def engine_result(live: LiveServer, campaign_id: int, pool: str) -> dict[str, Any]:
    """A full simulation of one pool computed from the database alone."""
    with live.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        cells = s.scalars(select(NationalCell).where(NationalCell.campaign_id == campaign_id,
                                                     NationalCell.pool == pool)).all()
        cands = s.scalars(select(NationalStudent).where(
            NationalStudent.campaign_id == campaign_id, NationalStudent.pool == pool)).all()
        wishes: dict[int, list[str]] = {}
        positions: dict[int, list[int]] = {}
        for w in s.scalars(select(Wish).order_by(Wish.candidate_id, Wish.position)):
            wishes.setdefault(w.candidate_id, []).append(str(w.cell_id))
            positions.setdefault(w.candidate_id, []).append(w.position)
    for stored in positions.values():  # lists are stored densely numbered 1..n
        assert stored == list(range(1, len(stored) + 1)), stored
    instance = {
        "cells": [{"id": str(c.id), "capacity": c.capacity} for c in cells],
        "students": [{"id": str(c.rank), "rank": c.rank, "demoted_behind": c.demoted_behind,
                      "assigned": str(c.assigned_cell_id) if c.assigned_cell_id else None,
                      "wishes": [] if c.turn_outcome and not c.assigned_cell_id
                      else wishes.get(c.id, [])}
                     for c in sorted(cands, key=lambda c: c.rank)],
    }
    return simulate(instance)


def assert_statuses_match(c: Campaign, student: Student, expected: dict[str, Any]) -> None:
    """The API's statuses of a student equal the engine's full simulation from the DB."""
    got = c.wishes(student)
    mine = expected["students"][str(student.rank)]
    assert [w["cell_id"] for w in got["wishes"]] == [int(w["cell"]) for w in mine["wishes"]]
    for w, e in zip(got["wishes"], mine["wishes"], strict=True):
        satisfied = mine["satisfied_wish"] == w["number"] - 1
        assert w["satisfied"] == (satisfied and mine["state"] == "simulated")
        if satisfied:
            assert w["k"] == e["taken_before"] + 1 and not w["exhausted"]
        elif e["exhausted"]:
            assert w["label"] == f"épuisé / {e['capacity']}" and w["k"] is None
        else:
            assert w["label"] == f"{e['taken_before'] + 1} / {e['capacity']}"
    head = got["headline"]
    if mine["satisfied_wish"] is None:
        assert head["wish_number"] is None
    else:
        assert head["wish_number"] == mine["satisfied_wish"] + 1
        assert head["cell_id"] == int(mine["assigned"])
    assert c.me(student)["passing"] == mine["passing"]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def campaign(live_server: LiveServer, client: httpx.Client) -> Campaign:
    """Six general students (ranks 1-6, all with accounts) and one CESP student (rank 4)."""
    return build_campaign(live_server, client, students=[
        (1, "general", True), (2, "general", True), (3, "general", True),
        (4, "cesp", True), (5, "general", True), (6, "general", True), (7, "general", True)])


# --------------------------------------------------------------------------- imports


def test_imports_report_every_rejected_line(live_server: LiveServer,
                                            client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=[(1, "general", False)], state="closed")
    offer = csv_bytes([
        ["subdivision", "specialite", "postes"],
        ["NANTES", "Psychiatrie", "4"],
        ["", "Psychiatrie", "2"],                       # line 3: no subdivision
        ["NANTES", "Psychiatrie", "5"],                 # line 4: duplicate of line 2
        ["NANTES", "Urologie", "beaucoup"],             # line 5: not a number
        ["LYON", "Cardiologie", "3"],                   # existing cell: capacity 2 -> 3
    ])
    dry = upload(c, "offer", offer, dry_run=True)
    assert dry.status_code == 200, dry.text
    report = dry.json()
    assert report["dry_run"] and report["lines"] == 5
    assert (report["created"], report["updated"]) == (1, 1)
    assert [(r["line"], r["reason"].split(" ")[0]) for r in report["rejected"]] == [
        (3, "subdivision"), (4, "ligne"), (5, "nombre")]
    assert "ligne 2" in report["rejected"][1]["reason"]
    c.set_state("details_only")
    assert len(c.get("/cells").json()) == len(SMALL_OFFER)  # a dry run writes nothing
    assert upload(c, "offer", offer).json()["created"] == 1
    cells = {(x["subdivision"], x["specialty"]): x["capacity"] for x in c.get("/cells").json()}
    assert cells[("NANTES", "Psychiatrie")] == 4 and cells[("LYON", "Cardiologie")] == 3

    # Ranked students from an Excel sheet; dates as dates, ranks as numbers.
    from datetime import date

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Rang", "Nom", "Prénom", "Date de naissance", "INE", "Contingent"])
    sheet.append([2, "Martin", "Léa", date(2000, 5, 1), "99X", "CESP"])
    sheet.append([2, "Petit", "Jules", date(2000, 6, 1), None, None])   # line 3: rank taken
    sheet.append([3, "Durand", "Paul", "31/02/2000", None, None])        # line 4: bad date
    sheet.append([1, "Autre", "Personne", date(2001, 1, 1), None, None])  # line 5: rank 1 held
    sheet.append([4, "Roux", "Inès", date(2000, 7, 1), None, "ESSA"])    # line 6: unknown pool
    sheet.append([5, "Blanc", "Marc", date(2000, 8, 1), None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    r = upload(c, "students", buffer.getvalue(), filename="classement.xlsx")
    assert r.status_code == 200, r.text
    report = r.json()
    assert (report["lines"], report["created"]) == (6, 2)
    reasons = {x["line"]: x["reason"] for x in report["rejected"]}
    assert set(reasons) == {3, 4, 5, 6}
    assert "rang 2 en double" in reasons[3] and "date de naissance" in reasons[4]
    assert "déjà attribué" in reasons[5] and "contingent" in reasons[6]
    summary = c.get("").json()
    assert summary["students"] == 3 and summary["pools"]["cesp"]["students"] == 1

    # Files that cannot be read, or lack a column, are refused as a whole.
    r = upload(c, "students", csv_bytes([["rang", "nom"], [1, "X"]]))
    assert r.status_code == 422 and error(r)["code"] == "missing_column"
    assert "prénom" in error(r)["message"]
    r = upload(c, "offer", b"PK\x03\x04 not really a workbook", filename="offre.xlsx")
    assert r.status_code == 422 and error(r)["code"] == "unreadable_file"
    r = upload(c, "offer", b"")
    assert r.status_code == 422 and error(r)["code"] == "empty_file"


# --------------------------------------------------------------------------- wishes


def test_wishes_edit_and_statuses_follow_the_simulation(campaign: Campaign) -> None:
    c = campaign
    s1, s2, s3 = c.students[1], c.students[2], c.students[3]
    cardio, peds = c.cell("LYON", "Cardiologie"), c.cell("LYON", "Pédiatrie")
    gre, gp = c.cell("GRENOBLE", "Cardiologie"), c.cell("REIMS", "Médecine générale")
    empty = c.wishes(s3)
    assert empty["version"] == 0 and empty["editable"] and empty["wishes"] == []
    assert empty["headline"]["text"] == "vous n'avez fait aucun vœu"
    assert empty["headline"]["situation"] == "no_wishes"
    assert empty["above"] == {"with_wishes": 0, "above": 2, "pool": "general",
                              "text": "0 / 2 étudiants non CESP validés au-dessus de moi ont "
                                      "fait au moins 1 vœu"}

    assert c.put_wishes(s1, [cardio]).status_code == 200
    assert c.put_wishes(s2, [cardio, gp]).status_code == 200
    r = c.client.post(c.url("/me/wishes"), headers=s3.headers,
                      json={"version": 0, "cell_id": cardio})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["version"] == 1 and body["receipt"]["version"] == 1
    assert body["wishes"][0]["label"] == "épuisé / 2" and body["wishes"][0]["exhausted"]
    assert body["headline"]["text"] == "aucun vœu n'est réalisable"
    assert body["headline"]["situation"] == "none_feasible"
    assert body["above"]["with_wishes"] == 2

    # Add at a position, move, delete: each answer carries the new statuses.
    r = c.client.post(c.url("/me/wishes"), headers=s3.headers,
                      json={"version": 1, "cell_id": gre, "position": 1})
    assert [w["cell_id"] for w in r.json()["wishes"]] == [gre, cardio]
    assert r.json()["headline"]["text"] == ("en 1 / 1 le vœu n° 1 à GRENOBLE en Cardiologie "
                                            "permettra d'être affecté")
    assert r.json()["headline"]["situation"] == "feasible"
    r = c.client.post(c.url("/me/wishes/move"), headers=s3.headers,
                      json={"version": 2, "cell_id": gre, "position": 2})
    assert [w["cell_id"] for w in r.json()["wishes"]] == [cardio, gre]
    assert r.json()["wishes"][1]["satisfied"] and r.json()["wishes"][1]["label"] == "1 / 1"
    # Student 1 leaves cardiology: student 3 now gets it (k = 2 of 2, behind student 2).
    assert c.put_wishes(s1, [peds]).status_code == 200
    got = c.wishes(s3)
    assert got["headline"]["text"] == ("en 2 / 2 le vœu n° 1 à LYON en Cardiologie permettra "
                                       "d'être affecté")
    r = c.client.delete(c.url(f"/me/wishes/{cardio}"), headers=s3.headers,
                        params={"version": got["version"]})
    assert r.status_code == 200 and [w["cell_id"] for w in r.json()["wishes"]] == [gre]
    for student in (s1, s2, s3):
        assert_statuses_match(c, student, engine_result(c.live, c.id, "general"))


def test_stale_version_is_refused_with_the_current_list(campaign: Campaign) -> None:
    c = campaign
    s1 = c.students[1]
    cardio, gp = c.cell("LYON", "Cardiologie"), c.cell("REIMS", "Médecine générale")
    assert c.put_wishes(s1, [cardio], version=0).status_code == 200
    # A second window still at version 0 adds a wish: refused, with the list as it is.
    r = c.client.post(c.url("/me/wishes"), headers=s1.headers,
                      json={"version": 0, "cell_id": gp})
    assert r.status_code == 409
    body = r.json()
    assert set(body) == {"error", "current"}
    assert body["error"]["code"] == "stale_version" and body["error"]["field"] == "version"
    assert body["current"]["version"] == 1
    assert [w["cell_id"] for w in body["current"]["wishes"]] == [cardio]
    assert c.put_wishes(s1, [gp], version=0).status_code == 409
    assert [w["cell_id"] for w in c.wishes(s1)["wishes"]] == [cardio]  # nothing written


def test_a_closed_session_changes_no_wish_though_the_process_remembers_it(
        campaign: Campaign) -> None:
    """A wish change takes its caller from the process's cache of sessions, and its write
    checks the session again (`sessions.CallerCache`): a session closed behind the cache's
    back (as by another process) changes nothing, and hears 401 before any other refusal."""
    c = campaign
    s1 = c.students[1]
    assert s1.email is not None
    cardio, gp = c.cell("LYON", "Cardiologie"), c.cell("REIMS", "Médecine générale")
    other = auth(login(c.client, s1.email))  # a second window, signed in apart
    r = c.client.put(c.url("/me/wishes"), headers=other, json={"version": 0, "cells": [gp]})
    assert r.status_code == 200, r.text  # its caller is remembered now
    # A password change closes his other sessions in the database only.
    r = c.client.post("/api/me/password", headers=s1.headers,
                      json={"current_password": PASSWORD, "new_password": "Nouveau-Passe9"})
    assert r.status_code == 204, r.text
    refused = [
        c.client.put(c.url("/me/wishes"), headers=other, json={"version": 1, "cells": []}),
        c.client.post(c.url("/me/wishes"), headers=other, json={"version": 1, "cell_id": cardio}),
        c.client.post(c.url("/me/wishes/move"), headers=other,
                      json={"version": 1, "cell_id": gp, "position": 1}),
        c.client.delete(c.url(f"/me/wishes/{gp}"), headers=other, params={"version": 1}),
        # Refusals too: a stale version, an unknown wish.
        c.client.put(c.url("/me/wishes"), headers=other, json={"version": 0, "cells": []}),
        c.client.delete(c.url(f"/me/wishes/{cardio}"), headers=other, params={"version": 1}),
    ]
    assert [(r.status_code, error(r)["code"]) for r in refused] == [
        (401, "not_authenticated")] * len(refused)
    mine = c.wishes(s1)  # the session that changed the password is still open
    assert mine["version"] == 1 and [w["cell_id"] for w in mine["wishes"]] == [gp]
    # Signing out in this process forgets the session at once.
    assert c.client.post("/api/auth/logout", headers=s1.headers).status_code == 204
    r = c.client.put(c.url("/me/wishes"), headers=s1.headers, json={"version": 1, "cells": []})
    assert r.status_code == 401 and error(r)["code"] == "not_authenticated", r.text


def test_wish_edits_are_checked(campaign: Campaign) -> None:
    c = campaign
    s1, cesp = c.students[1], c.students[4]
    cardio, brest = c.cell("LYON", "Cardiologie"), c.cell("BREST", "Médecine générale")
    cases = [
        ({"version": 0, "cells": [cardio, cardio]}, 422, "duplicate_wish", "cells[1]"),
        ({"version": 0, "cells": [999999]}, 422, "unknown_cell", "cells[0]"),
        ({"version": 0, "cells": [brest]}, 422, "wrong_pool", "cells[0]"),
        ({"version": 0, "cells": "LYON"}, 422, "invalid_request", "cells"),
        ({"version": -1, "cells": []}, 422, "invalid_request", "version"),
    ]
    for body, status, code, fld in cases:
        r = c.client.put(c.url("/me/wishes"), headers=s1.headers, json=body)
        assert (r.status_code, error(r)["code"], error(r)["field"]) == (status, code, fld), body
    assert "CESP" in error(c.client.put(c.url("/me/wishes"), headers=s1.headers,
                                         json={"version": 0, "cells": [brest]}))["message"]
    # A CESP student sees and takes only the CESP offer.
    r = c.put_wishes(cesp, [brest])
    assert r.status_code == 200 and r.json()["above"]["above"] == 0
    assert r.json()["headline"]["text"].startswith("en 1 / 2 le vœu n° 1 à BREST")
    assert c.put_wishes(cesp, [cardio]).status_code == 422
    assert c.put_wishes(s1, [cardio]).status_code == 200
    r = c.client.post(c.url("/me/wishes"), headers=s1.headers,
                      json={"version": 1, "cell_id": cardio})
    assert (r.status_code, error(r)["code"]) == (409, "already_wished")
    r = c.client.post(c.url("/me/wishes"), headers=s1.headers,
                      json={"version": 1, "cell_id": c.cell("LYON", "Pédiatrie"), "position": 5})
    assert (r.status_code, error(r)["code"]) == (422, "invalid_position")
    r = c.client.post(c.url("/me/wishes/move"), headers=s1.headers,
                      json={"version": 1, "cell_id": brest, "position": 1})
    assert r.status_code == 404
    r = c.client.delete(c.url(f"/me/wishes/{brest}"), headers=s1.headers, params={"version": 1})
    assert r.status_code == 404
    # Absent: wishes become read-only until the absence is cancelled.
    r = c.client.put(c.url("/me/absence"), headers=s1.headers, json={"absent": True})
    assert r.status_code == 200 and r.json()["absent"]
    assert r.json()["wishes"]["editable"] is False
    assert "absent" in r.json()["wishes"]["read_only_reason"]
    r = c.put_wishes(s1, [], version=1)
    assert (r.status_code, error(r)["code"]) == (409, "absent_read_only")
    assert c.client.put(c.url("/me/absence"), headers=s1.headers,
                        json={"absent": False}).status_code == 200
    assert c.put_wishes(s1, [], version=1).status_code == 200
    # Someone who is not ranked in this campaign.
    _, outsider = signed_in(c.live, c.client)
    r = c.get("/me", Student(0, "general", 0, outsider))
    assert (r.status_code, error(r)["code"]) == (403, "not_a_candidate")
    assert c.client.get(c.url("/me")).status_code == 401


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(ops=st.lists(st.tuples(st.sampled_from([1, 2, 3, 5, 6, 7]),
                              st.lists(st.sampled_from(range(4)), max_size=4, unique=True)),
                    min_size=1, max_size=8))
def test_statuses_always_match_a_full_simulation(shared_campaign: Campaign,
                                                 ops: list[tuple[int, list[int]]]) -> None:
    """Whatever the sequence of list changes, every student's statuses are the engine's."""
    c = shared_campaign
    general = [c.cell(*key) for key in (("LYON", "Cardiologie"), ("LYON", "Pédiatrie"),
                                        ("GRENOBLE", "Cardiologie"),
                                        ("REIMS", "Médecine générale"))]
    for rank, picks in ops:
        r = c.put_wishes(c.students[rank], [general[i] for i in picks])
        assert r.status_code == 200, r.text
    expected = engine_result(c.live, c.id, "general")
    for rank in (1, 2, 3, 5, 6, 7):
        assert_statuses_match(c, c.students[rank], expected)


@pytest.fixture(scope="module")
def shared_campaign(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Campaign]:
    """One server for every Hypothesis example (examples overwrite each other's lists)."""
    from tests.conftest import start_live_server
    from tests.server.conftest import FAST_HASHING

    live, server, thread = start_live_server(tmp_path_factory.mktemp("national"),
                                             **FAST_HASHING)
    client = httpx.Client(base_url=live.url, timeout=10)
    try:
        yield build_campaign(live, client, students=[
            (1, "general", True), (2, "general", True), (3, "general", True),
            (4, "cesp", True), (5, "general", True), (6, "general", True),
            (7, "general", True)])
    finally:
        client.close()
        server.should_exit = True
        thread.join(timeout=10)


# --------------------------------------------------------------------------- histories, receipts


def test_history_receipts_and_activity(campaign: Campaign) -> None:
    c = campaign
    s1 = c.students[1]
    cardio, gp = c.cell("LYON", "Cardiologie"), c.cell("REIMS", "Médecine générale")
    first = c.put_wishes(s1, [cardio]).json()["receipt"]
    c.client.post(c.url("/me/wishes"), headers=s1.headers, json={"version": 1, "cell_id": gp})
    c.client.post(c.url("/me/wishes/move"), headers=s1.headers,
                  json={"version": 2, "cell_id": gp, "position": 1})
    latest = c.client.delete(c.url(f"/me/wishes/{cardio}"), headers=s1.headers,
                             params={"version": 3}).json()["receipt"]

    history = c.get("/me/wishes/history", s1).json()
    assert [(h["action"], h["version"], h["count"]) for h in history] == [
        ("delete", 4, 1), ("move", 3, 2), ("add", 2, 2), ("replace", 1, 1)]
    assert history[1]["from_position"] == 2 and history[1]["to_position"] == 1
    assert history[0]["subdivision"] == "LYON" and history[0]["at"].endswith("Z")
    assert [h["version"] for h in c.get("/me/wishes/history", s1,
                                        params={"before_id": history[1]["id"]}).json()] == [2, 1]

    receipts = c.get("/me/receipts", s1).json()
    assert [r["version"] for r in receipts] == [4, 3, 2, 1]
    assert receipts[0] == latest and latest["cells"] == [gp]
    assert len(latest["code"]) == 14 and latest["code"][4] == "-"
    check = c.client.post(c.url("/receipts/verify"), json=latest).json()
    assert check == {"valid": True, "recorded": True, "current": True, "message": check["message"]}
    check = c.client.post(c.url("/receipts/verify"), json=first).json()
    assert check["valid"] and check["recorded"] and not check["current"]
    assert "modifiée depuis" in check["message"]
    forged = {**latest, "cells": [cardio]}
    assert c.client.post(c.url("/receipts/verify"), json=forged).json()["valid"] is False
    forged = {**latest, "version": 3}
    assert c.client.post(c.url("/receipts/verify"), json=forged).json()["valid"] is False
    other_key = {**latest, "signature": "0" * 64}
    assert c.client.post(c.url("/receipts/verify"), json=other_key).json()["valid"] is False

    # « Mon activité passée » lists the wish changes and the absence.
    c.client.put(c.url("/me/absence"), headers=s1.headers, json={"absent": True})
    actions = [a["action"] for a in c.client.get("/api/me/activity", headers=s1.headers).json()]
    assert actions[:5] == ["national_absence_declared"] + ["national_wishes_changed"] * 4


# --------------------------------------------------------------------------- public tables


def test_public_tables_without_signing_in(campaign: Campaign) -> None:
    c = campaign
    cardio, peds, gp = (c.cell("LYON", "Cardiologie"), c.cell("LYON", "Pédiatrie"),
                        c.cell("REIMS", "Médecine générale"))
    for rank, cells in ((1, [cardio]), (2, [cardio, gp]), (3, [cardio, peds]), (5, [peds, gp]),
                        (6, [gp])):
        assert c.put_wishes(c.students[rank], cells).status_code == 200
    r = c.client.put(c.url("/me/demotion"), headers=c.students[2].headers,
                     json={"behind_rank": 5})
    assert r.status_code == 200 and r.json()["demoted_behind"] == 5
    assert r.json()["turn"]["my_position"] == 5  # ranks 1, 3, 4 (CESP), 5, then 2
    expected = engine_result(c.live, c.id, "general")

    final = c.get("/tables/final").json()
    left = {row["cell_id"]: row["remaining"] for row in final["rows"]}
    for cell_id, cell in expected["cells"].items():
        assert left[int(cell_id)] == cell["remaining"]
    assert final["passing"] == 7  # six general students, +1
    current = c.get("/tables/current").json()
    assert current["passing"] == 1 and all(r["remaining"] == r["capacity"]
                                           for r in current["rows"])
    mine = c.get("/tables/mine", c.students[6]).json()
    assert mine["passing"] == 5 and {r["cell_id"]: r["remaining"] for r in mine["rows"]}[gp] == 2
    assert c.get("/tables/mine").status_code == 401

    limits = {r["cell_id"]: r for r in c.get("/tables/rank-limits").json()["rows"]}
    assert (limits[cardio]["first_rank"], limits[cardio]["last_rank"]) == (1, 3)
    assert limits[gp]["first_rank"] == 2 and limits[gp]["taken"] == 2

    view = c.get(f"/cells/{cardio}").json()
    assert view["cell"]["capacity"] == 2 and view["remaining"] == 0
    assert [(h["n"], h["label"], h["rank"], h["wish_number"]) for h in view["holders"]] == [
        (1, "simulé", 1, 1), (2, "simulé", 3, 1)]
    gp_view = c.get(f"/cells/{gp}").json()
    assert [(h["rank"], h["demoted_behind"]) for h in gp_view["holders"]] == [(2, 5), (6, None)]
    assert c.get("/cells/999999").status_code == 404

    listing = c.get("/listing", params={"limit": 3, "offset": 1}).json()
    assert listing["total"] == 7 and [r["rank"] for r in listing["rows"]] == [3, 4, 5]
    assert listing["rows"][0]["cell_id"] == cardio and listing["rows"][0]["state"] == "simulated"
    cesp = c.get("/listing", params={"pool": "cesp"}).json()
    assert [r["rank"] for r in cesp["rows"]] == [4] and cesp["rows"][0]["state"] is None
    radar = c.get("/radar").json()
    assert radar["total"] == 7 and radar["passed"] == 0 and radar["current"] is None
    assert c.get("/listing", params={"limit": 0}).status_code == 422
    assert c.get("/tables/final", params={"pool": "autre"}).status_code == 422


# --------------------------------------------------------------------------- site states


def test_site_states_are_enforced(campaign: Campaign) -> None:
    c = campaign
    s1 = c.students[1]
    cardio = c.cell("LYON", "Cardiologie")
    c.set_state("details_only")
    assert c.get("/me", s1).status_code == 200  # reading is fine
    r = c.put_wishes(s1, [cardio], version=0)
    assert (r.status_code, error(r)["code"], error(r)["field"]) == (409, "wrong_site_state",
                                                                    "state")
    assert "Saisie des coordonnées" in error(r)["message"]
    assert c.get("/me/wishes", s1).json()["editable"] is False
    c.set_state("closed")
    summary = c.get("").json()
    assert summary["state"] == "closed" and summary["state_label"] == "Fermé pour travaux"
    for path in ("/cells", "/tables/final", "/radar", "/listing"):
        r = c.get(path)
        assert r.status_code == 409 and "fermé pour travaux" in error(r)["message"], path
    assert c.get("/me", s1).status_code == 409
    r = c.client.put(c.url("/staff/state"), headers=s1.headers, json={"state": "amphi"})
    assert r.status_code == 403
    r = c.client.put(c.url("/staff/state"), headers=c.staff, json={"state": "ouvert"})
    assert r.status_code == 422
    c.set_state("wishes_open")
    assert c.put_wishes(s1, [cardio], version=0).status_code == 200
    r = c.staff_post("/staff/amphi/pause")
    assert (r.status_code, error(r)["code"]) == (409, "amphi_not_running")
    r = c.client.post(c.url("/me/validate"), headers=s1.headers,
                      json={"idempotency_key": "k-000001", "cell_id": cardio})
    assert (r.status_code, error(r)["code"]) == (409, "wrong_site_state")
    c.set_state("finished")
    r = c.put_wishes(s1, [], version=1)
    assert r.status_code == 409 and "terminée" in error(r)["message"]
    assert c.client.get("/api/national/424242").status_code == 404
    assert c.client.get("/api/national/424242/radar").status_code == 404


# --------------------------------------------------------------------------- events


def collect_events(live: LiveServer, seconds: float, headers: dict[str, str] | None = None
                   ) -> tuple[list[dict[str, Any]], threading.Event]:
    """Read the SSE stream in a thread for `seconds`; returns (events, connected)."""
    got: list[dict[str, Any]] = []
    connected = threading.Event()

    def run() -> None:
        deadline = time.monotonic() + seconds
        timeout = httpx.Timeout(5.0, read=seconds)  # a quiet stream ends the collection
        with httpx.Client(base_url=live.url, timeout=timeout) as client, \
                client.stream("GET", "/api/events", headers=headers) as response:
            connected.set()
            kind = None
            try:
                for line in response.iter_lines():
                    if line.startswith("event: "):
                        kind = line[7:]
                    elif line.startswith("data: "):
                        got.append({"kind": kind, "data": json.loads(line[6:]),
                                    "t": time.monotonic()})
                    if time.monotonic() > deadline:
                        return
            except httpx.ReadTimeout:
                return

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    connected.wait(5)
    time.sleep(0.2)
    got.append({"kind": "_thread", "data": thread, "t": 0.0})
    return got, connected


def wait_thread(got: list[dict[str, Any]]) -> list[dict[str, Any]]:
    thread = next(e["data"] for e in got if e["kind"] == "_thread")
    thread.join(timeout=15)
    return [e for e in got if e["kind"] != "_thread"]


def test_simulation_moved_is_coalesced(server_factory: ServerFactory) -> None:
    live = server_factory(national_event_seconds=1.0, keepalive_seconds=0.3)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        c = build_campaign(live, client, students=[(1, "general", True), (2, "general", True)])
        time.sleep(1.2)  # let the set-up's own event go out
        got, _ = collect_events(live, 8.0)  # long enough on a loaded machine too
        cardio, gp = c.cell("LYON", "Cardiologie"), c.cell("REIMS", "Médecine générale")
        started = time.monotonic()
        for i in range(12):  # twelve changes in about a second (more when the machine is busy)
            assert c.put_wishes(c.students[1 + i % 2], [cardio, gp][: 1 + i % 2]).status_code \
                == 200
        changing = time.monotonic() - started
        moved = [e for e in wait_thread(got) if e["kind"] == "simulation_moved"]
    # Coalesced: at most one per `national_event_seconds` while the changes lasted, and one
    # after them — whatever the machine's speed; spaced by the server's own clock (when
    # they were published, not when this reader got them).
    assert 1 <= len(moved) <= math.ceil(changing / 1.0) + 2, (len(moved), changing)
    published = [datetime.fromisoformat(e["data"]["at"]) for e in moved]
    assert all((b - a).total_seconds() >= 0.95 for a, b in itertools.pairwise(published))
    assert moved[-1]["data"]["payload"]["campaign_id"] == c.id
    generations = [e["data"]["payload"]["generation"] for e in moved]
    assert generations == sorted(generations)


# --------------------------------------------------------------------------- bad input


def test_national_routes_never_answer_500(campaign: Campaign) -> None:
    c = campaign
    garbage: list[Any] = [None, [], {}, "", "x" * 300, 0, -1, 10**40, 1.5, True,
                          {"version": "x"}, {"cells": [None]}, {"state": 3}]
    paths = [(m, p) for p, ops in c.client.get("/openapi.json").json()["paths"].items()
             for m in ops if p.startswith("/api/national")]
    assert len(paths) >= 25
    for who in (c.staff, c.students[1].headers):
        for method, path in paths:
            url = path.replace("{campaign_id}", str(c.id)).replace("{cell_id}", "1")
            for body in garbage:
                r = c.client.request(method, url, json=body, headers=who,
                                     params={"version": "abc"})
                assert r.status_code < 500, (method, url, body, r.text)
                if r.status_code >= 400:
                    assert error(r)["message"] if r.status_code != 409 or "current" not in \
                        r.json() else r.json()["error"]["message"]
    with c.live.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "x")) is None
