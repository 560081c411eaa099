"""Roles on every route: students are refused staff routes; staff import and broadcast."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import LiveServer
from tests.server.conftest import ServerFactory, add_person, auth, error, login, signed_in

STAFF_CALLS = [
    ("POST", "/api/staff/identities", []),
    ("POST", "/api/staff/messages", {"text": "Bonjour"}),
    ("GET", "/api/staff/audit", None),
]


@pytest.mark.parametrize("role", ["student", "supervisor", "coordinator", "proxy_holder"])
def test_staff_routes_refuse_other_roles(live_server: LiveServer, client: httpx.Client,
                                         role: str) -> None:
    _, token = signed_in(live_server, client, role=role)
    for method, path, body in STAFF_CALLS:
        r = client.request(method, path, json=body, headers=auth(token))
        assert r.status_code == 403, (path, r.text)
        detail = error(r)
        assert detail["code"] == "forbidden"
        assert detail["message"] == "Cette action est réservée aux agents de l'agence."


def test_staff_routes_need_a_session(client: httpx.Client) -> None:
    for method, path, body in STAFF_CALLS:
        r = client.request(method, path, json=body)
        assert r.status_code == 401 and error(r)["code"] == "not_authenticated"


def test_staff_imports_identities_people_then_register(live_server: LiveServer,
                                                       client: httpx.Client) -> None:
    staff_id, staff = signed_in(live_server, client, role="staff")
    rows = [
        {"last_name": "Durand", "first_name": "Paul", "birth_date": "1999-01-01",
         "birth_town": "Nantes", "ine": "111A"},
        {"last_name": "Bernard", "first_name": "Inès", "birth_date": "1998-05-06",
         "ine": "222B", "role": "supervisor", "email": "Ines.Bernard@example.org"},
    ]
    r = client.post("/api/staff/identities", json=rows, headers=auth(staff))
    assert r.status_code == 200 and r.json() == {"created": 2, "updated": 0}
    # Same INE again, a corrected birth town: an update, not a new person.
    r = client.post("/api/staff/identities", headers=auth(staff),
                    json=[{**rows[0], "birth_town": "Nantes (44)", "first_name": "Paul-Henri"}])
    assert r.json() == {"created": 0, "updated": 1}

    r = client.post("/api/auth/identity", json={"last_name": "durand", "first_name": "paul henri",
                                                "birth_date": "1999-01-01", "ine": "111a"})
    assert r.status_code == 200
    # The supervisor imported with an email signs in with a mailed link.
    assert client.post("/api/auth/signin-link",
                       json={"email": "ines.bernard@example.org"}).status_code == 202
    assert len(live_server.mails()) == 1

    audit = client.get("/api/staff/audit", headers=auth(staff)).json()
    imports = [a for a in audit if a["action"] == "identities_imported"]
    assert [a["detail"] for a in imports] == [{"created": 0, "updated": 1},
                                              {"created": 2, "updated": 0}]
    assert all(a["actor_id"] == staff_id for a in imports)
    page = client.get("/api/staff/audit", params={"limit": 1, "before_id": audit[0]["id"]},
                      headers=auth(staff)).json()
    assert [a["id"] for a in page] == [audit[1]["id"]]


def test_audit_records_failures_with_address(server_factory: ServerFactory) -> None:
    # Behind the agency's reverse proxy (declared): the address it forwards is recorded.
    live_server = server_factory(forwarded_allow_ips="127.0.0.1")
    client = httpx.Client(base_url=live_server.url, timeout=10)
    add_person(live_server, email="a@example.org", password="Motdepasse1")
    client.post("/api/auth/login", json={"email": "a@example.org", "password": "Faux12345"},
                headers={"X-Forwarded-For": "192.0.2.7"})
    _, staff = signed_in(live_server, client, role="staff")
    audit = client.get("/api/staff/audit", headers=auth(staff)).json()
    failed = next(a for a in audit if a["action"] == "login_failed")
    assert failed["address"] == "192.0.2.7" and failed["detail"] == {"email": "a@example.org"}
    token = login(client, "a@example.org")
    mine = client.get("/api/me/activity", headers=auth(token)).json()
    assert {"login_failed", "login"} <= {a["action"] for a in mine}
