"""Receipts of saved wish lists and attestation codes: signed by the server's secret key.

A receipt binds (campaign, candidate, list version, time, ordered cells) with an
HMAC-SHA256 under `Settings.secret_key`; anyone holding the receipt can later ask the
server whether it signed exactly that. The key is stable across restarts (settings), so
receipts stay verifiable.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.clock import as_utc
from server_stub.core.signing import canonical_time, code_of, sign
from server_stub.national import schemas as sch
from server_stub.national.models import WishReceipt


def digest_of(cells: list[int]) -> str:
    """SHA-256 of the ordered list of cell ids."""
    return hashlib.sha256(("amphi-wishes-v1|" + ",".join(map(str, cells))).encode()).hexdigest()


def sign_wishes(secret: str, campaign_id: int, candidate_id: int, version: int,
                at: datetime, digest: str) -> str:
    return sign(secret, "amphi-receipt-v1", campaign_id, candidate_id, version,
                 canonical_time(at), digest)


def assignment_code(secret: str, campaign_id: int, candidate_id: int, cell_id: int,
                    at: datetime) -> str:
    """The code printed on the attestation: the server's signature of the assignment."""
    return code_of(sign(secret, "amphi-assignment-v1", campaign_id, candidate_id, cell_id,
                         canonical_time(at)))


def new_receipt(secret: str, campaign_id: int, candidate_id: int, version: int,
                at: datetime, cells: list[int]) -> WishReceipt:
    """The receipt row of a saved list (the caller adds it to his transaction)."""
    digest = digest_of(cells)
    return WishReceipt(candidate_id=candidate_id, version=version, at=at, cells=list(cells),
                       digest=digest,
                       signature=sign_wishes(secret, campaign_id, candidate_id, version, at,
                                             digest))


def public(row: WishReceipt, campaign_id: int) -> sch.NationalReceipt:
    return sch.NationalReceipt(campaign_id=campaign_id, candidate_id=row.candidate_id,
                               version=row.version, at=as_utc(row.at), cells=list(row.cells),
                               digest=row.digest, signature=row.signature,
                               code=code_of(row.signature))


def verify(session: Session, secret: str, campaign_id: int, current_version: int | None,
           data: sch.NationalReceiptIn) -> sch.NationalReceiptCheck:
    """Is this receipt the server's, untouched? Is it recorded? Is it the current list?"""
    # Compared as bytes: compare_digest refuses str with non-ASCII characters (the schema
    # already admits hex only; this keeps the comparison total whatever the caller).
    digest_ok = hmac.compare_digest(digest_of(data.cells).encode(),
                                    data.digest.lower().encode())
    expected = sign_wishes(secret, campaign_id, data.candidate_id, data.version, data.at,
                           data.digest.lower())
    valid = (data.campaign_id == campaign_id and digest_ok
             and hmac.compare_digest(expected.encode(), data.signature.lower().encode()))
    recorded = False
    if valid:
        row = session.scalar(select(WishReceipt).where(
            WishReceipt.candidate_id == data.candidate_id, WishReceipt.version == data.version))
        recorded = row is not None and row.signature == data.signature.lower()
    current = valid and current_version == data.version
    if not valid:
        message = ("Ce reçu n'est pas authentique : il n'a pas été délivré par le serveur ou a "
                   "été modifié.")
    elif current:
        message = "Reçu authentique : c'est la liste de vœux actuellement enregistrée."
    else:
        message = ("Reçu authentique, mais la liste de vœux a été modifiée depuis (version "
                   f"{current_version}).")
    return sch.NationalReceiptCheck(valid=valid, recorded=recorded, current=current,
                                    message=message)


def receipts_of(session: Session, campaign_id: int, candidate_id: int, limit: int,
                before_id: int | None) -> list[sch.NationalReceipt]:
    """A student's receipts, newest first."""
    query = select(WishReceipt).where(WishReceipt.candidate_id == candidate_id)
    if before_id is not None:
        query = query.where(WishReceipt.id < before_id)
    rows = session.scalars(query.order_by(WishReceipt.id.desc()).limit(limit))
    return [public(r, campaign_id) for r in rows]


