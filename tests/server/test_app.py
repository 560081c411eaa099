"""The application as a whole: OpenAPI, health, public campaigns, demo accounts, CLI."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from server_stub.models import Campaign, Participation
from tests import postgres
from tests.conftest import LiveServer, free_port
from tests.server.conftest import ServerFactory, auth, error, login, mail_token, signed_in

ROOT = Path(__file__).resolve().parents[2]

DOCUMENTED_OPERATIONS = {
    "health", "list_campaigns", "check_identity", "register", "confirm_email",
    "resend_confirmation", "login", "request_signin_link", "redeem_signin_link",
    "request_password_reset", "confirm_password_reset", "logout", "get_profile",
    "update_contact", "update_secret", "change_password", "my_activity", "events",
    "import_identities", "post_staff_message", "list_audit",
}


def test_openapi_lists_the_documented_operations(client: httpx.Client) -> None:
    doc = client.get("/openapi.json").json()
    ops = {op["operationId"] for path in doc["paths"].values() for op in path.values()}
    assert DOCUMENTED_OPERATIONS <= ops
    # Every operation id is named in docs/api.md or an area's docs/api-<area>.md.
    maps = "".join(path.read_text() for path in (ROOT / "docs").glob("api*.md"))
    documented = set(re.findall(r"`([a-z_0-9]+)`", maps))
    assert ops <= documented, ops - documented
    assert "ErrorBody" in doc["components"]["schemas"]
    assert doc["paths"]["/api/me"]["get"]["responses"]["401"]["content"]["application/json"]


def test_health(client: httpx.Client) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["database"] == ("postgresql" if postgres.wanted() else "sqlite")


def test_campaigns_public_list(live_server: LiveServer, client: httpx.Client) -> None:
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        s.add_all([Campaign(kind="national", name="EDN 2026", state="open"),
                   Campaign(kind="amphi", name="Brouillon", region="Bretagne", state="draft")])
        s.commit()
    assert [c["name"] for c in client.get("/api/campaigns").json()] == ["EDN 2026"]

    person_id, token = signed_in(live_server, client)
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        s.add(Participation(campaign_id=1, person_id=person_id, role="student"))
        s.commit()
    mine = client.get("/api/campaigns", headers=auth(token)).json()
    assert mine == [{"id": 1, "kind": "national", "name": "EDN 2026", "region": None,
                     "state": "open", "my_role": "student"}]
    assert client.get("/api/me", headers=auth(token)).json()["campaigns"] == mine
    _, staff = signed_in(live_server, client, role="staff")
    assert len(client.get("/api/campaigns", headers=auth(staff)).json()) == 2


def test_demo_accounts_only_in_demo_mode(server_factory: ServerFactory,
                                         client: httpx.Client) -> None:
    r = client.get("/api/demo/accounts")
    assert r.status_code == 404 and error(r)["code"] == "not_found"
    demo = server_factory(demo_mode=True)
    accounts = httpx.get(f"{demo.url}/api/demo/accounts").json()
    assert {"staff", "student"} <= {a["role"] for a in accounts}
    assert all(set(a) == {"role", "label", "email", "password"} for a in accounts)


def test_cli_serves_and_stops_with_an_open_stream(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "DATA_DIR": str(tmp_path), "ARGON2_MEMORY_KIB": "1024"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "server_stub", "serve", "--port", str(port),
         "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(f"{url}/api/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, "server did not start"
            time.sleep(0.1)
        assert (tmp_path / "amphi.sqlite3").exists()
        with httpx.stream("GET", f"{url}/api/events", timeout=10) as stream:
            assert next(stream.iter_lines()) == "retry: 3000"
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=10) == 130  # the conventional status after Ctrl+C
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    output = proc.stdout.read() if proc.stdout else ""
    assert "Traceback" not in output, output
    # The open stream did not hold the exit: uvicorn did not have to cut it at the end of
    # its graceful-shutdown delay (it says so when it must), whatever the machine's load.
    assert "graceful shutdown exceeded" not in output, output


def test_cli_help_and_version() -> None:
    out = subprocess.run([sys.executable, "-m", "server_stub", "--version"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "amphi-server 0.1.0"
    r = subprocess.run([sys.executable, "-m", "server_stub"], cwd=ROOT, capture_output=True,
                       text=True)
    assert r.returncode == 2 and "serve" in r.stderr


def test_cli_add_staff_then_set_password_and_use_staff_routes(
        tmp_path: Path, server_factory: ServerFactory, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from server_stub.__main__ import main

    data_dir = tmp_path / "server0"  # the directory server_factory gives its first server
    url = postgres.database_for(data_dir)
    if url is not None:  # the PostgreSQL pass: the command line reads DATABASE_URL
        monkeypatch.setenv("DATABASE_URL", url)
    assert main(["--data-dir", str(data_dir), "add-staff", "--email", "Chef@example.org",
                 "--last-name", "Martin", "--first-name", "Anne"]) == 0
    assert "chef@example.org" in capsys.readouterr().out
    live = server_factory()
    token = mail_token(live, "chef@example.org")
    r = httpx.post(f"{live.url}/api/auth/password-reset/confirm",
                   json={"token": token, "password": "Agence2026"})
    assert r.status_code == 200
    with httpx.Client(base_url=live.url) as client:
        staff = login(client, "chef@example.org", "Agence2026")
        assert client.get("/api/staff/audit", headers=auth(staff)).status_code == 200
    assert main(["--data-dir", str(data_dir), "add-staff", "--email", "pas-une-adresse",
                 "--last-name", "X", "--first-name", "Y"]) == 2
