"""The in-memory state of each national campaign: one incremental simulation per pool.

A campaign's students are split by pool (general, CESP): a student competes only within
his pool's offer, so each pool is one `engine.serial.Simulation`. The amphitheatre runs
the pools together in one passing order (CESP students included, as in CELINE), which
this module keeps beside the simulations, with everything the tables need: who passed,
who is current, who made at least one wish.

The database is the truth; this is a mirror, built from one snapshot of the database
(about a second at national scale; `cursor` is the last event of the log that snapshot
includes) and then moved by the event log, in every server process:

- every committed change the mirror reflects is also an event (`events.publish` in the
  same transaction: `wishes_changed`, `absence_changed`, `amphi_entered`,
  `student_assigned`, `turn_ended`, `turn_started`, `amphi_state`, `site_state`,
  `order_changed`, `offer_changed`);
- the process that made the change applies it right after its commit, under
  `CampaignRuntime.lock` ("check, write, commit, apply");
- every process applies every such event in id order (= commit order) as its broker
  dispatches them (`NationalRegistry.follow`, before the process's own SSE clients get
  them), skipping what it already holds: a wish list whose version it has, a turn already
  ended, a field a later event already set (`marks`). Big rare changes (imports, day
  slices) just rebuild the campaign from the database.

Readers hold the lock too (the engine is not thread-safe). See docs/server.md.
"""

from __future__ import annotations

import bisect
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from server_stub.core import events
from server_stub.core.clock import as_utc
from server_stub.core.errors import ApiError
from server_stub.core.fairlock import FairRLock
from server_stub.core.models import Campaign, CampaignKind, Person
from server_stub.engine.serial import Holder, Simulation, StudentResult, WishStatus
from server_stub.national.common import (
    ASSIGNING_OUTCOMES,
    POOLS,
    NationalEvent,
    RunStatus,
    campaign_not_found,
)
from server_stub.national.models import (
    DaySlice,
    NationalAmphiRun,
    NationalCell,
    NationalStudent,
    Wish,
)

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(slots=True)
class CellInfo:
    id: int
    pool: str
    subdivision: str
    specialty: str
    capacity: int


@dataclass(slots=True)
class CandInfo:
    """One ranked student as the runtime knows him."""

    id: int
    person_id: int
    rank: int
    pool: str
    demoted_behind: int | None
    absent: bool
    assigned_cell: int | None
    assigned_at: datetime | None
    outcome: str | None
    turn_ended_at: datetime | None
    wishes: list[int]
    version: int
    entered_at: datetime | None
    has_account: bool

    @property
    def passed(self) -> bool:
        return self.outcome is not None

    @property
    def sim_wishes(self) -> list[str]:
        """What the simulation sees: nothing for a student whose turn ended without a post."""
        if self.outcome is not None and self.assigned_cell is None:
            return []
        return [str(c) for c in self.wishes]

    def order_key(self) -> tuple[int, int, int]:
        """The engine's passing key: R + 0.5 behind rank R when demoted, else the rank."""
        d = self.demoted_behind
        return (2 * self.rank if d is None else 2 * d + 1, self.rank, self.id)


@dataclass(slots=True)
class SliceInfo:
    day: date
    rank_from: int
    rank_to: int
    starts_at: datetime


@dataclass
class CampaignRuntime:
    """Everything about one national campaign that requests read at national scale."""

    campaign_id: int
    name: str
    state: str
    options: dict[str, Any]
    cells: dict[int, CellInfo]
    cands: dict[int, CandInfo]
    slices: list[SliceInfo]
    run_status: str = RunStatus.NOT_STARTED
    run_started_at: datetime | None = None
    turn_candidate_id: int | None = None
    turn_started_at: datetime | None = None
    build_seconds: float = 0.0
    # Fair: the thread following the log gets its turn among this process's requests.
    lock: FairRLock = field(default_factory=FairRLock)
    generation: int = 0
    published_generation: int = 0
    last_published: float = 0.0
    next_demo_step: float = 0.0
    by_person: dict[int, int] = field(default_factory=dict)
    sims: dict[str, Simulation] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)  # candidate ids, amphitheatre order
    index: dict[int, int] = field(default_factory=dict)  # candidate id -> index in order
    pool_order: dict[str, list[int]] = field(default_factory=dict)
    pool_index: dict[int, int] = field(default_factory=dict)  # 0-based position in his pool
    with_wishes: dict[str, list[int]] = field(default_factory=dict)  # sorted pool positions
    pointer: int = 0  # index in `order` of the first student whose turn has not ended
    turn_times: list[datetime] = field(default_factory=list)  # ends of turns, ascending
    max_rank: int = 0
    cursor: int = 0  # the last event of the log this mirror reflects (see `follow`)
    # Last event applied per field ("turn", "run", "state", "absent:<id>"...): an older
    # event met later (another process's, dispatched after this process's own) is skipped.
    marks: dict[str, int] = field(default_factory=dict)
    behind: bool = False  # an event could not be applied: catch up from the log first
    _cache: dict[Any, tuple[int, Any]] = field(default_factory=dict)

    # ------------------------------------------------------------------ build
    @classmethod
    def load(cls, session: Session, campaign_id: int) -> CampaignRuntime:
        """Read a campaign from the database and build its simulations.

        Raises 404 when there is no national campaign with this id.
        """
        started = time.perf_counter()
        if session.get_bind().dialect.name == "postgresql":
            # One snapshot for every read below: the mirror is the database as of `cursor`
            # (events are committed in id order, see core/events.py).
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        cursor = events.last_event_id(session)
        campaign = session.get(Campaign, campaign_id)
        if campaign is None or campaign.kind != CampaignKind.NATIONAL:
            raise campaign_not_found()
        cells = {
            cid: CellInfo(cid, pool, sub, spec, cap)
            for cid, pool, sub, spec, cap in session.execute(
                select(NationalCell.id, NationalCell.pool, NationalCell.subdivision,
                       NationalCell.specialty, NationalCell.capacity)
                .where(NationalCell.campaign_id == campaign_id))
        }
        wishes: dict[int, list[int]] = {}
        for cand_id, cell_id in session.execute(
                select(Wish.candidate_id, Wish.cell_id)
                .join(NationalStudent, NationalStudent.id == Wish.candidate_id)
                .where(NationalStudent.campaign_id == campaign_id)
                .order_by(Wish.candidate_id, Wish.position)):
            wishes.setdefault(cand_id, []).append(cell_id)
        C = NationalStudent
        cands: dict[int, CandInfo] = {}
        for row in session.execute(
                select(C.id, C.person_id, C.rank, C.pool, C.demoted_behind, C.absent,
                       C.assigned_cell_id, C.assigned_at, C.turn_outcome, C.turn_ended_at,
                       C.wishes_version, C.amphi_entered_at,
                       Person.password_hash.is_not(None))
                .join(Person, Person.id == C.person_id)
                .where(C.campaign_id == campaign_id)):
            (cid, pid, rank, pool, demoted, absent, assigned, assigned_at, outcome, ended,
             version, entered, account) = row
            cands[cid] = CandInfo(
                cid, pid, rank, pool if pool in POOLS else "general", demoted, bool(absent),
                assigned, _utc(assigned_at), outcome, _utc(ended), wishes.get(cid, []),
                version or 0, _utc(entered), bool(account))
        slices = [SliceInfo(s.day, s.rank_from, s.rank_to, as_utc(s.starts_at))
                  for s in session.scalars(select(DaySlice).where(
                      DaySlice.campaign_id == campaign_id).order_by(DaySlice.rank_from))]
        rt = cls(campaign_id, campaign.name, campaign.state, dict(campaign.settings or {}),
                 cells, cands, slices)
        rt.cursor = cursor
        run = session.scalar(select(NationalAmphiRun).where(
            NationalAmphiRun.campaign_id == campaign_id))
        if run is not None:
            rt.run_status = run.status
            rt.run_started_at = _utc(run.started_at)
            rt.turn_candidate_id = run.turn_candidate_id
            rt.turn_started_at = _utc(run.turn_started_at)
        rt._build()
        rt.build_seconds = time.perf_counter() - started
        return rt

    def _build(self) -> None:
        self.by_person = {c.person_id: c.id for c in self.cands.values()}
        self.max_rank = max((c.rank for c in self.cands.values()), default=0)
        self.sims = {}
        for pool in POOLS:
            members = sorted((c for c in self.cands.values() if c.pool == pool),
                             key=lambda c: (c.rank, c.id))
            instance = {
                "cells": [{"id": str(c.id), "capacity": c.capacity}
                          for c in self.cells.values() if c.pool == pool],
                "students": [{"id": str(c.id), "rank": c.rank,
                              "demoted_behind": c.demoted_behind,
                              "assigned": str(c.assigned_cell) if c.assigned_cell else None,
                              "wishes": c.sim_wishes} for c in members],
            }
            self.sims[pool] = Simulation(instance)
        self.turn_times = sorted(c.turn_ended_at for c in self.cands.values()
                                 if c.turn_ended_at is not None)
        self._reorder()

    def _reorder(self) -> None:
        """Passing order, positions, and the current chooser, from scratch."""
        ordered = sorted(self.cands.values(), key=CandInfo.order_key)
        self.order = [c.id for c in ordered]
        self.index = {cid: i for i, cid in enumerate(self.order)}
        self.pool_order = {pool: [] for pool in POOLS}
        for c in ordered:
            self.pool_order[c.pool].append(c.id)
        self.pool_index = {cid: i for ids in self.pool_order.values()
                           for i, cid in enumerate(ids)}
        self.with_wishes = {
            pool: [i for i, cid in enumerate(ids) if self.cands[cid].wishes]
            for pool, ids in self.pool_order.items()
        }
        self.pointer = 0
        self._advance_pointer()
        self._touch()

    def _advance_pointer(self) -> None:
        while self.pointer < len(self.order) and self.cands[self.order[self.pointer]].passed:
            self.pointer += 1

    def _touch(self) -> None:
        self.generation += 1

    # ------------------------------------------------------------------ reads
    def candidate_of(self, person_id: int) -> CandInfo | None:
        cid = self.by_person.get(person_id)
        return self.cands[cid] if cid is not None else None

    def sim(self, cand: CandInfo) -> Simulation:
        return self.sims[cand.pool]

    def current(self) -> CandInfo | None:
        """The student whose turn it is (the first who has not passed), None when all did."""
        if self.pointer >= len(self.order):
            return None
        return self.cands[self.order[self.pointer]]

    def next_after(self, cand: CandInfo) -> CandInfo | None:
        """The first student after `cand` in passing order whose turn has not ended."""
        for cid in self.order[self.index[cand.id] + 1:]:
            other = self.cands[cid]
            if not other.passed:
                return other
        return None

    def slice_of(self, cand: CandInfo) -> SliceInfo | None:
        """His day slice (« tranche de passage »): the one holding his rank, or the rank he
        passes behind when demoted; None when no slice covers it."""
        effective = cand.demoted_behind or cand.rank
        return next((s for s in self.slices if s.rank_from <= effective <= s.rank_to), None)

    def waits_until(self, cand: CandInfo, at: datetime) -> datetime | None:
        """When his day's slice starts, if that is still to come at `at`: nobody's turn
        comes before his day, so the amphitheatre waits for it (None: he may pass)."""
        day = self.slice_of(cand)
        if day is None or as_utc(day.starts_at) <= at:
            return None
        return as_utc(day.starts_at)

    def position(self, cand: CandInfo) -> int:
        """1-based place in the amphitheatre's passing order (all pools)."""
        return self.index[cand.id] + 1

    def passing(self, cand: CandInfo) -> int:
        """1-based passing number within his pool ("vous allez être 3703ème à choisir")."""
        return self.pool_index[cand.id] + 1

    def people_before(self, cand: CandInfo) -> int:
        """Students still to pass before him (0 at his turn or after it)."""
        return max(0, self.index[cand.id] - self.pointer)

    def above_with_wishes(self, cand: CandInfo) -> tuple[int, int]:
        """(A, B): of the B students of his pool passing before him, A made at least a wish."""
        q = self.pool_index[cand.id]
        return bisect.bisect_left(self.with_wishes[cand.pool], q), q

    def status(self, cand: CandInfo) -> StudentResult:
        """The engine's status of a student, every wish of his list included.

        A student whose turn ended without a post takes no place in the simulation; his
        wishes still get statuses, as they stood at his turn.
        """
        sim = self.sim(cand)
        st = sim.student_status(str(cand.id))
        if len(st["wishes"]) == len(cand.wishes):
            return st
        left = sim.remaining_at(st["passing"])
        st["wishes"] = [
            WishStatus(cell=str(c), taken_before=self.cells[c].capacity - left[str(c)],
                       capacity=self.cells[c].capacity, exhausted=left[str(c)] <= 0,
                       eligible=True) for c in cand.wishes]
        return st

    def remaining_at(self, pool: str, passing: int) -> dict[int, int]:
        """Places left per cell of `pool` when its `passing`-th student chooses."""
        return {int(k): v for k, v in self.sims[pool].remaining_at(passing).items()}

    def next_passing(self, pool: str) -> int:
        """Pool passing number of the next student of `pool` to choose (len + 1 when none)."""
        for i, cid in enumerate(self.pool_order[pool]):
            if not self.cands[cid].passed:
                return i + 1
        return len(self.pool_order[pool]) + 1

    def cached(self, key: Any, compute: Callable[[], T]) -> T:
        """`compute()` once per simulation generation (public tables at national scale)."""
        hit = self._cache.get(key)
        if hit is not None and hit[0] == self.generation:
            return cast(T, hit[1])
        value = compute()
        self._cache[key] = (self.generation, value)
        return value

    def holders(self) -> dict[int, list[Holder]]:
        """Every cell's holders in passing order (engine dicts), cached per generation."""
        def compute() -> dict[int, list[Holder]]:
            out = {}
            for cell in self.cells.values():
                out[cell.id] = self.sims[cell.pool].cell_status(str(cell.id))["holders"]
            return out
        return self.cached("holders", compute)

    def assignments(self) -> dict[int, tuple[int, int | None, str]]:
        """candidate id -> (cell id, 0-based wish index or None, "assigned"|"simulated")."""
        def compute() -> dict[int, tuple[int, int | None, str]]:
            out: dict[int, tuple[int, int | None, str]] = {}
            for cell_id, hs in self.holders().items():
                for h in hs:
                    out[int(h["student"])] = (cell_id, h["wish"], h["state"])
            return out
        return self.cached("assignments", compute)

    def ended_since(self, since: datetime) -> int:
        """Turns that ended at or after `since`."""
        return len(self.turn_times) - bisect.bisect_left(self.turn_times, since)

    # ------------------------------------------------------------------ changes
    # Called after the database commit, under `lock`.
    def set_wishes(self, cand: CandInfo, cells: list[int], version: int) -> None:
        had = bool(cand.wishes)
        cand.wishes = list(cells)
        cand.version = version
        self.sim(cand).set_wishes(str(cand.id), cand.sim_wishes)
        if had != bool(cells):
            lst = self.with_wishes[cand.pool]
            q = self.pool_index[cand.id]
            if cells:
                bisect.insort(lst, q)
            else:
                del lst[bisect.bisect_left(lst, q)]
        self._touch()

    def end_turn(self, cand: CandInfo, outcome: str, cell: int | None, at: datetime) -> None:
        """His turn ended: he holds `cell` (or, without a post, takes no place any more)."""
        cand.outcome = outcome
        cand.turn_ended_at = at
        sim = self.sim(cand)
        if outcome in ASSIGNING_OUTCOMES and cell is not None:
            cand.assigned_cell = cell
            cand.assigned_at = at
            sim.set_assigned(str(cand.id), str(cell))
        else:
            sim.set_wishes(str(cand.id), [])
        bisect.insort(self.turn_times, at)
        self._advance_pointer()
        self._touch()

    def set_demoted(self, cand: CandInfo, behind: int | None) -> None:
        cand.demoted_behind = behind
        self.sim(cand).set_demoted(str(cand.id), behind)
        self._reorder()

    def set_absent(self, cand: CandInfo, absent: bool) -> None:
        cand.absent = absent
        self._touch()

    def mark(self, key: str, event_id: int) -> None:
        """This process applied the event `event_id` to the field `key` itself."""
        if event_id > self.marks.get(key, 0):
            self.marks[key] = event_id

    def _newer(self, key: str, event_id: int) -> bool:
        """Whether `event_id` is newer than what `key` holds (and record it if so)."""
        if event_id <= self.marks.get(key, 0):
            return False
        self.marks[key] = event_id
        return True

    def refresh_wishes(self, session: Session, cand: CandInfo) -> None:
        """Re-read one student's list from the database when it is newer than the mirror
        (another process changed it and its event is not applied here yet)."""
        rows = session.execute(  # one statement: the version and the list it numbers
            select(NationalStudent.wishes_version, Wish.cell_id)
            .outerjoin(Wish, Wish.candidate_id == NationalStudent.id)
            .where(NationalStudent.id == cand.id).order_by(Wish.position)).all()
        version = (rows[0][0] if rows else 0) or 0
        if version > cand.version:
            self.set_wishes(cand, [cell for _, cell in rows if cell is not None], version)

    # ------------------------------------------------------------------ following the log
    def apply(self, event: events.Event) -> bool:
        """Apply one committed event of this campaign (any process's) if the mirror does
        not hold it yet. Returns False when only a rebuild from the database will do."""
        p = event.payload
        kind = event.kind
        cand = self.cands.get(p.get("candidate_id", -1))
        if kind == NationalEvent.WISHES_CHANGED:
            version = int(p["version"])
            if cand is not None and version > cand.version:
                self.set_wishes(cand, [int(c) for c in p["cells"]], version)
        elif kind in (NationalEvent.STUDENT_ASSIGNED, NationalEvent.TURN_ENDED):
            if cand is not None and cand.outcome is None:
                assigned = kind == NationalEvent.STUDENT_ASSIGNED
                at = p.get("assigned_at" if assigned else "ended_at")
                self.end_turn(cand, str(p.get("how") if assigned else p.get("outcome")),
                              int(p["cell_id"]) if assigned else None,
                              as_utc(datetime.fromisoformat(at)) if at else event.at)
        elif kind == NationalEvent.TURN_STARTED:
            if self._newer("turn", event.id):
                self.turn_candidate_id = int(p["candidate_id"])
                self.turn_started_at = as_utc(datetime.fromisoformat(p["turn_started_at"]))
        elif kind == NationalEvent.AMPHI_WAITING:
            if self._newer("turn", event.id):  # no turn until the next day's slice starts
                self.turn_candidate_id = None
                self.turn_started_at = None
        elif kind == NationalEvent.AMPHI_STATE:
            status = str(p["status"])
            if self._newer("run", event.id):
                self.run_status = status
                started = p.get("started_at")
                if started and self.run_started_at is None:
                    self.run_started_at = as_utc(datetime.fromisoformat(started))
            if status == RunStatus.FINISHED and self._newer("turn", event.id):
                self.turn_candidate_id = None
                self.turn_started_at = None
        elif kind == NationalEvent.SITE_STATE:
            if self._newer("state", event.id):
                self.state = str(p["state"])
                self._touch()
        elif kind == NationalEvent.ORDER_CHANGED:
            behind = p.get("demoted_behind")
            if cand is not None and self._newer(f"demoted:{cand.id}", event.id) \
                    and cand.demoted_behind != behind:
                self.set_demoted(cand, behind)
        elif kind == NationalEvent.ABSENCE_CHANGED:
            absent = bool(p["absent"])
            if cand is not None and self._newer(f"absent:{cand.id}", event.id) \
                    and cand.absent != absent:
                self.set_absent(cand, absent)
        elif kind == NationalEvent.AMPHI_ENTERED:
            if cand is not None and cand.entered_at is None:
                cand.entered_at = as_utc(datetime.fromisoformat(p["entered_at"]))
        elif kind == NationalEvent.OFFER_CHANGED:
            return event.id <= self.marks.get("reload", 0)
        return True


# The event kinds a runtime follows (`CampaignRuntime.apply`).
MIRRORED = frozenset({
    NationalEvent.WISHES_CHANGED, NationalEvent.ABSENCE_CHANGED, NationalEvent.AMPHI_ENTERED,
    NationalEvent.STUDENT_ASSIGNED, NationalEvent.TURN_ENDED, NationalEvent.TURN_STARTED,
    NationalEvent.AMPHI_WAITING, NationalEvent.AMPHI_STATE, NationalEvent.SITE_STATE,
    NationalEvent.ORDER_CHANGED, NationalEvent.OFFER_CHANGED,
})


def _utc(value: datetime | None) -> datetime | None:
    return as_utc(value) if value is not None else None


# --------------------------------------------------------------------------- registry


class NationalRegistry:
    """The runtimes of the national campaigns of one app, built on first use."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory
        self._runtimes: dict[int, CampaignRuntime] = {}
        self._lock = threading.Lock()
        self._building: dict[int, threading.Lock] = {}

    def get(self, campaign_id: int) -> CampaignRuntime:
        """The campaign's runtime (built from the database the first time). Raises 404."""
        rt = self._runtimes.get(campaign_id)
        if rt is not None:
            return rt
        with self._lock:
            build_lock = self._building.setdefault(campaign_id, threading.Lock())
        with build_lock:
            rt = self._runtimes.get(campaign_id)
            if rt is None:
                with self.factory() as session:
                    rt = CampaignRuntime.load(session, campaign_id)
                with rt.lock:
                    rt.behind = True  # until the catch-up below succeeds (see `hold`)
                    self._runtimes[campaign_id] = rt
                    # Events committed after the snapshot and dispatched before the runtime
                    # was registered here: read them from the log.
                    rt = self.catch_up(campaign_id)
                log.info("national campaign %s: simulation built in %.2f s (%d students)",
                         campaign_id, rt.build_seconds, len(rt.cands))
        return rt

    def rebuild(self, campaign_id: int) -> CampaignRuntime:
        """Rebuild from the database (after an import), keeping the lock and counters.

        Call it with the campaign's lock held.
        """
        old = self._runtimes.get(campaign_id)
        with self.factory() as session:
            rt = CampaignRuntime.load(session, campaign_id)
        if old is not None:
            rt.lock = old.lock
            rt.generation = old.generation + 1
            rt.published_generation = old.published_generation
            rt.last_published = old.last_published
        self._runtimes[campaign_id] = rt
        return rt

    def follow(self, batch: list[events.Event]) -> None:
        """Apply a batch of committed events (id order), as the broker dispatches them."""
        mine: dict[int, list[events.Event]] = {}
        for event in batch:
            if event.campaign_id is not None and event.kind in MIRRORED \
                    and event.campaign_id in self._runtimes:
                mine.setdefault(event.campaign_id, []).append(event)
        for campaign_id, evs in mine.items():
            rt = self._runtimes[campaign_id]
            with rt.lock:
                try:
                    self._apply(campaign_id, evs)
                except Exception:  # the database is unreachable (a rebuild): try again later
                    log.exception("national campaign %s: events not applied", campaign_id)
                    self._runtimes[campaign_id].behind = True

    def catch_up(self, campaign_id: int) -> CampaignRuntime:
        """With the campaign's lock held: read the log from the runtime's cursor if an
        event could not be applied when dispatched (see `behind`)."""
        rt = self._runtimes[campaign_id]
        if rt.behind:
            self._catch_up(campaign_id)
            rt = self._runtimes[campaign_id]
            rt.behind = False
        return rt

    def _apply(self, campaign_id: int, evs: list[events.Event]) -> None:
        """Apply `evs` to the campaign's runtime; its lock is held."""
        rt = self._runtimes[campaign_id]
        for event in evs:
            if event.id <= rt.cursor:
                continue  # in the snapshot the runtime was built from
            try:
                applied = rt.apply(event)
            except Exception:  # a malformed payload must not stop the others
                log.exception("national campaign %s: event %s not applied, rebuilding",
                              campaign_id, event.id)
                applied = False
            if not applied:
                log.info("national campaign %s: rebuilding after event %s (%s)",
                         campaign_id, event.id, event.kind)
                rt = self.rebuild(campaign_id)  # its cursor covers this event
                continue
            rt.cursor = event.id

    def _catch_up(self, campaign_id: int) -> None:
        """Apply what the log holds after the runtime's cursor; its lock is held."""
        while True:
            after = self._runtimes[campaign_id].cursor
            with self.factory() as session:
                batch = events.fetch_events(session, after, all_audiences=True)
            mine = [e for e in batch if e.campaign_id == campaign_id and e.kind in MIRRORED]
            self._apply(campaign_id, mine)
            if len(batch) < events.FETCH_BATCH:
                return
            rt = self._runtimes[campaign_id]
            rt.cursor = max(rt.cursor, batch[-1].id)

    def loaded(self) -> list[CampaignRuntime]:
        return list(self._runtimes.values())

    def load_all(self) -> list[CampaignRuntime]:
        """Build every national campaign's runtime (at start-up)."""
        with self.factory() as session:
            ids = list(session.scalars(select(Campaign.id).where(
                Campaign.kind == CampaignKind.NATIONAL.value)))
        return [self.get(cid) for cid in ids]

    @contextmanager
    def hold(self, campaign_id: int) -> Iterator[CampaignRuntime]:
        """The campaign's runtime with its lock held: "check, write, commit, apply".

        An unexpected failure (anything but a refusal) may have left the mirror behind
        the database, so the runtime is then rebuilt from the database.
        """
        rt = self.get(campaign_id)
        with rt.lock:
            rt = self._runtimes.get(campaign_id, rt)  # a rebuild may have replaced it
            if rt.behind:
                rt = self.catch_up(campaign_id)
            try:
                yield rt
            except ApiError:
                raise
            except Exception:
                log.exception("national campaign %s: rebuilding after a failure", campaign_id)
                self.rebuild(campaign_id)
                raise


def _paris_offset(moment: datetime) -> timedelta:
    """UTC offset of Paris at `moment` (EU rule: summer time from the last Sunday of March
    to the last Sunday of October, at 01:00 UTC), without needing tzdata."""
    utc = as_utc(moment)

    def last_sunday(year: int, month: int) -> datetime:
        day = date(year, month + 1, 1) - timedelta(days=1)
        day -= timedelta(days=(day.weekday() + 1) % 7)
        return datetime(day.year, day.month, day.day, 1, tzinfo=UTC)

    summer = last_sunday(utc.year, 3) <= utc < last_sunday(utc.year, 10)
    return timedelta(hours=2 if summer else 1)


def paris_time(moment: datetime) -> datetime:
    """Wall-clock time in Paris (naive), for messages."""
    return (as_utc(moment) + _paris_offset(moment)).replace(tzinfo=None)


DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")


def paris_text(moment: datetime) -> str:
    """« lundi 11 janvier 2027 à 9 h 00 », Paris time, for messages."""
    local = paris_time(moment)
    return (f"{DAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]} {local.year} "
            f"à {local.hour} h {local.minute:02d}")


def paris_midnight(moment: datetime) -> datetime:
    """Start of the day in Paris containing `moment`, in UTC."""
    offset = _paris_offset(moment)
    local = as_utc(moment) + offset
    return datetime(local.year, local.month, local.day, tzinfo=UTC) - offset
