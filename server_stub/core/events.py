"""Live events: the persisted event log and the in-process broker behind `GET /api/events`.

Publishing (any service, any thread)::

    publish(session, "staff_message", {"text": ...}, campaign_id=3)           # everybody
    publish(session, "turn_started", {...}, campaign_id=3, audience_id=person_id)  # one person

`publish` only adds a row to `event_log` inside the caller's transaction: a rolled-back
change never produces an event. The row id is the SSE id (monotonic, persisted, so a
client reconnecting with `Last-Event-ID` misses nothing, even across a server restart).

Delivery: after the commit, every broker of the process is handed the event
(`loop.call_soon_threadsafe`, so sync handlers in the threadpool may publish). One
dispatcher task per broker reads the new rows once and fans them out to the subscribers'
queues; a handed event that is the very next one the broker expects (its id follows the
last one dispatched) is fanned out without reading the log (`EventBroker.hand_over`).
On PostgreSQL the commit also wakes the brokers of every other server process sharing
the database (`NOTIFY`, see `core/notify.py`). A poll every `event_poll_seconds`
is the safety net: a lost wake-up costs that delay, never an event.

An event with an audience goes to that person's subscriptions only. In-memory state kept
beside the database (the national simulations) follows the log through the broker too:
`add_applier` hands each batch to it, in order, before the subscribers get it.

No gap between replay and live: a stream subscribes *before* it queries the replay, and
drops queued events it already sent (ids only grow). A subscriber too slow to drain its
queue is disconnected; its client reconnects with `Last-Event-ID` and replays.

Cost per delivery: thousands of streams per process share each event's wire bytes
(`Event.frame`, encoded once); a stream wakes once per batch and writes it in one chunk;
its keep-alive timer is re-armed once per idle period, not per event.
"""

from __future__ import annotations

import asyncio
import json
import logging
import weakref
from collections import deque
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, partial
from typing import Any, cast

from sqlalchemy import Connection, Engine, bindparam, func, insert, or_, select, text
from sqlalchemy.orm import Session, sessionmaker

from server_stub.core import notify
from server_stub.core.clock import as_utc
from server_stub.core.db import table
from server_stub.core.models import EventRecord, utcnow
from server_stub.core.txn import on_commit

log = logging.getLogger(__name__)

FETCH_BATCH = 500
QUEUE_LIMIT = 2000
# How long a dispatch waits for the appliers (the in-memory mirrors) before it hands the
# events to the subscribers anyway: a mirror busy behind its lock (a long chain of turns,
# a rebuild) delays the streams by this much at most; it still applies in order.
APPLY_WAIT_SECONDS = 0.2
# Serialises publishers on PostgreSQL, so that ids become visible in commit order
# (a sequence hands out ids at insert time; two transactions could commit out of order).
PG_EVENT_LOCK = 0x616D7068  # "amph"
_LOCK_AND_NOTIFY = text("SELECT pg_advisory_xact_lock(:k), pg_notify(:channel, :origin)")


@dataclass(frozen=True)
class Event:
    """A committed event, detached from any session."""

    id: int
    at: datetime
    kind: str
    campaign_id: int | None
    audience_id: int | None
    payload: dict[str, Any] = field(default_factory=dict)

    def public(self) -> dict[str, Any]:
        """The `EventPublic` shape (the audience stays private)."""
        return {"id": self.id, "at": self.at.isoformat(), "kind": self.kind,
                "campaign_id": self.campaign_id, "payload": self.payload}

    def visible_to(self, viewer_id: int | None) -> bool:
        """Events with an audience go to that person only."""
        return self.audience_id is None or self.audience_id == viewer_id

    @cached_property
    def frame(self) -> bytes:
        """The event on the wire, one `text/event-stream` message (built once, written to
        every subscriber). The data is the `EventPublic` JSON on one line: JSON escapes
        \\n and \\r, the only line ends of the format; the kind is a plain identifier.
        """
        data = json.dumps(self.public(), ensure_ascii=False, separators=(",", ":"))
        return f"event: {self.kind}\ndata: {data}\nid: {self.id}\n\n".encode()


def publish(session: Session, kind: str, payload: dict[str, Any] | None = None, *,
            campaign_id: int | None = None, audience_id: int | None = None) -> Event:
    """Record an event in the caller's transaction; subscribers get it after the commit.

    `payload` must be JSON-serialisable. `audience_id` restricts the event to one person.
    Returns the event with its id (one INSERT ... RETURNING: this runs on every write).
    """
    if session.get_bind().dialect.name == "postgresql":
        # The notification is delivered to the other processes' listeners at commit (and
        # only if it commits). One round trip for both.
        session.execute(_LOCK_AND_NOTIFY, {"k": PG_EVENT_LOCK, "channel": notify.CHANNEL,
                                           "origin": notify.origin()})
    body = payload or {}
    at = utcnow()
    event_id = session.execute(
        insert(table(EventRecord)).values(at=at, kind=kind, payload=body, campaign_id=campaign_id,
                                   audience_id=audience_id).returning(EventRecord.id)
    ).scalar_one()
    event = Event(event_id, as_utc(at), kind, campaign_id, audience_id, _as_stored(body))
    on_commit(session, partial(hand_over, session.get_bind().engine, event))
    return event


def _as_stored(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload as the log gives it back (JSON: tuples become lists, keys strings)."""
    return cast(dict[str, Any], json.loads(json.dumps(payload)))


def fetch_events(session: Session | Connection, after_id: int, *, viewer_id: int | None = None,
                 all_audiences: bool = False, limit: int = FETCH_BATCH) -> list[Event]:
    """Committed events with id > after_id, oldest first (visible to viewer unless all).

    Plain rows, not ORM objects: every process reads every event this way.
    """
    query = _READ_ALL if all_audiences else _READ_VISIBLE
    rows = session.execute(query, {"after": after_id, "viewer": viewer_id, "limit": limit})
    return [Event(i, as_utc(at), kind, campaign, audience, dict(payload or {}))
            for i, at, kind, campaign, audience, payload in rows]


# Built once (found in SQLAlchemy's statement cache at once): every process reads every
# event, and every stream its replay.
_E = table(EventRecord).c
_READ_ALL = (select(_E.id, _E.at, _E.kind, _E.campaign_id, _E.audience_id, _E.payload)
             .where(_E.id > bindparam("after")).order_by(_E.id).limit(bindparam("limit")))
_READ_VISIBLE = _READ_ALL.where(or_(_E.audience_id.is_(None),
                                    _E.audience_id == bindparam("viewer")))


def last_event_id(session: Session) -> int:
    return session.scalar(select(func.max(EventRecord.id))) or 0


# --------------------------------------------------------------------------- broker

_brokers: weakref.WeakSet[EventBroker] = weakref.WeakSet()


def wake_brokers() -> None:
    """Tell every running broker of this process that new events were committed."""
    for broker in list(_brokers):
        broker.wake()


def hand_over(engine: Engine, event: Event) -> None:
    """After the commit of `event` in this process: every running broker of the process
    hears of it (see `EventBroker.hand_over`)."""
    for broker in list(_brokers):
        broker.hand_over(engine, event)


class StreamClosed(Exception):
    """The subscription ended: the server stops, or the subscriber fell too far behind."""


class Subscription:
    """One SSE client's queue of dispatched events, and its keep-alive timer.

    The timer fires once per `keepalive_seconds` of silence (`sent()` pushes it back
    lazily: it is re-armed when it fires, never per event), so an idle stream costs one
    timer per period and a busy one none.
    """

    def __init__(self, start_id: int, viewer_id: int | None = None,
                 keepalive_seconds: float | None = None) -> None:
        self.start_id = start_id  # every event with a greater id reaches this queue
        self.viewer_id = viewer_id  # events with an audience reach only that person's queues
        self._items: deque[Event] = deque()
        self._ready = asyncio.Event()
        self._closed = False
        self._keepalive_seconds = keepalive_seconds
        self._keepalive_due = False
        self._timer: asyncio.TimerHandle | None = None
        self._loop = asyncio.get_running_loop()
        self._sent_at = self._loop.time()
        if keepalive_seconds is not None:
            self._timer = self._loop.call_later(keepalive_seconds, self._tick)

    def offer(self, event: Event) -> None:
        if len(self._items) >= QUEUE_LIMIT:
            self.close()  # the client reconnects with Last-Event-ID and replays from the log
            return
        self._items.append(event)
        self._ready.set()

    def close(self) -> None:
        self._closed = True
        self._ready.set()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def sent(self) -> None:
        """The stream just wrote something: the next keep-alive is a full period away."""
        self._sent_at = self._loop.time()

    def _tick(self) -> None:
        assert self._keepalive_seconds is not None
        idle = self._loop.time() - self._sent_at
        if idle >= self._keepalive_seconds * 0.99:
            self._keepalive_due = True
            self._ready.set()
            idle = 0.0
        self._timer = self._loop.call_later(self._keepalive_seconds - idle, self._tick)

    async def take(self) -> list[Event]:
        """Every queued event, waiting for at least one; [] when a keep-alive is due.

        Raises StreamClosed once the subscription is closed (queued events are dropped:
        the client replays them with Last-Event-ID).
        """
        while not self._items and not self._closed and not self._keepalive_due:
            self._ready.clear()
            await self._ready.wait()
        if self._closed:
            raise StreamClosed
        self._keepalive_due = False
        items = list(self._items)
        self._items.clear()
        return items


class EventBroker:
    """Fans committed events out to the SSE subscribers of one app (one event loop)."""

    def __init__(self, factory: sessionmaker[Session], poll_seconds: float = 1.0) -> None:
        self.factory = factory
        self.poll_seconds = poll_seconds
        bind = factory.kw.get("bind")
        self._url = bind.engine.url if isinstance(bind, Engine | Connection) else None
        self._subs: set[Subscription] = set()
        self._by_viewer: dict[int, set[Subscription]] = {}
        self._appliers: list[Callable[[list[Event]], None]] = []
        self._applying: ThreadPoolExecutor | None = None  # one thread: batches in order
        self._last_id = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None
        self._started: asyncio.Event | None = None
        self._listener: notify.Listener | None = None
        # Events of this process committed since the last dispatch (`hand_over`), and
        # whether the log must be read anyway (another process's, a poll): loop only.
        self._handed: list[Event] = []
        self._must_read = True

    async def start(self) -> None:
        """Start dispatching (idempotent, safe to call concurrently) on the serving loop."""
        if self._started is None:
            self._started = asyncio.Event()
            self._loop = asyncio.get_running_loop()
            self._wake = asyncio.Event()
            # Subscribers must not register before the starting point is known.
            try:
                self._last_id = await asyncio.to_thread(self._read_last_id)
            except BaseException:
                self._started.set()  # release concurrent callers; the next call retries
                self._started = None
                raise
            self._task = asyncio.create_task(self._run(), name="amphi-event-broker")
            bind = self.factory.kw.get("bind")
            if isinstance(bind, Engine) and bind.dialect.name == "postgresql":
                self._listener = notify.Listener(bind, self.wake)
                self._listener.start()
            _brokers.add(self)
            self._started.set()
        await self._started.wait()
        if self._task is None:
            raise RuntimeError("the event broker could not start")

    async def stop(self) -> None:
        """Stop dispatching and end every open stream."""
        _brokers.discard(self)
        if self._listener is not None:
            await asyncio.to_thread(self._listener.stop)
            self._listener = None
        for sub in list(self._subs):
            sub.close()
        self._subs.clear()
        self._by_viewer.clear()
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        if self._applying is not None:  # the areas that added appliers stopped before
            self._applying.shutdown(wait=False, cancel_futures=True)
            self._applying = None
        self._appliers.clear()
        self._started = None

    def wake(self) -> None:
        """Thread-safe: schedule a dispatch soon, reading the log."""
        self._call_soon(self._read_soon)

    def hand_over(self, engine: Engine, event: Event) -> None:
        """Thread-safe: `event` was committed by this process on `engine`'s database.

        Reading the log after every commit cost a wish change as much as the rest of its
        dispatch. A committed event whose id is the next the broker expects can be
        dispatched as it is: ids are drawn in commit order (the publishers' lock), so no
        event can still appear between the last dispatched and this one. Any other event
        (a gap left by a rolled-back transaction, another process's events in between, a
        broker on another database) wakes the broker to read the log as before.
        """
        if engine.url != self._url:
            self.wake()
            return
        self._call_soon(self._handed_over, event)

    def _call_soon(self, callback: Callable[..., None], *args: Any) -> None:
        loop = self._loop
        if loop is None or self._wake is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(callback, *args)
        except RuntimeError:  # loop closed between the check and the call
            pass

    def _read_soon(self) -> None:
        if self._wake is not None:
            self._must_read = True
            self._wake.set()

    def _handed_over(self, event: Event) -> None:
        if self._wake is not None:
            self._handed.append(event)
            self._wake.set()

    def close_streams(self) -> None:
        """Thread-safe: end every open stream (the server is stopping; clients reconnect)."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return

        def close_all() -> None:
            for sub in list(self._subs):
                sub.close()

        try:
            loop.call_soon_threadsafe(close_all)
        except RuntimeError:
            pass

    def subscribe(self, viewer_id: int | None = None,
                  keepalive_seconds: float | None = None) -> Subscription:
        """Register a queue receiving every event dispatched from now on that `viewer_id`
        may see (events with an audience go to that person's queues only). Called on the
        broker's loop."""
        sub = Subscription(self._last_id, viewer_id, keepalive_seconds)
        self._subs.add(sub)
        if viewer_id is not None:
            self._by_viewer.setdefault(viewer_id, set()).add(sub)
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        sub.close()
        self._subs.discard(sub)
        if sub.viewer_id is not None:
            mine = self._by_viewer.get(sub.viewer_id)
            if mine is not None:
                mine.discard(sub)
                if not mine:
                    del self._by_viewer[sub.viewer_id]

    def add_applier(self, apply: Callable[[list[Event]], None]) -> None:
        """Have `apply(events)` called (in a worker thread) with every batch of committed
        events, in id order, before any subscriber of this process gets them (unless the
        appliers take longer than `APPLY_WAIT_SECONDS`: the subscribers then get them
        while the appliers finish; batches are still applied one after the other, in order).

        For the in-memory state a process keeps beside the database (the national
        simulations follow the log this way): a client told of an event by this process
        then reads a state that includes it. An exception is logged; the batch is
        dispatched anyway (`apply` must remember it missed something).
        """
        if self._applying is None:
            self._applying = ThreadPoolExecutor(1, thread_name_prefix="amphi-apply")
        self._appliers.append(apply)

    @property
    def subscribers(self) -> int:
        """How many streams are open (one subscription each)."""
        return len(self._subs)

    def _read_last_id(self) -> int:
        with self.factory() as session:
            return last_event_id(session)

    def _read_after(self, after_id: int) -> list[Event]:
        bind = self.factory.kw.get("bind")
        if not isinstance(bind, Engine):
            with self.factory() as session:
                return fetch_events(session, after_id, all_audiences=True)
        # One statement on a connection in autocommit, no session or transaction around it
        # (BEGIN and ROLLBACK were two more round trips): this runs after every commit of
        # every process.
        with bind.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            return fetch_events(connection, after_id, all_audiences=True)

    def _apply(self, events: list[Event]) -> None:
        for apply in self._appliers:
            try:
                apply(events)
            except Exception:
                log.exception("applying events %s..%s failed", events[0].id, events[-1].id)

    async def _run(self) -> None:
        assert self._wake is not None
        while True:
            try:
                await asyncio.wait_for(self._wake.wait(), self.poll_seconds)
            except TimeoutError:
                self._must_read = True  # the safety net: whatever a lost wake-up missed
            self._wake.clear()
            try:
                await self._dispatch()
            except asyncio.CancelledError:
                raise
            except Exception:  # a locked or unreachable database: try again at the next tick
                self._must_read = True
                log.exception("event dispatch failed")

    async def _dispatch(self) -> None:
        handed = sorted(self._handed, key=lambda e: e.id)
        self._handed.clear()
        if handed and not self._must_read:
            fresh = [e for e in handed if e.id > self._last_id]
            if all(e.id == self._last_id + 1 + i for i, e in enumerate(fresh)):
                await self._deliver(fresh)  # the next ones, without a gap: no read
                return
        self._must_read = False
        while True:
            events = await asyncio.to_thread(self._read_after, self._last_id)
            await self._deliver(events)
            if len(events) < FETCH_BATCH:
                return

    async def _deliver(self, events: list[Event]) -> None:
        """Apply `events` (the next ones, in id order) and fan them out."""
        if events and self._applying is not None:
            applied = asyncio.get_running_loop().run_in_executor(
                self._applying, self._apply, events)
            await asyncio.wait({applied}, timeout=APPLY_WAIT_SECONDS)
        # No await between fan-out and the id update: a subscriber registers either
        # before (gets these events) or after (its start_id covers them).
        for event in events:
            targets = (self._subs if event.audience_id is None
                       else self._by_viewer.get(event.audience_id, ()))
            for sub in list(targets):
                sub.offer(event)
        if events:
            self._last_id = events[-1].id


RETRY_MS = 3000  # the clients' reconnection delay (the `retry:` field opening every stream)
RETRY_FRAME = f"retry: {RETRY_MS}\n\n".encode()
KEEPALIVE_FRAME = b": keep-alive\n\n"


async def stream(broker: EventBroker, factory: sessionmaker[Session], *, viewer_id: int | None,
                 after_id: int | None, keepalive_seconds: float) -> AsyncIterator[bytes]:
    """The wire bytes of one connection: retry hint, replay after `after_id`, then live.

    Without `after_id` only events dispatched after the connection are sent.
    A `: keep-alive` comment goes out whenever nothing was sent for `keepalive_seconds`.
    Events that arrived together go out as one chunk. Ends when the broker closes the
    subscription (the server stops, or the subscriber fell too far behind); a client that
    goes away cancels it (`finally` unsubscribes).
    """
    await broker.start()
    sub = broker.subscribe(viewer_id, keepalive_seconds)
    try:
        yield RETRY_FRAME
        sent = sub.start_id if after_id is None else after_id
        if after_id is not None:
            while True:
                batch = await asyncio.to_thread(_read_visible, factory, sent, viewer_id)
                if batch:
                    yield b"".join(replayed.frame for replayed in batch)
                    sent = batch[-1].id
                if len(batch) < FETCH_BATCH:
                    break
        while True:
            try:
                live = await sub.take()
            except StreamClosed:
                return
            if not live:
                yield KEEPALIVE_FRAME
                continue
            frames = []
            for event in live:
                if event.id > sent and event.visible_to(viewer_id):
                    frames.append(event.frame)
                    sent = event.id
            if frames:
                sub.sent()
                yield frames[0] if len(frames) == 1 else b"".join(frames)
    finally:
        broker.unsubscribe(sub)


def _read_visible(factory: sessionmaker[Session], after_id: int,
                  viewer_id: int | None) -> list[Event]:
    with factory() as session:
        return fetch_events(session, after_id, viewer_id=viewer_id)
