"""Amphi desktop client: PySide6 widgets on a qasync loop, talking to the server over httpx.

Layout (see docs/client.md): `app.py` wires everything and `areas/` plugs each procedure's
screens in; `ui/` the screens (no HTTP, no SQL in there); `models/` the Qt item models;
`sync/` the state holders views talk to; `api/` the HTTP client and the live events;
`store.py` and `credentials.py` what is kept on this computer.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:  # one version, pyproject.toml's, read from the installed (or frozen) package metadata
    __version__ = version("amphi")
except PackageNotFoundError:  # a bare source tree, never installed
    __version__ = "0.0.0+source"

APP_NAME = "Amphi"
ORGANIZATION = "Amphi"
