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
from collections.abc import Mapping, Sequence
from itertools import accumulate, chain, compress, repeat
from operator import add, ne, not_, or_
from typing import Any, NoReturn, TypedDict, cast

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

__all__ = ["MatchResult", "PostOutcome", "match", "VIOLATIONS"]

REJECTED = 1 << 61  # above any place in a ranking
NOT_RANKED = 1 << 62  # a candidate neither ranked nor rejected

VIOLATIONS = ("unclassified", "ranked_share", "subdivision_first")


class PostOutcome(TypedDict):
    """One post in the result of :func:`match`."""

    valid: bool
    violations: list[str]  # names from VIOLATIONS, in that order; [] when valid
    assigned: list[str]  # student ids, best ranked first; [] when invalid


class MatchResult(TypedDict):
    """The result of :func:`match` (ENGINE.md, "match")."""

    assignments: dict[str, str | None]  # student id -> post id, None when unmatched
    posts: dict[str, PostOutcome]


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


def match(instance: Mapping[str, Any]) -> MatchResult:
    """Check every ranking, then run deferred acceptance on the valid posts."""
    with gc_paused():
        return _match(instance)


def _column(items: list[Any], key: str, default: object = MISSING) -> list[Any]:
    """``[item[key] for item in items]``, raising TypeError/KeyError on any oddity."""
    if default is MISSING:
        return [item[key] for item in items]
    return [item.get(key, default) for item in items]


def _match(instance: Mapping[str, Any]) -> MatchResult:
    # Bulk C-level passes (comprehensions, map, list and dict methods) on the happy
    # path; the item-by-item checks of _slow_* only run to name a culprit. Students
    # are handled by their id strings (a ranking that only names candidates only
    # names known students, so rankings need no conversion), posts by list index.
    # Applications live in one flat table (post, student, place in the post's
    # ranking) rather than in one set per post: at 6,000 posts the per-post
    # overhead was most of the time, and deferred acceptance then reads places
    # from a list instead of looking them up.
    top = as_object(instance, "instance")
    min_share, local_first = _rules(top)
    raw_posts = as_list(top, "posts", "instance")
    raw_students = as_list(top, "students", "instance")

    # The columns have the types that the checks below make sure of; the ids in
    # rankings, rejections and wishes are only known to be strings once they are
    # found among the students' and posts' (a KeyError or TypeError otherwise).
    try:
        post_ids: list[str] = _column(raw_posts, "id")
        capacity: list[int] = _column(raw_posts, "capacity")
        post_sub: list[str | None] = _column(raw_posts, "subdivision", None)
        rankings: list[list[str]] = _column(raw_posts, "ranking", [])
        rejecteds: list[list[str]] = _column(raw_posts, "rejected", [])
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
        student_ids: list[str] = _column(raw_students, "id")
        student_sub: list[str | None] = _column(raw_students, "subdivision", None)
        wishes: list[list[str]] = _column(raw_students, "wishes", [])
        if (
            not set(map(type, student_ids)) <= {str}
            or not set(map(type, student_sub)) <= {str, type(None)}
            or not set(map(type, wishes)) <= {list}
        ):
            raise TypeError
        sub_of = dict(zip(student_ids, student_sub, strict=True))
        if len(sub_of) != len(student_ids):
            raise TypeError
        # Every application in one flat table, student by student: its post's
        # index (an unknown post raises KeyError here) and its student's id. A
        # post wished twice by one student is found below, with the rankings.
        n_wishes = list(map(len, wishes))
        app_post = list(map(post_index.__getitem__, chain.from_iterable(wishes)))
    except (TypeError, KeyError, AttributeError):
        _slow_students(raw_students, post_index)
    app_student = list(chain.from_iterable(map(repeat, student_ids, n_wishes)))

    # Rankings: one dict per post from student to place, rejected students at
    # REJECTED; its size falls short if a ranking or the rejections repeat a
    # student or if they overlap, and an unknown student raises KeyError.
    n_ranked = list(map(len, rankings))
    n_rejected = list(map(len, rejecteds))
    n_classified = list(map(add, n_ranked, n_rejected))
    try:
        places = range(max(n_ranked, default=0))
        # Keyed by the students' own id objects, not by the rankings' copies (JSON
        # and the database give each its own string): the pops below then match
        # by identity instead of comparing with strings scattered through memory,
        # which cost more than looking each entry up here, in post order.
        canon = dict(zip(student_ids, student_ids, strict=True)).__getitem__
        rank_of = list(map(dict, map(zip, map(map, repeat(canon), rankings), repeat(places))))
        for p in compress(range(len(post_ids)), rejecteds):
            rank_of[p].update(dict.fromkeys(map(canon, rejecteds[p]), REJECTED))
        ok = list(map(len, rank_of)) == n_classified
    except (TypeError, KeyError):  # an unhashable entry, an unknown student
        ok = False
    # Each application's place in its post's ranking (REJECTED, or NOT_RANKED if
    # the post left it out), popped from the post's dict: each entry is found at
    # most once, so every ranked or rejected entry names a candidate exactly when
    # the classified applications are as many as the entries, and a post wished
    # twice by one student comes out NOT_RANKED the second time.
    app_rank: list[int] = []
    n_out = 0
    if ok:
        app_rank = list(map(dict.pop, map(rank_of.__getitem__, app_post), app_student,
                            repeat(NOT_RANKED)))
        n_out = app_rank.count(NOT_RANKED)
        ok = len(app_rank) - n_out == sum(n_classified)
    if not ok:
        if _repeats_a_wish(wishes):
            _slow_students(raw_students, post_index)
        _first_bad_ranking(post_ids, rankings, rejecteds,
                           _candidates(len(post_ids), app_student, app_post), sub_of)

    # Candidates neither ranked nor rejected, by post: usually none at all. A
    # student left out twice, or left out where he is classified, wished twice.
    left_out: dict[int, list[str]] = {}
    i = -1
    for _ in range(n_out):  # list.index finds them at C speed
        i = app_rank.index(NOT_RANKED, i + 1)
        left_out.setdefault(app_post[i], []).append(app_student[i])
    for p, out in left_out.items():
        if len(set(out)) != len(out) or not set(out).isdisjoint(
                chain(rankings[p], rejecteds[p])):
            _slow_students(raw_students, post_index)
    n_left = [0] * len(post_ids)
    for p, out in left_out.items():
        n_left[p] = len(out)
    n_cand = list(map(add, n_classified, n_left))
    short = [n > 0 and r / n < min_share for r, n in zip(n_ranked, n_cand, strict=True)]
    not_local_first = [False] * len(post_ids)
    if local_first:
        first_sub = [sub_of[r[0]] if r else None for r in rankings]
        for p in compress(range(len(post_ids)), map(ne, first_sub, post_sub)):
            sub = post_sub[p]
            if sub is not None and sub in map(sub_of.__getitem__, chain(
                    rankings[p], rejecteds[p], left_out.get(p, ()))):
                not_local_first[p] = True

    # Deferred acceptance. ``bar[p]`` is the place a proposal to p must beat: the
    # worst holder's once p is full, "anything ranked" (REJECTED) before, and -1
    # (nothing) for an invalid post or one that takes nobody. Posts of one place
    # keep their holder in ``one``; larger ones a max-heap of (-place, student).
    # An evicted student proposes again at once: the chain is followed in a loop,
    # never by recursion.
    n_posts = len(post_ids)
    bar = [REJECTED] * n_posts
    invalid = list(compress(range(n_posts), map(or_, map(or_, n_left, short),
                                                not_local_first)))
    for p in chain(invalid, compress(range(n_posts), map(not_, capacity))):
        bar[p] = -1
    one = [-1] * n_posts
    heaps: list[list[tuple[int, int]]] = [[] for _ in post_ids]
    # One iterator per student over his applications remembers where his next
    # proposal goes.
    ends = list(accumulate(n_wishes))
    nxt = list(map(iter, map(range, chain((0,), ends), ends)))
    heappush = heapq.heappush
    heapreplace = heapq.heapreplace
    for s in range(len(student_ids)):  # any proposal order gives the same matching
        while s >= 0:
            evicted = -1
            for i in nxt[s]:
                r = app_rank[i]
                p = app_post[i]
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

    # Results, each built in one pass.
    assigned: list[list[str]] = [[student_ids[s]] if s >= 0 else [] for s in one]
    for p in compress(range(n_posts), heaps):
        h = heaps[p]
        h.sort(reverse=True)
        assigned[p] = [student_ids[s] for _, s in h]
    posts: dict[str, PostOutcome] = {
        pid: {"valid": True, "violations": [], "assigned": mine}
        for pid, mine in zip(post_ids, assigned, strict=True)
    }
    for p in invalid:
        broken = [name for name, flag in zip(
            VIOLATIONS, (n_left[p], short[p], not_local_first[p]), strict=True) if flag]
        posts[post_ids[p]] = {"valid": False, "violations": broken, "assigned": []}
    assignments: dict[str, str | None] = dict.fromkeys(student_ids)
    for pid, mine in zip(post_ids, assigned, strict=True):
        for sid in mine:
            assignments[sid] = pid
    return {"assignments": assignments, "posts": posts}


def _repeats_a_wish(wishes: list[list[str]]) -> bool:
    """Whether a student wishes one post twice."""
    return sum(map(len, map(set, wishes))) != sum(map(len, wishes))


def _candidates(n_posts: int, app_student: list[str], app_post: list[int]) -> list[set[str]]:
    """Each post's candidates as a set (only to name the culprit of a bad ranking)."""
    candidates: list[set[str]] = [set() for _ in range(n_posts)]
    for p, sid in zip(app_post, app_student, strict=True):
        candidates[p].add(sid)
    return candidates


def _slow_posts(raw_posts: list[object]) -> NoReturn:
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


def _slow_students(raw_students: list[object], post_index: Mapping[str, int]) -> NoReturn:
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
    post_ids: list[str],
    rankings: Sequence[Sequence[object]],
    rejecteds: Sequence[Sequence[object]],
    candidates: list[set[str]],
    sub_of: Mapping[str, str | None],
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
    pid: str, ranking: object, rejected: object, cand: set[str], known: Mapping[str, str | None]
) -> NoReturn:
    """Name what is wrong in a post's ranking or rejections (the fast checks failed)."""
    index = dict.fromkeys(known, 0)
    lists: list[tuple[str, list[str]]] = []
    for name, values in (("ranking", ranking), ("rejected", rejected)):
        _ids(values, index, "student", f"{name} of post", pid)
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
