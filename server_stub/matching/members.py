"""Matching: the campaign's coordinators and supervisors — listing them, adding them.

The agency adds a coordinator or a supervisor by email (alone, or a supervisors' file:
`matching.imports`). An unknown address becomes an account (no password: he signs in by
the mailed link, as every SiiMOP user does); a person new to that part of the campaign is
mailed an invitation with a single-use sign-in link.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from server_stub.core import audit, mail, tokens
from server_stub.core.accounts import normalize_email
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError
from server_stub.core.models import Campaign, Participation, Person, Role, TokenPurpose
from server_stub.core.txn import on_commit
from server_stub.matching.access import (
    COORDINATOR,
    SUPERVISOR,
    load_campaign,
    require_staff,
    require_staff_side,
    roles_in,
)
from server_stub.matching.models import MatchingPost
from server_stub.matching.schemas import MemberInvite, MemberPublic

# An invitation is read days later, unlike a sign-in link asked for now.
INVITATION_LIFETIME = timedelta(days=7)
ROLE_WORDS = {COORDINATOR: "coordonnateur", SUPERVISOR: "responsable de terrain de stage (RTS)"}


class MemberAction:
    INVITED = "matching_member_invited"


def invitation_mail(ctx: RequestContext, session: Session, campaign: Campaign,
                    person: Person, role: str) -> None:
    """Mail `person` (after commit) his invitation to play `role` in the campaign."""
    if not person.email:
        return
    plain = tokens.issue(session, person, TokenPurpose.SIGNIN_LINK, INVITATION_LIFETIME)
    content = mail.content(f"Appariement — invitation : {campaign.name}",
                           "matching/mail/invitation", name=person.display_name,
                           campaign=campaign.name, role=ROLE_WORDS[role],
                           link=ctx.link("/pages/signin", plain),
                           days=INVITATION_LIFETIME.days, email=person.email)
    to = person.email
    on_commit(session, lambda: ctx.mailer.send(to, content.subject, content.text, content.html))


def enrol(session: Session, campaign: Campaign, person: Person, role: str) -> bool:
    """Give `person` the part `role` in the campaign; False when he already had it."""
    if session.scalar(select(Participation.id).where(
            Participation.campaign_id == campaign.id, Participation.person_id == person.id,
            Participation.role == role)) is not None:
        return False
    session.add(Participation(campaign_id=campaign.id, person_id=person.id, role=role))
    session.flush()
    return True


def new_member(session: Session, email: str, first_name: str, last_name: str,
               role: str) -> Person:
    """An account for an address nobody has yet (he signs in by mailed link)."""
    person = Person(role=role, email=email, first_name=first_name, last_name=last_name,
                    email_confirmed=False)
    session.add(person)
    session.flush()
    return person


def invite_member(session: Session, ctx: RequestContext, staff: Person, campaign_id: int,
                  data: MemberInvite) -> MemberPublic:
    """Add a coordinator or supervisor (by email) and mail him his invitation.

    Raises 422 `invalid_email`, 422 `name_required` (an unknown address needs the
    person's names), 409 `student_account` (that address is a junior doctor's).
    """
    require_staff(staff)
    campaign = load_campaign(session, campaign_id, staff)
    email = normalize_email(data.email)
    person = session.scalar(select(Person).where(Person.email == email))
    first = (data.first_name or "").strip()
    last = (data.last_name or "").strip()
    if person is None:
        if not first or not last:
            raise ApiError(422, "name_required",
                           "Aucun compte n'a cette adresse : indiquez le nom et le prénom de "
                           "la personne à inviter.", field="last_name" if not last
                           else "first_name")
        person = new_member(session, email, first, last, data.role)
    elif person.role == Role.STUDENT.value and person.registered:
        raise ApiError(409, "student_account",
                       "Cette adresse est celle du compte d'un interne : un coordonnateur ou un "
                       "responsable de terrain de stage a son propre compte.", field="email")
    if enrol(session, campaign, person, data.role):
        invitation_mail(ctx, session, campaign, person, data.role)
    audit.record(session, MemberAction.INVITED, actor_id=staff.id, subject_id=person.id,
                 campaign_id=campaign.id, address=ctx.address, detail={"role": data.role})
    session.commit()
    return _members(session, campaign, [(person, data.role)])[0]


def _members(session: Session, campaign: Campaign,
             rows: list[tuple[Person, str]]) -> list[MemberPublic]:
    ids = [p.id for p, _ in rows]
    counts: dict[int, int] = {}
    for column in (MatchingPost.supervisor_id, MatchingPost.second_supervisor_id):
        for pid, n in session.execute(
                select(column, func.count()).where(MatchingPost.campaign_id == campaign.id,
                                                   column.in_(ids)).group_by(column)):
            if pid is not None:
                counts[pid] = counts.get(pid, 0) + n
    return [MemberPublic(person_id=p.id, first_name=p.first_name, last_name=p.last_name,
                         email=p.email,
                         role="coordinator" if role == COORDINATOR else "supervisor",
                         posts=counts.get(p.id, 0), last_seen_at=p.last_seen_at)
            for p, role in rows]


def list_members(session: Session, viewer: Person, campaign_id: int) -> list[MemberPublic]:
    """Coordinators, then supervisors, by name (staff and coordinators). A supervisor is
    one by participation or because a post names him."""
    campaign = load_campaign(session, campaign_id, viewer)
    require_staff_side(roles_in(session, campaign, viewer))
    by_part = session.execute(
        select(Person, Participation.role).join(Participation,
                                                Participation.person_id == Person.id)
        .where(Participation.campaign_id == campaign.id,
               Participation.role.in_((COORDINATOR, SUPERVISOR)))).all()
    rows = {(p.id, role): (p, role) for p, role in by_part}
    for person in session.scalars(select(Person).join(MatchingPost, or_(
            MatchingPost.supervisor_id == Person.id,
            MatchingPost.second_supervisor_id == Person.id))
            .where(MatchingPost.campaign_id == campaign.id)):
        rows.setdefault((person.id, SUPERVISOR), (person, SUPERVISOR))
    ordered = sorted(rows.values(), key=lambda r: (r[1] != COORDINATOR, r[0].last_name.casefold(),
                                                   r[0].first_name.casefold(), r[0].id))
    return _members(session, campaign, ordered)
