"""Server errors found by fuzzing (issue 12), each pinned over real HTTP on loopback.

A receipt with foreign characters, an unexpected exception and the keep-alive connection
it used to kill, control characters in text, and the address the login throttle sees.
"""

from __future__ import annotations

import logging

import httpx
import pytest

from tests.conftest import LiveServer
from tests.server.conftest import error
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
