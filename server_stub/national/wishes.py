"""National choice: a student's wish list — add, delete, move, replace, history, receipts.

Every write names the version of the list it was made on (optimistic concurrency: two
windows, or an offline change synced late, cannot silently overwrite each other); a
stale version is refused with the current list. The write, its history line, its receipt,
its audit entry and its event are one transaction; the simulation is updated right after
the commit, and the answer carries the student's new statuses.

A change is the busiest write of choice day (thousands a minute), so its cost is counted:
the caller comes from the process's cache of sessions (`sessions.CallerCache`), his session
checked again by the write itself; on PostgreSQL the whole write is one statement (one
round trip, committed by itself); on SQLite the same rows are written by separate
statements in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, case, delete, insert, select, text, update
from sqlalchemy.orm import Session

from server_stub.core import audit, events, notify, sessions
from server_stub.core.clock import as_utc, now
from server_stub.core.context import RequestContext
from server_stub.core.db import execute_dml, table
from server_stub.core.errors import ApiError, not_found
from server_stub.core.models import Person, utcnow
from server_stub.core.sessions import Caller
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


@contextmanager
def _answering(session: Session, caller: Caller) -> Iterator[None]:
    """A refusal is told only to a live session: the caller may come from the cache of
    sessions while another process closed his session (`sessions.CallerCache`)."""
    try:
        yield
    except ApiError as exc:
        if exc.status != 401:
            session.rollback()
            sessions.require_live(session, caller)
        raise


def _save(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
          cand: CandInfo, caller: Caller, version: int, cells: list[int], action: str,
          cell_id: int | None = None, from_position: int | None = None,
          to_position: int | None = None) -> sch.NationalWishWrite:
    """Write the new list with its history line, receipt, audit entry and event; then
    simulate.

    Called *without* the campaign's lock: the checks were made under it, and the database
    re-checks what matters (the version, a turn not over, not absent, the caller's session
    open) in the guarded UPDATE, as it must anyway for the other processes. Holding the
    lock through the round trips made every request of the process wait in one queue, the
    thread applying the other processes' changes among them: under load their changes
    showed here seconds late (bench/bench_scale.py). The lock is taken again to apply the
    change.
    """
    new_version = version + 1
    at = now().replace(microsecond=0)
    receipt = new_receipt(ctx.settings.secret_key, campaign_id, cand.id, new_version, at,
                          cells)
    detail: dict[str, Any] = {"action": action, "version": new_version, "count": len(cells)}
    if cell_id is not None:
        detail["cell_id"] = cell_id
    change = _Change(cand.id, cand.person_id, caller, campaign_id, version, cells, action,
                     cell_id, from_position, to_position, at, receipt, detail,
                     {"campaign_id": campaign_id, "candidate_id": cand.id,
                      "version": new_version, "cells": cells})
    if session.get_bind().dialect.name == "postgresql":
        written = _write_in_one_statement(session, change, ctx.address)
    else:
        written = _write_statements(session, change, ctx.address)
    if not written:  # another request, here or in another process, got there first
        session.rollback()
        sessions.require_live(session, caller)
        with registry.hold(campaign_id) as rt:
            mine = candidate(rt, caller)
            rt.refresh_wishes(session, mine)  # this student only, never the whole campaign
            if mine.version == version:  # his turn ended, or he is absent: say which
                _refused_by_the_database(session, mine.id)
            raise StaleVersion(wish_list(rt, mine))
    with registry.hold(campaign_id) as rt:  # perhaps rebuilt meanwhile: its own record
        mine = candidate(rt, caller)
        if new_version > mine.version:  # not overtaken by a later change already applied
            rt.set_wishes(mine, cells, new_version)
        return wish_list(rt, mine, receipt=public(receipt, campaign_id))  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class _Change:
    """What one change writes, whichever the database."""

    candidate_id: int
    person_id: int  # the student's (the caller is the student himself)
    caller: Caller
    campaign_id: int
    version: int  # the list's, before the change
    cells: list[int]
    action: str
    cell_id: int | None
    from_position: int | None
    to_position: int | None
    at: datetime
    receipt: WishReceipt
    detail: dict[str, Any]
    payload: dict[str, Any]


def _write_statements(session: Session, change: _Change, address: str) -> bool:
    """The change as separate statements in one transaction, committed (SQLite); False when
    the guarded UPDATE touched nothing (nothing written then). Raises 401 when the
    caller's session was closed meanwhile."""
    sessions.require_live(session, change.caller)
    new_version = change.version + 1
    done = execute_dml(session, _BUMP_VERSION, {"cand": change.candidate_id,
                                                "seen": change.version, "next": new_version})
    if done.rowcount != 1:
        return False
    _write_rows(session, change.candidate_id, change.cells, change.action, change.cell_id,
                change.from_position, change.to_position)
    # Plain INSERTs, no unit of work: this runs on every change of every list.
    session.execute(insert(table(WishChange)).values(
        candidate_id=change.candidate_id, at=change.at, actor_id=change.caller.id,
        action=change.action, cell_id=change.cell_id, from_position=change.from_position,
        to_position=change.to_position, version=new_version, count=len(change.cells)))
    receipt = change.receipt
    session.execute(insert(table(WishReceipt)).values(
        candidate_id=receipt.candidate_id, version=receipt.version, at=receipt.at,
        cells=receipt.cells, digest=receipt.digest, signature=receipt.signature))
    audit.record_now(session, NationalAction.WISHES_CHANGED, actor_id=change.caller.id,
                     subject_id=change.person_id, campaign_id=change.campaign_id,
                     detail=change.detail, address=address)
    # Last: the event log's lock (core/events.py) is held from here to the commit.
    events.publish(session, NationalEvent.WISHES_CHANGED, change.payload,
                   campaign_id=change.campaign_id, audience_id=change.person_id)
    session.commit()
    return True


def _write_in_one_statement(session: Session, change: _Change, address: str) -> bool:
    """The change as one statement, committed by itself (PostgreSQL): one round trip where
    the separate statements took ten (BEGIN, the UPDATE, the rows, three INSERTs, the
    event's lock and notification, its INSERT, COMMIT). Same rows, same checks, same
    event as `_write_statements`; False when the guarded UPDATE touched nothing (nothing
    written then: the caller's session closed, the version, his turn or his absence)."""
    if session.in_transaction():  # a read of his list (`_prepare`): end it
        session.commit()
    engine = session.get_bind().engine
    receipt = change.receipt
    logged_at = utcnow()
    payload = json.dumps(change.payload)
    # A connection of its own in autocommit, no session around it: the statement is the
    # transaction (BEGIN and COMMIT would be two more round trips).
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        event_id = connection.execute(_SAVE_IN_ONE_STATEMENT, {
            "cand": change.candidate_id, "seen": change.version, "next": change.version + 1,
            "auth": change.caller.auth_id, "now": now(), "lock": events.PG_EVENT_LOCK,
            "channel": notify.CHANNEL, "origin": notify.origin(), "cells": change.cells,
            "at": change.at, "actor": change.caller.id, "action": change.action,
            "cell": change.cell_id, "from_position": change.from_position,
            "to_position": change.to_position, "count": len(change.cells),
            "receipt_cells": json.dumps(receipt.cells), "digest": receipt.digest,
            "signature": receipt.signature, "logged_at": logged_at,
            "subject": change.person_id, "campaign": change.campaign_id,
            "audit_action": NationalAction.WISHES_CHANGED, "detail": json.dumps(change.detail),
            "address": address, "kind": NationalEvent.WISHES_CHANGED,
            "payload": payload}).scalar()
    if event_id is None:
        return False
    events.hand_over(engine, events.Event(  # committed: this process's brokers may have it
        event_id, as_utc(logged_at), NationalEvent.WISHES_CHANGED, change.campaign_id,
        change.person_id, json.loads(payload)))
    return True


# The whole change on PostgreSQL. Every part runs only when the guarded UPDATE (`bump`)
# touched the student's row; its RETURNING takes the event log's lock (core/events.py)
# before the event's id is drawn, and queues the notification sent at commit. The list is
# written as the difference between the stored rows and `cells` (the same rows
# `_write_rows` touches for an add, a delete or a move): kept wishes whose place changed
# are updated, dropped ones deleted, new ones inserted, no row twice, so the parts of the
# statement never meet on a row (their order inside the statement is not defined).
_SAVE_IN_ONE_STATEMENT = text("""
WITH bump AS (
    UPDATE national_candidate SET wishes_version = :next
    WHERE id = :cand AND wishes_version = :seen AND turn_outcome IS NULL AND NOT absent
      AND EXISTS (SELECT FROM auth_session
                  WHERE id = :auth AND revoked_at IS NULL AND expires_at > :now)
    RETURNING id, pg_advisory_xact_lock(:lock)::text AS locked,
              pg_notify(:channel, :origin)::text AS notified
), wanted AS (
    SELECT bump.id AS candidate_id, n.cell_id, CAST(n.position AS integer) AS position
    FROM bump, unnest(CAST(:cells AS integer[])) WITH ORDINALITY AS n(cell_id, position)
), moved AS (
    UPDATE wish SET position = wanted.position FROM wanted
    WHERE wish.candidate_id = wanted.candidate_id AND wish.cell_id = wanted.cell_id
      AND wish.position <> wanted.position
), dropped AS (
    DELETE FROM wish WHERE candidate_id IN (SELECT id FROM bump)
      AND cell_id <> ALL (CAST(:cells AS integer[]))
), added AS (
    INSERT INTO wish (candidate_id, cell_id, position)
    SELECT candidate_id, cell_id, position FROM wanted
    WHERE NOT EXISTS (SELECT FROM wish AS w WHERE w.candidate_id = wanted.candidate_id
                      AND w.cell_id = wanted.cell_id)
), history AS (
    INSERT INTO national_wish_change (candidate_id, at, actor_id, action, cell_id,
                                      from_position, to_position, version, count)
    SELECT id, :at, :actor, CAST(:action AS text), CAST(:cell AS integer),
           CAST(:from_position AS integer), CAST(:to_position AS integer), :next, :count
    FROM bump
), receipt AS (
    INSERT INTO national_receipt (candidate_id, version, at, cells, digest, signature)
    SELECT id, :next, :at, CAST(:receipt_cells AS json), CAST(:digest AS text),
           CAST(:signature AS text)
    FROM bump
), audited AS (
    INSERT INTO audit_log (at, actor_id, subject_id, campaign_id, action, detail, address)
    SELECT :logged_at, :actor, :subject, :campaign, CAST(:audit_action AS text),
           CAST(:detail AS json), CAST(:address AS text)
    FROM bump
)
INSERT INTO event_log (at, kind, campaign_id, audience_id, payload)
SELECT :logged_at, CAST(:kind AS text), :campaign, :subject, CAST(:payload AS json) FROM bump
RETURNING id
""")


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


def _prepare(session: Session, rt: CampaignRuntime, caller: Caller, version: int) -> CandInfo:
    cand = candidate(rt, caller)
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
            caller: Caller, data: sch.NationalWishesReplace) -> sch.NationalWishWrite:
    """Replace the whole list (e.g. an offline edit synced on reconnect)."""
    with _answering(session, caller):
        return _replace(session, ctx, registry, campaign_id, caller, data)


def _replace(session: Session, ctx: RequestContext, registry: NationalRegistry,
             campaign_id: int, caller: Caller, data: sch.NationalWishesReplace
             ) -> sch.NationalWishWrite:
    with registry.hold(campaign_id) as rt:
        cand = _prepare(session, rt, caller, data.version)
        seen: dict[int, int] = {}
        for i, cell_id in enumerate(data.cells):
            _check_cell(rt, cand, cell_id, f"cells[{i}]")
            if cell_id in seen:
                raise ApiError(422, "duplicate_wish",
                               f"Le même vœu apparaît deux fois (n° {seen[cell_id] + 1} et "
                               f"n° {i + 1}).", field=f"cells[{i}]")
            seen[cell_id] = i
    return _save(session, ctx, registry, campaign_id, cand, caller, data.version,
                 list(data.cells), "replace")


def add(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
        caller: Caller, data: sch.NationalWishAdd) -> sch.NationalWishWrite:
    """Add a cell at `position` (1-based; at the end when omitted)."""
    with _answering(session, caller):
        return _add(session, ctx, registry, campaign_id, caller, data)


def _add(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
         caller: Caller, data: sch.NationalWishAdd) -> sch.NationalWishWrite:
    with registry.hold(campaign_id) as rt:
        cand = _prepare(session, rt, caller, data.version)
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
    return _save(session, ctx, registry, campaign_id, cand, caller, data.version, cells, "add",
                 cell_id=data.cell_id, to_position=position)


def remove(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
           caller: Caller, cell_id: int, version: int) -> sch.NationalWishWrite:
    """Delete one wish."""
    with _answering(session, caller):
        return _remove(session, ctx, registry, campaign_id, caller, cell_id, version)


def _remove(session: Session, ctx: RequestContext, registry: NationalRegistry,
            campaign_id: int, caller: Caller, cell_id: int, version: int
            ) -> sch.NationalWishWrite:
    with registry.hold(campaign_id) as rt:
        cand = _prepare(session, rt, caller, version)
        if cell_id not in cand.wishes:
            raise not_found("Ce vœu ne figure pas dans votre liste.", field="cell_id")
        cells = list(cand.wishes)
        position = cells.index(cell_id) + 1
        cells.remove(cell_id)
    return _save(session, ctx, registry, campaign_id, cand, caller, version, cells, "delete",
                 cell_id=cell_id, from_position=position)


def move(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
         caller: Caller, data: sch.NationalWishMove) -> sch.NationalWishWrite:
    """Move one wish to a new 1-based position."""
    with _answering(session, caller):
        return _move(session, ctx, registry, campaign_id, caller, data)


def _move(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
          caller: Caller, data: sch.NationalWishMove) -> sch.NationalWishWrite:
    with registry.hold(campaign_id) as rt:
        cand = _prepare(session, rt, caller, data.version)
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
    return _save(session, ctx, registry, campaign_id, cand, caller, data.version, cells, "move",
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
