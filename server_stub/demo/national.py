"""Demo data of the national choice: the offer of posts by subdivision and specialty, ranked
students and their wishes (the demo student's among them).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from server_stub.demo.data.geography import CESP_SUBDIVISIONS, SUBDIVISIONS, Subdivision
from server_stub.demo.data.specialties import GENERAL_PRACTICE, SPECIALTIES
from server_stub.demo.plan import (
    APPEAL_K,
    APPEAL_POSTS_EXP,
    CESP_STUDENTS,
    DEMO_STUDENT_RANK,
    GENERAL_POSTS,
    NATIONAL_NAME,
    NATIONAL_STUDENTS,
    UNREGISTERED_RANK,
    DemoPlan,
    People,
    add_campaign,
    add_participation,
    add_person,
    cumulative,
    paris,
    set_value,
    working_days,
)

Offer = dict[tuple[str, str], int]  # (subdivision, specialty) -> posts
TODAY_SLICE = 4  # the day slice of the demo student (rank 3775) is the demo's today


def _national_offer(rng: random.Random) -> tuple[Offer, Offer]:
    """Posts per (subdivision, specialty): the general offer and the CESP offer."""
    scale = GENERAL_POSTS / sum(s.posts for s in SPECIALTIES)
    general: Offer = {}
    for spec in SPECIALTIES:
        # Rare specialties are taught only where the university hospital is large.
        power = 1.0 if spec.posts >= 120 else 1.8
        total_weight = sum(s.weight ** power for s in SUBDIVISIONS)
        for sub in SUBDIVISIONS:
            share = sub.weight ** power / total_weight
            expected = spec.posts * scale * share * rng.uniform(0.75, 1.25)
            capacity = int(expected) + (1 if rng.random() < expected - int(expected) else 0)
            if sub.name == "ILE-DE-FRANCE":
                capacity = max(capacity, 1)  # every DES is offered in Île-de-France
            if capacity > 0:
                general[(sub.name, spec.label)] = capacity
    cesp: Offer = {}
    for name in CESP_SUBDIVISIONS:
        cesp[(name, GENERAL_PRACTICE)] = rng.randint(6, 14)
    cesp_specialties = ("Psychiatrie", "Pédiatrie", "Gériatrie", "Médecine d'urgence",
                        "Ophtalmologie", "Gynécologie médicale", "Médecine cardiovasculaire",
                        "Anesthésie-réanimation", "Dermatologie et vénéréologie",
                        "Médecine physique et de réadaptation", "Pneumologie")
    while sum(cesp.values()) < 300:
        key = (rng.choice(CESP_SUBDIVISIONS), rng.choice(cesp_specialties))
        cesp[key] = cesp.get(key, 0) + rng.randint(2, 5)
    return general, cesp


@dataclass
class _Taste:
    """What drives one student's wish list: home, ordered subdivisions, specialties."""

    order: list[str]  # subdivisions, preferred first
    specialties: list[str]  # dream first, safe last
    city_first: bool


def _taste(rng: random.Random, home: Subdivision, q: float, spec_names: Sequence[str],
           spec_cum_for: Callable[[float], list[float]]) -> _Taste:
    """Subdivisions ranked around home and appeal; 2–3 specialties drawn by appeal at rank q."""
    scored = []
    for sub in SUBDIVISIONS:
        score = sub.appeal ** 1.5 * rng.lognormvariate(0, 0.35)
        if sub.name == home.name:
            score *= 6.0
        elif sub.area == home.area:
            score *= 2.0
        scored.append((score, sub.name))
    scored.sort(reverse=True)
    order = [name for _, name in scored]
    chosen: list[str] = []
    cum = spec_cum_for(q)
    for _ in range(3 if rng.random() < 0.6 else 2):
        for _attempt in range(10):
            name = rng.choices(spec_names, cum_weights=cum)[0]
            if name not in chosen:
                chosen.append(name)
                break
    # A safe choice at the end: general practice for most, another wide specialty for some.
    if rng.random() < 0.45 + 0.75 * q:
        safe = GENERAL_PRACTICE if rng.random() < 0.7 else rng.choice(
            ("Psychiatrie", "Médecine d'urgence", "Gériatrie", "Santé publique",
             "Médecine physique et de réadaptation", "Médecine et santé au travail"))
        if safe in chosen:
            chosen.remove(safe)
        chosen.append(safe)
    return _Taste(order, chosen, rng.random() < 0.4)


def _wish_list(rng: random.Random, taste: _Taste, length: int,
               cells: dict[tuple[str, str], int]) -> list[int]:
    """Cells in order of preference: dream choices first, safer ones after."""
    out: list[int] = []
    seen: set[int] = set()

    def push(sub: str, spec: str) -> None:
        cell = cells.get((sub, spec))
        if cell is not None and cell not in seen and len(out) < length:
            seen.add(cell)
            out.append(cell)

    specs = taste.specialties
    head = specs[:-1] if len(specs) > 1 else specs
    if taste.city_first:
        for sub in taste.order[: rng.randint(3, 7)]:
            for spec in head:
                push(sub, spec)
    else:
        for spec in head:
            for sub in taste.order[: rng.randint(2, 9)]:
                push(sub, spec)
    for spec in reversed(specs):  # the safe specialty, then widen the others
        for sub in taste.order:
            push(sub, spec)
            if len(out) >= length:
                return out
    return out


def build_national(plan: DemoPlan, rng: random.Random, people: People,
                   accounts: dict[str, int]) -> None:
    """The national choice: the offer, 8,000 ranked students with their wishes, day slices."""
    campaign = add_campaign(
        plan, "national", NATIONAL_NAME, None, "wishes_open",
        {"exam": "EDN 2026", "hotline": "01 77 35 61 80", "day_start": "09:00",
         "pace_per_hour": [50, 70], "wishes_page_size": 20},
    )
    general, cesp = _national_offer(rng)
    cells: dict[str, dict[tuple[str, str], int]] = {"general": {}, "cesp": {}}
    for pool, offer in (("general", general), ("cesp", cesp)):
        for (sub, spec), capacity in offer.items():
            cells[pool][(sub, spec)] = plan.add(
                "national_cell", campaign_id=campaign, pool=pool, subdivision=sub,
                specialty=spec, capacity=capacity)

    # Specialty appeal: the best ranks dream of the sought-after specialties.
    spec_names = [s.label for s in SPECIALTIES]
    cum_by_decile = [
        cumulative([s.posts ** APPEAL_POSTS_EXP * math.exp(APPEAL_K * s.appeal * (1.3 - d / 10))
                     for s in SPECIALTIES])
        for d in range(11)
    ]

    def spec_cum_for(q: float) -> list[float]:
        return cum_by_decile[min(10, int(q * 10))]

    sub_cum = cumulative([s.weight for s in SUBDIVISIONS])
    cesp_ranks = set(rng.sample(
        [r for r in range(1, NATIONAL_STUDENTS + 1)
         if r not in (DEMO_STUDENT_RANK, UNREGISTERED_RANK)],
        CESP_STUDENTS))
    general_ranks = [r for r in range(1, NATIONAL_STUDENTS + 1)
                     if r not in cesp_ranks and r not in (DEMO_STUDENT_RANK, UNREGISTERED_RANK)]
    demoted = dict.fromkeys(rng.sample(general_ranks[150:7000], 15), 0)
    for rank in demoted:
        demoted[rank] = min(NATIONAL_STUDENTS, rank + rng.randint(150, 1500))
    absent = set(rng.sample(general_ranks[100:], 25))

    for rank in range(1, NATIONAL_STUDENTS + 1):
        pool = "cesp" if rank in cesp_ranks else "general"
        q = (rank - 1) / NATIONAL_STUDENTS
        home = rng.choices(SUBDIVISIONS, cum_weights=sub_cum)[0]
        if rank == DEMO_STUDENT_RANK:
            person = accounts["student"]
        elif rank == UNREGISTERED_RANK:
            person = accounts["unregistered"]
        else:
            town = rng.choice(home.towns) if rng.random() < 0.88 else rng.choice(
                rng.choice(SUBDIVISIONS).towns)
            first, last = people.student()
            person = add_person(plan, "student", first, last, birth=people.birth_date(1999, 2002),
                                town=town, ine=people.ine())
        add_participation(plan, campaign, person, "student")
        candidate = plan.add(
            "national_candidate", campaign_id=campaign, person_id=person, rank=rank, pool=pool,
            demoted_behind=demoted.get(rank), absent=rank in absent, wishes_version=0)

        if rank == UNREGISTERED_RANK:
            continue  # no account yet, so no wishes
        taste = _taste(rng, home, q, spec_names, spec_cum_for)
        if rank == DEMO_STUDENT_RANK:
            wishes = _demo_student_wishes(cells["general"])
        elif pool == "cesp":
            wishes = _cesp_wishes(rng, taste, cells["cesp"])
        elif rng.random() < 0.03:
            wishes = []  # has not made a wish yet
        else:
            length = max(1, min(150, int(rng.lognormvariate(3.38, 0.55))))
            wishes = _wish_list(rng, taste, length, cells["general"])
        for position, cell in enumerate(wishes, start=1):
            plan.add("wish", candidate_id=candidate, cell_id=cell, position=position)
        if wishes:
            set_value(plan, "national_candidate", candidate, "wishes_version", len(wishes))

    # Day slices: ~1,000 ranks a day over 8 working days, each starting at 9:00; the
    # demo's today is the 5th, the demo student's (the amphitheatre runs in the demo).
    days = working_days(plan.today, TODAY_SLICE, 7 - TODAY_SLICE)
    weights = [0.88, 0.92, 0.96, 1.0, 1.02, 1.06, 1.08, 1.08]
    bounds, start = [], 1
    for i, w in enumerate(weights):
        end = NATIONAL_STUDENTS if i == len(weights) - 1 else start - 1 + round(
            NATIONAL_STUDENTS * w / sum(weights))
        bounds.append((start, end))
        start = end + 1
    # The demo's own day opens at midnight, not 9:00: nobody passes before his day's start,
    # and the amphitheatre must move whatever the hour the demo is tried at (7 am too).
    for day, (first_rank, last_rank) in zip(days, bounds, strict=True):
        hour = 0 if day == plan.today else 9
        plan.add("day_slice", campaign_id=campaign, day=day, rank_from=first_rank,
                 rank_to=last_rank, starts_at=paris(day.year, day.month, day.day, hour, 0))


def _cesp_wishes(rng: random.Random, taste: _Taste, cells: dict[tuple[str, str], int]
                 ) -> list[int]:
    """Contract students see only the CESP offer: a specialty or two, then general practice."""
    rank_of = {sub: i for i, sub in enumerate(taste.order)}
    special = [cell for (sub, spec), cell in cells.items() if spec != GENERAL_PRACTICE]
    picked = rng.sample(special, min(len(special), rng.choice((0, 0, 1, 2, 4))))
    gp = sorted(((rank_of[sub], cell) for (sub, spec), cell in cells.items()
                 if spec == GENERAL_PRACTICE))
    return (picked + [cell for _, cell in gp])[: rng.randint(3, 25)]


def _demo_student_wishes(cells: dict[tuple[str, str], int]) -> list[int]:
    """Rank 3775 from Villeurbanne: cardiology first, then paediatrics, emergency, GP."""
    near = ["LYON", "GRENOBLE", "SAINT-ETIENNE", "CLERMONT-FERRAND", "DIJON", "MONTPELLIER",
            "BESANCON", "LIMOGES", "REIMS"]
    plan = [("Médecine cardiovasculaire", near[:5]),
            ("Pédiatrie", near[:4] + ["DIJON", "BESANCON"]),
            ("Médecine d'urgence", near[:6]),
            (GENERAL_PRACTICE, near[:5] + near[6:])]
    out: list[int] = []
    for spec, subs in plan:
        for sub in subs:
            cell = cells.get((sub, spec))
            if cell is not None and cell not in out:
                out.append(cell)
    return out
