"""The offer (services and numbered posts) and the public real-time assignments list."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.amphi.common import (
    assignment_public,
    get_amphi,
    get_amphi_campaign,
    post_public,
    service_public,
    short_name,
)
from server_stub.amphi.models import (
    Amphi,
    AmphiAssignment,
    AmphiPost,
    AmphiState,
    Intern,
    Service,
)
from server_stub.amphi.schemas import AmphiOffer, AssignmentPublic
from server_stub.core.errors import ApiError
from server_stub.core.models import Campaign, Person, Role


def check_published(amphi: Amphi, viewer: Person | None) -> None:
    """Posts and call lists are public once the agency validated the amphitheatre."""
    if amphi.state == AmphiState.NOT_VALIDATED.value and (
            viewer is None or viewer.role != Role.STAFF.value):
        raise ApiError(409, "amphi_not_validated",
                       "Cet amphithéâtre n'est pas encore validé par l'agence : ses postes et "
                       "sa liste d'appel ne sont pas publiés.")


def _offer(session: Session, campaign_id: int, amphi_id: int | None,
           posts: Sequence[AmphiPost]) -> AmphiOffer:
    services = {s.id: s for s in session.scalars(select(Service).where(
        Service.id.in_({p.service_id for p in posts})))}
    takers = {i.id: i.person_id for i in session.scalars(select(Intern).where(
        Intern.id.in_({p.taken_by_id for p in posts if p.taken_by_id})))}
    names = {p.id: short_name(p) for p in session.scalars(select(Person).where(
        Person.id.in_(set(takers.values()))))}
    by_service: dict[int, list[AmphiPost]] = defaultdict(list)
    for p in posts:
        by_service[p.service_id].append(p)
    # Default order of the seed: department, establishment, service, then post number.
    ordered = sorted(services.values(), key=lambda s: (s.department, s.establishment, s.name,
                                                        s.id))
    rank = {s.id: n for n, s in enumerate(ordered)}
    post_rows = sorted(posts, key=lambda p: (rank[p.service_id], _number_key(p.number)))
    return AmphiOffer(
        campaign_id=campaign_id, amphi_id=amphi_id,
        services=[service_public(s, by_service[s.id]) for s in ordered],
        posts=[post_public(p, services[p.service_id],
                           (p.taken_by_id, names[takers[p.taken_by_id]]) if p.taken_by_id
                           else None) for p in post_rows],
    )


def _number_key(number: str) -> tuple[int, str]:
    return (int(number), "") if number.isdigit() else (10**9, number)


def amphi_offer(session: Session, amphi_id: int, viewer: Person | None) -> AmphiOffer:
    """The posts open to one amphitheatre's choice, grouped by service on the client."""
    amphi = get_amphi(session, amphi_id)
    check_published(amphi, viewer)
    posts = session.scalars(select(AmphiPost).where(AmphiPost.amphi_id == amphi.id)).all()
    return _offer(session, amphi.campaign_id, amphi.id, posts)


def campaign_offer(session: Session, campaign_id: int, viewer: Person | None) -> AmphiOffer:
    """Every post of the semester (« liste des postes »), except unvalidated amphitheatres'."""
    get_amphi_campaign(session, campaign_id)
    query = (select(AmphiPost).join(Service, Service.id == AmphiPost.service_id)
             .outerjoin(Amphi, Amphi.id == AmphiPost.amphi_id)
             .where(Service.campaign_id == campaign_id))
    if viewer is None or viewer.role != Role.STAFF.value:
        query = query.where(Amphi.state.is_not(None),
                            Amphi.state != AmphiState.NOT_VALIDATED.value)
    return _offer(session, campaign_id, None, session.scalars(query).all())


# --------------------------------------------------------------------------- assignments


def fold(value: str | None) -> str:
    """Case- and accent-insensitive form for "contains" filters."""
    text = unicodedata.normalize("NFKD", value or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class AssignmentFilters:
    """The seed's filters; several values in one field mean "any of them".

    Choice fields match exactly (regime, DES, type); typed fields match a part of the text,
    ignoring case and accents (head of service, intern, group, establishment).
    """

    amphi_id: list[int] = field(default_factory=list)
    regime: list[str] = field(default_factory=list)
    post_des: list[str] = field(default_factory=list)
    intern_des: list[str] = field(default_factory=list)
    post_type: list[str] = field(default_factory=list)
    head: list[str] = field(default_factory=list)
    intern: list[str] = field(default_factory=list)
    group: list[str] = field(default_factory=list)
    establishment: list[str] = field(default_factory=list)

    def keep(self, row: AssignmentPublic) -> bool:
        def exact(values: list[str], value: str) -> bool:
            return not values or fold(value) in {fold(v) for v in values}

        def part(values: list[str], value: str) -> bool:
            return not values or any(fold(v) in fold(value) for v in values)

        return ((not self.amphi_id or row.amphi_id in self.amphi_id)
                and exact(self.regime, row.intern_regime)
                and exact(self.post_des, row.post_des)
                and exact(self.intern_des, row.intern_des)
                and exact(self.post_type, row.post_type)
                and part(self.head, row.head)
                and part(self.intern, row.intern_name)
                and part(self.group, row.group)
                and part(self.establishment, row.establishment))


def assignments(session: Session, campaign_id: int, filters: AssignmentFilters
                ) -> list[AssignmentPublic]:
    """Every choice of the semester, newest first, filtered."""
    campaign: Campaign = get_amphi_campaign(session, campaign_id)
    rows = session.execute(
        select(AmphiAssignment, Intern, Person, AmphiPost, Service, Amphi)
        .join(Intern, Intern.id == AmphiAssignment.intern_id)
        .join(Person, Person.id == Intern.person_id)
        .join(AmphiPost, AmphiPost.id == AmphiAssignment.post_id)
        .join(Service, Service.id == AmphiPost.service_id)
        .join(Amphi, Amphi.id == AmphiAssignment.amphi_id)
        .where(Intern.campaign_id == campaign_id)
        .order_by(AmphiAssignment.chosen_at.desc(), AmphiAssignment.id.desc())
    )
    out = [assignment_public(a, i, p, post, s, amphi, campaign)
           for a, i, p, post, s, amphi in rows]
    return [row for row in out if filters.keep(row)]
