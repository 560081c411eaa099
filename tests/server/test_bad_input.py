"""Bad input: every malformed, oversized or wrongly-typed request gets a French 4xx, never a 500."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from server_stub.core import accounts
from server_stub.models import AuditEntry, Person
from tests.conftest import LiveServer
from tests.server.conftest import ServerFactory, add_person, auth, error, signed_in


def test_malformed_json(client: httpx.Client) -> None:
    r = client.post("/api/auth/login", content=b'{"email": "a@example.org", "pass',
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    detail = error(r)
    assert detail["code"] == "malformed_json"
    assert detail["message"] == "Le corps de la requête n'est pas un document JSON valide."
    r = client.post("/api/auth/login", content=b"\xff\xfe\x00garbage",
                    headers={"Content-Type": "application/json"})
    assert r.status_code in (400, 422)


@pytest.mark.parametrize("body, field, message", [
    ({"email": 3, "password": "x"}, "email",
     "Le champ « adresse électronique » doit être un texte."),
    ({"email": "a@example.org"}, "password", "Le champ « mot de passe » est obligatoire."),
    ({"email": "a@example.org", "password": "x", "admin": True}, "admin",
     "Le champ « admin » n'est pas attendu."),
    ({"email": "a@example.org", "password": ""}, "password",
     "Le champ « mot de passe » doit contenir au moins 1 caractère(s)."),
    ({"email": "a@example.org", "password": "x" * 201}, "password",
     "Le champ « mot de passe » ne doit pas dépasser 200 caractères."),
])
def test_wrong_types_name_the_field_in_french(client: httpx.Client, body: dict[str, Any],
                                              field: str, message: str) -> None:
    r = client.post("/api/auth/login", json=body)
    assert r.status_code == 422
    detail = error(r)
    assert (detail["code"], detail["field"], detail["message"]) == (
        "invalid_request", field, message)


def test_wrong_date_and_body_shape(client: httpx.Client) -> None:
    r = client.post("/api/auth/identity", json={"last_name": "A", "first_name": "B",
                                                "birth_date": "14/03/2000"})
    assert r.status_code == 422
    assert error(r)["message"] == "Le champ « date de naissance » doit être une date (AAAA-MM-JJ)."
    for body in ([1, 2], "texte", 12, None):
        r = client.post("/api/auth/login", json=body)
        assert r.status_code == 422, body
        assert error(r)["code"] == "invalid_request"
    r = client.post("/api/auth/login")
    assert r.status_code == 422
    assert error(r)["message"] == "Le corps de la requête est obligatoire."


def test_query_parameters_and_huge_numbers(live_server: LiveServer,
                                           client: httpx.Client) -> None:
    _, staff = signed_in(live_server, client, role="staff")
    r = client.get("/api/staff/audit", params={"limit": "beaucoup"}, headers=auth(staff))
    assert r.status_code == 422
    assert error(r)["message"] == "Le champ « limite » doit être un nombre entier."
    r = client.get("/api/staff/audit", params={"limit": 100000}, headers=auth(staff))
    assert r.status_code == 422
    r = client.get("/api/staff/audit", params={"before_id": 10**30}, headers=auth(staff))
    assert r.status_code == 422
    r = client.post("/api/staff/messages", headers=auth(staff),
                    json={"text": "x", "campaign_id": 10**30})
    assert r.status_code == 422 and error(r)["field"] == "campaign_id"
    r = client.post("/api/staff/messages", headers=auth(staff),
                    json={"text": "x", "campaign_id": 999})
    assert r.status_code == 404 and error(r)["field"] == "campaign_id"
    r = client.post("/api/staff/identities", headers=auth(staff),
                    json=[{"last_name": "A", "first_name": "B", "birth_date": "2000-01-01",
                           "role": "roi"}])
    assert r.status_code == 422
    detail = error(r)
    assert detail["field"] == "[0].role"
    assert detail["message"].startswith("Le champ « rôle » (ligne 1) doit valoir : ")


def test_oversized_bodies_get_413(server_factory: ServerFactory) -> None:
    live = server_factory(max_body_bytes=10_000)
    big = {"email": "a@example.org", "password": "x" * 20_000}
    with httpx.Client(base_url=live.url, timeout=10) as client:
        r = client.post("/api/auth/login", json=big)
        assert r.status_code == 413
        detail = error(r)
        assert detail["code"] == "too_large" and "trop volumineuse" in detail["message"]

        def chunks() -> Any:  # no Content-Length: the limit is enforced while reading
            for _ in range(30):
                yield b"x" * 1000

        r = client.post("/api/auth/login", content=chunks(),
                        headers={"Content-Type": "application/json"})
        assert r.status_code == 413
        assert client.get("/api/health").status_code == 200


def test_unknown_route_and_method(client: httpx.Client) -> None:
    r = client.get("/api/nulle-part")
    assert r.status_code == 404 and error(r)["code"] == "not_found"
    r = client.delete("/api/health")
    assert r.status_code == 405 and error(r)["code"] == "method_not_allowed"


GARBAGE: list[Any] = [None, [], {}, "", "x" * 300, 0, -1, 10**40, 1.5, True,
                      {"a": {"b": [1, {"c": None}]}}, ["\u0000"], {"email": None}]


def test_garbage_everywhere_never_500(live_server: LiveServer, client: httpx.Client) -> None:
    _, staff = signed_in(live_server, client, role="staff")
    routes = [(m, p) for p, ops in client.get("/openapi.json").json()["paths"].items()
              for m in ops if p != "/api/events"]
    assert len(routes) > 15
    for method, path in routes:
        for body in GARBAGE:
            r = client.request(method, path, json=body, headers=auth(staff))
            assert r.status_code < 500, (method, path, body, r.text)
            if r.status_code >= 400:
                assert error(r)["message"]
    assert client.get("/api/health").status_code == 200


def test_field_values_never_500(live_server: LiveServer, client: httpx.Client) -> None:
    add_person(live_server)
    base = {"last_name": "Lefèvre", "first_name": "Camille", "birth_date": "2000-03-14",
            "birth_town": "Lyon", "email": "c@example.org", "password": "Motdepasse1",
            "secret_question": "Q ?", "secret_answer": "Pollux",
            "terms_accepted": accounts.terms().version}
    for field in base:
        for value in ["", " ", "\u0000", "é" * 100, "🙂" * 50, 0, None, [], {},
                      "0000-00-00", "9999-12-31", "'; DROP TABLE person; --"]:
            r = client.post("/api/auth/register", json={**base, field: value})
            assert r.status_code < 500, (field, value, r.text)


def test_refused_requests_write_nothing(live_server: LiveServer, client: httpx.Client) -> None:
    _, staff = signed_in(live_server, client, role="staff")
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        before = s.scalar(select(func.count(Person.id)))
    rows = [{"last_name": "Durand", "first_name": "Paul", "birth_date": "1999-01-01",
             "email": "paul@example.org"},
            {"last_name": "Durand", "first_name": "Jeanne", "birth_date": "1999-01-02",
             "email": "PAUL@example.org"}]  # the second row's address is taken by the first
    r = client.post("/api/staff/identities", json=rows, headers=auth(staff))
    assert r.status_code == 409
    assert (error(r)["code"], error(r)["field"]) == ("email_taken", "[1].email")
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        assert s.scalar(select(func.count(Person.id))) == before
        assert s.scalar(select(func.count(AuditEntry.id)).where(
            AuditEntry.action == "identities_imported")) == 0


def test_unexpected_errors_leak_no_traceback(tmp_path: Path) -> None:
    from server_stub.app import create_app
    from tests.conftest import server_settings

    app = create_app(server_settings(tmp_path))

    def boom() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/boom", boom)
    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get("/boom")

    r = asyncio.run(call())
    assert r.status_code == 500
    assert error(r)["code"] == "internal_error"
    assert "secret internals" not in r.text and "Traceback" not in r.text
