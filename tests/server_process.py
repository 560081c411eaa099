"""`amphi-server serve` in a process of its own, for the tests (and benchmarks) where several
real server processes share one PostgreSQL database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent


class ServerProcess:
    """`amphi-server serve` on `database`; started and answering `/api/health` on return.

    `args` are more `serve` options (`--workers 2`); `env` overrides settings
    (`EVENT_POLL_SECONDS="120"`). Cheap password hashing and a fixed secret key, as the
    in-process test servers have.
    """

    def __init__(self, database: str, data_dir: Path, *args: str, **env: str) -> None:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        full = {**os.environ, "DATABASE_URL": database, "SECRET_KEY": "test-secret-key",
                "ARGON2_TIME_COST": "1", "ARGON2_MEMORY_KIB": "1024",
                "ARGON2_PARALLELISM": "1", **env}
        # Its output goes to a file beside its data (a pipe nobody reads would fill up and
        # block the server on a long test).
        data_dir.parent.mkdir(parents=True, exist_ok=True)
        self.log = data_dir.parent / f"{data_dir.name}.log"
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "server_stub", "--data-dir", str(data_dir), "serve",
                 "--port", str(port), "--log-level", "warning", *args],
                cwd=ROOT, env=full, stdout=output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while not self.healthy():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server process did not start: {self.output()}")
            time.sleep(0.1)

    @property
    def pid(self) -> int:
        return self.process.pid

    def healthy(self) -> bool:
        try:
            return httpx.get(f"{self.url}/api/health", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    def output(self) -> str:
        """What it printed (it is stopped first if still running)."""
        self.stop()
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        """SIGTERM, then SIGKILL if it lingers; its exit status."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(15)
        return self.process.returncode
