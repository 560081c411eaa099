"""The two programs install apart: the server without PySide6, the client without FastAPI.

`pyproject.toml` splits the dependencies into a small base and the `client` and `server`
extras; `requirements.lock` pins them for CI. These tests fail when an import crosses the
split (a server module starting to import Qt, a client module importing FastAPI), when a
module imports a distribution its extra does not declare, or when the lock misses one.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]

# What each program must never need (top-level import names).
CLIENT_ONLY = ["PySide6", "shiboken6", "qasync", "keyring", "httpx"]
SERVER_ONLY = ["fastapi", "starlette", "uvicorn", "argon2", "email_validator",
               "multipart", "python_multipart", "openpyxl", "pydantic_settings"]


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement line (`PySide6-Essentials==…`)."""
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group(0)).lower()


def _declared(*extras: str) -> set[str]:
    names = {_name(r) for r in PROJECT["dependencies"]}
    for extra in extras:
        names |= {_name(r) for r in PROJECT["optional-dependencies"][extra]}
    return names


def _third_party_imports(package: str) -> dict[str, str]:
    """Top-level names imported by the package's modules, with one file importing each."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ("desktop", "server_stub"):
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


@pytest.mark.parametrize(("package", "extras"), [
    ("desktop", ("client",)),
    # psycopg: only with PostgreSQL (`amphi[server,postgres]`), imported when the URL says so.
    ("server_stub", ("server", "postgres")),
])
def test_every_import_is_declared_by_its_extra(package: str, extras: tuple[str, ...]) -> None:
    distributions = packages_distributions()
    declared = _declared(*extras)
    missing = []
    for top, where in _third_party_imports(package).items():
        provided_by = {_name(d) for d in distributions.get(top, [])}
        if not provided_by & declared:
            missing.append(f"{top} ({where}; from {sorted(provided_by) or 'nothing installed'})")
    assert not missing, f"imports of {package}/ not declared in amphi{list(extras)}: {missing}"


def _run_blocked(blocked: list[str], code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter where importing any of ``blocked`` fails."""
    guard = (
        "import sys\n"
        f"BLOCKED = {blocked!r}\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in BLOCKED:\n"
        "            raise ImportError(f'{name} is not installed with this extra')\n"
        "        return None\n"
        "sys.meta_path.insert(0, Block())\n"
    )
    return subprocess.run([sys.executable, "-c", guard + code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})


def test_the_server_runs_without_the_client_libraries(tmp_path: Path) -> None:
    """`amphi[server]` on a host without Qt: every module imports and the app is built."""
    done = _run_blocked(CLIENT_ONLY, (
        # Alembic runs these itself, inside a migration (they are not importable alone).
        "ALEMBIC_RUNS = ('server_stub.migrations.env', 'server_stub.migrations.versions.')\n"
        "import importlib, pkgutil, server_stub\n"
        "for m in pkgutil.walk_packages(server_stub.__path__, 'server_stub.'):\n"
        "    if not m.name.startswith(ALEMBIC_RUNS):\n"
        "        importlib.import_module(m.name)\n"
        "from server_stub.app import create_app\n"
        "from server_stub.settings import Settings\n"
        f"app = create_app(Settings(data_dir={str(tmp_path)!r}))\n"
        "assert app.openapi()['paths']\n"
        "print('server ok')\n"))
    assert done.returncode == 0, done.stderr[-3000:]
    assert "server ok" in done.stdout


def test_the_client_runs_without_the_server_libraries() -> None:
    """`amphi[client]`: every client module imports with no FastAPI, uvicorn, argon2…"""
    done = _run_blocked(SERVER_ONLY, (
        "import importlib, pkgutil, desktop\n"
        "for m in pkgutil.walk_packages(desktop.__path__, 'desktop.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('client ok')\n"))
    assert done.returncode == 0, done.stderr[-3000:]
    assert "client ok" in done.stdout


def test_the_split_keeps_each_program_apart() -> None:
    assert not _declared("server") & {_name(n) for n in ("PySide6-Essentials", "qasync",
                                                         "keyring")}
    assert not _declared("client") & {"fastapi", "uvicorn", "starlette"}


def test_the_lock_pins_every_declared_dependency() -> None:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pinned = {_name(line) for line in lock.splitlines() if "==" in line and line[:1].isalnum()}
    extras = [e for e in PROJECT["optional-dependencies"]]
    wanted = {n for n in _declared(*extras) if n != "amphi"}
    assert not wanted - pinned, (f"not in requirements.lock: {sorted(wanted - pinned)}; "
                                 "run `make lock`")
