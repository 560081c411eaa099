"""Request and response models of the matching area (see `server_stub.schemas` for conventions)."""

from __future__ import annotations
