"""ORM models: people and accounts, campaigns of the three procedures, audit and event logs.

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
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server_stub.db import Base


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
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(20))

    campaign: Mapped[Campaign] = relationship()


# --------------------------------------------------------------------------- national choice


class NationalCell(Base):
    """Subdivision × specialty with its number of posts, in one pool (general or CESP)."""

    __tablename__ = "national_cell"
    __table_args__ = (UniqueConstraint("campaign_id", "pool", "subdivision", "specialty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    pool: Mapped[str] = mapped_column(String(20), default="general")  # general | cesp
    subdivision: Mapped[str] = mapped_column(String(60))
    specialty: Mapped[str] = mapped_column(String(120))
    capacity: Mapped[int] = mapped_column(Integer)


class NationalCandidate(Base):
    """A ranked student in a national campaign."""

    __tablename__ = "national_candidate"
    __table_args__ = (UniqueConstraint("campaign_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column(Integer, index=True)
    pool: Mapped[str] = mapped_column(String(20), default="general")
    demoted_behind: Mapped[int | None] = mapped_column(Integer)
    absent: Mapped[bool] = mapped_column(Boolean, default=False)
    assigned_cell_id: Mapped[int | None] = mapped_column(ForeignKey("national_cell.id"))
    assigned_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    wishes_version: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship()


class Wish(Base):
    """One entry of a student's ordered wish list."""

    __tablename__ = "wish"
    __table_args__ = (UniqueConstraint("candidate_id", "cell_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("national_candidate.id", ondelete="CASCADE"), index=True
    )
    cell_id: Mapped[int] = mapped_column(ForeignKey("national_cell.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)


class DaySlice(Base):
    """A day of the amphitheatre: the rank range passing that day and its start time."""

    __tablename__ = "day_slice"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    rank_from: Mapped[int] = mapped_column(Integer)
    rank_to: Mapped[int] = mapped_column(Integer)
    starts_at: Mapped[datetime] = mapped_column(TZDateTime)


# --------------------------------------------------------------------------- amphitheatre choice


class Amphi(Base):
    """An amphitheatre of a regional campaign: one specialty group and phase."""

    __tablename__ = "amphi"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    specialty_group: Mapped[str] = mapped_column(String(100))
    phase: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(30), default="not_validated")
    opens_at: Mapped[datetime | None] = mapped_column(TZDateTime)


class AmphiSession(Base):
    """A sitting of an amphitheatre: start, end and the call ranks it covers."""

    __tablename__ = "amphi_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    amphi_id: Mapped[int] = mapped_column(ForeignKey("amphi.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(TZDateTime)
    ends_at: Mapped[datetime] = mapped_column(TZDateTime)
    rank_from: Mapped[int] = mapped_column(Integer)
    rank_to: Mapped[int] = mapped_column(Integer)


class Intern(Base):
    """An intern in a regional campaign, with what the call list needs."""

    __tablename__ = "intern"
    __table_args__ = (UniqueConstraint("campaign_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    amphi_id: Mapped[int | None] = mapped_column(ForeignKey("amphi.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    des: Mapped[str] = mapped_column(String(20))
    des_label: Mapped[str] = mapped_column(String(120))
    specialty_group: Mapped[str] = mapped_column(String(100))
    regime: Mapped[str] = mapped_column(String(60))
    phase: Mapped[str] = mapped_column(String(40))
    faculty: Mapped[str] = mapped_column(String(100))
    cohort: Mapped[int] = mapped_column(Integer)
    seniority: Mapped[int] = mapped_column(Integer)
    local_rank: Mapped[int] = mapped_column(Integer)
    local_cohort_size: Mapped[int] = mapped_column(Integer)
    supernumerary: Mapped[str] = mapped_column(String(30), default="classique")
    supernumerary_request: Mapped[str | None] = mapped_column(String(30))

    person: Mapped[Person] = relationship()


class Service(Base):
    """A hospital service offering numbered posts."""

    __tablename__ = "service"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    establishment: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    head: Mapped[str] = mapped_column(String(120))
    department: Mapped[str] = mapped_column(String(3))
    number: Mapped[str] = mapped_column(String(20))


class AmphiPost(Base):
    """A numbered post of a service, open to an amphitheatre choice."""

    __tablename__ = "amphi_post"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(20))
    des: Mapped[str] = mapped_column(String(20))
    specialty_group: Mapped[str] = mapped_column(String(100))
    post_type: Mapped[str] = mapped_column(String(60))
    regime: Mapped[str] = mapped_column(String(60))
    earmark: Mapped[str | None] = mapped_column(String(120))
    reserved: Mapped[bool] = mapped_column(Boolean, default=False)
    taken_by_id: Mapped[int | None] = mapped_column(ForeignKey("intern.id"))
    taken_at: Mapped[datetime | None] = mapped_column(TZDateTime)

    service: Mapped[Service] = relationship()


# --------------------------------------------------------------------------- matching


class MatchingPost(Base):
    """A training post ("terrain de stage") open to the matching of junior doctors."""

    __tablename__ = "matching_post"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    specialty: Mapped[str] = mapped_column(String(120))
    option: Mapped[str | None] = mapped_column(String(120))
    post_type: Mapped[str] = mapped_column(String(20), default="simple")  # simple|couplé|mixte
    duration_months: Mapped[int] = mapped_column(Integer, default=12)
    number: Mapped[str] = mapped_column(String(20))
    offset_semester: Mapped[bool] = mapped_column(Boolean, default=False)
    label: Mapped[str] = mapped_column(String(200))
    indication: Mapped[str | None] = mapped_column(Text)
    establishment: Mapped[str] = mapped_column(String(200))
    subdivision: Mapped[str] = mapped_column(String(60))
    places: Mapped[int] = mapped_column(Integer, default=1)
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    second_supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    description: Mapped[str | None] = mapped_column(Text)
    validated: Mapped[bool] = mapped_column(Boolean, default=False)


class MatchingCandidate(Base):
    """A junior doctor taking part in a matching campaign."""

    __tablename__ = "matching_candidate"
    __table_args__ = (UniqueConstraint("campaign_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    specialty: Mapped[str] = mapped_column(String(120))
    subdivision: Mapped[str] = mapped_column(String(60))
    offset_semester: Mapped[bool] = mapped_column(Boolean, default=False)
    presentation: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship()


class Application(Base):
    """A candidate's application to a post, at a position in his ordered list."""

    __tablename__ = "application"
    __table_args__ = (UniqueConstraint("candidate_id", "post_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("matching_candidate.id", ondelete="CASCADE"), index=True
    )
    post_id: Mapped[int] = mapped_column(
        ForeignKey("matching_post.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)


class RankingEntry(Base):
    """Where a supervisor put a candidate of his post: ranked (with position) or rejected."""

    __tablename__ = "ranking_entry"
    __table_args__ = (UniqueConstraint("post_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(
        ForeignKey("matching_post.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("matching_candidate.id", ondelete="CASCADE")
    )
    status: Mapped[str] = mapped_column(String(20))  # ranked | rejected
    position: Mapped[int | None] = mapped_column(Integer)
    observation: Mapped[str | None] = mapped_column(Text)
    score: Mapped[float | None] = mapped_column(Float)
