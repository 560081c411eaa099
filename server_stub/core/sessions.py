"""Signing in and out: password sign-in, single-use sign-in links, password reset.

A session is a random bearer token; only its SHA-256 is stored, with an expiry.
Failed sign-ins are throttled per account and per client address. Answers to "send me
a link" requests never reveal whether an account exists.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload, sessionmaker

from server_stub.core import audit, mail, security, throttle, tokens
from server_stub.core.accounts import (
    lookup_email,
    mail_allowed,
    normalize_email,
    profile,
    require_credentials_editable,
    require_strong_password,
    verify_current_password,
)
from server_stub.core.audit import Action
from server_stub.core.clock import as_utc, now
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError, not_authenticated, session_expired
from server_stub.core.models import AuthSession, Person, TokenPurpose
from server_stub.core.schemas import SessionPublic
from server_stub.core.txn import on_commit

_dummy_hash: str | None = None


def _equalise_timing(password: str) -> None:
    """Spend the time of one verification, so unknown accounts answer as slowly as known ones."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = security.hash_password("Amphi-dummy-0")
    security.verify_password(_dummy_hash, password)


def _person_by_email(session: Session, email: str) -> Person | None:
    # Every stored address is lower-cased on the way in, so the unique index serves this.
    return session.scalar(select(Person).where(Person.email == email))


def open_session(session: Session, ctx: RequestContext, person: Person,
                 method: str) -> SessionPublic:
    """Create a bearer-token session, record the sign-in and commit."""
    plain, digest = security.new_token()
    expires = now() + timedelta(hours=ctx.settings.session_hours)
    session.add(AuthSession(person_id=person.id, token_hash=digest, created_at=now(),
                            expires_at=expires, address=ctx.address[:64]))
    person.last_seen_at = now()
    audit.record(session, Action.LOGIN, actor_id=person.id, subject_id=person.id,
                 address=ctx.address, detail={"method": method})
    session.commit()
    return SessionPublic(token=plain, expires_at=expires, profile=profile(session, person))


def login(session: Session, ctx: RequestContext, email_value: str, password: str) -> SessionPublic:
    """Password sign-in.

    Raises 429 `too_many_attempts` (before checking anything), 401 `bad_credentials`,
    403 `email_not_confirmed` (only once the password was right).
    """
    s = ctx.settings
    email = lookup_email(email_value)
    account, address = throttle.account_key(email), throttle.address_key(ctx.address)
    try:
        throttle.check(session, [(account, s.login_max_failures),
                                 (address, s.login_max_failures_per_address)],
                       s.login_window_seconds)
    except ApiError:
        audit.record(session, Action.LOGIN_THROTTLED, address=ctx.address,
                     detail={"email": email[:254]})
        session.commit()
        raise
    person = _person_by_email(session, email)
    if person is None or person.password_hash is None:
        _equalise_timing(password)
        ok = False
    else:
        ok = security.verify_password(person.password_hash, password)
    if not ok:
        throttle.fail(session, account, address, window_seconds=s.login_window_seconds)
        audit.record(session, Action.LOGIN_FAILED, subject_id=person.id if person else None,
                     address=ctx.address, detail={"email": email[:254]})
        session.commit()
        raise ApiError(401, "bad_credentials",
                       "Adresse électronique ou mot de passe incorrect.")
    assert person is not None
    if not person.email_confirmed:
        raise ApiError(403, "email_not_confirmed",
                       "Votre adresse électronique n'est pas encore confirmée : suivez le lien "
                       "reçu par courriel (seul le dernier lien envoyé est valide).")
    throttle.clear(session, account)
    return open_session(session, ctx, person, "password")


def authenticate(session: Session, token: str) -> AuthSession:
    """The live session of a bearer token, its person loaded with it (one query, as every
    request asks it). Raises 401 `not_authenticated`/`session_expired`."""
    auth = session.scalar(select(AuthSession).options(joinedload(AuthSession.person)).where(
        AuthSession.token_hash == security.token_digest(token)))
    if auth is None or auth.revoked_at is not None:
        raise not_authenticated("Session inconnue ou fermée : veuillez vous reconnecter.")
    if as_utc(auth.expires_at) <= now():
        raise session_expired()
    return auth


@dataclass(frozen=True, slots=True)
class Caller:
    """Who sent a request, as the process's cache of sessions knows him (no ORM object:
    it outlives the request's database session)."""

    id: int  # the person's
    auth_id: int  # his session's (`AuthSession.id`), to check it again in a write
    expires_at: datetime


class CallerCache:
    """Token digest → `Caller`, per process, for the routes that run thousands of times a
    minute (a wish change): the token's query, and the commit that ends it, cost more than
    the change's own write.

    Only a hint, never the truth: a session revoked by another process (sign-out, password
    change, proxy ended) is still here. So a route may use a cached caller only if its
    write checks the session again in its own transaction (`require_live`, or the same
    condition inside the write's statement), and checks it before answering any refusal.
    Expired entries are never handed out; a sign-out in this process drops its entry at
    once. Bounded: the oldest entries go first.
    """

    def __init__(self, limit: int = 100_000) -> None:
        self.limit = limit
        self._entries: OrderedDict[str, Caller] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, digest: str) -> Caller | None:
        caller = self._entries.get(digest)
        if caller is not None and as_utc(caller.expires_at) <= now():
            self.forget(digest)
            return None
        return caller

    def put(self, digest: str, caller: Caller) -> None:
        with self._lock:
            self._entries[digest] = caller
            while len(self._entries) > self.limit:
                self._entries.popitem(last=False)

    def forget(self, digest: str) -> None:
        with self._lock:
            self._entries.pop(digest, None)


callers = CallerCache()


def cached(token: str) -> Caller | None:
    """The cached caller of a bearer token, None when not cached (or expired): no I/O.
    See `CallerCache` for what a cached caller may be used for."""
    return callers.get(security.token_digest(token))


def load_caller(factory: sessionmaker[Session], token: str) -> Caller:
    """The caller of a bearer token read from the database (a short session of its own),
    then cached. Raises like `authenticate`."""
    with factory() as session:
        auth = authenticate(session, token)
        caller = Caller(auth.person_id, auth.id, as_utc(auth.expires_at))
    callers.put(auth.token_hash, caller)
    return caller


def require_live(session: Session, caller: Caller) -> None:
    """Check, in the caller's transaction, that his session is still open (it may have
    been closed by another process since it was cached). Raises 401 like `authenticate`."""
    row = session.execute(select(AuthSession.revoked_at, AuthSession.expires_at)
                          .where(AuthSession.id == caller.auth_id)).one_or_none()
    if row is None or row.revoked_at is not None:
        raise not_authenticated("Session inconnue ou fermée : veuillez vous reconnecter.")
    if as_utc(row.expires_at) <= now():
        raise session_expired()


def viewer_id(factory: sessionmaker[Session], token: str | None) -> int | None:
    """The person a live stream is for (None without a token); raises like `authenticate`.

    A short session of its own: a stream lasts hours and must not pin a connection.
    """
    if token is None:
        return None
    with factory() as session:
        return authenticate(session, token).person_id


def logout(session: Session, ctx: RequestContext, auth: AuthSession) -> None:
    """Revoke the session's token."""
    auth.revoked_at = now()
    callers.forget(auth.token_hash)
    audit.record(session, Action.LOGOUT, actor_id=auth.person_id, subject_id=auth.person_id,
                 address=ctx.address)
    session.commit()


def _revoke_all(session: Session, person_id: int, keep: int | None = None) -> None:
    query = update(AuthSession).where(AuthSession.person_id == person_id,
                                      AuthSession.revoked_at.is_(None))
    if keep is not None:
        query = query.where(AuthSession.id != keep)
    session.execute(query.values(revoked_at=now()))


# --------------------------------------------------------------------------- mailed links


def request_signin_link(session: Session, ctx: RequestContext, email_value: str) -> None:
    """Mail a single-use sign-in link (valid `signin_link_minutes`) if the address is known."""
    email = normalize_email(email_value)
    person = _person_by_email(session, email)
    if person is None or not mail_allowed(session, ctx, email):
        session.commit()
        return
    minutes = ctx.settings.signin_link_minutes
    plain = tokens.issue(session, person, TokenPurpose.SIGNIN_LINK, timedelta(minutes=minutes))
    content = mail.signin_link_mail(person.display_name, ctx.link("/pages/signin", plain),
                                    minutes)
    to = person.email or email
    on_commit(session, lambda: ctx.mailer.send(to, content.subject, content.text, content.html))
    audit.record(session, Action.SIGNIN_LINK_SENT, subject_id=person.id, address=ctx.address)
    session.commit()


def redeem_signin_link(session: Session, ctx: RequestContext, token: str) -> SessionPublic:
    """Open a session from a mailed link (once). Raises 400 `invalid_token`."""
    record = tokens.redeem(session, token, TokenPurpose.SIGNIN_LINK)
    person = record.person
    person.email_confirmed = True  # the link reached that mailbox
    return open_session(session, ctx, person, "signin_link")


def request_password_reset(session: Session, ctx: RequestContext, email_value: str) -> None:
    """Mail a password-reset link if the address belongs to an account; silent otherwise."""
    email = normalize_email(email_value)
    person = _person_by_email(session, email)
    if person is None or not mail_allowed(session, ctx, email):
        session.commit()
        return
    minutes = ctx.settings.password_reset_minutes
    plain = tokens.issue(session, person, TokenPurpose.RESET_PASSWORD,
                         timedelta(minutes=minutes))
    content = mail.reset_password_mail(person.display_name,
                                       ctx.link("/pages/reset-password", plain), minutes)
    to = person.email or email
    on_commit(session, lambda: ctx.mailer.send(to, content.subject, content.text, content.html))
    audit.record(session, Action.PASSWORD_RESET_REQUESTED, subject_id=person.id,
                 address=ctx.address)
    session.commit()


def check_signin_link(session: Session, token: str) -> Person:
    """The person a sign-in link is for, without using it (raises when invalid or used)."""
    return tokens.peek(session, token, TokenPurpose.SIGNIN_LINK).person


def check_reset_token(session: Session, token: str) -> Person:
    """The person a reset link is for, without using it. Raises 400 `invalid_token`."""
    return tokens.peek(session, token, TokenPurpose.RESET_PASSWORD).person


def confirm_password_reset(session: Session, ctx: RequestContext, token: str,
                           password: str) -> str:
    """Set a new password from a reset link; every open session is closed.

    Returns the account's email. Raises 400 `invalid_token`, 422 `weak_password`
    (the link stays usable after a weak password).
    """
    tokens.peek(session, token, TokenPurpose.RESET_PASSWORD)
    require_strong_password(password)
    person = tokens.redeem(session, token, TokenPurpose.RESET_PASSWORD).person
    person.password_hash = security.hash_password(password)
    person.email_confirmed = True  # the link reached that mailbox
    if person.registered_at is None:
        person.registered_at = now()
    _revoke_all(session, person.id)
    throttle.clear(session, throttle.account_key(person.email or ""))
    audit.record(session, Action.PASSWORD_RESET, actor_id=person.id, subject_id=person.id,
                 address=ctx.address)
    session.commit()
    return person.email or ""


def change_password(session: Session, ctx: RequestContext, auth: AuthSession, current: str,
                    new: str) -> None:
    """Change the password of a signed-in person; his other sessions are closed.

    Raises 403 `wrong_password`, 422 `weak_password`, 429, 409 `credentials_frozen`.
    """
    person = auth.person
    require_credentials_editable(session, person, "password", "new_password")
    require_strong_password(new, "new_password")
    verify_current_password(session, ctx, person, current, "current_password")
    person.password_hash = security.hash_password(new)
    _revoke_all(session, person.id, keep=auth.id)
    audit.record(session, Action.PASSWORD_CHANGED, actor_id=person.id, subject_id=person.id,
                 address=ctx.address)
    session.commit()
