"""Agency staff: identity import, broadcast messages, the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query

from server_stub.core import audit, staff
from server_stub.core.deps import ContextDep, SessionDep, StaffUser
from server_stub.core.routes.common import errors
from server_stub.core.schemas import (
    AuditPublic,
    EventPublic,
    IdentityImport,
    ImportResult,
    StaffMessage,
)

router = APIRouter(prefix="/api/staff", tags=["agence"])

MAX_ID = 2**31 - 1
MAX_IMPORT_ROWS = 20_000


@router.post("/identities", operation_id="import_identities", response_model=ImportResult,
             responses=errors(401, 403, 409))
def import_identities(rows: Annotated[list[IdentityImport], Body(max_length=MAX_IMPORT_ROWS)],
                      user: StaffUser, session: SessionDep, ctx: ContextDep) -> ImportResult:
    """Create or update the identities people will register against (all or nothing)."""
    return staff.import_identities(session, ctx, user, rows)


@router.post("/messages", operation_id="post_staff_message", response_model=EventPublic,
             responses=errors(401, 403, 404))
def post_staff_message(data: StaffMessage, user: StaffUser, session: SessionDep,
                       ctx: ContextDep) -> EventPublic:
    """Broadcast a message, pushed to every client as the live event `staff_message`."""
    return staff.post_message(session, ctx, user, data)


@router.get("/audit", operation_id="list_audit", response_model=list[AuditPublic],
            responses=errors(401, 403))
def list_audit(user: StaffUser, session: SessionDep,
               limit: Annotated[int, Query(ge=1, le=500)] = 100,
               before_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
               ) -> list[AuditPublic]:
    """The audit log, newest first; page with `before_id`."""
    rows = audit.entries(session, limit=limit, before_id=before_id)
    return [audit.public(r) for r in rows]
