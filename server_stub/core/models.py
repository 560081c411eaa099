"""ORM models shared by every procedure: people and accounts, campaigns, audit and event logs.

Portable SQL only (no SQLite-specific types) so PostgreSQL works unchanged through
`DATABASE_URL`. Times are stored timezone-aware in UTC.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server_stub.core.db import Base


def utcnow() -> datetime:
    return datetime.now(UTC)


class Role(enum.StrEnum):
    """What a person is to the system; decides which routes he may call."""

    STUDENT = "student"
    PROXY_HOLDER = "proxy_holder"
    SUPERVISOR = "supervisor"
    COORDINATOR = "coordinator"
    STAFF = "staff"


class CampaignKind(enum.StrEnum):
    NATIONAL = "national"
    AMPHI = "amphi"
    MATCHING = "matching"


class TokenPurpose(enum.StrEnum):
    """Emailed one-time tokens; only the latest of a purpose per person is valid."""

    CONFIRM_EMAIL = "confirm_email"
    RESET_PASSWORD = "reset_password"
    SIGNIN_LINK = "signin_link"
    PROXY_VALIDATION = "proxy_validation"


TZDateTime = DateTime(timezone=True)


# --------------------------------------------------------------------------- people


class Person(Base):
    """Anyone known to the system.

    The agency imports identities first (no email, no password: `registered` false);
    registration matches a newcomer against those records and completes the account.
    """

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(20), default=Role.STUDENT.value, index=True)
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date | None] = mapped_column(Date)
    birth_town: Mapped[str | None] = mapped_column(String(100))
    ine: Mapped[str | None] = mapped_column(String(20), index=True)
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    pending_email: Mapped[str | None] = mapped_column(String(254))
    email_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    secret_question: Mapped[str | None] = mapped_column(String(200))
    secret_answer_hash: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(Text)
    faculty: Mapped[str | None] = mapped_column(String(100))
    registered_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    created_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)

    @property
    def registered(self) -> bool:
        return self.password_hash is not None

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name.upper()}"


class AuthSession(Base):
    """A signed-in session: a random bearer token, stored only as its hash."""

    __tablename__ = "auth_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(TZDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    address: Mapped[str | None] = mapped_column(String(64))

    person: Mapped[Person] = relationship()


class EmailToken(Base):
    """A link sent by mail (confirm email, reset password, sign-in link, proxy validation)."""

    __tablename__ = "email_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(30))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(TZDateTime)
    used_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    person: Mapped[Person] = relationship()


class LoginAttempt(Base):
    """Failed sign-ins, kept to throttle per account and per address."""

    __tablename__ = "login_attempt"
    __table_args__ = (Index("ix_login_attempt_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300))  # "account:<email>" or "address:<ip>"
    at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)


# --------------------------------------------------------------------------- logs


class AuditEntry(Base):
    """Who did what, when, from where: every action on an account or a campaign."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id"))
    action: Mapped[str] = mapped_column(String(60))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    address: Mapped[str | None] = mapped_column(String(64))


class EventRecord(Base):
    """A live event. The autoincrement id is the SSE id: monotonic, replayable."""

    __tablename__ = "event_log"
    # Never reuse an id once a demo refresh deletes rows: clients resume by id.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(60))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id"), index=True)
    # None: everybody may see it; otherwise only that person.
    audience_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# --------------------------------------------------------------------------- campaigns


class Campaign(Base):
    """One procedure run: a national choice, a regional amphitheatre choice or a matching."""

    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(30), default="draft")
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)


class Participation(Base):
    """A person taking part in a campaign (as student, supervisor, coordinator...)."""

    __tablename__ = "participation"
    __table_args__ = (UniqueConstraint("campaign_id", "person_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))

    campaign: Mapped[Campaign] = relationship()
