"""Matching (SiiMOP): waves and dated rounds, posts, candidates, applications, rankings, results.

A matching campaign holds waves ("vagues"); a wave is an independent matching with its own
posts, candidates and rounds ("tours"). Each round has dated phases (students' applications,
supervisors' ranking, results); round 3 usually happens off the platform and its outcomes
are typed in by coordinators. Applications and rankings belong to one round, so round 2
starts from clean lists for the students and places left over by round 1.

Portable SQL only (no SQLite-specific types) so PostgreSQL works unchanged. Times are UTC.
"""

from __future__ import annotations

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


class MatchingWave(Base):
    """A wave of a matching campaign: its posts, its candidates and its rounds.

    `posts_opens_at`/`posts_closes_at` is the "Mes postes" window, when supervisors check
    their posts, write a description and attach a file.
    """

    __tablename__ = "matching_wave"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"),
                                             index=True)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=1)
    posts_opens_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    posts_closes_at: Mapped[datetime | None] = mapped_column(TZDateTime)


class MatchingRound(Base):
    """A round of a wave with its dated phases; `state` is planned, run or published.

    On-platform rounds use the applications and ranking windows (closing times excluded)
    and `results_at`; an off-platform round (round 3) uses `opens_at`/`closes_at`.
    """

    __tablename__ = "matching_round"
    __table_args__ = (UniqueConstraint("wave_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("matching_wave.id", ondelete="CASCADE"),
                                         index=True)
    number: Mapped[int] = mapped_column(Integer)
    off_platform: Mapped[bool] = mapped_column(Boolean, default=False)
    applications_opens_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    applications_closes_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    ranking_opens_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    ranking_closes_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    results_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    opens_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    state: Mapped[str] = mapped_column(String(20), default="planned")
    run_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    run_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    published_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class MatchingPost(Base):
    """A training post ("terrain de stage") open to the matching of junior doctors."""

    __tablename__ = "matching_post"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    wave_id: Mapped[int] = mapped_column(ForeignKey("matching_wave.id", ondelete="CASCADE"),
                                         index=True)
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
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    second_supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"),
                                                             index=True)
    # What the second supervisor of a "couplé"/"mixte" post may do: "read" or "rank".
    second_supervisor_access: Mapped[str] = mapped_column(String(10), default="read")
    description: Mapped[str | None] = mapped_column(Text)
    validated: Mapped[bool] = mapped_column(Boolean, default=False)

    supervisor: Mapped[Person | None] = relationship(foreign_keys=[supervisor_id])
    second_supervisor: Mapped[Person | None] = relationship(foreign_keys=[second_supervisor_id])


class MatchingCandidate(Base):
    """A junior doctor taking part in a matching campaign (in one of its waves)."""

    __tablename__ = "matching_candidate"
    __table_args__ = (UniqueConstraint("campaign_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    wave_id: Mapped[int] = mapped_column(ForeignKey("matching_wave.id", ondelete="CASCADE"),
                                         index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    specialty: Mapped[str] = mapped_column(String(120))
    subdivision: Mapped[str] = mapped_column(String(60))
    offset_semester: Mapped[bool] = mapped_column(Boolean, default=False)
    presentation: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship()


class Application(Base):
    """A candidate's application to a post in one round, at a position in his ordered list."""

    __tablename__ = "application"
    __table_args__ = (UniqueConstraint("round_id", "candidate_id", "post_id"),
                      Index("ix_application_round_post", "round_id", "post_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("matching_round.id", ondelete="CASCADE"))
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("matching_candidate.id", ondelete="CASCADE"), index=True
    )
    post_id: Mapped[int] = mapped_column(
        ForeignKey("matching_post.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)


class PostRanking(Base):
    """The head of a post's ranking in a round: its version and its last change (who, when).

    The version grows by one on every save; a save naming an older version is refused,
    which keeps a supervisor's offline work from silently overwriting newer work.
    """

    __tablename__ = "post_ranking"
    __table_args__ = (UniqueConstraint("round_id", "post_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("matching_round.id", ondelete="CASCADE"))
    post_id: Mapped[int] = mapped_column(ForeignKey("matching_post.id", ondelete="CASCADE"),
                                         index=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))


class RankingEntry(Base):
    """Where a supervisor put a candidate of his post in a round: ranked (position) or rejected."""

    __tablename__ = "ranking_entry"
    __table_args__ = (UniqueConstraint("round_id", "post_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("matching_round.id", ondelete="CASCADE"))
    post_id: Mapped[int] = mapped_column(
        ForeignKey("matching_post.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("matching_candidate.id", ondelete="CASCADE")
    )
    status: Mapped[str] = mapped_column(String(20))  # ranked | rejected
    position: Mapped[int | None] = mapped_column(Integer)


class CandidateObservation(Base):
    """A supervisor's private notes on a candidate of his post; never shown to students."""

    __tablename__ = "candidate_observation"
    __table_args__ = (UniqueConstraint("post_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("matching_post.id", ondelete="CASCADE"))
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("matching_candidate.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))


class RoundResult(Base):
    """What a round gave a candidate who took part: a post, or none (`post_id` null).

    `source` is "engine" for a computed round, "manual" for an outcome typed in by a
    coordinator (off-platform round).
    """

    __tablename__ = "round_result"
    __table_args__ = (UniqueConstraint("round_id", "candidate_id"),
                      Index("ix_round_result_round_post", "round_id", "post_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("matching_round.id", ondelete="CASCADE"))
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("matching_candidate.id", ondelete="CASCADE"), index=True
    )
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("matching_post.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(String(10), default="engine")
    recorded_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))


class RoundPost(Base):
    """A post as a round saw it: places offered, candidates, ranking validity, assignments."""

    __tablename__ = "round_post"
    __table_args__ = (UniqueConstraint("round_id", "post_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("matching_round.id", ondelete="CASCADE"))
    post_id: Mapped[int] = mapped_column(ForeignKey("matching_post.id", ondelete="CASCADE"),
                                         index=True)
    capacity: Mapped[int] = mapped_column(Integer)
    candidates: Mapped[int] = mapped_column(Integer)
    valid: Mapped[bool] = mapped_column(Boolean)
    violations: Mapped[list[str]] = mapped_column(JSON, default=list)
    assigned: Mapped[int] = mapped_column(Integer)


class MatchingFile(Base):
    """An uploaded document: a post's attachment, or a piece of a candidate's file.

    The bytes live under the upload folder of the data directory, named by `storage_key`
    (random, never derived from what the uploader sent).
    """

    __tablename__ = "matching_file"
    __table_args__ = (UniqueConstraint("post_id", "kind"), UniqueConstraint("candidate_id", "kind"))

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("matching_post.id", ondelete="CASCADE"))
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("matching_candidate.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(20))  # attachment | cv | letter | contract
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(80), unique=True)
    uploaded_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))


class ApplicationReceipt(Base):
    """The signed receipt of one saved application list (the student keeps a copy).

    `version` counts the saves of the candidate's list in the round (1, 2, …); `post_ids`
    is the list as saved, first = preferred.
    """

    __tablename__ = "matching_receipt"
    __table_args__ = (UniqueConstraint("candidate_id", "round_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("matching_candidate.id", ondelete="CASCADE"), index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("matching_round.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(TZDateTime)
    post_ids: Mapped[list[Any]] = mapped_column(JSON)
    digest: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(64))
