"""« À mon tour (estimation) »: would each of my favourites still be free at my turn?

The serial simulation over favourites: in passing order, every intern still to choose
before me takes the first post of his favourites that is still free and that he may take
(not reserved for another DES); a favourite service stands for any of its posts. A
supernumerary intern uses no place, so he changes nothing. Interns with a planned absence,
and those already passed over, are left out. Other interns' favourites never leave the
server: the answer speaks only of mine. It is an estimate — people change their minds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.clock import now
from server_stub.models import Person
from server_stub.models.amphi import AmphiFavourite, AmphiPost, AmphiTurn, Intern, TurnStatus
from server_stub.schemas.amphi import FavouriteEstimate, FavouriteEstimateItem
from server_stub.services.amphi_calllist import call_order
from server_stub.services.amphi_common import actor_in, get_amphi, is_supernumerary
from server_stub.services.amphi_favourites import _check_state, _items

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
    free = {pid for pid, slot in posts.items() if slot.free}
    for chooser in before:
        if not chooser.uses_place:
            continue
        taken = next((pid for fav in chooser.favourites for pid in fav
                      if pid in free and may_take(posts[pid], chooser.des)), None)
        if taken is not None:
            free.discard(taken)
    return free


def free_at_my_turn(posts: Mapping[int, Slot], before: Sequence[Chooser], my_des: str,
                    mine: Sequence[tuple[int, ...]]) -> list[int]:
    """For each of my favourites, how many of its posts I could still take at my turn."""
    free = simulate(posts, before)
    return [sum(1 for pid in fav if pid in free and pid in posts and may_take(posts[pid], my_des))
            for fav in mine]


# ---------------------------------------------------------------------------- reading

AHEAD = (TurnStatus.WAITING.value, TurnStatus.CHOOSING.value)


def _ahead_of(session: Session, amphi_id: int, intern: Intern) -> list[Intern]:
    """Interns who will choose before me, in passing order (empty once my turn is past)."""
    turns = list(session.scalars(select(AmphiTurn).where(AmphiTurn.amphi_id == amphi_id)
                                 .order_by(AmphiTurn.position)))
    if turns:
        mine = next((t for t in turns if t.intern_id == intern.id), None)
        if mine is None or mine.status not in AHEAD:
            return []
        ids = [t.intern_id for t in turns if t.position < mine.position and t.status in AHEAD]
        interns = {i.id: i for i in session.scalars(select(Intern).where(Intern.id.in_(ids)))}
        return [interns[i] for i in ids if not interns[i].planned_absence]
    amphi = get_amphi(session, amphi_id)
    chosen = set(session.scalars(select(AmphiPost.taken_by_id).where(
        AmphiPost.amphi_id == amphi_id, AmphiPost.taken_by_id.is_not(None))))
    out: list[Intern] = []
    for r in call_order(session, amphi):
        if r.intern.id == intern.id:
            return out
        if not r.intern.planned_absence and r.intern.id not in chosen:
            out.append(r.intern)
    return []


def estimate(session: Session, person: Person, amphi_id: int) -> FavouriteEstimate:
    """My favourites, each with its free places now and, estimated, at my turn."""
    amphi = get_amphi(session, amphi_id)
    actor = actor_in(session, person, amphi)
    _check_state(amphi, editing=False)
    rows = list(session.scalars(select(AmphiPost).where(AmphiPost.amphi_id == amphi.id)
                                .order_by(AmphiPost.id)))
    posts = {p.id: Slot(p.des, p.reserved, p.taken_by_id is None) for p in rows}
    by_service: dict[int, list[int]] = defaultdict(list)
    for p in rows:
        by_service[p.service_id].append(p.id)

    def covered(f: AmphiFavourite) -> tuple[int, ...]:
        return (f.post_id,) if f.post_id is not None else tuple(by_service[f.service_id])

    before = _ahead_of(session, amphi.id, actor.intern)
    favs: dict[int, list[tuple[int, ...]]] = defaultdict(list)
    if before:
        for f in session.scalars(select(AmphiFavourite).where(
                AmphiFavourite.amphi_id == amphi.id,
                AmphiFavourite.intern_id.in_([i.id for i in before]))
                .order_by(AmphiFavourite.intern_id, AmphiFavourite.position,
                          AmphiFavourite.id)):
            favs[f.intern_id].append(covered(f))
    choosers = [Chooser(i.des, not is_supernumerary(i.supernumerary), tuple(favs[i.id]))
                for i in before]
    mine = _items(session, actor.intern.id, amphi.id)
    mine_posts = [covered(f) for f in mine]
    later = free_at_my_turn(posts, choosers, actor.intern.des, mine_posts)
    items = []
    for f, pids, left in zip(mine, mine_posts, later, strict=True):
        free_now = sum(1 for pid in pids if posts[pid].free
                       and may_take(posts[pid], actor.intern.des))
        items.append(FavouriteEstimateItem(favourite_id=f.id, position=f.position,
                                           free_now=free_now, free_at_my_turn=left,
                                           likely_free=left > 0))
    return FavouriteEstimate(amphi_id=amphi.id, intern_id=actor.intern.id,
                             interns_before=len(before),
                             computed_at=now(), items=items)
