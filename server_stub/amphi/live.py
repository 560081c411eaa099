"""The amphitheatre's life and its live session: states, turns, presence, choices, the clock.

States (staff only, each change the event `amphi_state`): not_validated → validated (opening
date) → open (also automatically at `opens_at`) → in_progress ⇄ paused → finished.

Live session: at the start the call list is frozen into a queue (`AmphiTurn`). The first
waiting intern who is *connected* (a presence signal within `amphi_presence_seconds`)
gets the turn, with a deadline `amphi_turn_seconds` ahead (UTC, in the event
`amphi_turn`). Interns not connected at their turn are marked absent on the way; planned
absences were skipped from the start. The server moves on at a choice or at the deadline
(the clock task below); an absent intern who signals his presence while the session runs is
placed right after the intern choosing. Pause freezes the turn's remaining time. Every
write happens under the amphitheatre's lock (`lock_amphi`), deadlines live in the database,
so a restarted server resumes with the same clock.

A choice is one transaction: the caller must be the intern whose turn it is (or his proxy
holder), the post free (unless he is supernumerary: then it may be filled and uses no
place) and not reserved for another DES. Its idempotency key makes a retry return the
first answer.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from server_stub.amphi.call_list import call_order
from server_stub.amphi.common import (
    LIVE_STATES,
    STATE_LABELS,
    Actor,
    Audit,
    actor_in,
    amphi_public,
    assignment_public,
    event_payload,
    get_amphi,
    get_intern,
    is_supernumerary,
    live_proxy_of,
    lock_amphi,
    post_public,
    semester,
    short_name,
    taker_of,
)
from server_stub.amphi.mail import choice_mail
from server_stub.amphi.models import (
    Amphi,
    AmphiAssignment,
    AmphiLive,
    AmphiPost,
    AmphiPresence,
    AmphiProxy,
    AmphiState,
    AmphiTurn,
    ChoiceType,
    Intern,
    ProxyStatus,
    Service,
    TurnStatus,
)
from server_stub.amphi.posts import check_published
from server_stub.amphi.schemas import (
    AmphiPublic,
    AmphiTransition,
    ChoicePublic,
    ChoiceRequest,
    LiveIntern,
    LiveMe,
    LiveState,
    PresencePublic,
    StaffAssign,
)
from server_stub.core import audit, events
from server_stub.core.clock import as_utc, now
from server_stub.core.context import RequestContext
from server_stub.core.db import execute_dml
from server_stub.core.errors import ApiError, not_found
from server_stub.core.leader import FOLLOWER_SECONDS, Leadership
from server_stub.core.models import AuthSession, Campaign, EmailToken, Person, Role, TokenPurpose
from server_stub.core.txn import on_commit
from server_stub.settings import Settings

log = logging.getLogger(__name__)

# A confirmation sent in the last instant still counts: the clock moves on this much after
# the deadline it announced, and a choice is accepted until then.
GRACE = timedelta(milliseconds=500)
# Presence signals closer than this are not written again (a heartbeat is every ~10 s).
PRESENCE_WRITE_SECONDS = 5.0
# The turn event lists the next interns until it holds this many present ones more than
# the "soon" threshold, so every client it concerns can tell whether its banner shows.
UPCOMING_LIMIT = 60


@dataclass(frozen=True)
class Rule:
    sources: tuple[str, ...]
    target: str
    verb: str


S = AmphiState
TRANSITIONS: dict[str, Rule] = {
    "validate": Rule((S.NOT_VALIDATED, S.VALIDATED), S.VALIDATED, "de valider"),
    "invalidate": Rule((S.VALIDATED,), S.NOT_VALIDATED, "d'invalider"),
    "open": Rule((S.VALIDATED,), S.OPEN, "d'ouvrir"),
    "start": Rule((S.OPEN,), S.IN_PROGRESS, "de lancer"),
    "pause": Rule((S.IN_PROGRESS,), S.PAUSED, "de mettre en pause"),
    "resume": Rule((S.PAUSED,), S.IN_PROGRESS, "de reprendre"),
    "finish": Rule((S.OPEN, S.IN_PROGRESS, S.PAUSED), S.FINISHED, "de terminer"),
}


def _iso(value: datetime | None) -> str | None:
    return as_utc(value).isoformat() if value is not None else None


def _live(session: Session, amphi: Amphi) -> AmphiLive:
    """The amphitheatre's clock row (created on first use, under the amphitheatre lock)."""
    live = session.get(AmphiLive, amphi.id, populate_existing=True)
    if live is None:
        live = AmphiLive(amphi_id=amphi.id, turn_no=0)
        session.add(live)
        session.flush()
    return live


def _present_ids(session: Session, settings: Settings, intern_ids: Iterable[int],
                 at: datetime) -> set[int]:
    ids = list(intern_ids)
    if not ids:
        return set()
    since = at - timedelta(seconds=settings.amphi_presence_seconds)
    return set(session.scalars(select(AmphiPresence.intern_id).where(
        AmphiPresence.intern_id.in_(ids), AmphiPresence.last_seen_at >= since)))


def _turn_of(session: Session, intern_id: int) -> AmphiTurn | None:
    return session.scalar(select(AmphiTurn).where(AmphiTurn.intern_id == intern_id)
                          .execution_options(populate_existing=True))


def _remaining(amphi: Amphi, live: AmphiLive | None, at: datetime) -> float | None:
    if live is None or live.current_intern_id is None:
        return None
    if amphi.state == S.PAUSED.value:
        return (live.remaining_ms or 0) / 1000
    if live.deadline is None:
        return None
    return max(0.0, (as_utc(live.deadline) - at).total_seconds())


# --------------------------------------------------------------------------- turns


def _next_turn(session: Session, settings: Settings, amphi: Amphi, live: AmphiLive,
               at: datetime, *, timed_out: int | None = None,
               missed: list[int] | None = None) -> None:
    """Give the turn to the first waiting intern who is connected; publish `amphi_turn`.

    Waiting interns passed over because they are not connected become absent.
    """
    missed = list(missed or [])
    # Plain rows, not ORM objects: this runs at every turn over the whole queue.
    rows = session.execute(
        select(AmphiTurn.id, AmphiTurn.intern_id, AmphiTurn.call_rank, Intern.planned_absence)
        .join(Intern, Intern.id == AmphiTurn.intern_id)
        .where(AmphiTurn.amphi_id == amphi.id, AmphiTurn.status == TurnStatus.WAITING.value)
        .order_by(AmphiTurn.position)).all()
    present = _present_ids(session, settings, [r.intern_id for r in rows], at)
    current = None
    rest: list[Any] = []
    passed: list[int] = []
    skipped: list[int] = []
    for n, row in enumerate(rows):
        if row.planned_absence:  # declared after the start: skipped as at the start
            skipped.append(row.id)
            continue
        if row.intern_id in present:
            current, rest = row, [r for r in rows[n + 1:] if not r.planned_absence]
            break
        passed.append(row.id)
        missed.append(row.intern_id)
    for ids, status in ((passed, TurnStatus.ABSENT), (skipped, TurnStatus.SKIPPED)):
        if ids:
            session.execute(update(AmphiTurn).where(AmphiTurn.id.in_(ids))
                            .values(status=status.value))
    live.turn_no += 1
    turn_ms = int(settings.amphi_turn_seconds * 1000)
    if current is None:
        live.current_intern_id = None
        live.deadline = None
        live.remaining_ms = None
    else:
        session.execute(update(AmphiTurn).where(AmphiTurn.id == current.id)
                        .values(status=TurnStatus.CHOOSING.value))
        live.current_intern_id = current.intern_id
        if amphi.state == S.PAUSED.value:
            live.deadline, live.remaining_ms = None, turn_ms
        else:
            live.deadline, live.remaining_ms = at + timedelta(milliseconds=turn_ms), None
    upcoming: list[dict[str, Any]] = []
    present_seen = 0
    for row in rest:
        if present_seen > settings.amphi_soon_threshold or len(upcoming) >= UPCOMING_LIMIT:
            break
        here = row.intern_id in present
        present_seen += here
        upcoming.append({"intern_id": row.intern_id, "present": here})
    payload = event_payload(
        amphi, turn_no=live.turn_no, state=amphi.state,
        intern_id=current.intern_id if current else None,
        call_rank=current.call_rank if current else None,
        name=short_name(session.get(Intern, current.intern_id).person) if current else None,  # type: ignore[union-attr]
        deadline=_iso(live.deadline), remaining_seconds=_remaining(amphi, live, at),
        turn_seconds=settings.amphi_turn_seconds, server_time=at.isoformat(),
        timed_out=timed_out, missed=missed, upcoming=upcoming,
        waiting=len(rest),
    )
    events.publish(session, "amphi_turn", payload, campaign_id=amphi.campaign_id)
    on_commit(session, wake_clocks)


def _start(session: Session, amphi: Amphi, at: datetime) -> None:
    """Freeze the call list into the queue (the first turn is given right after)."""
    ranked = call_order(session, amphi)
    if not ranked:
        raise ApiError(409, "empty_call_list",
                       "Impossible de lancer l'amphithéâtre : sa liste d'appel est vide.")
    chosen = set(session.scalars(select(AmphiAssignment.intern_id).where(
        AmphiAssignment.amphi_id == amphi.id)))
    session.execute(delete(AmphiTurn).where(AmphiTurn.amphi_id == amphi.id))
    for r in ranked:
        status = (TurnStatus.CHOSEN if r.intern.id in chosen
                  else TurnStatus.SKIPPED if r.intern.planned_absence else TurnStatus.WAITING)
        session.add(AmphiTurn(amphi_id=amphi.id, intern_id=r.intern.id, call_rank=r.call_rank,
                              position=r.call_rank, status=status.value))
    live = _live(session, amphi)
    live.started_at = at
    live.current_intern_id, live.deadline, live.remaining_ms = None, None, None
    amphi.state = S.IN_PROGRESS.value
    session.flush()


def _pause(amphi: Amphi, live: AmphiLive, at: datetime) -> None:
    if live.deadline is not None:
        left = as_utc(live.deadline) - at
        live.remaining_ms = max(0, int(left.total_seconds() * 1000))
    live.deadline = None
    amphi.state = S.PAUSED.value


def _resume(session: Session, settings: Settings, amphi: Amphi, live: AmphiLive,
            at: datetime) -> None:
    amphi.state = S.IN_PROGRESS.value
    if live.current_intern_id is None:
        _next_turn(session, settings, amphi, live, at)
        return
    left = live.remaining_ms if live.remaining_ms is not None else int(
        settings.amphi_turn_seconds * 1000)
    live.deadline, live.remaining_ms = at + timedelta(milliseconds=left), None


def _finish(session: Session, amphi: Amphi, live: AmphiLive, at: datetime) -> None:
    """Close the queue, end the semester's proxies, reset types of choice to classique."""
    session.execute(update(AmphiTurn).where(
        AmphiTurn.amphi_id == amphi.id,
        AmphiTurn.status.in_([TurnStatus.WAITING.value, TurnStatus.CHOOSING.value]))
        .values(status=TurnStatus.NOT_REACHED.value))
    live.current_intern_id, live.deadline, live.remaining_ms = None, None, None
    amphi.state = S.FINISHED.value
    intern_ids = select(Intern.id).where(Intern.amphi_id == amphi.id)
    proxies = list(session.scalars(select(AmphiProxy).where(
        AmphiProxy.intern_id.in_(intern_ids), AmphiProxy.intern_key.is_not(None))))
    for proxy in proxies:
        end_proxy(session, proxy, ProxyStatus.ENDED, at)
    session.execute(update(Intern).where(Intern.amphi_id == amphi.id).values(
        supernumerary=ChoiceType.CLASSIQUE.value, supernumerary_request=None,
        supernumerary_requested_at=None, supernumerary_decision=None,
        supernumerary_decided_at=None))


def end_proxy(session: Session, proxy: AmphiProxy, status: ProxyStatus, at: datetime) -> None:
    """Cancel or end a proxy: the holder's sessions close and his pending link dies."""
    proxy.status = status.value
    proxy.holder_key = None
    proxy.intern_key = None
    proxy.ended_at = at
    session.execute(update(AuthSession).where(AuthSession.person_id == proxy.holder_id,
                                              AuthSession.revoked_at.is_(None))
                    .values(revoked_at=at))
    session.execute(update(EmailToken).where(
        EmailToken.person_id == proxy.holder_id,
        EmailToken.purpose == TokenPurpose.PROXY_VALIDATION.value,
        EmailToken.used_at.is_(None)).values(superseded=True))
    intern = proxy.intern
    events.publish(session, "amphi_proxy",
                   {"intern_id": intern.id, "proxy_id": proxy.id, "status": proxy.status},
                   campaign_id=intern.campaign_id, audience_id=intern.person_id)


def change_state(session: Session, ctx: RequestContext, staff: Person, amphi_id: int,
                 data: AmphiTransition) -> AmphiPublic:
    """Apply a staff transition. Raises 404, 409 `invalid_transition` / `empty_call_list`,
    422 (validate without `opens_at`)."""
    amphi = lock_amphi(session, amphi_id)
    rule = TRANSITIONS[data.action]
    previous = amphi.state
    if previous not in rule.sources:
        raise ApiError(409, "invalid_transition",
                       f"Impossible {rule.verb} un amphithéâtre "
                       f"{STATE_LABELS.get(previous, previous)}.")
    at = now()
    settings = ctx.settings
    if data.action == "validate":
        if data.opens_at is None:
            raise ApiError(422, "invalid_request",
                           "La date d'ouverture est obligatoire pour valider l'amphithéâtre.",
                           field="opens_at")
        amphi.opens_at = as_utc(data.opens_at)
        amphi.state = rule.target
    elif data.action == "start":
        _start(session, amphi, at)
    elif data.action == "pause":
        _pause(amphi, _live(session, amphi), at)
    elif data.action == "resume":
        _resume(session, settings, amphi, _live(session, amphi), at)
    elif data.action == "finish":
        _finish(session, amphi, _live(session, amphi), at)
    else:
        if data.action == "open" and amphi.opens_at is None:
            amphi.opens_at = at
        amphi.state = rule.target
    _publish_state(session, settings, amphi, previous, at)
    if data.action == "start":  # the first turn, announced after the state
        _next_turn(session, settings, amphi, _live(session, amphi), at)
    audit.record(session, Audit.STATE_CHANGED, actor_id=staff.id, campaign_id=amphi.campaign_id,
                 address=ctx.address, detail={"amphi_id": amphi.id, "action": data.action,
                                              "from": previous, "to": amphi.state})
    session.commit()
    return amphi_public(session, amphi)


def _publish_state(session: Session, settings: Settings, amphi: Amphi, previous: str,
                   at: datetime) -> None:
    live = session.get(AmphiLive, amphi.id)
    events.publish(session, "amphi_state", event_payload(
        amphi, state=amphi.state, previous=previous, opens_at=_iso(amphi.opens_at),
        current_intern_id=live.current_intern_id if live else None,
        deadline=_iso(live.deadline) if live else None,
        remaining_seconds=_remaining(amphi, live, at), server_time=at.isoformat(),
    ), campaign_id=amphi.campaign_id)
    on_commit(session, wake_clocks)


# --------------------------------------------------------------------------- the clock


def expire_turn(session: Session, settings: Settings, amphi_id: int, turn_no: int) -> bool:
    """Move on when the turn `turn_no` is past its deadline (and grace). False when stale."""
    amphi = lock_amphi(session, amphi_id)
    live = session.get(AmphiLive, amphi_id, populate_existing=True)
    at = now()
    if (amphi.state != S.IN_PROGRESS.value or live is None or live.turn_no != turn_no
            or live.deadline is None or as_utc(live.deadline) + GRACE > at):
        session.rollback()
        return False
    timed_out = live.current_intern_id
    missed: list[int] = []
    if timed_out is not None:
        row = _turn_of(session, timed_out)
        if row is not None:
            if _present_ids(session, settings, [timed_out], at):
                row.status = TurnStatus.TIMED_OUT.value
            else:  # the connection was lost during his turn: he may come back
                row.status = TurnStatus.ABSENT.value
                missed.append(timed_out)
                timed_out = None
    _next_turn(session, settings, amphi, live, at, timed_out=timed_out, missed=missed)
    session.commit()
    return True


def open_due(session: Session, amphi_id: int) -> bool:
    """Open a validated amphitheatre whose opening date has come."""
    amphi = lock_amphi(session, amphi_id)
    at = now()
    if (amphi.state != S.VALIDATED.value or amphi.opens_at is None
            or as_utc(amphi.opens_at) > at):
        session.rollback()
        return False
    amphi.state = S.OPEN.value
    events.publish(session, "amphi_state", event_payload(
        amphi, state=amphi.state, previous=S.VALIDATED.value, opens_at=_iso(amphi.opens_at),
        current_intern_id=None, deadline=None, remaining_seconds=None,
        server_time=at.isoformat()), campaign_id=amphi.campaign_id)
    session.commit()
    return True


def run_due(factory: sessionmaker[Session], settings: Settings) -> float | None:
    """Handle every due deadline and opening; return seconds until the next one (or None)."""
    at = now()
    with factory() as session:
        turns = session.execute(
            select(AmphiLive.amphi_id, AmphiLive.turn_no, AmphiLive.deadline)
            .join(Amphi, Amphi.id == AmphiLive.amphi_id)
            .where(Amphi.state == S.IN_PROGRESS.value, AmphiLive.deadline.is_not(None))
        ).all()
        openings = session.execute(
            select(Amphi.id, Amphi.opens_at).where(Amphi.state == S.VALIDATED.value,
                                                   Amphi.opens_at.is_not(None))).all()
    upcoming: list[float] = []
    for amphi_id, turn_no, deadline in turns:
        if deadline is None:  # (the query keeps only turns with a deadline)
            continue
        due = as_utc(deadline) + GRACE
        if due <= at:
            with factory() as session:
                expire_turn(session, settings, amphi_id, turn_no)
            upcoming.append(0.0)  # the new turn's deadline is read at the next pass
        else:
            upcoming.append((due - at).total_seconds())
    for amphi_id, opens_at in openings:
        if opens_at is None:  # (the query keeps only dated openings)
            continue
        if as_utc(opens_at) <= at:
            with factory() as session:
                open_due(session, amphi_id)
        else:
            upcoming.append((as_utc(opens_at) - at).total_seconds())
    return min(upcoming) if upcoming else None


_clocks: weakref.WeakSet[TurnClock] = weakref.WeakSet()


def wake_clocks() -> None:
    """Thread-safe: a deadline changed, every clock of this process re-reads them now."""
    for clock in list(_clocks):
        clock.wake()


class TurnClock:
    """The task that moves turns on at their deadlines (and opens amphitheatres on time).

    It sleeps until the nearest deadline, at most `amphi_clock_poll_seconds` (which also
    picks up deadlines written by another process), or until woken by a commit. Only the
    leader among the server processes moves turns (`core/leader.py`); the others wait, and
    the one that takes over starts from the deadlines stored in the database.
    """

    def __init__(self, factory: sessionmaker[Session], settings: Settings,
                 leadership: Leadership | None = None) -> None:
        self.factory = factory
        self.settings = settings
        self.leadership = leadership
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._task = asyncio.create_task(self._run(), name="amphi-turn-clock")
        _clocks.add(self)

    async def stop(self) -> None:
        _clocks.discard(self)
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    def wake(self) -> None:
        loop, wake = self._loop, self._wake
        if loop is None or wake is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(wake.set)
        except RuntimeError:
            pass

    async def _run(self) -> None:
        assert self._wake is not None
        poll = self.settings.amphi_clock_poll_seconds
        while True:
            self._wake.clear()
            if self.leadership is not None and not self.leadership.is_leader:
                await asyncio.sleep(FOLLOWER_SECONDS)
                continue
            try:
                wait = await asyncio.to_thread(run_due, self.factory, self.settings)
            except asyncio.CancelledError:
                raise
            except Exception:  # a busy database: try again at the next tick
                log.exception("amphitheatre clock pass failed")
                wait = poll
            delay = poll if wait is None else min(max(wait, 0.0), poll)
            if delay <= 0:
                continue
            try:
                await asyncio.wait_for(self._wake.wait(), delay)
            except TimeoutError:
                pass


# --------------------------------------------------------------------------- presence


def _requeue(session: Session, settings: Settings, amphi: Amphi, live: AmphiLive,
             row: AmphiTurn, at: datetime, *, by_staff: bool) -> None:
    """Place an intern right after the intern choosing (first when nobody is)."""
    after = live.current_intern_id
    current = _turn_of(session, after) if after is not None else None
    if current is not None:
        base = current.position
    else:  # nobody choosing: before the first one still waiting, else after everybody
        first = session.scalar(select(func.min(AmphiTurn.position)).where(
            AmphiTurn.amphi_id == amphi.id, AmphiTurn.status == TurnStatus.WAITING.value,
            AmphiTurn.id != row.id))
        last = session.scalar(select(func.max(AmphiTurn.position)).where(
            AmphiTurn.amphi_id == amphi.id))
        base = first - 1 if first is not None else (last or 0)
    session.execute(update(AmphiTurn).where(AmphiTurn.amphi_id == amphi.id,
                                            AmphiTurn.position > base)
                    .values(position=AmphiTurn.position + 1))
    row.position = base + 1
    row.status = TurnStatus.WAITING.value
    row.rejoins += 1
    events.publish(session, "amphi_requeued", event_payload(
        amphi, intern_id=row.intern_id, after_intern_id=after, position=row.position,
        by_staff=by_staff), campaign_id=amphi.campaign_id)
    if live.current_intern_id is None and amphi.state in LIVE_STATES:
        _next_turn(session, settings, amphi, live, at)


def presence(session: Session, ctx: RequestContext, person: Person,
             amphi_id: int) -> PresencePublic:
    """« I am connected » (call every ~10 s while the amphitheatre screen is open).

    An absent intern (not connected at his turn) who signals himself while the session runs
    is placed right after the intern choosing. Raises 403, 404, 409 `amphi_not_open`.
    """
    amphi = get_amphi(session, amphi_id)
    actor = actor_in(session, person, amphi)
    if amphi.state not in (S.OPEN.value, *LIVE_STATES):
        raise ApiError(409, "amphi_not_open", "Cet amphithéâtre n'est pas ouvert.")
    at = now()
    intern_id = actor.intern.id
    row = _turn_of(session, intern_id)
    requeued = False
    if row is not None and row.status == TurnStatus.ABSENT.value and amphi.state in LIVE_STATES:
        amphi = lock_amphi(session, amphi_id)
        row = _turn_of(session, intern_id)
        _touch(session, intern_id, at)
        if (row is not None and row.status == TurnStatus.ABSENT.value
                and amphi.state in LIVE_STATES):
            _requeue(session, ctx.settings, amphi, _live(session, amphi), row, at,
                     by_staff=False)
            requeued = True
        session.commit()
    else:
        seen = session.get(AmphiPresence, intern_id)
        if seen is None or (at - as_utc(seen.last_seen_at)).total_seconds() > \
                PRESENCE_WRITE_SECONDS:
            try:
                _touch(session, intern_id, at)
                session.commit()
            except IntegrityError:  # a simultaneous first signal wrote it: same outcome
                session.rollback()
    live = session.get(AmphiLive, amphi_id, populate_existing=True)
    amphi = session.get(Amphi, amphi_id, populate_existing=True)  # type: ignore[assignment]
    row = _turn_of(session, intern_id)
    running = amphi.state in LIVE_STATES
    current = live.current_intern_id if live is not None and running else None
    return PresencePublic(
        server_time=at, state=amphi.state,  # type: ignore[arg-type]
        turn_no=live.turn_no if live else 0, current_intern_id=current,
        deadline=as_utc(live.deadline) if live and live.deadline and current else None,
        remaining_seconds=_remaining(amphi, live, at) if current else None,
        intern_id=intern_id, status=row.status if row is not None else None,  # type: ignore[arg-type]
        requeued=requeued)


def _touch(session: Session, intern_id: int, at: datetime) -> None:
    done = execute_dml(session, update(AmphiPresence).where(AmphiPresence.intern_id == intern_id)
                           .values(last_seen_at=at))
    if done.rowcount == 0:
        session.add(AmphiPresence(intern_id=intern_id, last_seen_at=at))
        session.flush()


def requeue(session: Session, ctx: RequestContext, staff: Person, amphi_id: int,
            intern_id: int) -> LiveState:
    """Staff place a passed-over intern (absent, timed out, planned absence) right after the
    intern choosing; a planned absence is cleared. Raises 404, 409 `amphi_not_live` /
    `not_requeueable`."""
    amphi = lock_amphi(session, amphi_id)
    if amphi.state not in LIVE_STATES:
        raise ApiError(409, "amphi_not_live", "L'amphithéâtre n'est ni en cours ni en pause.")
    row = _turn_of(session, intern_id)
    if row is None or row.amphi_id != amphi.id:
        raise not_found("Cet interne ne fait pas partie de cet amphithéâtre.",
                        field="intern_id")
    if row.status not in (TurnStatus.ABSENT.value, TurnStatus.TIMED_OUT.value,
                          TurnStatus.SKIPPED.value):
        raise ApiError(409, "not_requeueable",
                       "Cet interne n'a pas laissé passer son tour : il ne peut pas être "
                       "replacé.")
    intern = get_intern(session, intern_id)
    if intern.planned_absence:  # called after all: he is here
        intern.planned_absence = False
        events.publish(session, "amphi_intern", {
            "amphi_id": amphi.id, "intern_id": intern.id, "choice_type": intern.supernumerary,
            "supernumerary_request": intern.supernumerary_request, "planned_absence": False},
            campaign_id=amphi.campaign_id)
    _requeue(session, ctx.settings, amphi, _live(session, amphi), row, now(), by_staff=True)
    audit.record(session, Audit.REQUEUED, actor_id=staff.id, campaign_id=amphi.campaign_id,
                 address=ctx.address, detail={"amphi_id": amphi.id, "intern_id": intern_id})
    session.commit()
    return live_state(session, ctx.settings, amphi_id, staff)


# --------------------------------------------------------------------------- choosing


def _take(session: Session, amphi: Amphi, intern: Intern, post_id: int, at: datetime
          ) -> tuple[AmphiPost, str]:
    """Check the rules and take the place (not for a supernumerary). Returns the post and
    the type of choice. Raises 404 `not_found`, 409 `post_reserved` / `post_taken`."""
    post = session.get(AmphiPost, post_id, populate_existing=True)
    if post is None or post.amphi_id != amphi.id:
        raise not_found("Ce poste n'est pas proposé dans cet amphithéâtre.", field="post_id")
    if post.reserved and post.des != intern.des:
        raise ApiError(409, "post_reserved",
                       f"Ce poste est réservé aux internes du DES {post.des} : vous ne pouvez "
                       "pas le choisir.", field="post_id")
    choice_type = intern.supernumerary
    if not is_supernumerary(choice_type):
        taken = execute_dml(session, update(AmphiPost).where(
            AmphiPost.id == post.id, AmphiPost.taken_by_id.is_(None))
            .values(taken_by_id=intern.id, taken_at=at))
        if taken.rowcount != 1:
            raise ApiError(409, "post_taken",
                           "Ce poste vient d'être pourvu : choisissez-en un autre.",
                           field="post_id")
        session.refresh(post)
    return post, choice_type


def _record_choice(session: Session, ctx: RequestContext, amphi: Amphi, intern: Intern,
                   post: AmphiPost, choice_type: str, at: datetime, *, actor: Person,
                   by_proxy: bool, by_staff: bool, key: str | None) -> ChoicePublic:
    """Write the assignment, its events and (after commit) the confirmation mail."""
    assignment = AmphiAssignment(amphi_id=amphi.id, intern_id=intern.id, post_id=post.id,
                                 choice_type=choice_type, chosen_at=at, chosen_by_id=actor.id,
                                 by_proxy=by_proxy, by_staff=by_staff, idempotency_key=key)
    session.add(assignment)
    session.flush()
    row = _turn_of(session, intern.id)
    if row is not None:
        row.status = TurnStatus.CHOSEN.value
    campaign = session.get(Campaign, amphi.campaign_id)
    assert campaign is not None
    service = session.get(Service, post.service_id)
    assert service is not None
    person = intern.person
    line = assignment_public(assignment, intern, person, post, service, amphi, campaign)
    sheet = post_public(post, service, taker_of(session, post))
    answer = ChoicePublic(assignment=line, post=sheet, mailed_to=person.email)
    assignment.answer = answer.model_dump(mode="json")
    events.publish(session, "amphi_choice", event_payload(
        amphi, intern_id=intern.id, name=short_name(person), post_id=post.id,
        post_number=post.number, service_id=service.id,
        post_label=f"{service.establishment} — {service.name}", post_taken=post.taken_by_id
        is not None, choice_type=choice_type, by_proxy=by_proxy, by_staff=by_staff,
        assignment=line.model_dump(mode="json")), campaign_id=amphi.campaign_id)
    if person.email:
        content = choice_mail(person.display_name, semester(campaign), sheet, choice_type,
                              by_proxy, by_staff)
        to = person.email
        on_commit(session, lambda: ctx.mailer.send(to, content.subject, content.text,
                                                   content.html))
    return answer


def choose(session: Session, ctx: RequestContext, person: Person, amphi_id: int,
           data: ChoiceRequest) -> tuple[ChoicePublic, bool]:
    """« Oui je confirme »: take a post at my turn. Returns (answer, replayed).

    A retry with the same `idempotency_key` returns the first answer (replayed=True).
    Raises 403 `not_in_amphi` / `proxy_active`, 404, 409 `already_chosen` /
    `idempotency_conflict` / `amphi_paused` / `amphi_not_in_progress` / `not_your_turn` /
    `turn_over` / `post_reserved` / `post_taken`.
    """
    actor_in(session, person, get_amphi(session, amphi_id))  # 403 before taking the lock
    amphi = lock_amphi(session, amphi_id)
    actor: Actor = actor_in(session, person, amphi)  # again: a proxy may have just ended
    intern = session.get(Intern, actor.intern.id, populate_existing=True)
    assert intern is not None
    mine = session.scalar(select(AmphiAssignment).where(AmphiAssignment.intern_id == intern.id))
    if mine is not None:
        if mine.idempotency_key == data.idempotency_key and mine.answer is not None:
            if mine.post_id != data.post_id:
                raise ApiError(409, "idempotency_conflict",
                               "Cette clé de confirmation a déjà servi pour un autre poste.")
            session.rollback()
            return ChoicePublic.model_validate(mine.answer), True
        raise ApiError(409, "already_chosen",
                       "Votre choix est déjà enregistré : tout choix est définitif.")
    if not actor.as_proxy and live_proxy_of(session, intern.id) is not None:
        raise ApiError(403, "proxy_active",
                       "Vous avez donné procuration : seul votre mandataire peut choisir. "
                       "Annulez la procuration pour choisir vous-même.")
    if amphi.state == S.PAUSED.value:
        raise ApiError(409, "amphi_paused",
                       "L'amphithéâtre est en pause : attendez sa reprise pour choisir.")
    if amphi.state != S.IN_PROGRESS.value:
        raise ApiError(409, "amphi_not_in_progress", "L'amphithéâtre n'est pas en cours.")
    live = _live(session, amphi)
    at = now()
    if live.current_intern_id != intern.id:
        raise ApiError(409, "not_your_turn", "Ce n'est pas votre tour de choisir.")
    if live.deadline is None or as_utc(live.deadline) + GRACE < at:
        raise ApiError(409, "turn_over", "Votre temps de choix est écoulé.")
    post, choice_type = _take(session, amphi, intern, data.post_id, at)
    answer = _record_choice(session, ctx, amphi, intern, post, choice_type, at,
                            actor=person, by_proxy=actor.as_proxy, by_staff=False,
                            key=data.idempotency_key)
    _next_turn(session, ctx.settings, amphi, live, at)
    audit.record(session, Audit.CHOICE, actor_id=person.id, subject_id=intern.person_id,
                 campaign_id=amphi.campaign_id, address=ctx.address,
                 detail={"amphi_id": amphi.id, "post_id": post.id, "by_proxy": actor.as_proxy,
                         "choice_type": choice_type})
    session.commit()
    return answer, False


def staff_assign(session: Session, ctx: RequestContext, staff: Person, amphi_id: int,
                 data: StaffAssign) -> ChoicePublic:
    """The agency assigns a post to an intern who let his turn pass (or after the session).

    Raises 404, 409 `amphi_not_live` / `already_chosen` / `turn_pending` / `post_reserved` /
    `post_taken`.
    """
    amphi = lock_amphi(session, amphi_id)
    if amphi.state not in (*LIVE_STATES, S.FINISHED.value):
        raise ApiError(409, "amphi_not_live",
                       "Les affectations par l'agence se font une fois l'amphithéâtre lancé.")
    intern = get_intern(session, data.intern_id)
    if intern.amphi_id != amphi.id:
        raise not_found("Cet interne ne fait pas partie de cet amphithéâtre.",
                        field="intern_id")
    if session.scalar(select(AmphiAssignment.id).where(
            AmphiAssignment.intern_id == intern.id)) is not None:
        raise ApiError(409, "already_chosen", "Cet interne a déjà un poste.")
    row = _turn_of(session, intern.id)
    if row is not None and row.status in (TurnStatus.WAITING.value, TurnStatus.CHOOSING.value):
        raise ApiError(409, "turn_pending",
                       "Le tour de cet interne n'est pas passé : il choisit lui-même.")
    at = now()
    post, choice_type = _take(session, amphi, intern, data.post_id, at)
    answer = _record_choice(session, ctx, amphi, intern, post, choice_type, at, actor=staff,
                            by_proxy=False, by_staff=True, key=None)
    audit.record(session, Audit.STAFF_ASSIGNED, actor_id=staff.id, subject_id=intern.person_id,
                 campaign_id=amphi.campaign_id, address=ctx.address,
                 detail={"amphi_id": amphi.id, "post_id": post.id})
    session.commit()
    return answer


# --------------------------------------------------------------------------- reading


def live_state(session: Session, settings: Settings, amphi_id: int,
               viewer: Person | None) -> LiveState:
    """The queue in passing order with presence and choices; `me` for an intern (or his
    proxy holder) of this amphitheatre. Before the start the queue is the call list."""
    amphi = get_amphi(session, amphi_id)
    check_published(amphi, viewer)
    at = now()
    live = session.get(AmphiLive, amphi.id)
    interns = {i.id: i for i in session.scalars(select(Intern).where(
        Intern.amphi_id == amphi.id))}
    turns = list(session.scalars(select(AmphiTurn).where(AmphiTurn.amphi_id == amphi.id)
                                 .order_by(AmphiTurn.position)))
    if not turns:  # not started: the call list, everybody waiting
        turns = [AmphiTurn(amphi_id=amphi.id, intern_id=r.intern.id, call_rank=r.call_rank,
                           position=r.call_rank,
                           status=(TurnStatus.SKIPPED if r.intern.planned_absence
                                   else TurnStatus.WAITING).value)
                 for r in call_order(session, amphi)]
    people = {p.id: p for p in session.scalars(select(Person).where(
        Person.id.in_([i.person_id for i in interns.values()])))}
    present = _present_ids(session, settings, interns, at)
    chosen = {a.intern_id: (a, post, svc) for a, post, svc in session.execute(
        select(AmphiAssignment, AmphiPost, Service)
        .join(AmphiPost, AmphiPost.id == AmphiAssignment.post_id)
        .join(Service, Service.id == AmphiPost.service_id)
        .where(AmphiAssignment.amphi_id == amphi.id))}
    queue = []
    for t in turns:
        i = interns.get(t.intern_id)
        if i is None:
            continue
        got = chosen.get(i.id)
        queue.append(LiveIntern(
            intern_id=i.id, call_rank=t.call_rank, position=t.position,
            name=short_name(people[i.person_id]), des=i.des,
            choice_type=i.supernumerary,  # type: ignore[arg-type]
            status=t.status,  # type: ignore[arg-type]
            present=i.id in present, planned_absence=i.planned_absence,
            post_id=got[1].id if got else None, post_number=got[1].number if got else None,
            post_label=f"{got[2].establishment} — {got[2].name}" if got else None))
    current = live.current_intern_id if live and amphi.state in LIVE_STATES else None
    state = LiveState(
        amphi_id=amphi.id, state=amphi.state,  # type: ignore[arg-type]
        server_time=at, turn_no=live.turn_no if live else 0, current_intern_id=current,
        deadline=as_utc(live.deadline) if live and live.deadline and current else None,
        remaining_seconds=_remaining(amphi, live, at) if current else None,
        turn_seconds=settings.amphi_turn_seconds, soon_threshold=settings.amphi_soon_threshold,
        queue=queue, me=None)
    if viewer is not None and viewer.role in (Role.STUDENT.value, Role.PROXY_HOLDER.value):
        try:
            actor = actor_in(session, viewer, amphi)
        except ApiError:
            return state
        state.me = _me(session, amphi, state, actor,
                       intern_has_choice=actor.intern.id in chosen)
    return state


def _me(session: Session, amphi: Amphi, state: LiveState, actor: Actor, *,
        intern_has_choice: bool) -> LiveMe | None:
    mine = next((q for q in state.queue if q.intern_id == actor.intern.id), None)
    if mine is None:
        return None
    ahead = [q for q in state.queue if q.position < mine.position
             and q.status in (TurnStatus.WAITING.value, TurnStatus.CHOOSING.value)]
    if mine.status != TurnStatus.WAITING.value:
        ahead = []
    present_before = sum(1 for q in ahead if q.present or q.status == TurnStatus.CHOOSING.value)
    proxy_active = live_proxy_of(session, actor.intern.id) is not None
    my_turn = state.current_intern_id == actor.intern.id
    reason = None
    if my_turn:
        if intern_has_choice:
            reason = "Votre choix est déjà enregistré."
        elif proxy_active and not actor.as_proxy:
            reason = "Vous avez donné procuration : seul votre mandataire peut choisir."
        elif amphi.state == S.PAUSED.value:
            reason = "L'amphithéâtre est en pause."
    live_now = amphi.state in LIVE_STATES
    return LiveMe(
        intern_id=actor.intern.id, acting_as_proxy=actor.as_proxy,
        status=mine.status, position=mine.position, before=len(ahead),
        present_before=present_before,
        soon=live_now and mine.status == TurnStatus.WAITING.value
        and present_before <= state.soon_threshold,
        my_turn=my_turn, can_choose=my_turn and reason is None
        and amphi.state == S.IN_PROGRESS.value, cannot_choose_reason=reason,
        proxy_active=proxy_active)
