"""National choice: what happens without a request — coalesced events, absent students at
their turn, and the demo's simulated participants.

One asyncio task per app ticks a few times a second and does the (blocking) work in a
worker thread:

- `simulation_moved` is published at most once per `national_event_seconds` per campaign,
  only when the simulation changed since the last one, by the leading process only (its
  simulation follows every process's changes through the event log, so one publisher
  covers them all); clients then fetch their own
  statuses (`GET .../me/wishes`). Amphitheatre moves are published at once by the
  services themselves.
- An absent student reached by the amphitheatre is assigned at once by the move that
  reached him; the tick is a safety net (and resumes the chain after a restart).
- With `demo_national_participants`, students without an account (everybody in the
  demo but the documented accounts) validate their satisfied wish when their turn has
  lasted `demo_seconds_per_student` (`demo_seconds_near_turn` when a real account is
  among the next `demo_near_turn_students`, so the demo student sees the panel move).
"""

from __future__ import annotations

import asyncio
import logging
import time

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from server_stub.core import events
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError
from server_stub.core.leader import Leadership
from server_stub.core.mail import Mailer
from server_stub.core.models import Person
from server_stub.national.common import NationalEvent, Outcome, RunStatus, SiteState
from server_stub.national.runtime import CampaignRuntime, NationalRegistry
from server_stub.national.turns import (
    open_due_turn,
    process_absent,
    start,
    take_first_feasible,
)
from server_stub.settings import Settings

log = logging.getLogger(__name__)


class NationalBackground:
    """The periodic work of the national area for one app."""

    def __init__(self, registry: NationalRegistry, factory: sessionmaker[Session],
                 settings: Settings, mailer: Mailer, leadership: Leadership | None = None
                 ) -> None:
        self.registry = registry
        self.leadership = leadership  # only the leading process moves the amphitheatre
        self.factory = factory
        self.settings = settings
        self.ctx = RequestContext(settings, mailer, settings.public_url or "", "server")
        self._demo_turn: dict[int, tuple[int, float]] = {}  # campaign -> (candidate, due)

    @property
    def tick_seconds(self) -> float:
        tick = 0.25
        if self.settings.demo_national_participants:
            tick = min(tick, max(0.01, self.settings.demo_seconds_per_student / 2))
        return tick

    async def run(self) -> None:
        """Tick until cancelled; a failing tick is logged and the next one tries again."""
        while True:
            await asyncio.sleep(self.tick_seconds)
            try:
                await asyncio.to_thread(self.tick)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("national background tick failed")

    def tick(self) -> None:
        leading = self.leadership is None or self.leadership.is_leader
        for rt in self.registry.loaded():
            if rt.behind:  # an event could not be applied when dispatched
                with rt.lock:
                    rt = self.registry.catch_up(rt.campaign_id)
            if leading and rt.run_status == RunStatus.RUNNING and rt.state == SiteState.AMPHI:
                self._move_on(rt.campaign_id)
            if leading:  # its simulation follows every process's changes (runtime.py)
                self._publish_moved(rt)

    def _publish_moved(self, rt: CampaignRuntime) -> None:
        generation = rt.generation
        if generation == rt.published_generation:
            return
        if time.monotonic() - rt.last_published < self.settings.national_event_seconds:
            return
        with self.factory() as session:
            events.publish(session, NationalEvent.SIMULATION_MOVED,
                           {"campaign_id": rt.campaign_id, "generation": generation},
                           campaign_id=rt.campaign_id)
            session.commit()
        rt.published_generation = generation
        rt.last_published = time.monotonic()

    def _move_on(self, campaign_id: int) -> None:
        try:
            with self.registry.hold(campaign_id) as rt, self.factory() as session:
                open_due_turn(session, rt)  # a day slice started: its first turn opens
                process_absent(session, rt, self.ctx)
                if self.settings.demo_national_participants:
                    self._demo_step(session, rt)
        except ApiError as exc:
            # Another process moved this turn first (a request on it: an absence, a
            # validation); the guarded update refused ours, the event log brings theirs.
            log.info("national campaign %s: move refused (%s)", campaign_id, exc.code)

    def _demo_step(self, session: Session, rt: CampaignRuntime) -> None:
        cur = rt.current()
        if cur is None or cur.absent or rt.run_status != RunStatus.RUNNING \
                or rt.turn_candidate_id != cur.id:  # (waiting for his day slice)
            return
        seen = self._demo_turn.get(rt.campaign_id)
        if seen is None or seen[0] != cur.id:
            self._schedule(rt, cur.id)
            return
        if time.monotonic() < seen[1]:
            return
        # Someone may have registered meanwhile: only people without an account are simulated.
        has_account = session.scalar(select(Person.password_hash.is_not(None)).where(
            Person.id == cur.person_id))
        cur.has_account = bool(has_account)
        if cur.has_account:
            return
        take_first_feasible(session, rt, cur, Outcome.VALIDATED, actor_id=None, address=None,
                            ctx=self.ctx, detail={"simulated": True})
        nxt = rt.current()
        if nxt is not None:
            self._schedule(rt, nxt.id)

    def _schedule(self, rt: CampaignRuntime, candidate_id: int) -> None:
        """When the simulated student now choosing will validate."""
        ahead = self.settings.demo_near_turn_students
        near = any(rt.cands[i].has_account
                   for i in rt.order[rt.pointer + 1:rt.pointer + 1 + ahead])
        delay = (self.settings.demo_seconds_near_turn if near
                 else self.settings.demo_seconds_per_student)
        self._demo_turn[rt.campaign_id] = (candidate_id, time.monotonic() + delay)

    def start_demo_amphi(self) -> None:
        """Setting `demo_start_amphi`: open the amphitheatre of national campaigns in
        `wishes_open` whose run has not started (idempotent across restarts)."""
        for rt in self.registry.loaded():
            if rt.state == SiteState.WISHES_OPEN and rt.run_status == RunStatus.NOT_STARTED:
                with self.factory() as session:
                    start(session, self.ctx, self.registry, rt.campaign_id, None)
