"""`--demo`: the bundled server runs as a separate process with its demo data, the client
signs in to it, and quitting stops the process; so does the client's death (SIGKILL
included), and a server left running on the same data is stopped before a new start."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.app import FIRST_RUN_DONE, START_MODE, AmphiApp, Options
from desktop.demo_launcher import DemoLaunchError, DemoServer, free_port, lock_holder

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


# --------------------------------------------------------------------------- its lifetime

ROOT = Path(__file__).resolve().parents[2]
GONE_SECONDS = 20.0  # "a few seconds", generous: two cores shared by the whole suite
CLIENT_SCRIPT = """
import asyncio, json, sys
from pathlib import Path
from desktop.demo_launcher import DemoServer

async def main() -> None:
    server = DemoServer(Path(sys.argv[1]), startup_timeout=120)
    url = await server.start()
    info = {"pid": server.process.pid, "url": url}
    Path(sys.argv[2]).write_text(json.dumps(info), encoding="utf-8")
    await asyncio.sleep(3600)

asyncio.run(main())
"""


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k.upper() not in ("DATABASE_URL", "DATA_DIR", "DEMO_MODE")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, created once by the real program (about 10 s); tests copy it."""
    folder = tmp_path_factory.mktemp("demo-data")
    subprocess.run([sys.executable, "-m", "server_stub", "--data-dir", str(folder), "demo"],
                   check=True, env=_environment(), capture_output=True, timeout=240)
    return folder


@pytest.fixture
def demo_dir(demo_data: Path, tmp_path: Path) -> Path:
    """A data folder of the demo server, already filled: the server starts in seconds."""
    folder = tmp_path / "demo-server"
    folder.mkdir()
    for name in ("amphi.sqlite3", "secret.key"):
        shutil.copy2(demo_data / name, folder / name)
    return folder


def port_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def process_alive(pid: int) -> bool:
    """POSIX only. A zombie counts as ended: an orphan's new parent may never reap it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False
    except OSError:
        pass  # no /proc (macOS)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def wait_until(predicate: Callable[[], bool], seconds: float, message: str) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, message
        time.sleep(0.1)


def test_a_killed_client_takes_its_demo_server_with_it(tmp_path: Path, demo_dir: Path) -> None:
    """SIGKILL leaves no chance to clean up: the server sees its stdin end and stops."""
    ready = tmp_path / "ready.json"
    script = tmp_path / "client.py"
    script.write_text(CLIENT_SCRIPT, encoding="utf-8")
    client = subprocess.Popen([sys.executable, str(script), str(demo_dir), str(ready)],
                              env=_environment(), cwd=str(ROOT), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    try:
        wait_until(lambda: ready.exists() or client.poll() is not None, 150,
                   "the client did not start its demo server")
        assert client.poll() is None, client.stderr.read() if client.stderr else ""
        info = json.loads(ready.read_text(encoding="utf-8"))
        port = int(info["url"].rsplit(":", 1)[1])
        assert httpx.get(f"{info['url']}/api/health", timeout=5).status_code == 200
        holder = lock_holder(demo_dir / "server.lock")
        assert holder is not None and (holder["pid"], holder["port"]) == (info["pid"], port)
    finally:
        client.kill()  # SIGKILL (TerminateProcess on Windows)
        client.wait(10)
    wait_until(lambda: lock_holder(demo_dir / "server.lock") is None, GONE_SECONDS,
               "the demo server still holds its lock after its client was killed")
    if os.name == "posix":
        wait_until(lambda: not process_alive(info["pid"]), GONE_SECONDS,
                   "the demo server process outlived its client")
    assert not port_answers(port)
    log = (demo_dir / "server.log").read_text(encoding="utf-8")
    assert "Le programme qui a lancé ce serveur s'est arrêté" in log  # a clean shutdown
    assert "Traceback" not in log


def test_quitting_stops_the_demo_server_cleanly(arun: Run, demo_dir: Path) -> None:
    """Quitting cuts the same lifeline: the server ends by itself, status 0, data sound."""
    server = DemoServer(demo_dir, startup_timeout=120)

    async def scenario() -> tuple[subprocess.Popen[bytes], int]:
        url = await server.start()
        process = server.process
        assert process is not None
        holder = lock_holder(server.lock_path)
        assert holder is not None and holder["pid"] == process.pid
        port = int(url.rsplit(":", 1)[1])
        assert holder["port"] == port
        await server.stop()
        return process, port

    process, port = arun(scenario(), timeout=180)
    assert process.returncode == 0, "stopped by a signal, not by its lifeline"
    assert not server.running and server.url is None
    assert lock_holder(server.lock_path) is None
    assert not port_answers(port)
    assert "Le programme qui a lancé ce serveur s'est arrêté" in server.log_tail()
    with sqlite3.connect(server.database_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_new_start_stops_a_stale_server_of_the_same_data(arun: Run, demo_dir: Path) -> None:
    """A server left running on the data (no lifeline, as from a client that could not
    stop it) is stopped before the new one starts; the server itself refuses a second."""
    lock = demo_dir / "server.lock"

    def serve(port: int) -> list[str]:
        return [sys.executable, "-m", "server_stub", "--data-dir", str(demo_dir), "serve",
                "--demo", "--port", str(port), "--log-level", "warning", "--lock-file",
                str(lock)]

    stale_port = free_port()
    stale = subprocess.Popen(serve(stale_port), stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=_environment(), cwd=str(demo_dir))
    server = DemoServer(demo_dir, startup_timeout=120)
    progress: list[str] = []
    server.progress.connect(progress.append)
    try:
        wait_until(lambda: port_answers(stale_port) or stale.poll() is not None, 120,
                   "the stale server did not start")
        assert stale.poll() is None
        assert (lock_holder(lock) or {}).get("pid") == stale.pid

        second = subprocess.run(serve(free_port()), env=_environment(), capture_output=True,
                                text=True, timeout=120)
        assert second.returncode == 3
        assert f"un autre serveur (processus {stale.pid}, port {stale_port})" in second.stderr

        async def scenario() -> str:
            return await server.start()

        url = arun(scenario(), timeout=180)
        assert stale.wait(10) is not None, "the stale server still runs"
        assert not port_answers(stale_port)
        assert server.process is not None
        assert (lock_holder(lock) or {}).get("pid") == server.process.pid
        assert httpx.get(f"{url}/api/health", timeout=5).status_code == 200
        assert any("resté ouvert" in line for line in progress)
    finally:
        server.stop_now()
        if stale.poll() is None:
            stale.kill()
            stale.wait(10)
