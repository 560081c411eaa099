"""An intern's own records (ranks, type of choice, proxy, assignment, attestations) and the
staff's side of them (supernumerary requests, planned absences).

Type of choice (« classique » → « surnombre validant » / « surnombre non validant »): the
intern asks, the request stays pending until staff accept (documents arrive outside the
application) or refuse; it shows in the profile and in the amphitheatre, and everything
returns to « classique » when the amphitheatre finishes.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.amphi.call_list import call_order
from server_stub.amphi.common import (
    Audit,
    actor_interns,
    amphi_public,
    assignment_of,
    get_amphi_campaign,
    get_intern,
    own_intern,
    post_public,
    semester,
    taker_of,
)
from server_stub.amphi.models import (
    Amphi,
    AmphiAssignment,
    AmphiProxy,
    AmphiState,
    Intern,
)
from server_stub.amphi.pdf import attestation_pdf
from server_stub.amphi.schemas import (
    AttestationPublic,
    DetailsCheck,
    InternSelf,
    InternStaff,
    InternUpdate,
    ProxyPublic,
    SupernumeraryDecision,
    SupernumeraryRequest,
)
from server_stub.core import audit, events
from server_stub.core.clock import as_utc, now
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError, not_found
from server_stub.core.models import Campaign, Person
from server_stub.engine.ranks import display_rank


def proxy_public(proxy: AmphiProxy) -> ProxyPublic:
    return ProxyPublic(id=proxy.id, intern_id=proxy.intern_id, holder_email=proxy.holder_email,
                       holder_phone=proxy.holder_phone,
                       status=proxy.status,  # type: ignore[arg-type]
                       created_at=as_utc(proxy.created_at),
                       validated_at=as_utc(proxy.validated_at) if proxy.validated_at else None,
                       ended_at=as_utc(proxy.ended_at) if proxy.ended_at else None)


def latest_proxy(session: Session, intern_id: int) -> AmphiProxy | None:
    """The intern's current proxy if any, else the most recent one (to show it ended)."""
    return session.scalar(select(AmphiProxy).where(AmphiProxy.intern_id == intern_id)
                          .order_by(AmphiProxy.intern_key.is_(None), AmphiProxy.id.desc())
                          .limit(1))


def intern_self(session: Session, intern: Intern, acting_as_proxy: bool) -> InternSelf:
    campaign = session.get(Campaign, intern.campaign_id)
    assert campaign is not None
    amphi = session.get(Amphi, intern.amphi_id) if intern.amphi_id else None
    ranked = None
    if amphi is not None:
        ranked = next((r for r in call_order(session, amphi) if r.intern.id == intern.id), None)
    person = intern.person
    proxy = latest_proxy(session, intern.id)
    assignment = session.scalar(select(AmphiAssignment).where(
        AmphiAssignment.intern_id == intern.id))
    return InternSelf(
        id=intern.id, campaign_id=campaign.id, semester=semester(campaign),
        amphi=amphi_public(session, amphi) if amphi else None, acting_as_proxy=acting_as_proxy,
        last_name=person.last_name, first_name=person.first_name, des=intern.des,
        des_label=intern.des_label, specialty_group=intern.specialty_group,
        regime=intern.regime, phase=intern.phase, faculty=intern.faculty,
        cohort=intern.cohort, seniority=intern.seniority, local_rank=intern.local_rank,
        local_cohort_size=intern.local_cohort_size,
        theoretical_cohort=ranked.theoretical_cohort if ranked else None,
        theoretical_cohort_size=ranked.theoretical_cohort_size if ranked else None,
        updated_rank=ranked.updated_rank if ranked else None,
        updated_rank_display=display_rank(ranked.updated_rank) if ranked else None,
        call_rank=ranked.call_rank if ranked else None,
        choice_type=intern.supernumerary,  # type: ignore[arg-type]
        supernumerary_request=intern.supernumerary_request,  # type: ignore[arg-type]
        supernumerary_decision=intern.supernumerary_decision,  # type: ignore[arg-type]
        planned_absence=intern.planned_absence, absence_reason=intern.absence_reason,
        proxy=proxy_public(proxy) if proxy else None,
        assignment=assignment_of(session, assignment) if assignment else None,
        details_checked_at=as_utc(intern.details_checked_at)
        if intern.details_checked_at else None,
        details_report=intern.details_report,
    )


def my_interns(session: Session, person: Person) -> list[InternSelf]:
    """My intern records, newest semester first (a proxy holder: the intern he acts for)."""
    return [intern_self(session, intern, proxy is not None)
            for intern, proxy in actor_interns(session, person)]


# --------------------------------------------------------------------------- supernumerary


def _check_not_finished(session: Session, intern: Intern) -> None:
    amphi = session.get(Amphi, intern.amphi_id) if intern.amphi_id else None
    if amphi is not None and amphi.state == AmphiState.FINISHED.value:
        raise ApiError(409, "amphi_finished",
                       "Les choix de ce semestre sont terminés : la demande n'a plus d'objet.")


def _publish_intern(session: Session, intern: Intern) -> None:
    """The type of choice and presence show in the amphitheatre: tell everybody."""
    events.publish(session, "amphi_intern", {
        "amphi_id": intern.amphi_id, "intern_id": intern.id, "choice_type": intern.supernumerary,
        "supernumerary_request": intern.supernumerary_request,
        "planned_absence": intern.planned_absence}, campaign_id=intern.campaign_id)


def request_supernumerary(session: Session, ctx: RequestContext, person: Person, intern_id: int,
                          data: SupernumeraryRequest) -> InternSelf:
    """Ask for another type of choice (pending until staff decide); asking for the current
    type withdraws a pending request. Raises 403, 404, 409 `amphi_finished`."""
    intern = own_intern(session, person, intern_id)
    _check_not_finished(session, intern)
    if data.requested == intern.supernumerary:
        intern.supernumerary_request = None
        intern.supernumerary_requested_at = None
    else:
        intern.supernumerary_request = data.requested
        intern.supernumerary_requested_at = now()
        intern.supernumerary_decision = None
        intern.supernumerary_decided_at = None
    _publish_intern(session, intern)
    audit.record(session, Audit.SUPERNUMERARY_REQUESTED, actor_id=person.id,
                 subject_id=person.id, campaign_id=intern.campaign_id, address=ctx.address,
                 detail={"intern_id": intern.id, "requested": data.requested})
    session.commit()
    return intern_self(session, intern, False)


def check_details(session: Session, ctx: RequestContext, person: Person, intern_id: int,
                  data: DetailsCheck) -> InternSelf:
    """First entry (as DCI asks): the intern confirms his faculty and passing order, or
    reports what is wrong — the agency sees the report on his line. He may answer again
    (a correction after a report). Raises 403, 404, 422 `report_required`."""
    intern = own_intern(session, person, intern_id)
    report = (data.report or "").strip()
    if not data.correct and len(report) < 3:
        raise ApiError(422, "report_required",
                       "Dites ce qui est inexact (votre UFR, votre rang…) pour que l'agence "
                       "puisse le corriger.", field="report")
    intern.details_checked_at = now()
    intern.details_report = None if data.correct else report
    audit.record(session, Audit.DETAILS_CHECKED, actor_id=person.id, subject_id=person.id,
                 campaign_id=intern.campaign_id, address=ctx.address,
                 detail={"intern_id": intern.id, "correct": data.correct,
                         **({"report": report} if not data.correct else {})})
    session.commit()
    return intern_self(session, intern, False)


def withdraw_supernumerary(session: Session, ctx: RequestContext, person: Person,
                           intern_id: int) -> InternSelf:
    intern = own_intern(session, person, intern_id)
    if intern.supernumerary_request is None:
        raise ApiError(409, "no_pending_request", "Vous n'avez aucune demande en cours.")
    intern.supernumerary_request = None
    intern.supernumerary_requested_at = None
    _publish_intern(session, intern)
    audit.record(session, Audit.SUPERNUMERARY_WITHDRAWN, actor_id=person.id,
                 subject_id=person.id, campaign_id=intern.campaign_id, address=ctx.address,
                 detail={"intern_id": intern.id})
    session.commit()
    return intern_self(session, intern, False)


def intern_staff(intern: Intern) -> InternStaff:
    return InternStaff(
        id=intern.id, campaign_id=intern.campaign_id, amphi_id=intern.amphi_id,
        person_id=intern.person_id, last_name=intern.person.last_name,
        first_name=intern.person.first_name, des=intern.des,
        specialty_group=intern.specialty_group, phase=intern.phase,
        choice_type=intern.supernumerary,  # type: ignore[arg-type]
        supernumerary_request=intern.supernumerary_request,  # type: ignore[arg-type]
        supernumerary_requested_at=as_utc(intern.supernumerary_requested_at)
        if intern.supernumerary_requested_at else None,
        supernumerary_decision=intern.supernumerary_decision,  # type: ignore[arg-type]
        planned_absence=intern.planned_absence, absence_reason=intern.absence_reason,
        details_checked_at=as_utc(intern.details_checked_at)
        if intern.details_checked_at else None, details_report=intern.details_report)


def pending_requests(session: Session, campaign_id: int) -> list[InternStaff]:
    get_amphi_campaign(session, campaign_id)
    rows = session.scalars(select(Intern).where(Intern.campaign_id == campaign_id,
                                                Intern.supernumerary_request.is_not(None))
                           .order_by(Intern.supernumerary_requested_at, Intern.id))
    return [intern_staff(i) for i in rows]


def details_reports(session: Session, campaign_id: int) -> list[InternStaff]:
    """Interns who reported an error in their faculty or passing order, oldest first."""
    get_amphi_campaign(session, campaign_id)
    rows = session.scalars(select(Intern).where(Intern.campaign_id == campaign_id,
                                                Intern.details_report.is_not(None))
                           .order_by(Intern.details_checked_at, Intern.id))
    return [intern_staff(i) for i in rows]


def decide_supernumerary(session: Session, ctx: RequestContext, staff: Person, intern_id: int,
                         data: SupernumeraryDecision) -> InternStaff:
    """Accept (the type of choice changes now) or refuse a pending request.

    Raises 404, 409 `no_pending_request` / `already_chosen`."""
    intern = get_intern(session, intern_id)
    requested = intern.supernumerary_request
    if requested is None:
        raise ApiError(409, "no_pending_request", "Cet interne n'a aucune demande en cours.")
    if data.accept and session.scalar(select(AmphiAssignment.id).where(
            AmphiAssignment.intern_id == intern.id)) is not None:
        raise ApiError(409, "already_chosen",
                       "Cet interne a déjà choisi : son type de choix ne peut plus changer.")
    if data.accept:
        intern.supernumerary = requested
    intern.supernumerary_request = None
    intern.supernumerary_decision = "accepted" if data.accept else "refused"
    intern.supernumerary_decided_at = now()
    _publish_intern(session, intern)
    events.publish(session, "amphi_supernumerary", {
        "intern_id": intern.id, "requested": requested,
        "decision": intern.supernumerary_decision, "choice_type": intern.supernumerary},
        campaign_id=intern.campaign_id, audience_id=intern.person_id)
    audit.record(session, Audit.SUPERNUMERARY_DECIDED, actor_id=staff.id,
                 subject_id=intern.person_id, campaign_id=intern.campaign_id,
                 address=ctx.address, detail={"intern_id": intern.id, "requested": requested,
                                              "accepted": data.accept})
    session.commit()
    return intern_staff(intern)


def update_intern(session: Session, ctx: RequestContext, staff: Person, intern_id: int,
                  data: InternUpdate) -> InternStaff:
    """Staff set a planned absence (skipped at his turn) and its reason."""
    intern = get_intern(session, intern_id)
    changed = []
    if "planned_absence" in data.model_fields_set and data.planned_absence is not None:
        intern.planned_absence = data.planned_absence
        changed.append("planned_absence")
    if "absence_reason" in data.model_fields_set:
        intern.absence_reason = (data.absence_reason or "").strip() or None
        changed.append("absence_reason")
    if changed:
        _publish_intern(session, intern)
        audit.record(session, Audit.INTERN_UPDATED, actor_id=staff.id,
                     subject_id=intern.person_id, campaign_id=intern.campaign_id,
                     address=ctx.address, detail={"intern_id": intern.id, "fields": changed})
    session.commit()
    return intern_staff(intern)


# --------------------------------------------------------------------------- attestations


def _attestation(session: Session, a: AmphiAssignment) -> AttestationPublic:
    amphi = session.get(Amphi, a.amphi_id)
    campaign = session.get(Campaign, a.intern.campaign_id)
    assert amphi is not None and campaign is not None
    post = a.post
    return AttestationPublic(assignment_id=a.id, campaign_id=campaign.id,
                             semester=semester(campaign), amphi_name=amphi.name,
                             post=post_public(post, post.service, taker_of(session, post)),
                             choice_type=a.choice_type,  # type: ignore[arg-type]
                             chosen_at=as_utc(a.chosen_at))


def _own_assignments(session: Session, person: Person) -> list[AmphiAssignment]:
    return list(session.scalars(
        select(AmphiAssignment).join(Intern, Intern.id == AmphiAssignment.intern_id)
        .where(Intern.person_id == person.id).order_by(AmphiAssignment.chosen_at.desc())))


def attestations(session: Session, person: Person) -> list[AttestationPublic]:
    """One attestation per semester in which I chose (newest first)."""
    return [_attestation(session, a) for a in _own_assignments(session, person)]


def attestation_file(session: Session, person: Person, assignment_id: int) -> tuple[str, bytes]:
    """(file name, PDF bytes) of one of my attestations. Raises 404."""
    a = next((a for a in _own_assignments(session, person) if a.id == assignment_id), None)
    if a is None:
        raise not_found("Aucune attestation de ce numéro parmi les vôtres.")
    att = _attestation(session, a)
    birth = person.birth_date.strftime("%d/%m/%Y") if person.birth_date else None
    pdf = attestation_pdf(f"{person.first_name} {person.last_name.upper()}", birth, att, now())
    safe = "".join(c if c.isalnum() else "-" for c in att.semester).strip("-") or "semestre"
    return f"attestation-{safe}.pdf", pdf
