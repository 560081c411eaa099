"""Amphitheatre choice (DCI): amphitheatres, sessions, interns, services, posts, and what the
live choice needs: favourites, saved searches, the turn queue and clock, presence,
assignments, proxies and staff messages.

The live state of an amphitheatre (`AmphiLive` + one `AmphiTurn` per intern) is entirely in
the database, deadlines included, so a restarted server resumes a session where it was.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server_stub.core.db import Base
from server_stub.core.models import Person, TZDateTime, utcnow


class AmphiState(enum.StrEnum):
    """Life of an amphitheatre; every change is made by staff (opening also at `opens_at`)."""

    NOT_VALIDATED = "not_validated"
    VALIDATED = "validated"  # opening date known
    OPEN = "open"  # favourites, call list
    IN_PROGRESS = "in_progress"  # live turns
    PAUSED = "paused"  # clock frozen
    FINISHED = "finished"


class ChoiceType(enum.StrEnum):
    """« Type de choix »: supernumerary interns may take a filled post and use no place."""

    CLASSIQUE = "classique"
    COUNTING = "surnombre validant"
    NON_COUNTING = "surnombre non validant"


class TurnStatus(enum.StrEnum):
    """Where an intern stands in a running amphitheatre."""

    WAITING = "waiting"
    CHOOSING = "choosing"
    CHOSEN = "chosen"
    ABSENT = "absent"  # not connected at his turn: placed after the chooser when he connects
    TIMED_OUT = "timed_out"  # connected but did not choose in time: staff may requeue him
    SKIPPED = "skipped"  # planned absence
    NOT_REACHED = "not_reached"  # still waiting when the amphitheatre finished


class ProxyStatus(enum.StrEnum):
    PENDING = "pending"  # mailed, not yet validated by the holder
    ACTIVE = "active"
    CANCELLED = "cancelled"  # by the intern
    ENDED = "ended"  # the amphitheatre finished


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
    """An intern in a regional campaign, with what the call list needs.

    `supernumerary` is the accepted type of choice (`ChoiceType`); a pending request sits
    in `supernumerary_request` until staff accept or refuse it.
    """

    __tablename__ = "intern"
    __table_args__ = (UniqueConstraint("campaign_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    amphi_id: Mapped[int | None] = mapped_column(ForeignKey("amphi.id"), index=True)
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
    supernumerary_requested_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    # Outcome of the latest request: "accepted" | "refused" (shown as « Changement accepté »).
    supernumerary_decision: Mapped[str | None] = mapped_column(String(20))
    supernumerary_decided_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    planned_absence: Mapped[bool] = mapped_column(Boolean, default=False)
    absence_reason: Mapped[str | None] = mapped_column(String(200))
    # The first entry's check (as DCI asks): the intern confirmed his faculty and passing
    # order, or reported what is wrong (`details_report`, for the agency).
    details_checked_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    details_report: Mapped[str | None] = mapped_column(String(500))

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
    """A numbered post of a service, open to one amphitheatre's choice.

    `taken_by_id` is the intern holding its place; a supernumerary intern's choice is an
    `AmphiAssignment` that leaves the post free for the others.
    """

    __tablename__ = "amphi_post"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    amphi_id: Mapped[int | None] = mapped_column(ForeignKey("amphi.id"), index=True)
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


# --------------------------------------------------------------------------- live session


class AmphiLive(Base):
    """The clock of a running amphitheatre: whose turn it is and until when (UTC).

    Paused: `deadline` is None and `remaining_ms` keeps the current turn's time left.
    `turn_no` grows at each turn, so a late deadline handler can tell it is stale.
    """

    __tablename__ = "amphi_live"

    amphi_id: Mapped[int] = mapped_column(ForeignKey("amphi.id", ondelete="CASCADE"),
                                          primary_key=True)
    turn_no: Mapped[int] = mapped_column(Integer, default=0)
    current_intern_id: Mapped[int | None] = mapped_column(ForeignKey("intern.id"))
    deadline: Mapped[datetime | None] = mapped_column(TZDateTime, index=True)
    remaining_ms: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[datetime | None] = mapped_column(TZDateTime)


class AmphiTurn(Base):
    """One intern's place in the live queue (frozen from the call list at the start)."""

    __tablename__ = "amphi_turn"
    __table_args__ = (Index("ix_amphi_turn_amphi_position", "amphi_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    amphi_id: Mapped[int] = mapped_column(ForeignKey("amphi.id", ondelete="CASCADE"))
    intern_id: Mapped[int] = mapped_column(ForeignKey("intern.id", ondelete="CASCADE"),
                                           unique=True)
    call_rank: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=TurnStatus.WAITING.value)
    rejoins: Mapped[int] = mapped_column(Integer, default=0)


class AmphiPresence(Base):
    """The last sign of life of an intern (or of his proxy holder) in his amphitheatre."""

    __tablename__ = "amphi_presence"

    intern_id: Mapped[int] = mapped_column(ForeignKey("intern.id", ondelete="CASCADE"),
                                           primary_key=True)
    last_seen_at: Mapped[datetime] = mapped_column(TZDateTime)


class AmphiAssignment(Base):
    """A final choice: the post an intern took, by whom, and the key that made it once."""

    __tablename__ = "amphi_assignment"
    __table_args__ = (UniqueConstraint("intern_id", "idempotency_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    amphi_id: Mapped[int] = mapped_column(ForeignKey("amphi.id", ondelete="CASCADE"),
                                          index=True)
    intern_id: Mapped[int] = mapped_column(ForeignKey("intern.id", ondelete="CASCADE"),
                                           unique=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("amphi_post.id", ondelete="CASCADE"),
                                         index=True)
    choice_type: Mapped[str] = mapped_column(String(30), default=ChoiceType.CLASSIQUE.value)
    chosen_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    chosen_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    by_proxy: Mapped[bool] = mapped_column(Boolean, default=False)
    by_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    idempotency_key: Mapped[str | None] = mapped_column(String(100))
    # The answer given to the choosing request, replayed as is to a retry with the same key.
    answer: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    intern: Mapped[Intern] = relationship()
    post: Mapped[AmphiPost] = relationship()


# --------------------------------------------------------------------------- favourites


class AmphiFavouriteList(Base):
    """Per intern and amphitheatre: the version clients sync against (offline edits)."""

    __tablename__ = "amphi_favourite_list"
    __table_args__ = (UniqueConstraint("intern_id", "amphi_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    intern_id: Mapped[int] = mapped_column(ForeignKey("intern.id", ondelete="CASCADE"))
    amphi_id: Mapped[int] = mapped_column(ForeignKey("amphi.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer, default=0)
    # The client warns the first time a single post (not a whole service) is added.
    single_post_warned: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)


class AmphiFavourite(Base):
    """A whole service or one post, at a position (1 = first) in an intern's favourites."""

    __tablename__ = "amphi_favourite"
    __table_args__ = (UniqueConstraint("intern_id", "amphi_id", "target"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    intern_id: Mapped[int] = mapped_column(ForeignKey("intern.id", ondelete="CASCADE"),
                                           index=True)
    amphi_id: Mapped[int] = mapped_column(ForeignKey("amphi.id", ondelete="CASCADE"))
    target: Mapped[str] = mapped_column(String(40))  # "service:<id>" | "post:<id>"
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("amphi_post.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)


class SavedSearch(Base):
    """A named set of post-search criteria, per person (criteria are the client's JSON)."""

    __tablename__ = "saved_search"
    __table_args__ = (UniqueConstraint("person_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    name: Mapped[str] = mapped_column(String(100))
    criteria: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)


# --------------------------------------------------------------------------- proxies, bell


class AmphiProxy(Base):
    """« Procuration »: a person (email, phone) who chooses in an intern's place.

    The holder is a `proxy_holder` account of its own (no email on the person: the login is
    the proxy's `holder_email`), so a co-intern may hold a proxy too. `holder_key` and
    `intern_key` are set only while the proxy is pending or active: their unique indexes
    make "one proxy per holder" and "one proxy per intern" hold under concurrency.
    """

    __tablename__ = "amphi_proxy"

    id: Mapped[int] = mapped_column(primary_key=True)
    intern_id: Mapped[int] = mapped_column(ForeignKey("intern.id", ondelete="CASCADE"),
                                           index=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    holder_email: Mapped[str] = mapped_column(String(254))
    holder_phone: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20), default=ProxyStatus.PENDING.value)
    holder_key: Mapped[str | None] = mapped_column(String(254), unique=True)
    intern_key: Mapped[int | None] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    validated_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(TZDateTime)

    intern: Mapped[Intern] = relationship()
    holder: Mapped[Person] = relationship()


class AmphiMessage(Base):
    """A staff message to an amphitheatre (the bell)."""

    __tablename__ = "amphi_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    amphi_id: Mapped[int] = mapped_column(ForeignKey("amphi.id", ondelete="CASCADE"),
                                          index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
