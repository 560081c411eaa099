"""Starts the bundled reference server with its demo data, as a separate process.

`python -m desktop --demo` (and `make run`) uses it: the server runs as
`python -m server_stub --data-dir DIR serve --demo --host 127.0.0.1 --port P
--exit-with-stdin --lock-file DIR/server.lock`, creating the demo database the first time
(a few seconds at real scale), and the client waits for `/api/health`.

The server ends with the client, however the client ends: its stdin is a pipe whose
write end only the client holds; quitting closes it, and so does the OS when the client
crashes or is killed, and the server shuts down cleanly at EOF (on Linux, macOS and
Windows alike). If it does not (a hung server), quitting terminates, then kills it.

Before starting, a server still holding the data folder's lock file (left by a client
that could not stop it) is stopped. Why not reuse it: nothing ties it to this client's
life, so it would outlive us again; it may be another version; and one client runs per
data folder (desktop/single_instance.py), so it is never another live client's server.

The client never imports `server_stub`: this module only starts it as a program, and
probes its lock file with the same primitives (see server_stub/instance.py).
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import errno
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QCoreApplication, QObject, Signal

log = logging.getLogger(__name__)

STARTUP_TIMEOUT_SECONDS = 180.0
STOP_TIMEOUT_SECONDS = 6.0
KILL_TIMEOUT_SECONDS = 5.0
LOCK_FILE = "server.lock"
LOCK_OFFSET = 1 << 20  # as in server_stub/instance.py: Windows locks a byte past the text
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


def _try_lock(fd: int) -> bool:
    """Take the lock without waiting (False: held by a live process). OSError: cannot lock."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK):
                return False
            raise
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    fcntl.flock(fd, fcntl.LOCK_UN)
    return True


def lock_holder(path: Path) -> dict[str, Any] | None:
    """What the live server holding `path` wrote (pid, port…), or None if none holds it.

    The OS drops a dead process's lock, so a file left behind is never taken for a server.
    {} when it is held but not written yet; None too where the file system cannot lock
    (then nothing can be known, and the start goes on).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    try:
        try:
            if _try_lock(fd):
                return None
        except OSError:  # a file system without locks: nothing can be known
            return None
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            info = json.loads(os.read(fd, 64 * 1024).decode("utf-8"))
        except (OSError, ValueError):
            return {}
        return info if isinstance(info, dict) else {}
    finally:
        os.close(fd)


def _signal_process(pid: int, *, hard: bool) -> None:
    """SIGTERM (clean shutdown) or SIGKILL; on Windows both end the process at once."""
    sig = signal.SIGKILL if hard and hasattr(signal, "SIGKILL") else signal.SIGTERM
    with contextlib.suppress(OSError):  # gone meanwhile, or not ours to signal
        os.kill(pid, sig)


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
    def lock_path(self) -> Path:
        return self.data_dir / LOCK_FILE

    @property
    def database_path(self) -> Path:
        return self.data_dir / "amphi.sqlite3"

    def needs_creation(self) -> bool:
        """True the first time: the demo data will be created (a few seconds)."""
        return not self.database_path.exists()

    def command(self, port: int) -> list[str]:
        """The server's command line: `python -m server_stub`, or the frozen app itself."""
        arguments = ["--data-dir", str(self.data_dir), "serve", "--demo", "--host",
                     "127.0.0.1", "--port", str(port), "--log-level", "warning",
                     "--exit-with-stdin", "--lock-file", str(self.lock_path)]
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
        await self.stop_stale()
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

    async def stop_stale(self) -> None:
        """Stop a server still holding our data folder's lock (see the module's docstring).

        Raises DemoLaunchError if it does not end: two servers must not share the data.
        """
        holder = lock_holder(self.lock_path)
        if holder is None:
            return
        log.warning("a demo server still runs for %s (%s): stopping it", self.data_dir, holder)
        self.progress.emit(_tr("Arrêt d'un serveur de démonstration resté ouvert…"))
        pid: object = None
        for hard, wait in ((False, STOP_TIMEOUT_SECONDS), (True, KILL_TIMEOUT_SECONDS)):
            signalled = False
            deadline = time.monotonic() + wait
            while holder is not None and time.monotonic() < deadline:
                pid = holder.get("pid")  # {} until the holder has written it
                if (not signalled and isinstance(pid, int) and pid > 0
                        and pid != os.getpid()):
                    _signal_process(pid, hard=hard)
                    signalled = True
                await asyncio.sleep(0.1)
                holder = lock_holder(self.lock_path)
            if holder is None:
                log.info("the stale demo server (pid %s) has stopped", pid)
                return
        raise DemoLaunchError(
            _tr("Un serveur de démonstration resté ouvert (processus %1) utilise encore "
                "%2 et ne s'arrête pas.").replace("%1", str(pid))
            .replace("%2", str(self.data_dir)))

    def _spawn(self, port: int) -> None:
        with open(self.log_path, "wb") as output:
            # No console window for the server on Windows (0 elsewhere: no flag).
            no_window: int = getattr(subprocess, "CREATE_NO_WINDOW", 0)
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                self.command(port), stdout=output, stderr=subprocess.STDOUT,
                # The lifeline: only this process holds the write end (not inherited).
                stdin=subprocess.PIPE, env=self._environment(), cwd=str(self.data_dir),
                creationflags=no_window,
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

    @staticmethod
    def _cut_lifeline(process: subprocess.Popen[bytes]) -> None:
        """Close the server's stdin: it shuts down cleanly, as when the client dies."""
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()

    def stop_now(self, patience: float = STOP_TIMEOUT_SECONDS) -> None:
        """Stop the process: cut the lifeline, wait `patience`, terminate, kill. Idempotent."""
        process, self.process = self.process, None
        self.url = None
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop_now)
        if process is None:
            return
        self._cut_lifeline(process)
        try:
            process.wait(patience)
        except subprocess.TimeoutExpired:
            log.warning("demo server (pid %s) still runs: terminating it", process.pid)
            process.terminate()
            try:
                process.wait(STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(KILL_TIMEOUT_SECONDS)
        log.info("demo server stopped (exit status %s)", process.returncode)

    async def stop(self) -> None:
        """Like `stop_now`, without freezing the window while the server shuts down."""
        process = self.process
        if process is None:
            return
        self._cut_lifeline(process)
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        while process.poll() is None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        self.stop_now(patience=0)  # terminates, then kills it if still there; forgets it
