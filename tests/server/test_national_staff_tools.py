"""National choice, over real HTTP: credentials frozen during the amphitheatre, the exports of
the assignments for the agencies and faculties, the agency's message to a student.

Real server on a loopback port, its real database, mail through the real outbox.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
from openpyxl import load_workbook
from sqlalchemy import select

from server_stub.models import NationalCell, NationalStudent
from tests.conftest import LiveServer
from tests.server.conftest import PASSWORD, error, latest_mail, login, mail_text, mail_token
from tests.server.test_national import (
    Campaign,
    Student,
    build_campaign,
    collect_events,
    wait_thread,
)

FOUR = [(1, "general", True), (2, "general", True), (3, "general", True),
        (4, "general", True)]


def patch_me(c: Campaign, student: Student, body: dict[str, Any]) -> httpx.Response:
    return c.client.patch("/api/me", headers=student.headers, json=body)


def profile(c: Campaign, student: Student) -> dict[str, Any]:
    r = c.client.get("/api/me", headers=student.headers)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def candidate_ids(c: Campaign) -> dict[int, int]:
    """Rank → candidate id."""
    with c.live.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        return {cand.rank: cand.id for cand in s.scalars(
            select(NationalStudent).where(NationalStudent.campaign_id == c.id))}


# --------------------------------------------------------------------------- credentials


def test_credentials_are_frozen_from_the_start_of_the_amphi_to_its_end(
        live_server: LiveServer, client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=FOUR)
    s1, s2 = c.students[1], c.students[2]
    assert profile(c, s1)["credentials_frozen"] is None
    # A change of address asked before the amphi, its link followed during it (below).
    r = patch_me(c, s2, {"email": "nouvelle@example.org"})
    assert r.status_code == 200 and r.json()["pending_email"] == "nouvelle@example.org"
    pending_link = mail_token(c.live, "nouvelle@example.org")
    assert c.staff_post("/staff/amphi/start").status_code == 200

    reason = profile(c, s1)["credentials_frozen"]
    assert reason and "EDN test" in reason and "Vos autres coordonnées restent modifiables" \
        in reason
    r = patch_me(c, s1, {"email": "autre@example.org"})
    assert (r.status_code, error(r)["code"], error(r)["field"]) == (409, "credentials_frozen",
                                                                    "email")
    assert "adresse électronique ne peut pas être modifiée" in error(r)["message"]
    r = c.client.put("/api/me/secret", headers=s1.headers,
                     json={"password": PASSWORD, "secret_question": "Mon chien ?",
                           "secret_answer": "Rex"})
    assert (r.status_code, error(r)["code"], error(r)["field"]) == (409, "credentials_frozen",
                                                                    "secret_answer")
    r = c.client.post("/api/me/password", headers=s1.headers,
                      json={"current_password": PASSWORD, "new_password": "Nouveau1motdepasse"})
    assert (r.status_code, error(r)["code"], error(r)["field"]) == (409, "credentials_frozen",
                                                                    "new_password")
    assert "mot de passe ne peut pas être modifié" in error(r)["message"]
    login(client, s1.email or "")  # the password did not change
    r = client.get("/pages/confirm-email", params={"token": pending_link})
    assert r.status_code == 409 and "ne peut pas être modifiée" in r.text
    assert profile(c, s2)["email"] == s2.email

    # Contact details stay editable, the unchanged email with them (the client sends it).
    r = patch_me(c, s1, {"email": s1.email, "phone": "07 11 22 33 44",
                         "address": "3 rue de la Paix, Lyon"})
    assert r.status_code == 200, r.text
    assert (r.json()["phone"], r.json()["email"]) == ("07 11 22 33 44", s1.email)

    # Paused, the amphi is not over: still frozen. Over (« Terminé »): free again.
    assert c.staff_post("/staff/amphi/pause").status_code == 200
    assert patch_me(c, s1, {"email": "autre@example.org"}).status_code == 409
    c.set_state("finished")
    assert profile(c, s1)["credentials_frozen"] is None
    r = c.client.put("/api/me/secret", headers=s1.headers,
                     json={"password": PASSWORD, "secret_question": "Mon chien ?",
                           "secret_answer": "Rex"})
    assert r.status_code == 200, r.text


def test_staff_and_other_procedures_are_not_frozen(live_server: LiveServer,
                                                   client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=FOUR[:2])
    other = build_campaign(live_server, client, students=[(1, "general", True)],
                           staff=c.staff)
    assert c.staff_post("/staff/amphi/start").status_code == 200
    staff_profile = client.get("/api/me", headers=c.staff).json()
    assert staff_profile["credentials_frozen"] is None
    outsider = other.students[1]  # ranked in another campaign, whose amphi has not started
    assert profile(other, outsider)["credentials_frozen"] is None
    r = patch_me(other, outsider, {"email": "libre@example.org"})
    assert r.status_code == 200, r.text


# --------------------------------------------------------------------------- exports


def _assign_three(c: Campaign) -> None:
    lyon, reims = c.cell("LYON", "Cardiologie"), c.cell("REIMS", "Médecine générale")
    grenoble = c.cell("GRENOBLE", "Cardiologie")
    wishes = {1: [lyon], 2: [grenoble, reims], 3: [grenoble, reims]}
    faculties = {1: "UFR de Lyon-Est", 2: "", 3: "UFR de Reims"}
    for rank, cells in wishes.items():
        assert c.put_wishes(c.students[rank], cells).status_code == 200
        assert patch_me(c, c.students[rank], {"faculty": faculties[rank]}).status_code == 200
    assert c.staff_post("/staff/amphi/start").status_code == 200
    ids = candidate_ids(c)
    for rank in (1, 2, 3):
        r = c.staff_post("/staff/amphi/assign", {"candidate_id": ids[rank]})
        assert r.status_code == 200, r.text


def _export(c: Campaign, headers: dict[str, str] | None = None,
            **params: str) -> httpx.Response:
    return c.client.get(c.url("/staff/exports/assignments"), params=params,
                        headers=c.staff if headers is None else headers)


def assignments_in_db(c: Campaign) -> set[tuple[int, str, str]]:
    with c.live.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        rows = s.execute(select(NationalStudent.rank, NationalCell.subdivision,
                                NationalCell.specialty)
                         .join(NationalCell, NationalCell.id == NationalStudent.assigned_cell_id)
                         .where(NationalStudent.campaign_id == c.id))
        return {(rank, sub, spec) for rank, sub, spec in rows}


def test_exports_rows_equal_the_assignments(live_server: LiveServer,
                                            client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=FOUR)
    r = _export(c)
    assert (r.status_code, error(r)["code"]) == (409, "wrong_site_state")
    assert "pendant l'amphi et après" in error(r)["message"]
    _assign_three(c)
    expected = assignments_in_db(c)
    assert len(expected) == 3

    r = _export(c, group_by="faculty", format="csv")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert 'filename="affectations-' in r.headers["content-disposition"]
    assert r.content.startswith("\ufeff".encode())  # the BOM French Excel expects
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["UFR", "Subdivision", "Spécialité", "Rang"]
    assert "Vœu n°" in header and "Numéro INE" in header
    col = {name: i for i, name in enumerate(header)}
    got = {(int(row[col["Rang"]]), row[col["Subdivision"]], row[col["Spécialité"]])
           for row in body}
    assert got == expected and len(body) == len(expected)
    # By UFR (alphabetical), the students without one last; each with his wish number.
    assert [row[col["UFR"]] for row in body] == ["UFR de Lyon-Est", "UFR de Reims",
                                                 "UFR non renseignée"]
    assert [row[col["Vœu n°"]] for row in body] == ["1", "2", "1"]  # Lyon-Est: 1, Reims: 2
    assert all(row[col["Mode d'affectation"]] == "Affecté par l'agence" for row in body)

    r = _export(c, group_by="specialty", format="xlsx")
    assert r.status_code == 200, r.text
    assert "spreadsheetml" in r.headers["content-type"]
    sheet = load_workbook(io.BytesIO(r.content), read_only=True).active
    assert sheet is not None
    table = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = [str(v) for v in table[0]]
    assert header[:3] == ["Spécialité", "Subdivision", "UFR"]
    col = {name: i for i, name in enumerate(header)}
    got = {(int(row[col["Rang"]]), str(row[col["Subdivision"]]),  # type: ignore[arg-type]
            str(row[col["Spécialité"]])) for row in table[1:]}
    assert got == expected and len(table) == len(expected) + 1
    assert [row[0] for row in table[1:]] == sorted(row[0] for row in table[1:])  # type: ignore[type-var]

    by_subdivision = _export(c)  # the defaults: by subdivision, CSV
    assert by_subdivision.status_code == 200
    assert by_subdivision.content.decode("utf-8-sig").startswith("Subdivision;Spécialité;UFR")


def test_exports_are_for_staff_only_and_check_their_input(live_server: LiveServer,
                                                          client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=FOUR[:2])
    assert c.staff_post("/staff/amphi/start").status_code == 200
    r = _export(c, headers=c.students[1].headers)
    assert (r.status_code, error(r)["code"]) == (403, "forbidden")
    r = _export(c, headers={})
    assert r.status_code == 401
    r = _export(c, group_by="ville")
    assert r.status_code == 422 and error(r)["field"] == "group_by"
    assert "subdivision" in error(r)["message"]
    r = _export(c, format="pdf")
    assert r.status_code == 422 and error(r)["field"] == "format"
    r = client.get("/api/national/999999/staff/exports/assignments", headers=c.staff)
    assert r.status_code == 404
    r = _export(c)  # nobody assigned yet: the header alone
    assert r.status_code == 200 and r.headers["x-row-count"] == "0"
    assert len(r.content.decode("utf-8-sig").strip().splitlines()) == 1


# --------------------------------------------------------------------------- messages


def test_a_message_to_a_student_is_pushed_emailed_and_in_his_history(
        live_server: LiveServer, client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=FOUR)
    assert c.staff_post("/staff/amphi/start").status_code == 200
    ids = candidate_ids(c)
    s3 = c.students[3]
    private, _ = collect_events(c.live, 2.5, headers=s3.headers)
    others, _ = collect_events(c.live, 2.5, headers=c.students[2].headers)
    text = "Bonjour,\nvotre tour approche : rappelez le 01 77 35 61 80."
    r = c.staff_post(f"/staff/students/{ids[3]}/message", {"text": f"  {text}  "})
    assert r.status_code == 200, r.text
    assert r.json()["emailed"] is True and r.json()["candidate_id"] == ids[3]

    pushed = [e["data"] for e in wait_thread(private) if e["kind"] == "student_message"]
    assert len(pushed) == 1
    assert pushed[0]["payload"]["text"] == text and pushed[0]["campaign_id"] == c.id
    assert pushed[0]["payload"]["author"]
    assert not [e for e in wait_thread(others) if e["kind"] == "student_message"]

    mail = latest_mail(c.live, to=s3.email)
    assert mail["Subject"].startswith("Message de l'agence")
    assert text in mail_text(mail)

    activity = client.get("/api/me/activity", headers=s3.headers).json()
    entry = next(a for a in activity if a["action"] == "national_staff_message")
    assert entry["detail"]["text"] == text and entry["campaign_id"] == c.id
    assert entry["subject_id"] == s3.person_id


def test_a_message_is_refused_with_a_reason(live_server: LiveServer,
                                            client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=FOUR[:2])
    ids = candidate_ids(c)
    url = f"/staff/students/{ids[2]}/message"
    r = c.client.post(c.url(url), headers=c.students[1].headers, json={"text": "Bonjour"})
    assert (r.status_code, error(r)["code"]) == (403, "forbidden")
    r = c.staff_post(url, {"text": "   "})
    assert (r.status_code, error(r)["code"], error(r)["field"]) == (422, "empty_message", "text")
    r = c.staff_post(url, {"text": "x" * 2001})
    assert r.status_code == 422 and error(r)["field"] == "text"
    r = c.staff_post(url, {})
    assert r.status_code == 422 and error(r)["field"] == "text"
    r = c.staff_post("/staff/students/999999/message", {"text": "Bonjour"})
    assert (r.status_code, error(r)["field"]) == (404, "candidate_id")
    assert c.put_wishes(c.students[1], [c.cell("LYON", "Cardiologie")]).status_code == 200
    assert c.staff_post("/staff/amphi/start").status_code == 200
    assert c.staff_post("/staff/amphi/assign", {"candidate_id": ids[1]}).status_code == 200
    r = c.staff_post(f"/staff/students/{ids[1]}/message", {"text": "Bonjour"})
    assert (r.status_code, error(r)["code"]) == (409, "turn_passed")
    c.staff_post("/staff/amphi/pause")
    c.set_state("finished")
    r = c.staff_post(url, {"text": "Bonjour"})
    assert (r.status_code, error(r)["code"]) == (409, "wrong_site_state")
