"""A keyring backend in a JSON file, for client processes started by the tests.

A child `python -m desktop` cannot see the tests' in-memory keyring; with
``PYTHON_KEYRING_BACKEND=tests.desktop.file_keyring.FileKeyring`` and
``AMPHI_TEST_KEYRING=<file>`` it reads the session token the test put there, so it
starts signed in (`Account.restore`) as a returning user does. Tests only: the client
itself never writes a secret to a plain file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

ENV = "AMPHI_TEST_KEYRING"


def _path() -> Path:
    return Path(os.environ[ENV])


def _read() -> dict[str, str]:
    path = _path()
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def put(path: Path, service: str, username: str, password: str) -> None:
    """Write one secret into the file at `path` (from the test's side)."""
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[f"{service}\n{username}"] = password
    path.write_text(json.dumps(data), encoding="utf-8")


class FileKeyring(KeyringBackend):
    """Secrets in the JSON file named by `AMPHI_TEST_KEYRING`."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        return _read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        put(_path(), service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        data = _read()
        data.pop(f"{service}\n{username}", None)
        _path().write_text(json.dumps(data), encoding="utf-8")
