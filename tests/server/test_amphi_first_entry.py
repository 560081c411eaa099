"""The first entry's check (as DCI asks): each intern confirms his faculty (UFR) and his
passing order, or reports what is wrong; the agency lists the reports."""

from __future__ import annotations

import httpx

from tests.server.conftest import ServerFactory, error
from tests.server.test_amphi_support import amphi_server, make_world


def test_an_intern_confirms_or_reports_and_the_agency_sees_the_reports(
        server_factory: ServerFactory) -> None:
    live = amphi_server(server_factory)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=3, open_it=False)
        a, b, c = w.interns
        mine = client.get("/api/amphi/me", headers=a.h).json()[0]
        assert mine["details_checked_at"] is None and mine["faculty"] == "UFR de Lyon"
        url = f"/api/amphi/interns/{a.intern_id}/details-check"
        r = client.post(url, headers=a.h, json={"correct": True})
        assert r.status_code == 200, r.text
        assert r.json()["details_checked_at"] is not None and r.json()["details_report"] is None
        # b finds his faculty wrong: a report is required, then stored for the agency.
        url = f"/api/amphi/interns/{b.intern_id}/details-check"
        r = client.post(url, headers=b.h, json={"correct": False, "report": " "})
        assert (r.status_code, error(r)["code"], error(r)["field"]) == (
            422, "report_required", "report")
        r = client.post(url, headers=b.h,
                        json={"correct": False, "report": "Je suis à l'UFR de Grenoble."})
        assert r.status_code == 200 and r.json()["details_report"].startswith("Je suis")
        # Nobody answers for someone else; staff only read the reports.
        r = client.post(url, headers=c.h, json={"correct": True})
        assert r.status_code in (403, 404)
        reports_url = f"/api/staff/amphi/campaigns/{w.campaign_id}/details-reports"
        assert client.get(reports_url, headers=c.h).status_code == 403
        reports = client.get(reports_url, headers=w.staff.h).json()
        assert [(x["id"], x["details_report"]) for x in reports] == [
            (b.intern_id, "Je suis à l'UFR de Grenoble.")]
        # Corrected by the agency, b confirms: his report leaves the list.
        assert client.post(url, headers=b.h, json={"correct": True}).status_code == 200
        assert client.get(reports_url, headers=w.staff.h).json() == []
        # The call list (public) never shows a report.
        assert "Grenoble" not in client.get(f"/api/amphi/amphis/{w.amphi_id}/call-list").text
