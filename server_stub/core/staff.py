"""Agency staff: importing identities before registration opens, broadcasting messages."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core import audit, events, sessions
from server_stub.core.accounts import NO_INE, normalize_email, normalize_ine, normalize_name
from server_stub.core.audit import Action
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError, not_found
from server_stub.core.models import Campaign, Person, Role
from server_stub.core.schemas import EventPublic, IdentityImport, ImportResult, StaffMessage


def _identity_key(last_name: str, first_name: str, birth_date: object) -> tuple[str, str, str]:
    return normalize_name(last_name), normalize_name(first_name), str(birth_date)


def import_identities(session: Session, ctx: RequestContext, staff: Person,
                      rows: list[IdentityImport]) -> ImportResult:
    """Create or update identities, all or nothing.

    A row is the same person as an existing one when its INE matches, otherwise when
    names and birth date match. Raises 422 `invalid_email`, 409 `email_taken` (field
    `[i].email`); nothing is written then.
    """
    people = list(session.scalars(select(Person)))
    by_ine = {normalize_ine(p.ine): p for p in people if p.ine and normalize_ine(p.ine) != NO_INE}
    by_identity = {_identity_key(p.last_name, p.first_name, p.birth_date): p for p in people}
    by_email = {p.email.lower(): p for p in people if p.email}
    created = updated = 0
    for i, row in enumerate(rows):
        ine = normalize_ine(row.ine)
        key = _identity_key(row.last_name, row.first_name, row.birth_date)
        person = (by_ine.get(ine) if ine and ine != NO_INE else None) or by_identity.get(key)
        email = normalize_email(row.email, f"[{i}].email") if row.email else None
        if email and by_email.get(email) not in (None, person):
            raise ApiError(409, "email_taken",
                           f"Ligne {i + 1} : cette adresse électronique est déjà utilisée par "
                           "une autre personne.", field=f"[{i}].email")
        if person is None:
            person = Person(last_name=row.last_name.strip(), first_name=row.first_name.strip())
            session.add(person)
            created += 1
        elif person in session.new:
            pass  # the same person twice in one import: the later row wins
        else:
            updated += 1
        person.last_name = row.last_name.strip()
        person.first_name = row.first_name.strip()
        person.birth_date = row.birth_date
        person.birth_town = (row.birth_town or "").strip() or person.birth_town
        if ine and ine != NO_INE:
            person.ine = ine
            by_ine[ine] = person
        person.role = row.role
        if email and email != person.email:
            if person.email:
                by_email.pop(person.email.lower(), None)
            person.email = email
            person.email_confirmed = False
            by_email[email] = person
        by_identity[key] = person
    session.flush()
    audit.record(session, Action.IDENTITIES_IMPORTED, actor_id=staff.id, address=ctx.address,
                 detail={"created": created, "updated": updated})
    session.commit()
    return ImportResult(created=created, updated=updated)


def post_message(session: Session, ctx: RequestContext, staff: Person,
                 data: StaffMessage) -> EventPublic:
    """Broadcast a staff message as the live event `staff_message` (to one campaign or all)."""
    if data.campaign_id is not None and session.get(Campaign, data.campaign_id) is None:
        raise not_found("Campagne introuvable.", field="campaign_id")
    event = events.publish(session, "staff_message",
                           {"text": data.text.strip(), "author": staff.display_name},
                           campaign_id=data.campaign_id)
    audit.record(session, Action.STAFF_MESSAGE, actor_id=staff.id, campaign_id=data.campaign_id,
                 address=ctx.address, detail={"event_id": event.id})
    session.commit()
    return EventPublic(id=event.id, at=event.at, kind=event.kind, campaign_id=event.campaign_id,
                       payload=event.payload)


def create_staff_account(session: Session, ctx: RequestContext, email_value: str,
                         last_name: str, first_name: str) -> Person:
    """Create (or promote) an agency account and mail it a link to choose its password.

    This is how a real deployment gets its first staff account (`amphi-server add-staff`).
    """
    email = normalize_email(email_value)
    person = session.scalar(select(Person).where(Person.email == email))
    if person is None:
        person = Person(last_name=last_name.strip(), first_name=first_name.strip(), email=email)
        session.add(person)
    person.role = Role.STAFF.value
    session.flush()
    audit.record(session, Action.STAFF_ACCOUNT_CREATED, subject_id=person.id,
                 address=ctx.address, detail={"email": email})
    session.commit()
    sessions.request_password_reset(session, ctx, email)
    return person
