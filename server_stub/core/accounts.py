"""Accounts: identity matching, registration, email confirmation, profile and contact details.

Registration follows both seed systems: the agency imports identities first; a newcomer
proves who he is (names, birth date, and birth town or INE number), then chooses his
email, password and secret question/answer, and confirms the email with the link mailed
to him (only the latest link is valid). Until then the account cannot sign in, and the
registration may be redone (a typo in the email is fixed by registering again).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core import audit, mail, security, throttle, tokens
from server_stub.core.audit import Action
from server_stub.core.clock import now
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError
from server_stub.core.models import Campaign, Participation, Person, TokenPurpose
from server_stub.core.schemas import (
    CampaignPublic,
    ContactUpdate,
    IdentityCheck,
    ProfilePublic,
    RegistrationCreate,
    RegistrationPublic,
    SecretUpdate,
    TermsPublic,
)
from server_stub.core.txn import on_commit

NO_INE = "0000"  # "Saisissez 0000 si les autres informations permettent de vous identifier"


# --------------------------------------------------------------------------- normalisation


def normalize_name(value: str | None) -> str:
    """Names and towns compared case- and accent-insensitively, punctuation as spaces.

    "Lefèvre" == "LEFEVRE", "Jean-Pierre" == "jean pierre", "Cœur" == "coeur".
    Abbreviations are not expanded ("St-Étienne" != "Saint-Étienne"): people type what
    the agency imported, and guessing would weaken the identity check.
    """
    if not value:
        return ""
    text = unicodedata.normalize("NFKD", value)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("œ", "oe").replace("æ", "ae")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def normalize_ine(value: str | None) -> str:
    """INE numbers compared upper-case without spaces."""
    return re.sub(r"\s+", "", value or "").upper()


def normalize_email(value: str, field: str = "email") -> str:
    """A valid address, lower-cased (addresses are compared case-insensitively).

    Raises 422 `invalid_email`.
    """
    try:
        checked = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise ApiError(422, "invalid_email",
                       "Adresse électronique invalide : vérifiez votre saisie.",
                       field=field) from exc
    return checked.normalized.lower()


def lookup_email(value: str) -> str:
    """Lenient form for looking an address up (sign-in): trimmed, lower-cased."""
    return value.strip().lower()


# --------------------------------------------------------------------------- identity


def _identity_not_found() -> ApiError:
    return ApiError(404, "identity_not_found",
                    "Aucun dossier ne correspond à ces informations. Vérifiez le nom de "
                    "naissance, le prénom, la date de naissance, la commune de naissance ou le "
                    "numéro INE ; en cas de doute, contactez l'agence.")


def matches(person: Person, data: IdentityCheck) -> bool:
    """Names and birth date equal, and birth town or INE equal.

    INE "0000" means "I have no INE number": then the birth town must match. A person
    the agency knows without birth town nor INE (studies abroad) matches on names and
    birth date alone.
    """
    if person.birth_date != data.birth_date:
        return False
    if normalize_name(person.last_name) != normalize_name(data.last_name):
        return False
    if normalize_name(person.first_name) != normalize_name(data.first_name):
        return False
    known_town, known_ine = normalize_name(person.birth_town), normalize_ine(person.ine)
    town, ine = normalize_name(data.birth_town), normalize_ine(data.ine)
    if not known_town and not known_ine:
        return True
    town_ok = bool(known_town) and town == known_town
    ine_ok = bool(known_ine) and ine not in ("", NO_INE) and ine == known_ine
    return town_ok or ine_ok


def find_identity(session: Session, data: IdentityCheck) -> Person | None:
    """The imported person matching `data`, or None (also when it is ambiguous)."""
    candidates = session.scalars(select(Person).where(Person.birth_date == data.birth_date))
    found = [p for p in candidates if matches(p, data)]
    if len(found) > 1:  # homonyms born the same day: the INE settles it
        ine = normalize_ine(data.ine)
        found = [p for p in found if ine and normalize_ine(p.ine) == ine]
    return found[0] if len(found) == 1 else None


def _matched_identity(session: Session, ctx: RequestContext, data: IdentityCheck) -> Person:
    """Match an identity, throttling guesses per address. Commits the failure, then raises."""
    s = ctx.settings
    key = f"identity:{ctx.address}"
    throttle.check(session, [(key, s.login_max_failures_per_address)], s.login_window_seconds)
    person = find_identity(session, data)
    if person is None:
        throttle.fail(session, key, window_seconds=s.login_window_seconds)
        audit.record(session, Action.IDENTITY_NOT_FOUND, address=ctx.address,
                     detail={"last_name": data.last_name, "birth_date": str(data.birth_date)})
        session.commit()
        raise _identity_not_found()
    return person


def _already_registered() -> ApiError:
    return ApiError(409, "already_registered",
                    "Un compte existe déjà pour cette identité : connectez-vous, ou utilisez "
                    "« mot de passe oublié ».")


def check_identity(session: Session, ctx: RequestContext, data: IdentityCheck) -> None:
    """Raise 404 `identity_not_found` or 409 `already_registered`; return when registrable."""
    person = _matched_identity(session, ctx, data)
    if person.registered and person.email_confirmed:
        raise _already_registered()


# --------------------------------------------------------------------------- registration


def _email_taken(session: Session, email: str, person_id: int) -> bool:
    other = session.scalar(select(Person.id).where(Person.email == email,
                                                   Person.id != person_id))
    return other is not None


def _email_taken_error(field: str = "email") -> ApiError:
    return ApiError(409, "email_taken",
                    "Cette adresse électronique est déjà utilisée par un autre compte.",
                    field=field)


def require_strong_password(password: str, field: str = "password") -> None:
    problem = security.password_problem(password)
    if problem:
        raise ApiError(422, "weak_password", problem, field=field)


def _check_secret(question: str, answer: str) -> None:
    if not question.strip():
        raise ApiError(422, "invalid_request", "La question secrète est obligatoire.",
                       field="secret_question")
    problem = security.secret_answer_problem(answer)
    if problem:
        raise ApiError(422, "weak_secret_answer", problem, field="secret_answer")


def send_confirmation(session: Session, ctx: RequestContext, person: Person, email: str,
                      *, change: bool = False) -> None:
    """Issue a confirmation link for `email` (superseding older ones) and mail it on commit."""
    hours = ctx.settings.email_token_hours
    plain = tokens.issue(session, person, TokenPurpose.CONFIRM_EMAIL, timedelta(hours=hours),
                         data={"email": email} if change else None)
    content = mail.confirm_email_mail(person.display_name,
                                      ctx.link("/pages/confirm-email", plain), hours)
    on_commit(session, lambda: ctx.mailer.send(email, content.subject, content.text,
                                               content.html))


TERMS_FILE = Path(__file__).resolve().parent.parent / "templates" / "core" / "terms" / "fr.txt"


@functools.cache
def terms() -> TermsPublic:
    """The terms of use; their version is a digest of the text, so an edited text asks
    for a new acceptance."""
    text = TERMS_FILE.read_text(encoding="utf-8")
    return TermsPublic(version=hashlib.sha256(text.encode()).hexdigest()[:12], text=text)


def register(session: Session, ctx: RequestContext, data: RegistrationCreate) -> RegistrationPublic:
    """Complete the imported identity with email, password and secret; mail the link.

    Raises 422 `invalid_email` / `weak_password` / `weak_secret_answer`, 404
    `identity_not_found`, 409 `already_registered` / `email_taken`, 429.
    """
    email = normalize_email(data.email)
    require_strong_password(data.password)
    _check_secret(data.secret_question, data.secret_answer)
    if data.terms_accepted != terms().version:
        raise ApiError(422, "terms_not_accepted",
                       "Lisez et acceptez les conditions d'utilisation pour créer votre compte."
                       if not data.terms_accepted else
                       "Les conditions d'utilisation ont changé : relisez-les et acceptez-les "
                       "de nouveau.", field="terms_accepted")
    person = _matched_identity(session, ctx, data)
    if person.registered and person.email_confirmed:
        raise _already_registered()
    if _email_taken(session, email, person.id):
        raise _email_taken_error()
    person.email = email
    person.pending_email = None
    person.email_confirmed = False
    person.password_hash = security.hash_password(data.password)
    person.secret_question = data.secret_question.strip()
    person.secret_answer_hash = security.hash_secret_answer(data.secret_answer)
    if data.phone is not None:
        person.phone = data.phone.strip() or None
    person.registered_at = now()
    audit.record(session, Action.REGISTER, actor_id=person.id, subject_id=person.id,
                 address=ctx.address, detail={"email": email, "terms": data.terms_accepted})
    send_confirmation(session, ctx, person, email)
    session.commit()
    return RegistrationPublic(email=email)


def confirm_email(session: Session, ctx: RequestContext, token: str) -> str:
    """Use a confirmation link; return the confirmed address. Raises 400 `invalid_token`."""
    record = tokens.redeem(session, token, TokenPurpose.CONFIRM_EMAIL)
    person = record.person
    new_email = (record.data or {}).get("email")
    if new_email:  # a change of address requested from the profile
        require_credentials_editable(session, person, "email")
        if _email_taken(session, new_email, person.id):
            raise _email_taken_error()
        person.email = new_email
        if person.pending_email == new_email:
            person.pending_email = None
    person.email_confirmed = True
    audit.record(session, Action.EMAIL_CONFIRMED, actor_id=person.id, subject_id=person.id,
                 address=ctx.address, detail={"email": person.email})
    session.commit()
    return person.email or ""


def resend_confirmation(session: Session, ctx: RequestContext, email_value: str) -> None:
    """Mail a fresh confirmation link when the address awaits one; silent otherwise."""
    email = normalize_email(email_value)
    person = session.scalar(select(Person).where(Person.pending_email == email))
    change = person is not None
    if person is None:
        person = session.scalar(select(Person).where(
            Person.email == email, Person.email_confirmed.is_(False),
            Person.password_hash.is_not(None)))
    if person is None or not mail_allowed(session, ctx, email):
        session.commit()
        return
    send_confirmation(session, ctx, person, email, change=change)
    audit.record(session, Action.CONFIRMATION_SENT, subject_id=person.id, address=ctx.address)
    session.commit()


def mail_allowed(session: Session, ctx: RequestContext, email: str) -> bool:
    """Count one mail for this address; False once too many were asked for recently."""
    s = ctx.settings
    key = f"mail:{email}"
    if throttle.retry_after(session, key, s.login_max_failures, s.login_window_seconds):
        return False
    throttle.fail(session, key, window_seconds=s.login_window_seconds)
    return True


# --------------------------------------------------------------------------- credential locks

# A procedure's rule that freezes the credentials (email, password, secret) of a person:
# given his id, the French reason (« l'amphi « EDN 2026 » est en cours ») or None. `core`
# imports no procedure, so each procedure hands its rule in (server_stub.api does).
CredentialLock = Callable[[Session, int], str | None]

_credential_locks: list[CredentialLock] = []

FROZEN_WHAT = {
    "email": "Votre adresse électronique ne peut pas être modifiée",
    "password": "Votre mot de passe ne peut pas être modifié",
    "secret": "Votre question secrète et sa réponse ne peuvent pas être modifiées",
}


def add_credential_lock(lock: CredentialLock) -> None:
    """Register a procedure's credential lock (once; registering again does nothing)."""
    if lock not in _credential_locks:
        _credential_locks.append(lock)


def _lock_reason(session: Session, person_id: int) -> str | None:
    for lock in _credential_locks:
        reason = lock(session, person_id)
        if reason:
            return reason
    return None


_FROZEN_WHY = ("ainsi, personne ne peut vous empêcher de vous connecter à votre tour. Vos "
               "autres coordonnées restent modifiables.")


def credentials_frozen(session: Session, person_id: int) -> str | None:
    """Why this person's email, password and secret cannot change now, or None.

    The sentence is shown beforehand (the profile's `credentials_frozen`), so the client
    disables those fields and says why.
    """
    reason = _lock_reason(session, person_id)
    if reason is None:
        return None
    return (f"Tant que {reason}, votre adresse électronique, votre mot de passe et votre "
            f"question secrète ne peuvent pas être modifiés : {_FROZEN_WHY}")


def require_credentials_editable(session: Session, person: Person, what: str,
                                 field: str | None = None) -> None:
    """Raise 409 `credentials_frozen` (French reason) while a procedure freezes them.

    `what` is `email`, `password` or `secret`. The password reset by emailed link is not
    frozen: it needs the mailbox, not a session, and a student who forgot his password
    must still be able to sign in for his turn.
    """
    reason = _lock_reason(session, person.id)
    if reason is not None:
        raise ApiError(409, "credentials_frozen",
                       f"{FROZEN_WHAT[what]} tant que {reason} : {_FROZEN_WHY}",
                       field=field or what)


# --------------------------------------------------------------------------- profile


def profile(session: Session, person: Person) -> ProfilePublic:
    """The person's own view of his account, with the campaigns he takes part in."""
    rows = session.execute(
        select(Campaign, Participation.role)
        .join(Participation, Participation.campaign_id == Campaign.id)
        .where(Participation.person_id == person.id)
        .order_by(Campaign.id)
    )
    campaigns = [CampaignPublic(id=c.id, kind=c.kind, name=c.name, region=c.region,  # type: ignore[arg-type]
                                state=c.state, my_role=role) for c, role in rows]
    return ProfilePublic(
        id=person.id, role=person.role, last_name=person.last_name,  # type: ignore[arg-type]
        first_name=person.first_name, birth_date=person.birth_date,
        birth_town=person.birth_town, ine=person.ine, email=person.email,
        pending_email=person.pending_email, phone=person.phone, address=person.address,
        faculty=person.faculty, secret_question=person.secret_question, campaigns=campaigns,
        credentials_frozen=credentials_frozen(session, person.id),
    )


def update_contact(session: Session, ctx: RequestContext, person: Person,
                   data: ContactUpdate) -> ProfilePublic:
    """Change the fields sent (phone, address, faculty; email after confirmation).

    A new email takes effect when the link mailed to it is followed.
    Raises 422 `invalid_email`, 409 `email_taken` / `credentials_frozen` (a new email while
    a procedure freezes it; nothing is changed then).
    """
    new_email: str | None = None
    if "email" in data.model_fields_set and data.email is not None:
        new_email = normalize_email(data.email)
        if new_email == person.email:
            new_email = None
        else:
            require_credentials_editable(session, person, "email")
    changed: list[str] = []
    for name in ("phone", "address", "faculty"):
        if name in data.model_fields_set:
            value = getattr(data, name)
            value = (value.strip() or None) if isinstance(value, str) else None
            if getattr(person, name) != value:
                setattr(person, name, value)
                changed.append(name)
    if new_email is not None:
        if _email_taken(session, new_email, person.id):
            raise _email_taken_error()
        person.pending_email = new_email
        send_confirmation(session, ctx, person, new_email, change=True)
        audit.record(session, Action.EMAIL_CHANGE_REQUESTED, actor_id=person.id,
                     subject_id=person.id, address=ctx.address, detail={"email": new_email})
    if changed:
        audit.record(session, Action.CONTACT_UPDATED, actor_id=person.id, subject_id=person.id,
                     address=ctx.address, detail={"fields": changed})
    session.commit()
    return profile(session, person)


def verify_current_password(session: Session, ctx: RequestContext, person: Person,
                            password: str, field: str) -> None:
    """Check the password a signed-in person retyped; failures count against the account.

    Raises 403 `wrong_password` or 429.
    """
    s = ctx.settings
    key = throttle.account_key(person.email or f"id:{person.id}")
    throttle.check(session, [(key, s.login_max_failures)], s.login_window_seconds)
    if not security.verify_password(person.password_hash, password):
        throttle.fail(session, key, window_seconds=s.login_window_seconds)
        session.commit()
        raise ApiError(403, "wrong_password", "Mot de passe actuel incorrect.", field=field)


def update_secret(session: Session, ctx: RequestContext, person: Person,
                  data: SecretUpdate) -> ProfilePublic:
    """Replace the secret question and answer (the current password authorises it).

    Raises 409 `credentials_frozen` while a procedure freezes them.
    """
    require_credentials_editable(session, person, "secret", "secret_answer")
    _check_secret(data.secret_question, data.secret_answer)
    verify_current_password(session, ctx, person, data.password, "password")
    person.secret_question = data.secret_question.strip()
    person.secret_answer_hash = security.hash_secret_answer(data.secret_answer)
    audit.record(session, Action.SECRET_CHANGED, actor_id=person.id, subject_id=person.id,
                 address=ctx.address)
    session.commit()
    return profile(session, person)
