"""Matching: candidates and their applications ("candidatures"), round by round.

A student orders the posts he applies to during the applications phase of his wave's
current round; the whole list is sent on every change. He may only apply to validated
posts of his specialty with places left in that round, and only while he is not assigned
by an earlier round (round 2 admits unassigned students and unfilled places). Whether he
has "candidatures suffisantes" follows the campaign's thresholds: at least a share of the
posts open to him (his specialty, in his subdivision or anywhere, as the campaign says)
and at least a minimum number.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from server_stub.core import audit, events
from server_stub.core.accounts import lookup_email, normalize_ine
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError, not_found
from server_stub.core.models import Campaign, Participation, Person
from server_stub.matching import receipts
from server_stub.matching.access import (
    STUDENT,
    Action,
    candidate_of,
    fold,
    load_campaign,
    now,
    require_open,
    require_staff,
    require_staff_side,
    roles_in,
    strip_controls,
    utc,
)
from server_stub.matching.files import candidate_brief
from server_stub.matching.models import (
    Application,
    MatchingCandidate,
    MatchingPost,
    MatchingRound,
    MatchingWave,
    RoundResult,
)
from server_stub.matching.phases import (
    PHASE_LABELS,
    assignments_before,
    engine_rules,
    phase_of,
    required_applications,
    rounds_of_wave,
    settings_of,
    threshold_for,
    wave_round,
)
from server_stub.matching.posts import person_brief, post_publics
from server_stub.matching.rankings import StoredRanking
from server_stub.matching.schemas import (
    ApplicationPublic,
    ApplicationsPublic,
    ApplicationsUpdate,
    CandidateApplicationRow,
    CandidateApplicationsPublic,
    CandidateImport,
    ImportSummary,
    MatchingSettings,
    ResultPost,
)

OpenKey = tuple[str, str | None]


# --------------------------------------------------------------------------- thresholds


def open_post_counts(session: Session, wave_id: int, rnd: MatchingRound,
                     scope: str) -> dict[OpenKey, int]:
    """Posts open in this round per (specialty, subdivision or None), folded."""
    _assigned, taken = assignments_before(session, rnd)
    counts: dict[OpenKey, int] = defaultdict(int)
    for pid, spec, sub, places in session.execute(
            select(MatchingPost.id, MatchingPost.specialty, MatchingPost.subdivision,
                   MatchingPost.places)
            .where(MatchingPost.wave_id == wave_id, MatchingPost.validated.is_(True))):
        if places - taken.get(pid, 0) > 0:
            counts[(fold(spec), fold(sub) if scope == "subdivision" else None)] += 1
    return counts


def open_key(specialty: str, subdivision: str, scope: str) -> OpenKey:
    return fold(specialty), fold(subdivision) if scope == "subdivision" else None


def requirement(settings: MatchingSettings, rnd: MatchingRound, counts: dict[OpenKey, int],
                specialty: str, subdivision: str) -> tuple[int, int]:
    """(posts open to him, applications required) for a candidate in a round."""
    open_posts = counts.get(open_key(specialty, subdivision, settings.threshold_scope), 0)
    rule = threshold_for(settings, rnd.number)
    return open_posts, required_applications(rule, open_posts)


# --------------------------------------------------------------------------- a student's list


def _applications_public(session: Session, campaign: Campaign, candidate: MatchingCandidate,
                         rnd: MatchingRound) -> ApplicationsPublic:
    rows = session.execute(select(Application.post_id, Application.position)
                           .where(Application.round_id == rnd.id,
                                  Application.candidate_id == candidate.id)
                           .order_by(Application.position)).all()
    posts = {p.id: p for p in session.scalars(select(MatchingPost).where(
        MatchingPost.id.in_([pid for pid, _ in rows])))} if rows else {}
    publics = {p.id: p for p in post_publics(session, list(posts.values()))}
    settings = settings_of(campaign)
    counts = open_post_counts(session, candidate.wave_id, rnd, settings.threshold_scope)
    open_posts, required = requirement(settings, rnd, counts, candidate.specialty,
                                       candidate.subdivision)
    assigned, _taken = assignments_before(session, rnd)
    eligible = candidate.id not in assigned
    phase = phase_of(rnd, now())
    earlier_pending = any(r.state != "published" for r in rounds_of_wave(session, rnd.wave_id)
                          if r.number < rnd.number)
    apps = [ApplicationPublic(position=i, post=publics[pid].model_copy(update={"my_position": i}))
            for i, (pid, _pos) in enumerate(rows, start=1)]
    return ApplicationsPublic(
        candidate_id=candidate.id, round_id=rnd.id, round_number=rnd.number,
        phase=phase,  # type: ignore[arg-type]
        can_edit=(phase == "applications" and eligible and not earlier_pending
                  and campaign.state != "closed" and not rnd.off_platform),
        eligible=eligible, applications=apps, count=len(apps), required=required,
        open_posts=open_posts, enough=len(apps) >= required,
        receipt=receipts.latest(session, campaign.id, candidate.id, rnd.id))


def my_applications(session: Session, viewer: Person, campaign_id: int,
                    round_id: int | None) -> ApplicationsPublic:
    campaign = load_campaign(session, campaign_id, viewer)
    candidate = candidate_of(session, campaign, viewer)
    rnd = wave_round(session, candidate.wave_id, round_id)
    return _applications_public(session, campaign, candidate, rnd)


def _closed(rnd: MatchingRound, phase: str) -> ApiError:
    opens, closes = utc(rnd.applications_opens_at), utc(rnd.applications_closes_at)
    when = f" (du {opens:%d/%m/%Y %H:%M} au {closes:%d/%m/%Y %H:%M} UTC)" if opens and closes \
        else ""
    return ApiError(409, "phase_closed",
                    f"La période des candidatures est fermée{when} : phase actuelle "
                    f"« {PHASE_LABELS.get(phase, phase)} ».")


def set_applications(session: Session, ctx: RequestContext, viewer: Person, campaign_id: int,
                     data: ApplicationsUpdate) -> ApplicationsPublic:
    """Replace my ordered list for the round (first = preferred). See the module docstring."""
    campaign = load_campaign(session, campaign_id, viewer)
    require_open(campaign)
    candidate = candidate_of(session, campaign, viewer)
    rnd = wave_round(session, candidate.wave_id, data.round_id)
    phase = phase_of(rnd, now())
    if rnd.off_platform or phase != "applications":
        raise _closed(rnd, phase)
    for earlier in rounds_of_wave(session, rnd.wave_id):
        if earlier.number < rnd.number and earlier.state != "published":
            raise ApiError(409, "previous_round_pending",
                           f"Les résultats du tour {earlier.number} ne sont pas encore publiés.")
    assigned, taken = assignments_before(session, rnd)
    if candidate.id in assigned:
        raise ApiError(409, "already_assigned",
                       "Vous avez été affecté lors d'un tour précédent : vous ne participez "
                       "plus aux tours suivants.")
    before = set(session.scalars(select(Application.post_id).where(
        Application.round_id == rnd.id, Application.candidate_id == candidate.id)))
    posts = {p.id: p for p in session.scalars(select(MatchingPost).where(
        MatchingPost.id.in_(set(data.post_ids))))} if data.post_ids else {}
    seen: set[int] = set()
    for i, pid in enumerate(data.post_ids):
        field = f"post_ids[{i}]"
        post = posts.get(pid)
        if pid in seen:
            raise ApiError(422, "duplicate_post", "Un poste ne peut figurer qu'une fois dans "
                           "votre liste.", field=field)
        seen.add(pid)
        if post is None or post.wave_id != candidate.wave_id:
            raise ApiError(422, "unknown_post", "Ce poste n'est pas proposé dans votre vague.",
                           field=field)
        if fold(post.specialty) != fold(candidate.specialty):
            raise ApiError(422, "wrong_specialty",
                           f"Ce poste relève de la spécialité « {post.specialty} » : vous ne "
                           "pouvez candidater que dans la vôtre.", field=field)
        if not post.validated and pid not in before:
            raise ApiError(422, "post_not_validated",
                           "Ce poste n'a pas encore été validé par l'agence.", field=field)
        if post.places - taken.get(pid, 0) <= 0 and pid not in before:
            raise ApiError(422, "post_filled",
                           "Ce poste n'a plus de place à attribuer dans ce tour.", field=field)
    session.execute(delete(Application).where(Application.round_id == rnd.id,
                                              Application.candidate_id == candidate.id))
    if data.post_ids:
        session.execute(insert(Application), [
            {"round_id": rnd.id, "candidate_id": candidate.id, "post_id": pid, "position": i}
            for i, pid in enumerate(data.post_ids, start=1)])
    receipt = receipts.new_receipt(session, ctx.settings.secret_key, campaign.id, candidate.id,
                                   rnd.id, now(), list(data.post_ids))
    audit.record(session, Action.APPLICATIONS_SAVED, actor_id=viewer.id, subject_id=viewer.id,
                 campaign_id=campaign.id, address=ctx.address,
                 detail={"round_id": rnd.id, "posts": list(data.post_ids),
                         "receipt_version": receipt.version})
    events.publish(session, "matching_applications_saved",
                   {"round_id": rnd.id, "count": len(data.post_ids)},
                   campaign_id=campaign.id, audience_id=viewer.id)
    session.commit()
    return _applications_public(session, campaign, candidate, rnd)


# --------------------------------------------------------------------------- staff side


def result_post(post: MatchingPost, supervisor: Person | None) -> ResultPost:
    return ResultPost(id=post.id, number=post.number, label=post.label,
                      indication=post.indication, specialty=post.specialty,
                      establishment=post.establishment, subdivision=post.subdivision,
                      duration_months=post.duration_months, offset_semester=post.offset_semester,
                      supervisor=person_brief(supervisor))


def candidate_applications(session: Session, viewer: Person,
                           candidate_id: int) -> CandidateApplicationsPublic:
    """A student's applications in every round of his wave, with each post's ranking of him
    and the outcome (coordinators and staff only: "détail du choix du Docteur Junior")."""
    candidate = session.get(MatchingCandidate, candidate_id)
    if candidate is None:
        raise not_found("Candidat introuvable.")
    campaign = load_campaign(session, candidate.campaign_id, viewer)
    require_staff_side(roles_in(session, campaign, viewer))
    person = session.get(Person, candidate.person_id)
    assert person is not None
    rules = engine_rules(campaign)
    rows: list[CandidateApplicationRow] = []
    for rnd in rounds_of_wave(session, candidate.wave_id):
        apps = session.execute(select(Application.post_id, Application.position)
                               .where(Application.round_id == rnd.id,
                                      Application.candidate_id == candidate.id)
                               .order_by(Application.position)).all()
        if not apps:
            continue
        result = session.scalar(select(RoundResult).where(RoundResult.round_id == rnd.id,
                                                          RoundResult.candidate_id == candidate.id))
        for pid, position in apps:
            post = session.get(MatchingPost, pid)
            assert post is not None
            ranking = StoredRanking(session, post, rnd)
            if candidate.id in ranking.ranked:
                status, rank = "ranked", ranking.ranked.index(candidate.id) + 1
            elif candidate.id in ranking.rejected:
                status, rank = "rejected", None
            else:
                status, rank = "unclassified", None
            if result is None:
                outcome = "pending"
            else:
                outcome = "assigned" if result.post_id == pid else "not_assigned"
            sup = session.get(Person, post.supervisor_id) if post.supervisor_id else None
            rows.append(CandidateApplicationRow(
                round_id=rnd.id, round_number=rnd.number, position=position,
                post=result_post(post, sup), ranking_status=status,  # type: ignore[arg-type]
                rank=rank, ranking_valid=not ranking.broken(rules),
                result=outcome))  # type: ignore[arg-type]
    return CandidateApplicationsPublic(candidate=candidate_brief(candidate, person),
                                       email=person.email, rows=rows)


def import_candidates(session: Session, ctx: RequestContext, staff: Person, wave_id: int,
                      rows: list[CandidateImport]) -> ImportSummary:
    """Add junior doctors to a wave (or update them), found by INE or email; all or nothing.

    Raises 422 `unknown_person` naming the row when nobody matches.
    """
    require_staff(staff)
    wave = session.get(MatchingWave, wave_id)
    if wave is None:
        raise not_found("Vague introuvable.")
    campaign = load_campaign(session, wave.campaign_id, staff)
    existing = {c.person_id: c for c in session.scalars(select(MatchingCandidate).where(
        MatchingCandidate.campaign_id == campaign.id))}
    students = set(session.scalars(select(Participation.person_id).where(
        Participation.campaign_id == campaign.id, Participation.role == STUDENT)))
    created = updated = 0
    for i, row in enumerate(rows):
        person = None
        if row.ine and normalize_ine(row.ine) not in ("", "0000"):
            person = session.scalar(select(Person).where(Person.ine == normalize_ine(row.ine)))
        if person is None and row.email:
            person = session.scalar(select(Person).where(Person.email == lookup_email(row.email)))
        if person is None:
            raise ApiError(422, "unknown_person",
                           f"Ligne {i + 1} : aucune personne connue n'a ce numéro INE ou cette "
                           "adresse (importez d'abord les identités).", field=f"[{i}]")
        candidate = existing.get(person.id)
        if candidate is None:
            candidate = MatchingCandidate(campaign_id=campaign.id, person_id=person.id)
            session.add(candidate)
            existing[person.id] = candidate
            created += 1
        elif candidate not in session.new:
            updated += 1
        candidate.wave_id = wave.id
        candidate.specialty = strip_controls(row.specialty) or row.specialty
        candidate.subdivision = strip_controls(row.subdivision) or row.subdivision
        candidate.offset_semester = row.offset_semester
        if person.id not in students:
            students.add(person.id)
            session.add(Participation(campaign_id=campaign.id, person_id=person.id,
                                      role=STUDENT))
    session.flush()
    audit.record(session, Action.CANDIDATES_IMPORTED, actor_id=staff.id, campaign_id=campaign.id,
                 address=ctx.address,
                 detail={"wave_id": wave.id, "created": created, "updated": updated})
    session.commit()
    return ImportSummary(created=created, updated=updated)
