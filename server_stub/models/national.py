"""National choice (CELINE): cells, ranked candidates, wishes, day slices."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server_stub.db import Base
from server_stub.models.core import Person, TZDateTime


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
