"""« À mon tour (estimation) »: would each of my favourites still be free at my turn?

The serial simulation over favourites: in passing order, every intern still to choose
before me takes the first post of his favourites that is still free and that he may take
(not reserved for another DES); a favourite service stands for any of its posts. A
supernumerary intern uses no place, so he changes nothing. Interns with a planned absence,
and those already passed over, are left out. Other interns' favourites never leave the
server: the answer speaks only of mine. It is an estimate — people change their minds.
"""

from __future__ import annotations

import asyncio
import threading
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from server_stub.amphi.call_list import call_order
from server_stub.amphi.common import actor_in, get_amphi, is_supernumerary
from server_stub.amphi.favourites import _check_state, _items
from server_stub.amphi.models import (
    AmphiFavourite,
    AmphiFavouriteList,
    AmphiPost,
    AmphiTurn,
    Intern,
    TurnStatus,
)
from server_stub.amphi.schemas import FavouriteEstimate, FavouriteEstimateItem
from server_stub.core.clock import now
from server_stub.core.models import Person

# ---------------------------------------------------------------------------- pure part


@dataclass(frozen=True)
class Slot:
    """A post as the simulation sees it."""

    des: str
    reserved: bool
    free: bool


@dataclass(frozen=True)
class Chooser:
    """An intern before me: his DES, whether he uses a place, his favourites in order
    (each the tuple of post ids it covers)."""

    des: str
    uses_place: bool
    favourites: tuple[tuple[int, ...], ...]


def may_take(slot: Slot, des: str) -> bool:
    return not slot.reserved or slot.des == des


def simulate(posts: Mapping[int, Slot], before: Sequence[Chooser]) -> set[int]:
    """The ids of the posts still free once everyone in `before` has taken, in order, his
    first free favourite he may take. Pure: the same input gives the same answer."""
    taken = walk(posts, before)
    return {pid for pid, slot in posts.items() if slot.free and pid not in taken}


def walk(posts: Mapping[int, Slot], queue: Sequence[Chooser]) -> dict[int, int]:
    """The whole queue's simulation at once: post id -> index in `queue` of the chooser who
    takes it. The posts still free at the turn of queue[k] are those free now that nobody
    of index below k takes, so one walk answers everybody (`simulate` of any prefix)."""
    free = {pid for pid, slot in posts.items() if slot.free}
    taken_at: dict[int, int] = {}
    for index, chooser in enumerate(queue):
        if not chooser.uses_place:
            continue
        taken = next((pid for fav in chooser.favourites for pid in fav
                      if pid in free and may_take(posts[pid], chooser.des)), None)
        if taken is not None:
            free.discard(taken)
            taken_at[taken] = index
    return taken_at


def free_at_my_turn(posts: Mapping[int, Slot], before: Sequence[Chooser], my_des: str,
                    mine: Sequence[tuple[int, ...]]) -> list[int]:
    """For each of my favourites, how many of its posts I could still take at my turn."""
    free = simulate(posts, before)
    return [sum(1 for pid in fav if pid in free and pid in posts and may_take(posts[pid], my_des))
            for fav in mine]


# ---------------------------------------------------------------------------- reading
#
# After every event each live client asks again (300 requests at once in a big
# amphitheatre). So rows are read as plain column tuples (building ORM objects for the
# ~4,000 rows was most of the time), and while the amphitheatre runs one walk of the whole
# queue serves every intern until something it depends on changes: the posts, the turns,
# the interns' flags or anyone's favourites (each list has a version that every change
# bumps). Those are compared in full, so a cached walk is never stale, whichever process
# of the server made the change.

AHEAD = (TurnStatus.WAITING.value, TurnStatus.CHOOSING.value)
NOBODY = 1 << 30  # index of the chooser of a post nobody takes


@dataclass(frozen=True)
class QueueWalk:
    """The running amphitheatre's walk: the queue positions of its choosers (ascending)
    and, for each post taken, the index of its chooser among them."""

    positions: tuple[int, ...]
    taken_at: dict[int, int]


_walks: dict[int, tuple[tuple[object, ...], QueueWalk]] = {}  # amphi id -> (inputs, walk)
_walks_lock = threading.Lock()


def _rows(session: Session, query: Select[*tuple[Any, ...]]) -> tuple[tuple[Any, ...], ...]:
    """A query's rows as plain tuples (compared in full against the cached walk's inputs,
    which SQLAlchemy's Row objects do ten times slower)."""
    return tuple(map(tuple, session.execute(query)))


def _queue_walk(session: Session, amphi_id: int, posts: Mapping[int, Slot],
                covered: Callable[[int | None, int], tuple[int, ...]],
                post_rows: tuple[tuple[Any, ...], ...], turns: Sequence[tuple[Any, ...]]
                ) -> QueueWalk:
    """The walk for the amphitheatre as it is now: cached, or made and cached."""
    flags = _rows(session, select(Intern.id, Intern.des, Intern.planned_absence,
                                  Intern.supernumerary)
                  .where(Intern.amphi_id == amphi_id).order_by(Intern.id))
    versions = _rows(session, select(AmphiFavouriteList.intern_id, AmphiFavouriteList.version)
                     .where(AmphiFavouriteList.amphi_id == amphi_id)
                     .order_by(AmphiFavouriteList.intern_id))
    inputs = (post_rows, tuple(turns), flags, versions)
    with _walks_lock:
        cached = _walks.get(amphi_id)
    if cached is not None and cached[0] == inputs:
        return cached[1]
    by_id = {i: (des, absent, choice) for i, des, absent, choice in flags}
    queue = [(i, position) for i, status, position in turns
             if status in AHEAD and i in by_id and not by_id[i][1]]
    favs: dict[int, list[tuple[int, ...]]] = defaultdict(list)
    for intern_id, post_id, service_id in session.execute(
            select(AmphiFavourite.intern_id, AmphiFavourite.post_id, AmphiFavourite.service_id)
            .where(AmphiFavourite.amphi_id == amphi_id)
            .order_by(AmphiFavourite.intern_id, AmphiFavourite.position, AmphiFavourite.id)):
        favs[intern_id].append(covered(post_id, service_id))
    choosers = [Chooser(by_id[i][0], not is_supernumerary(by_id[i][2]), tuple(favs[i]))
                for i, _position in queue]
    result = QueueWalk(tuple(position for _i, position in queue), walk(posts, choosers))
    with _walks_lock:
        _walks[amphi_id] = (inputs, result)
    return result


def _ahead_before_start(session: Session, amphi_id: int, intern: Intern
                        ) -> list[tuple[int, str, bool]]:
    """Before the start (no queue yet): (intern id, DES, uses a place) of the interns who
    will choose before me in the call order; planned absences and past choices left out."""
    amphi = get_amphi(session, amphi_id)
    chosen = set(session.scalars(select(AmphiPost.taken_by_id).where(
        AmphiPost.amphi_id == amphi_id, AmphiPost.taken_by_id.is_not(None))))
    out: list[tuple[int, str, bool]] = []
    for r in call_order(session, amphi):
        if r.intern.id == intern.id:
            return out
        if not r.intern.planned_absence and r.intern.id not in chosen:
            out.append((r.intern.id, r.intern.des, not is_supernumerary(r.intern.supernumerary)))
    return []


def estimate(session: Session, person: Person, amphi_id: int) -> FavouriteEstimate:
    """My favourites, each with its free places now and, estimated, at my turn."""
    amphi = get_amphi(session, amphi_id)
    actor = actor_in(session, person, amphi)
    _check_state(amphi, editing=False)
    intern = actor.intern
    post_rows = _rows(session, select(AmphiPost.id, AmphiPost.des, AmphiPost.reserved,
                                      AmphiPost.taken_by_id, AmphiPost.service_id)
                      .where(AmphiPost.amphi_id == amphi.id).order_by(AmphiPost.id))
    posts: dict[int, Slot] = {}
    by_service: dict[int, list[int]] = defaultdict(list)
    for pid, des, reserved, taken_by, service_id in post_rows:
        posts[pid] = Slot(des, reserved, taken_by is None)
        by_service[service_id].append(pid)

    def covered(post_id: int | None, service_id: int) -> tuple[int, ...]:
        return (post_id,) if post_id is not None else tuple(by_service[service_id])

    mine = _items(session, intern.id, amphi.id)
    mine_posts = [covered(f.post_id, f.service_id) for f in mine]

    def mine_free(taken_before: Callable[[int], bool]) -> list[int]:
        return [sum(1 for pid in pids if pid in posts and posts[pid].free
                    and may_take(posts[pid], intern.des) and not taken_before(pid))
                for pids in mine_posts]

    turns = _rows(session, select(AmphiTurn.intern_id, AmphiTurn.status, AmphiTurn.position)
                  .where(AmphiTurn.amphi_id == amphi.id).order_by(AmphiTurn.position))
    if turns:
        my_turn = next(((status, position) for i, status, position in turns
                        if i == intern.id), None)
        if my_turn is None or my_turn[0] not in AHEAD:
            interns_before, later = 0, mine_free(lambda _pid: False)
        else:
            walked = _queue_walk(session, amphi.id, posts, covered, post_rows, turns)
            interns_before = bisect_left(walked.positions, my_turn[1])
            later = mine_free(lambda pid: walked.taken_at.get(pid, NOBODY) < interns_before)
    else:
        before = _ahead_before_start(session, amphi.id, intern)
        favs: dict[int, list[tuple[int, ...]]] = defaultdict(list)
        if before:
            for intern_id, post_id, service_id in session.execute(
                    select(AmphiFavourite.intern_id, AmphiFavourite.post_id,
                           AmphiFavourite.service_id)
                    .where(AmphiFavourite.amphi_id == amphi.id,
                           AmphiFavourite.intern_id.in_([i for i, _d, _u in before]))
                    .order_by(AmphiFavourite.intern_id, AmphiFavourite.position,
                              AmphiFavourite.id)):
                favs[intern_id].append(covered(post_id, service_id))
        choosers = [Chooser(des, uses_place, tuple(favs[i])) for i, des, uses_place in before]
        interns_before = len(before)
        later = free_at_my_turn(posts, choosers, intern.des, mine_posts)
    now_free = mine_free(lambda _pid: False)
    items = [FavouriteEstimateItem(favourite_id=f.id, position=f.position, free_now=free_now,
                                   free_at_my_turn=left, likely_free=left > 0)
             for f, free_now, left in zip(mine, now_free, later, strict=True)]
    return FavouriteEstimate(amphi_id=amphi.id, intern_id=intern.id,
                             interns_before=interns_before, computed_at=now(), items=items)


ESTIMATE_SLOTS = 2  # estimates worked out at once (the machine has few cores)


async def estimate_in_turn(state: Any, session: Session, person: Person,
                           amphi_id: int) -> FavouriteEstimate:
    """`estimate`, at most `ESTIMATE_SLOTS` at a time per app (`state` is `app.state`).

    Every live client asks again after each event (hundreds at once). A few are worked out
    at a time; the others wait here holding no thread and no database connection, so
    choices and the live state keep their threads meanwhile.
    """
    slots = getattr(state, "estimate_slots", None)
    if slots is None:
        slots = state.estimate_slots = asyncio.Semaphore(ESTIMATE_SLOTS)
    async with slots:
        return await run_in_threadpool(estimate, session, person, amphi_id)
