"""The typed API client against a real server, and its French errors for every failure."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.api.client import (
    ApiClient,
    ApiError,
    AuditEntry,
    Campaign,
    Identity,
    Profile,
    decode,
    encode,
    normalize_server_url,
)
from tests.conftest import free_port
from tests.desktop.conftest import (
    PASSWORD,
    RestartableServer,
    add_person,
    mail_link,
    signal_future,
)

Run = Callable[..., Any]


@pytest.fixture
def api(qloop: Any, server: RestartableServer) -> Iterator[ApiClient]:
    client = ApiClient(server.url)
    yield client
    qloop.run_until_complete(client.aclose())


def test_a_whole_account_life_through_the_client(arun: Run, api: ApiClient,
                                                 server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, password=None, campaign=("national", "student"))
    identity = Identity("Lefèvre", "Camille", date(2000, 3, 14), birth_town="LYON")

    async def scenario() -> None:
        health = await api.health()
        assert health.status == "ok" and isinstance(health.time, datetime)
        await api.check_identity(identity)
        terms = await api.terms()
        registration = await api.register(identity, email="Camille@Example.org",
                                          password=PASSWORD, secret_question="Chat ?",
                                          secret_answer="Pollux",
                                          terms_accepted=terms.version)
        assert registration.email == "camille@example.org"
        with pytest.raises(ApiError) as refused:
            await api.login("camille@example.org", PASSWORD)
        assert refused.value.code == "email_not_confirmed" and refused.value.status == 403
        assert server.live is not None
        token = mail_link(server.live, "camille@example.org").rsplit("token=", 1)[1]
        assert await api.confirm_email(token) == "camille@example.org"

        signed = await api.login("camille@example.org", PASSWORD)
        api.token = signed.token
        assert isinstance(signed.profile, Profile)
        assert signed.profile.birth_date == date(2000, 3, 14)
        assert signed.profile.campaigns[0].kind == "national"
        assert signed.profile.roles == {"student"}

        profile = await api.update_contact(phone="06 12 34 56 78", email="neuf@example.org")
        assert profile.phone == "06 12 34 56 78"
        assert profile.pending_email == "neuf@example.org"
        assert profile.email == "camille@example.org"
        profile = await api.update_secret(PASSWORD, "Ville ?", "Brest")
        assert profile.secret_question == "Ville ?"
        await api.change_password(PASSWORD, "Nouveau2026")
        campaigns = await api.list_campaigns()
        assert [c.my_role for c in campaigns] == ["student"]
        activity = await api.my_activity(limit=50)
        assert all(isinstance(e, AuditEntry) for e in activity)
        actions = [e.action for e in activity]
        assert actions[:3] == ["password_changed", "secret_changed", "contact_updated"]
        assert "register" in actions and "email_confirmed" in actions
        older = await api.my_activity(limit=2, before_id=activity[1].id)
        assert [e.id for e in older] == [e.id for e in activity[2:4]]
        await api.logout()
        with pytest.raises(ApiError) as gone:
            await api.get_profile()
        assert gone.value.status == 401 and gone.value.code == "not_authenticated"

    arun(scenario())


def test_server_refusals_keep_their_code_message_and_field(arun: Run, api: ApiClient,
                                                           server: RestartableServer) -> None:
    assert server.live is not None
    add_person(server.live, email="camille@example.org")

    async def scenario() -> None:
        with pytest.raises(ApiError) as bad:
            await api.login("camille@example.org", "Mauvais1")
        assert (bad.value.code, bad.value.status) == ("bad_credentials", 401)
        assert bad.value.message == "Adresse électronique ou mot de passe incorrect."
        assert not bad.value.offline
        with pytest.raises(ApiError) as weak:
            await api.register(Identity("Lefèvre", "Camille", date(2000, 3, 14), "Lyon"),
                               email="x@example.org", password="faible",
                               secret_question="Q ?", secret_answer="abc")
        # Registered already (the person has an account): refused before the password.
        assert weak.value.status in (409, 422)
        with pytest.raises(ApiError) as invalid:
            await api.redeem_signin_link("0123456789-unknown")
        assert invalid.value.code == "invalid_token" and invalid.value.field == "token"
        with pytest.raises(ApiError) as demo:
            await api.demo_accounts()
        assert demo.value.code == "not_found" and "démonstration" in demo.value.message

    arun(scenario())


def test_a_401_on_an_authenticated_call_emits_session_lost(arun: Run, api: ApiClient,
                                                          server: RestartableServer) -> None:
    async def scenario() -> None:
        api.token = "revoked-or-expired-token"
        lost = signal_future(api.session_lost)
        with pytest.raises(ApiError):
            await api.get_profile()
        (error,) = await asyncio.wait_for(lost, 5)
        assert error.status == 401
        assert api.token is None

    arun(scenario())


def test_unreachable_server_is_offline_with_a_french_message(arun: Run, qloop: Any) -> None:
    client = ApiClient(f"http://127.0.0.1:{free_port()}")

    async def scenario() -> None:
        changed = signal_future(client.online_changed)
        with pytest.raises(ApiError) as refused:
            await client.health()
        assert refused.value.offline and refused.value.code == "unreachable"
        assert refused.value.message == ("Le serveur est injoignable. Vérifiez votre "
                                         "connexion.")
        assert await asyncio.wait_for(changed, 5) == (False, refused.value.message)
        await client.aclose()

    arun(scenario())


def test_unknown_host_is_a_dns_error(arun: Run, qloop: Any) -> None:
    client = ApiClient("http://amphi.invalid")

    async def scenario() -> None:
        with pytest.raises(ApiError) as failed:
            await client.health()
        assert failed.value.code in ("dns", "unreachable")
        assert failed.value.offline
        assert "serveur" in failed.value.message
        await client.aclose()

    arun(scenario())


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A socket that accepts connections and never answers (a hung server)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(2)
    for conn in accepted:
        conn.close()
    listener.close()


def test_a_server_that_does_not_answer_times_out(arun: Run, qloop: Any,
                                                 silent_server: int) -> None:
    client = ApiClient(f"http://127.0.0.1:{silent_server}",
                       timeout=httpx.Timeout(0.3, connect=0.3))

    async def scenario() -> None:
        with pytest.raises(ApiError) as failed:
            await client.health()
        assert failed.value.code == "timeout" and failed.value.offline
        assert "délai dépassé" in failed.value.message
        await client.aclose()

    arun(scenario())


class _NotAmphi(BaseHTTPRequestHandler):
    """A web server that is not Amphi: 200 with HTML, or 502 from a "proxy"."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        status = 502 if self.path.startswith("/api/me") else 200
        body = b"<html><body>Bienvenue</body></html>"
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def not_amphi() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _NotAmphi)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_answers_that_are_not_amphi_json_become_french_errors(arun: Run, qloop: Any,
                                                              not_amphi: str) -> None:
    client = ApiClient(not_amphi)
    client.token = "t" * 20

    async def scenario() -> None:
        with pytest.raises(ApiError) as garbled:
            await client.health()
        assert garbled.value.code == "bad_response" and not garbled.value.offline
        assert "pas un serveur Amphi" in garbled.value.message
        with pytest.raises(ApiError) as gateway:
            await client.get_profile()
        assert gateway.value.status == 502 and gateway.value.offline
        assert gateway.value.message == "Le serveur est momentanément indisponible."
        await client.aclose()

    arun(scenario())


def test_decoding_checks_types_and_ignores_unknown_keys() -> None:
    data = {"id": 3, "kind": "amphi", "name": "ARS", "region": None, "state": "open",
            "extra": [1, 2]}
    assert decode(Campaign, data) == Campaign(id=3, kind="amphi", name="ARS", region=None,
                                              state="open", my_role=None)
    with pytest.raises(ApiError) as wrong:
        decode(Campaign, {**data, "id": "3"})
    assert wrong.value.code == "bad_response"
    with pytest.raises(ApiError):
        decode(Campaign, {k: v for k, v in data.items() if k != "name"})


def test_profiles_survive_the_local_cache_round_trip() -> None:
    profile = Profile(id=1, role="student", last_name="Lefèvre", first_name="Camille",
                      birth_date=date(2000, 3, 14), birth_town="Lyon", ine=None,
                      email="c@example.org", phone=None, address=None, faculty=None,
                      secret_question="Q ?",
                      campaigns=(Campaign(id=2, kind="national", name="EDN", region=None,
                                          state="wishes_open", my_role="student"),))
    assert decode(Profile, encode(profile)) == profile


@pytest.mark.parametrize(("typed", "expected"), [
    ("localhost:8000", "http://localhost:8000"),
    ("  https://amphi.example.fr/  ", "https://amphi.example.fr"),
    ("http://127.0.0.1:8000/api", "http://127.0.0.1:8000"),
    ("https://example.fr/amphi/api/", "https://example.fr/amphi"),
])
def test_server_addresses_are_normalised(typed: str, expected: str) -> None:
    assert normalize_server_url(typed) == expected


@pytest.mark.parametrize("typed", ["", "   ", "ftp://example.fr", "http://"])
def test_bad_server_addresses_are_refused_in_french(typed: str) -> None:
    with pytest.raises(ApiError) as refused:
        normalize_server_url(typed)
    assert refused.value.field == "server"
    assert "serveur" in refused.value.message


@given(st.text(max_size=60))
def test_any_typed_address_is_either_normalised_or_refused(text: str) -> None:
    try:
        url = normalize_server_url(text)
    except ApiError as exc:
        assert exc.field == "server"
    else:
        assert url.startswith(("http://", "https://")) and not url.endswith("/")
        assert normalize_server_url(url) == url
