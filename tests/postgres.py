"""A throwaway PostgreSQL cluster for the tests, started by the project itself.

PostgreSQL is the production database, so the server suite runs on it too (`make test`
runs it a second time with ``AMPHI_TEST_DATABASE=postgresql``). No service is needed:
the first server test that asks for a database starts a private cluster (``initdb`` +
``pg_ctl``, from Debian's ``postgresql`` package, which ``tools/system_packages.sh``
installs) in a temporary folder on a free loopback port, with durability off (a test
database never survives the run), and every test server gets a fresh database of its
own. The cluster stops when the test process ends.

``AMPHI_TEST_DATABASE_URL`` (a server URL such as ``postgresql+psycopg://u:p@host:5432``)
uses an existing server instead: the tests create and drop their databases on it.
``AMPHI_KEEP_PG=1`` keeps the cluster's folder after the run, with every connection and
disconnection in its ``log`` (to debug a test that watches processes come and go).
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

ENV_KIND = "AMPHI_TEST_DATABASE"
ENV_URL = "AMPHI_TEST_DATABASE_URL"


def wanted() -> bool:
    """Whether this test run puts its servers on PostgreSQL."""
    return os.environ.get(ENV_KIND, "").lower() in ("postgresql", "postgres", "pg")


def _binary(name: str) -> str:
    """A PostgreSQL program: on PATH, or where Debian's package puts it."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(p.split("/")[4]))
    if not candidates:
        raise RuntimeError(f"PostgreSQL's {name} is not installed: run tools/system_packages.sh "
                           "(Debian package postgresql)")
    return candidates[-1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """One PostgreSQL server; `new_database()` gives each test server a clean database."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._names = itertools.count(1)
        self._dir: Path | None = None
        self._as: list[str] = []
        self.server_url = os.environ.get(ENV_URL, "").rstrip("/")
        if not self.server_url:
            self._start()

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self._as, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stdout}{done.stderr}")

    def _start(self) -> None:
        # PostgreSQL refuses to run as root: CI containers are root, so run it as the
        # `postgres` account that Debian's package creates.
        owner = None
        if os.geteuid() == 0:
            import pwd

            owner = pwd.getpwnam("postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        self._dir = Path(tempfile.mkdtemp(prefix="amphi-pg-"))
        if owner is not None:
            os.chown(self._dir, owner.pw_uid, owner.pw_gid)
        data = self._dir / "data"
        port = _free_port()
        self._run(_binary("initdb"), "-D", str(data), "-U", "amphi", "--auth=trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {self._dir} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=400 -c shared_buffers=64MB")
        if os.environ.get("AMPHI_KEEP_PG"):  # debugging a test: its connections, in the log
            options += " -c log_connections=on -c log_disconnections=on"
        self._data = data
        self._options = options
        self.launch()
        self.server_url = f"postgresql+psycopg://amphi@127.0.0.1:{port}"
        atexit.register(self.stop)

    def launch(self) -> None:
        """Start the server (again, after `halt`: same data, same port)."""
        assert self._dir is not None
        self._run(_binary("pg_ctl"), "-D", str(self._data), "-l", str(self._dir / "log"), "-w",
                  "-t", "60", "-o", self._options, "start")

    def halt(self) -> None:
        """Stop the server, keeping its data (a database outage, for a test)."""
        self._run(_binary("pg_ctl"), "-D", str(self._data), "-m", "fast", "-w", "stop")

    def _admin(self, sql: str) -> None:
        import psycopg

        url = self.server_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(f"{url}/postgres", autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self, template: str | None = None) -> str:
        """A fresh database, empty or a copy of `template` (the URL of one of ours, with
        nobody connected to it); its SQLAlchemy URL."""
        source = "template0" if template is None else template.rsplit("/", 1)[1]
        with self._lock:
            name = f"amphi_test_{os.getpid()}_{next(self._names)}"
            self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{source}" ENCODING \'UTF8\'')
        return f"{self.server_url}/{name}"

    def stop(self) -> None:
        if self._dir is None:
            return
        subprocess.run([*self._as, _binary("pg_ctl"), "-D", str(self._data), "-m", "immediate",
                        "-w", "stop"], capture_output=True, timeout=60)
        if not os.environ.get("AMPHI_KEEP_PG"):  # (kept to read its log)
            shutil.rmtree(self._dir, ignore_errors=True)
        self._dir = None


_cluster: Cluster | None = None
_cluster_lock = threading.Lock()
_databases: dict[Path, str] = {}


def cluster() -> Cluster:
    """The run's cluster, started on first use."""
    global _cluster
    with _cluster_lock:
        if _cluster is None:
            _cluster = Cluster()
        return _cluster


def database_for(data_dir: Path) -> str | None:
    """On the PostgreSQL pass, the database of a test server's data folder (made on first
    use, the same every time after: a server restarted on its folder finds its data, and
    the demo loaded into a folder is the one its server reads). None on the SQLite pass."""
    if not wanted():
        return None
    key = Path(data_dir).resolve()
    with _cluster_lock:
        known = _databases.get(key)
    if known is None:
        known = cluster().new_database()
        with _cluster_lock:
            known = _databases.setdefault(key, known)
    return known


def activity(url: str, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of a query on PostgreSQL's activity views (pg_stat_activity, pg_locks), on a
    connection of its own: a pooled connection may keep showing the statistics snapshot
    it took earlier (`stats_fetch_consistency`), and miss a process that came since."""
    import psycopg

    info = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(info, autocommit=True) as conn:
        return [tuple(row) for row in conn.execute(sql, params).fetchall()]
