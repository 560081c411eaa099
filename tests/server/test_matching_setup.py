"""The agency sets a matching campaign up from files: supervisors (invited by mail), posts,
candidates — every rejected line reported with its French reason, nothing it names
changed — and adds coordinators and supervisors one by one."""

from __future__ import annotations

import io
from typing import Any

import httpx
from openpyxl import Workbook

from tests.conftest import LiveServer
from tests.server.conftest import error, latest_mail, mail_text, mail_token, signed_in
from tests.server.test_matching_helpers import World, build_world

CSV = "text/csv"


def send(w: World, path: str, content: bytes, *, name: str = "import.csv",
         dry_run: bool = False, who: str = "staff") -> httpx.Response:
    headers = w.staff.h if who == "staff" else w.coordinator.h
    return w.client.post(f"/api/matching{path}", headers=headers,
                         params={"dry_run": "true"} if dry_run else None,
                         files={"file": (name, content, CSV)})


def members(w: World) -> dict[str, dict[str, Any]]:
    r = w.client.get(f"{w.base}/members", headers=w.staff.h)
    assert r.status_code == 200, r.text
    return {f'{m["email"]}/{m["role"]}': m for m in r.json()}


def posts(w: World) -> dict[str, dict[str, Any]]:
    r = w.client.get(f"{w.base}/posts", headers=w.staff.h)
    return {p["number"]: p for p in r.json()["rows"]}


def test_supervisors_file_invites_newcomers_and_reports_every_bad_line(
        live_server: LiveServer, client: httpx.Client) -> None:
    w = build_world(live_server, client)
    known = w.sup["A"].email
    content = (
        "Nom;Prénom;Courriel\n"
        "Martin;Claire;claire.martin@chu.example.org\n"
        ";Paul;paul@chu.example.org\n"             # 3: no last name
        "Durand;Luc;pas-une-adresse\n"             # 4: invalid address
        "Martin;Claire;CLAIRE.martin@chu.example.org\n"  # 5: duplicate of 2
        f"Interne;Jeune;{w.stu['s1'].email}\n"     # 6: a student's account
        f"ResponsableA;Docteur;{known}\n"          # 7: already a supervisor: unchanged
    ).encode("cp1252")
    mails_before = len(live_server.mails())
    r = send(w, f"/campaigns/{w.campaign_id}/supervisors/file", content, dry_run=True)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["dry_run"] is True and report["lines"] == 6
    assert (report["created"], report["unchanged"]) == (1, 1)
    assert [x["line"] for x in report["rejected"]] == [3, 4, 5, 6]
    reasons = " | ".join(x["reason"] for x in report["rejected"])
    assert "nom ou prénom manquant" in reasons and "adresse électronique invalide" in reasons
    assert "en double (déjà ligne 2)" in reasons and "compte d'un interne" in reasons
    assert "claire.martin@chu.example.org/supervisor" not in members(w)  # dry run: nothing
    assert len(live_server.mails()) == mails_before

    r = send(w, f"/campaigns/{w.campaign_id}/supervisors/file", content)
    assert r.status_code == 200, r.text
    assert (r.json()["created"], r.json()["invited"]) == (1, 1)
    listed = members(w)
    assert listed["claire.martin@chu.example.org/supervisor"]["last_seen_at"] is None
    assert listed[f"{known}/supervisor"]["posts"] == 3  # P1, P2 and second on P4
    invitation = latest_mail(live_server, "claire.martin@chu.example.org")
    assert "Appariement test" in invitation["Subject"]
    assert "responsable de terrain de stage" in mail_text(invitation)
    token = mail_token(live_server, "claire.martin@chu.example.org")
    session = client.post("/api/auth/signin-link/redeem", json={"token": token})
    assert session.status_code == 200, session.text
    mine = client.get(w.base, headers={"Authorization": f"Bearer {session.json()['token']}"})
    assert mine.status_code == 200 and mine.json()["my_role"] == "supervisor"

    again = send(w, f"/campaigns/{w.campaign_id}/supervisors/file", content).json()
    assert (again["created"], again["invited"], again["unchanged"]) == (0, 0, 2)


def test_posts_file_imports_good_lines_and_leaves_rejected_ones_untouched(
        live_server: LiveServer, client: httpx.Client) -> None:
    w = build_world(live_server, client)
    a, b = w.sup["A"].email, w.sup["B"].email
    before = posts(w)
    p1 = next(n for n, p in before.items() if p["label"] == "Poste P1")
    p3 = next(n for n, p in before.items() if p["label"] == "Poste P3")
    content = (
        "N° poste;Spécialité;Libellé;Établissement;Subdivision;Places;Type;Durée;Décalé;"
        "RTS;Second RTS;Validé par l'ARS\n"
        f"N1;Cardiologie;Écho cardiaque;CHU Lyon;LYON;2;simple;6 mois;non;{a};;oui\n"
        f"N2;Cardiologie;Rythmologie;CHU Lyon;LYON;1;couplé;1 an;oui;{a};{b};non\n"
        f"N3;Cardiologie;Sans RTS;CHU Lyon;LYON;1;simple;12;non;inconnu@x.org;;non\n"
        f"N4;Cardiologie;Mauvais type;CHU Lyon;LYON;1;triple;12;non;{a};;non\n"
        f"N1;Cardiologie;Doublon;CHU Lyon;LYON;1;simple;12;non;{a};;non\n"
        f"N5;Cardiologie;Couplé seul;CHU Lyon;LYON;1;mixte;12;non;{a};;non\n"
        f"N6;Cardiologie;Trop;CHU Lyon;LYON;500;simple;12;non;{a};;non\n"
        f"{p1};Cardiologie;Poste P1 renommé;CHU Lyon;LYON;1;simple;12;non;{a};;oui\n"
        f"{p3};Cardiologie;Poste P3 faux;CHU Grenoble;GRENOBLE;deux;simple;12;non;{b};;oui\n"
    ).encode("cp1252")
    r = send(w, f"/waves/{w.wave_id}/posts/file", content, dry_run=True)
    assert r.status_code == 200, r.text
    assert posts(w) == before
    r = send(w, f"/waves/{w.wave_id}/posts/file", content)
    report = r.json()
    assert (report["lines"], report["created"], report["updated"]) == (9, 2, 1), report
    assert [x["line"] for x in report["rejected"]] == [4, 5, 6, 7, 8, 10]
    reasons = [x["reason"] for x in report["rejected"]]
    assert "aucun RTS connu" in reasons[0] and "type de poste inconnu" in reasons[1]
    assert "en double (déjà ligne 2)" in reasons[2] and "second RTS" in reasons[3]
    assert "nombre de places invalide" in reasons[4] and "places invalide" in reasons[5]
    after = posts(w)
    assert after["N1"]["places"] == 2 and after["N1"]["duration_months"] == 6
    assert after["N1"]["validated"] is True and after["N2"]["validated"] is False
    assert after["N2"]["post_type"] == "couplé" and after["N2"]["offset_semester"] is True
    assert after["N2"]["second_supervisor"]["email"] == b
    assert after[p1]["label"] == "Poste P1 renommé"
    assert after[p3] == before[p3]  # its line was rejected: untouched
    assert "N3" not in after and "N6" not in after


def test_a_file_without_the_required_columns_is_refused_whole(
        live_server: LiveServer, client: httpx.Client) -> None:
    w = build_world(live_server, client)
    before = posts(w)
    r = send(w, f"/waves/{w.wave_id}/posts/file", b"Numero;Libelle\nX1;Poste\n")
    assert r.status_code == 422
    detail = error(r)
    assert detail["code"] == "missing_column" and "spécialité" in detail["message"]
    r = send(w, f"/waves/{w.wave_id}/candidates/file", b"\x00\x01\x02binaire",
             name="candidats.csv")
    assert r.status_code == 422 and error(r)["code"] == "unreadable_file"
    r = send(w, f"/waves/{w.wave_id}/posts/file", b"", name="vide.csv")
    assert r.status_code == 422 and error(r)["code"] == "empty_file"
    assert posts(w) == before
    r = send(w, f"/waves/{w.wave_id}/posts/file", b"a;b\n", who="coordinator")
    assert r.status_code == 403


def test_candidates_file_from_excel(live_server: LiveServer, client: httpx.Client) -> None:
    w = build_world(live_server, client)
    r = client.post(f"/api/matching/campaigns/{w.campaign_id}/waves", headers=w.staff.h,
                    json={"name": "Vague 2"})
    wave2 = r.json()["waves"][1]["id"]
    newcomer_id, newcomer_token = signed_in(live_server, client, role="student",
                                            email="nouvel.interne@etu.example.org",
                                            ine="99999999999")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["INE", "Courriel", "Spécialité", "Subdivision", "Semestre décalé"])
    sheet.append(["99999999999", None, "Cardiologie", "LYON", "oui"])
    sheet.append([None, w.stu["s6"].email, "Pneumologie", "LYON", "non"])  # moves wave
    sheet.append(["11111111111", None, "Cardiologie", "LYON", "non"])  # unknown
    sheet.append([None, "nouvel.interne@etu.example.org", "Cardiologie", "LYON", "non"])
    sheet.append([None, None, "Cardiologie", "LYON", "non"])
    sheet.append([None, w.stu["s1"].email, "Cardiologie", "LYON", "peut-être"])
    buffer = io.BytesIO()
    book.save(buffer)
    r = send(w, f"/waves/{wave2}/candidates/file", buffer.getvalue(), name="candidats.xlsx")
    assert r.status_code == 200, r.text
    report = r.json()
    assert (report["created"], report["updated"]) == (1, 1), report
    assert [(x["line"], x["reason"][:20]) for x in report["rejected"]] == [
        (4, "aucun interne connu "), (5, "même interne que la "), (6, "INE et adresse manqu"),
        (7, "semestre décalé : « ")]
    mine = client.get(w.base, headers={"Authorization": f"Bearer {newcomer_token}"}).json()
    assert mine["my_role"] == "student" and mine["my_wave_id"] == wave2
    s1 = client.get(w.base, headers=w.stu["s1"].h).json()
    assert s1["my_wave_id"] == w.wave_id  # his line was rejected
    assert newcomer_id > 0

    # s1 applied in wave 1: he cannot be moved to wave 2.
    assert w.apply("s1", "P1").status_code == 200
    again = send(w, f"/waves/{wave2}/candidates/file",
                 f"Courriel;Spécialité;Subdivision\n{w.stu['s1'].email};Cardiologie;LYON\n"
                 .encode()).json()
    assert again["rejected"][0]["reason"] == "cet interne a déjà candidaté dans une autre vague"


def test_staff_invite_a_coordinator_by_mail(live_server: LiveServer,
                                             client: httpx.Client) -> None:
    w = build_world(live_server, client)
    path = f"{w.base}/members"
    body = {"email": "Nouvelle.Coordo@Univ.example.org", "role": "coordinator"}
    r = client.post(path, json=body, headers=w.staff.h)
    assert r.status_code == 422 and error(r)["code"] == "name_required"
    r = client.post(path, json={**body, "first_name": "Inès", "last_name": "Nouvelle"},
                    headers=w.staff.h)
    assert r.status_code == 201, r.text
    assert r.json()["email"] == "nouvelle.coordo@univ.example.org"
    assert r.json()["role"] == "coordinator"
    invitation = latest_mail(live_server, "nouvelle.coordo@univ.example.org")
    assert "coordonnateur" in mail_text(invitation)
    token = mail_token(live_server, "nouvelle.coordo@univ.example.org")
    session = client.post("/api/auth/signin-link/redeem", json={"token": token}).json()
    mine = client.get(w.base, headers={"Authorization": f"Bearer {session['token']}"}).json()
    assert mine["my_role"] == "coordinator"
    assert "nouvelle.coordo@univ.example.org/coordinator" in members(w)

    r = client.post(path, json={"email": w.stu["s2"].email, "role": "supervisor"},
                    headers=w.staff.h)
    assert r.status_code == 409 and error(r)["code"] == "student_account"
    r = client.post(path, json={"email": w.sup["C"].email, "role": "coordinator"},
                    headers=w.coordinator.h)
    assert r.status_code == 403
    r = client.get(path, headers=w.sup["C"].h)
    assert r.status_code == 403
    assert client.get(path, headers=w.coordinator.h).status_code == 200


def test_every_saved_application_list_gets_a_signed_receipt(
        live_server: LiveServer, client: httpx.Client) -> None:
    w = build_world(live_server, client)
    first = w.apply("s1", "P1", "P2")
    assert first.status_code == 200, first.text
    receipt = first.json()["receipt"]
    assert receipt["version"] == 1 and receipt["post_ids"] == [w.post["P1"], w.post["P2"]]
    assert len(receipt["code"]) == 14 and receipt["code"].count("-") == 2
    again = client.get(f"{w.base}/applications", headers=w.stu["s1"].h).json()
    assert again["receipt"] == receipt
    path = f"{w.base}/receipts/verify"
    check = client.post(path, json=receipt, headers=w.stu["s1"].h).json()
    assert (check["valid"], check["recorded"], check["current"]) == (True, True, True)
    assert "actuellement enregistrée" in check["message"]

    second = w.apply("s1", "P2", "P1").json()["receipt"]
    assert second["version"] == 2 and second["code"] != receipt["code"]
    old = client.post(path, json=receipt, headers=w.stu["s1"].h).json()
    assert (old["valid"], old["recorded"], old["current"]) == (True, True, False)
    assert "modifiée depuis" in old["message"]
    # The agency checks a receipt the student shows: valid and current.
    assert client.post(path, json=second, headers=w.staff.h).json()["current"] is True

    forged = {**second, "post_ids": [w.post["P1"], w.post["P2"]]}  # reordered by hand
    bad = client.post(path, json=forged, headers=w.stu["s1"].h).json()
    assert (bad["valid"], bad["recorded"], bad["current"]) == (False, False, False)
    assert "pas authentique" in bad["message"]
    tampered = {**second, "version": 7}
    assert client.post(path, json=tampered, headers=w.stu["s1"].h).json()["valid"] is False
    r = client.post(path, json={**second, "signature": "zz"}, headers=w.stu["s1"].h)
    assert r.status_code == 422

    mine = client.get(f"{w.base}/my-receipts", headers=w.stu["s1"].h)
    assert [x["version"] for x in mine.json()] == [2, 1]
    assert client.get(f"{w.base}/my-receipts", headers=w.stu["s2"].h).json() == []
    assert client.get(f"{w.base}/my-receipts", headers=w.sup["A"].h).status_code == 403
