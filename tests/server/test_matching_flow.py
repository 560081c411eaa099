"""End to end over real HTTP: applications → rankings (valid and invalid) → round 1 →
round 2 eligibility → publication → round 3 outcomes, with what each role may see.

The world is described in test_matching_helpers. Round 1, by hand:
    P1 ranks s2, s1, s3 (valid)        P2 ranks s4, s1 (valid, 2 places)
    P3 ranks s2 first (invalid: its local candidate s3 is not first)
    P4 ranks s5 only (invalid: s4 unclassified, 50 % ranked, s4 from LYON not first)
  → s2 gets P1, s1 (evicted from P1) and s4 get P2; s3 and s5 are unassigned;
    P3 and P4 keep their places for round 2.
"""

from __future__ import annotations

import csv
import io
import re

import httpx
from openpyxl import load_workbook

from tests.conftest import LiveServer
from tests.server.conftest import auth, error, mail_token
from tests.server.test_matching_helpers import World, build_world


def names(w: World, ids: list[int]) -> list[str]:
    back = {v: k for k, v in w.cand.items()}
    return [back[i] for i in ids]


def result_map(w: World, rows: list[dict]) -> dict[str, str | None]:
    back = {v: k for k, v in w.post.items()}
    cand = {v: k for k, v in w.cand.items()}
    return {cand[r["candidate"]["id"]]: back[r["post"]["id"]] if r["post"] else None
            for r in rows}


def test_matching_end_to_end(live_server: LiveServer, client: httpx.Client) -> None:
    w = build_world(live_server, client)
    c = client

    # ---------------------------------------------------------------- applications (round 1)
    r = w.apply("s1", "P1", "P2")
    assert r.status_code == 200, r.text
    body = r.json()
    assert [a["post"]["id"] for a in body["applications"]] == [w.post["P1"], w.post["P2"]]
    # LYON cardiology offers P1, P2, P4: 20 % of 3 rounds up to 1, the minimum is 2.
    assert (body["open_posts"], body["required"], body["enough"]) == (3, 2, True)
    assert w.apply("s2", "P1", "P3").status_code == 200
    assert w.apply("s3", "P3", "P1").status_code == 200
    assert w.apply("s4", "P2", "P4").status_code == 200
    r = w.apply("s5", "P4")
    assert r.status_code == 200 and r.json()["enough"] is False  # one of two required

    r = w.apply("s1", "P5")  # another specialty
    assert r.status_code == 422 and error(r)["code"] == "wrong_specialty"
    assert error(r)["field"] == "post_ids[0]"
    r = w.apply("s1", "P1", "P1")
    assert r.status_code == 422 and error(r)["code"] == "duplicate_post"
    # Supervisors cannot rank yet.
    r = w.rank("A", "P1", ["s1"])
    assert r.status_code == 409 and error(r)["code"] == "phase_closed"

    # Students see the validated posts of their wave, with their place in their list.
    page = c.get(f"{w.base}/posts", params={"specialty": "cardiologie"},
                 headers=w.stu["s1"].h).json()
    assert page["total"] == 4
    mine = {p["id"]: p["my_position"] for p in page["rows"]}
    assert mine[w.post["P1"]] == 1 and mine[w.post["P2"]] == 2 and mine[w.post["P3"]] is None

    # ---------------------------------------------------------------- supervisors sign in
    # Supervisor A signs in with the single-use emailed link.
    assert c.post("/api/auth/signin-link", json={"email": w.sup["A"].email}).status_code == 202
    token = mail_token(live_server, w.sup["A"].email)
    r = c.post("/api/auth/signin-link/redeem", json={"token": token})
    assert r.status_code == 200
    w.sup["A"].token = r.json()["token"]
    r = c.post("/api/auth/signin-link/redeem", json={"token": token})
    assert r.status_code == 400 and error(r)["code"] == "invalid_token"  # single use

    # ---------------------------------------------------------------- ranking phase
    w.phase(1, "ranking")
    r = w.apply("s1", "P2", "P1")
    assert r.status_code == 409 and error(r)["code"] == "phase_closed"

    cards = c.get(f"{w.base}/my-posts", headers=w.sup["A"].h).json()
    assert {p["label"] for p in cards} == {"Poste P1", "Poste P2", "Poste P4"}
    by_label = {p["label"]: p for p in cards}
    assert by_label["Poste P1"]["my_access"] == "referent"
    assert by_label["Poste P4"]["my_access"] == "referent"  # second supervisor who ranks
    assert by_label["Poste P1"]["ranking"]["candidates"] == 3
    assert by_label["Poste P2"]["remaining_places"] == 2

    r = w.ranking("A", "P1")
    first = r.json()
    assert first["can_edit"] and first["version"] == 0 and not first["valid"]
    assert {v["code"] for v in first["violations"]} == {"unclassified", "ranked_share",
                                                        "subdivision_first"}
    assert sorted(names(w, first["unclassified"])) == ["s1", "s2", "s3"]

    r = w.rank("A", "P1", ["s3", "s2", "s1"])  # GRENOBLE first while LYON applied
    assert r.status_code == 200
    body = r.json()
    assert body["version"] == 1 and not body["valid"]
    assert [v["code"] for v in body["violations"]] == ["subdivision_first"]
    assert "LYON" in body["violations"][0]["message"]
    r = w.rank("A", "P1", ["s2", "s1", "s3"])
    assert r.status_code == 200 and r.json()["valid"] and r.json()["violations"] == []
    assert r.json()["version"] == 2 and r.json()["updated_by"] == "Docteur RESPONSABLEA"
    assert w.rank("A", "P2", ["s4", "s1"]).json()["valid"]
    assert w.rank("B", "P3", ["s2", "s3"]).json()["violations"][0]["code"] == "subdivision_first"
    r = w.rank("C", "P4", ["s5"])  # s4 (LYON) left out, a GRENOBLE candidate first
    assert [v["code"] for v in r.json()["violations"]] == ["unclassified", "ranked_share",
                                                          "subdivision_first"]

    # The second supervisor of P2 only reads it; C never sees A's posts.
    r = w.rank("B", "P2", ["s1", "s4"])
    assert r.status_code == 403
    assert w.ranking("B", "P2").status_code == 200
    assert w.ranking("C", "P1").status_code == 403
    assert c.get(f"/api/matching/posts/{w.post['P1']}", headers=w.sup["C"].h).status_code == 403
    # A private observation, written by the supervisor.
    r = c.put(f"/api/matching/posts/{w.post['P1']}/observations/{w.cand['s1']}",
              json={"text": "Motivation solide, à revoir en entretien."}, headers=w.sup["A"].h)
    assert r.status_code == 200

    # Round 1 cannot run while supervisors rank.
    r = c.post(f"/api/matching/rounds/{w.rounds[1]}/run", headers=w.staff.h)
    assert r.status_code == 409 and error(r)["code"] == "phase_not_over"

    # ---------------------------------------------------------------- round 1
    w.phase(1, "awaiting_results")
    r = c.post(f"/api/matching/rounds/{w.rounds[1]}/run", headers=w.coordinator.h)
    assert r.status_code == 403  # staff run rounds
    r = c.post(f"/api/matching/rounds/{w.rounds[1]}/publish", headers=w.coordinator.h)
    assert r.status_code == 409 and error(r)["code"] == "round_not_run"
    r = c.post(f"/api/matching/rounds/{w.rounds[1]}/run", headers=w.staff.h)
    assert r.status_code == 200, r.text
    run = r.json()
    assert (run["participants"], run["assigned"], run["unassigned"]) == (5, 3, 2)
    assert (run["posts_valid"], run["posts_invalid"]) == (2, 2)
    assert run["round"]["state"] == "run" and run["round"]["phase"] == "awaiting_results"

    # Before publication only coordinators and staff see results.
    staff_view = c.get(f"{w.base}/results", headers=w.coordinator.h).json()
    assert result_map(w, staff_view["rows"]) == {"s1": "P2", "s2": "P1", "s4": "P2",
                                                  "s3": None, "s5": None}
    assert all(not row["published"] for row in staff_view["rows"])
    assert c.get(f"{w.base}/results", headers=w.stu["s1"].h).json()["rows"] == []
    assert c.get(f"{w.base}/results", headers=w.sup["A"].h).json()["rows"] == []
    assert all(card["results"] == [] for card in
               c.get(f"{w.base}/my-posts", headers=w.sup["A"].h).json())
    # Round 2 waits for round 1's publication.
    w.phase(2, "applications")
    r = w.apply("s3", "P3", round_number=2)
    assert r.status_code == 409 and error(r)["code"] == "previous_round_pending"

    r = c.post(f"/api/matching/rounds/{w.rounds[1]}/publish", headers=w.coordinator.h)
    assert r.status_code == 200 and r.json()["round"]["state"] == "published"
    r = c.post(f"/api/matching/rounds/{w.rounds[1]}/run", headers=w.staff.h)
    assert r.status_code == 409 and error(r)["code"] == "round_published"

    mine = c.get(f"{w.base}/results", headers=w.stu["s1"].h).json()["rows"]
    assert result_map(w, mine) == {"s1": "P2"}
    a_rows = c.get(f"{w.base}/results", headers=w.sup["A"].h).json()["rows"]
    assert result_map(w, a_rows) == {"s1": "P2", "s2": "P1", "s4": "P2"}
    cards = {p["label"]: p for p in c.get(f"{w.base}/my-posts", headers=w.sup["A"].h).json()}
    assert cards["Poste P2"]["remaining_places"] == 0
    assert sorted(a["last_name"] for a in cards["Poste P2"]["results"][0]["assigned"]) == [
        "InterneS1", "InterneS4"]

    # ---------------------------------------------------------------- round 2 eligibility
    r = w.apply("s1", "P3", round_number=2)
    assert r.status_code == 409 and error(r)["code"] == "already_assigned"
    r = w.apply("s3", "P1", round_number=2)
    assert r.status_code == 422 and error(r)["code"] == "post_filled"
    r = w.apply("s3", "P3", "P4")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["round_number"] == 2
    # GRENOBLE cardiology keeps P3 open: 40 % of 1 → 1, at least 1.
    assert (body["open_posts"], body["required"], body["enough"]) == (1, 1, True)
    assert w.apply("s5", "P4").status_code == 200
    page = c.get(f"{w.base}/posts", params={"with_places": True, "specialty": "Cardiologie"},
                 headers=w.stu["s3"].h).json()
    assert {p["label"] for p in page["rows"]} == {"Poste P3", "Poste P4"}

    w.phase(2, "ranking")
    r = w.ranking("A", "P4")
    assert r.json()["round_number"] == 2 and r.json()["capacity"] == 1
    assert sorted(names(w, r.json()["unclassified"])) == ["s3", "s5"]
    assert w.rank("B", "P3", ["s3"]).json()["valid"]
    assert w.rank("A", "P4", ["s5", "s3"]).json()["valid"]  # no local candidate: any first
    w.phase(2, "awaiting_results")
    run = c.post(f"/api/matching/rounds/{w.rounds[2]}/run", headers=w.staff.h).json()
    assert (run["participants"], run["assigned"]) == (2, 2)
    assert c.post(f"/api/matching/rounds/{w.rounds[2]}/publish",
                  headers=w.staff.h).status_code == 200
    round2 = c.get(f"{w.base}/results", params={"round_id": w.rounds[2]},
                   headers=w.coordinator.h).json()["rows"]
    assert result_map(w, round2) == {"s3": "P3", "s5": "P4"}

    # ---------------------------------------------------------------- round 3, off platform
    r3 = f"/api/matching/rounds/{w.rounds[3]}"
    r = c.put(f"{r3}/outcomes/{w.cand['s1']}", json={"post_id": w.post["P5"]},
              headers=w.coordinator.h)
    assert r.status_code == 409 and error(r)["code"] == "already_assigned"
    r = c.put(f"{r3}/outcomes/{w.cand['s6']}", json={"post_id": w.post["P3"]},
              headers=w.coordinator.h)
    assert r.status_code == 409 and error(r)["code"] == "post_filled"
    r = c.put(f"{r3}/outcomes/{w.cand['s6']}", json={"post_id": w.post["P5"]},
              headers=w.sup["C"].h)
    assert r.status_code == 403
    r = c.put(f"{r3}/outcomes/{w.cand['s6']}", json={"post_id": w.post["P5"]},
              headers=w.coordinator.h)
    assert r.status_code == 200 and r.json()["source"] == "manual"
    assert c.post(f"{r3}/run", headers=w.staff.h).status_code == 409
    assert c.post(f"{r3}/publish", headers=w.coordinator.h).status_code == 200
    mine = c.get(f"{w.base}/results", headers=w.stu["s6"].h).json()["rows"]
    assert result_map(w, mine) == {"s6": "P5"} and mine[0]["round_number"] == 3

    # ---------------------------------------------------------------- dashboards and exports
    board = c.get(f"{w.base}/dashboard/students", headers=w.coordinator.h).json()
    assert board["stats"]["assigned"] == {"count": 6, "total": 6, "percent": 100.0}
    posts_board = c.get(f"{w.base}/dashboard/posts", params={"assigned": True},
                        headers=w.coordinator.h).json()
    assert posts_board["total"] == 5
    assert posts_board["stats"]["assignments"] == {"count": 6, "total": 6, "percent": 100.0}
    last = next(r for r in posts_board["rows"] if r["label"] == "Poste P4")
    assert last["last_change_by"] == "Docteur RESPONSABLEA"

    r = c.get(f"{w.base}/exports/results", params={"format": "xlsx", "round_id": w.rounds[1]},
              headers=w.coordinator.h)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert re.search(r'filename="appariement-\d+-resultats\.xlsx"',
                     r.headers["content-disposition"])
    sheet = load_workbook(io.BytesIO(r.content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("Vague", "Tour", "Publié")
    got = {(row[header.index("Nom étudiant")], row[header.index("Nom terrain")] or None)
           for row in rows[1:]}
    assert got == {("InterneS1", "Poste P2"), ("InterneS2", "Poste P1"),
                   ("InterneS4", "Poste P2"), ("InterneS3", None), ("InterneS5", None)}

    r = c.get(f"{w.base}/exports/students",
              params={"format": "csv", "subdivision": "grenoble"}, headers=w.coordinator.h)
    assert r.status_code == 200 and r.content.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:3] == ["Nom", "Prénom", "Email"]
    assert sorted(row[0] for row in table[1:]) == ["InterneS3", "InterneS5"]
    assert {row[table[0].index("Tour d'affectation")] for row in table[1:]} == {"2"}

    # Nobody but coordinators and staff exports or reads dashboards.
    for who in (w.stu["s1"], w.sup["A"]):
        assert c.get(f"{w.base}/exports/students", headers=who.h).status_code == 403
        assert c.get(f"{w.base}/dashboard/posts", headers=who.h).status_code == 403

    # Every step left an audit trail for staff.
    actions = {a["action"] for a in c.get("/api/staff/audit", params={"limit": 500},
                                          headers=w.staff.h).json()}
    assert {"matching_applications_saved", "matching_ranking_saved", "matching_round_run",
            "matching_round_published", "matching_outcome_recorded", "matching_exported",
            "matching_observation_saved"} <= actions


def test_a_student_never_sees_rankings_or_observations(live_server: LiveServer,
                                                       client: httpx.Client) -> None:
    w = build_world(live_server, client)
    secret = "Observation strictement confidentielle 7f3a"
    assert w.apply("s1", "P1", "P2").status_code == 200
    w.phase(1, "ranking")
    assert w.rank("A", "P1", ["s1"]).status_code == 200
    r = client.put(f"/api/matching/posts/{w.post['P1']}/observations/{w.cand['s1']}",
                   json={"text": secret}, headers=w.sup["A"].h)
    assert r.status_code == 200
    assert w.ranking("A", "P1").json()["candidates"][0]["observation"] == secret

    s1 = w.stu["s1"].h
    for path in (f"/api/matching/posts/{w.post['P1']}/ranking",
                 f"/api/matching/candidates/{w.cand['s2']}/file",
                 f"/api/matching/candidates/{w.cand['s1']}/applications",
                 f"{w.base}/dashboard/students", f"{w.base}/dashboard/posts"):
        r = client.get(path, headers=s1)
        assert r.status_code == 403, path
    r = client.put(f"/api/matching/posts/{w.post['P1']}/observations/{w.cand['s1']}",
                   json={"text": "moi"}, headers=s1)
    assert r.status_code == 403
    # Everything a student may read, none of it carries the ranking or the notes.
    seen = ""
    for path in (w.base, f"{w.base}/posts", f"{w.base}/applications", f"{w.base}/my-file",
                 f"{w.base}/results", f"/api/matching/posts/{w.post['P1']}",
                 f"/api/matching/candidates/{w.cand['s1']}/file", "/api/me/activity",
                 "/api/campaigns"):
        r = client.get(path, headers=s1)
        assert r.status_code == 200, (path, r.text)
        seen += r.text
    for word in (secret, "observation", '"rank":', '"ranked"', '"rejected"', '"violations"'):
        assert word not in seen, word
    audit = client.get("/api/staff/audit", headers=w.staff.h).json()
    assert secret not in str(audit)  # notes stay out of the audit log too
    # Coordinators read the ranking, without the supervisor's private notes.
    r = client.get(f"/api/matching/posts/{w.post['P1']}/ranking", headers=w.coordinator.h)
    assert r.status_code == 200 and secret not in r.text
    assert r.json()["candidates"][0]["observation"] is None


def test_roles_and_campaign_visibility(live_server: LiveServer, client: httpx.Client) -> None:
    w = build_world(live_server, client)
    # A draft campaign is invisible to everybody but staff.
    r = client.patch(w.base, json={"state": "draft"}, headers=w.staff.h)
    assert r.status_code == 200
    assert client.get(w.base, headers=w.stu["s1"].h).status_code == 404
    assert client.get(w.base, headers=w.staff.h).status_code == 200
    client.patch(w.base, json={"state": "open"}, headers=w.staff.h)
    # Outsiders: a signed-in person who takes no part.
    from tests.server.conftest import signed_in

    _, outsider = signed_in(live_server, client, role="student", email="dehors@example.org")
    r = client.get(w.base, headers=auth(outsider))
    assert r.status_code == 403 and error(r)["code"] == "forbidden"
    assert client.get(w.base).status_code == 401
    # Staff-only set-up routes.
    for method, path, body in (
            ("POST", "/api/matching/campaigns", {"name": "x"}),
            ("PATCH", w.base, {"name": "x"}),
            ("POST", f"/api/matching/rounds/{w.rounds[1]}/run", None),
            ("PATCH", f"/api/matching/rounds/{w.rounds[1]}", {}),
            ("POST", f"/api/matching/waves/{w.wave_id}/posts", []),
            ("PATCH", f"/api/matching/posts/{w.post['P1']}", {"validated": False})):
        r = client.request(method, path, json=body, headers=w.coordinator.h)
        assert r.status_code == 403, path
    # A closed campaign refuses changes with a clear code.
    client.patch(w.base, json={"state": "closed"}, headers=w.staff.h)
    r = w.apply("s1", "P1")
    assert r.status_code == 409 and error(r)["code"] == "campaign_closed"
