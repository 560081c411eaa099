"""Call order: the seed manuals' worked examples (DCI user guide, seeds 001 and 003)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server_stub.engine.ranks import call_order, display_rank, theoretical_cohort


def student(sid: str, cohort: int, seniority: int, rank: int, size: int) -> dict[str, Any]:
    return {"id": sid, "cohort": cohort, "seniority": seniority, "local_rank": rank,
            "local_cohort_size": size}


def test_cohort_table_a_to_d() -> None:
    """'Promotion théorique': cohort 2019 with 3 or 2 semesters -> 2019; with 1 or 0 -> 2020."""
    inst = {
        "normal_seniority": {"2018": 4, "2019": 2, "2020": 0},
        "students": [student("A", 2019, 3, 1, 4), student("B", 2019, 2, 2, 4),
                     student("C", 2019, 1, 3, 4), student("D", 2019, 0, 4, 4)],
    }
    res = call_order(inst)["students"]
    assert {k: v["theoretical_cohort"] for k, v in res.items()} == {
        "A": 2019, "B": 2019, "C": 2020, "D": 2020}
    assert call_order(inst)["order"] == ["A", "B", "C", "D"]


def test_claire_and_maxime() -> None:
    """Claire 80/100 (2015, a year off) and Maxime 108/120 (2016) in a theoretical 2016
    cohort of 150: 80/100 x 150 = 120 and 108/120 x 150 = 135."""
    others = [student(f"X{i}", 2016, 4, i + 1, 120) for i in range(148)]
    inst = {
        "normal_seniority": {"2015": 6, "2016": 4},
        "students": [student("Claire", 2015, 4, 80, 100), student("Maxime", 2016, 4, 108, 120),
                     *others],
    }
    res = call_order(inst)
    claire, maxime = res["students"]["Claire"], res["students"]["Maxime"]
    assert claire["theoretical_cohort"] == maxime["theoretical_cohort"] == 2016
    assert claire["cohort_size"] == 150
    assert claire["updated_rank"] == 120
    assert maxime["updated_rank"] == 135
    assert claire["call_rank"] < maxime["call_rank"]


def test_call_list_of_the_seed() -> None:
    """The 'liste d'appel' table of seed 001 (DES santé publique, amphitheatre 12)."""
    fill = [student("F1", 2019, 6, 8, 10), student("F2", 2019, 6, 9, 10),
            student("F3", 2019, 6, 10, 10), student("F4", 2019, 6, 500, 614),
            student("F5", 2019, 6, 600, 614), student("F6", 2019, 6, 614, 614)]
    inst = {
        "normal_seniority": {"2018": 6, "2019": 4},
        "students": [
            student("Monluc", 2019, 6, 7, 10),
            student("Guilhot-Breedon", 2019, 6, 466, 614),
            student("Gellie", 2018, 7, 4, 12),
            student("Mir", 2019, 6, 6, 10),
            student("Berenger", 2019, 6, 5, 10),
            *fill,
        ],
    }
    res = call_order(inst)
    assert res["order"][:5] == ["Gellie", "Berenger", "Mir", "Monluc", "Guilhot-Breedon"]
    shown = [(res["students"][s]["cohort_size"], display_rank(res["students"][s]["updated_rank"]))
             for s in res["order"][:5]]
    assert shown == [(1, "0.33"), (10, "5.00"), (10, "6.00"), (10, "7.00"), (10, "7.58")]
    assert [res["students"][s]["call_rank"] for s in res["order"]] == list(range(1, 12))


def test_display_truncates() -> None:
    assert display_rank(466 / 614 * 10) == "7.58"  # 7.589..., truncated, not rounded
    assert display_rank(4 / 12 * 1) == "0.33"
    assert display_rank(0.29) == "0.29"
    assert display_rank(120) == "120.00"


def test_ties_fall_through_to_cohort_local_rank_and_id() -> None:
    inst = {
        "normal_seniority": {"2019": 2, "2020": 0},
        "students": [
            student("late", 2019, 0, 2, 4),   # theoretical 2020, 2/4 x 4 = 2
            student("b", 2020, 0, 1, 2),      # 1/2 x 4 = 2, newer own cohort
            student("a", 2020, 0, 1, 2),      # same as b: by id
            student("first", 2020, 0, 1, 4),  # 1
        ],
    }
    assert call_order(inst)["order"] == ["first", "late", "a", "b"]


def test_theoretical_cohort_edges() -> None:
    normal = {2018: 4, 2019: 2, 2020: 0}
    assert theoretical_cohort(normal, 2017, 9) == 2018  # the oldest listed, not older than his
    assert theoretical_cohort(normal, 2021, 0) == 2020  # none qualifies: the newest listed
    assert theoretical_cohort({2019: 2}, 2019, 0) == 2019


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(2016, 2021), st.integers(0, 10), st.integers(1, 50),
                          st.integers(0, 50)), max_size=25))
def test_order_is_sorted_by_the_rule(rows: list[tuple[int, int, int, int]]) -> None:
    students = [student(f"S{i}", c, sen, r, r + extra) for i, (c, sen, r, extra)
                in enumerate(rows)]
    inst = {"normal_seniority": {"2017": 6, "2018": 4, "2019": 2, "2020": 0},
            "students": students}
    res = call_order(inst)
    by_id = {s["id"]: s for s in students}
    keys = [
        (res["students"][s]["theoretical_cohort"],
         by_id[s]["local_rank"] * res["students"][s]["cohort_size"]
         / by_id[s]["local_cohort_size"], by_id[s]["cohort"], by_id[s]["local_rank"], s)
        for s in res["order"]
    ]
    assert keys == sorted(keys)
    sizes: dict[int, int] = {}
    for s in res["students"].values():
        sizes[s["theoretical_cohort"]] = sizes.get(s["theoretical_cohort"], 0) + 1
    assert all(s["cohort_size"] == sizes[s["theoretical_cohort"]]
               for s in res["students"].values())


@pytest.mark.parametrize(
    ("instance", "message"),
    [
        ({"normal_seniority": {"2019": 2}, "students": [student("A", 2019, 1, 1, 0)]},
         "student 'A': 'local_cohort_size' must be at least 1, got 0"),
        ({"normal_seniority": {"2019": 2},
          "students": [student("A", 2019, 1, 1, 2), student("A", 2019, 1, 2, 2)]},
         "duplicate student 'A'"),
        ({"normal_seniority": {"x": 2}, "students": []},
         "normal_seniority: cohort 'x' is not a year"),
        ({"normal_seniority": {}, "students": [student("A", 2019, 1, 1, 2)]},
         "normal_seniority lists no cohort"),
        ({"normal_seniority": {"2019": 2}, "students": [{**student("A", 2019, 1, 1, 2),
                                                           "seniority": "3"}]},
         "student 'A': 'seniority' must be an integer"),
    ],
)
def test_bad_input_names_the_culprit(instance: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as info:
        call_order(instance)
    assert message in str(info.value)
