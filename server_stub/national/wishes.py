"""National choice: a student's wish list — add, delete, move, replace, history, receipts.

Every write names the version of the list it was made on (optimistic concurrency: two
windows, or an offline change synced late, cannot silently overwrite each other); a
stale version is refused with the current list. The write, its history line, its receipt
and its audit entry are one transaction; the simulation is updated right after the
commit, and the answer carries the student's new statuses.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, case, delete, insert, select, update
from sqlalchemy.orm import Session

from server_stub.core import audit, events
from server_stub.core.clock import as_utc, now
from server_stub.core.context import RequestContext
from server_stub.core.db import execute_dml, table
from server_stub.core.errors import ApiError, not_found
from server_stub.core.models import Person
from server_stub.national import schemas as sch
from server_stub.national.common import (
    EDITABLE_STATES,
    POOL_LABELS,
    NationalAction,
    NationalEvent,
    wrong_state,
)
from server_stub.national.models import NationalStudent, Wish, WishChange, WishReceipt
from server_stub.national.reads import candidate, require_readable, wish_list
from server_stub.national.receipts import new_receipt, public, receipts_of
from server_stub.national.runtime import CampaignRuntime, CandInfo, NationalRegistry


class StaleVersion(ApiError):
    """409 `stale_version`, with the current list beside the error (`NationalStaleBody`)."""

    def __init__(self, current: sch.NationalWishList) -> None:
        super().__init__(409, "stale_version",
                         "Votre liste de vœux a été modifiée entre-temps (depuis une autre "
                         "fenêtre ou un autre appareil) : voici la liste actuelle, refaites "
                         "votre modification.", field="version")
        self.current = current

    def body(self) -> dict[str, Any]:
        return {**super().body(), "current": self.current.model_dump(mode="json")}


def require_editable(rt: CampaignRuntime, cand: CandInfo) -> None:
    """Raise 409 when the student may not change his wishes (or absence, demotion) now."""
    if rt.state not in EDITABLE_STATES:
        raise wrong_state(rt.state, EDITABLE_STATES)
    if cand.passed:
        raise _turn_passed()


def _turn_passed() -> ApiError:
    return ApiError(409, "turn_passed", "Votre tour est passé : vos vœux ne sont plus modifiables.")


def _absent() -> ApiError:
    return ApiError(409, "absent_read_only",
                    "Vous êtes déclaré absent : vos vœux ne sont plus modifiables. Annulez "
                    "votre absence pour les modifier.")


def _require_present(cand: CandInfo) -> None:
    if cand.absent:
        raise _absent()


def _refused_by_the_database(session: Session, candidate_id: int) -> None:
    """Why the guarded UPDATE touched nothing when the version was right: his turn ended or
    he was declared absent (by another process; its event is not applied here yet)."""
    outcome, absent = session.execute(
        select(NationalStudent.turn_outcome, NationalStudent.absent)
        .where(NationalStudent.id == candidate_id)).one()
    if outcome is not None:
        raise _turn_passed()
    if absent:
        raise _absent()


def _check_cell(rt: CampaignRuntime, cand: CandInfo, cell_id: int, field: str) -> None:
    cell = rt.cells.get(cell_id)
    if cell is None:
        raise ApiError(422, "unknown_cell",
                       f"Le poste n° {cell_id} n'existe pas dans cette procédure.", field=field)
    if cell.pool != cand.pool:
        raise ApiError(422, "wrong_pool",
                       f"Ce poste appartient à l'offre {POOL_LABELS[cell.pool]} : vous ne "
                       f"pouvez choisir que dans l'offre {POOL_LABELS[cand.pool]}.", field=field)


def _save(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
          cand: CandInfo, person: Person, version: int, cells: list[int], action: str,
          cell_id: int | None = None, from_position: int | None = None,
          to_position: int | None = None) -> sch.NationalWishWrite:
    """Write the new list with its history line, receipt and audit entry; then simulate.

    Called *without* the campaign's lock: the checks were made under it, and the database
    re-checks what matters (the version, a turn not over, not absent) in the guarded
    UPDATE, as it must anyway for the other processes. Holding the lock through these
    round trips made every request of the process wait in one queue, the thread applying
    the other processes' changes among them: under load their changes showed here
    seconds late (bench/bench_scale.py). The lock is taken again to apply the change.
    """
    new_version = version + 1
    done = execute_dml(session, _BUMP_VERSION,
                       {"cand": cand.id, "seen": version, "next": new_version})
    if done.rowcount != 1:  # another request, here or in another process, got there first
        session.rollback()
        with registry.hold(campaign_id) as rt:
            mine = candidate(rt, person)
            rt.refresh_wishes(session, mine)  # this student only, never the whole campaign
            if mine.version == version:  # his turn ended, or he is absent: say which
                _refused_by_the_database(session, mine.id)
            raise StaleVersion(wish_list(rt, mine))
    _write_rows(session, cand.id, cells, action, cell_id, from_position, to_position)
    at = now().replace(microsecond=0)
    # Plain INSERTs, no unit of work: this runs on every change of every list.
    session.execute(insert(table(WishChange)).values(
        candidate_id=cand.id, at=at, actor_id=person.id, action=action, cell_id=cell_id,
        from_position=from_position, to_position=to_position, version=new_version,
        count=len(cells)))
    receipt = new_receipt(ctx.settings.secret_key, campaign_id, cand.id, new_version, at,
                          cells)
    session.execute(insert(table(WishReceipt)).values(
        candidate_id=receipt.candidate_id, version=receipt.version, at=receipt.at,
        cells=receipt.cells, digest=receipt.digest, signature=receipt.signature))
    detail: dict[str, Any] = {"action": action, "version": new_version, "count": len(cells)}
    if cell_id is not None:
        detail["cell_id"] = cell_id
    audit.record_now(session, NationalAction.WISHES_CHANGED, actor_id=person.id,
                     subject_id=cand.person_id, campaign_id=campaign_id, detail=detail,
                     address=ctx.address)
    # Last: the event log's lock (core/events.py) is held from here to the commit.
    events.publish(session, NationalEvent.WISHES_CHANGED,
                   {"campaign_id": campaign_id, "candidate_id": cand.id,
                    "version": new_version, "cells": cells},
                   campaign_id=campaign_id, audience_id=cand.person_id)
    session.commit()
    with registry.hold(campaign_id) as rt:  # perhaps rebuilt meanwhile: its own record
        mine = candidate(rt, person)
        if new_version > mine.version:  # not overtaken by a later change already applied
            rt.set_wishes(mine, cells, new_version)
        return wish_list(rt, mine, receipt=public(receipt, campaign_id))  # type: ignore[return-value]


# The statements of a change, built once (SQLAlchemy then finds them in its cache at
# once) on the Core tables (no ORM bulk path): they run on every change of every list.
_STUDENTS, _WISHES = table(NationalStudent), table(Wish)
_W = _WISHES.c
_MINE = _W.candidate_id == bindparam("cand")
_BUMP_VERSION = (
    update(_STUDENTS)
    .where(_STUDENTS.c.id == bindparam("cand"), _STUDENTS.c.wishes_version == bindparam("seen"),
           _STUDENTS.c.turn_outcome.is_(None), _STUDENTS.c.absent.is_(False))
    .values(wishes_version=bindparam("next")))
_MAKE_ROOM = (update(_WISHES).where(_MINE, _W.position >= bindparam("at"))
              .values(position=_W.position + 1))
_INSERT_WISH = insert(_WISHES)
_DELETE_WISH = delete(_WISHES).where(_MINE, _W.cell_id == bindparam("cell"))
_CLOSE_GAP = (update(_WISHES).where(_MINE, _W.position > bindparam("at"))
              .values(position=_W.position - 1))
# A move in one statement: the moved wish takes its place, those between shift by one.
_MOVE = (update(_WISHES).where(_MINE, _W.position.between(bindparam("low"), bindparam("high")))
         .values(position=case((_W.cell_id == bindparam("cell"), bindparam("to")),
                               else_=_W.position + bindparam("shift"))))
_DELETE_ALL = delete(_WISHES).where(_MINE)


def _write_rows(session: Session, candidate_id: int, cells: list[int], action: str,
                cell_id: int | None, from_position: int | None,
                to_position: int | None) -> None:
    """Store the new order, touching as few rows as the change needs."""
    if action == "add" and to_position is not None:
        session.execute(_MAKE_ROOM, {"cand": candidate_id, "at": to_position})
        session.execute(_INSERT_WISH, {"candidate_id": candidate_id, "cell_id": cell_id,
                                       "position": to_position})
    elif action == "delete" and from_position is not None:
        session.execute(_DELETE_WISH, {"cand": candidate_id, "cell": cell_id})
        session.execute(_CLOSE_GAP, {"cand": candidate_id, "at": from_position})
    elif action == "move" and from_position is not None and to_position is not None:
        low, high = sorted((from_position, to_position))
        session.execute(_MOVE, {"cand": candidate_id, "low": low, "high": high,
                                "cell": cell_id, "to": to_position,
                                "shift": -1 if from_position < to_position else 1})
    else:
        session.execute(_DELETE_ALL, {"cand": candidate_id})
        if cells:
            session.execute(_INSERT_WISH, [{"candidate_id": candidate_id, "cell_id": c,
                                            "position": i}
                                           for i, c in enumerate(cells, start=1)])


def _prepare(session: Session, rt: CampaignRuntime, person: Person, version: int) -> CandInfo:
    cand = candidate(rt, person)
    require_editable(rt, cand)
    _require_present(cand)
    if version != cand.version:
        # Another process may have committed a newer list whose event is not applied here
        # yet (a race of a few milliseconds): read his list, and only his, again.
        rt.refresh_wishes(session, cand)
        if version != cand.version:
            raise StaleVersion(wish_list(rt, cand))
    return cand


def replace(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
            person: Person, data: sch.NationalWishesReplace) -> sch.NationalWishWrite:
    """Replace the whole list (e.g. an offline edit synced on reconnect)."""
    with registry.hold(campaign_id) as rt:
        cand = _prepare(session, rt, person, data.version)
        seen: dict[int, int] = {}
        for i, cell_id in enumerate(data.cells):
            _check_cell(rt, cand, cell_id, f"cells[{i}]")
            if cell_id in seen:
                raise ApiError(422, "duplicate_wish",
                               f"Le même vœu apparaît deux fois (n° {seen[cell_id] + 1} et "
                               f"n° {i + 1}).", field=f"cells[{i}]")
            seen[cell_id] = i
    return _save(session, ctx, registry, campaign_id, cand, person, data.version,
                 list(data.cells), "replace")


def add(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
        person: Person, data: sch.NationalWishAdd) -> sch.NationalWishWrite:
    """Add a cell at `position` (1-based; at the end when omitted)."""
    with registry.hold(campaign_id) as rt:
        cand = _prepare(session, rt, person, data.version)
        _check_cell(rt, cand, data.cell_id, "cell_id")
        if data.cell_id in cand.wishes:
            raise ApiError(409, "already_wished",
                           f"Ce vœu figure déjà dans votre liste (n° "
                           f"{cand.wishes.index(data.cell_id) + 1}).", field="cell_id")
        n = len(cand.wishes)
        position = data.position if data.position is not None else n + 1
        if position > n + 1:
            raise ApiError(422, "invalid_position",
                           f"La position doit être comprise entre 1 et {n + 1}.",
                           field="position")
        cells = list(cand.wishes)
        cells.insert(position - 1, data.cell_id)
    return _save(session, ctx, registry, campaign_id, cand, person, data.version, cells, "add",
                 cell_id=data.cell_id, to_position=position)


def remove(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
           person: Person, cell_id: int, version: int) -> sch.NationalWishWrite:
    """Delete one wish."""
    with registry.hold(campaign_id) as rt:
        cand = _prepare(session, rt, person, version)
        if cell_id not in cand.wishes:
            raise not_found("Ce vœu ne figure pas dans votre liste.", field="cell_id")
        cells = list(cand.wishes)
        position = cells.index(cell_id) + 1
        cells.remove(cell_id)
    return _save(session, ctx, registry, campaign_id, cand, person, version, cells, "delete",
                 cell_id=cell_id, from_position=position)


def move(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
         person: Person, data: sch.NationalWishMove) -> sch.NationalWishWrite:
    """Move one wish to a new 1-based position."""
    with registry.hold(campaign_id) as rt:
        cand = _prepare(session, rt, person, data.version)
        if data.cell_id not in cand.wishes:
            raise not_found("Ce vœu ne figure pas dans votre liste.", field="cell_id")
        n = len(cand.wishes)
        if data.position > n:
            raise ApiError(422, "invalid_position",
                           f"La position doit être comprise entre 1 et {n}.", field="position")
        cells = list(cand.wishes)
        start = cells.index(data.cell_id) + 1
        cells.remove(data.cell_id)
        cells.insert(data.position - 1, data.cell_id)
    return _save(session, ctx, registry, campaign_id, cand, person, data.version, cells, "move",
                 cell_id=data.cell_id, from_position=start, to_position=data.position)


# --------------------------------------------------------------------------- history


def changes(session: Session, registry: NationalRegistry, campaign_id: int, person: Person,
            limit: int, before_id: int | None) -> list[sch.NationalWishChange]:
    """« Mes changements passés »: every change of my wish list, newest first."""
    with registry.hold(campaign_id) as rt:
        require_readable(rt)
        cand = candidate(rt, person)
        cells = rt.cells
    query = select(WishChange).where(WishChange.candidate_id == cand.id)
    if before_id is not None:
        query = query.where(WishChange.id < before_id)
    out = []
    for row in session.scalars(query.order_by(WishChange.id.desc()).limit(limit)):
        cell = cells.get(row.cell_id) if row.cell_id is not None else None
        out.append(sch.NationalWishChange(
            id=row.id, at=as_utc(row.at), action=row.action,  # type: ignore[arg-type]
            cell_id=row.cell_id, subdivision=cell.subdivision if cell else None,
            specialty=cell.specialty if cell else None, from_position=row.from_position,
            to_position=row.to_position, version=row.version, count=row.count,
            by_staff=row.actor_id is not None and row.actor_id != person.id))
    return out


def receipts(session: Session, registry: NationalRegistry, campaign_id: int, person: Person,
             limit: int, before_id: int | None) -> list[sch.NationalReceipt]:
    """My receipts, newest first."""
    with registry.hold(campaign_id) as rt:
        require_readable(rt)
        cand = candidate(rt, person)
    return receipts_of(session, campaign_id, cand.id, limit, before_id)
