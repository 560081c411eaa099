"""Property: whatever a client sends, the server never answers 5xx (issue 12).

schemathesis reads the server's own OpenAPI document and generates requests for every
operation, fitting the schema and breaking it; each goes over real HTTP to a server on
loopback holding the demo data, once with a staff token and once with the token of the
procedure's demo student (national: `etudiant`, amphitheatre: `interne`, matching:
`docteur`). Path ids are drawn from the demo's real ids as well as generated, so requests
reach the services and not only the 404 of an unknown id. Only a 5xx fails: refusals
(4xx) are what bad input should get.

The default bound keeps this around a minute on a slow machine; `make fuzz` raises it
(AMPHI_FUZZ_EXAMPLES). Generation is derandomized: the same cases on every run, so CI
does not flake and a failure comes back when the test is run again.

schemathesis's pytest plugin (`from_fixture`) does not run on pytest 9, so the test drives
Hypothesis itself with `APIOperation.as_strategy`, one operation after the other.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from server_stub.demo import load_demo
from server_stub.models import (
    Amphi,
    AmphiAssignment,
    AmphiFavourite,
    Campaign,
    Intern,
    MatchingCandidate,
    MatchingPost,
    MatchingRound,
    MatchingWave,
    NationalCell,
    Person,
    SavedSearch,
)
from tests.conftest import server_settings, start_live_server
from tests.server.conftest import FAST_HASHING

# Hypothesis examples per operation; `make fuzz` sets many more.
EXAMPLES = int(os.environ.get("AMPHI_FUZZ_EXAMPLES", "5"))
# The documented demo accounts (README).
ACCOUNTS = {"staff": ("ars@amphi.demo", "Agence2026"),
            "national": ("etudiant@amphi.demo", "Etudiant2026"),
            "amphi": ("interne@amphi.demo", "Interne2026"),
            "matching": ("docteur@amphi.demo", "Docteur2026")}
# The live event stream never ends (tests/server/test_events.py covers it).
SKIPPED = {"/api/events"}
SERVER: dict[str, Any] = {
    **FAST_HASHING,
    "demo_mode": True,  # GET /api/demo/accounts exists too
    # The fuzz fails sign-ins by the hundred from one address; its own must still pass.
    "login_max_failures": 10**6, "login_max_failures_per_address": 10**6,
}
_PATH_PARAMETER = re.compile(r"{(\w+)}")


def area(path: str) -> str:
    """The procedure an operation belongs to (its student is that procedure's)."""
    return next((a for a in ("national", "amphi", "matching") if f"/{a}" in path), "national")


@dataclass
class Target:
    """The server under fuzz, its demo accounts and real ids of its demo data."""

    url: str
    ids: dict[str, list[int]] = field(default_factory=dict)

    def token(self, account: str) -> str:
        """A fresh session token of a demo account."""
        email, password = ACCOUNTS[account]
        r = httpx.post(f"{self.url}/api/auth/login", json={"email": email, "password": password},
                       timeout=30)
        assert r.status_code == 200, r.text
        return str(r.json()["token"])

    def real(self, path: str, name: str) -> list[int]:
        """Real ids for a path parameter (campaigns by procedure); empty when unknown."""
        return self.ids.get(f"{area(path)}:{name}") or self.ids.get(name, [])


def known_ids(factory: sessionmaker[Session]) -> dict[str, list[int]]:
    """A few real ids per path parameter, the demo accounts' own among them."""
    with factory() as s:
        people = dict(s.execute(select(Person.email, Person.id).where(
            Person.email.in_([email for email, _ in ACCOUNTS.values()]))).all())

        def first(column: Any, *where: Any, n: int = 3) -> list[int]:
            return list(s.scalars(select(column).where(*where).order_by(column).limit(n)))

        ids = {f"{kind}:campaign_id": first(Campaign.id, Campaign.kind == kind)
               for kind in ("national", "amphi", "matching")}
        ids.update({
            "cell_id": first(NationalCell.id),
            "amphi_id": first(Amphi.id, n=5),
            "intern_id": first(Intern.id, Intern.person_id == people["interne@amphi.demo"])
            + first(Intern.id, n=2),
            "favourite_id": first(AmphiFavourite.id),
            "search_id": first(SavedSearch.id),
            "assignment_id": first(AmphiAssignment.id),
            "wave_id": first(MatchingWave.id),
            "round_id": first(MatchingRound.id, n=5),
            "post_id": first(MatchingPost.id),
            "candidate_id": first(MatchingCandidate.id,
                                  MatchingCandidate.person_id == people["docteur@amphi.demo"])
            + first(MatchingCandidate.id, n=2),
        })
    return {name: values for name, values in ids.items() if values}


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Target]:
    """A server on loopback over a SQLite file filled with the demo data."""
    data_dir = tmp_path / "server"
    load_demo(server_settings(data_dir, secret_key="test-secret-key", **FAST_HASHING))
    live, server, thread = start_live_server(data_dir, **SERVER)
    try:
        yield Target(live.url, known_ids(live.app.state.sessionmaker))  # type: ignore[attr-defined]
    finally:
        server.should_exit = True  # type: ignore[attr-defined]
        thread.join(timeout=10)  # type: ignore[attr-defined]


def cases(operation: Any, target: Target) -> st.SearchStrategy[Any]:
    """Requests for one operation: on real ids first, then wholly generated, each fitting
    the schema or breaking it."""
    strategies: list[st.SearchStrategy[Any]] = []
    names = _PATH_PARAMETER.findall(operation.path)
    real = {name: target.real(operation.path, name) for name in names}
    real = {name: values for name, values in real.items() if values}
    modes = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    for mode in modes if real else ():
        strategies.append(st.fixed_dictionaries(
            {name: st.sampled_from(values) for name, values in real.items()}).flatmap(
            lambda fixed, mode=mode: operation.as_strategy(mode, path_parameters=fixed)))
    for mode in modes:
        try:
            strategies.append(operation.as_strategy(mode))
        except Exception:  # noqa: BLE001 - nothing to break: no parameter, no body
            continue
    return st.one_of(strategies)


def check(case: Any, account: str, target: Target, tokens: dict[str, str],
          http: requests.Session) -> None:
    """Send one case as `account`. Raises AssertionError (the case as curl) on a 5xx."""
    token = tokens[account]
    if case.operation.path == "/api/auth/logout":
        token = target.token(account)  # the shared one must outlive the fuzz
    response = case.call(session=http, timeout=60, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code < 500, (
        f"{account}: {case.as_curl_command()}\n{response.status_code} {response.text}")


def fuzz(operation: Any, target: Target, tokens: dict[str, str], http: requests.Session,
         generated: list[Any]) -> None:
    """Send `EXAMPLES` generated requests to one operation as its procedure's student,
    keeping them in `generated`. Raises AssertionError (the shrunk case) on a 5xx."""

    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=cases(operation, target))
    def send(case: Any) -> None:
        generated.append(case)
        check(case, area(operation.path), target, tokens, http)

    send()


def test_no_request_gets_a_server_error(target: Target) -> None:
    tokens = {account: target.token(account) for account in ACCOUNTS}
    schema = schemathesis.openapi.from_url(f"{target.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 100
    failures: dict[str, str] = {}  # the first per operation: one run lists every one
    generated: list[Any] = []
    with requests.Session() as http:
        # Students first, on the demo as it was loaded: staff's requests come after, since
        # they change it (a campaign closed by the fuzz shows its students nothing more).
        for operation in operations:
            if operation.path not in SKIPPED:
                try:
                    fuzz(operation, target, tokens, http, generated)
                except AssertionError as exc:
                    failures.setdefault(operation.label, str(exc))
        for case in generated:
            if case.operation.label not in failures:
                try:
                    check(case, "staff", target, tokens, http)
                except AssertionError as exc:
                    failures[case.operation.label] = str(exc)
    assert not failures, "\n\n".join(f"{label}: {text}" for label, text in failures.items())
