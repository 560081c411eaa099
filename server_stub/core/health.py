"""Readiness: the database answers (the route `GET /api/health` only reports it)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from server_stub import __version__
from server_stub.core.clock import now
from server_stub.core.errors import ApiError
from server_stub.core.schemas import Health


def check(session: Session) -> Health:
    """The version, the server's time and the database dialect.

    Raises `ApiError` 503 `unavailable` (retry after 5 s) when the database does not answer.
    """
    try:
        session.execute(text("SELECT 1"))
    except Exception as exc:
        raise ApiError(503, "unavailable", "Base de données injoignable.", retry_after=5) from exc
    return Health(version=__version__, time=now(), database=session.get_bind().dialect.name)
