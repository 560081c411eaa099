"""Request and response models of the national area (see `server_stub.schemas` for conventions)."""

from __future__ import annotations
