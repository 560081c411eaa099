"""Amphitheatre choice (DCI): amphitheatres, sessions, interns, services, posts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server_stub.db import Base
from server_stub.models.core import Person, TZDateTime


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
