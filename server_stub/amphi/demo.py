"""Demo only: simulated interns run the demo intern's amphitheatre live.

Behind the setting `demo_simulated_participants` (`serve --demo`). At start-up the demo
intern's amphitheatre is started (reset first if a previous run finished it); the interns
called long before her choose at once, so the session is soon a few turns from her; then
each simulated intern takes his time (about `demo_simulation_pace_seconds`) and takes his
preferred free post, through the same use case as a real choice. A few interns are absent
(passed over), and some of them connect later (placed after the chooser). At the demo
intern's turn nothing is simulated: the real 90-second clock runs.
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from server_stub.amphi import live as amphi_live
from server_stub.amphi.call_list import call_order
from server_stub.amphi.common import is_supernumerary
from server_stub.amphi.models import (
    Amphi,
    AmphiAssignment,
    AmphiLive,
    AmphiPost,
    AmphiPresence,
    AmphiSession,
    AmphiState,
    AmphiTurn,
    Intern,
    Service,
    TurnStatus,
)
from server_stub.amphi.schemas import AmphiTransition, ChoiceRequest
from server_stub.core.clock import as_utc, now
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError
from server_stub.core.leader import FOLLOWER_SECONDS, Leadership
from server_stub.core.mail import Mailer
from server_stub.core.models import Person
from server_stub.settings import Settings

log = logging.getLogger(__name__)

DEMO_INTERN = "interne@amphi.demo"
DEMO_STAFF = "ars@amphi.demo"
LEAD_TURNS = 15  # interns still to choose before the demo intern once the fast part is over
PRESENCE_EVERY = timedelta(seconds=10)
SITTING_BEGAN = timedelta(minutes=20)  # how long ago the demo intern's sitting began


@dataclass
class _Plan:
    amphi_id: int
    demo_intern_id: int
    demo_rank: int
    absent: set[int] = field(default_factory=set)  # never connect
    late: dict[int, int] = field(default_factory=dict)  # connect N turns after their own
    last_presence: datetime | None = None


class Simulation:
    """The background task; `start()` on the serving loop, `await stop()` at shutdown."""

    def __init__(self, factory: sessionmaker[Session], settings: Settings,
                 mailer: Mailer, leadership: Leadership | None = None) -> None:
        self.factory = factory
        self.settings = settings
        self.leadership = leadership  # only the leading process plays the simulated interns
        base = settings.public_url or "http://127.0.0.1:8000"
        self.ctx = RequestContext(settings, mailer, base, "demo-simulation")
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="amphi-demo-simulation")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    async def _run(self) -> None:
        plan = None
        while plan is None:
            try:
                plan = await asyncio.to_thread(self._prepare)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("demo simulation: could not prepare the amphitheatre")
            if plan is None:
                await asyncio.sleep(30)
        while True:
            if self.leadership is not None and not self.leadership.is_leader:
                await asyncio.sleep(FOLLOWER_SECONDS)
                continue
            try:
                delay = await asyncio.to_thread(self._step, plan)
            except asyncio.CancelledError:
                raise
            except Exception:  # a busy database: the next step tries again
                log.exception("demo simulation step failed")
                delay = 2.0
            await asyncio.sleep(delay)

    # ----------------------------------------------------------------------- set-up

    def _people(self, session: Session) -> tuple[Intern, Person] | None:
        intern = session.scalar(select(Intern).join(Person, Person.id == Intern.person_id)
                                .where(Person.email == DEMO_INTERN, Intern.amphi_id.is_not(None))
                                .order_by(Intern.campaign_id.desc()))
        staff = session.scalar(select(Person).where(Person.email == DEMO_STAFF))
        return (intern, staff) if intern is not None and staff is not None else None

    def _prepare(self) -> _Plan | None:
        with self.factory() as session:
            found = self._people(session)
            if found is None:
                log.info("demo simulation: no demo intern, nothing to simulate")
                return None
            intern, staff = found
            amphi = session.get(Amphi, intern.amphi_id)
            assert amphi is not None
            if amphi.state == AmphiState.FINISHED.value:
                self._reset(session, amphi)
            ranked = call_order(session, amphi)
            demo_rank = next(r.call_rank for r in ranked if r.intern.id == intern.id)
            rng = random.Random(amphi.id)
            others = [r for r in ranked if r.intern.id != intern.id]
            absent = {r.intern.id for r in others if rng.random() < 0.03}
            late = {i: rng.randint(2, 5) for i in sorted(absent) if rng.random() < 0.5}
            plan = _Plan(amphi.id, intern.id, demo_rank, absent - set(late), late)
            self._sitting_now(session, amphi, demo_rank)
            self._touch_presence(session, plan, force=True)
            session.commit()
            for action in ("validate", "open", "start"):
                amphi = session.get(Amphi, plan.amphi_id, populate_existing=True)
                assert amphi is not None
                wanted = {"validate": AmphiState.NOT_VALIDATED.value,
                          "open": AmphiState.VALIDATED.value,
                          "start": AmphiState.OPEN.value}[action]
                if amphi.state == wanted:
                    amphi_live.change_state(session, self.ctx, staff, amphi.id, AmphiTransition(
                        action=action,
                        opens_at=now() if action == "validate" else None))
            log.info("demo simulation: amphitheatre %s live, demo intern called %s",
                     plan.amphi_id, demo_rank)
            return plan

    def _sitting_now(self, session: Session, amphi: Amphi, demo_rank: int) -> None:
        """The demo runs the demo intern's sitting now: it began a little while ago (the
        amphitheatre's other sittings move with it), never hours ago nor tomorrow."""
        sittings = list(session.scalars(select(AmphiSession).where(
            AmphiSession.amphi_id == amphi.id).order_by(AmphiSession.starts_at)))
        hers = next((s for s in sittings if s.rank_from <= demo_rank <= s.rank_to), None)
        if hers is None:
            return
        began = (now() - SITTING_BEGAN).replace(second=0, microsecond=0)
        days = timedelta(days=(began.date() - as_utc(hers.starts_at).date()).days)
        for sitting in sittings:  # the same days apart, at their hours
            sitting.starts_at = as_utc(sitting.starts_at) + days
            sitting.ends_at = as_utc(sitting.ends_at) + days
        length = as_utc(hers.ends_at) - as_utc(hers.starts_at)
        hers.starts_at, hers.ends_at = began, began + length  # hers, now

    def _reset(self, session: Session, amphi: Amphi) -> None:
        """Demo only: put a finished amphitheatre back to open, every post free."""
        session.execute(delete(AmphiAssignment).where(AmphiAssignment.amphi_id == amphi.id))
        session.execute(delete(AmphiTurn).where(AmphiTurn.amphi_id == amphi.id))
        session.execute(delete(AmphiLive).where(AmphiLive.amphi_id == amphi.id))
        session.execute(update(AmphiPost).where(AmphiPost.amphi_id == amphi.id)
                        .values(taken_by_id=None, taken_at=None))
        amphi.state = AmphiState.OPEN.value
        session.commit()

    def _touch_presence(self, session: Session, plan: _Plan, *, force: bool = False) -> None:
        at = now()
        if not force and plan.last_presence and at - plan.last_presence < PRESENCE_EVERY:
            return
        ids = set(session.scalars(select(Intern.id).where(Intern.amphi_id == plan.amphi_id)))
        ids -= plan.absent | set(plan.late) | {plan.demo_intern_id}
        known = set(session.scalars(select(AmphiPresence.intern_id).where(
            AmphiPresence.intern_id.in_(ids))))
        session.execute(update(AmphiPresence).where(AmphiPresence.intern_id.in_(known))
                        .values(last_seen_at=at))
        session.add_all(AmphiPresence(intern_id=i, last_seen_at=at) for i in ids - known)
        plan.last_presence = at

    # ----------------------------------------------------------------------- turns

    def _step(self, plan: _Plan) -> float:
        """One look at the live session; returns how long to wait before the next one."""
        pace = self.settings.demo_simulation_pace_seconds
        with self.factory() as session:
            self._touch_presence(session, plan)
            session.commit()
            amphi = session.get(Amphi, plan.amphi_id)
            live = session.get(AmphiLive, plan.amphi_id)
            if amphi is None or live is None or amphi.state != AmphiState.IN_PROGRESS.value:
                return 2.0
            self._late_arrivals(session, plan, live)
            current = live.current_intern_id
            if current is None or current == plan.demo_intern_id or live.deadline is None:
                return 1.0
            turn = session.scalar(select(AmphiTurn).where(AmphiTurn.intern_id == current))
            assert turn is not None
            if turn.call_rank < plan.demo_rank - LEAD_TURNS:
                self._choose(session, plan, current, live.turn_no)  # the fast part
                return 0.0
            started = as_utc(live.deadline) - timedelta(seconds=self.settings.amphi_turn_seconds)
            think = random.Random(live.turn_no).uniform(0.3, 1.0) * pace
            wait = (started + timedelta(seconds=think) - now()).total_seconds()
            if wait > 0:
                return min(wait, 1.0)
            self._choose(session, plan, current, live.turn_no)
            return 0.2

    def _late_arrivals(self, session: Session, plan: _Plan, live: AmphiLive) -> None:
        """Interns who missed their turn connect a few turns later."""
        if not plan.late:
            return
        for intern_id, after in list(plan.late.items()):
            turn = session.scalar(select(AmphiTurn).where(AmphiTurn.intern_id == intern_id))
            if turn is None or turn.status != TurnStatus.ABSENT.value:
                continue
            current = session.scalar(select(AmphiTurn).where(
                AmphiTurn.intern_id == live.current_intern_id)) if live.current_intern_id \
                else None
            if current is not None and current.call_rank < turn.call_rank + after:
                continue
            person = session.get(Person, session.get(Intern, intern_id).person_id)  # type: ignore[union-attr]
            assert person is not None
            del plan.late[intern_id]
            try:
                amphi_live.presence(session, self.ctx, person, plan.amphi_id)
            except ApiError:
                session.rollback()

    def _choose(self, session: Session, plan: _Plan, intern_id: int, turn_no: int) -> None:
        intern = session.get(Intern, intern_id)
        assert intern is not None
        post_id = self._preferred_post(session, intern)
        if post_id is None:
            return  # nothing left he may take: the clock will move on
        try:
            amphi_live.choose(session, self.ctx, intern.person, plan.amphi_id,
                              ChoiceRequest(post_id=post_id,
                                            idempotency_key=f"demo-{intern_id}-{turn_no}"))
        except ApiError as exc:  # the turn moved on meanwhile, or staff paused
            session.rollback()
            log.debug("demo simulation: choice refused (%s)", exc.code)

    def _preferred_post(self, session: Session, intern: Intern) -> int | None:
        """His first post he may take, by a taste of his own (university hospitals first)."""
        rows = session.execute(select(
            AmphiPost.id, AmphiPost.reserved, AmphiPost.des, AmphiPost.taken_by_id,
            AmphiPost.post_type, Service.department).join(
            Service, Service.id == AmphiPost.service_id).where(
            AmphiPost.amphi_id == intern.amphi_id).order_by(AmphiPost.id)).all()
        rng = random.Random(intern.id)
        weight = {"CHU": 3.0, "CH": 2.0}
        supernumerary = is_supernumerary(intern.supernumerary)
        tastes = {row.id: weight.get(row.post_type, 1.0) * rng.random()
                  * (1.5 if row.department == "69" else 1.0) for row in rows}
        for row in sorted(rows, key=lambda row: tastes[row.id], reverse=True):
            if row.reserved and row.des != intern.des:
                continue
            if row.taken_by_id is not None and not supernumerary:
                continue
            return int(row.id)
        return None
