"""Helpers for the server tests: real servers, the outbox, people written to the real database.

Servers here use cheap Argon2 parameters (the defaults stay secure); everything else is
the production code path: uvicorn on a loopback port, a SQLite file, real HTTP.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from datetime import date
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import httpx
import pytest

from server_stub.core import accounts
from server_stub.core.security import hash_password, hash_secret_answer
from server_stub.models import Person
from tests.conftest import LiveServer, start_live_server

FAST_HASHING: dict[str, Any] = {"argon2_time_cost": 1, "argon2_memory_kib": 1024,
                                "argon2_parallelism": 1}
PASSWORD = "Motdepasse1"
_seq = itertools.count(1)
ServerFactory = Callable[..., LiveServer]


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[ServerFactory]:
    """Start servers with setting overrides (each with its own data directory)."""
    running: list[tuple[Any, Any]] = []

    def start(**overrides: Any) -> LiveServer:
        live, server, thread = start_live_server(tmp_path / f"server{len(running)}",
                                                 **{**FAST_HASHING, **overrides})
        running.append((server, thread))
        return live

    yield start
    for server, _thread in running:
        server.should_exit = True
    for _server, thread in running:
        thread.join(timeout=10)
        assert not thread.is_alive(), "the server did not stop"


@pytest.fixture
def live_server(server_factory: ServerFactory) -> LiveServer:
    """The shared fixture's server, with cheap hashing."""
    return server_factory()


@pytest.fixture
def client(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=10) as c:
        yield c


# --------------------------------------------------------------------------- mail


def read_mail(path: Path) -> EmailMessage:
    with path.open("rb") as f:
        return BytesParser(policy=policy.default).parse(f)  # type: ignore[return-value]


def latest_mail(live: LiveServer, to: str | None = None) -> EmailMessage:
    """The newest outbox message (to `to` when given)."""
    for path in reversed(live.mails()):
        msg = read_mail(path)
        if to is None or msg["To"] == to:
            return msg
    raise AssertionError(f"no mail for {to!r} in {live.outbox}")


def mail_text(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    assert part is not None
    return part.get_content()  # type: ignore[no-any-return]


def mail_link(msg: EmailMessage) -> str:
    match = re.search(r"https?://\S+\?token=[\w-]+", mail_text(msg))
    assert match, mail_text(msg)
    return match.group(0)


def mail_token(live: LiveServer, to: str | None = None) -> str:
    """The token of the link in the newest mail."""
    return mail_link(latest_mail(live, to)).rsplit("token=", 1)[1]


# --------------------------------------------------------------------------- people


IDENTITY: dict[str, Any] = {"last_name": "Lefèvre", "first_name": "Camille",
                            "birth_date": "2000-03-14", "birth_town": "Lyon",
                            "ine": "0123456789A"}


def add_person(live: LiveServer, **fields: Any) -> int:
    """Write a person straight into the server's database; return his id."""
    values: dict[str, Any] = {**IDENTITY, **fields}
    if isinstance(values["birth_date"], str):
        values["birth_date"] = date.fromisoformat(values["birth_date"])
    password = values.pop("password", None)
    if password is not None:
        values["password_hash"] = hash_password(password)
        values.setdefault("secret_question", "Ville de naissance de ma grand-mère ?")
        values["secret_answer_hash"] = hash_secret_answer("Brest")
        values.setdefault("email_confirmed", True)
    with live.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        person = Person(**values)
        session.add(person)
        session.commit()
        return person.id


def registration(email: str = "camille@example.org", **overrides: Any) -> dict[str, Any]:
    return {**IDENTITY, "email": email, "password": PASSWORD,
            "secret_question": "Nom de mon premier chat ?", "secret_answer": "Pollux",
            "terms_accepted": accounts.terms().version, **overrides}


def login(client: httpx.Client, email: str, password: str = PASSWORD) -> str:
    """Sign in and return the bearer token (asserts success)."""
    r = client.post("/api/auth/login", json={"email": email, "password": password})
    assert r.status_code == 200, r.text
    return r.json()["token"]  # type: ignore[no-any-return]


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def signed_in(live: LiveServer, client: httpx.Client, *, role: str = "student",
              email: str | None = None, **fields: Any) -> tuple[int, str]:
    """A ready account (written directly) and a token from the real sign-in route."""
    email = email or f"{role}{next(_seq)}@example.org"
    person_id = add_person(live, role=role, email=email, password=PASSWORD, **fields)
    return person_id, login(client, email)


def error(response: httpx.Response) -> dict[str, Any]:
    """The documented error body's detail (asserts the shape)."""
    body = response.json()
    assert set(body) == {"error"}, body
    detail = body["error"]
    assert set(detail) == {"code", "message", "field", "retry_after"}, detail
    return detail  # type: ignore[no-any-return]
