"""Matching: ranking validity, stability, student optimality (brute force), peer library."""

from __future__ import annotations

import itertools
import warnings
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server_stub.engine.matching import match

SUBS = ["LYON", "REIMS", None]


@st.composite
def instances(draw: st.DrawFn, max_students: int = 6, max_posts: int = 4) -> dict[str, Any]:
    n_posts = draw(st.integers(1, max_posts))
    n_students = draw(st.integers(0, max_students))
    pids = [f"P{p}" for p in range(n_posts)]
    students = [
        {"id": f"S{s}", "subdivision": draw(st.sampled_from(SUBS)),
         "wishes": draw(st.lists(st.sampled_from(pids), unique=True, max_size=n_posts))}
        for s in range(n_students)
    ]
    posts = []
    for pid in pids:
        cands = [s["id"] for s in students if pid in s["wishes"]]
        cands = draw(st.permutations(cands))
        fate = [draw(st.sampled_from("rrrrrrjx")) for _ in cands]  # ranked, rejected, left out
        posts.append({
            "id": pid, "capacity": draw(st.integers(0, 2)),
            "subdivision": draw(st.sampled_from(SUBS)),
            "ranking": [c for c, f in zip(cands, fate, strict=True) if f == "r"],
            "rejected": [c for c, f in zip(cands, fate, strict=True) if f == "j"],
        })
    rules = {"min_ranked_share": draw(st.sampled_from([0, 0.5, 0.8, 1])),
             "subdivision_first": draw(st.booleans())}
    return {"rules": rules, "posts": posts, "students": students}


def expected_violations(inst: dict[str, Any], post: dict[str, Any]) -> list[str]:
    """ENGINE.md's validity rules, written out independently."""
    sub = {s["id"]: s["subdivision"] for s in inst["students"]}
    cands = [s["id"] for s in inst["students"] if post["id"] in s["wishes"]]
    if not cands:
        return []
    out = []
    if any(c not in post["ranking"] and c not in post["rejected"] for c in cands):
        out.append("unclassified")
    if len(post["ranking"]) / len(cands) < inst["rules"]["min_ranked_share"]:
        out.append("ranked_share")
    local = post["subdivision"] is not None and any(
        sub[c] == post["subdivision"] for c in cands)
    if inst["rules"]["subdivision_first"] and local and (
            not post["ranking"] or sub[post["ranking"][0]] != post["subdivision"]):
        out.append("subdivision_first")
    return out


def acceptable(inst: dict[str, Any], res: dict[str, Any]) -> dict[str, list[str]]:
    """Per student, in his order, the posts that may take him: valid, ranking him, a place."""
    posts = {p["id"]: p for p in inst["posts"]}
    return {
        s["id"]: [p for p in s["wishes"] if res["posts"][p]["valid"]
                  and s["id"] in posts[p]["ranking"] and posts[p]["capacity"] > 0]
        for s in inst["students"]
    }


def blocking_pairs(inst: dict[str, Any], assignment: dict[str, str | None]) -> list[tuple]:
    posts = {p["id"]: p for p in inst["posts"]}
    res_valid = {p["id"]: not expected_violations(inst, p) for p in inst["posts"]}
    holders: dict[str, list[str]] = {p: [] for p in posts}
    for s, p in assignment.items():
        if p is not None:
            holders[p].append(s)
    pairs = []
    for s in inst["students"]:
        mine = assignment[s["id"]]
        for p in s["wishes"]:
            if p == mine:
                break  # only posts he prefers to his own
            post = posts[p]
            if not res_valid[p] or s["id"] not in post["ranking"] or post["capacity"] == 0:
                continue
            rank = post["ranking"].index
            if len(holders[p]) < post["capacity"] or any(
                    rank(s["id"]) < rank(h) for h in holders[p]):
                pairs.append((s["id"], p))
    return pairs


def all_stable(inst: dict[str, Any], acc: dict[str, list[str]]) -> list[dict[str, str | None]]:
    """Every stable matching, by brute force over all feasible assignments."""
    posts = {p["id"]: p for p in inst["posts"]}
    sids = list(acc)
    out = []
    for combo in itertools.product(*[[None, *acc[s]] for s in sids]):
        load: dict[str, int] = {}
        for p in combo:
            if p is not None:
                load[p] = load.get(p, 0) + 1
        if any(n > posts[p]["capacity"] for p, n in load.items()):
            continue
        assignment = dict(zip(sids, combo, strict=True))
        if not blocking_pairs(inst, assignment):
            out.append(assignment)
    return out


@settings(max_examples=200, deadline=None)
@given(instances())
def test_validity_rules(inst: dict[str, Any]) -> None:
    res = match(inst)
    for post in inst["posts"]:
        out = res["posts"][post["id"]]
        assert out["violations"] == expected_violations(inst, post)
        assert out["valid"] is (not out["violations"])
        if not out["valid"]:
            assert out["assigned"] == []  # invalid rankings take no part


@settings(max_examples=200, deadline=None)
@given(instances())
def test_feasible_and_stable(inst: dict[str, Any]) -> None:
    res = match(inst)
    posts = {p["id"]: p for p in inst["posts"]}
    acc = acceptable(inst, res)
    assert set(res["assignments"]) == {s["id"] for s in inst["students"]}
    for sid, p in res["assignments"].items():
        if p is not None:
            assert p in acc[sid]  # only a valid post whose ranking lists him
            assert sid in res["posts"][p]["assigned"]
    for pid, out in res["posts"].items():
        assert len(out["assigned"]) <= posts[pid]["capacity"]
        ranking = posts[pid]["ranking"]
        assert out["assigned"] == sorted(out["assigned"], key=ranking.index)
        assert all(res["assignments"][s] == pid for s in out["assigned"])
    assert blocking_pairs(inst, res["assignments"]) == []


@settings(max_examples=150, deadline=None)
@given(instances(max_students=5, max_posts=3))
def test_student_optimal_by_brute_force(inst: dict[str, Any]) -> None:
    res = match(inst)
    acc = acceptable(inst, res)
    stable = all_stable(inst, acc)
    assert res["assignments"] in stable
    for other in stable:
        for sid, prefs in acc.items():
            mine, theirs = res["assignments"][sid], other[sid]
            pos = {p: i for i, p in enumerate(prefs)}
            assert pos.get(mine, len(prefs)) <= pos.get(theirs, len(prefs))


@settings(max_examples=120, deadline=None)
@given(instances(max_students=8, max_posts=5))
def test_same_as_peer_library(inst: dict[str, Any]) -> None:
    """The `matching` library (HospitalResident, resident-optimal) on the acceptable pairs."""
    lib = pytest.importorskip("matching.games")
    res = match(inst)
    acc = acceptable(inst, res)
    posts = {p["id"]: p for p in inst["posts"]}
    residents = {s: prefs for s, prefs in acc.items() if prefs}
    used = {p for prefs in residents.values() for p in prefs}
    hospitals = {p: [s for s in posts[p]["ranking"] if p in residents.get(s, [])] for p in used}
    theirs: dict[str, str | None] = dict.fromkeys(res["assignments"])
    if residents:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            game = lib.HospitalResident.create_from_dictionaries(
                residents, hospitals, {p: posts[p]["capacity"] for p in used})
            for hospital, matched in game.solve(optimal="resident").items():
                for resident in matched:
                    theirs[resident.name] = hospital.name
    assert res["assignments"] == theirs


def test_worked_example() -> None:
    inst = {
        "rules": {"min_ranked_share": 0.8, "subdivision_first": True},
        "posts": [
            {"id": "P1", "capacity": 2, "subdivision": "LYON", "ranking": ["S3", "S1"],
             "rejected": []},
            {"id": "P2", "capacity": 1, "subdivision": "LYON", "ranking": ["S2", "S1"]},
            {"id": "P3", "capacity": 1, "subdivision": "REIMS", "ranking": ["S4", "S2"]},
        ],
        "students": [
            {"id": "S1", "subdivision": "LYON", "wishes": ["P1", "P2"]},
            {"id": "S2", "subdivision": "LYON", "wishes": ["P3", "P2"]},
            {"id": "S3", "subdivision": "LYON", "wishes": ["P1"]},
            {"id": "S4", "subdivision": "REIMS", "wishes": ["P3"]},
        ],
    }
    res = match(inst)
    assert res["assignments"] == {"S1": "P1", "S2": "P2", "S3": "P1", "S4": "P3"}
    assert res["posts"]["P1"] == {"valid": True, "violations": [], "assigned": ["S3", "S1"]}
    # P2's first is local, P3 ranks its local candidate first: both valid.
    assert res["posts"]["P3"]["assigned"] == ["S4"]


def test_invalid_rankings_and_rules() -> None:
    students = [{"id": f"S{i}", "subdivision": "LYON" if i == 0 else "NICE", "wishes": ["P"]}
                for i in range(5)]
    base = {"id": "P", "capacity": 5, "subdivision": "LYON"}

    def run(ranking: list[str], rejected: list[str], **rules: Any) -> dict[str, Any]:
        post = {**base, "ranking": ranking, "rejected": rejected}
        return match({"rules": rules, "posts": [post], "students": students})["posts"]["P"]

    ok = run(["S0", "S1", "S2", "S3"], ["S4"])  # one rejection needs 5 candidates at 80 %
    assert ok["valid"] and ok["assigned"] == ["S0", "S1", "S2", "S3"]
    assert run(["S0", "S1", "S2"], ["S3", "S4"])["violations"] == ["ranked_share"]
    assert run(["S0", "S1", "S2", "S3"], [])["violations"] == ["unclassified"]
    assert run(["S1", "S0", "S2", "S3", "S4"], [])["violations"] == ["subdivision_first"]
    assert run(["S1", "S0", "S2", "S3", "S4"], [], subdivision_first=False)["valid"]
    assert run([], [])["violations"] == ["unclassified", "ranked_share", "subdivision_first"]
    assert run(["S0", "S1"], ["S2", "S3", "S4"], min_ranked_share=0.4)["valid"]
    # A post nobody applied to is valid and empty.
    lone = match({"posts": [{"id": "Q", "capacity": 1, "subdivision": "LYON"}],
                  "students": []})
    assert lone["posts"]["Q"] == {"valid": True, "violations": [], "assigned": []}


def test_capacity_and_preferences() -> None:
    """Deferred acceptance: S1 is displaced from P1 by S2 and falls back on P2."""
    inst = {
        "rules": {"min_ranked_share": 0, "subdivision_first": False},
        "posts": [
            {"id": "P1", "capacity": 1, "ranking": ["S2", "S1", "S3"]},
            {"id": "P2", "capacity": 1, "ranking": ["S1", "S3"]},
        ],
        "students": [
            {"id": "S1", "wishes": ["P1", "P2"]},
            {"id": "S2", "wishes": ["P1"]},
            {"id": "S3", "wishes": ["P1", "P2"]},
        ],
    }
    assert match(inst)["assignments"] == {"S1": "P2", "S2": "P1", "S3": None}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda i: i["posts"][0]["ranking"].append("S2"),
         "ranking of post 'P1' names 'S2', who did not apply"),
        (lambda i: i["posts"][0]["rejected"].append("S2"),
         "rejected of post 'P1' names 'S2', who did not apply"),
        (lambda i: i["posts"][0]["ranking"].append("S9"),
         "unknown student 'S9' in ranking of post 'P1'"),
        (lambda i: i["posts"][0]["ranking"].append("S1"),
         "duplicate student 'S1' in ranking of post 'P1'"),
        (lambda i: i["posts"][0]["rejected"].append("S1"),
         "post 'P1' both ranks and rejects 'S1'"),
        (lambda i: i["posts"][0]["ranking"].append(["S1"]),
         "ranking of post 'P1' must hold student ids (strings), got list"),
        (lambda i: i["students"][0]["wishes"].append("P7"),
         "unknown post 'P7' in wishes of student 'S1'"),
        (lambda i: i["students"][0]["wishes"].append("P1"),
         "duplicate post 'P1' in wishes of student 'S1'"),
        (lambda i: i["students"].append({"id": "S1", "wishes": []}), "duplicate student 'S1'"),
        (lambda i: i["posts"].append({"id": "P1", "capacity": 1}), "duplicate post 'P1'"),
        (lambda i: i["posts"][0].update(capacity=-2), "post 'P1': negative capacity -2"),
        (lambda i: i["posts"][0].update(capacity=1.5),
         "post 'P1': 'capacity' must be an integer, got number 1.5"),
        (lambda i: i["posts"][0].update(ranking="S1"), "post 'P1': 'ranking' must be a list"),
        (lambda i: i.update(rules={"min_ranked_share": 2}),
         "rules: 'min_ranked_share' must be a number from 0 to 1"),
        (lambda i: i["students"][1].update(subdivision=3),
         "student 'S2': 'subdivision' must be a string or null"),
    ],
)
def test_bad_input_names_the_culprit(mutate: Any, message: str) -> None:
    inst = {
        "rules": {"min_ranked_share": 0.8, "subdivision_first": True},
        "posts": [{"id": "P1", "capacity": 1, "subdivision": "LYON", "ranking": ["S1"],
                   "rejected": [], "label": "ignored"}],
        "students": [{"id": "S1", "subdivision": "LYON", "wishes": ["P1"]},
                     {"id": "S2", "subdivision": "LYON", "wishes": []}],
    }
    mutate(inst)
    with pytest.raises(ValueError) as info:
        match(inst)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("ranking", "rejected"),
    [
        (["S1"], []),  # ranked where he wished twice
        ([], ["S1"]),  # rejected where he wished twice
        (["S2"], []),  # left out, twice
        (["S1", "S3"], []),  # and a ranking names someone who did not apply
    ],
)
def test_a_post_wished_twice_is_named_however_it_is_ranked(
    ranking: list[str], rejected: list[str]
) -> None:
    """Repeated wishes are found with the rankings, not before: every path names them."""
    inst = {
        "posts": [{"id": "P1", "capacity": 1, "ranking": ranking, "rejected": rejected},
                  {"id": "P2", "capacity": 1, "ranking": ["S3"]}],
        "students": [{"id": "S1", "wishes": ["P1", "P2", "P1"]},
                     {"id": "S2", "wishes": ["P1"]},
                     {"id": "S3", "wishes": ["P2"]}],
    }
    with pytest.raises(ValueError) as info:
        match(inst)
    assert "duplicate post 'P1' in wishes of student 'S1'" in str(info.value)
