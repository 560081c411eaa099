"""Matching: signed receipts of the students' application lists, as the national wish lists
have (`national.receipts`).

Each save of a list gets a receipt binding (campaign, candidate, round, version, time,
ordered posts) with the server's key (`core.signing`); anyone holding the receipt can ask
the server whether it signed exactly that, and whether it is still the list as it stands.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server_stub.core.clock import as_utc
from server_stub.core.models import Person
from server_stub.core.signing import canonical_time, code_of, same, sign
from server_stub.matching.access import candidate_of, load_campaign
from server_stub.matching.models import Application, ApplicationReceipt
from server_stub.matching.schemas import (
    ApplicationReceiptCheck,
    ApplicationReceiptIn,
    ApplicationReceiptPublic,
)

MAX_RECEIPTS = 200


def digest_of(post_ids: list[int]) -> str:
    """SHA-256 of the ordered list of post ids."""
    return hashlib.sha256(("amphi-applications-v1|" + ",".join(map(str, post_ids))).encode()
                          ).hexdigest()


def _signature(secret: str, campaign_id: int, candidate_id: int, round_id: int, version: int,
               at: datetime, digest: str) -> str:
    return sign(secret, "amphi-matching-receipt-v1", campaign_id, candidate_id, round_id,
                version, canonical_time(at), digest)


def new_receipt(session: Session, secret: str, campaign_id: int, candidate_id: int,
                round_id: int, at: datetime, post_ids: list[int]) -> ApplicationReceipt:
    """The receipt of a list just saved (added to the caller's transaction)."""
    version = (session.scalar(select(func.max(ApplicationReceipt.version)).where(
        ApplicationReceipt.candidate_id == candidate_id,
        ApplicationReceipt.round_id == round_id)) or 0) + 1
    at = as_utc(at).replace(microsecond=0)  # what is signed is to the second
    digest = digest_of(post_ids)
    row = ApplicationReceipt(candidate_id=candidate_id, round_id=round_id, version=version,
                             at=at, post_ids=list(post_ids), digest=digest,
                             signature=_signature(secret, campaign_id, candidate_id, round_id,
                                                  version, at, digest))
    session.add(row)
    return row


def public(row: ApplicationReceipt, campaign_id: int) -> ApplicationReceiptPublic:
    return ApplicationReceiptPublic(campaign_id=campaign_id, candidate_id=row.candidate_id,
                                    round_id=row.round_id, version=row.version,
                                    at=as_utc(row.at), post_ids=list(row.post_ids),
                                    digest=row.digest, signature=row.signature,
                                    code=code_of(row.signature))


def latest(session: Session, campaign_id: int, candidate_id: int,
           round_id: int) -> ApplicationReceiptPublic | None:
    """The receipt of the list as last saved in that round, if it was ever saved."""
    row = session.scalar(select(ApplicationReceipt).where(
        ApplicationReceipt.candidate_id == candidate_id,
        ApplicationReceipt.round_id == round_id).order_by(ApplicationReceipt.version.desc())
        .limit(1))
    return public(row, campaign_id) if row is not None else None


def my_receipts(session: Session, viewer: Person, campaign_id: int,
                round_id: int | None) -> list[ApplicationReceiptPublic]:
    """My receipts in the campaign (one round, or all), newest first."""
    campaign = load_campaign(session, campaign_id, viewer)
    candidate = candidate_of(session, campaign, viewer)
    query = select(ApplicationReceipt).where(ApplicationReceipt.candidate_id == candidate.id)
    if round_id is not None:
        query = query.where(ApplicationReceipt.round_id == round_id)
    rows = session.scalars(query.order_by(ApplicationReceipt.id.desc()).limit(MAX_RECEIPTS))
    return [public(r, campaign.id) for r in rows]


def verify(session: Session, secret: str, viewer: Person, campaign_id: int,
           data: ApplicationReceiptIn) -> ApplicationReceiptCheck:
    """Is this receipt the server's, untouched? Is it recorded? Is it the list as it is?"""
    campaign = load_campaign(session, campaign_id, viewer)
    digest_ok = same(digest_of(data.post_ids), data.digest)
    expected = _signature(secret, campaign.id, data.candidate_id, data.round_id, data.version,
                          data.at, data.digest.lower())
    valid = data.campaign_id == campaign.id and digest_ok and same(expected, data.signature)
    recorded = current = False
    if valid:
        row = session.scalar(select(ApplicationReceipt).where(
            ApplicationReceipt.candidate_id == data.candidate_id,
            ApplicationReceipt.round_id == data.round_id,
            ApplicationReceipt.version == data.version))
        recorded = row is not None and row.signature == data.signature.lower()
        now = list(session.scalars(select(Application.post_id).where(
            Application.round_id == data.round_id,
            Application.candidate_id == data.candidate_id).order_by(Application.position)))
        current = recorded and now == list(data.post_ids)
    if not valid:
        message = ("Ce reçu n'est pas authentique : il n'a pas été délivré par le serveur ou a "
                   "été modifié.")
    elif current:
        message = "Reçu authentique : c'est la liste de candidatures actuellement enregistrée."
    else:
        message = "Reçu authentique, mais la liste de candidatures a été modifiée depuis."
    return ApplicationReceiptCheck(valid=valid, recorded=recorded, current=current,
                                   message=message)

