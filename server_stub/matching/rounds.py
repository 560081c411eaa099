"""Matching: running rounds, publishing results, recording off-platform outcomes, reading results.

Staff run an on-platform round once its ranking phase is over: the engine's `match` over the
round's applications and valid rankings, each post offering the places earlier rounds
left, among the candidates earlier rounds did not assign. Results are stored in bulk (one
row per candidate who applied, with his post or none, and one row per post with its
validity). A run round may be run again until coordinators publish it; before publication
only coordinators and staff see its results. Round 3 happens off the platform: coordinators
type in its outcomes, then publish them the same way.
"""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from server_stub.core import audit, events
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError, not_found
from server_stub.core.models import Campaign, Person
from server_stub.engine.matching import match
from server_stub.matching.access import (
    STUDENT,
    SUPERVISOR,
    Action,
    fold,
    is_staff_side,
    load_campaign,
    matches_query,
    now,
    region_of,
    require_open,
    require_staff,
    require_staff_side,
    roles_in,
    same_text,
)
from server_stub.matching.applications import result_post
from server_stub.matching.files import candidate_brief
from server_stub.matching.models import (
    Application,
    MatchingCandidate,
    MatchingPost,
    MatchingRound,
    MatchingWave,
    RankingEntry,
    RoundPost,
    RoundResult,
)
from server_stub.matching.phases import (
    assignments_before,
    engine_rules,
    phase_of,
    require_earlier_published,
    round_public,
)
from server_stub.matching.schemas import (
    OutcomeUpdate,
    ResultFilter,
    ResultPage,
    ResultRow,
    RoundRunPublic,
)

INSERT_PAGE = 5000


def _round(session: Session, round_id: int, viewer: Person) -> tuple[Campaign, MatchingWave,
                                                                      MatchingRound]:
    rnd = session.get(MatchingRound, round_id)
    if rnd is None:
        raise not_found("Tour introuvable.")
    wave = session.get(MatchingWave, rnd.wave_id)
    assert wave is not None
    return load_campaign(session, wave.campaign_id, viewer), wave, rnd


# --------------------------------------------------------------------------- running


def build_instance(session: Session, campaign: Campaign, wave: MatchingWave,
                   rnd: MatchingRound) -> tuple[dict[str, Any], dict[int, int], set[int]]:
    """The engine's input for the round: (instance, capacity per post, participants).

    Capacities are the places earlier rounds left; candidates assigned earlier, and
    ranking entries for anyone who is not a current candidate of the post, are left out.
    """
    assigned_before, taken = assignments_before(session, rnd)
    subdivision = {cid: fold(sub) for cid, sub in session.execute(
        select(MatchingCandidate.id, MatchingCandidate.subdivision)
        .where(MatchingCandidate.wave_id == wave.id)) if cid not in assigned_before}
    posts = session.execute(select(MatchingPost.id, MatchingPost.places, MatchingPost.subdivision)
                            .where(MatchingPost.wave_id == wave.id)).all()
    capacity = {pid: max(0, places - taken.get(pid, 0)) for pid, places, _sub in posts}
    wishes: dict[int, list[str]] = defaultdict(list)
    applicants: dict[int, set[int]] = defaultdict(set)
    for cid, pid in session.execute(select(Application.candidate_id, Application.post_id)
                                    .where(Application.round_id == rnd.id)
                                    .order_by(Application.candidate_id, Application.position)):
        if cid in subdivision and pid in capacity:
            wishes[cid].append(str(pid))
            applicants[pid].add(cid)
    ranking: dict[int, list[str]] = defaultdict(list)
    rejected: dict[int, list[str]] = defaultdict(list)
    for pid, cid, status in session.execute(
            select(RankingEntry.post_id, RankingEntry.candidate_id, RankingEntry.status)
            .where(RankingEntry.round_id == rnd.id)
            .order_by(RankingEntry.post_id, RankingEntry.position, RankingEntry.id)):
        if cid in applicants.get(pid, ()):
            (ranking if status == "ranked" else rejected)[pid].append(str(cid))
    instance = {
        "rules": engine_rules(campaign),
        "posts": [{"id": str(pid), "capacity": capacity[pid], "subdivision": fold(sub),
                   "ranking": ranking.get(pid, []), "rejected": rejected.get(pid, [])}
                  for pid, _places, sub in posts],
        "students": [{"id": str(cid), "subdivision": subdivision[cid], "wishes": ws}
                     for cid, ws in wishes.items()],
    }
    return instance, capacity, set(wishes)


def _insert(session: Session, model: type, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), INSERT_PAGE):
        session.execute(insert(model), rows[start:start + INSERT_PAGE])


def run_round(session: Session, ctx: RequestContext, staff: Person,
              round_id: int) -> RoundRunPublic:
    """Match the round and store its results (again, until published). Staff only.

    Raises 409 `off_platform_round`, `round_published`, `phase_not_over`,
    `previous_round_pending`.
    """
    started = time.perf_counter()
    require_staff(staff)
    campaign, wave, rnd = _round(session, round_id, staff)
    require_open(campaign)
    if rnd.off_platform:
        raise ApiError(409, "off_platform_round",
                       "Ce tour se déroule hors plateforme : ses affectations sont saisies par "
                       "les coordonnateurs.")
    if rnd.state == "published":
        raise ApiError(409, "round_published", "Les résultats de ce tour sont déjà publiés.")
    at = now()
    if rnd.state == "planned" and phase_of(rnd, at) != "awaiting_results":
        raise ApiError(409, "phase_not_over",
                       "Le tour ne peut être lancé qu'après la clôture du classement des "
                       "candidatures.")
    require_earlier_published(session, rnd)
    instance, capacity, participants = build_instance(session, campaign, wave, rnd)
    try:
        result = match(instance)
    except ValueError as exc:  # our own data should never fail the engine's checks
        raise ApiError(409, "engine_refused",
                       f"Le calcul de l'appariement a refusé les données : {exc}") from exc
    session.execute(delete(RoundResult).where(RoundResult.round_id == rnd.id))
    session.execute(delete(RoundPost).where(RoundPost.round_id == rnd.id))
    assignments: dict[str, str | None] = result["assignments"]
    _insert(session, RoundResult, [
        {"round_id": rnd.id, "candidate_id": int(cid), "source": "engine",
         "post_id": int(pid) if pid is not None else None, "recorded_at": at,
         "recorded_by_id": staff.id} for cid, pid in assignments.items()])
    n_candidates: dict[int, int] = defaultdict(int)
    for student in instance["students"]:
        for pid in student["wishes"]:
            n_candidates[int(pid)] += 1
    post_rows = []
    valid = invalid = 0
    for pid_s, outcome in result["posts"].items():
        pid = int(pid_s)
        if capacity[pid] == 0 and n_candidates[pid] == 0:
            continue
        if n_candidates[pid]:
            if outcome["valid"]:
                valid += 1
            else:
                invalid += 1
        post_rows.append({"round_id": rnd.id, "post_id": pid, "capacity": capacity[pid],
                          "candidates": n_candidates[pid], "valid": outcome["valid"],
                          "violations": outcome["violations"],
                          "assigned": len(outcome["assigned"])})
    _insert(session, RoundPost, post_rows)
    n_assigned = sum(1 for pid in assignments.values() if pid is not None)
    summary = {"participants": len(participants), "assigned": n_assigned,
               "unassigned": len(participants) - n_assigned,
               "posts": sum(1 for c in capacity.values() if c > 0),
               "posts_valid": valid, "posts_invalid": invalid,
               "places": sum(capacity.values())}
    rnd.state = "run"
    rnd.run_at = at
    rnd.run_by_id = staff.id
    rnd.summary = summary
    audit.record(session, Action.ROUND_RUN, actor_id=staff.id, campaign_id=campaign.id,
                 address=ctx.address, detail={"round_id": rnd.id, **summary})
    session.commit()
    return RoundRunPublic(round=round_public(rnd, now()), **summary,
                          seconds=round(time.perf_counter() - started, 3))


def publish_round(session: Session, ctx: RequestContext, viewer: Person,
                  round_id: int) -> RoundRunPublic:
    """Make the round's results visible to students and supervisors (coordinators, staff)."""
    campaign, wave, rnd = _round(session, round_id, viewer)
    require_staff_side(roles_in(session, campaign, viewer))
    require_open(campaign)
    if rnd.state == "published":
        raise ApiError(409, "round_published", "Les résultats de ce tour sont déjà publiés.")
    if not rnd.off_platform and rnd.state != "run":
        raise ApiError(409, "round_not_run",
                       "Ce tour n'a pas encore été calculé : lancez-le avant de publier.")
    require_earlier_published(session, rnd)
    at = now()
    rnd.state = "published"
    rnd.published_at = at
    rnd.published_by_id = viewer.id
    if rnd.off_platform:
        outcomes = session.execute(select(RoundResult.post_id).where(
            RoundResult.round_id == rnd.id)).scalars().all()
        n_assigned = sum(1 for p in outcomes if p is not None)
        rnd.summary = {"participants": len(outcomes), "assigned": n_assigned,
                       "unassigned": len(outcomes) - n_assigned, "posts": 0, "posts_valid": 0,
                       "posts_invalid": 0, "places": 0}
    audit.record(session, Action.ROUND_PUBLISHED, actor_id=viewer.id, campaign_id=campaign.id,
                 address=ctx.address, detail={"round_id": rnd.id})
    events.publish(session, "matching_results_published",
                   {"wave_id": wave.id, "round_id": rnd.id, "round_number": rnd.number},
                   campaign_id=campaign.id)
    session.commit()
    summary = dict(rnd.summary or {})
    summary = {k: int(summary.get(k, 0)) for k in ("participants", "assigned", "unassigned",
                                                   "posts", "posts_valid", "posts_invalid",
                                                   "places")}
    return RoundRunPublic(round=round_public(rnd, at), **summary, seconds=0.0)


# --------------------------------------------------------------------------- off platform


def _off_platform_round(session: Session, viewer: Person, round_id: int
                        ) -> tuple[Campaign, MatchingWave, MatchingRound]:
    campaign, wave, rnd = _round(session, round_id, viewer)
    require_staff_side(roles_in(session, campaign, viewer))
    require_open(campaign)
    if not rnd.off_platform:
        raise ApiError(409, "on_platform_round",
                       "Les affectations de ce tour sont calculées : seules celles d'un tour "
                       "hors plateforme se saisissent.")
    if rnd.state == "published":
        raise ApiError(409, "round_published", "Les résultats de ce tour sont déjà publiés.")
    require_earlier_published(session, rnd)
    return campaign, wave, rnd


def record_outcome(session: Session, ctx: RequestContext, viewer: Person, round_id: int,
                   candidate_id: int, data: OutcomeUpdate) -> ResultRow:
    """A coordinator types in what an off-platform round gave a candidate (post or none).

    Raises 409 `already_assigned` (an earlier round placed him) or `post_filled`.
    """
    campaign, wave, rnd = _off_platform_round(session, viewer, round_id)
    candidate = session.get(MatchingCandidate, candidate_id)
    if candidate is None or candidate.wave_id != wave.id:
        raise not_found("Candidat introuvable dans cette vague.")
    assigned, taken = assignments_before(session, rnd)
    if candidate.id in assigned:
        raise ApiError(409, "already_assigned",
                       "Ce candidat a déjà été affecté lors d'un tour précédent.")
    existing = session.scalar(select(RoundResult).where(RoundResult.round_id == rnd.id,
                                                        RoundResult.candidate_id == candidate.id))
    post = None
    if data.post_id is not None:
        post = session.get(MatchingPost, data.post_id)
        if post is None or post.wave_id != wave.id:
            raise not_found("Poste introuvable dans cette vague.", field="post_id")
        here = session.scalars(select(RoundResult.candidate_id).where(
            RoundResult.round_id == rnd.id, RoundResult.post_id == post.id)).all()
        used = taken.get(post.id, 0) + sum(1 for c in here if c != candidate.id)
        if used >= post.places:
            raise ApiError(409, "post_filled", "Ce poste n'a plus de place à attribuer.",
                           field="post_id")
    if existing is None:
        existing = RoundResult(round_id=rnd.id, candidate_id=candidate.id, source="manual")
        session.add(existing)
    existing.post_id = post.id if post else None
    existing.source = "manual"
    existing.recorded_at = now()
    existing.recorded_by_id = viewer.id
    audit.record(session, Action.OUTCOME_RECORDED, actor_id=viewer.id, campaign_id=campaign.id,
                 address=ctx.address,
                 detail={"round_id": rnd.id, "candidate_id": candidate.id,
                         "post_id": existing.post_id})
    session.commit()
    person = session.get(Person, candidate.person_id)
    assert person is not None
    sup = session.get(Person, post.supervisor_id) if post and post.supervisor_id else None
    return ResultRow(round_id=rnd.id, round_number=rnd.number, wave_id=wave.id,
                     wave_name=wave.name, published=False, source="manual",
                     candidate=candidate_brief(candidate, person),
                     post=result_post(post, sup) if post else None)


def delete_outcome(session: Session, ctx: RequestContext, viewer: Person, round_id: int,
                   candidate_id: int) -> None:
    campaign, _wave, rnd = _off_platform_round(session, viewer, round_id)
    row = session.scalar(select(RoundResult).where(RoundResult.round_id == rnd.id,
                                                   RoundResult.candidate_id == candidate_id))
    if row is None:
        raise not_found("Aucune affectation saisie pour ce candidat dans ce tour.")
    session.delete(row)
    audit.record(session, Action.OUTCOME_DELETED, actor_id=viewer.id, campaign_id=campaign.id,
                 address=ctx.address, detail={"round_id": rnd.id, "candidate_id": candidate_id})
    session.commit()


# --------------------------------------------------------------------------- reading results


def result_rows(session: Session, campaign: Campaign, viewer: Person,
                f: ResultFilter) -> list[ResultRow]:
    """Results as `viewer` may see them: everything for coordinators and staff; published
    results of his posts for a supervisor, his own for a student."""
    roles = roles_in(session, campaign, viewer)
    staff_side = is_staff_side(roles)
    if not staff_side and not roles & {SUPERVISOR, STUDENT}:
        require_staff_side(roles)
    query = (select(RoundResult, MatchingRound, MatchingWave, MatchingCandidate, Person)
             .join(MatchingRound, MatchingRound.id == RoundResult.round_id)
             .join(MatchingWave, MatchingWave.id == MatchingRound.wave_id)
             .join(MatchingCandidate, MatchingCandidate.id == RoundResult.candidate_id)
             .join(Person, Person.id == MatchingCandidate.person_id)
             .where(MatchingWave.campaign_id == campaign.id))
    if f.wave_id is not None:
        query = query.where(MatchingWave.id == f.wave_id)
    if f.round_id is not None:
        query = query.where(MatchingRound.id == f.round_id)
    if f.assigned is not None:
        query = query.where(RoundResult.post_id.is_not(None) if f.assigned
                            else RoundResult.post_id.is_(None))
    rows = session.execute(query.order_by(MatchingWave.position, MatchingRound.number,
                                          Person.last_name, Person.first_name)).all()
    posts = {p.id: p for p in session.scalars(select(MatchingPost).where(
        MatchingPost.campaign_id == campaign.id))}
    if not staff_side:
        mine = {pid for pid, p in posts.items()
                if viewer.id in (p.supervisor_id, p.second_supervisor_id)}
        rows = [r for r in rows if r[1].state == "published"
                and (r[0].post_id in mine or r[4].id == viewer.id)]
    sup_ids = {p.supervisor_id for p in posts.values() if p.supervisor_id}
    sups = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(sup_ids)))} \
        if sup_ids else {}
    out = []
    for res, rnd, wave, cand, person in rows:
        post = posts.get(res.post_id) if res.post_id else None
        if f.subdivision and not same_text(cand.subdivision, f.subdivision):
            continue
        if f.region and not same_text(region_of(cand.subdivision), f.region):
            continue
        if f.specialty and not same_text(cand.specialty, f.specialty):
            continue
        if not matches_query(f.q, person.last_name, person.first_name, person.ine, person.email,
                             post.label if post else None, post.number if post else None,
                             post.establishment if post else None):
            continue
        out.append(ResultRow(
            round_id=rnd.id, round_number=rnd.number, wave_id=wave.id, wave_name=wave.name,
            published=rnd.state == "published", source=res.source,  # type: ignore[arg-type]
            candidate=candidate_brief(cand, person),
            post=result_post(post, sups.get(post.supervisor_id or 0)) if post else None))
    return out


def list_results(session: Session, viewer: Person, campaign_id: int,
                 f: ResultFilter) -> ResultPage:
    campaign = load_campaign(session, campaign_id, viewer)
    rows = result_rows(session, campaign, viewer, f)
    return ResultPage(rows=rows[f.offset:f.offset + f.limit], total=len(rows), offset=f.offset,
                      limit=f.limit)
