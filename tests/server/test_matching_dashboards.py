"""Coordinators' views: students and posts with filters and percentages, a student's detail,
and exports of the filtered views that open in openpyxl with the right rows."""

from __future__ import annotations

import csv
import io

import httpx
import pytest
from openpyxl import load_workbook

from tests.conftest import LiveServer
from tests.server.test_matching_helpers import World, build_world


@pytest.fixture
def world(live_server: LiveServer, client: httpx.Client) -> World:
    w = build_world(live_server, client)
    for student, posts in (("s1", ("P1", "P2")), ("s2", ("P1", "P3")), ("s3", ("P3", "P1")),
                           ("s4", ("P2",))):
        assert w.apply(student, *posts).status_code == 200
    return w


def xlsx_rows(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return list(sheet.iter_rows(values_only=True))


def test_students_view_filters_and_percentages(world: World) -> None:
    w = world
    url = f"{w.base}/dashboard/students"
    board = w.client.get(url, headers=w.coordinator.h).json()
    rows = {r["last_name"]: r for r in board["rows"]}
    assert board["total"] == 6 and len(rows) == 6
    # Everybody signed in (connection), four applied; s4 has 1 of the 2 required.
    assert rows["InterneS1"]["last_seen_at"] is not None
    assert (rows["InterneS1"]["applications"], rows["InterneS1"]["required"]) == (2, 2)
    assert rows["InterneS4"]["enough"] is False and rows["InterneS4"]["participating"]
    assert rows["InterneS5"]["participating"] is False
    assert rows["InterneS1"]["region"] == "Auvergne-Rhône-Alpes"
    stats = board["stats"]
    assert stats["participating"] == {"count": 4, "total": 6, "percent": 66.7}
    assert stats["enough"] == {"count": 3, "total": 6, "percent": 50.0}
    assert stats["connected"]["count"] == 6 and stats["assigned"]["count"] == 0

    # Filters refine rows and statistics alike; paging does not touch statistics.
    page = w.client.get(url, params={"enough": False, "limit": 1},
                        headers=w.coordinator.h).json()
    assert page["total"] == 3 and len(page["rows"]) == 1
    assert page["stats"]["enough"]["count"] == 0 and page["stats"]["total"] == 3
    lyon = w.client.get(url, params={"subdivision": "lyon", "specialty": "CARDIOLOGIE"},
                        headers=w.coordinator.h).json()
    assert sorted(r["last_name"] for r in lyon["rows"]) == ["InterneS1", "InterneS2",
                                                            "InterneS4"]
    found = w.client.get(url, params={"q": "internes3"}, headers=w.coordinator.h).json()
    assert [r["last_name"] for r in found["rows"]] == ["InterneS3"]
    found = w.client.get(url, params={"region": "auvergne rhone alpes", "participating": False},
                         headers=w.coordinator.h).json()
    assert sorted(r["last_name"] for r in found["rows"]) == ["InterneS5", "InterneS6"]
    bad = w.client.get(url, params={"enough": "peut-être"}, headers=w.coordinator.h)
    assert bad.status_code == 422


def test_posts_view_tracks_rankings(world: World) -> None:
    w = world
    url = f"{w.base}/dashboard/posts"
    w.phase(1, "ranking")
    assert w.rank("A", "P1", ["s2", "s1", "s3"]).status_code == 200
    assert w.rank("A", "P2", ["s1"]).status_code == 200  # s4 left unclassified
    board = w.client.get(url, headers=w.coordinator.h).json()
    rows = {r["label"]: r for r in board["rows"]}
    assert rows["Poste P1"]["ranking_valid"] is True
    assert rows["Poste P1"]["last_change_by"] == "Docteur RESPONSABLEA"
    assert rows["Poste P2"]["ranking_valid"] is False
    assert rows["Poste P2"]["violations"] == ["unclassified", "ranked_share"]
    assert rows["Poste P3"]["ranking_valid"] is False  # nothing ranked yet
    assert rows["Poste P4"]["ranking_valid"] is None and rows["Poste P4"]["applications"] == 0
    assert rows["Poste P5"]["last_change_at"] is None
    stats = board["stats"]
    assert stats["with_applications"] == {"count": 3, "total": 5, "percent": 60.0}
    assert stats["ranking_valid"] == {"count": 1, "total": 3, "percent": 33.3}
    assert stats["places"] == 6 and stats["validated"]["count"] == 5
    invalid = w.client.get(url, params={"ranking_valid": False},
                           headers=w.coordinator.h).json()
    assert sorted(r["label"] for r in invalid["rows"]) == ["Poste P2", "Poste P3"]
    found = w.client.get(url, params={"q": "responsablec"}, headers=w.coordinator.h).json()
    assert sorted(r["label"] for r in found["rows"]) == ["Poste P4", "Poste P5"]

    # Un-validating a post shows in the view and closes it to new applications.
    r = w.client.patch(f"/api/matching/posts/{w.post['P4']}", json={"validated": False},
                       headers=w.staff.h)
    assert r.status_code == 200 and r.json()["validated"] is False
    pending = w.client.get(url, params={"validated": False}, headers=w.coordinator.h).json()
    assert [r["label"] for r in pending["rows"]] == ["Poste P4"]


def test_exports_follow_the_filters(world: World) -> None:
    w = world
    h = w.coordinator.h
    r = w.client.get(f"{w.base}/exports/students", params={"enough": True}, headers=h)
    assert r.status_code == 200 and r.headers["x-row-count"] == "3"
    rows = xlsx_rows(r.content)
    header = rows[0]
    assert header[:4] == ("Nom", "Prénom", "Email", "Subdivision")
    assert sorted(row[0] for row in rows[1:]) == ["InterneS1", "InterneS2", "InterneS3"]
    enough = header.index("Nombre de candidatures suffisantes")
    assert {row[enough] for row in rows[1:]} == {"Oui"}
    # Connection times are real dates in Excel.
    assert all(row[header.index("Connexion")].year >= 2024 for row in rows[1:])

    r = w.client.get(f"{w.base}/exports/posts", params={"format": "csv", "subdivision": "LYON"},
                     headers=h)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][0] == "Numéro terrain"
    names = sorted(row[table[0].index("Nom")] for row in table[1:])
    assert names == ["Poste P1", "Poste P2", "Poste P4", "Poste P5"]
    assert {row[table[0].index("Derniers changements")] for row in table[1:]} == {
        "Aucun changement"}

    r = w.client.get(f"{w.base}/exports/posts", params={"format": "pdf"}, headers=h)
    assert r.status_code == 422


def test_a_students_detail_for_coordinators(world: World) -> None:
    w = world
    url = f"/api/matching/candidates/{w.cand['s1']}/applications"
    w.phase(1, "ranking")
    w.rank("A", "P1", ["s2", "s1", "s3"])
    detail = w.client.get(url, headers=w.coordinator.h).json()
    assert detail["email"] == w.stu["s1"].email
    rows = [(r["post"]["label"], r["position"], r["ranking_status"], r["rank"], r["result"])
            for r in detail["rows"]]
    assert rows == [("Poste P1", 1, "ranked", 2, "pending"),
                    ("Poste P2", 2, "unclassified", None, "pending")]
    w.rank("A", "P2", ["s1", "s4"])
    w.phase(1, "awaiting_results")
    assert w.client.post(f"/api/matching/rounds/{w.rounds[1]}/run",
                         headers=w.staff.h).status_code == 200
    detail = w.client.get(url, headers=w.coordinator.h).json()
    assert [(r["post"]["label"], r["result"]) for r in detail["rows"]] == [
        ("Poste P1", "not_assigned"), ("Poste P2", "assigned")]
    assert w.client.get(url, headers=w.sup["A"].h).status_code == 403
