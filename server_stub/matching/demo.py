"""Demo only: the matching rounds whose results are due are computed and published at
start-up (`serve --demo`), as the agency would — so the coordinator's demo shows results.

Through the same use cases as the agency's buttons (`rounds.run_round`, then
`rounds.publish_round`, as the demo agent), for the demo's matching campaigns only, for
on-platform rounds whose ranking closed and whose results date came. Idempotent: a
published round is left alone.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from server_stub.core.clock import as_utc, now
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError
from server_stub.core.mail import Mailer
from server_stub.core.models import Campaign, Person
from server_stub.matching.models import MatchingRound, MatchingWave
from server_stub.matching.phases import phase_of
from server_stub.matching.rounds import publish_round, run_round
from server_stub.settings import Settings

log = logging.getLogger(__name__)

DEMO_STAFF = "ars@amphi.demo"


def publish_due_rounds(factory: sessionmaker[Session], settings: Settings,
                       mailer: Mailer) -> list[int]:
    """Run and publish the demo's rounds whose results are due; their ids."""
    ctx = RequestContext(settings, mailer, settings.public_url or "", "server")
    done: list[int] = []
    with factory() as session:
        staff = session.scalar(select(Person).where(Person.email == DEMO_STAFF))
        if staff is None:
            return done
        due = session.scalars(
            select(MatchingRound)
            .join(MatchingWave, MatchingWave.id == MatchingRound.wave_id)
            .join(Campaign, Campaign.id == MatchingWave.campaign_id)
            .where(Campaign.kind == "matching", MatchingRound.off_platform.is_(False),
                   MatchingRound.state != "published")
            .order_by(MatchingWave.id, MatchingRound.number)).all()
        at = now()
        for rnd in due:
            campaign = session.get(Campaign, session.get_one(MatchingWave, rnd.wave_id)
                                   .campaign_id)
            if campaign is None or not (campaign.settings or {}).get("demo"):
                continue
            if rnd.results_at is None or as_utc(rnd.results_at) > at \
                    or phase_of(rnd, at) != "awaiting_results":
                break  # later rounds wait for this one
            round_id = rnd.id
            try:
                if rnd.state != "run":
                    run_round(session, ctx, staff, round_id)
                publish_round(session, ctx, staff, round_id)
            except ApiError as exc:
                session.rollback()
                log.warning("demo matching round %s not published: %s", round_id, exc.message)
                break
            done.append(round_id)
            log.info("demo matching round %s computed and published", round_id)
    return done
