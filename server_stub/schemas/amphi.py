"""Request and response models of the amphi area (see `server_stub.schemas` for conventions)."""

from __future__ import annotations
