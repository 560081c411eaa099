"""Matching: coordinators' dashboards — students and posts, with filters and the percentages.

"Suivi des Docteurs Juniors": connection, enough applications, participation in the current
round, offset semester, assignment. "Suivi des postes": places, applications, assignments,
ranking validity, agency validation, last change of the ranking and by whom. The
percentages are computed over every row the filters keep ("affiner les statistiques par
l'usage des filtres"); rows are paged, statistics are not. Coordinators and staff see
results before publication, so assignments here include rounds not yet published.
Everything is read with a handful of bulk queries: the views stay fast at 7,400 students.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server_stub.core.errors import not_found
from server_stub.core.models import Campaign, Person
from server_stub.engine.matching import match
from server_stub.matching.access import (
    load_campaign,
    matches_query,
    now,
    region_of,
    require_staff_side,
    roles_in,
    same_text,
    utc,
)
from server_stub.matching.applications import open_post_counts, requirement
from server_stub.matching.models import (
    Application,
    MatchingCandidate,
    MatchingPost,
    MatchingRound,
    MatchingWave,
    PostRanking,
    RoundResult,
)
from server_stub.matching.phases import (
    current_round,
    published_taken,
    rounds_of_wave,
    settings_of,
    wave_of_campaign,
)
from server_stub.matching.posts import person_brief
from server_stub.matching.rounds import build_instance
from server_stub.matching.schemas import (
    PersonBrief,
    PostDashboard,
    PostDashboardFilter,
    PostRow,
    PostStats,
    Ratio,
    ResultPost,
    StudentDashboard,
    StudentFilter,
    StudentRow,
    StudentStats,
)


def ratio(count: int, total: int) -> Ratio:
    return Ratio(count=count, total=total,
                 percent=round(100 * count / total, 1) if total else 0.0)


def _staff_campaign(session: Session, viewer: Person, campaign_id: int) -> Campaign:
    campaign = load_campaign(session, campaign_id, viewer)
    require_staff_side(roles_in(session, campaign, viewer))
    return campaign


def _rounds(session: Session, campaign: Campaign, wave_id: int | None,
            round_id: int | None) -> dict[int, MatchingRound | None]:
    """The round shown for each wave in scope: the one asked for, else the current one."""
    if round_id is not None:
        rnd = session.get(MatchingRound, round_id)
        if rnd is None:
            raise not_found("Tour introuvable.", field="round_id")
        wave_of_campaign(session, campaign, rnd.wave_id)
        if wave_id is not None and wave_id != rnd.wave_id:
            return {}
        return {rnd.wave_id: rnd}
    if wave_id is not None:
        wave_ids = [wave_of_campaign(session, campaign, wave_id).id]
    else:
        wave_ids = list(session.scalars(select(MatchingWave.id).where(
            MatchingWave.campaign_id == campaign.id)))
    at = now()
    return {w: current_round(rounds_of_wave(session, w), at) for w in wave_ids}


def _assignments(session: Session, wave_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Each assigned candidate's (round number, post id), published or not."""
    if not wave_ids:
        return {}
    rows = session.execute(
        select(RoundResult.candidate_id, MatchingRound.number, RoundResult.post_id)
        .join(MatchingRound, MatchingRound.id == RoundResult.round_id)
        .where(MatchingRound.wave_id.in_(wave_ids), RoundResult.post_id.is_not(None)))
    return {cand: (number, post) for cand, number, post in rows if post is not None}


def _result_posts(session: Session, campaign: Campaign,
                  post_ids: set[int]) -> dict[int, ResultPost]:
    """Assigned posts as result rows show them (plain columns: there may be thousands)."""
    if not post_ids:
        return {}
    sups = {pid: PersonBrief(id=pid, first_name=first, last_name=last, email=email)
            for pid, first, last, email in session.execute(
                select(Person.id, Person.first_name, Person.last_name, Person.email)
                .where(Person.id.in_(select(MatchingPost.supervisor_id).where(
                    MatchingPost.campaign_id == campaign.id))))}
    out = {}
    for (pid, number, label, indication, specialty, establishment, subdivision, months, offset,
         sup) in session.execute(
            select(MatchingPost.id, MatchingPost.number, MatchingPost.label,
                   MatchingPost.indication, MatchingPost.specialty, MatchingPost.establishment,
                   MatchingPost.subdivision, MatchingPost.duration_months,
                   MatchingPost.offset_semester, MatchingPost.supervisor_id)
            .where(MatchingPost.campaign_id == campaign.id)):
        if pid in post_ids:
            out[pid] = ResultPost(id=pid, number=number, label=label, indication=indication,
                                  specialty=specialty, establishment=establishment,
                                  subdivision=subdivision, duration_months=months,
                                  offset_semester=offset, supervisor=sups.get(sup or 0))
    return out


# --------------------------------------------------------------------------- students


def student_rows(session: Session, viewer: Person, campaign_id: int,
                 f: StudentFilter) -> list[StudentRow]:
    """Every student row the filters keep (no paging), sorted by name."""
    campaign = _staff_campaign(session, viewer, campaign_id)
    rounds = _rounds(session, campaign, f.wave_id, f.round_id)
    settings = settings_of(campaign)
    counts = {}
    apps: dict[int, int] = {}
    for wave_id, rnd in rounds.items():
        if rnd is None:
            continue
        counts[wave_id] = open_post_counts(session, wave_id, rnd, settings.threshold_scope)
        apps.update(session.execute(select(Application.candidate_id, func.count())
                                    .where(Application.round_id == rnd.id)
                                    .group_by(Application.candidate_id)).all())
    assigned = _assignments(session, list(rounds))
    posts = _result_posts(session, campaign, {p for _n, p in assigned.values()})
    # Plain columns, not ORM objects: this view reads every candidate of the campaign.
    query = (select(MatchingCandidate.id, MatchingCandidate.wave_id, MatchingCandidate.specialty,
                    MatchingCandidate.subdivision, MatchingCandidate.offset_semester, Person.id,
                    Person.last_name, Person.first_name, Person.email, Person.ine,
                    Person.last_seen_at)
             .join(Person, Person.id == MatchingCandidate.person_id)
             .where(MatchingCandidate.campaign_id == campaign.id,
                    MatchingCandidate.wave_id.in_(list(rounds)))
             .order_by(Person.last_name, Person.first_name, MatchingCandidate.id))
    out = []
    for (cid, wave_id, specialty, subdivision, offset, person_id, last_name, first_name, email,
         ine, last_seen) in session.execute(query):
        rnd = rounds[wave_id]
        if rnd is not None:
            _open, required = requirement(settings, rnd, counts[wave_id], specialty, subdivision)
        else:
            required = 1
        n = apps.get(cid, 0)
        got = assigned.get(cid)
        region = region_of(subdivision)
        row = StudentRow(
            candidate_id=cid, person_id=person_id, last_name=last_name, first_name=first_name,
            email=email, ine=ine, subdivision=subdivision, region=region, specialty=specialty,
            wave_id=wave_id, last_seen_at=utc(last_seen), applications=n,
            required=required, enough=n >= required, participating=n > 0,
            offset_semester=offset, assigned_round=got[0] if got else None,
            assigned_post=posts.get(got[1]) if got else None)
        if f.subdivision and not same_text(row.subdivision, f.subdivision):
            continue
        if f.region and not same_text(region, f.region):
            continue
        if f.specialty and not same_text(row.specialty, f.specialty):
            continue
        if f.connected is not None and (row.last_seen_at is not None) != f.connected:
            continue
        if f.enough is not None and row.enough != f.enough:
            continue
        if f.participating is not None and row.participating != f.participating:
            continue
        if f.offset_semester is not None and row.offset_semester != f.offset_semester:
            continue
        if f.assigned is not None and (row.assigned_post is not None) != f.assigned:
            continue
        if not matches_query(f.q, last_name, first_name, email, ine):
            continue
        out.append(row)
    return out


def students_dashboard(session: Session, viewer: Person, campaign_id: int,
                       f: StudentFilter) -> StudentDashboard:
    rows = student_rows(session, viewer, campaign_id, f)
    total = len(rows)
    stats = StudentStats(
        total=total,
        connected=ratio(sum(r.last_seen_at is not None for r in rows), total),
        enough=ratio(sum(r.enough for r in rows), total),
        participating=ratio(sum(r.participating for r in rows), total),
        offset_semester=ratio(sum(r.offset_semester for r in rows), total),
        assigned=ratio(sum(r.assigned_post is not None for r in rows), total))
    return StudentDashboard(rows=rows[f.offset:f.offset + f.limit], total=total,
                            offset=f.offset, limit=f.limit, stats=stats)


# --------------------------------------------------------------------------- posts


def post_rows(session: Session, viewer: Person, campaign_id: int,
              f: PostDashboardFilter) -> list[PostRow]:
    """Every post row the filters keep (no paging), sorted by specialty, subdivision, label."""
    campaign = _staff_campaign(session, viewer, campaign_id)
    rounds = _rounds(session, campaign, f.wave_id, f.round_id)
    validity: dict[int, tuple[bool, list[str]]] = {}
    apps: dict[int, int] = {}
    changes: dict[int, tuple[datetime | None, int | None]] = {}
    for wave_id, rnd in rounds.items():
        if rnd is None or rnd.off_platform:
            continue
        wave = session.get(MatchingWave, wave_id)
        assert wave is not None
        instance, _capacity, _participants = build_instance(session, campaign, wave, rnd)
        for key, outcome in match(instance)["posts"].items():
            validity[int(key)] = (outcome["valid"], outcome["violations"])
        apps.update(session.execute(select(Application.post_id, func.count())
                                    .where(Application.round_id == rnd.id)
                                    .group_by(Application.post_id)).all())
        for pid, at, by in session.execute(select(PostRanking.post_id, PostRanking.updated_at,
                                                  PostRanking.updated_by_id)
                                           .where(PostRanking.round_id == rnd.id)):
            changes[pid] = (utc(at), by)
    wave_ids = list(rounds)
    assignments: dict[int, int] = defaultdict(int)
    if wave_ids:
        for assigned_post, n in session.execute(
                select(RoundResult.post_id, func.count())
                .join(MatchingRound, MatchingRound.id == RoundResult.round_id)
                .where(MatchingRound.wave_id.in_(wave_ids), RoundResult.post_id.is_not(None))
                .group_by(RoundResult.post_id)):
            if assigned_post is not None:
                assignments[assigned_post] = n
    taken = published_taken(session)
    posts = list(session.scalars(select(MatchingPost).where(
        MatchingPost.campaign_id == campaign.id, MatchingPost.wave_id.in_(wave_ids))))
    people_ids = {p.supervisor_id for p in posts if p.supervisor_id}
    people_ids |= {by for _at, by in changes.values() if by}
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(people_ids)))} \
        if people_ids else {}
    posts.sort(key=lambda p: (p.specialty, p.subdivision, p.establishment, p.label, p.number))
    out = []
    for p in posts:
        sup = people.get(p.supervisor_id or 0)
        n_apps = apps.get(p.id, 0)
        valid, broken = validity.get(p.id, (True, []))
        at, by = changes.get(p.id, (None, None))
        author = people.get(by or 0)
        region = region_of(p.subdivision)
        row = PostRow(
            post_id=p.id, wave_id=p.wave_id, number=p.number, label=p.label,
            indication=p.indication, specialty=p.specialty, establishment=p.establishment,
            subdivision=p.subdivision, region=region, supervisor=person_brief(sup),
            supervisor_last_seen_at=utc(sup.last_seen_at) if sup else None,
            post_type=p.post_type,  # type: ignore[arg-type]
            duration_months=p.duration_months, places=p.places,
            remaining_places=max(0, p.places - taken.get(p.id, 0)), applications=n_apps,
            assignments=assignments.get(p.id, 0),
            ranking_valid=valid if n_apps else None,
            violations=broken if n_apps else [],  # type: ignore[arg-type]
            offset_semester=p.offset_semester, validated=p.validated,
            last_change_at=at, last_change_by=author.display_name if author else None)
        if f.subdivision and not same_text(p.subdivision, f.subdivision):
            continue
        if f.region and not same_text(region, f.region):
            continue
        if f.specialty and not same_text(p.specialty, f.specialty):
            continue
        if f.with_places is not None and (p.places > 0) != f.with_places:
            continue
        if f.with_applications is not None and (n_apps > 0) != f.with_applications:
            continue
        if f.assigned is not None and (row.assignments > 0) != f.assigned:
            continue
        if f.ranking_valid is not None and row.ranking_valid is not f.ranking_valid:
            continue
        if f.validated is not None and p.validated != f.validated:
            continue
        if f.offset_semester is not None and p.offset_semester != f.offset_semester:
            continue
        if not matches_query(f.q, p.number, p.label, p.establishment, p.specialty,
                             p.subdivision, sup.last_name if sup else None,
                             sup.first_name if sup else None):
            continue
        out.append(row)
    return out


def posts_dashboard(session: Session, viewer: Person, campaign_id: int,
                    f: PostDashboardFilter) -> PostDashboard:
    rows = post_rows(session, viewer, campaign_id, f)
    total = len(rows)
    places = sum(r.places for r in rows)
    with_apps = [r for r in rows if r.applications]
    supervisors: dict[int, bool] = {}
    for r in rows:
        if r.supervisor is not None:
            supervisors[r.supervisor.id] = r.supervisor_last_seen_at is not None
    stats = PostStats(
        total=total, places=places,
        assignments=ratio(sum(r.assignments for r in rows), places),
        with_applications=ratio(len(with_apps), total),
        ranking_valid=ratio(sum(bool(r.ranking_valid) for r in with_apps), len(with_apps)),
        assigned=ratio(sum(r.assignments > 0 for r in rows), total),
        validated=ratio(sum(r.validated for r in rows), total),
        supervisors_connected=ratio(sum(supervisors.values()), len(supervisors)))
    return PostDashboard(rows=rows[f.offset:f.offset + f.limit], total=total, offset=f.offset,
                         limit=f.limit, stats=stats)
