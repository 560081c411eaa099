"""Amphi desktop client: PySide6 widgets on a qasync loop, talking to the server over httpx.

Layout (see docs/client.md): `app.py` wires everything; `api.py`, `live.py`,
`credentials.py`, `store.py`, `account.py`, `connection.py` and `demo_launcher.py` hold
the logic; `models/` the Qt item models; `ui/` the screens (no HTTP, no SQL in there).
"""

from __future__ import annotations

__version__ = "0.1.0"

APP_NAME = "Amphi"
ORGANIZATION = "Amphi"
