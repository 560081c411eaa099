"""The semester's offer as a file anyone may download (« liste des postes », CSV or Excel).

The same posts as `posts.campaign_offer` (unvalidated amphitheatres' posts only for
staff), one row per post in the offer's order. Nobody's name: whether a post is filled
shows, not by whom (the public assignments list says that).
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.amphi.common import get_amphi_campaign
from server_stub.amphi.models import Amphi
from server_stub.amphi.posts import campaign_offer, fold
from server_stub.amphi.schemas import AmphiPostPublic
from server_stub.core.models import Person
from server_stub.core.spreadsheets import Column, ExportFile, Format, export_file, yes_no


def offer_columns(amphi_names: dict[int, str]) -> list[Column]:
    """The export's columns; `amphi_names` names each post's amphitheatre."""
    return [
        Column("Amphithéâtre", lambda p: amphi_names.get(p.amphi_id or 0, "")),
        Column("Département", lambda p: p.department),
        Column("Établissement", lambda p: p.establishment),
        Column("Service", lambda p: p.service),
        Column("N° service", lambda p: p.service_number),
        Column("Chef de service", lambda p: p.head),
        Column("N° poste", lambda p: p.number),
        Column("DES", lambda p: p.des),
        Column("Groupe de spécialités", lambda p: p.specialty_group),
        Column("Type", lambda p: p.post_type),
        Column("Régime", lambda p: p.regime),
        Column("Fléchage", lambda p: p.earmark or ""),
        Column("Réservé au DES", lambda p: yes_no(p.reserved)),
        Column("Pourvu", lambda p: yes_no(p.taken)),
    ]


def export_offer(session: Session, campaign_id: int, viewer: Person | None,
                 fmt: Format) -> ExportFile:
    """Every post of the semester as `postes-<campaign>.csv|xlsx`. Raises 404 when the
    campaign is unknown or not an amphitheatre campaign."""
    campaign = get_amphi_campaign(session, campaign_id)
    offer = campaign_offer(session, campaign_id, viewer)
    names = {a.id: a.name for a in session.scalars(
        select(Amphi).where(Amphi.campaign_id == campaign_id))}
    posts: list[AmphiPostPublic] = list(offer.posts)
    slug = re.sub(r"[^0-9A-Za-z]+", "-", fold(campaign.name)).strip("-")[:60] \
        or f"campagne-{campaign_id}"
    return export_file(offer_columns(names), posts, fmt, f"postes-{slug}", "Postes")
