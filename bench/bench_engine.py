"""Engine speed at national scale (`make bench`): figures are printed, never asserted.

Deterministic (fixed seeds), so two runs on the same machine compare. Measures:
- full `simulate` with every wish status, against a straightforward implementation;
- one wish change through `Simulation.set_wishes` (median, p99, median as a share
  of a full simulate), then checks the incremental state against a full simulate;
- `match` at 7,400 students x 6,000 posts x ~8 applications, then the peer
  library `matching` (bench extra) on the same instance: same result? speed ratio.

Run from the repository root: `.venv/bin/python bench/bench_engine.py` (each section
runs in its own process; `--section serial|match` runs one).
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server_stub.engine.matching import match  # noqa: E402
from server_stub.engine.serial import Simulation, simulate  # noqa: E402

SUBDIVISIONS = [
    "PARIS", "LYON", "MARSEILLE", "MONTPELLIER", "BORDEAUX", "TOULOUSE", "NANTES", "RENNES",
    "LILLE", "STRASBOURG", "GRENOBLE", "NICE", "NANCY", "ANGERS", "TOURS", "BREST", "CAEN",
    "ROUEN", "DIJON", "BESANCON", "REIMS", "AMIENS", "CLERMONT-FERRAND", "LIMOGES", "POITIERS",
    "SAINT-ETIENNE", "ANTILLES-GUYANE", "OCEAN INDIEN",
]
SPECIALTIES = [
    "Ophtalmologie", "Dermatologie", "Chirurgie plastique", "Cardiologie", "Radiologie",
    "ORL", "Néphrologie", "Anesthésie-réanimation", "Pédiatrie", "Gynécologie-obstétrique",
    "Gastro-entérologie", "Endocrinologie", "Chirurgie orthopédique", "Neurologie",
    "Rhumatologie", "Médecine interne", "Pneumologie", "Urologie", "Chirurgie viscérale",
    "Oncologie", "Hématologie", "Maladies infectieuses", "Anatomie pathologique",
    "Médecine d'urgence", "Gériatrie", "Psychiatrie", "Médecine physique", "Médecine légale",
    "Médecine du travail", "Santé publique", "Biologie médicale", "Médecine nucléaire",
    "Génétique médicale", "Allergologie", "Médecine vasculaire", "Médecine générale",
]


# ------------------------------------------------------------------ instances
def national_instance(seed: int = 2024, n_students: int = 8_800) -> dict[str, Any]:
    """~1,000 cells, 8,800 students, ~250,000 wishes, skewed towards popular cells."""
    rng = random.Random(seed)
    sub_w = {s: 1 / (i + 1) ** 0.6 * rng.uniform(0.8, 1.2) for i, s in enumerate(SUBDIVISIONS)}
    spe_w = {s: 1 / (i + 1) ** 0.9 * rng.uniform(0.8, 1.2) for i, s in enumerate(SPECIALTIES)}
    sub_size = {s: rng.uniform(0.4, 1.6) * (3 if s == "PARIS" else 1) for s in SUBDIVISIONS}
    spe_size = {s: rng.uniform(0.3, 1.5) * (12 if s == "Médecine générale" else 1)
                for s in SPECIALTIES}
    keys = [(sub, spe) for sub in SUBDIVISIONS for spe in SPECIALTIES]
    raw = [sub_size[a] * spe_size[b] for a, b in keys]
    total_places = int(n_students * 1.03)
    scale = total_places / sum(raw)
    cells = []
    for (sub, spe), r in zip(keys, raw, strict=True):
        reserved = "DES-MT" if spe == "Médecine du travail" and rng.random() < 0.5 else None
        cells.append({"id": f"{sub}|{spe}", "capacity": max(0, round(r * scale)),
                      "reserved_for": reserved})
    ids = [c["id"] for c in cells]
    weights = [sub_w[a] * spe_w[b] for a, b in keys]
    cum = []
    acc = 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    students = []
    for rank in range(1, n_students + 1):
        k = min(len(ids), max(1, int(rng.lognormvariate(3.08, 0.75))))
        wishes: list[str] = []
        seen: set[str] = set()
        while len(wishes) < k:
            for c in rng.choices(ids, cum_weights=cum, k=2 * (k - len(wishes)) + 4):
                if c not in seen:
                    seen.add(c)
                    wishes.append(c)
                    if len(wishes) == k:
                        break
        students.append({
            "id": f"E{rank:05d}", "rank": rank,
            "demoted_behind": rank + rng.randint(1, 2_000) if rng.random() < 0.01 else None,
            "assigned": None,
            "supernumerary": rng.random() < 0.005,
            "des": "DES-MT" if rng.random() < 0.02 else None,
            "wishes": wishes,
        })
    return {"cells": cells, "students": students}


def matching_instance(
    seed: int = 7, n_students: int = 7_400, n_posts: int = 6_000, apps: int = 8
) -> dict[str, Any]:
    """Posts of 1-2 places in 28 subdivisions; ~8 applications per student, most of them
    (85 %) in his own subdivision and skewed towards popular posts; ~3 % invalid rankings."""
    rng = random.Random(seed)
    subs = SUBDIVISIONS
    sizes = [rng.uniform(0.4, 1.6) * (3 if s == "PARIS" else 1) for s in subs]
    post_sub = rng.choices(subs, weights=sizes, k=n_posts)
    posts = [{"id": f"P{p:05d}", "capacity": 1 if rng.random() < 0.8 else 2,
              "subdivision": post_sub[p], "ranking": [], "rejected": []}
             for p in range(n_posts)]
    pop = [1 / (p + 1) ** 0.5 for p in range(n_posts)]
    rng.shuffle(pop)
    by_sub: dict[str, list[int]] = {s: [] for s in subs}
    for p in range(n_posts):
        by_sub[post_sub[p]].append(p)
    everything = list(range(n_posts))
    students = []
    cands: list[list[int]] = [[] for _ in posts]
    for s in range(n_students):
        sub = rng.choices(subs, weights=sizes)[0]
        mine = by_sub[sub]
        mine_w = [pop[p] for p in mine]
        chosen: list[int] = []
        seen: set[int] = set()
        while len(chosen) < apps:
            if rng.random() < 0.85 and len(mine) > apps:
                p = rng.choices(mine, weights=mine_w)[0]
            else:
                p = rng.choices(everything, weights=pop)[0]
            if p not in seen:
                seen.add(p)
                chosen.append(p)
        students.append({"id": f"D{s:05d}", "subdivision": sub,
                         "wishes": [posts[p]["id"] for p in chosen]})
        for p in chosen:
            cands[p].append(s)
    for p, post in enumerate(posts):
        cs = list(cands[p])
        if not cs:
            continue
        rng.shuffle(cs)
        local = [s for s in cs if students[s]["subdivision"] == post["subdivision"]]
        # A local candidate first (the rule), the others in the supervisor's order.
        ordered = [students[s]["id"] for s in local[:1]]
        ordered += [students[s]["id"] for s in cs if not local or s != local[0]]
        if len(ordered) >= 5 and rng.random() < 0.3:
            post["rejected"] = [ordered.pop()]
        roll = rng.random()
        if roll < 0.015 and len(ordered) > 1:
            ordered.pop()  # someone left unclassified
        elif roll < 0.03 and local and len(ordered) > 1 and len(local) < len(cs):
            other = next(x for x in ordered if x not in {students[s]["id"] for s in local})
            ordered.remove(other)
            ordered.insert(0, other)  # a non-local candidate first
        post["ranking"] = ordered
    return {"rules": {"min_ranked_share": 0.8, "subdivision_first": True},
            "posts": posts, "students": students}


# --------------------------------------------------- the straightforward one
def naive_simulate(inst: dict[str, Any]) -> dict[str, Any]:
    """What one would write first: sort, then one pass by ids with per-wish status dicts."""
    cells = {c["id"]: c for c in inst["cells"]}

    def key(item: tuple[int, dict[str, Any]]) -> tuple[float, int, int]:
        i, s = item
        d = s.get("demoted_behind")
        return (d + 0.5 if d is not None else s["rank"], s["rank"], i)

    order = [s for _, s in sorted(enumerate(inst["students"]), key=key)]
    taken = dict.fromkeys(cells, 0)
    holders: dict[str, list[dict[str, Any]]] = {c: [] for c in cells}
    students = {}
    for passing, s in enumerate(order, start=1):
        wishes = s.get("wishes", [])
        statuses = []
        for w in wishes:
            cap = cells[w]["capacity"]
            reserved = cells[w].get("reserved_for")
            statuses.append({"cell": w, "taken_before": taken[w], "capacity": cap,
                             "exhausted": taken[w] >= cap,
                             "eligible": reserved is None or reserved == s.get("des")})
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
    return {"order": [s["id"] for s in order], "students": students, "cells": {
        c: {"capacity": cells[c]["capacity"], "remaining": cells[c]["capacity"] - taken[c],
            "first_rank": holders[c][0]["rank"] if holders[c] else None,
            "last_rank": holders[c][-1]["rank"] if holders[c] else None,
            "holders": holders[c]} for c in cells}}


# -------------------------------------------------------------------- timing
def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    """Median and minimum wall time in seconds over ``runs`` calls, and the last result."""
    times = []
    out = None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), out


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def calibration() -> tuple[float, float]:
    """A fixed pure-Python loop, to compare machines (and see how noisy this one is)."""

    def loop() -> int:
        total = 0
        for i in range(1_000_000):
            total += i
        return total

    med, best, _ = timed(loop, 15)
    return med, best


def bench_serial() -> None:
    inst = national_instance()
    n_wishes = sum(len(s["wishes"]) for s in inst["students"])
    size = f"{len(inst['students']):,} students x {len(inst['cells']):,} cells, " \
           f"{n_wishes:,} wishes, {sum(c['capacity'] for c in inst['cells']):,} places"
    print(f"serial instance: {size}")
    assert simulate(inst) == naive_simulate(inst), "simulate differs from the straightforward one"

    def naive_without_gc() -> dict[str, Any]:
        gc.disable()
        try:
            return naive_simulate(inst)
        finally:
            gc.enable()

    # Interleaved rounds, so that a noisy machine slows all three alike.
    runs: dict[str, list[float]] = {"simulate": [], "naive": [], "naive_nogc": []}
    contenders: list[tuple[str, Callable[[], Any]]] = [
        ("simulate", lambda: simulate(inst)),
        ("naive", lambda: naive_simulate(inst)),
        ("naive_nogc", naive_without_gc),
    ]
    for _ in range(7):
        for name, fn in contenders:
            t0 = time.perf_counter()
            out = fn()
            runs[name].append(time.perf_counter() - t0)
            del out
    t_full, b_full = statistics.median(runs["simulate"]), min(runs["simulate"])
    t_naive, b_naive = statistics.median(runs["naive"]), min(runs["naive"])
    t_nogc, b_nogc = statistics.median(runs["naive_nogc"]), min(runs["naive_nogc"])
    print(f"  simulate (checks input, every wish status)   median {ms(t_full)} "
          f"(min {ms(b_full)}, 7 interleaved rounds)")
    print(f"  straightforward implementation, as written   median {ms(t_naive)} "
          f"(min {ms(b_naive)});  simulate / straightforward = {t_full / t_naive:.2f}")
    print(f"    same with its garbage collector paused,    median {ms(t_nogc)} "
          f"(min {ms(b_nogc)});  simulate / that = {t_full / t_nogc:.2f}")
    print("    as simulate does (it allocates ~250,000 acyclic dicts); and no input checks")
    t0 = time.perf_counter()
    sim = Simulation(inst)
    t_build = time.perf_counter() - t0
    t_result, _, _ = timed(sim.result, 3)
    print(f"  Simulation(instance) build {ms(t_build)};  .result() median {ms(t_result)}")

    rng = random.Random(99)
    ids = [c["id"] for c in inst["cells"]]
    by_id = {s["id"]: s for s in inst["students"]}
    sids = list(by_id)
    times = []
    reached = []
    for _ in range(200):
        sid = rng.choice(sids)
        wishes = list(by_id[sid]["wishes"])
        kind = rng.random()
        if kind < 0.3 and len(wishes) > 1:
            wishes.insert(0, wishes.pop(rng.randrange(1, len(wishes))))  # move up to first
        elif kind < 0.55 and len(wishes) > 1:
            i = rng.randrange(len(wishes) - 1)
            wishes[i], wishes[i + 1] = wishes[i + 1], wishes[i]
        elif kind < 0.8 and wishes:
            wishes.pop(rng.randrange(len(wishes)))
        else:
            c = rng.choice([x for x in ids if x not in wishes])
            wishes.insert(rng.randrange(len(wishes) + 1), c)
        by_id[sid]["wishes"] = wishes
        t0 = time.perf_counter()
        changed = sim.set_wishes(sid, wishes)
        times.append(time.perf_counter() - t0)
        reached.append(len(changed))
    assert sim.result() == simulate(inst), "incremental state differs from a full simulate"
    times.sort()
    med = statistics.median(times)
    p99 = times[int(0.99 * (len(times) - 1))]
    print(f"  set_wishes, 200 random changes               median {ms(med)} "
          f"({100 * med / t_full:.2f} % of a full simulate), p99 {ms(p99)}, "
          f"max {ms(times[-1])}")
    print(f"    students whose assignment changed          median "
          f"{statistics.median(reached):.0f}, max {max(reached)};  "
          f"final state equals a full simulate: yes")

    # The hard case: one of the first 300 to pass gives up his cell for another popular
    # one, so the freed place and the taken one ripple down the order.
    early = sim.order()[:300]
    times, reached = [], []
    for _ in range(50):
        sid = rng.choice(early)
        wishes = list(by_id[sid]["wishes"])
        held = sim.student_status(sid)["assigned"]
        if held in wishes:
            wishes.remove(held)
        top = rng.choice([c for c in ids[:60] if c not in wishes and c != held])
        wishes.insert(0, top)
        by_id[sid]["wishes"] = wishes
        t0 = time.perf_counter()
        changed = sim.set_wishes(sid, wishes)
        times.append(time.perf_counter() - t0)
        reached.append(len(changed))
    assert sim.result() == simulate(inst), "incremental state differs from a full simulate"
    times.sort()
    print(f"  set_wishes, 50 early students switching cells median {ms(statistics.median(times))} "
          f"({100 * statistics.median(times) / t_full:.2f} %), p99 "
          f"{ms(times[int(0.99 * (len(times) - 1))])}, max {ms(times[-1])}")
    print(f"    students whose assignment changed          median "
          f"{statistics.median(reached):.0f}, max {max(reached)};  final state checked again")


def _library_run(inst: dict[str, Any], ours: dict[str, Any], out: dict[str, Any]) -> None:
    """Solve the same acceptable pairs with `matching` (HospitalResident, resident-optimal)."""
    from matching.games import HospitalResident

    posts = {p["id"]: p for p in inst["posts"]}
    acceptable = {pid for pid, r in ours["posts"].items() if r["valid"]
                  and posts[pid]["capacity"] > 0 and posts[pid]["ranking"]}
    ranked = {pid: set(posts[pid]["ranking"]) for pid in acceptable}
    resident_prefs = {}
    for s in inst["students"]:
        prefs = [p for p in s["wishes"] if p in acceptable and s["id"] in ranked[p]]
        if prefs:
            resident_prefs[s["id"]] = prefs
    hospital_prefs = {pid: posts[pid]["ranking"] for pid in acceptable}
    capacities = {pid: posts[pid]["capacity"] for pid in acceptable}
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        game = HospitalResident.create_from_dictionaries(
            resident_prefs, hospital_prefs, capacities)
        t1 = time.perf_counter()
        solved = game.solve(optimal="resident")
    t2 = time.perf_counter()
    out["build"] = t1 - t0
    out["solve"] = t2 - t1
    out["matching"] = {h.name: sorted(r.name for r in rs) for h, rs in solved.items()}


def bench_match() -> None:
    inst = matching_instance()
    n_apps = sum(len(s["wishes"]) for s in inst["students"])
    places = sum(p["capacity"] for p in inst["posts"])
    print(f"match instance: {len(inst['students']):,} students x {len(inst['posts']):,} posts "
          f"({places:,} places), {n_apps:,} applications")
    t_match, b_match, ours = timed(lambda: match(inst), 25)
    invalid = sum(not p["valid"] for p in ours["posts"].values())
    matched = sum(v is not None for v in ours["assignments"].values())
    print(f"  match                                        median {ms(t_match)} "
          f"(min {ms(b_match)}, 25 runs); {invalid} invalid rankings, "
          f"{matched:,} students matched")
    # As the command line or the server hands it over: every id in the wishes and
    # rankings its own string object (the generator above shares them), which
    # costs memory traffic and string comparisons in the lookups.
    parsed = json.loads(json.dumps(inst))
    t_parsed, b_parsed, theirs = timed(lambda: match(parsed), 25)
    print(f"  match, instance read from JSON               median {ms(t_parsed)} "
          f"(min {ms(b_parsed)}, 25 runs); same result: {theirs == ours}")
    try:
        import matching  # noqa: F401
    except ImportError:
        print("  peer library `matching` not installed (pip install -e '.[bench]'): skipped")
        return
    # The library deep-copies its players and walks them recursively: at this size it
    # needs a raised recursion limit (and a big thread stack to be safe). Show it first.
    limit = sys.getrecursionlimit()
    try:
        _library_run(inst, ours, {})
        default_note = f"it also ran with the default limit of {limit:,}"
    except RecursionError:
        default_note = f"with the default limit of {limit:,} it raises RecursionError"
    sys.setrecursionlimit(1_000_000)
    threading.stack_size(1 << 29)
    out: dict[str, Any] = {}
    worker = threading.Thread(target=_library_run, args=(inst, ours, out))
    worker.start()
    worker.join()
    sys.setrecursionlimit(limit)
    if "matching" not in out:
        print("  peer library `matching` failed at this size (see traceback above)")
        return
    mine = {pid: sorted(r["assigned"]) for pid, r in ours["posts"].items() if r["assigned"]}
    theirs = {pid: rs for pid, rs in out["matching"].items() if rs}
    same = "yes" if mine == theirs else "NO"
    lib_total = out["build"] + out["solve"]
    print(f"  peer library matching {version('matching')}, games.HospitalResident: "
          f"create_from_dictionaries {out['build']:.2f} s + solve {out['solve']:.2f} s "
          f"(one run)")
    print(f"    recursion limit raised to 1,000,000 and a 512 MiB thread stack: {default_note}"
          f" (it deep-copies its linked players)")
    print(f"    identical matching: {same};  library / match = {lib_total / t_match:,.0f}x "
          f"(solve alone {out['solve'] / t_match:.1f}x)")


SECTIONS: dict[str, Callable[[], None]] = {"serial": bench_serial, "match": bench_match}


def main() -> None:
    """Each section in a fresh interpreter (as pyperf runs its workers): the serial
    section leaves a heap of freed blocks behind, and `match` measured after it
    on that scattered memory ran up to 1.7x slower, a figure about the order of
    the sections rather than about `match`."""
    if len(sys.argv) == 3 and sys.argv[1] == "--section":
        SECTIONS[sys.argv[2]]()
        return
    med, best = calibration()
    print(f"engine benchmark, Python {sys.version.split()[0]}; machine reference: a 1,000,000-step "
          f"Python loop takes median {ms(med)} (min {ms(best)}); each section in its own process",
          flush=True)
    for name in SECTIONS:
        subprocess.run([sys.executable, __file__, "--section", name], check=True)


if __name__ == "__main__":
    main()
