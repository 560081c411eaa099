"""The audit log: who did what to which account or campaign, when, and from where."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from server_stub.core.clock import as_utc
from server_stub.core.db import table
from server_stub.core.models import AuditEntry
from server_stub.core.schemas import AuditPublic


class Action:
    """Audit action names (stable: staff filter and the client labels them)."""

    REGISTER = "register"
    IDENTITY_NOT_FOUND = "identity_not_found"
    EMAIL_CONFIRMED = "email_confirmed"
    CONFIRMATION_SENT = "confirmation_sent"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGIN_THROTTLED = "login_throttled"
    LOGOUT = "logout"
    SIGNIN_LINK_SENT = "signin_link_sent"
    PASSWORD_RESET_REQUESTED = "password_reset_requested"
    PASSWORD_RESET = "password_reset"
    PASSWORD_CHANGED = "password_changed"
    SECRET_CHANGED = "secret_changed"
    CONTACT_UPDATED = "contact_updated"
    EMAIL_CHANGE_REQUESTED = "email_change_requested"
    IDENTITIES_IMPORTED = "identities_imported"
    STAFF_ACCOUNT_CREATED = "staff_account_created"
    STAFF_MESSAGE = "staff_message"


def record(session: Session, action: str, *, actor_id: int | None = None,
           subject_id: int | None = None, campaign_id: int | None = None,
           detail: dict[str, Any] | None = None, address: str | None = None) -> AuditEntry:
    """Add one entry to the caller's transaction (never commits)."""
    entry = AuditEntry(action=action, actor_id=actor_id, subject_id=subject_id,
                       campaign_id=campaign_id, detail=detail, address=address)
    session.add(entry)
    return entry


def record_now(session: Session, action: str, *, actor_id: int | None = None,
               subject_id: int | None = None, campaign_id: int | None = None,
               detail: dict[str, Any] | None = None, address: str | None = None) -> None:
    """`record`, written at once by one plain INSERT (no unit of work, no id fetched back):
    for writes made thousands of times a minute, such as a wish change. The people and the
    campaign it names must already be in the database."""
    session.execute(insert(table(AuditEntry)).values(
        action=action, actor_id=actor_id, subject_id=subject_id, campaign_id=campaign_id,
        detail=detail, address=address))


def entries(session: Session, *, person_id: int | None = None, limit: int = 100,
            before_id: int | None = None) -> list[AuditEntry]:
    """Newest first; only those where `person_id` is actor or subject when given."""
    query = select(AuditEntry)
    if person_id is not None:
        query = query.where(or_(AuditEntry.actor_id == person_id,
                                AuditEntry.subject_id == person_id))
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    return list(session.scalars(query.order_by(AuditEntry.id.desc()).limit(limit)))


def public(entry: AuditEntry) -> AuditPublic:
    """The API shape of an entry, its time in UTC."""
    return AuditPublic(id=entry.id, at=as_utc(entry.at), actor_id=entry.actor_id,
                       subject_id=entry.subject_id, campaign_id=entry.campaign_id,
                       action=entry.action, detail=entry.detail, address=entry.address)
