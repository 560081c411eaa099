"""The signed-in person's own account: profile, contact details, secret, password, activity."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from server_stub.core import accounts, audit, sessions
from server_stub.core.deps import ContextDep, CurrentSession, CurrentUser, SessionDep
from server_stub.core.routes.common import errors
from server_stub.core.schemas import (
    AuditPublic,
    ContactUpdate,
    PasswordChange,
    ProfilePublic,
    SecretUpdate,
)

router = APIRouter(prefix="/api/me", tags=["mon compte"])

MAX_ID = 2**31 - 1


@router.get("", operation_id="get_profile", response_model=ProfilePublic, responses=errors(401))
def get_profile(user: CurrentUser, session: SessionDep) -> ProfilePublic:
    """My profile and the campaigns I take part in."""
    return accounts.profile(session, user)


@router.patch("", operation_id="update_contact", response_model=ProfilePublic,
              responses=errors(401, 409))
def update_contact(data: ContactUpdate, user: CurrentUser, session: SessionDep,
                   ctx: ContextDep) -> ProfilePublic:
    """Change phone, postal address, faculty; a new email waits for its confirmation link."""
    return accounts.update_contact(session, ctx, user, data)


@router.put("/secret", operation_id="update_secret", response_model=ProfilePublic,
            responses=errors(401, 403, 409, 429))
def update_secret(data: SecretUpdate, user: CurrentUser, session: SessionDep,
                  ctx: ContextDep) -> ProfilePublic:
    """Replace the secret question and answer (current password required)."""
    return accounts.update_secret(session, ctx, user, data)


@router.post("/password", operation_id="change_password", status_code=status.HTTP_204_NO_CONTENT,
             response_class=Response, responses=errors(401, 403, 409, 429))
def change_password(data: PasswordChange, auth: CurrentSession, session: SessionDep,
                    ctx: ContextDep) -> Response:
    """Change my password; my other sessions are closed."""
    sessions.change_password(session, ctx, auth, data.current_password, data.new_password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/activity", operation_id="my_activity", response_model=list[AuditPublic],
            responses=errors(401))
def my_activity(user: CurrentUser, session: SessionDep,
                limit: Annotated[int, Query(ge=1, le=500)] = 100,
                before_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
                ) -> list[AuditPublic]:
    """« Mon activité passée »: every action on my account, newest first."""
    rows = audit.entries(session, person_id=user.id, limit=limit, before_id=before_id)
    return [audit.public(r) for r in rows]
