"""National choice: credentials frozen while the amphitheatre runs.

From the start of the amphitheatre to its end (running or paused, the site « en période
d'amphi »), a ranked student's email, password and secret answer cannot change: a stolen
session cannot then lock him out at his turn. `core.accounts` asks through
`frozen_reason`, registered by the composition root (`server_stub.api`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.models import Campaign
from server_stub.national.common import RunStatus, SiteState
from server_stub.national.models import NationalAmphiRun, NationalStudent

LIVE_RUN = (RunStatus.RUNNING.value, RunStatus.PAUSED.value)


def frozen_reason(session: Session, person_id: int) -> str | None:
    """« l'amphi « NAME » est en cours » when a national amphitheatre in which this person
    is ranked has started and not ended; None otherwise (staff are never frozen)."""
    name = session.scalar(
        select(Campaign.name)
        .join(NationalStudent, NationalStudent.campaign_id == Campaign.id)
        .join(NationalAmphiRun, NationalAmphiRun.campaign_id == Campaign.id)
        .where(NationalStudent.person_id == person_id,
               Campaign.state == SiteState.AMPHI.value,
               NationalAmphiRun.status.in_(LIVE_RUN))
        .order_by(Campaign.id.desc())
        .limit(1))
    return f"l'amphi « {name} » est en cours" if name is not None else None
