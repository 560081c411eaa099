"""Server errors found by fuzzing (issue 12), each pinned over real HTTP on loopback.

A receipt with foreign characters, an unexpected exception and the keep-alive connection
it used to kill, control characters in text, and the address the login throttle sees.
"""

from __future__ import annotations

import logging
import typing
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from pydantic import BaseModel
from sqlalchemy import func, select

from server_stub.api import ROUTERS
from server_stub.core.schemas import RequestModel
from server_stub.models import Campaign, Person
from tests.conftest import LiveServer
from tests.server.conftest import auth, error, registration, signed_in
from tests.server.test_amphi_support import INTERNS_HEADER, csv_file
from tests.server.test_national import build_campaign

# --------------------------------------------------------------------------- receipts


@pytest.mark.parametrize("field", ["digest", "signature"])
@pytest.mark.parametrize("foreign", ["é", "\u00a0", "🙂", "ß"])
def test_receipt_with_non_ascii_is_refused_with_a_reason(
        live_server: LiveServer, client: httpx.Client, field: str, foreign: str) -> None:
    c = build_campaign(live_server, client, students=[(1, "general", True)])
    student = c.students[1]
    receipt = c.put_wishes(student, [c.cell("LYON", "Cardiologie")]).json()["receipt"]
    assert c.client.post(c.url("/receipts/verify"), json=receipt).json()["valid"] is True

    tampered = {**receipt, field: receipt[field][:-1] + foreign}
    r = c.client.post(c.url("/receipts/verify"), json=tampered)
    assert r.status_code == 422, r.text
    detail = error(r)
    assert (detail["code"], detail["field"]) == ("invalid_request", field)
    label = {"digest": "empreinte", "signature": "signature"}[field]
    assert detail["message"] == (f"Le champ « {label} » ne doit contenir que des chiffres "
                                 "hexadécimaux (0-9, a-f).")
    # Upper-case hex is still the same receipt.
    upper = {**receipt, field: receipt[field].upper()}
    assert c.client.post(c.url("/receipts/verify"), json=upper).json()["valid"] is True


# --------------------------------------------------------------------------- unexpected errors


def _local_port(response: httpx.Response) -> int:
    """The client-side port of the connection that carried `response`."""
    stream = response.extensions["network_stream"]
    return int(stream.get_extra_info("socket").getsockname()[1])


def test_a_500_keeps_the_keep_alive_connection_usable(
        live_server: LiveServer, caplog: pytest.LogCaptureFixture) -> None:
    """No route fails on purpose, so a test-only one is added to the real app."""

    def explode() -> None:
        raise RuntimeError("secret internals")

    live_server.app.add_api_route("/api/test-explode", explode)  # type: ignore[attr-defined]
    caplog.set_level(logging.INFO)
    with httpx.Client(base_url=live_server.url, timeout=10) as client:
        for _ in range(5):  # a reset used to be a race: repeat so it cannot hide
            r = client.get("/api/test-explode")
            assert r.status_code == 500
            assert error(r) == {"code": "internal_error", "field": None, "retry_after": None,
                                "message": "Erreur interne du serveur : l'incident a été "
                                           "enregistré."}
            assert "secret internals" not in r.text and "Traceback" not in r.text
            assert r.headers.get("connection", "").lower() != "close"
            ok = client.get("/api/health")  # at once, on the same connection
            assert ok.status_code == 200
            assert _local_port(ok) == _local_port(r)
    logged = [rec for rec in caplog.records if rec.name == "server_stub.app"
              and rec.exc_info and "secret internals" in str(rec.exc_info[1])]
    assert len(logged) == 5 and logged[0].levelno == logging.ERROR
    assert "/api/test-explode" in logged[0].getMessage()
    assert not [rec for rec in caplog.records if "Exception in ASGI" in rec.getMessage()]


# --------------------------------------------------------------------------- control characters

AMPHI_CAMPAIGN = {"name": "ARS — choix de mai", "region": "Auvergne-Rhône-Alpes",
                  "semester": "mai", "normal_seniority": {"2023": 4}}
IDENTITY_ROW = {"last_name": "Durand", "first_name": "Paul", "birth_date": "1999-01-01"}


def _refusals(staff: dict[str, str], student: dict[str, str]) -> list[tuple[Any, ...]]:
    """(method, url, headers, body, field, message) across the procedures."""
    return [
        # accounts: a NUL, PostgreSQL's refusal, in a name
        ("POST", "/api/auth/register", None, registration(last_name="Du\x00pont"),
         "last_name", "Le champ « nom » ne doit pas contenir de caractère de contrôle "
                      "(U+0000)."),
        ("PATCH", "/api/me", student, {"phone": "06 12\n34"}, "phone",
         "Le champ « téléphone » ne doit pas contenir de retour à la ligne."),
        ("PATCH", "/api/me", student, {"address": "12 rue Garibaldi\x00"}, "address",
         "Le champ « adresse postale » ne doit pas contenir de caractère de contrôle "
         "(U+0000)."),  # multi-line, yet still no NUL
        ("POST", "/api/staff/identities", staff,
         [IDENTITY_ROW, {**IDENTITY_ROW, "first_name": "Ca\x1bmille"}], "[1].first_name",
         "Le champ « prénom » (ligne 2) ne doit pas contenir de caractère de contrôle "
         "(U+001B)."),
        ("POST", "/api/staff/messages", staff, {"text": "Bonjour\x7f"}, "text",
         "Le champ « texte » ne doit pas contenir de caractère de contrôle (U+007F)."),
        # national
        ("POST", "/api/national", staff, {"name": "EDN\t2027", "hotline": "01 77 35 61 80"},
         "name", "Le champ « nom » ne doit pas contenir de tabulation."),
        ("GET", "/api/national/%01", None, None, "campaign_id",
         "Le champ « campagne » ne doit pas contenir de caractère de contrôle (U+0001)."),
        # amphi
        ("POST", "/api/staff/amphi/campaigns", staff, {**AMPHI_CAMPAIGN, "semester": "mai\r"},
         "semester", None),
        ("POST", "/api/staff/amphi/campaigns", staff,
         {**AMPHI_CAMPAIGN, "normal_seniority": {"20\x0023": 4}}, "normal_seniority", None),
        ("GET", "/api/amphi/campaigns/1/assignments?group=Chirurgie&group=Psy%00", staff, None,
         "group", None),
        # matching
        ("POST", "/api/matching/campaigns", staff, {"name": "Appariement\n2027"}, "name",
         "Le champ « nom » ne doit pas contenir de retour à la ligne."),
        ("GET", "/api/matching/campaigns/1/posts?q=cardio%08", staff, None, "q", None),
    ]


def _models_in(annotation: object) -> set[type[BaseModel]]:
    """Every pydantic model an annotation holds, nested fields included."""
    found: set[type[BaseModel]] = set()
    pending = [annotation]
    while pending:
        current = pending.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            if current not in found:
                found.add(current)
                pending.extend(f.annotation for f in current.model_fields.values())
        else:
            pending.extend(typing.get_args(current))
    return found


def test_every_request_model_carries_the_check() -> None:
    """The check is central only if every request model inherits it: a new one must too."""
    models: set[type[BaseModel]] = set()
    for router in ROUTERS:
        for route in router.routes:
            if isinstance(route, APIRoute):
                pending = [route.dependant]
                while pending:
                    dependant = pending.pop()
                    pending.extend(dependant.dependencies)
                    for param in (*dependant.body_params, *dependant.query_params):
                        models |= _models_in(param.field_info.annotation)
    assert len(models) > 50
    assert {"RegistrationCreate", "NationalCampaignCreate", "AmphiMessageIn",
            "PostFilter"} <= {m.__name__ for m in models}
    assert sorted(m.__name__ for m in models if not issubclass(m, RequestModel)) == []


def test_control_characters_are_refused_in_every_procedure(live_server: LiveServer,
                                                           client: httpx.Client) -> None:
    _, staff_token = signed_in(live_server, client, role="staff")
    _, student_token = signed_in(live_server, client, role="student")
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        people = s.scalar(select(func.count(Person.id)))
    for method, url, headers, body, field, message in _refusals(auth(staff_token),
                                                                auth(student_token)):
        r = client.request(method, url, headers=headers, json=body)
        assert r.status_code == 422, (url, body, r.text)
        detail = error(r)
        assert (detail["code"], detail["field"]) == ("invalid_request", field), (url, detail)
        assert message is None or detail["message"] == message, detail
        assert "ne doit pas contenir" in detail["message"]
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        assert s.scalar(select(func.count(Campaign.id))) == 0
        assert s.scalar(select(func.count(Person.id))) == people


def test_multi_line_texts_keep_their_lines(live_server: LiveServer, client: httpx.Client) -> None:
    """Messages, descriptions and a postal address are multi-line: tab and breaks stay."""
    _, staff = signed_in(live_server, client, role="staff")
    _, student = signed_in(live_server, client, role="student")
    address = "Résidence Les Tilleuls\r\n12 rue Garibaldi\n69003\tLyon"
    r = client.patch("/api/me", headers=auth(student), json={"address": address})
    assert r.status_code == 200, r.text
    assert client.get("/api/me", headers=auth(student)).json()["address"] == address
    r = client.post("/api/staff/messages", headers=auth(staff),
                    json={"text": "Bonjour,\n\tl'amphithéâtre ouvre demain."})
    assert r.status_code in (200, 201), r.text


def test_import_cells_with_control_characters_refuse_the_file(live_server: LiveServer,
                                                              client: httpx.Client) -> None:
    _, token = signed_in(live_server, client, role="staff")
    staff = auth(token)
    r = client.post("/api/national", headers=staff, json={"name": "EDN", "hotline": "01"})
    assert r.status_code == 201, r.text
    national = r.json()["id"]
    lines = ["rang;nom;prénom;date de naissance;INE;contingent",
             "1;Martin;Léa;01/01/2000;0000000001A;", "2;Petit\x01;Hugo;01/01/2000;0000000002A;"]
    r = client.post(f"/api/national/{national}/staff/students", headers=staff,
                    files=csv_file("\n".join(lines)))
    assert r.status_code == 422, r.text
    assert error(r) == {"code": "forbidden_character", "field": "file", "retry_after": None,
                        "message": "Ligne 3, colonne « nom » : le fichier ne doit pas "
                                   "contenir de caractère de contrôle (U+0001)."}

    r = client.post("/api/staff/amphi/campaigns", headers=staff, json=AMPHI_CAMPAIGN)
    assert r.status_code == 201, r.text
    imports = f"/api/staff/amphi/campaigns/{r.json()['id']}/imports/interns"
    line = ("{last};Jeanne;01/02/1998;INE0001X;PNEU;Spécialités médicales;approfondissement;"
            "UFR de Lyon;2023;4;1;10")

    def interns(last: str) -> dict[str, Any]:
        return csv_file(INTERNS_HEADER + "\n" + line.format(last=last) + "\n")

    r = client.post(imports, headers=staff, files=interns("Roux\x7f"))
    assert r.status_code == 422, r.text
    assert error(r)["field"] == "file" and "Ligne 2, colonne « nom »" in error(r)["message"]
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        assert s.scalar(select(Person.id).where(Person.first_name == "Jeanne")) is None
    # A line break typed inside a spreadsheet cell is layout: it becomes a space.
    r = client.post(imports, headers=staff, files=interns('"Roux\r\nDupuis"'))
    assert r.status_code == 200 and r.json()["created"] == 1, r.text
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        names = s.scalars(select(Person.last_name).where(Person.first_name == "Jeanne")).all()
    assert [n.casefold() for n in names] == ["roux dupuis"]


# --------------------------------------------------------------------------- CSV imports

# What the OpenAPI fuzz sent (tests/server/test_fuzz_openapi.py): a carriage return inside
# an unquoted CSV field made the csv module raise, and the import answered 500.
FUZZED_FILE = b"\xc2\x8a\xf3\xa5\xb3\x9f\xc3\x89\r\xc3\xb2\xc2\xb9\xc3\xb9<\xc2\xb06Q"
HUGE_CELL = ("Subdivision;Spécialité;Postes\r\nLYON;" + "x" * 200_000 + ";2\r\n").encode()


def test_csv_imports_read_bare_carriage_returns_and_refuse_what_they_cannot_read(
        live_server: LiveServer, client: httpx.Client) -> None:
    _, token = signed_in(live_server, client, role="staff")
    staff = auth(token)
    r = client.post("/api/national", headers=staff, json={"name": "EDN", "hotline": "01"})
    national = f"/api/national/{r.json()['id']}/staff/offer"
    r = client.post("/api/staff/amphi/campaigns", headers=staff, json=AMPHI_CAMPAIGN)
    amphi = f"/api/staff/amphi/campaigns/{r.json()['id']}/imports/services"
    for url in (national, amphi):
        for content in (FUZZED_FILE, HUGE_CELL):
            r = client.post(url, headers=staff, files={"file": ("import.csv", content)})
            assert r.status_code == 422, (url, r.text)
            assert error(r)["field"] == "file" and error(r)["message"]
    # Lines ended by a lone CR (an old Mac export) are lines.
    offer = "Subdivision;Spécialité;Postes\rLYON;Cardiologie;2\rREIMS;Pédiatrie;1\r"
    r = client.post(national, headers=staff, files=csv_file(offer))
    assert r.status_code == 200 and r.json()["created"] == 2, r.text
    assert not r.json()["rejected"]


# --------------------------------------------------------------------------- dates


def test_dates_out_of_any_sensible_range_are_refused(live_server: LiveServer,
                                                     client: httpx.Client) -> None:
    """What the fuzz sent: 0001-01-01T00:00+01:00 is before year 1 once in UTC, and the
    receipt check answered 500 (OverflowError)."""
    c = build_campaign(live_server, client, students=[(1, "general", True)])
    receipt = c.put_wishes(c.students[1], [c.cell("LYON", "Cardiologie")]).json()["receipt"]
    for at in ("0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00",
               "1899-12-31T23:59:59Z"):
        r = c.client.post(c.url("/receipts/verify"), json={**receipt, "at": at})
        assert r.status_code == 422, (at, r.text)
        assert (error(r)["field"], error(r)["message"]) == (
            "at", "Le champ « at » doit être une date entre les années 1900 et 2199.")
    r = client.post("/api/auth/identity", json={"last_name": "Martin", "first_name": "Léa",
                                                 "birth_date": "0001-01-01"})
    assert r.status_code == 422 and error(r)["field"] == "birth_date"
    assert c.client.post(c.url("/receipts/verify"), json=receipt).json()["valid"] is True
