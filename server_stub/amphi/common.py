"""What every amphitheatre use case shares: finding things, who acts for which intern,
the per-amphitheatre lock, public shapes of amphitheatres, posts and assignments.

Who acts: a student acts for his own `Intern` record; a `proxy_holder` account is bound to
exactly one intern through its active proxy, and acts for that intern everywhere (there is
no "acting for" header: the proxy-mode session *is* the binding).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from server_stub.amphi.models import (
    Amphi,
    AmphiAssignment,
    AmphiPost,
    AmphiProxy,
    AmphiSession,
    AmphiState,
    Intern,
    ProxyStatus,
    Service,
)
from server_stub.amphi.schemas import (
    AmphiPostPublic,
    AmphiPublic,
    AmphiSessionPublic,
    AssignmentPublic,
    ServicePublic,
)
from server_stub.core.clock import as_utc
from server_stub.core.db import execute_dml
from server_stub.core.errors import ApiError, forbidden, not_found
from server_stub.core.models import Campaign, Person, Role

PHASE_LABELS: dict[str, str] = {
    "socle": "Phase socle",
    "approfondissement": "Phase d'approfondissement",
    "consolidation": "Phase de consolidation",
}
STATE_LABELS: dict[str, str] = {
    AmphiState.NOT_VALIDATED: "non validé",
    AmphiState.VALIDATED: "validé",
    AmphiState.OPEN: "ouvert",
    AmphiState.IN_PROGRESS: "en cours",
    AmphiState.PAUSED: "en pause",
    AmphiState.FINISHED: "terminé",
}
LIVE_STATES = (AmphiState.IN_PROGRESS.value, AmphiState.PAUSED.value)
# Interns may prepare (favourites) and follow the amphitheatre from its opening.
VISIBLE_TO_INTERNS = (AmphiState.OPEN.value, *LIVE_STATES, AmphiState.FINISHED.value)


class Audit:
    """Audit action names of the amphi area (stable: staff filter on them)."""

    CAMPAIGN_CREATED = "amphi_campaign_created"
    AMPHI_CREATED = "amphi_created"
    SESSIONS_SET = "amphi_sessions_set"
    STATE_CHANGED = "amphi_state_changed"
    IMPORTED = "amphi_imported"
    CHOICE = "amphi_choice"
    STAFF_ASSIGNED = "amphi_staff_assigned"
    REQUEUED = "amphi_requeued"
    FAVOURITES_CHANGED = "amphi_favourites_changed"
    SAVED_SEARCH = "saved_search_changed"
    SUPERNUMERARY_REQUESTED = "supernumerary_requested"
    DETAILS_CHECKED = "amphi_details_checked"  # the first entry's check (faculty, order)
    SUPERNUMERARY_WITHDRAWN = "supernumerary_withdrawn"
    SUPERNUMERARY_DECIDED = "supernumerary_decided"
    INTERN_UPDATED = "amphi_intern_updated"
    PROXY_GIVEN = "proxy_given"
    PROXY_VALIDATED = "proxy_validated"
    PROXY_CANCELLED = "proxy_cancelled"
    MESSAGE = "amphi_message"


# --------------------------------------------------------------------------- lookups


def get_amphi(session: Session, amphi_id: int) -> Amphi:
    amphi = session.get(Amphi, amphi_id)
    if amphi is None:
        raise not_found("Amphithéâtre introuvable.")
    return amphi


def get_amphi_campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None or campaign.kind != "amphi":
        raise not_found("Campagne de choix en amphithéâtre introuvable.")
    return campaign


def get_intern(session: Session, intern_id: int) -> Intern:
    intern = session.get(Intern, intern_id)
    if intern is None:
        raise not_found("Interne introuvable.")
    return intern


def lock_amphi(session: Session, amphi_id: int) -> Amphi:
    """Serialise the writers of one amphitheatre (its live state, its posts' places).

    A no-op UPDATE as the transaction's first write: a row lock on PostgreSQL, the write
    lock on SQLite (taken before anything is read, so no stale snapshot can be upgraded).
    Returns the amphitheatre freshly read. Raises 404.
    """
    done = execute_dml(session, update(Amphi).where(Amphi.id == amphi_id).values(state=Amphi.state))
    if done.rowcount != 1:
        raise not_found("Amphithéâtre introuvable.")
    amphi = session.get(Amphi, amphi_id, populate_existing=True)
    assert amphi is not None
    return amphi


def semester(campaign: Campaign) -> str:
    return str((campaign.settings or {}).get("semester") or campaign.name)


def short_name(person: Person) -> str:
    """How lists show an intern to everybody: "Mehdi M."."""
    initial = person.last_name.strip()[:1].upper()
    return f"{person.first_name} {initial}." if initial else person.first_name


def is_supernumerary(choice_type: str) -> bool:
    return choice_type != "classique"


# --------------------------------------------------------------------------- who acts


@dataclass(frozen=True)
class Actor:
    """The intern a signed-in person acts for, and whether through a proxy."""

    person: Person
    intern: Intern
    proxy: AmphiProxy | None  # the proxy when the person is its holder

    @property
    def as_proxy(self) -> bool:
        return self.proxy is not None


def live_proxy_of(session: Session, intern_id: int) -> AmphiProxy | None:
    """The intern's pending or active proxy, if any."""
    return session.scalar(select(AmphiProxy).where(AmphiProxy.intern_key == intern_id))


def held_proxy(session: Session, holder: Person) -> AmphiProxy | None:
    """The active proxy a proxy-holder account is bound to."""
    return session.scalar(select(AmphiProxy).where(
        AmphiProxy.holder_id == holder.id, AmphiProxy.status == ProxyStatus.ACTIVE.value))


def actor_interns(session: Session, person: Person) -> list[tuple[Intern, AmphiProxy | None]]:
    """Every intern record the person acts for (newest campaign first)."""
    if person.role == Role.PROXY_HOLDER.value:
        proxy = held_proxy(session, person)
        return [(proxy.intern, proxy)] if proxy is not None else []
    if person.role != Role.STUDENT.value:
        return []
    interns = session.scalars(select(Intern).where(Intern.person_id == person.id)
                              .order_by(Intern.campaign_id.desc()))
    return [(i, None) for i in interns]


def actor_in(session: Session, person: Person, amphi: Amphi) -> Actor:
    """The intern of `amphi` the person acts for. Raises 403 `not_in_amphi`."""
    if person.role == Role.PROXY_HOLDER.value:
        proxy = held_proxy(session, person)
        if proxy is None:
            raise forbidden("Votre procuration n'est plus active.")
        if proxy.intern.amphi_id != amphi.id:
            raise ApiError(403, "not_in_amphi",
                           "Votre procuration concerne un autre amphithéâtre.")
        return Actor(person, proxy.intern, proxy)
    intern = session.scalar(select(Intern).where(Intern.person_id == person.id,
                                                 Intern.amphi_id == amphi.id))
    if intern is None:
        raise ApiError(403, "not_in_amphi", "Vous ne faites pas partie de cet amphithéâtre.")
    return Actor(person, intern, None)


def own_intern(session: Session, person: Person, intern_id: int) -> Intern:
    """The person's own intern record (not through a proxy). Raises 404 / 403."""
    intern = get_intern(session, intern_id)
    if intern.person_id != person.id:
        raise forbidden("Cette fiche d'interne n'est pas la vôtre.")
    return intern


# --------------------------------------------------------------------------- public shapes


def sessions_public(session: Session, amphi_ids: Iterable[int]
                    ) -> dict[int, list[AmphiSessionPublic]]:
    ids = list(amphi_ids)
    out: dict[int, list[AmphiSessionPublic]] = defaultdict(list)
    if not ids:
        return out
    rows = session.scalars(select(AmphiSession).where(AmphiSession.amphi_id.in_(ids))
                           .order_by(AmphiSession.amphi_id, AmphiSession.rank_from))
    for row in rows:
        items = out[row.amphi_id]
        items.append(AmphiSessionPublic(no=len(items) + 1, starts_at=as_utc(row.starts_at),
                                        ends_at=as_utc(row.ends_at), rank_from=row.rank_from,
                                        rank_to=row.rank_to))
    return out


def amphis_public(session: Session, amphis: list[Amphi]) -> list[AmphiPublic]:
    """Amphitheatres with their sittings and counts (a few grouped queries, not one each)."""
    ids = [a.id for a in amphis]
    if not ids:
        return []
    interns = dict(session.execute(select(Intern.amphi_id, func.count()).where(
        Intern.amphi_id.in_(ids)).group_by(Intern.amphi_id)).all())
    posts = dict(session.execute(select(AmphiPost.amphi_id, func.count()).where(
        AmphiPost.amphi_id.in_(ids)).group_by(AmphiPost.amphi_id)).all())
    free = dict(session.execute(select(AmphiPost.amphi_id, func.count()).where(
        AmphiPost.amphi_id.in_(ids), AmphiPost.taken_by_id.is_(None))
        .group_by(AmphiPost.amphi_id)).all())
    sittings = sessions_public(session, ids)
    campaigns = {c.id: c for c in session.scalars(select(Campaign).where(
        Campaign.id.in_({a.campaign_id for a in amphis})))}
    return [AmphiPublic(
        id=a.id, campaign_id=a.campaign_id, semester=semester(campaigns[a.campaign_id]),
        name=a.name, specialty_group=a.specialty_group, phase=a.phase,
        phase_label=PHASE_LABELS.get(a.phase, a.phase), state=a.state,  # type: ignore[arg-type]
        opens_at=as_utc(a.opens_at) if a.opens_at else None,
        intern_count=interns.get(a.id, 0), post_count=posts.get(a.id, 0),
        free_post_count=free.get(a.id, 0), sessions=sittings.get(a.id, []),
    ) for a in amphis]


def amphi_public(session: Session, amphi: Amphi) -> AmphiPublic:
    return amphis_public(session, [amphi])[0]


def post_public(post: AmphiPost, service: Service, taker: tuple[int, str] | None = None
                ) -> AmphiPostPublic:
    """`taker` is (intern id, short name) of the intern holding its place, if any."""
    return AmphiPostPublic(
        id=post.id, number=post.number, amphi_id=post.amphi_id, service_id=service.id,
        establishment=service.establishment, service=service.name, head=service.head,
        department=service.department, service_number=service.number, des=post.des,
        specialty_group=post.specialty_group, post_type=post.post_type, regime=post.regime,
        earmark=post.earmark, reserved=post.reserved, taken=post.taken_by_id is not None,
        taken_by_intern_id=post.taken_by_id, taken_by_name=taker[1] if taker else None,
    )


def taker_of(session: Session, post: AmphiPost) -> tuple[int, str] | None:
    """(intern id, short name) of the intern holding the post's place, if any."""
    if post.taken_by_id is None:
        return None
    intern = session.get(Intern, post.taken_by_id)
    assert intern is not None
    return intern.id, short_name(intern.person)


def service_public(service: Service, posts: list[AmphiPost]) -> ServicePublic:
    return ServicePublic(id=service.id, establishment=service.establishment, name=service.name,
                         head=service.head, department=service.department,
                         number=service.number, post_count=len(posts),
                         free_count=sum(1 for p in posts if p.taken_by_id is None))


def assignment_public(a: AmphiAssignment, intern: Intern, person: Person, post: AmphiPost,
                      service: Service, amphi: Amphi, campaign: Campaign) -> AssignmentPublic:
    return AssignmentPublic(
        id=a.id, campaign_id=campaign.id, semester=semester(campaign), amphi_id=amphi.id,
        amphi_name=amphi.name, intern_id=intern.id, intern_name=short_name(person),
        intern_seniority=intern.seniority, intern_regime=intern.regime, intern_des=intern.des,
        intern_des_label=intern.des_label, faculty=intern.faculty,
        group=post.specialty_group, post_id=post.id, post_number=post.number,
        post_des=post.des, post_type=post.post_type, department=service.department,
        establishment=service.establishment, service=service.name, head=service.head,
        earmark=post.earmark, reserved=post.reserved,
        choice_type=a.choice_type,  # type: ignore[arg-type]
        chosen_at=as_utc(a.chosen_at), by_proxy=a.by_proxy, by_staff=a.by_staff,
    )


def assignment_of(session: Session, a: AmphiAssignment) -> AssignmentPublic:
    """The public line of one assignment (loads what it refers to)."""
    intern = a.intern
    post = a.post
    amphi = session.get(Amphi, a.amphi_id)
    campaign = session.get(Campaign, intern.campaign_id)
    assert amphi is not None and campaign is not None
    return assignment_public(a, intern, intern.person, post, post.service, amphi, campaign)


def event_payload(amphi: Amphi, **values: Any) -> dict[str, Any]:
    """Every amphi event names its amphitheatre."""
    return {"amphi_id": amphi.id, **values}
