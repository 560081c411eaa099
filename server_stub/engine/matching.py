"""Student-proposing deferred acceptance between applications and valid rankings.

ENGINE.md, "match": a post's ranking is checked first (nobody unclassified,
ranked share, local candidate first); invalid posts take no part, and a
student can only be matched to a post whose valid ranking lists him. The
result is the student-optimal stable matching, which is unique, so the order
in which students propose does not matter. An evicted student proposes again
at once, in a loop, never by recursion: there is no depth limit at any scale.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping
from itertools import compress
from operator import add, lt, ne, not_, or_
from typing import Any, NoReturn, cast

from ._validate import (
    MISSING,
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
    type_name,
)

__all__ = ["match", "VIOLATIONS"]

NOT_RANKED = 1 << 62  # above any place in a ranking

VIOLATIONS = ("unclassified", "ranked_share", "subdivision_first")


def _rules(top: Mapping[str, Any]) -> tuple[float, bool]:
    """The campaign rules; absent ones default to PROCEDURES.md (80 %, local first)."""
    rules = as_object(top.get("rules") or {}, "rules")
    share = rules.get("min_ranked_share", 0.8)
    if (
        isinstance(share, bool)
        or not isinstance(share, int | float)
        or not math.isfinite(share)
        or not 0 <= share <= 1
    ):
        fail(f"rules: 'min_ranked_share' must be a number from 0 to 1, got {type_name(share)}")
    return float(share), as_bool(rules, "subdivision_first", "rules", True)


def match(instance: Mapping[str, Any]) -> dict[str, Any]:
    """Check every ranking, then run deferred acceptance on the valid posts."""
    with gc_paused():
        return _match(instance)


def _column(items: list[Any], key: str, default: Any = MISSING) -> list[Any]:
    """``[item[key] for item in items]``, raising TypeError/KeyError on any oddity."""
    if default is MISSING:
        return [item[key] for item in items]
    return [item.get(key, default) for item in items]


def _match(instance: Mapping[str, Any]) -> dict[str, Any]:
    # Bulk C-level passes (comprehensions, map, set operations) on the happy path;
    # the item-by-item checks of _slow_* only run to name a culprit. Students are
    # handled by their id strings (a ranking that only names candidates only names
    # known students, so rankings need no conversion), posts by list index.
    top = as_object(instance, "instance")
    min_share, local_first = _rules(top)
    raw_posts = as_list(top, "posts", "instance")
    raw_students = as_list(top, "students", "instance")

    try:
        post_ids = _column(raw_posts, "id")
        capacity = _column(raw_posts, "capacity")
        post_sub = _column(raw_posts, "subdivision", None)
        rankings = _column(raw_posts, "ranking", [])
        rejecteds = _column(raw_posts, "rejected", [])
        if (
            not set(map(type, post_ids)) <= {str}
            or not set(map(type, capacity)) <= {int}
            or not set(map(type, post_sub)) <= {str, type(None)}
            or not set(map(type, rankings)) <= {list}
            or not set(map(type, rejecteds)) <= {list}
            or min(capacity, default=0) < 0
        ):
            raise TypeError
    except (TypeError, KeyError, AttributeError):
        _slow_posts(raw_posts)
    post_index = dict(zip(post_ids, range(len(post_ids)), strict=True))
    if len(post_index) != len(post_ids):
        _slow_posts(raw_posts)

    try:
        student_ids = _column(raw_students, "id")
        student_sub = _column(raw_students, "subdivision", None)
        raw_wishes = _column(raw_students, "wishes", [])
        if (
            not set(map(type, student_ids)) <= {str}
            or not set(map(type, student_sub)) <= {str, type(None)}
            or not set(map(type, raw_wishes)) <= {list}
        ):
            raise TypeError
        sub_of = dict(zip(student_ids, student_sub, strict=True))
        if len(sub_of) != len(student_ids):
            raise TypeError
        # A post wished twice by one student shows up below as a repeated candidate.
        wishes = [list(map(post_index.__getitem__, ws)) for ws in raw_wishes]
    except (TypeError, KeyError, AttributeError):
        _slow_students(raw_students, post_index)

    # Candidates are gathered straight into sets: a post wished twice by one student
    # shows up as a shortfall in the sets' total size.
    candidates: list[set[str]] = [set() for _ in post_ids]
    for sid, ws in zip(student_ids, wishes, strict=True):
        for p in ws:
            candidates[p].add(sid)
    n_cand = list(map(len, candidates))
    if sum(n_cand) != sum(map(len, wishes)):
        _slow_students(raw_students, post_index)

    # Rankings, checked for every post at once with C-level passes (map, set
    # methods); a post-by-post loop only runs to name the culprit of a failure.
    n_ranked = list(map(len, rankings))
    try:
        rank_of = list(map(dict, map(zip, rankings, map(range, n_ranked))))
        with_rejections = list(compress(range(len(post_ids)), rejecteds))
        ok = (
            n_ranked == list(map(len, rank_of))
            and all(map(set.issuperset, candidates, rankings))
            and all(map(set.issuperset, candidates, rejecteds))
            and all(
                len(set(rejecteds[p])) == len(rejecteds[p])
                and rank_of[p].keys().isdisjoint(rejecteds[p])
                for p in with_rejections
            )
        )
    except TypeError:  # an unhashable entry
        ok = False
    if not ok:
        _first_bad_ranking(post_ids, rankings, rejecteds, candidates, sub_of)

    unclassified = list(map(lt, map(add, n_ranked, map(len, rejecteds)), n_cand))
    short = [n > 0 and r / n < min_share for r, n in zip(n_ranked, n_cand, strict=True)]
    not_local_first = [False] * len(post_ids)
    if local_first:
        first_sub = [sub_of[r[0]] if r else None for r in rankings]
        for p in compress(range(len(post_ids)), map(ne, first_sub, post_sub)):
            sub = post_sub[p]
            if sub is not None and sub in map(sub_of.__getitem__, candidates[p]):
                not_local_first[p] = True
    posts: dict[str, dict[str, Any]] = {
        pid: {"valid": True, "violations": [], "assigned": []} for pid in post_ids
    }
    for p in compress(range(len(post_ids)), map(or_, map(or_, unclassified, short),
                                                not_local_first)):
        broken = [name for name, flag in zip(
            VIOLATIONS, (unclassified[p], short[p], not_local_first[p]), strict=True) if flag]
        posts[post_ids[p]] = {"valid": False, "violations": broken, "assigned": []}
        rank_of[p] = {}
    for p in compress(range(len(post_ids)), map(not_, capacity)):
        rank_of[p] = {}  # takes nobody

    # Deferred acceptance. ``bar[p]`` is the rank a proposal to p must beat: the
    # worst holder's once p is full, "anything ranked" (NOT_RANKED) before. A post
    # that did not rank the student, or takes nobody, never passes the test. Posts
    # of one place keep their holder in ``one``; larger ones a max-heap of
    # (-rank, student). An evicted student proposes again at once: the chain is
    # followed in a loop, never by recursion.
    n_posts = len(post_ids)
    bar = [NOT_RANKED] * n_posts
    one = [-1] * n_posts
    heaps: list[list[tuple[int, int]]] = [[] for _ in post_ids]
    # One iterator per student remembers where his next proposal goes.
    nxt = list(map(iter, wishes))
    heappush = heapq.heappush
    heapreplace = heapq.heapreplace
    for s in range(len(student_ids)):  # any proposal order gives the same matching
        while s >= 0:
            sid = student_ids[s]
            evicted = -1
            for p in nxt[s]:
                r = rank_of[p].get(sid, NOT_RANKED)
                if r < bar[p]:
                    cap = capacity[p]
                    if cap == 1:
                        evicted = one[p]
                        one[p] = s
                        bar[p] = r
                        break
                    h = heaps[p]
                    if len(h) < cap:
                        heappush(h, (-r, s))
                    else:
                        evicted = heapreplace(h, (-r, s))[1]
                    if len(h) == cap:
                        bar[p] = -h[0][0]
                    break
            s = evicted

    assignments: dict[str, str | None] = dict.fromkeys(student_ids)
    for p, s in enumerate(one):
        if s >= 0:
            pid = post_ids[p]
            sid = student_ids[s]
            assignments[sid] = pid
            posts[pid]["assigned"].append(sid)
    for p, h in enumerate(heaps):
        if h:
            pid = post_ids[p]
            h.sort(reverse=True)
            mine = [student_ids[s] for _, s in h]
            for sid in mine:
                assignments[sid] = pid
            posts[pid]["assigned"] = mine
    return {"assignments": assignments, "posts": posts}


def _slow_posts(raw_posts: list[Any]) -> NoReturn:
    """Check posts one by one to name the culprit (the bulk checks failed)."""
    seen: set[str] = set()
    for i, raw in enumerate(raw_posts):
        post = as_object(raw, f"post #{i + 1}")
        pid = as_id(post, "post", i)
        if pid in seen:
            fail(f"duplicate post {show(pid)}")
        seen.add(pid)
        what = f"post {show(pid)}"
        as_int(post, "capacity", what, minimum=0)
        as_opt_str(post, "subdivision", what)
        as_list(post, "ranking", what, [])
        as_list(post, "rejected", what, [])
    fail("posts: unexpected input")  # pragma: no cover - the checks above name the culprit


def _slow_students(raw_students: list[Any], post_index: Mapping[str, int]) -> NoReturn:
    """Check students one by one to name the culprit (the bulk checks failed)."""
    seen: set[str] = set()
    for i, raw in enumerate(raw_students):
        st = as_object(raw, f"student #{i + 1}")
        sid = as_id(st, "student", i)
        if sid in seen:
            fail(f"duplicate student {show(sid)}")
        seen.add(sid)
        as_opt_str(st, "subdivision", f"student {show(sid)}")
        _ids(st.get("wishes", []), post_index, "post", "wishes of student", sid)
    fail("students: unexpected input")  # pragma: no cover - the checks above name the culprit


def _first_bad_ranking(
    post_ids: list[str], rankings: list[Any], rejecteds: list[Any], candidates: list[set[str]],
    sub_of: Mapping[str, Any],
) -> NoReturn:
    """Find the first post whose ranking or rejections fail the bulk checks, and name it."""
    for p, cand in enumerate(candidates):
        ranking = rankings[p]
        rejected = rejecteds[p]
        try:
            ok = (
                len(set(ranking)) == len(ranking)
                and cand.issuperset(ranking)
                and cand.issuperset(rejected)
                and len(set(rejected)) == len(rejected)
                and set(ranking).isdisjoint(rejected)
            )
        except TypeError:  # an unhashable entry
            ok = False
        if not ok:
            _bad_ranking(post_ids[p], ranking, rejected, cand, sub_of)
    fail("rankings: unexpected input")  # pragma: no cover - one post above fails


def _ids(values: object, index: Mapping[str, int], kind: str, where: str, owner: str
         ) -> list[int]:
    return id_list(values, index, kind, lambda: f"{where} {show(owner)}")


def _bad_ranking(
    pid: str, ranking: object, rejected: object, cand: set[str], known: Mapping[str, Any]
) -> NoReturn:
    """Name what is wrong in a post's ranking or rejections (the fast checks failed)."""
    index = dict.fromkeys(known, 0)
    lists: list[tuple[str, list[str]]] = []
    for name, values in (("ranking", ranking), ("rejected", rejected)):
        id_list(values, index, "student", lambda name=name: f"{name} of post {show(pid)}")
        lists.append((name, cast(list[str], values)))
    cand_set = cand
    for name, values in lists:
        for s in values:
            if s not in cand_set:
                fail(f"{name} of post {show(pid)} names {show(s)}, who did not apply")
    rejected_set = set(lists[1][1])
    for s in lists[0][1]:
        if s in rejected_set:
            fail(f"post {show(pid)} both ranks and rejects {show(s)}")
    fail(f"ranking of post {show(pid)}: unexpected input")  # pragma: no cover
