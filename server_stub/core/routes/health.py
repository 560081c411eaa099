"""Liveness and readiness: is the server up, and can it reach its database?"""

from __future__ import annotations

from fastapi import APIRouter

from server_stub.core import health as readiness
from server_stub.core.deps import SessionDep
from server_stub.core.schemas import ErrorBody, Health

router = APIRouter(prefix="/api", tags=["santé"])


@router.get("/health", operation_id="health", response_model=Health,
            responses={503: {"model": ErrorBody, "description": "Base de données injoignable"}})
def health(session: SessionDep) -> Health:
    """The server answers and its database too (503 `unavailable` otherwise)."""
    return readiness.check(session)
