"""National choice (CELINE): cells, ranked candidates, wishes, day slices, the amphitheatre run,
wish-change history, receipts and validation idempotency keys.

The campaign's site state is `Campaign.state` (see `services.national_common.SiteState`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server_stub.core.db import Base
from server_stub.core.models import Person, TZDateTime, utcnow


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


class NationalStudent(Base):
    """A ranked student in a national campaign.

    `turn_outcome` says how his turn in the amphitheatre ended (None: not passed yet):
    `validated` (he chose), `auto_assigned` (absent: first feasible wish), `staff_assigned`,
    `no_feasible_wish` (absent or simulated with nothing left), `skipped` (staff).
    """

    # The table keeps its first name (and its foreign keys `candidate_id`): the schema is
    # upgraded by adding what is missing, so a renamed table would start empty.
    __tablename__ = "national_candidate"
    __table_args__ = (UniqueConstraint("campaign_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column(Integer, index=True)
    pool: Mapped[str] = mapped_column(String(20), default="general")
    demoted_behind: Mapped[int | None] = mapped_column(Integer)
    absent: Mapped[bool] = mapped_column(Boolean, default=False)
    assigned_cell_id: Mapped[int | None] = mapped_column(ForeignKey("national_cell.id"),
                                                         index=True)
    assigned_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    wishes_version: Mapped[int] = mapped_column(Integer, default=0)
    turn_outcome: Mapped[str | None] = mapped_column(String(20), default=None)
    turn_ended_at: Mapped[datetime | None] = mapped_column(TZDateTime, default=None)
    # When he answered his secret question on first entry into the amphitheatre.
    amphi_entered_at: Mapped[datetime | None] = mapped_column(TZDateTime, default=None)

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


class NationalAmphiRun(Base):
    """The amphitheatre of a national campaign: running or paused, and whose turn it is.

    The current chooser is always the first student in passing order whose turn has not
    ended; `turn_candidate_id`/`turn_started_at` remember when his turn began, so a
    restarted server resumes the same turn.
    """

    __tablename__ = "national_amphi_run"
    __table_args__ = (UniqueConstraint("campaign_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    started_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    paused_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    turn_candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("national_candidate.id", ondelete="SET NULL"))
    turn_started_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    updated_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)


class WishChange(Base):
    """One change of a wish list ("mes changements passés")."""

    __tablename__ = "national_wish_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("national_candidate.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    action: Mapped[str] = mapped_column(String(20))  # add | delete | move | replace
    cell_id: Mapped[int | None] = mapped_column(
        ForeignKey("national_cell.id", ondelete="SET NULL"))
    from_position: Mapped[int | None] = mapped_column(Integer)
    to_position: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)  # the list's version after the change
    count: Mapped[int] = mapped_column(Integer)  # wishes in the list after the change


class WishReceipt(Base):
    """The signed receipt of one saved wish list (the client keeps a copy)."""

    __tablename__ = "national_receipt"
    __table_args__ = (UniqueConstraint("candidate_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("national_candidate.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(TZDateTime)
    cells: Mapped[list[Any]] = mapped_column(JSON)
    digest: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(64))


class ValidationKey(Base):
    """The first answer to a validation request, by its idempotency key."""

    __tablename__ = "national_validation_key"
    __table_args__ = (UniqueConstraint("candidate_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("national_candidate.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(100))
    cell_id: Mapped[int] = mapped_column(Integer)
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
