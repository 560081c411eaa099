"""`--demo`: the bundled server runs as a separate process with its demo data, the client
signs in to it, and quitting stops the process."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.app import FIRST_RUN_DONE, START_MODE, AmphiApp, Options
from desktop.demo_launcher import DemoLaunchError, DemoServer

Run = Callable[..., Any]


def test_demo_mode_starts_a_real_server_signs_in_and_stops_it(
        arun: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one test that creates the demo data (a few seconds at real scale)."""
    monkeypatch.setenv("AMPHI_DEMO_ACCOUNT", "rts@amphi.demo")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////nonexistent/never-used.sqlite3")
    app = AmphiApp(Options(data_dir=tmp_path / "client", demo=True))
    progress: list[str] = []
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        original = DemoServer.start

        async def start(server: DemoServer) -> str:
            server.progress.connect(progress.append)
            seen["first_time"] = server.needs_creation()
            return await original(server)

        monkeypatch.setattr(DemoServer, "start", start)
        try:
            await app.start()
            server = app.demo_server
            assert server is not None and server.running
            seen["process"] = server.process
            seen["url"] = server.url
            assert app.main_window is not None and app.main_window.isVisible()
            assert app.account.profile is not None
            seen["role"] = app.account.profile.role
            seen["email"] = app.account.profile.email
            async with httpx.AsyncClient(base_url=server.url or "") as client:
                accounts = (await client.get("/api/demo/accounts")).json()
            seen["accounts"] = {a["email"] for a in accounts}
            seen["demo_in_dialog"] = len(app.demo_accounts)
        finally:
            await app.shutdown()

    arun(scenario(), timeout=240)
    assert seen["first_time"] is True
    assert progress and "Création des données de démonstration" in progress[0]
    assert seen["role"] == "supervisor" and seen["email"] == "rts@amphi.demo"
    assert {"etudiant@amphi.demo", "ars@amphi.demo"} <= seen["accounts"]
    assert seen["demo_in_dialog"] >= 6
    process = seen["process"]
    assert process.poll() is not None, "the demo server still runs after quitting"
    assert (tmp_path / "client" / "demo-server" / "amphi.sqlite3").exists()
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{seen['url']}/api/health", timeout=1)

    # Someone who chose the demo at his first start: the next start runs it again
    # (on the data already made) and offers every demo account, signed in to none.
    again = AmphiApp(Options(data_dir=tmp_path / "client"))
    again.store.set_preference(FIRST_RUN_DONE, "1")
    again.store.set_preference(START_MODE, "demo")

    async def next_start() -> None:
        try:
            await again.start()
            dialog = again.signin_dialog
            assert dialog is not None and again.main_window is None
            assert again.demo_server is not None and again.demo_server.running
            assert len(again.demo_accounts) >= 6
            assert dialog.banner.kind == "success" and "démonstration" in dialog.banner.text
        finally:
            await again.shutdown()

    arun(next_start(), timeout=120)


def test_a_demo_server_that_cannot_start_is_reported_in_french(arun: Run,
                                                               tmp_path: Path) -> None:
    server = DemoServer(tmp_path / "demo", python=sys.executable, startup_timeout=30)
    server.command = lambda port: [sys.executable, "-c",  # type: ignore[method-assign]
                                   "import sys; print('boom'); sys.exit(3)"]

    async def scenario() -> None:
        with pytest.raises(DemoLaunchError) as failed:
            await server.start()
        assert "s'est arrêté au démarrage (code 3)" in str(failed.value)
        assert "server.log" in str(failed.value)
        assert "boom" in server.log_tail()
        assert not server.running

    arun(scenario())


def test_a_failed_demo_start_falls_back_to_the_sign_in_dialog(
        arun: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing is started: the launcher is replaced by one that fails."""
    app = AmphiApp(Options(data_dir=tmp_path / "client", demo=True))

    async def fail(server: DemoServer) -> str:
        raise DemoLaunchError("Le serveur de démonstration n'a pas pu démarrer.")

    monkeypatch.setattr(DemoServer, "start", fail)

    async def scenario() -> None:
        try:
            await app.start()
            dialog = app.signin_dialog
            assert dialog is not None and dialog.isVisible()
            assert dialog.banner.kind == "error"
            assert "n'a pas pu démarrer" in dialog.banner.text
            assert app.main_window is None
        finally:
            await app.shutdown()

    arun(scenario())
