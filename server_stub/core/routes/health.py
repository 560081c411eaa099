"""Liveness and readiness: is the server up, and can it reach its database?"""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from server_stub import __version__
from server_stub.core.clock import now
from server_stub.core.deps import SessionDep
from server_stub.core.errors import ApiError
from server_stub.core.schemas import ErrorBody, Health

router = APIRouter(prefix="/api", tags=["santé"])


@router.get("/health", operation_id="health", response_model=Health,
            responses={503: {"model": ErrorBody, "description": "Base de données injoignable"}})
def health(session: SessionDep) -> Health:
    """The server answers and its database too (503 `unavailable` otherwise)."""
    try:
        session.execute(text("SELECT 1"))
    except Exception as exc:
        raise ApiError(503, "unavailable", "Base de données injoignable.", retry_after=5) from exc
    dialect = session.get_bind().dialect.name
    return Health(version=__version__, time=now(), database=dialect)
