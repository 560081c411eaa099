"""Matching: posts ("terrains de stage") — import by the agency, browsing, supervisors' cards,
description, agency validation.

Students browse the validated posts of their wave; a supervisor sees only his posts (as
supervisor or second supervisor) with, on each card, the places left and the state of
the current ranking; coordinators and staff see every post.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from server_stub.core import audit, events
from server_stub.core.accounts import lookup_email
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError, forbidden, not_found
from server_stub.core.models import Participation, Person
from server_stub.matching.access import (
    STUDENT,
    SUPERVISOR,
    Action,
    candidate_of,
    is_staff_side,
    load_campaign,
    load_post,
    matches_query,
    now,
    region_of,
    require_open,
    require_post_visible,
    require_staff,
    roles_in,
    same_text,
    strip_controls,
    supervisor_access,
)
from server_stub.matching.files import file_public
from server_stub.matching.models import (
    Application,
    MatchingCandidate,
    MatchingFile,
    MatchingPost,
    MatchingRound,
    MatchingWave,
    RoundResult,
)
from server_stub.matching.phases import (
    current_round,
    posts_open,
    published_taken,
    rounds_of_wave,
)
from server_stub.matching.rankings import ranking_summary
from server_stub.matching.schemas import (
    AssignedCandidate,
    ImportSummary,
    MatchingPostPublic,
    MyPostPublic,
    PersonBrief,
    PostDescriptionUpdate,
    PostFilter,
    PostImport,
    PostPage,
    PostRoundResult,
    PostUpdate,
)


def person_brief(person: Person | None) -> PersonBrief | None:
    if person is None:
        return None
    return PersonBrief(id=person.id, first_name=person.first_name, last_name=person.last_name,
                       email=person.email)


def post_publics(session: Session, posts: list[MatchingPost],
                 positions: dict[int, int] | None = None) -> list[MatchingPostPublic]:
    """API shapes of `posts`, loading supervisors, attachments and places left in bulk."""
    if not posts:
        return []
    ids = [p.id for p in posts]
    taken = published_taken(session, ids if len(ids) < 500 else None)
    people_ids = {i for p in posts for i in (p.supervisor_id, p.second_supervisor_id) if i}
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(people_ids)))}
    campaign_ids = {p.campaign_id for p in posts}
    files = {f.post_id: f for f in session.scalars(select(MatchingFile).where(
        MatchingFile.campaign_id.in_(campaign_ids), MatchingFile.kind == "attachment"))}
    positions = positions or {}
    out = []
    for p in posts:
        attachment = files.get(p.id)
        out.append(MatchingPostPublic(
            id=p.id, wave_id=p.wave_id, number=p.number, specialty=p.specialty, option=p.option,
            post_type=p.post_type,  # type: ignore[arg-type]
            duration_months=p.duration_months, offset_semester=p.offset_semester, label=p.label,
            indication=p.indication, establishment=p.establishment, subdivision=p.subdivision,
            region=region_of(p.subdivision), places=p.places,
            remaining_places=max(0, p.places - taken.get(p.id, 0)),
            supervisor=person_brief(people.get(p.supervisor_id or 0)),
            second_supervisor=person_brief(people.get(p.second_supervisor_id or 0)),
            second_supervisor_access=p.second_supervisor_access,  # type: ignore[arg-type]
            description=p.description, validated=p.validated,
            attachment=file_public(attachment) if attachment else None,
            my_position=positions.get(p.id)))
    return out


def _post_sort_key(p: MatchingPost) -> tuple[str, str, str, str, str]:
    return (p.specialty, p.subdivision, p.establishment, p.label, p.number.zfill(12))


def filter_posts(posts: Iterable[MatchingPostPublic], f: PostFilter) -> list[MatchingPostPublic]:
    out = []
    for p in posts:
        if f.specialty and not same_text(p.specialty, f.specialty):
            continue
        if f.subdivision and not same_text(p.subdivision, f.subdivision):
            continue
        if f.region and not same_text(p.region, f.region):
            continue
        if f.offset_semester is not None and p.offset_semester != f.offset_semester:
            continue
        if f.with_places is not None and (p.remaining_places > 0) != f.with_places:
            continue
        sup = p.supervisor
        if not matches_query(f.q, p.number, p.label, p.establishment, p.specialty,
                             p.indication, sup.last_name if sup else None,
                             sup.first_name if sup else None):
            continue
        out.append(p)
    return out


def list_posts(session: Session, viewer: Person, campaign_id: int, f: PostFilter) -> PostPage:
    """Students: validated posts of their wave (with their place in their current list).
    Coordinators and staff: every post. Supervisors use `my_posts`."""
    campaign = load_campaign(session, campaign_id, viewer)
    roles = roles_in(session, campaign, viewer)
    query = select(MatchingPost).where(MatchingPost.campaign_id == campaign.id)
    positions: dict[int, int] = {}
    if is_staff_side(roles):
        if f.wave_id is not None:
            query = query.where(MatchingPost.wave_id == f.wave_id)
    elif STUDENT in roles:
        candidate = candidate_of(session, campaign, viewer)
        query = query.where(MatchingPost.wave_id == candidate.wave_id,
                            MatchingPost.validated.is_(True))
        rnd = current_round(rounds_of_wave(session, candidate.wave_id), now())
        if rnd is not None:
            positions = dict(session.execute(select(Application.post_id, Application.position)
                                             .where(Application.round_id == rnd.id,
                                                    Application.candidate_id == candidate.id))
                             .all())
    else:
        raise forbidden("Consultez vos postes dans « Mes postes ».")
    posts = sorted(session.scalars(query), key=_post_sort_key)
    rows = filter_posts(post_publics(session, posts, positions), f)
    return PostPage(rows=rows[f.offset:f.offset + f.limit], total=len(rows), offset=f.offset,
                    limit=f.limit)


def get_post(session: Session, viewer: Person, post_id: int) -> MatchingPostPublic:
    """A post's details: its supervisors, staff side, and students of its wave (if validated)."""
    post = load_post(session, post_id)
    campaign = load_campaign(session, post.campaign_id, viewer)
    require_post_visible(session, campaign, post, viewer)
    return post_publics(session, [post])[0]


def _results_by_post(session: Session, post_ids: list[int]) -> dict[int, list[PostRoundResult]]:
    """Published assignments of these posts, round by round."""
    out: dict[int, dict[int, PostRoundResult]] = defaultdict(dict)
    if not post_ids:
        return {}
    rows = session.execute(
        select(RoundResult.post_id, MatchingRound.id, MatchingRound.number,
               MatchingCandidate.id, Person.first_name, Person.last_name,
               MatchingCandidate.specialty, MatchingCandidate.subdivision)
        .join(MatchingRound, MatchingRound.id == RoundResult.round_id)
        .join(MatchingCandidate, MatchingCandidate.id == RoundResult.candidate_id)
        .join(Person, Person.id == MatchingCandidate.person_id)
        .where(RoundResult.post_id.in_(post_ids), MatchingRound.state == "published")
        .order_by(MatchingRound.number, Person.last_name, Person.first_name))
    for post_id, round_id, number, cand, first, last, spec, sub in rows:
        if post_id is None:  # (the query keeps only assigned results)
            continue
        entry = out[post_id].setdefault(round_id, PostRoundResult(
            round_id=round_id, round_number=number, assigned=[]))
        entry.assigned.append(AssignedCandidate(candidate_id=cand, first_name=first,
                                                last_name=last, specialty=spec,
                                                subdivision=sub))
    return {p: list(rounds.values()) for p, rounds in out.items()}


def my_posts(session: Session, viewer: Person, campaign_id: int) -> list[MyPostPublic]:
    """A supervisor's cards: his posts (and those where he is second supervisor)."""
    campaign = load_campaign(session, campaign_id, viewer)
    posts = sorted(session.scalars(select(MatchingPost).where(
        MatchingPost.campaign_id == campaign.id,
        or_(MatchingPost.supervisor_id == viewer.id,
            MatchingPost.second_supervisor_id == viewer.id))), key=_post_sort_key)
    if not posts:
        roles = roles_in(session, campaign, viewer)
        if SUPERVISOR not in roles and not roles:
            raise forbidden("Vous ne participez pas à cette campagne d'appariement.")
        return []
    at = now()
    waves = {w.id: w for w in session.scalars(select(MatchingWave).where(
        MatchingWave.id.in_({p.wave_id for p in posts})))}
    current = {wid: current_round(rounds_of_wave(session, wid), at) for wid in waves}
    results = _results_by_post(session, [p.id for p in posts])
    out = []
    for post, public in zip(posts, post_publics(session, posts), strict=True):
        access = supervisor_access(post, viewer) or "reader"
        rnd = current[post.wave_id]
        summary = None
        if rnd is not None and not rnd.off_platform:
            summary = ranking_summary(session, campaign, post, rnd, at)
        out.append(MyPostPublic(
            **public.model_dump(), my_access=access,  # type: ignore[arg-type]
            can_edit_description=access == "referent" and campaign.state != "closed"
            and posts_open(waves[post.wave_id], at),
            ranking=summary, results=results.get(post.id, [])))
    return out


def describe_post(session: Session, ctx: RequestContext, viewer: Person, post_id: int,
                  data: PostDescriptionUpdate) -> MatchingPostPublic:
    """The supervisor's description of his post, during "Mes postes" (staff: any time)."""
    post = load_post(session, post_id)
    campaign = load_campaign(session, post.campaign_id, viewer)
    require_open(campaign)
    staff = viewer.role == "staff"
    if not staff:
        if supervisor_access(post, viewer) != "referent":
            raise forbidden("Seul le responsable référent du poste peut modifier sa description.")
        wave = session.get(MatchingWave, post.wave_id)
        assert wave is not None
        if not posts_open(wave, now()):
            raise ApiError(409, "posts_closed",
                           "La période « Mes postes » est fermée : la description ne peut plus "
                           "être modifiée.")
    post.description = strip_controls(data.description)
    audit.record(session, Action.POST_DESCRIBED, actor_id=viewer.id, campaign_id=campaign.id,
                 address=ctx.address, detail={"post_id": post.id})
    events.publish(session, "matching_post_updated", {"post_id": post.id},
                   campaign_id=campaign.id)
    session.commit()
    return post_publics(session, [post])[0]


def update_post(session: Session, ctx: RequestContext, staff: Person, post_id: int,
                data: PostUpdate) -> MatchingPostPublic:
    """The agency edits a post (validation "poste validé par l'ARS" included)."""
    require_staff(staff)
    post = load_post(session, post_id)
    campaign = load_campaign(session, post.campaign_id, staff)
    sent = data.model_fields_set
    for name in sent:
        value = getattr(data, name)
        if value is None and name not in ("option", "indication", "description"):
            continue
        if isinstance(value, str):
            value = strip_controls(value)
        setattr(post, name, value)
    if post.post_type != "simple" and post.second_supervisor_id is None:
        raise ApiError(422, "second_supervisor_required",
                       "Un poste couplé ou mixte a un second responsable : importez-le avec "
                       "son adresse.", field="post_type")
    audit.record(session, Action.POST_UPDATED, actor_id=staff.id, campaign_id=campaign.id,
                 address=ctx.address, detail={"post_id": post.id, "fields": sorted(sent)})
    events.publish(session, "matching_post_updated", {"post_id": post.id},
                   campaign_id=campaign.id)
    session.commit()
    return post_publics(session, [post])[0]


def import_posts(session: Session, ctx: RequestContext, staff: Person, wave_id: int,
                 rows: list[PostImport]) -> ImportSummary:
    """Create or update (same number in the wave) posts, all or nothing.

    Supervisors are found by email among known people (422 `unknown_supervisor` naming
    the row); each gets the supervisor's participation in the campaign.
    """
    require_staff(staff)
    wave = session.get(MatchingWave, wave_id)
    if wave is None:
        raise not_found("Vague introuvable.")
    campaign = load_campaign(session, wave.campaign_id, staff)
    existing = {p.number: p for p in session.scalars(select(MatchingPost).where(
        MatchingPost.wave_id == wave.id))}
    emails = {lookup_email(e) for r in rows
              for e in (r.supervisor_email, r.second_supervisor_email) if e}
    people = {p.email: p for p in session.scalars(select(Person).where(Person.email.in_(emails)))}
    participants = set(session.scalars(select(Participation.person_id).where(
        Participation.campaign_id == campaign.id, Participation.role == SUPERVISOR)))
    created = updated = 0
    for i, row in enumerate(rows):
        sup = people.get(lookup_email(row.supervisor_email))
        if sup is None:
            raise ApiError(422, "unknown_supervisor",
                           f"Ligne {i + 1} : aucun compte n'a l'adresse "
                           f"{row.supervisor_email}.", field=f"[{i}].supervisor_email")
        second = None
        if row.second_supervisor_email:
            second = people.get(lookup_email(row.second_supervisor_email))
            if second is None:
                raise ApiError(422, "unknown_supervisor",
                               f"Ligne {i + 1} : aucun compte n'a l'adresse "
                               f"{row.second_supervisor_email}.",
                               field=f"[{i}].second_supervisor_email")
        elif row.post_type != "simple":
            raise ApiError(422, "second_supervisor_required",
                           f"Ligne {i + 1} : un poste {row.post_type} a un second responsable.",
                           field=f"[{i}].second_supervisor_email")
        post = existing.get(row.number)
        if post is None:
            post = MatchingPost(campaign_id=campaign.id, wave_id=wave.id, number=row.number)
            session.add(post)
            existing[row.number] = post
            created += 1
        elif post in session.new:
            pass  # the same number twice in one import: the later row wins
        else:
            updated += 1
        values = row.model_dump(exclude={"supervisor_email", "second_supervisor_email"})
        for name, value in values.items():
            setattr(post, name, strip_controls(value) if isinstance(value, str) else value)
        post.supervisor_id = sup.id
        post.second_supervisor_id = second.id if second else None
        for person in (sup, second):
            if person is not None and person.id not in participants:
                participants.add(person.id)
                session.add(Participation(campaign_id=campaign.id, person_id=person.id,
                                          role=SUPERVISOR))
    session.flush()
    audit.record(session, Action.POSTS_IMPORTED, actor_id=staff.id, campaign_id=campaign.id,
                 address=ctx.address,
                 detail={"wave_id": wave.id, "created": created, "updated": updated})
    session.commit()
    return ImportSummary(created=created, updated=updated)
