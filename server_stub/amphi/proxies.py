"""Proxies (« procuration »): an intern names a person who will choose in his place.

Flow: the intern gives the person's email and phone → the person gets a mail with a
validation link (a server page, `/pages/proxy?token=`) → there she chooses a password,
which activates the proxy and its `proxy_holder` account → she signs in in proxy mode
(`proxy_login`, with that email and password) and acts for the intern exactly as he would.
From the request on, the intern keeps his favourites but can no longer choose; he may
cancel at any time (the holder's sessions close at once). One person holds at most one
proxy (pending or active) at a time. Proxies end with the semester: when the amphitheatre
finishes. The intern gets the confirmation mail when his proxy chooses.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.amphi.common import Audit, live_proxy_of, lock_amphi, own_intern
from server_stub.amphi.interns import latest_proxy, proxy_public
from server_stub.amphi.live import end_proxy
from server_stub.amphi.mail import proxy_holder_mail, proxy_requested_mail
from server_stub.amphi.models import (
    Amphi,
    AmphiAssignment,
    AmphiProxy,
    AmphiState,
    Intern,
    ProxyStatus,
)
from server_stub.amphi.schemas import ProxyCreate, ProxyPublic
from server_stub.core import audit, events, security, sessions, throttle, tokens
from server_stub.core.accounts import lookup_email, normalize_email, require_strong_password
from server_stub.core.audit import Action
from server_stub.core.clock import now
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError, invalid_token, not_found
from server_stub.core.models import Person, Role, TokenPurpose
from server_stub.core.schemas import SessionPublic
from server_stub.core.txn import on_commit

_dummy_hash: str | None = None


def _publish(session: Session, proxy: AmphiProxy, intern: Intern) -> None:
    events.publish(session, "amphi_proxy",
                   {"intern_id": intern.id, "proxy_id": proxy.id, "status": proxy.status},
                   campaign_id=intern.campaign_id, audience_id=intern.person_id)


def get_proxy(session: Session, person: Person, intern_id: int) -> ProxyPublic | None:
    """My current proxy (or the last one, to show that it ended); None when I never gave one."""
    intern = own_intern(session, person, intern_id)
    proxy = latest_proxy(session, intern.id)
    return proxy_public(proxy) if proxy else None


def give_proxy(session: Session, ctx: RequestContext, person: Person, intern_id: int,
               data: ProxyCreate) -> ProxyPublic:
    """Name a proxy holder; mail him the validation link, and me the notice.

    Raises 403, 404, 409 `amphi_finished` / `already_chosen` / `proxy_exists` /
    `holder_busy`, 422 `invalid_email` / `own_email`.
    """
    intern = own_intern(session, person, intern_id)
    amphi = session.get(Amphi, intern.amphi_id) if intern.amphi_id else None
    if amphi is not None and amphi.state == AmphiState.FINISHED.value:
        raise ApiError(409, "amphi_finished", "Les choix de ce semestre sont terminés.")
    if session.scalar(select(AmphiAssignment.id).where(
            AmphiAssignment.intern_id == intern.id)) is not None:
        raise ApiError(409, "already_chosen", "Vous avez déjà choisi votre poste.")
    email = normalize_email(data.email)
    if person.email and email == person.email.lower():
        raise ApiError(422, "own_email",
                       "Indiquez l'adresse d'une autre personne : vous ne pouvez pas vous "
                       "donner procuration à vous-même.", field="email")
    phone = data.phone.strip()
    if live_proxy_of(session, intern.id) is not None:
        raise ApiError(409, "proxy_exists",
                       "Vous avez déjà donné une procuration : annulez-la avant d'en établir "
                       "une nouvelle.")
    if session.scalar(select(AmphiProxy.id).where(AmphiProxy.holder_key == email)) is not None:
        raise ApiError(409, "holder_busy",
                       "Cette personne détient déjà une procuration : une personne ne peut en "
                       "détenir qu'une seule.", field="email")
    holder = Person(role=Role.PROXY_HOLDER.value, first_name="Mandataire de",
                    last_name=f"{person.first_name} {person.last_name}", phone=phone,
                    email=None, email_confirmed=False)
    session.add(holder)
    session.flush()
    proxy = AmphiProxy(intern_id=intern.id, holder_id=holder.id, holder_email=email,
                       holder_phone=phone, status=ProxyStatus.PENDING.value, holder_key=email,
                       intern_key=intern.id, created_at=now())
    session.add(proxy)
    session.flush()
    hours = ctx.settings.email_token_hours
    plain = tokens.issue(session, holder, TokenPurpose.PROXY_VALIDATION, timedelta(hours=hours),
                         data={"proxy_id": proxy.id})
    to_holder = proxy_holder_mail(person.display_name, ctx.link("/pages/proxy", plain), hours)
    on_commit(session, lambda: ctx.mailer.send(email, to_holder.subject, to_holder.text,
                                               to_holder.html))
    if person.email:
        to_intern = proxy_requested_mail(person.display_name, email)
        own = person.email
        on_commit(session, lambda: ctx.mailer.send(own, to_intern.subject, to_intern.text,
                                                   to_intern.html))
    _publish(session, proxy, intern)
    audit.record(session, Audit.PROXY_GIVEN, actor_id=person.id, subject_id=person.id,
                 campaign_id=intern.campaign_id, address=ctx.address,
                 detail={"proxy_id": proxy.id, "holder_email": email})
    session.commit()
    return proxy_public(proxy)


def cancel_proxy(session: Session, ctx: RequestContext, person: Person, intern_id: int) -> None:
    """Cancel my pending or active proxy (any time). Raises 403, 404."""
    intern = own_intern(session, person, intern_id)
    if intern.amphi_id is not None:  # not in the middle of a choice by the holder
        lock_amphi(session, intern.amphi_id)
    proxy = live_proxy_of(session, intern.id)
    if proxy is None:
        raise not_found("Vous n'avez aucune procuration en cours.")
    end_proxy(session, proxy, ProxyStatus.CANCELLED, now())
    audit.record(session, Audit.PROXY_CANCELLED, actor_id=person.id, subject_id=person.id,
                 campaign_id=intern.campaign_id, address=ctx.address,
                 detail={"proxy_id": proxy.id})
    session.commit()


def pending_validation(session: Session, token: str) -> AmphiProxy:
    """The proxy a validation link is for, without using it. Raises 400 `invalid_token`."""
    record = tokens.peek(session, token, TokenPurpose.PROXY_VALIDATION)
    proxy = session.get(AmphiProxy, (record.data or {}).get("proxy_id"))
    if proxy is None or proxy.status != ProxyStatus.PENDING.value:
        raise invalid_token()
    return proxy


def validate_proxy(session: Session, ctx: RequestContext, token: str,
                   password: str) -> AmphiProxy:
    """The holder sets his password: the proxy becomes active. Raises 400 `invalid_token`,
    422 `weak_password` (the link stays usable then)."""
    pending_validation(session, token)
    require_strong_password(password)
    record = tokens.redeem(session, token, TokenPurpose.PROXY_VALIDATION)
    proxy = session.get(AmphiProxy, (record.data or {}).get("proxy_id"))
    if proxy is None or proxy.status != ProxyStatus.PENDING.value:
        raise invalid_token()
    holder = record.person
    holder.password_hash = security.hash_password(password)
    holder.email_confirmed = True
    holder.registered_at = now()
    proxy.status = ProxyStatus.ACTIVE.value
    proxy.validated_at = now()
    _publish(session, proxy, proxy.intern)
    audit.record(session, Audit.PROXY_VALIDATED, actor_id=holder.id,
                 subject_id=proxy.intern.person_id, campaign_id=proxy.intern.campaign_id,
                 address=ctx.address, detail={"proxy_id": proxy.id})
    session.commit()
    return proxy


def proxy_login(session: Session, ctx: RequestContext, email_value: str,
                password: str) -> SessionPublic:
    """Sign in in proxy mode: the session acts for the intern of the active proxy.

    Throttled like the normal sign-in. Raises 401 `bad_credentials`, 429.
    """
    global _dummy_hash
    s = ctx.settings
    email = lookup_email(email_value)
    account = throttle.account_key(f"proxy:{email}")
    address = throttle.address_key(ctx.address)
    throttle.check(session, [(account, s.login_max_failures),
                             (address, s.login_max_failures_per_address)],
                   s.login_window_seconds)
    proxy = session.scalar(select(AmphiProxy).where(
        AmphiProxy.holder_key == email, AmphiProxy.status == ProxyStatus.ACTIVE.value))
    holder = proxy.holder if proxy is not None else None
    if holder is None:
        if _dummy_hash is None:
            _dummy_hash = security.hash_password("Amphi-dummy-0")
        security.verify_password(_dummy_hash, password)  # answer as slowly as a known account
        ok = False
    else:
        ok = security.verify_password(holder.password_hash, password)
    if not ok:
        throttle.fail(session, account, address, window_seconds=s.login_window_seconds)
        audit.record(session, Action.LOGIN_FAILED, subject_id=holder.id if holder else None,
                     address=ctx.address, detail={"email": email[:254], "mode": "proxy"})
        session.commit()
        raise ApiError(401, "bad_credentials",
                       "Adresse électronique ou mot de passe de procuration incorrect (la "
                       "procuration doit avoir été validée par le lien reçu).")
    assert holder is not None
    throttle.clear(session, account)
    return sessions.open_session(session, ctx, holder, "proxy")
