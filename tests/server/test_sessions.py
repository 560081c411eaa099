"""Sign-in, throttling, token expiry and revocation, sign-in links, password reset."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import httpx
from sqlalchemy import select, update

from server_stub.core.clock import now
from server_stub.models import AuthSession, EmailToken, LoginAttempt
from tests.conftest import LiveServer, free_port
from tests.server.conftest import (
    FAST_HASHING,
    PASSWORD,
    ServerFactory,
    add_person,
    auth,
    error,
    latest_mail,
    login,
    mail_link,
    mail_text,
    mail_token,
)

ROOT = Path(__file__).resolve().parents[2]


def _expire(live: LiveServer, model: type[AuthSession] | type[EmailToken]) -> None:
    with live.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        s.execute(update(model).values(expires_at=now() - timedelta(seconds=1)))
        s.commit()


def test_login_throttled_per_account(live_server: LiveServer, client: httpx.Client) -> None:
    add_person(live_server, email="t@example.org", password=PASSWORD)
    for _ in range(5):
        r = client.post("/api/auth/login", json={"email": "t@example.org", "password": "Faux1234"})
        assert r.status_code == 401
        detail = error(r)
        assert detail["code"] == "bad_credentials"
        assert detail["message"] == "Adresse électronique ou mot de passe incorrect."
    # Sixth attempt: refused before the password is even looked at, right or wrong.
    r = client.post("/api/auth/login", json={"email": "T@example.org", "password": PASSWORD})
    assert r.status_code == 429
    detail = error(r)
    assert detail["code"] == "too_many_attempts"
    assert 0 < detail["retry_after"] <= 300
    assert r.headers["retry-after"] == str(detail["retry_after"])
    assert "Trop de tentatives" in detail["message"]

    # Another account from the same address is not affected (per-address limit is higher).
    add_person(live_server, last_name="Autre", ine="2", email="u@example.org", password=PASSWORD)
    login(client, "u@example.org")

    token = login(client, "u@example.org")
    actions = [a["action"] for a in
               client.get("/api/me/activity", headers=auth(token)).json()]
    assert actions[:2] == ["login", "login"]


def _throttled_addresses(live: LiveServer) -> set[str]:
    """The addresses the per-address login throttle has counted failures for."""
    with live.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        keys = s.scalars(select(LoginAttempt.key)).all()
    return {k.removeprefix("address:") for k in keys if k.startswith("address:")}


def test_login_throttled_per_address_behind_a_declared_proxy(
        server_factory: ServerFactory) -> None:
    # The proxy on loopback is declared: the addresses it forwards are the clients'.
    live = server_factory(login_max_failures_per_address=3, forwarded_allow_ips="127.0.0.1")
    add_person(live, email="v@example.org", password=PASSWORD)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        here, there = {"X-Forwarded-For": "10.0.0.1"}, {"X-Forwarded-For": "10.0.0.2"}
        for i in range(3):
            r = client.post("/api/auth/login", headers=here,
                            json={"email": f"inconnu{i}@example.org", "password": "x"})
            assert r.status_code == 401
        r = client.post("/api/auth/login", headers=here,
                        json={"email": "v@example.org", "password": PASSWORD})
        assert r.status_code == 429 and error(r)["code"] == "too_many_attempts"
        r = client.post("/api/auth/login", headers=there,
                        json={"email": "v@example.org", "password": PASSWORD})
        assert r.status_code == 200
    assert _throttled_addresses(live) == {"10.0.0.1"}


def _spoofing_is_throttled(url: str) -> None:
    """Failures from loopback, each claiming another address, still count as loopback's."""
    with httpx.Client(base_url=url, timeout=10) as client:
        for i in range(3):
            r = client.post("/api/auth/login", headers={"X-Forwarded-For": f"10.0.1.{i}"},
                            json={"email": f"inconnu{i}@example.org", "password": "x"})
            assert r.status_code == 401, r.text
        r = client.post("/api/auth/login", headers={"X-Forwarded-For": "10.0.1.99"},
                        json={"email": "v@example.org", "password": PASSWORD})
        assert r.status_code == 429 and error(r)["code"] == "too_many_attempts"


def test_spoofed_forwarded_for_does_not_escape_the_throttle(
        server_factory: ServerFactory) -> None:
    # No proxy declared (the default): X-Forwarded-For is nobody's word, not even loopback's.
    live = server_factory(login_max_failures_per_address=3)
    add_person(live, email="v@example.org", password=PASSWORD)
    _spoofing_is_throttled(live.url)
    assert _throttled_addresses(live) == {"127.0.0.1"}


def test_the_command_line_server_ignores_forwarded_for_by_default(tmp_path: Path) -> None:
    """`amphi-server serve` passes the setting to uvicorn (whose own default trusts
    loopback)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k.upper() != "FORWARDED_ALLOW_IPS"}
    env.update({"DATA_DIR": str(tmp_path), "LOGIN_MAX_FAILURES_PER_ADDRESS": "3",
                **{k.upper(): str(v) for k, v in FAST_HASHING.items()}})
    proc = subprocess.Popen(
        [sys.executable, "-m", "server_stub", "serve", "--port", str(port),
         "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/api/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, "server did not start"
            time.sleep(0.1)
        _spoofing_is_throttled(url)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_expired_unknown_and_missing_tokens(live_server: LiveServer,
                                            client: httpx.Client) -> None:
    add_person(live_server, email="e@example.org", password=PASSWORD)
    token = login(client, "e@example.org")
    assert client.get("/api/me", headers=auth(token)).status_code == 200

    r = client.get("/api/me")
    assert r.status_code == 401 and error(r)["code"] == "not_authenticated"
    assert r.headers["www-authenticate"] == "Bearer"
    r = client.get("/api/me", headers=auth("n'importe-quoi"))
    assert r.status_code == 401 and error(r)["code"] == "not_authenticated"

    _expire(live_server, AuthSession)
    r = client.get("/api/me", headers=auth(token))
    assert r.status_code == 401
    detail = error(r)
    assert detail["code"] == "session_expired"
    assert detail["message"] == "Votre session a expiré : veuillez vous reconnecter."


def test_logout_revokes_the_token(live_server: LiveServer, client: httpx.Client) -> None:
    add_person(live_server, email="l@example.org", password=PASSWORD)
    token, other = login(client, "l@example.org"), login(client, "l@example.org")
    r = client.post("/api/auth/logout", headers=auth(token))
    assert r.status_code == 204
    r = client.get("/api/me", headers=auth(token))
    assert r.status_code == 401 and error(r)["code"] == "not_authenticated"
    assert client.post("/api/auth/logout", headers=auth(token)).status_code == 401
    assert client.get("/api/me", headers=auth(other)).status_code == 200  # only that session
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        hashes = list(s.scalars(select(AuthSession.token_hash)))
    assert token not in hashes and all(len(h) == 64 for h in hashes)  # stored hashed


def test_signin_link_single_use(live_server: LiveServer, client: httpx.Client) -> None:
    # An RTS imported with an email and no password signs in with mailed links.
    person_id = add_person(live_server, role="supervisor", email="rts@example.org")
    r = client.post("/api/auth/signin-link", json={"email": "RTS@example.org"})
    assert r.status_code == 202
    msg = latest_mail(live_server)
    assert msg["Subject"] == "Votre lien de connexion"
    assert "n'est valide que 30 minutes et ne peut être utilisé qu'une seule fois" in (
        mail_text(msg))
    link = mail_link(msg)
    page = httpx.get(link)
    assert page.status_code == 200 and "Copier le code" in page.text
    token = link.rsplit("token=", 1)[1]
    assert token in page.text  # the page shows the code, and does not use it

    r = client.post("/api/auth/signin-link/redeem", json={"token": token})
    assert r.status_code == 200, r.text
    session = r.json()
    assert session["profile"]["id"] == person_id and session["profile"]["role"] == "supervisor"
    assert client.get("/api/me", headers=auth(session["token"])).status_code == 200

    r = client.post("/api/auth/signin-link/redeem", json={"token": token})
    assert r.status_code == 400 and error(r)["code"] == "invalid_token"
    assert httpx.get(link).status_code == 400


def test_signin_link_expires_and_only_latest_counts(live_server: LiveServer,
                                                    client: httpx.Client) -> None:
    add_person(live_server, email="x@example.org", password=PASSWORD)
    client.post("/api/auth/signin-link", json={"email": "x@example.org"})
    first = mail_token(live_server)
    client.post("/api/auth/signin-link", json={"email": "x@example.org"})
    second = mail_token(live_server)
    r = client.post("/api/auth/signin-link/redeem", json={"token": first})
    assert r.status_code == 400 and error(r)["code"] == "invalid_token"

    _expire(live_server, EmailToken)
    r = client.post("/api/auth/signin-link/redeem", json={"token": second})
    assert r.status_code == 400 and error(r)["code"] == "invalid_token"


def test_signin_link_for_unknown_address_sends_nothing(live_server: LiveServer,
                                                       client: httpx.Client) -> None:
    r = client.post("/api/auth/signin-link", json={"email": "personne@example.org"})
    assert r.status_code == 202
    r = client.post("/api/auth/password-reset", json={"email": "personne@example.org"})
    assert r.status_code == 202
    assert live_server.mails() == []


def test_password_reset_through_the_page(live_server: LiveServer, client: httpx.Client) -> None:
    add_person(live_server, email="r@example.org", password=PASSWORD)
    old_session = login(client, "r@example.org")
    assert client.post("/api/auth/password-reset",
                       json={"email": "r@example.org"}).status_code == 202
    msg = latest_mail(live_server)
    assert msg["Subject"] == "Réinitialisation de votre mot de passe"
    link = mail_link(msg)
    token = link.rsplit("token=", 1)[1]

    form = httpx.get(link)
    assert form.status_code == 200 and "<form" in form.text
    assert re.search(r'name="token" value="[\w-]+"', form.text)
    post = f"{live_server.url}/pages/reset-password"
    page = httpx.post(post, data={"token": token, "password": "faible", "confirm": "faible"})
    assert page.status_code == 422 and "au moins 8 caractères" in page.text
    page = httpx.post(post, data={"token": token, "password": "Nouveau2026",
                                  "confirm": "Nouveau2027"})
    assert page.status_code == 422 and "différents" in page.text
    page = httpx.post(post, data={"token": token, "password": "Nouveau2026",
                                  "confirm": "Nouveau2026"})
    assert page.status_code == 200 and "Mot de passe enregistré" in page.text

    assert client.get("/api/me", headers=auth(old_session)).status_code == 401
    r = client.post("/api/auth/login", json={"email": "r@example.org", "password": PASSWORD})
    assert r.status_code == 401
    login(client, "r@example.org", "Nouveau2026")
    again = httpx.post(post, data={"token": token, "password": "Autre2026x",
                                   "confirm": "Autre2026x"})
    assert again.status_code == 400


def test_password_reset_through_the_api(live_server: LiveServer, client: httpx.Client) -> None:
    add_person(live_server, email="q@example.org", password=PASSWORD)
    client.post("/api/auth/password-reset", json={"email": "q@example.org"})
    token = mail_token(live_server)
    r = client.post("/api/auth/password-reset/confirm",
                    json={"token": token, "password": "sansmajuscule1"})
    assert r.status_code == 422
    assert (error(r)["code"], error(r)["field"]) == ("weak_password", "password")
    r = client.post("/api/auth/password-reset/confirm",
                    json={"token": token, "password": "Nouveau2026"})
    assert r.status_code == 200 and r.json() == {"email": "q@example.org"}
    r = client.post("/api/auth/password-reset/confirm",
                    json={"token": token, "password": "Nouveau2027"})
    assert r.status_code == 400 and error(r)["code"] == "invalid_token"
    login(client, "q@example.org", "Nouveau2026")
