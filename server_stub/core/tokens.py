"""One-time tokens sent by mail: only the latest of a purpose per person is valid."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from server_stub.core.clock import as_utc, now
from server_stub.core.db import execute_dml
from server_stub.core.errors import invalid_token
from server_stub.core.models import EmailToken, Person, TokenPurpose
from server_stub.core.security import new_token, token_digest


def issue(session: Session, person: Person, purpose: TokenPurpose, lifetime: timedelta,
          data: dict[str, Any] | None = None) -> str:
    """Create a token (superseding every earlier one of that purpose); return its plain value."""
    session.execute(
        update(EmailToken)
        .where(EmailToken.person_id == person.id, EmailToken.purpose == purpose.value,
               EmailToken.used_at.is_(None), EmailToken.superseded.is_(False))
        .values(superseded=True)
    )
    plain, digest = new_token()
    session.add(EmailToken(person_id=person.id, purpose=purpose.value, token_hash=digest,
                           created_at=now(), expires_at=now() + lifetime, data=data))
    session.flush()
    return plain


def peek(session: Session, plain: str, purpose: TokenPurpose) -> EmailToken:
    """The valid token with this value, without using it. Raises 400 `invalid_token`."""
    token = session.scalar(select(EmailToken).where(
        EmailToken.token_hash == token_digest(plain), EmailToken.purpose == purpose.value))
    if (token is None or token.used_at is not None or token.superseded
            or as_utc(token.expires_at) <= now()):
        raise invalid_token()
    return token


def redeem(session: Session, plain: str, purpose: TokenPurpose) -> EmailToken:
    """Use the token once. Raises 400 `invalid_token` (also when a concurrent use won)."""
    token = peek(session, plain, purpose)
    used = execute_dml(session,
        update(EmailToken).where(EmailToken.id == token.id, EmailToken.used_at.is_(None))
        .values(used_at=now())
    )
    if used.rowcount != 1:
        raise invalid_token()
    session.refresh(token)
    return token
