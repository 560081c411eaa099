"""Any damage to a valid instance gives a result or one ValueError line, never another error."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server_stub.engine.matching import match
from server_stub.engine.ranks import call_order
from server_stub.engine.serial import Simulation, simulate

SERIAL = {
    "cells": [{"id": "A", "capacity": 1, "reserved_for": None},
              {"id": "B", "capacity": 2, "reserved_for": "X"}],
    "students": [
        {"id": "S1", "rank": 1, "demoted_behind": None, "assigned": None,
         "supernumerary": False, "des": None, "wishes": ["A", "B"]},
        {"id": "S2", "rank": 2, "demoted_behind": 5, "assigned": "B",
         "supernumerary": True, "des": "X", "wishes": ["B"]},
    ],
}
MATCH = {
    "rules": {"min_ranked_share": 0.8, "subdivision_first": True},
    "posts": [{"id": "P1", "capacity": 1, "subdivision": "L", "ranking": ["S1"],
               "rejected": ["S2"]}],
    "students": [{"id": "S1", "subdivision": "L", "wishes": ["P1"]},
                 {"id": "S2", "subdivision": "M", "wishes": ["P1"]}],
}
RANKS = {
    "normal_seniority": {"2019": 2, "2020": 0},
    "students": [{"id": "A", "cohort": 2019, "seniority": 1, "local_rank": 3,
                  "local_cohort_size": 10}],
}

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=True)
    | st.sampled_from(["A", "B", "S1", "S2", "P1", "2019", "X", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                max_size=3),
    max_leaves=6,
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += paths(v, (*prefix, i))
    return out


def damaged(base: dict[str, Any], data: st.DataObject) -> Any:
    inst = copy.deepcopy(base)
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(paths(inst)))
        value = data.draw(JSON)
        if not where:
            return value
        node = inst
        for key in where[:-1]:
            node = node[key]
        if isinstance(node, list) and data.draw(st.booleans()):
            node.append(value)
        elif isinstance(node, dict) and data.draw(st.booleans()):
            node.pop(where[-1])
        else:
            node[where[-1]] = value
    return inst


@pytest.mark.parametrize(
    ("fn", "base"),
    [(simulate, SERIAL), (lambda i: Simulation(i).result(), SERIAL), (match, MATCH),
     (call_order, RANKS)],
    ids=["simulate", "Simulation", "match", "call_order"],
)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_damage_gives_a_result_or_one_line(
    fn: Callable[[Any], dict[str, Any]], base: dict[str, Any], data: st.DataObject
) -> None:
    inst = damaged(base, data)
    try:
        out = fn(inst)
    except ValueError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(out, dict)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_incremental_calls_refuse_bad_values_cleanly(data: st.DataObject) -> None:
    sim = Simulation(SERIAL)
    before = sim.result()
    call = data.draw(st.sampled_from(
        ["set_wishes", "set_assigned", "set_demoted", "set_supernumerary"]))
    sid = data.draw(st.sampled_from(["S1", "S2", "S9", 3]))
    value = data.draw(JSON)
    try:
        getattr(sim, call)(sid, value)
    except ValueError as exc:
        assert "\n" not in str(exc)
        assert sim.result() == before
