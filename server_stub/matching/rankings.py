"""Matching: supervisors' rankings of their candidates, round by round, and their validity.

A ranking is saved whole on every change (ranked ids in order, rejected ids) with the
version the client started from: a save from an older version is refused with 409
`stale_version` and the current ranking, so an offline client can merge instead of
overwriting; re-sending what is already stored is answered as a success (a retried
request). Validity is the engine's (ENGINE.md: nobody unclassified, ranked share, a local
candidate first) and comes with French messages for the red banner on every read and
write. Private observations are shown to the post's supervisors only — never to students,
nor in any student route.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server_stub.core import audit, events
from server_stub.core.context import RequestContext
from server_stub.core.db import execute_dml
from server_stub.core.errors import ApiError, forbidden, not_found
from server_stub.core.models import Campaign, Person
from server_stub.engine.matching import match
from server_stub.matching.access import (
    Action,
    fold,
    is_staff_side,
    load_campaign,
    load_post,
    now,
    require_open,
    roles_in,
    same_text,
    strip_controls,
    supervisor_access,
    utc,
)
from server_stub.matching.models import (
    Application,
    CandidateObservation,
    MatchingCandidate,
    MatchingFile,
    MatchingPost,
    MatchingRound,
    PostRanking,
    RankingEntry,
)
from server_stub.matching.phases import (
    PHASE_LABELS,
    assignments_before,
    engine_rules,
    phase_of,
    wave_round,
)
from server_stub.matching.schemas import (
    ObservationPublic,
    ObservationUpdate,
    RankingCandidate,
    RankingPublic,
    RankingSummary,
    RankingUpdate,
    RankingViolation,
)

# --------------------------------------------------------------------------- validity


def violations(candidates: Mapping[int, str | None], post_subdivision: str | None,
               ranked: list[int], rejected: list[int], rules: dict[str, Any]) -> list[str]:
    """The engine's broken rules for one post (`candidates`: id → subdivision)."""
    instance = {
        "rules": rules,
        "posts": [{"id": "P", "capacity": 1, "subdivision": post_subdivision,
                   "ranking": [str(c) for c in ranked],
                   "rejected": [str(c) for c in rejected]}],
        "students": [{"id": str(c), "subdivision": sub, "wishes": ["P"]}
                     for c, sub in candidates.items()],
    }
    return list(match(instance)["posts"]["P"]["violations"])


def rejection_floor(share: float) -> int | None:
    """The fewest candidates with which one may be rejected at this ranked share."""
    if share >= 1:
        return None
    return max(1, math.ceil(1 / (1 - share) - 1e-9))


def violation_messages(codes: list[str], n_candidates: int, rules: dict[str, Any],
                       post_subdivision: str) -> list[RankingViolation]:
    """French sentences for the red banner, one per broken rule."""
    share = float(rules.get("min_ranked_share", 0.8))
    out = []
    for code in codes:
        if code == "unclassified":
            text = "Il ne doit pas rester de candidatures non classées."
        elif code == "ranked_share":
            needed = math.ceil(share * n_candidates - 1e-9)
            floor = rejection_floor(share)
            text = (f"Au moins {round(share * 100)} % des candidatures doivent être classées, "
                    f"soit {needed} sur {n_candidates}")
            text += (f" : refuser une candidature n'est possible qu'à partir de {floor} "
                     "candidatures." if floor else ".")
        else:
            text = ("Le premier rang du classement doit contenir un étudiant de votre "
                    f"subdivision ({post_subdivision}).")
        out.append(RankingViolation(code=code, message=text))  # type: ignore[arg-type]
    return out


# --------------------------------------------------------------------------- reading


class StoredRanking:
    """A post's ranking in a round as stored, restricted to its current candidates."""

    def __init__(self, session: Session, post: MatchingPost, rnd: MatchingRound) -> None:
        self.post = post
        self.round = rnd
        rows = session.execute(
            select(MatchingCandidate, Person)
            .join(Application, Application.candidate_id == MatchingCandidate.id)
            .join(Person, Person.id == MatchingCandidate.person_id)
            .where(Application.round_id == rnd.id, Application.post_id == post.id)
            .order_by(Person.last_name, Person.first_name, MatchingCandidate.id))
        self.candidates: dict[int, tuple[MatchingCandidate, Person]] = {
            c.id: (c, p) for c, p in rows}
        self.head = session.scalar(select(PostRanking).where(
            PostRanking.round_id == rnd.id, PostRanking.post_id == post.id))
        entries = session.execute(
            select(RankingEntry.candidate_id, RankingEntry.status)
            .where(RankingEntry.round_id == rnd.id, RankingEntry.post_id == post.id)
            .order_by(RankingEntry.position, RankingEntry.id))
        self.stored_ranked: list[int] = []
        self.stored_rejected: list[int] = []
        for cand, status in entries:
            (self.stored_ranked if status == "ranked" else self.stored_rejected).append(cand)
        self.ranked = [c for c in self.stored_ranked if c in self.candidates]
        self.rejected = [c for c in self.stored_rejected if c in self.candidates]
        placed = set(self.ranked) | set(self.rejected)
        self.unclassified = [c for c in self.candidates if c not in placed]

    @property
    def version(self) -> int:
        return self.head.version if self.head else 0

    def broken(self, rules: dict[str, Any]) -> list[str]:
        # The engine compares subdivisions exactly: give it their folded forms.
        subs = {cid: fold(c.subdivision) for cid, (c, _p) in self.candidates.items()}
        return violations(subs, fold(self.post.subdivision), self.ranked, self.rejected, rules)


def _capacity(session: Session, post: MatchingPost, rnd: MatchingRound) -> int:
    _assigned, taken = assignments_before(session, rnd)
    return max(0, post.places - taken.get(post.id, 0))


def ranking_public(session: Session, campaign: Campaign, post: MatchingPost,
                   rnd: MatchingRound, viewer: Person) -> RankingPublic:
    """The ranking as `viewer` may see it (observations: the post's supervisors only)."""
    r = StoredRanking(session, post, rnd)
    rules = engine_rules(campaign)
    broken = r.broken(rules)
    access = supervisor_access(post, viewer)
    phase = phase_of(rnd, now())
    notes: dict[int, str] = {}
    if access is not None and r.candidates:
        notes = dict(session.execute(select(CandidateObservation.candidate_id,
                                            CandidateObservation.text)
                                     .where(CandidateObservation.post_id == post.id,
                                            CandidateObservation.candidate_id.in_(
                                                list(r.candidates)))).all())
    with_file: set[int] = set()
    if r.candidates:
        with_file = set(session.scalars(select(MatchingFile.candidate_id).where(
            MatchingFile.candidate_id.in_(list(r.candidates)))))
        with_file |= {cid for cid, (c, _p) in r.candidates.items() if c.presentation}
    rank = {cid: i for i, cid in enumerate(r.ranked, start=1)}
    rejected = set(r.rejected)

    def row(cid: int) -> RankingCandidate:
        c, p = r.candidates[cid]
        status = "ranked" if cid in rank else "rejected" if cid in rejected else "unclassified"
        return RankingCandidate(
            id=c.id, first_name=p.first_name, last_name=p.last_name, ine=p.ine,
            specialty=c.specialty, subdivision=c.subdivision, offset_semester=c.offset_semester,
            in_post_subdivision=same_text(c.subdivision, post.subdivision),
            status=status,  # type: ignore[arg-type]
            rank=rank.get(cid), has_file=cid in with_file,
            observation=notes.get(cid) if access is not None else None)

    updated_by = None
    if r.head is not None and r.head.updated_by_id is not None:
        author = session.get(Person, r.head.updated_by_id)
        updated_by = author.display_name if author else None
    return RankingPublic(
        post_id=post.id, round_id=rnd.id, round_number=rnd.number,
        phase=phase,  # type: ignore[arg-type]
        can_edit=access == "referent" and phase == "ranking" and campaign.state != "closed",
        version=r.version, updated_at=utc(r.head.updated_at) if r.head else None,
        updated_by=updated_by, capacity=_capacity(session, post, rnd),
        candidates=[row(c) for c in r.ranked + r.unclassified + r.rejected],
        ranked=r.ranked, rejected=r.rejected, unclassified=r.unclassified,
        valid=not broken,
        violations=violation_messages(broken, len(r.candidates), rules, post.subdivision))


def ranking_summary(session: Session, campaign: Campaign, post: MatchingPost,
                    rnd: MatchingRound, at: Any) -> RankingSummary:
    """What a post's card says about its ranking in the round."""
    r = StoredRanking(session, post, rnd)
    return RankingSummary(
        round_id=rnd.id, round_number=rnd.number,
        phase=phase_of(rnd, at),  # type: ignore[arg-type]
        candidates=len(r.candidates), ranked=len(r.ranked), rejected=len(r.rejected),
        unclassified=len(r.unclassified), valid=not r.broken(engine_rules(campaign)),
        version=r.version, updated_at=utc(r.head.updated_at) if r.head else None)


def _readable(session: Session, post_id: int, viewer: Person,
              round_id: int | None) -> tuple[Campaign, MatchingPost, MatchingRound]:
    post = load_post(session, post_id)
    campaign = load_campaign(session, post.campaign_id, viewer)
    if supervisor_access(post, viewer) is None:
        if not is_staff_side(roles_in(session, campaign, viewer)):
            raise forbidden("Seuls les responsables du poste et les coordonnateurs voient "
                            "son classement.")
    rnd = wave_round(session, post.wave_id, round_id)
    if rnd.off_platform:
        raise ApiError(409, "off_platform_round",
                       "Ce tour se déroule hors plateforme : il n'a pas de classement.")
    return campaign, post, rnd


def get_ranking(session: Session, viewer: Person, post_id: int,
                round_id: int | None) -> RankingPublic:
    """A post's ranking (its supervisors; coordinators and staff read it without notes)."""
    campaign, post, rnd = _readable(session, post_id, viewer, round_id)
    return ranking_public(session, campaign, post, rnd, viewer)


# --------------------------------------------------------------------------- saving


class RankingConflict(ApiError):
    """409 `stale_version`, carrying the current ranking next to the error."""

    def __init__(self, current: RankingPublic) -> None:
        super().__init__(409, "stale_version",
                         "Ce classement a été modifié entre-temps (sur un autre poste de travail "
                         "ou par l'autre responsable) : voici la version enregistrée.")
        self.current = current

    def body(self) -> dict[str, object]:
        return {**super().body(), "current": self.current.model_dump(mode="json")}


def _check_lists(data: RankingUpdate, candidates: set[int]) -> None:
    seen: set[int] = set()
    for name, values in (("ranked", data.ranked), ("rejected", data.rejected)):
        for i, cid in enumerate(values):
            if cid in seen:
                raise ApiError(422, "duplicate_candidate",
                               "Un candidat ne peut figurer qu'une fois dans le classement.",
                               field=f"{name}[{i}]")
            if cid not in candidates:
                raise ApiError(422, "not_a_candidate",
                               "Ce candidat n'a pas postulé à ce poste pour ce tour.",
                               field=f"{name}[{i}]")
            seen.add(cid)


def _phase_closed(rnd: MatchingRound, phase: str) -> ApiError:
    opens, closes = utc(rnd.ranking_opens_at), utc(rnd.ranking_closes_at)
    when = ""
    if opens and closes:
        when = (f" (du {opens:%d/%m/%Y %H:%M} au {closes:%d/%m/%Y %H:%M} UTC)")
    return ApiError(409, "phase_closed",
                    f"Le classement des candidatures n'est pas ouvert{when} : phase actuelle "
                    f"« {PHASE_LABELS.get(phase, phase)} ».")


def save_ranking(session: Session, ctx: RequestContext, viewer: Person, post_id: int,
                 data: RankingUpdate) -> RankingPublic:
    """Replace the ranking (referent supervisor, ranking phase). See the module docstring."""
    post = load_post(session, post_id)
    campaign = load_campaign(session, post.campaign_id, viewer)
    access = supervisor_access(post, viewer)
    if access is None:
        raise forbidden("Ce poste n'est pas l'un des vôtres.")
    if access != "referent":
        raise forbidden("Votre accès à ce poste est en consultation : seul le responsable "
                        "référent classe les candidatures.")
    require_open(campaign)
    rnd = wave_round(session, post.wave_id, data.round_id)
    phase = phase_of(rnd, now())
    if rnd.off_platform or phase != "ranking":
        raise _phase_closed(rnd, phase)
    current = StoredRanking(session, post, rnd)
    _check_lists(data, set(current.candidates))
    if (data.ranked, data.rejected) == (current.stored_ranked, current.stored_rejected):
        return ranking_public(session, campaign, post, rnd, viewer)  # nothing to change
    if data.version != current.version:
        raise RankingConflict(ranking_public(session, campaign, post, rnd, viewer))
    at = now()
    stale = False
    try:
        if current.head is None:
            session.add(PostRanking(round_id=rnd.id, post_id=post.id, version=1,
                                    updated_at=at, updated_by_id=viewer.id))
            session.flush()
        else:
            # Compare-and-set: of two saves from the same version, only one moves it on.
            moved = execute_dml(session,
                update(PostRanking)
                .where(PostRanking.id == current.head.id, PostRanking.version == data.version)
                .values(version=data.version + 1, updated_at=at, updated_by_id=viewer.id)
                .execution_options(synchronize_session=False))
            stale = moved.rowcount != 1
    except IntegrityError:  # a concurrent first save created the head
        stale = True
    if stale:
        session.rollback()
        raise RankingConflict(ranking_public(session, campaign, post, rnd, viewer))
    session.execute(delete(RankingEntry).where(RankingEntry.round_id == rnd.id,
                                               RankingEntry.post_id == post.id))
    rows = [{"round_id": rnd.id, "post_id": post.id, "candidate_id": cid, "status": "ranked",
             "position": i} for i, cid in enumerate(data.ranked, start=1)]
    rows += [{"round_id": rnd.id, "post_id": post.id, "candidate_id": cid, "status": "rejected",
              "position": i} for i, cid in enumerate(data.rejected, start=1)]
    if rows:
        session.execute(insert(RankingEntry), rows)
    version = data.version + 1
    audit.record(session, Action.RANKING_SAVED, actor_id=viewer.id, campaign_id=campaign.id,
                 address=ctx.address,
                 detail={"post_id": post.id, "round_id": rnd.id, "version": version,
                         "ranked": len(data.ranked), "rejected": len(data.rejected)})
    for person_id in {post.supervisor_id, post.second_supervisor_id} - {None}:
        events.publish(session, "matching_ranking_saved",
                       {"post_id": post.id, "round_id": rnd.id, "version": version,
                        "by": viewer.id}, campaign_id=campaign.id, audience_id=person_id)
    session.commit()
    session.expire_all()
    return ranking_public(session, campaign, post, rnd, viewer)


def save_observation(session: Session, ctx: RequestContext, viewer: Person, post_id: int,
                     candidate_id: int, data: ObservationUpdate) -> ObservationPublic:
    """The post's supervisors' private notes on a candidate (empty text deletes them)."""
    post = load_post(session, post_id)
    campaign = load_campaign(session, post.campaign_id, viewer)
    if supervisor_access(post, viewer) is None:
        raise forbidden("Seuls les responsables du poste écrivent des observations.")
    require_open(campaign)
    applied = session.scalar(select(Application.id).where(
        Application.post_id == post.id, Application.candidate_id == candidate_id).limit(1))
    if applied is None:
        raise not_found("Ce candidat n'a pas postulé à ce poste.", field="candidate_id")
    note = session.scalar(select(CandidateObservation).where(
        CandidateObservation.post_id == post.id,
        CandidateObservation.candidate_id == candidate_id))
    text = strip_controls(data.text)
    at = now()
    if text is None:
        if note is not None:
            session.delete(note)
    elif note is None:
        note = CandidateObservation(post_id=post.id, candidate_id=candidate_id, text=text,
                                    updated_at=at, updated_by_id=viewer.id)
        session.add(note)
    else:
        note.text, note.updated_at, note.updated_by_id = text, at, viewer.id
    # The note itself stays out of the audit log: it is private to the supervisors.
    audit.record(session, Action.OBSERVATION_SAVED, actor_id=viewer.id, campaign_id=campaign.id,
                 address=ctx.address, detail={"post_id": post.id, "candidate_id": candidate_id})
    session.commit()
    return ObservationPublic(post_id=post.id, candidate_id=candidate_id, text=text,
                             updated_at=at if text is not None else None)
