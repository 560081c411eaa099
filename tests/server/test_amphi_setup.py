"""Staff set-up over real HTTP: imports (CSV, XLSX) with rejected lines, amphitheatres and
sessions, state transitions and their events, call lists (JSON, CSV, PDF), visibility,
the bell, and who may do what.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import httpx
import time_machine
from openpyxl import Workbook

from tests.conftest import TEST_EPOCH
from tests.server.conftest import ServerFactory, auth, error, signed_in
from tests.server.test_amphi_support import (
    INTERNS_HEADER,
    POSTS_CSV,
    SERVICES_CSV,
    amphi_server,
    csv_file,
    event_stream,
    make_world,
)

TOMORROW = TEST_EPOCH + timedelta(days=1)  # a future opening date, on the tests' calendar


def campaign(client: httpx.Client, staff: str, normal: dict[str, int] | None = None) -> int:
    r = client.post("/api/staff/amphi/campaigns", headers=auth(staff), json={
        "name": "ARS Île-de-France — choix de novembre", "region": "Île-de-France",
        "semester": "novembre 2026", "normal_seniority": normal or {"2018": 7, "2019": 6}})
    assert r.status_code == 201, r.text
    return r.json()["id"]  # type: ignore[no-any-return]


def upload(client: httpx.Client, staff: str, campaign_id: int, kind: str, text: str,
           name: str = "import.csv") -> httpx.Response:
    return client.post(f"/api/staff/amphi/campaigns/{campaign_id}/imports/{kind}",
                       headers=auth(staff), files=csv_file(text, name))


# The seed's call list (« liste d'appel » of SANTÉ PUBLIQUE): a 2018 intern alone in his
# theoretical cohort, then the 2019 cohort of ten, among them an intern from another
# specialty whose local rank 466/614 becomes 7.58.
SEED_INTERNS = [
    ("Gellie", "Victor", "SP", 2018, 7, 4, 12),
    ("Bérenger", "Thomas", "SP", 2019, 6, 5, 10),
    ("Mir", "Sarah", "SP", 2019, 6, 6, 10),
    ("Monluc", "Sébastien", "SP", 2019, 6, 7, 10),
    ("Guilhot-Breedon", "Hélène", "ENDO", 2019, 6, 466, 614),
    ("Arnaud", "Lucie", "SP", 2019, 6, 1, 10),
    ("Blanc", "Marc", "SP", 2019, 6, 2, 10),
    ("Colin", "Nina", "SP", 2019, 6, 3, 10),
    ("Dumas", "Oscar", "SP", 2019, 6, 8, 10),
    ("Faure", "Pauline", "SP", 2019, 6, 9, 10),
    ("Gautier", "Rémi", "SP", 2019, 6, 10, 10),
]


def seed_csv() -> str:
    lines = [INTERNS_HEADER]
    for n, (last, first, des, cohort, seniority, rank, size) in enumerate(SEED_INTERNS):
        lines.append(f"{last};{first};{10 + n:02d}/03/1995;;{des};Santé publique;"
                     f"Phase d'approfondissement;UFR Paris;{cohort};{seniority};{rank};{size}")
    return "\n".join(lines) + "\n"


def test_call_list_from_the_ranks_engine_as_json_csv_and_pdf(live_server, client) -> None:  # type: ignore[no-untyped-def]
    _, staff = signed_in(live_server, client, role="staff")
    cid = campaign(client, staff)
    r = upload(client, staff, cid, "interns", seed_csv())
    assert r.status_code == 200 and r.json()["created"] == 11 and not r.json()["rejected"]
    r = client.post(f"/api/staff/amphi/campaigns/{cid}/amphis", headers=auth(staff), json={
        "name": "Santé publique — approfondissement", "specialty_group": "Santé publique",
        "phase": "approfondissement"})
    assert r.status_code == 201 and r.json()["intern_count"] == 11
    amphi = r.json()["id"]
    calls = client.get(f"/api/amphi/amphis/{amphi}/call-list", headers=auth(staff)).json()
    names = [e["first_name"] for e in calls]
    assert names == ["Victor", "Lucie", "Marc", "Nina", "Thomas", "Sarah", "Sébastien",
                     "Hélène", "Oscar", "Pauline", "Rémi"]
    shown = {e["first_name"]: (e["theoretical_cohort"], e["theoretical_cohort_size"],
                               e["updated_rank_display"]) for e in calls}
    assert shown["Victor"] == (2018, 1, "0.33")
    assert shown["Thomas"] == (2019, 10, "5.00")
    assert shown["Hélène"] == (2019, 10, "7.58")  # 466/614 × 10 = 7.589…, truncated
    assert [e["call_rank"] for e in calls] == list(range(1, 12))
    # Not validated yet: the public cannot read it, nor a student.
    r = client.get(f"/api/amphi/amphis/{amphi}/call-list")
    assert r.status_code == 409 and error(r)["code"] == "amphi_not_validated"
    # Staff download it at any time, always current (a planned absence shows at once).
    helene = next(e for e in calls if e["first_name"] == "Hélène")
    r = client.patch(f"/api/staff/amphi/interns/{helene['intern_id']}", headers=auth(staff),
                     json={"planned_absence": True})
    assert r.status_code == 200
    r = client.get(f"/api/staff/amphi/amphis/{amphi}/call-list.csv", headers=auth(staff))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    assert r.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Rang appel", "Nom", "Prénom"]
    assert [row[2] for row in rows[1:]] == names
    helene_row = rows[1 + names.index("Hélène")]
    assert helene_row[11] == "7,58" and helene_row[12] == "Oui"
    r = client.get(f"/api/staff/amphi/amphis/{amphi}/call-list.pdf", headers=auth(staff))
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF") and b"%%EOF" in r.content[-1024:]
    _, student = signed_in(live_server, client, role="student")
    for path in ("call-list.csv", "call-list.pdf"):
        r = client.get(f"/api/staff/amphi/amphis/{amphi}/{path}", headers=auth(student))
        assert r.status_code == 403 and error(r)["code"] == "forbidden"


def test_imports_keep_good_lines_and_report_rejected_ones(live_server, client) -> None:  # type: ignore[no-untyped-def]
    _, staff = signed_in(live_server, client, role="staff")
    cid = campaign(client, staff)
    bad = INTERNS_HEADER + "\n" + "\n".join([
        "Durand;Paul;01/02/1996;;SP;Santé publique;approfondissement;UFR;2019;6;3;10",
        ";Sans nom;01/02/1996;;SP;Santé publique;approfondissement;UFR;2019;6;3;10",
        "Martin;Léa;31/02/1996;;SP;Santé publique;approfondissement;UFR;2019;6;3;10",
        "Petit;Jean;01/02/1996;;SP;Santé publique;approfondissement;UFR;2019;6;12;10",
        "Roux;Anne;01/02/1996;;SP;Santé publique;ancien régime;UFR;2019;6;3;10",
        "Moreau;Zoé;01/02/1996;;SP;Santé publique;socle;UFR;deux mille;6;3;10",
        "Durand;Paul;01/02/1996;;SP;Santé publique;approfondissement;UFR;2019;6;4;10",
        "",
        "Simon;Éric;1996-02-03;;SP;Santé publique;Phase socle;UFR;2020;2;1;8",
    ]) + "\n"
    r = upload(client, staff, cid, "interns", bad)
    assert r.status_code == 200, r.text
    report = r.json()
    assert (report["kind"], report["lines"], report["created"]) == ("interns", 8, 2)
    reasons = {x["line"]: x["reason"] for x in report["rejected"]}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8]
    assert "« nom » est vide" in reasons[3]
    assert "date de naissance illisible" in reasons[4]
    assert "rang local 12 supérieur à l'effectif promo local 10" in reasons[5]
    assert "phase" in reasons[6]
    assert "« promotion » : nombre entier attendu" in reasons[7]
    assert "déjà présent ligne 2" in reasons[8]
    assert report["rejected"][0]["values"]["first_name"] == "Sans nom"
    # The same file again updates the good lines instead of duplicating them.
    again = upload(client, staff, cid, "interns", bad).json()
    assert (again["created"], again["updated"]) == (0, 2)
    # Services and posts, posts as an Excel workbook, with an unknown service.
    r = upload(client, staff, cid, "services", SERVICES_CSV.replace(";", ","))
    assert r.status_code == 200 and r.json()["created"] == 3
    book = Workbook()
    sheet = book.active
    for n, line in enumerate(POSTS_CSV.strip().split("\n")):
        cells = line.split(";")
        sheet.append([int(c) if c.isdigit() and n else c for c in cells])
    sheet.append([3001, 9999, "SP", "Santé publique", "CHU", "Phase socle", None, "non"])
    data = io.BytesIO()
    book.save(data)
    r = client.post(f"/api/staff/amphi/campaigns/{cid}/imports/posts", headers=auth(staff),
                    files={"file": ("postes.xlsx", data.getvalue(),
                                    "application/vnd.openxmlformats-officedocument."
                                    "spreadsheetml.sheet")})
    assert r.status_code == 200, r.text
    assert r.json()["created"] == 6
    assert r.json()["rejected"][0]["line"] == 8
    assert "service n° 9999 inconnu" in r.json()["rejected"][0]["reason"]
    # Whole-file refusals: missing columns, empty, unreadable workbook.
    r = upload(client, staff, cid, "posts", "Numéro;DES\n1;SP\n")
    assert r.status_code == 422 and error(r)["code"] == "missing_columns"
    assert "numéro de service" in error(r)["message"]
    r = upload(client, staff, cid, "posts", "\n\n")
    assert r.status_code == 422 and error(r)["code"] == "empty_file"
    r = client.post(f"/api/staff/amphi/campaigns/{cid}/imports/posts", headers=auth(staff),
                    files={"file": ("x.xlsx", b"PK\x03\x04 not really", "application/zip")})
    assert r.status_code == 422 and error(r)["code"] == "unreadable_file"
    r = client.post(f"/api/staff/amphi/campaigns/{cid}/imports/wishes", headers=auth(staff),
                    files=csv_file("a\n"))
    assert r.status_code == 422
    r = client.post("/api/staff/amphi/campaigns/999/imports/posts", headers=auth(staff),
                    files=csv_file(POSTS_CSV))
    assert r.status_code == 404


def test_states_transitions_events_and_opening_when_the_clock_reaches_it(
        server_factory: ServerFactory, calendar: time_machine.Coordinates) -> None:
    live = amphi_server(server_factory)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=2, open_it=False)
        amphi = client.get(w.base).json()
        assert amphi["state"] == "validated" and amphi["opens_at"]
        assert [s["rank_from"] for s in amphi["sessions"]] == [1]
        r = w.transition("start")
        assert r.status_code == 409 and error(r)["code"] == "invalid_transition"
        assert error(r)["message"] == "Impossible de lancer un amphithéâtre validé."
        r = w.transition("invalidate")
        assert r.status_code == 200 and r.json()["state"] == "not_validated"
        r = w.transition("validate")
        assert r.status_code == 422 and error(r)["field"] == "opens_at"
        _, student = signed_in(live, client, role="student")
        r = client.post(f"{w.staff_base}/transitions", headers=auth(student),
                        json={"action": "validate", "opens_at": TOMORROW.isoformat()})
        assert r.status_code == 403
        with event_stream(live) as events:
            soon = TEST_EPOCH + timedelta(hours=1)  # (sessions last 12 h)
            assert w.transition("validate", opens_at=soon.isoformat()).status_code == 200
            assert client.get(w.base).json()["state"] == "validated"
            # The clock opens it at the opening date, by itself.
            calendar.move_to(soon + timedelta(seconds=1))
            opened = events.wait_for(lambda e: e["kind"] == "amphi_state"
                                     and e["data"]["state"] == "open", timeout=5)["data"]
            assert opened["previous"] == "validated"
            assert client.get(w.base).json()["state"] == "open"
            assert w.transition("start").status_code == 200
            assert w.transition("pause").status_code == 200
            assert w.transition("resume").status_code == 200
            assert w.transition("finish").status_code == 200
            events.wait_for(lambda e: e["kind"] == "amphi_state"
                            and e["data"]["state"] == "finished")
            changes = [(e["previous"], e["state"]) for e in events.of("amphi_state")]
        assert changes == [("not_validated", "validated"), ("validated", "open"),
                           ("open", "in_progress"), ("in_progress", "paused"),
                           ("paused", "in_progress"), ("in_progress", "finished")]
        r = w.transition("open")
        assert r.status_code == 409 and error(r)["code"] == "invalid_transition"
        assert error(r)["message"] == "Impossible d'ouvrir un amphithéâtre terminé."
        audit = client.get("/api/staff/audit", headers=w.staff.h).json()
        assert "amphi_state_changed" in {a["action"] for a in audit}


def test_amphitheatres_sessions_visibility_and_the_bell(live_server, client) -> None:  # type: ignore[no-untyped-def]
    _, staff = signed_in(live_server, client, role="staff")
    cid = campaign(client, staff)
    assert upload(client, staff, cid, "services", SERVICES_CSV).status_code == 200
    assert upload(client, staff, cid, "posts", POSTS_CSV).status_code == 200
    r = client.post(f"/api/staff/amphi/campaigns/{cid}/amphis", headers=auth(staff), json={
        "name": "Médecine — approfondissement", "specialty_group": "spécialités MÉDICALES",
        "phase": "approfondissement"})
    assert r.status_code == 201 and r.json()["post_count"] == 6  # case/accent-insensitive
    amphi = r.json()["id"]
    r = client.post(f"/api/staff/amphi/campaigns/{cid}/amphis", headers=auth(staff), json={
        "name": "Doublon", "specialty_group": "Spécialités médicales",
        "phase": "approfondissement"})
    assert r.status_code == 409 and error(r)["code"] == "amphi_exists"
    r = client.post(f"/api/staff/amphi/campaigns/{cid}/amphis", headers=auth(staff), json={
        "name": "Vide", "specialty_group": "Spécialités médicales", "phase": "socle"})
    empty = r.json()["id"]
    # Not validated: hidden from the public, visible to staff.
    assert client.get(f"/api/amphi/amphis/{amphi}/posts").status_code == 409
    assert client.get(f"/api/amphi/campaigns/{cid}/posts").json()["posts"] == []
    staff_view = client.get(f"/api/amphi/campaigns/{cid}/posts", headers=auth(staff)).json()
    assert len(staff_view["posts"]) == 6
    # Sessions: consecutive rank ranges from 1, in time order.
    t0 = TEST_EPOCH + timedelta(days=14)

    def cut(*parts: tuple[int, int, int, int]) -> httpx.Response:
        return client.put(f"/api/staff/amphi/amphis/{amphi}/sessions", headers=auth(staff),
                          json=[{"starts_at": (t0 + timedelta(minutes=s)).isoformat(),
                                 "ends_at": (t0 + timedelta(minutes=e)).isoformat(),
                                 "rank_from": lo, "rank_to": hi} for s, e, lo, hi in parts])

    r = cut((0, 30, 1, 20), (30, 60, 22, 40))
    assert r.status_code == 422 and error(r)["field"] == "[1].rank_from"
    r = cut((0, 30, 1, 20), (20, 60, 21, 40))
    assert r.status_code == 422 and error(r)["field"] == "[1].starts_at"
    r = cut((30, 0, 1, 20))
    assert r.status_code == 422 and error(r)["field"] == "[0].ends_at"
    r = cut((0, 30, 1, 20), (360, 400, 21, 43))
    assert r.status_code == 200
    assert [(s["no"], s["rank_from"], s["rank_to"]) for s in r.json()["sessions"]] == [
        (1, 1, 20), (2, 21, 43)]
    r = client.post(f"/api/staff/amphi/amphis/{amphi}/transitions", headers=auth(staff),
                    json={"action": "validate", "opens_at": TOMORROW.isoformat()})
    assert r.status_code == 200
    offer = client.get(f"/api/amphi/amphis/{amphi}/posts").json()
    assert [s["number"] for s in offer["services"]] == ["1201", "1101", "1102"]  # dept order
    assert offer["services"][1]["post_count"] == 2 and offer["services"][1]["free_count"] == 2
    reserved = {p["number"] for p in offer["posts"] if p["reserved"]}
    assert reserved == {"2001", "2002"}
    listed = client.get("/api/amphi/amphis", params={"campaign_id": cid}).json()
    assert {a["id"]: a["state"] for a in listed} == {amphi: "validated",
                                                    empty: "not_validated"}
    # The bell.
    _, student = signed_in(live_server, client, role="student")
    r = client.post(f"/api/staff/amphi/amphis/{amphi}/messages", headers=auth(student),
                    json={"text": "Bonjour"})
    assert r.status_code == 403
    with event_stream(live_server) as events:
        for text in ("Pause de 5 minutes.", "Reprise à 10 h 05."):
            r = client.post(f"/api/staff/amphi/amphis/{amphi}/messages", headers=auth(staff),
                            json={"text": text})
            assert r.status_code == 201
        rung = events.wait_for(lambda e: e["kind"] == "amphi_message"
                               and e["data"]["text"] == "Reprise à 10 h 05.")
        assert rung["data"]["amphi_id"] == amphi and rung["event"]["campaign_id"] == cid
    bell = client.get(f"/api/amphi/amphis/{amphi}/messages").json()
    assert [m["text"] for m in bell] == ["Reprise à 10 h 05.", "Pause de 5 minutes."]
    # An amphitheatre without interns cannot start.
    for action in ("validate", "open"):
        client.post(f"/api/staff/amphi/amphis/{empty}/transitions", headers=auth(staff),
                    json={"action": action, "opens_at": TOMORROW.isoformat()})
    r = client.post(f"/api/staff/amphi/amphis/{empty}/transitions", headers=auth(staff),
                    json={"action": "start"})
    assert r.status_code == 409 and error(r)["code"] == "empty_call_list"


def test_started_amphitheatre_refuses_imports_that_would_change_it(server_factory: ServerFactory
                                                                   ) -> None:
    live = amphi_server(server_factory, amphi_turn_seconds=30)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=2)
        for who in w.interns:
            w.presence(who)
        assert w.transition("start").status_code == 200
        r = client.post(f"/api/staff/amphi/campaigns/{w.campaign_id}/imports/posts",
                        headers=w.staff.h, files=csv_file(POSTS_CSV))
        assert r.status_code == 200 and r.json()["created"] + r.json()["updated"] == 0
        assert all("est lancé" in x["reason"] for x in r.json()["rejected"])
        r = client.put(f"{w.staff_base}/sessions", headers=w.staff.h, json=[])
        assert r.status_code == 409 and error(r)["code"] == "amphi_started"
