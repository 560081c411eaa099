"""Campaigns as the public sees them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.models import Campaign, Participation, Person, Role
from server_stub.core.schemas import CampaignPublic

DRAFT = "draft"


def list_campaigns(session: Session, viewer: Person | None) -> list[CampaignPublic]:
    """Every campaign but drafts (staff see drafts too), with the viewer's role in each."""
    query = select(Campaign).order_by(Campaign.id)
    if viewer is None or viewer.role != Role.STAFF.value:
        query = query.where(Campaign.state != DRAFT)
    roles: dict[int, str] = {}
    if viewer is not None:
        roles = {cid: role for cid, role in session.execute(
            select(Participation.campaign_id, Participation.role)
            .where(Participation.person_id == viewer.id))}
    return [CampaignPublic(id=c.id, kind=c.kind, name=c.name, region=c.region,  # type: ignore[arg-type]
                           state=c.state, my_role=roles.get(c.id))
            for c in session.scalars(query)]
