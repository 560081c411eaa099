"""Serial dictatorship with live simulation (national choice, amphitheatre choice).

Students pass in order and each takes his first wish that he may take and that
still has a free place (ENGINE.md, "serial"). Two entry points give the same
result dict:

- :func:`simulate` computes everything in one pass; it is what the command line
  and one-off reports use.
- :class:`Simulation` keeps indexes so that one student's change recomputes
  only the students it can reach. A change by the student passing at position p
  cannot affect anyone before p; after p it can only reach, for a cell whose
  count of places taken now differs from before, either a holder of that cell
  who now finds it full, or a student who wanted it earlier in his list and
  found it full. Those candidates are found by bisection in per-cell sorted
  lists, so the work follows the chain of students whose assignment actually
  changes. Per-wish statuses (``taken_before``) are never stored: they are the
  number of holders of the cell passing before the student, read by bisection
  when asked, so a change never has to touch the statuses of later students.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Any, Literal, TypedDict

from ._validate import (
    as_bool,
    as_id,
    as_int,
    as_list,
    as_object,
    as_opt_str,
    fail,
    gc_paused,
    id_list,
    show,
)

__all__ = [
    "CellResult", "Holder", "SimulationResult", "Simulation", "StudentResult", "WishStatus",
    "simulate",
]

# The result's shapes (ENGINE.md, "serial"). ``satisfied_wish`` and ``wish`` are 0-based
# indexes into the student's wishes (None when his held cell is not among them).
State = Literal["assigned", "simulated"]  # a held cell; one he takes in the simulation


class WishStatus(TypedDict):
    cell: str
    taken_before: int  # places taken by students who pass before him
    capacity: int
    exhausted: bool
    eligible: bool


class StudentResult(TypedDict):
    passing: int  # 1-based
    assigned: str | None  # cell id
    state: State | None  # None when nothing is satisfiable
    satisfied_wish: int | None
    wishes: list[WishStatus]


class Holder(TypedDict):
    student: str
    rank: int
    wish: int | None
    state: State


class CellResult(TypedDict):
    capacity: int
    remaining: int
    first_rank: int | None  # of the first and last holders in passing order
    last_rank: int | None
    holders: list[Holder]  # in passing order


class SimulationResult(TypedDict):
    order: list[str]  # student ids, in passing order
    students: dict[str, StudentResult]
    cells: dict[str, CellResult]


@dataclass(slots=True)
class _Data:
    """A checked instance, with cells and students as list indexes."""

    cell_ids: list[str]
    cell_index: dict[str, int]
    capacity: list[int]
    reserved: list[str | None]
    student_ids: list[str]
    student_index: dict[str, int]
    rank: list[int]
    demoted: list[int | None]
    assigned: list[int]  # cell index, -1 when none
    sup: list[bool]
    des: list[str | None]
    wishes: list[list[int]]


def _wishes_of(values: object, data: _Data, sid: str) -> list[int]:
    return id_list(values, data.cell_index, "cell", lambda: f"wishes of student {show(sid)}")


def _assigned_of(value: object, data: _Data, sid: str) -> int:
    if value is None:
        return -1
    if not isinstance(value, str):
        fail(f"student {show(sid)}: 'assigned' must be a cell id or null, got {show(value)}")
    c = data.cell_index.get(value)
    if c is None:
        fail(f"unknown cell {show(value)} assigned to student {show(sid)}")
    return c


def _demoted_of(value: object, rank: int, sid: str) -> int | None:
    if value is None:
        return None
    if type(value) is not int:
        fail(f"student {show(sid)}: 'demoted_behind' must be an integer or null, got {show(value)}")
    if value <= rank:
        fail(
            f"student {show(sid)}: 'demoted_behind' {value} must be above his own rank {rank}"
        )
    return value


_NONE_TYPE = type(None)


def _parse(instance: object) -> _Data:
    """Check an instance and turn ids into indexes; raise ValueError naming the culprit.

    The happy path is a few bulk passes (comprehensions, ``map``, type sets); when
    one of them trips, :func:`_parse_slowly` checks item by item to name the culprit.
    """
    top = as_object(instance, "instance")
    cells = as_list(top, "cells", "instance")
    students = as_list(top, "students", "instance")
    # The columns have the types that the checks below make sure of (wished and
    # assigned ids are strings once found among the cells').
    try:
        cell_ids: list[str] = [c["id"] for c in cells]
        capacity: list[int] = [c["capacity"] for c in cells]
        reserved: list[str | None] = [c.get("reserved_for") for c in cells]
        ids: list[str] = [st["id"] for st in students]
        rank: list[int] = [st["rank"] for st in students]
        demoted: list[int | None] = [st.get("demoted_behind") for st in students]
        assigned_ids: list[str | None] = [st.get("assigned") for st in students]
        sup: list[bool] = [st.get("supernumerary", False) for st in students]
        des: list[str | None] = [st.get("des") for st in students]
        raw_wishes: list[list[str]] = [st.get("wishes", []) for st in students]
        if (
            not set(map(type, cells)) <= {dict}
            or not set(map(type, students)) <= {dict}
            or not set(map(type, cell_ids)) <= {str}
            or not set(map(type, capacity)) <= {int}
            or min(capacity, default=0) < 0
            or not set(map(type, reserved)) <= {str, _NONE_TYPE}
            or not set(map(type, ids)) <= {str}
            or not set(map(type, rank)) <= {int}
            or not set(map(type, sup)) <= {bool}
            or not set(map(type, des)) <= {str, _NONE_TYPE}
            or not set(map(type, raw_wishes)) <= {list}
        ):
            raise TypeError
        cell_index = dict(zip(cell_ids, range(len(cell_ids)), strict=True))
        student_index = dict(zip(ids, range(len(ids)), strict=True))
        if len(cell_index) != len(cell_ids) or len(student_index) != len(ids):
            raise TypeError
        get_cell = cell_index.__getitem__
        wishes = [list(map(get_cell, ws)) for ws in raw_wishes]
        if sum(map(len, map(set, wishes))) != sum(map(len, wishes)):
            raise TypeError
        assigned = [-1 if a is None else get_cell(a) for a in assigned_ids]
        for r, d in zip(rank, demoted, strict=True):
            if d is not None and (type(d) is not int or d <= r):
                raise TypeError
    except (TypeError, KeyError, AttributeError):
        return _parse_slowly(cells, students)
    return _Data(cell_ids, cell_index, capacity, reserved, ids, student_index, rank, demoted,
                 assigned, sup, des, wishes)


def _parse_slowly(cells: list[object], students: list[object]) -> _Data:
    """Item-by-item checks: accept what the bulk pass was too strict about (say, a
    non-dict mapping or a null ``supernumerary``), or name the culprit."""
    data = _Data([], {}, [], [], [], {}, [], [], [], [], [], [])
    for i, raw in enumerate(cells):
        cell = as_object(raw, f"cell #{i + 1}")
        cid = as_id(cell, "cell", i)
        what = f"cell {show(cid)}"
        if cid in data.cell_index:
            fail(f"duplicate cell {show(cid)}")
        data.cell_index[cid] = i
        data.cell_ids.append(cid)
        data.capacity.append(as_int(cell, "capacity", what, minimum=0))
        data.reserved.append(as_opt_str(cell, "reserved_for", what))
    for i, raw in enumerate(students):
        st = as_object(raw, f"student #{i + 1}")
        sid = as_id(st, "student", i)
        what = f"student {show(sid)}"
        if sid in data.student_index:
            fail(f"duplicate student {show(sid)}")
        data.student_index[sid] = i
        data.student_ids.append(sid)
        rank = as_int(st, "rank", what)
        data.rank.append(rank)
        data.demoted.append(_demoted_of(st.get("demoted_behind"), rank, sid))
        data.assigned.append(_assigned_of(st.get("assigned"), data, sid))
        data.sup.append(as_bool(st, "supernumerary", what, False))
        data.des.append(as_opt_str(st, "des", what))
        data.wishes.append(_wishes_of(st.get("wishes", []), data, sid))
    return data


def _passing_order(rank: list[int], demoted: list[int | None]) -> list[int]:
    """Student indexes in passing order: key R + 0.5 when demoted behind R, else rank.

    Doubling keeps the key an integer; ties go by own rank, then input order.
    """
    keys = [
        (2 * r if d is None else 2 * d + 1, r, i)
        for i, (r, d) in enumerate(zip(rank, demoted, strict=True))
    ]
    return sorted(range(len(rank)), key=keys.__getitem__)


def _choose_all(data: _Data, order: list[int]) -> tuple[list[int], list[int]]:
    """Everybody's cell (-1: none) and its index in his wishes (-1: none or not listed).

    ``open_[c]`` says whether a student without a DES may still take ``c`` (a free
    place, not reserved), so most students find their cell with one C-level scan
    (``compress``); students with a reserved cell of their DES among their wishes,
    and supernumerary ones, take the spelled-out loop.
    """
    cap = data.capacity
    res = data.reserved
    wishes = data.wishes
    des_of = data.des
    sup_of = data.sup
    assigned = data.assigned
    n = len(order)
    taken = [0] * len(cap)
    open_ = [cp > 0 and r is None for cp, r in zip(cap, res, strict=True)]
    is_open = open_.__getitem__
    reserved_cells = {c for c, r in enumerate(res) if r is not None}
    choice = [-1] * n
    sat = [-1] * n
    for s in order:
        ws = wishes[s]
        sup = sup_of[s]
        ch = assigned[s]
        if ch >= 0:
            j = ws.index(ch) if ch in ws else -1
        else:
            des = des_of[s]
            if sup or (des is not None and not reserved_cells.isdisjoint(ws)):
                j = -1
                for k, c in enumerate(ws):
                    r = res[c]
                    if (r is None or r == des) and (sup or taken[c] < cap[c]):
                        ch, j = c, k
                        break
            else:
                ch = next(compress(ws, map(is_open, ws)), -1)
                j = ws.index(ch) if ch >= 0 else -1
        choice[s] = ch
        sat[s] = j
        if ch >= 0 and not sup:
            t = taken[ch] + 1
            taken[ch] = t
            if t >= cap[ch]:
                open_[ch] = False
    return choice, sat


def _build_result(
    data: _Data, order: list[int], choice: list[int], sat: list[int]
) -> SimulationResult:
    """The result dict, every wish status included, from everybody's choice.

    A wish status only depends on the cell, the places taken so far and the
    student's DES. So ``status[c]`` holds the status of ``c`` for whoever passes
    now (eligibility as for a student without a DES) and each student gets
    copies (``dict.copy`` through ``map``, no bytecode per wish); the template is
    rebuilt only when a place of ``c`` is taken. Copies, not shared dicts: callers
    may change one student's statuses without touching another's.
    """
    cid = data.cell_ids
    cap = data.capacity
    res = data.reserved
    rank = data.rank
    ids = data.student_ids
    wishes = data.wishes
    des_of = data.des
    sup_of = data.sup
    held = data.assigned
    taken = [0] * len(cid)
    status: list[WishStatus] = [
        {"cell": name, "taken_before": 0, "capacity": cp, "exhausted": cp <= 0,
         "eligible": r is None}
        for name, cp, r in zip(cid, cap, res, strict=True)
    ]
    of_cell = status.__getitem__
    copy = WishStatus.copy  # dict.copy: a TypedDict is a dict at run time
    reserved_cells = {c for c, r in enumerate(res) if r is not None}
    holders: list[list[Holder]] = [[] for _ in cid]
    students: dict[str, StudentResult] = {}
    for q, s in enumerate(order, start=1):
        ws = wishes[s]
        statuses = list(map(copy, map(of_cell, ws)))
        des = des_of[s]
        if des is not None and not reserved_cells.isdisjoint(ws):
            for w, c in zip(statuses, ws, strict=True):
                if res[c] == des:
                    w["eligible"] = True
        ch = choice[s]
        sid = ids[s]
        if ch < 0:
            students[sid] = {"passing": q, "assigned": None, "state": None,
                             "satisfied_wish": None, "wishes": statuses}
            continue
        j = sat[s]
        wish = j if j >= 0 else None
        state: State = "assigned" if held[s] >= 0 else "simulated"
        students[sid] = {"passing": q, "assigned": cid[ch], "state": state,
                         "satisfied_wish": wish, "wishes": statuses}
        holders[ch].append({"student": sid, "rank": rank[s], "wish": wish, "state": state})
        if not sup_of[s]:
            t = taken[ch] + 1
            taken[ch] = t
            cp = cap[ch]
            status[ch] = {"cell": cid[ch], "taken_before": t, "capacity": cp,
                          "exhausted": t >= cp, "eligible": res[ch] is None}
    cells: dict[str, CellResult] = {}
    for c, name in enumerate(cid):
        hs = holders[c]
        cells[name] = {
            "capacity": cap[c],
            "remaining": cap[c] - taken[c],
            "first_rank": hs[0]["rank"] if hs else None,
            "last_rank": hs[-1]["rank"] if hs else None,
            "holders": hs,
        }
    return {"order": [ids[s] for s in order], "students": students, "cells": cells}


def simulate(instance: Mapping[str, Any]) -> SimulationResult:
    """Compute the whole simulation at once, every wish status included."""
    with gc_paused():
        data = _parse(instance)
        order = _passing_order(data.rank, data.demoted)
        choice, sat = _choose_all(data, order)
        return _build_result(data, order, choice, sat)


class Simulation:
    """The simulation of one instance, kept up to date change by change.

    Internal state, by list index (student ``s``, cell ``c``, position ``q`` in
    the passing order, 0-based):

    - ``_choice[s]``: cell held (assigned or simulated), -1 when none;
      ``_sat[s]``: index of that cell in his wishes, -1 when none or not listed;
    - ``_hold[c]``: sorted positions of all holders of ``c``; ``_cons[c]``: the
      same without supernumerary students, i.e. the places taken, so the places
      taken before position q are ``bisect_left(_cons[c], q)``;
    - ``_wpos[c]`` / ``_widx[c]``: sorted positions of the students who wish
      ``c`` and, in parallel, the index of ``c`` in their wishes.

    Not thread-safe: the caller serialises changes (one lock per procedure).
    A change that raises ValueError leaves the state untouched.
    """

    def __init__(self, instance: Mapping[str, Any]) -> None:
        with gc_paused():
            self._data = _parse(instance)
            self._rebuild()

    # ----------------------------------------------------------------- build
    def _rebuild(self) -> None:
        """Recompute everything from scratch (construction and demotions)."""
        d = self._data
        n_cells = len(d.cell_ids)
        order = _passing_order(d.rank, d.demoted)
        choice, sat = _choose_all(d, order)
        pos = [0] * len(order)
        hold: list[list[int]] = [[] for _ in range(n_cells)]
        cons: list[list[int]] = [[] for _ in range(n_cells)]
        wpos: list[list[int]] = [[] for _ in range(n_cells)]
        widx: list[list[int]] = [[] for _ in range(n_cells)]
        sup = d.sup
        for q, s in enumerate(order):
            pos[s] = q
            for j, c in enumerate(d.wishes[s]):
                wpos[c].append(q)
                widx[c].append(j)
            ch = choice[s]
            if ch >= 0:
                hold[ch].append(q)
                if not sup[s]:
                    cons[ch].append(q)
        self._order = order
        self._pos = pos
        self._choice = choice
        self._sat = sat
        self._hold = hold
        self._cons = cons
        self._wpos = wpos
        self._widx = widx

    # --------------------------------------------------------------- queries
    def result(self) -> SimulationResult:
        """The full result, same dict as :func:`simulate` (O(total wishes))."""
        with gc_paused():
            return _build_result(self._data, self._order, self._choice, self._sat)

    def _student_head(self, s: int, q: int, statuses: list[WishStatus]) -> StudentResult:
        ch = self._choice[s]
        if ch < 0:
            return {"passing": q + 1, "assigned": None, "state": None,
                    "satisfied_wish": None, "wishes": statuses}
        j = self._sat[s]
        return {
            "passing": q + 1,
            "assigned": self._data.cell_ids[ch],
            "state": "assigned" if self._data.assigned[s] >= 0 else "simulated",
            "satisfied_wish": j if j >= 0 else None,
            "wishes": statuses,
        }

    def _holders(self, c: int) -> list[Holder]:
        d = self._data
        out: list[Holder] = []
        for q in self._hold[c]:
            s = self._order[q]
            j = self._sat[s]
            out.append(
                {"student": d.student_ids[s], "rank": d.rank[s], "wish": j if j >= 0 else None,
                 "state": "assigned" if d.assigned[s] >= 0 else "simulated"}
            )
        return out

    def _student(self, student_id: str) -> int:
        s = self._data.student_index.get(student_id) if isinstance(student_id, str) else None
        if s is None:
            fail(f"unknown student {show(student_id)}")
        return s

    def _cell(self, cell_id: str) -> int:
        c = self._data.cell_index.get(cell_id) if isinstance(cell_id, str) else None
        if c is None:
            fail(f"unknown cell {show(cell_id)}")
        return c

    def student_status(self, student_id: str) -> StudentResult:
        """One student, same dict as ``result()["students"][student_id]``, by bisection."""
        s = self._student(student_id)
        d = self._data
        q = self._pos[s]
        des = d.des[s]
        cons = self._cons
        statuses: list[WishStatus] = []
        for c in d.wishes[s]:
            tb = bisect_left(cons[c], q)
            cp = d.capacity[c]
            r = d.reserved[c]
            statuses.append(
                {"cell": d.cell_ids[c], "taken_before": tb, "capacity": cp,
                 "exhausted": tb >= cp, "eligible": r is None or r == des}
            )
        return self._student_head(s, q, statuses)

    def cell_status(self, cell_id: str) -> CellResult:
        """One cell, same dict as ``result()["cells"][cell_id]``."""
        c = self._cell(cell_id)
        hs = self._holders(c)
        cap = self._data.capacity[c]
        return {
            "capacity": cap,
            "remaining": cap - len(self._cons[c]),
            "first_rank": hs[0]["rank"] if hs else None,
            "last_rank": hs[-1]["rank"] if hs else None,
            "holders": hs,
        }

    def remaining_at(self, passing: int) -> dict[str, int]:
        """Places left in every cell when the student passing ``passing`` (1-based) chooses.

        Feeds "dispo pour celui qui passe" and "dispo pour moi"; ``len(order) + 1``
        gives "dispo finale".
        """
        if type(passing) is not int or passing < 1:
            fail(f"passing must be a positive integer, got {show(passing)}")
        q = passing - 1
        cap = self._data.capacity
        return {
            cid: cap[c] - bisect_left(self._cons[c], q)
            for c, cid in enumerate(self._data.cell_ids)
        }

    def passing_of(self, student_id: str) -> int:
        """The student's 1-based passing number."""
        return self._pos[self._student(student_id)] + 1

    def order(self) -> list[str]:
        """Student ids in passing order."""
        ids = self._data.student_ids
        return [ids[s] for s in self._order]

    # --------------------------------------------------------------- changes
    def set_wishes(self, student_id: str, wishes: Sequence[str]) -> set[str]:
        """Replace a student's wishes; return the ids of students whose assignment changed."""
        s = self._student(student_id)
        if isinstance(wishes, tuple):
            wishes = list(wishes)
        new = _wishes_of(wishes, self._data, student_id)
        old = self._data.wishes[s]
        if new == old:
            return set()
        q = self._pos[s]
        for c in old:
            lst = self._wpos[c]
            i = bisect_left(lst, q)
            del lst[i]
            del self._widx[c][i]
        for j, c in enumerate(new):
            lst = self._wpos[c]
            i = bisect_left(lst, q)
            lst.insert(i, q)
            self._widx[c].insert(i, j)
        self._data.wishes[s] = new
        return self._propagate(s)

    def set_assigned(self, student_id: str, cell_id: str | None) -> set[str]:
        """Make a student hold a cell (validated choice), or release it with None."""
        s = self._student(student_id)
        a = _assigned_of(cell_id, self._data, student_id)
        if a == self._data.assigned[s]:
            return set()
        self._data.assigned[s] = a
        return self._propagate(s)

    def set_demoted(self, student_id: str, behind: int | None) -> set[str]:
        """Demote a student behind rank ``behind`` (None cancels).

        Positions shift for everyone in between, so this rebuilds in O(total):
        demotions are rare staff actions, not the live path.
        """
        s = self._student(student_id)
        d = _demoted_of(behind, self._data.rank[s], student_id)
        if d == self._data.demoted[s]:
            return set()
        self._data.demoted[s] = d
        return self._rebuild_and_compare()

    def set_supernumerary(self, student_id: str, supernumerary: bool) -> set[str]:
        """Grant or withdraw supernumerary status (he then consumes no place, or one).

        A rare staff decision (taken before the amphitheatre), so this rebuilds in
        O(total) rather than keeping a second propagation path.
        """
        s = self._student(student_id)
        if not isinstance(supernumerary, bool):
            fail(f"student {show(student_id)}: 'supernumerary' must be true or false, "
                 f"got {show(supernumerary)}")
        if supernumerary == self._data.sup[s]:
            return set()
        self._data.sup[s] = supernumerary
        return self._rebuild_and_compare()

    def _rebuild_and_compare(self) -> set[str]:
        before = self._choice
        with gc_paused():
            self._rebuild()
        ids = self._data.student_ids
        return {ids[i] for i, (a, b) in enumerate(zip(before, self._choice, strict=True))
                if a != b}

    # ----------------------------------------------------------- propagation
    def _choose(self, s: int, q: int) -> tuple[int, int]:
        """The cell student ``s`` gets at position ``q`` given the current lists, and its wish."""
        d = self._data
        ws = d.wishes[s]
        a = d.assigned[s]
        if a >= 0:
            return a, (ws.index(a) if a in ws else -1)
        sup = d.sup[s]
        des = d.des[s]
        cap = d.capacity
        res = d.reserved
        cons = self._cons
        for j, c in enumerate(ws):
            r = res[c]
            if r is not None and r != des:
                continue
            if sup or bisect_left(cons[c], q) < cap[c]:
                return c, j
        return -1, -1

    def _move(self, s: int, q: int, old: int, new: int) -> None:
        sup = self._data.sup[s]
        if old >= 0:
            lst = self._hold[old]
            del lst[bisect_left(lst, q)]
            if not sup:
                lst = self._cons[old]
                del lst[bisect_left(lst, q)]
        if new >= 0:
            lst = self._hold[new]
            lst.insert(bisect_left(lst, q), q)
            if not sup:
                lst = self._cons[new]
                lst.insert(bisect_left(lst, q), q)

    def _next_candidate(self, c: int, delta: int, q: int) -> int:
        """First position after ``q`` whose student may change because ``c`` has
        ``delta`` more places taken than before (-1 when none).

        ``_cons[c]`` is up to date before ``q`` and as before after it.
        """
        cons = self._cons[c]
        cap = self._data.capacity[c]
        assigned = self._data.assigned
        order = self._order
        if delta > 0:
            # A holder after q loses the cell once cap places are taken before him.
            k = max(cap, bisect_right(cons, q))
            n = len(cons)
            while k < n:
                if assigned[order[cons[k]]] < 0:
                    return cons[k]
                k += 1
            return -1
        # Fewer places taken: only a student who wanted c before his current
        # choice and found it full can gain. It was full for him before when
        # (entries before him) - delta >= cap, so start after entry cap + delta.
        need = cap + delta
        start = q
        if need > 0:
            if len(cons) < need:
                return -1
            start = max(q, cons[need - 1])
        wpos = self._wpos[c]
        widx = self._widx[c]
        d = self._data
        sup = d.sup
        sat = self._sat
        reserved = d.reserved[c]
        des = d.des
        n = len(wpos)
        i = bisect_right(wpos, start)
        while i < n:
            p = wpos[i]
            t = order[p]
            if assigned[t] < 0 and not sup[t]:
                j = sat[t]
                if (j < 0 or widx[i] < j) and (reserved is None or reserved == des[t]):
                    return p
            i += 1
        return -1

    def _propagate(self, s0: int) -> set[str]:
        """Recompute student ``s0`` and every student his change reaches, in passing order."""
        order = self._order
        choice = self._choice
        sat = self._sat
        sup = self._data.sup
        changed: list[int] = []
        diff: dict[int, int] = {}
        version: dict[int, int] = {}
        heap: list[tuple[int, int, int]] = []

        def schedule(c: int, q: int) -> None:
            v = version.get(c, 0) + 1
            version[c] = v
            delta = diff[c]
            if delta:
                nq = self._next_candidate(c, delta, q)
                if nq >= 0:
                    heapq.heappush(heap, (nq, c, v))

        def recompute(s: int, q: int) -> None:
            old = choice[s]
            new, j = self._choose(s, q)
            sat[s] = j
            if new == old:
                return
            self._move(s, q, old, new)
            choice[s] = new
            changed.append(s)
            if not sup[s]:
                if old >= 0:
                    diff[old] = diff.get(old, 0) - 1
                    schedule(old, q)
                if new >= 0:
                    diff[new] = diff.get(new, 0) + 1
                    schedule(new, q)

        last = self._pos[s0]
        recompute(s0, last)
        while heap:
            q, c, v = heapq.heappop(heap)
            if version[c] != v:
                continue
            if q != last:
                last = q
                recompute(order[q], q)
            if version[c] == v:
                schedule(c, q)
        ids = self._data.student_ids
        return {ids[s] for s in changed}
