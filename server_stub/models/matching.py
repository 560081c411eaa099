"""Matching (SiiMOP): posts, candidates, applications, rankings."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server_stub.db import Base
from server_stub.models.core import Person


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
