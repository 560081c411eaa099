"""Serial dictatorship: properties against a spec-literal oracle, and the incremental engine.

The oracle below is written straight from ENGINE.md (float sort key R + 0.5,
dicts by id, no indexes) so that it shares no code or idea with the engine.
"""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server_stub.engine.serial import Simulation, simulate

SETTINGS = settings(max_examples=150, deadline=None)


def naive_simulate(inst: dict[str, Any]) -> dict[str, Any]:
    """ENGINE.md read literally: sort, then each student in turn takes his first free wish."""
    cells = {c["id"]: c for c in inst["cells"]}
    indexed = list(enumerate(inst["students"]))

    def key(item: tuple[int, dict[str, Any]]) -> tuple[float, int, int]:
        i, s = item
        d = s.get("demoted_behind")
        return (d + 0.5 if d is not None else s["rank"], s["rank"], i)

    order = [s for _, s in sorted(indexed, key=key)]
    taken = dict.fromkeys(cells, 0)
    holders: dict[str, list[dict[str, Any]]] = {c: [] for c in cells}
    students = {}
    for passing, s in enumerate(order, start=1):
        wishes = s.get("wishes", [])
        statuses = []
        for w in wishes:
            cap = cells[w]["capacity"]
            reserved = cells[w].get("reserved_for")
            statuses.append({
                "cell": w, "taken_before": taken[w], "capacity": cap,
                "exhausted": taken[w] >= cap,
                "eligible": reserved is None or reserved == s.get("des"),
            })
        cell = state = sat = None
        if s.get("assigned") is not None:
            cell, state = s["assigned"], "assigned"
            sat = wishes.index(cell) if cell in wishes else None
        else:
            for j, w in enumerate(statuses):
                if w["eligible"] and (s.get("supernumerary") or not w["exhausted"]):
                    cell, state, sat = w["cell"], "simulated", j
                    break
        if cell is not None:
            if not s.get("supernumerary"):
                taken[cell] += 1
            holders[cell].append({"student": s["id"], "rank": s["rank"], "wish": sat,
                                  "state": state})
        students[s["id"]] = {"passing": passing, "assigned": cell, "state": state,
                             "satisfied_wish": sat, "wishes": statuses}
    return {
        "order": [s["id"] for s in order],
        "students": students,
        "cells": {
            c: {"capacity": cells[c]["capacity"], "remaining": cells[c]["capacity"] - taken[c],
                "first_rank": holders[c][0]["rank"] if holders[c] else None,
                "last_rank": holders[c][-1]["rank"] if holders[c] else None,
                "holders": holders[c]}
            for c in cells
        },
    }


# ------------------------------------------------------------------ strategies
DES = [None, "A", "B"]


@st.composite
def instances(draw: st.DrawFn, assigned: bool = True, max_students: int = 12) -> dict[str, Any]:
    n_cells = draw(st.integers(1, 6))
    cells = [
        {"id": f"C{c}", "capacity": draw(st.integers(0, 3)),
         "reserved_for": draw(st.sampled_from([None, None, None, "A", "B"]))}
        for c in range(n_cells)
    ]
    n = draw(st.integers(0, max_students))
    ranks = draw(st.permutations(range(1, n + 1))) if n else []
    if n and draw(st.booleans()):  # ex aequo ranks now and then
        ranks = [draw(st.integers(1, max(1, n // 2))) for _ in range(n)]
    students = []
    ids = [c["id"] for c in cells]
    for i in range(n):
        wishes = draw(st.lists(st.sampled_from(ids), unique=True, max_size=n_cells))
        demoted = None
        if draw(st.integers(0, 5)) == 0:
            demoted = ranks[i] + draw(st.integers(1, n + 1))
        students.append({
            "id": f"S{i}", "rank": ranks[i], "demoted_behind": demoted,
            "assigned": draw(st.sampled_from(ids)) if assigned and draw(st.integers(0, 7)) == 0
            else None,
            "supernumerary": draw(st.integers(0, 8)) == 0,
            "des": draw(st.sampled_from(DES)),
            "wishes": wishes,
        })
    return {"cells": cells, "students": students}


def assignments(result: dict[str, Any]) -> dict[str, str | None]:
    return {sid: s["assigned"] for sid, s in result["students"].items()}


# --------------------------------------------------------------------- oracle
@SETTINGS
@given(instances())
def test_simulate_equals_spec_oracle(inst: dict[str, Any]) -> None:
    assert simulate(inst) == naive_simulate(inst)


@SETTINGS
@given(instances())
def test_simulation_result_equals_simulate(inst: dict[str, Any]) -> None:
    sim = Simulation(inst)
    full = simulate(inst)
    assert sim.result() == full
    for sid, status in full["students"].items():
        assert sim.student_status(sid) == status
        assert sim.passing_of(sid) == status["passing"]
    for cid, status in full["cells"].items():
        assert sim.cell_status(cid) == status
    assert sim.order() == full["order"]


@SETTINGS
@given(instances())
def test_each_student_takes_first_eligible_free_wish(inst: dict[str, Any]) -> None:
    res = simulate(inst)
    by_id = {s["id"]: s for s in inst["students"]}
    for sid, out in res["students"].items():
        s = by_id[sid]
        if s["assigned"] is not None:
            assert out["assigned"] == s["assigned"] and out["state"] == "assigned"
            continue
        free = [
            j for j, w in enumerate(out["wishes"])
            if w["eligible"] and (s["supernumerary"] or w["taken_before"] < w["capacity"])
        ]
        if free:
            assert out["satisfied_wish"] == free[0]
            assert out["assigned"] == s["wishes"][free[0]]
            assert out["state"] == "simulated"
        else:
            assert out["assigned"] is None and out["state"] is None
            assert out["satisfied_wish"] is None


@SETTINGS
@given(instances(assigned=False))
def test_capacities_never_exceeded(inst: dict[str, Any]) -> None:
    res = simulate(inst)
    sup = {s["id"] for s in inst["students"] if s["supernumerary"]}
    for cell in res["cells"].values():
        consuming = [h for h in cell["holders"] if h["student"] not in sup]
        assert len(consuming) <= cell["capacity"]
        assert cell["remaining"] == cell["capacity"] - len(consuming) >= 0
    # Freeze a prefix of the order as validated choices: still never exceeded.
    frozen = copy.deepcopy(inst)
    half = set(res["order"][: len(res["order"]) // 2])
    for s in frozen["students"]:
        if s["id"] in half:
            s["assigned"] = res["students"][s["id"]]["assigned"]
    again = simulate(frozen)
    assert assignments(again) == assignments(res)
    for cell in again["cells"].values():
        assert cell["remaining"] >= 0


@SETTINGS
@given(instances())
def test_passing_order_with_demotions(inst: dict[str, Any]) -> None:
    res = simulate(inst)
    by_id = {s["id"]: s for s in inst["students"]}
    for a, b in zip(res["order"], res["order"][1:], strict=False):
        sa, sb = by_id[a], by_id[b]
        ka = sa["demoted_behind"] + 0.5 if sa["demoted_behind"] else sa["rank"]
        kb = sb["demoted_behind"] + 0.5 if sb["demoted_behind"] else sb["rank"]
        assert (ka, sa["rank"]) <= (kb, sb["rank"])


# ---------------------------------------------------------------- incremental
def _apply(sim: Simulation, inst: dict[str, Any], op: tuple[Any, ...]) -> set[str]:
    kind, sid, value = op
    student = next(s for s in inst["students"] if s["id"] == sid)
    if kind == "wishes":
        student["wishes"] = list(value)
        return sim.set_wishes(sid, value)
    if kind == "assigned":
        student["assigned"] = value
        return sim.set_assigned(sid, value)
    if kind == "supernumerary":
        student["supernumerary"] = value
        return sim.set_supernumerary(sid, value)
    behind = None if value is None else student["rank"] + value
    student["demoted_behind"] = behind
    return sim.set_demoted(sid, behind)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    inst = draw(instances())
    ids = [c["id"] for c in inst["cells"]]
    sids = [s["id"] for s in inst["students"]]
    ops: list[tuple[Any, ...]] = []
    if not sids:
        return inst, ops
    for _ in range(draw(st.integers(1, 8))):
        sid = draw(st.sampled_from(sids))
        kind = draw(st.sampled_from(
            ["wishes", "wishes", "wishes", "assigned", "demoted", "supernumerary"]))
        if kind == "wishes":
            value: Any = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
        elif kind == "assigned":
            value = draw(st.one_of(st.none(), st.sampled_from(ids)))
        elif kind == "supernumerary":
            value = draw(st.booleans())
        else:
            value = draw(st.one_of(st.none(), st.integers(1, len(sids) + 1)))
        ops.append((kind, sid, value))
    return inst, ops


@settings(max_examples=250, deadline=None)
@given(scenarios())
def test_incremental_equals_full_after_any_changes(
    scenario: tuple[dict[str, Any], list[tuple[Any, ...]]],
) -> None:
    inst, ops = scenario
    inst = copy.deepcopy(inst)
    sim = Simulation(inst)
    before = simulate(inst)
    for op in ops:
        changed = _apply(sim, inst, op)
        after = simulate(inst)
        assert sim.result() == after
        expected = {sid for sid, cell in assignments(after).items()
                    if cell != assignments(before)[sid]}
        assert changed == expected
        sid = op[1]
        assert sim.student_status(sid) == after["students"][sid]
        for cid, cell in after["cells"].items():
            assert sim.cell_status(cid) == cell
        before = after


def _chain_instance(n: int) -> dict[str, Any]:
    """n students who all want cell A (1 place) then their own private cell."""
    cells = [{"id": "A", "capacity": 1}] + [{"id": f"P{i}", "capacity": 1} for i in range(n)]
    students = [{"id": f"S{i}", "rank": i + 1, "wishes": ["A", f"P{i}"]} for i in range(n)]
    return {"cells": cells, "students": students}


def test_change_reaches_only_the_students_it_affects() -> None:
    sim = Simulation(_chain_instance(50))
    assert sim.student_status("S0")["assigned"] == "A"
    # S0 gives A up: S1 takes it and leaves P1; nobody else moves.
    assert sim.set_wishes("S0", ["P0"]) == {"S0", "S1"}
    assert sim.student_status("S1")["assigned"] == "A"
    assert sim.student_status("S2")["wishes"][0]["taken_before"] == 1
    assert sim.set_wishes("S0", ["A", "P0"]) == {"S0", "S1"}
    # A later student's change never reaches earlier ones.
    assert sim.set_wishes("S30", ["P30"]) == set()
    assert sim.result() == simulate(
        {**_chain_instance(50), "students": [
            {**s, "wishes": ["P30"]} if s["id"] == "S30" else s
            for s in _chain_instance(50)["students"]
        ]}
    )


def test_assigned_student_holds_his_cell_and_reports_wish_index() -> None:
    inst = {
        "cells": [{"id": "A", "capacity": 1}, {"id": "B", "capacity": 2}],
        "students": [
            {"id": "S1", "rank": 1, "wishes": ["A"]},
            {"id": "S2", "rank": 2, "assigned": "B", "wishes": ["A", "B"]},
            {"id": "S3", "rank": 3, "assigned": "A", "wishes": []},
        ],
    }
    res = simulate(inst)
    assert res["students"]["S2"]["state"] == "assigned"
    assert res["students"]["S2"]["satisfied_wish"] == 1
    assert res["students"]["S3"]["satisfied_wish"] is None
    assert res["cells"]["A"]["holders"][1] == {
        "student": "S3", "rank": 3, "wish": None, "state": "assigned"}
    assert res["students"]["S2"]["wishes"][0] == {
        "cell": "A", "taken_before": 1, "capacity": 1, "exhausted": True, "eligible": True}


def test_reserved_and_supernumerary() -> None:
    inst = {
        "cells": [{"id": "R", "capacity": 1, "reserved_for": "DES-X"},
                  {"id": "F", "capacity": 1}],
        "students": [
            {"id": "S1", "rank": 1, "des": "DES-Y", "wishes": ["R", "F"]},
            {"id": "S2", "rank": 2, "des": "DES-X", "wishes": ["R"]},
            {"id": "S3", "rank": 3, "supernumerary": True, "wishes": ["F"]},
            {"id": "S4", "rank": 4, "wishes": ["F"]},
        ],
    }
    res = simulate(inst)
    assert assignments(res) == {"S1": "F", "S2": "R", "S3": "F", "S4": None}
    assert res["students"]["S1"]["wishes"][0]["eligible"] is False
    assert res["cells"]["F"]["remaining"] == 0
    assert res["students"]["S3"]["wishes"][0]["exhausted"] is True  # full, takes it anyway
    assert [h["student"] for h in res["cells"]["F"]["holders"]] == ["S1", "S3"]
    # S1 turns supernumerary: he keeps F without using its place, which S4 gets.
    sim = Simulation(inst)
    assert sim.set_supernumerary("S1", True) == {"S4"}
    assert sim.cell_status("F")["remaining"] == 0
    assert [h["student"] for h in sim.cell_status("F")["holders"]] == ["S1", "S3", "S4"]
    assert sim.set_supernumerary("S1", True) == set()


def test_demoted_student_passes_right_after_rank() -> None:
    inst = {"cells": [{"id": "A", "capacity": 5}], "students": [
        {"id": f"S{r}", "rank": r, "wishes": ["A"]} for r in range(1, 6)]}
    inst["students"][0]["demoted_behind"] = 3
    res = simulate(inst)
    assert res["order"] == ["S2", "S3", "S1", "S4", "S5"]
    assert res["students"]["S1"]["passing"] == 3
    assert res["cells"]["A"]["first_rank"] == 2 and res["cells"]["A"]["last_rank"] == 5
    sim = Simulation(inst)
    assert sim.set_demoted("S1", None) == set()
    assert sim.order() == ["S1", "S2", "S3", "S4", "S5"]


def test_remaining_at() -> None:
    inst = {"cells": [{"id": "A", "capacity": 2}, {"id": "B", "capacity": 1}], "students": [
        {"id": "S1", "rank": 1, "wishes": ["A"]},
        {"id": "S2", "rank": 2, "wishes": ["B"]},
        {"id": "S3", "rank": 3, "wishes": ["A"]},
    ]}
    sim = Simulation(inst)
    assert sim.remaining_at(1) == {"A": 2, "B": 1}
    assert sim.remaining_at(3) == {"A": 1, "B": 0}
    assert sim.remaining_at(4) == {"A": 0, "B": 0}
    with pytest.raises(ValueError, match="passing"):
        sim.remaining_at(0)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda i: i["students"][0]["wishes"].append("X"),
         "unknown cell 'X' in wishes of student 'S1'"),
        (lambda i: i["students"][0]["wishes"].append("A"),
         "duplicate cell 'A' in wishes of student 'S1'"),
        (lambda i: i["students"].append(dict(i["students"][0])), "duplicate student 'S1'"),
        (lambda i: i["cells"].append({"id": "A", "capacity": 1}), "duplicate cell 'A'"),
        (lambda i: i["cells"][0].update(capacity=-1), "cell 'A': negative capacity -1"),
        (lambda i: i["cells"][0].update(capacity="3"), "cell 'A': 'capacity' must be an integer"),
        (lambda i: i["students"][0].update(rank=True), "student 'S1': 'rank' must be an integer"),
        (lambda i: i["students"][0].update(assigned="Z"),
         "unknown cell 'Z' assigned to student 'S1'"),
        (lambda i: i["students"][0].update(demoted_behind=1),
         "student 'S1': 'demoted_behind' 1 must be above his own rank 1"),
        (lambda i: i["students"][0].update(wishes="A"),
         "wishes of student 'S1' must be a list"),
        (lambda i: i["students"][0].update(wishes=[3]),
         "wishes of student 'S1' must hold cell ids"),
        (lambda i: i["students"][0].update(supernumerary="yes"),
         "student 'S1': 'supernumerary' must be true or false"),
        (lambda i: i.update(cells={}), "instance: 'cells' must be a list"),
        (lambda i: i["students"][0].update(id=7), "student #1: 'id' must be a string"),
    ],
)
def test_bad_input_names_the_culprit(mutate: Any, message: str) -> None:
    inst = {"cells": [{"id": "A", "capacity": 1}],
            "students": [{"id": "S1", "rank": 1, "wishes": ["A"]}], "extra": "ignored"}
    mutate(inst)
    with pytest.raises(ValueError) as info:
        simulate(inst)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_incremental_bad_input_leaves_state_untouched() -> None:
    inst = {"cells": [{"id": "A", "capacity": 1}],
            "students": [{"id": "S1", "rank": 1, "wishes": ["A"]}]}
    sim = Simulation(inst)
    with pytest.raises(ValueError, match="unknown cell 'B' in wishes of student 'S1'"):
        sim.set_wishes("S1", ["A", "B"])
    with pytest.raises(ValueError, match="unknown student 'S9'"):
        sim.set_wishes("S9", [])
    with pytest.raises(ValueError, match="unknown cell 'B' assigned to student 'S1'"):
        sim.set_assigned("S1", "B")
    with pytest.raises(ValueError, match="must be above his own rank"):
        sim.set_demoted("S1", 0)
    with pytest.raises(ValueError, match="'supernumerary' must be true or false"):
        sim.set_supernumerary("S1", 1)  # type: ignore[arg-type]
    assert sim.result() == simulate(inst)


def _random_instance(rng: random.Random, n_students: int, n_cells: int) -> dict[str, Any]:
    weights = [1 / (c + 1) for c in range(n_cells)]
    cells = [{"id": f"C{c}", "capacity": rng.randint(0, 4),
              "reserved_for": "X" if rng.random() < 0.05 else None} for c in range(n_cells)]
    students = []
    for r in range(1, n_students + 1):
        k = rng.randint(0, 12)
        wishes = list(dict.fromkeys(rng.choices([c["id"] for c in cells], weights, k=k)))
        students.append({
            "id": f"S{r}", "rank": r, "wishes": wishes,
            "demoted_behind": r + rng.randint(1, 50) if rng.random() < 0.03 else None,
            "supernumerary": rng.random() < 0.03, "des": "X" if rng.random() < 0.1 else None,
            "assigned": None,
        })
    return {"cells": cells, "students": students}


def test_incremental_on_a_larger_instance() -> None:
    """A few hundred students, popular cells, a validated prefix, 150 mixed changes."""
    rng = random.Random(1234)
    inst = _random_instance(rng, 400, 60)
    first = simulate(inst)
    for sid in first["order"][:60]:  # the amphitheatre has started: these validated
        student = next(s for s in inst["students"] if s["id"] == sid)
        student["assigned"] = first["students"][sid]["assigned"]
    sim = Simulation(inst)
    before = simulate(inst)
    assert sim.result() == before
    ids = [c["id"] for c in inst["cells"]]
    sids = [s["id"] for s in inst["students"]]
    for step in range(150):
        sid = rng.choice(sids)
        roll = rng.random()
        if roll < 0.85:
            op: tuple[Any, ...] = ("wishes", sid, rng.sample(ids, rng.randint(0, 10)))
        elif roll < 0.93:
            op = ("assigned", sid, rng.choice([None, *ids]))
        elif roll < 0.96:
            op = ("supernumerary", sid, rng.random() < 0.5)
        else:
            op = ("demoted", sid, rng.choice([None, rng.randint(1, 100)]))
        changed = _apply(sim, inst, op)
        after = simulate(inst)
        assert changed == {s for s, c in assignments(after).items()
                           if c != assignments(before)[s]}, step
        assert sim.student_status(sid) == after["students"][sid]
        if step % 10 == 0:
            assert sim.result() == after
        before = after
    assert sim.result() == simulate(inst)


def test_work_follows_the_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """A change near the end of a long order recomputes a handful of students, not all."""
    rng = random.Random(5)
    inst = _random_instance(rng, 3000, 200)
    sim = Simulation(inst)
    calls = []
    original = Simulation._choose

    def counting(self: Simulation, s: int, q: int) -> tuple[int, int]:
        calls.append(s)
        return original(self, s, q)

    monkeypatch.setattr(Simulation, "_choose", counting)
    for sid in ("S2990", "S1500", "S10"):
        calls.clear()
        changed = sim.set_wishes(sid, ["C0", "C1", "C2"])
        assert len(calls) <= 3 * len(changed) + 3, (sid, len(calls), len(changed))
    monkeypatch.undo()
    assert sim.result() == simulate(
        {**inst, "students": [
            {**s, "wishes": ["C0", "C1", "C2"]} if s["id"] in ("S2990", "S1500", "S10") else s
            for s in inst["students"]]})
