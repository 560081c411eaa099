"""Starts the bundled reference server with its demo data, as a separate process.

`python -m desktop --demo` (and `make run`) uses it: the server runs as
`python -m server_stub --data-dir DIR serve --demo --host 127.0.0.1 --port P`, creating
the demo database the first time (a few seconds at real scale), and the client waits
for `/api/health`. The process is stopped when the client quits, and on the crash paths
too (atexit: terminate, then kill). The client never imports `server_stub`: this module
only starts it as a program.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from PySide6.QtCore import QCoreApplication, QObject, Signal

log = logging.getLogger(__name__)

STARTUP_TIMEOUT_SECONDS = 180.0
STOP_TIMEOUT_SECONDS = 6.0
PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Settings of the user's own deployment must not leak into the demo server.
_FOREIGN_SETTINGS = ("DATABASE_URL", "DATA_DIR", "DEMO_MODE", "PUBLIC_URL", "SECRET_KEY")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DemoServer", text)


class DemoLaunchError(Exception):
    """The demo server could not start; the message is French, for the user."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class DemoServer(QObject):
    """One demo server process on a free loopback port, with its data in `data_dir`."""

    progress = Signal(str)  # French status line, for the progress dialog

    def __init__(self, data_dir: Path, *, python: str = sys.executable,
                 startup_timeout: float = STARTUP_TIMEOUT_SECONDS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.python = python
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self.url: str | None = None

    @property
    def log_path(self) -> Path:
        return self.data_dir / "server.log"

    @property
    def database_path(self) -> Path:
        return self.data_dir / "amphi.sqlite3"

    def needs_creation(self) -> bool:
        """True the first time: the demo data will be created (a few seconds)."""
        return not self.database_path.exists()

    def command(self, port: int) -> list[str]:
        """The server's command line: `python -m server_stub`, or the frozen app itself."""
        arguments = ["--data-dir", str(self.data_dir), "serve", "--demo", "--host",
                     "127.0.0.1", "--port", str(port), "--log-level", "warning"]
        if getattr(sys, "frozen", False) and self.python == sys.executable:
            return [sys.executable, "--run-server", *arguments]
        return [self.python, "-m", "server_stub", *arguments]

    def _environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k.upper() not in _FOREIGN_SETTINGS and not k.upper().startswith("SMTP_")}
        env["PYTHONUNBUFFERED"] = "1"
        env["PYTHONIOENCODING"] = "utf-8"
        # From a source checkout that is not installed, `-m server_stub` needs the root.
        if (PROJECT_ROOT / "server_stub").is_dir():
            paths = [str(PROJECT_ROOT), *filter(None, [env.get("PYTHONPATH")])]
            env["PYTHONPATH"] = os.pathsep.join(paths)
        return env

    async def start(self) -> str:
        """Start the server and wait until it answers; its base URL. Raises DemoLaunchError."""
        if self.process is not None and self.process.poll() is None and self.url:
            return self.url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.needs_creation():
            self.progress.emit(_tr("Création des données de démonstration (8 000 étudiants, "
                                   "9 000 postes)… Cela prend quelques secondes, la première "
                                   "fois seulement."))
        else:
            self.progress.emit(_tr("Démarrage du serveur de démonstration…"))
        for attempt in range(3):
            port = free_port()
            self._spawn(port)
            try:
                return await self._wait_ready(f"http://127.0.0.1:{port}")
            except DemoLaunchError:
                tail = self.log_tail()
                self.stop_now()
                if attempt < 2 and ("address already in use" in tail.lower()
                                    or "errno 98" in tail.lower()):
                    continue  # another program took the port meanwhile: pick another
                raise
        raise DemoLaunchError(_tr("Le serveur de démonstration n'a pas pu démarrer."))

    def _spawn(self, port: int) -> None:
        with open(self.log_path, "wb") as output:
            kwargs: dict[str, object] = {}
            if sys.platform == "win32":
                kwargs["creationflags"] = subprocess.CREATE_NO_WINDOW  # type: ignore[attr-defined]
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                self.command(port), stdout=output, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, env=self._environment(), cwd=str(self.data_dir),
                **kwargs,  # type: ignore[arg-type]
            )
        atexit.register(self.stop_now)
        log.info("demo server started (pid %s) on port %s", self.process.pid, port)

    async def _wait_ready(self, url: str) -> str:
        deadline = time.monotonic() + self.startup_timeout
        announced_ready = False
        async with httpx.AsyncClient(timeout=httpx.Timeout(2.0, connect=1.0)) as client:
            while True:
                assert self.process is not None
                if self.process.poll() is not None:
                    raise DemoLaunchError(
                        _tr("Le serveur de démonstration s'est arrêté au démarrage (code %1). "
                            "Détails dans %2.").replace("%1", str(self.process.returncode))
                        .replace("%2", str(self.log_path)))
                if time.monotonic() > deadline:
                    raise DemoLaunchError(
                        _tr("Le serveur de démonstration ne répond pas après %1 s. Détails "
                            "dans %2.").replace("%1", str(int(self.startup_timeout)))
                        .replace("%2", str(self.log_path)))
                if not announced_ready and "Amphi " in self.log_tail():
                    announced_ready = True
                    self.progress.emit(_tr("Démarrage du serveur de démonstration…"))
                try:
                    response = await client.get(f"{url}/api/health")
                    if response.status_code == 200:
                        self.url = url
                        return url
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.1)

    def log_tail(self, size: int = 4000) -> str:
        """The end of the server's output (for error messages)."""
        try:
            with open(self.log_path, "rb") as f:
                f.seek(0, os.SEEK_END)
                f.seek(max(0, f.tell() - size))
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop_now(self) -> None:
        """Stop the process (terminate, then kill after a grace period). Idempotent."""
        process, self.process = self.process, None
        self.url = None
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop_now)
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(5)
        log.info("demo server stopped")

    async def stop(self) -> None:
        """Like `stop_now`, without freezing the window while the server shuts down."""
        process = self.process
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
            while process.poll() is None and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
        self.stop_now()  # kills it if it is still there, and forgets it
