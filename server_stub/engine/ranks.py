"""Call order of an amphitheatre (DCI "liste d'appel").

An intern behind the normal seniority of his cohort chooses with a later
("theoretical") cohort, and his local rank is rescaled to that cohort's size:
updated rank = local rank / local cohort size x theoretical cohort size
(seed manuals: 80/100 x 150 = 120, 108/120 x 150 = 135, 4/12 x 1 = 0.33).
Ranks are compared as exact fractions so that equal updated ranks tie exactly
and fall through to the next criterion, whatever the float rounding.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from typing import Any, TypedDict

from ._validate import as_id, as_int, as_list, as_object, fail, show, type_name

__all__ = ["CallOrder", "StudentCall", "call_order", "display_rank", "theoretical_cohort"]


class StudentCall(TypedDict):
    """One student in the result of :func:`call_order`."""

    theoretical_cohort: int
    cohort_size: int  # students of his theoretical cohort
    updated_rank: float
    call_rank: int  # 1-based


class CallOrder(TypedDict):
    """The result of :func:`call_order` (ENGINE.md, "ranks")."""

    order: list[str]  # student ids, in call order
    students: dict[str, StudentCall]


def _normal_seniority(top: Mapping[str, Any]) -> dict[int, int]:
    raw = as_object(top.get("normal_seniority", {}), "normal_seniority")
    out: dict[int, int] = {}
    for key, value in raw.items():
        try:
            if isinstance(key, bool):
                raise ValueError
            cohort = int(key)
        except (TypeError, ValueError):
            fail(f"normal_seniority: cohort {show(key)} is not a year")
        if cohort in out:
            fail(f"normal_seniority: duplicate cohort {cohort}")
        if type(value) is not int:
            fail(f"normal_seniority: seniority of cohort {cohort} must be an integer, "
                 f"got {type_name(value)}")
        out[cohort] = value
    return out


def theoretical_cohort(normal: Mapping[int, int], cohort: int, seniority: int) -> int:
    """The oldest listed cohort, not older than his own, whose normal seniority he reaches;
    the newest listed cohort when none is."""
    for year in sorted(normal):
        if year >= cohort and normal[year] <= seniority:
            return year
    return max(normal)


def display_rank(value: float) -> str:
    """Updated rank as the interface shows it: truncated to two decimals (7.589... -> 7.58)."""
    return str(Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_DOWN))


def call_order(instance: Mapping[str, Any]) -> CallOrder:
    """Theoretical cohort, updated rank and call rank of every student."""
    top = as_object(instance, "instance")
    normal = _normal_seniority(top)
    raw_students = as_list(top, "students", "instance")
    rows: list[tuple[str, int, int, int, int]] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_students):
        st = as_object(raw, f"student #{i + 1}")
        sid = as_id(st, "student", i)
        if sid in seen:
            fail(f"duplicate student {show(sid)}")
        seen.add(sid)
        what = f"student {show(sid)}"
        cohort = as_int(st, "cohort", what)
        seniority = as_int(st, "seniority", what, minimum=0)
        local_rank = as_int(st, "local_rank", what, minimum=1)
        local_size = as_int(st, "local_cohort_size", what, minimum=1)
        rows.append((sid, cohort, seniority, local_rank, local_size))
    if rows and not normal:
        fail("normal_seniority lists no cohort")

    theo = {sid: theoretical_cohort(normal, c, sen) for sid, c, sen, _, _ in rows}
    sizes = Counter(theo.values())
    keyed: list[tuple[tuple[int, Fraction, int, int, str], str, Fraction]] = []
    for sid, cohort, _, local_rank, local_size in rows:
        t = theo[sid]
        updated = Fraction(local_rank * sizes[t], local_size)
        keyed.append(((t, updated, cohort, local_rank, sid), sid, updated))
    keyed.sort(key=lambda k: k[0])

    students: dict[str, StudentCall] = {}
    for call, (_, sid, updated) in enumerate(keyed, start=1):
        t = theo[sid]
        students[sid] = {
            "theoretical_cohort": t,
            "cohort_size": sizes[t],
            "updated_rank": float(updated),
            "call_rank": call,
        }
    return {"order": [sid for _, sid, _ in keyed], "students": students}
