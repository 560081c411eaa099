"""What anyone reads without an account (issue 16, « Consulter sans compte »): the call list
as CSV and PDF (as staff download it, once the amphitheatre is validated), the semester's
offer as CSV or Excel (nobody's name), a matching campaign's calendar (no draft).
"""

from __future__ import annotations

import csv
import io

import httpx
import time_machine
from openpyxl import load_workbook

from tests.conftest import LiveServer
from tests.server.conftest import ServerFactory, error
from tests.server.test_amphi_support import amphi_server, make_world
from tests.server.test_matching_helpers import build_world


def test_the_public_downloads_the_call_list_once_the_amphitheatre_is_validated(
        server_factory: ServerFactory, calendar: time_machine.Coordinates) -> None:
    live = amphi_server(server_factory)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=3, open_it=False)
        calls = client.get(f"{w.base}/call-list").json()  # anonymous: validated, public
        r = client.get(f"{w.base}/call-list.csv")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]
        rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
        assert rows[0][:3] == ["Rang appel", "Nom", "Prénom"]
        # The same people as the public JSON, in call order: nothing more is published.
        assert [(row[1], row[2]) for row in rows[1:]] == [
            (e["last_name"], e["first_name"]) for e in calls]
        staff_csv = client.get(f"{w.staff_base}/call-list.csv", headers=w.staff.h)
        assert staff_csv.content == r.content
        r = client.get(f"{w.base}/call-list.pdf")
        assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
        assert r.content.startswith(b"%PDF") and b"%%EOF" in r.content[-1024:]
        # Back to « non validé »: the public may no longer read it; staff still may.
        assert w.transition("invalidate").status_code == 200
        for tail in ("call-list.csv", "call-list.pdf"):
            r = client.get(f"{w.base}/{tail}")
            assert r.status_code == 409 and error(r)["code"] == "amphi_not_validated"
            assert client.get(f"{w.base}/{tail}", headers=w.staff.h).status_code == 200
        assert client.get("/api/amphi/amphis/999999/call-list.csv").status_code == 404


def test_the_semester_offer_exports_as_csv_and_excel_without_names(
        server_factory: ServerFactory, calendar: time_machine.Coordinates) -> None:
    live = amphi_server(server_factory)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=2)
        a = w.interns[0]
        w.presence(a)
        assert w.transition("start").status_code == 200
        assert w.choose(a, "2003").status_code == 200
        offer = client.get(f"/api/amphi/campaigns/{w.campaign_id}/posts").json()
        path = f"/api/amphi/campaigns/{w.campaign_id}/posts/export"
        r = client.get(path)  # CSV by default, anonymous
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert r.headers["x-row-count"] == str(len(offer["posts"])) == "6"
        assert 'filename="postes-' in r.headers["content-disposition"]
        text = r.content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        header = rows[0]
        assert header[:4] == ["Amphithéâtre", "Département", "Établissement", "Service"]
        by_number = {row[header.index("N° poste")]: row for row in rows[1:]}
        assert set(by_number) == {p["number"] for p in offer["posts"]}
        assert by_number["2003"][header.index("Pourvu")] == "Oui"
        assert by_number["2004"][header.index("Pourvu")] == "Non"
        assert by_number["2003"][0] == "Spécialités médicales — Phase d'approfondissement"
        first, last = a.name.split(" ", 1)
        assert first not in text and last not in text  # filled, not by whom
        r = client.get(path, params={"format": "xlsx"})
        assert r.status_code == 200 and r.headers["content-disposition"].endswith('.xlsx"')
        sheet = load_workbook(io.BytesIO(r.content), read_only=True).active
        assert sheet is not None
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert values[0] == header and len(values) == 7
        assert client.get(path, params={"format": "pdf"}).status_code == 422
        assert client.get("/api/amphi/campaigns/999999/posts/export").status_code == 404


def test_the_matching_calendar_is_public_but_not_a_draft(live_server: LiveServer,
                                                         client: httpx.Client) -> None:
    w = build_world(live_server, client)
    r = client.get(f"/api/matching/campaigns/{w.campaign_id}/calendar")  # no token
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"id", "name", "region", "state", "waves", "server_time"}
    assert body["state"] == "open" and [wave["name"] for wave in body["waves"]] == ["Vague 1"]
    rounds = body["waves"][0]["rounds"]
    assert [rd["number"] for rd in rounds] == [1, 2, 3]
    assert rounds[0]["phase"] == "applications" and rounds[2]["off_platform"]
    signed = client.get(f"/api/matching/campaigns/{w.campaign_id}", headers=w.staff.h).json()
    assert body["waves"] == signed["waves"]
    r = client.post("/api/matching/campaigns", json={"name": "Brouillon"}, headers=w.staff.h)
    draft = r.json()["id"]
    for cid in (draft, 999999):
        r = client.get(f"/api/matching/campaigns/{cid}/calendar")
        assert r.status_code == 404 and error(r)["code"] == "not_found"
