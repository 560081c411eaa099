"""Demo data of the regional amphitheatres: sessions, interns with their local ranks, posts.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from server_stub.demo.data.geography import SUBDIVISIONS
from server_stub.demo.data.regions import (
    GP_HOSPITAL_SERVICES,
    GP_PRACTICE_SERVICES,
    PHASE_LABELS,
    REGIONS,
    SPECIALTY_EARMARKS,
    AmphiPlan,
    Establishment,
    Region,
)
from server_stub.demo.data.specialties import SPECIALTIES, Specialty
from server_stub.demo.plan import (
    NORMAL_SENIORITY,
    DemoPlan,
    NumberSeries,
    People,
    add_campaign,
    add_participation,
    add_person,
    cumulative,
    paris,
    set_value,
)

SPEC_BY_CODE: dict[str, Specialty] = {s.code: s for s in SPECIALTIES}


def _phase_range(phase: str, des: str) -> tuple[int, int]:
    """Seniority (semesters) of a phase: general practice lasts 4 years, others 5."""
    last = 7 if des == "MG" else 9
    return {"socle": (0, 1), "approfondissement": (2, last - 2),
            "consolidation": (last - 1, last)}[phase]


def build_amphis(plan: DemoPlan, rng: random.Random, people: People,
                 accounts: dict[str, int]) -> None:
    """One campaign per region: amphitheatres, their sittings, interns, services and posts.

    The reference calendar (`data/regions.py`) moves to the demo's today: the demo
    intern's amphitheatre sits today (the demo runs it live), the others keep their
    places around it.
    """
    shift = plan.today - next(a.days[0] for a in REGIONS[0].amphis if a.state == "open")
    for region_no, region in enumerate(REGIONS):
        states = [a.state for a in region.amphis]
        state = next(s for s in ("open", "validated", "not_validated") if s in states)
        departments = sorted({e.department for e in region.establishments}
                             | {d for _, d in region.practices})
        campaign = add_campaign(
            plan, "amphi", f"{region.agency} — choix de stage mai 2027", region.region, state,
            {"semester": "mai 2027", "subdivisions": list(region.subdivisions),
             "faculties": list(region.faculties), "departments": departments,
             "normal_seniority": {str(c): s for c, s in NORMAL_SENIORITY.items()},
             "turn_seconds": 90, "soon_threshold": 4},
        )
        interns: list[tuple[int, str, int]] = []  # (intern index, group, cohort)
        numbers = NumberSeries(rng.randint(1000, 1800))
        service_numbers = NumberSeries(rng.randint(10, 90))
        services: dict[tuple[str, str], int] = {}
        for plan_amphi in region.amphis:
            days = tuple(day + shift for day in plan_amphi.days)
            opens = days[0] - timedelta(days=7)
            amphi = plan.add(
                "amphi", campaign_id=campaign,
                name=f"{plan_amphi.group} — {PHASE_LABELS[plan_amphi.phase]}",
                specialty_group=plan_amphi.group, phase=plan_amphi.phase, state=plan_amphi.state,
                opens_at=paris(opens.year, opens.month, opens.day, 9, 0))
            _sessions(plan, amphi, plan_amphi.interns, days)
            demo = accounts["intern"] if region_no == 0 and plan_amphi.state == "open" else None
            interns += _interns(plan, rng, people, region, campaign, amphi, plan_amphi, demo)
            _posts(plan, rng, people, region, campaign, amphi, plan_amphi, services, numbers,
                   service_numbers)
        _local_ranks(plan, rng, interns, accounts["intern"])


def _sessions(plan: DemoPlan, amphi: int, size: int, days: Sequence[date]) -> None:
    """Two or three sittings: 90 seconds an intern, mornings at 9:00, afternoons at 14:00."""
    count = 2 if size <= 260 else 3
    slots = [(d, h) for d in days for h in (9, 14)][:count]
    per = math.ceil(size / count)
    for i, (day, hour) in enumerate(slots):
        first, last = i * per + 1, min(size, (i + 1) * per)
        start = paris(day.year, day.month, day.day, hour, 0)
        minutes = math.ceil((last - first + 1) * 1.5 / 15) * 15 + 15
        plan.add("amphi_session", amphi_id=amphi, starts_at=start,
                 ends_at=start + timedelta(minutes=minutes), rank_from=first, rank_to=last)


def _interns(plan: DemoPlan, rng: random.Random, people: People, region: Region,
             campaign: int, amphi: int, spec: AmphiPlan, demo: int | None
             ) -> list[tuple[int, str, int]]:
    """An amphitheatre's interns, mostly at their cohort's normal seniority, a few behind."""
    des_cum = cumulative([SPEC_BY_CODE[c].posts for c in spec.des])
    out = []
    faculty_cum = cumulative([0.55] + [0.45 / max(1, len(region.faculties) - 1)]
                             * (len(region.faculties) - 1))
    home_towns = [t for s in SUBDIVISIONS if s.name in region.subdivisions for t in s.towns]
    for i in range(spec.interns):
        des = rng.choices(spec.des, cum_weights=des_cum)[0]
        lo, hi = _phase_range(spec.phase, des)
        normal = [c for c, s in NORMAL_SENIORITY.items() if lo <= s <= hi]
        # Those behind come from the cohort or two just above (a year off, research).
        older = sorted((c for c, s in NORMAL_SENIORITY.items() if hi < s <= hi + 4), reverse=True)
        if demo is not None and i == 0:
            cohort, seniority, des = 2024, 2, "MG"
        elif older and rng.random() < 0.05:  # behind: leave, research or a failed semester
            cohort = older[0] if rng.random() < 0.8 else older[-1]
            seniority = rng.randint(max(lo, hi - 1), hi)
        else:
            cohort = rng.choice(normal)
            seniority = NORMAL_SENIORITY[cohort]
            if seniority > lo and rng.random() < 0.06:
                seniority -= 1
        faculty = rng.choices(region.faculties, cum_weights=faculty_cum)[0]
        if demo is not None and i == 0:
            person, faculty = demo, region.faculties[0]
        else:
            first, last = people.student()
            town = rng.choice(home_towns) if rng.random() < 0.6 else rng.choice(
                rng.choice(SUBDIVISIONS).towns)
            person = add_person(plan, "student", first, last,
                                birth=people.birth_date(cohort - 26, cohort - 23), town=town,
                                ine=people.ine(), faculty=faculty)
        add_participation(plan, campaign, person, "student")
        roll = rng.random()
        request = None
        supernumerary = "classique"
        if roll < 0.015:
            request = rng.choice(("surnombre validant", "surnombre non validant"))
        elif roll < 0.02 and spec.state == "open":
            supernumerary = "surnombre validant"
        index = plan.add(
            "intern", campaign_id=campaign, amphi_id=amphi, person_id=person, des=des,
            des_label=SPEC_BY_CODE[des].label, specialty_group=spec.group,
            regime=PHASE_LABELS[spec.phase], phase=spec.phase, faculty=faculty, cohort=cohort,
            seniority=seniority, local_rank=0, local_cohort_size=0,
            supernumerary=supernumerary, supernumerary_request=request)
        out.append((index, spec.group, cohort))
    return out


def _local_ranks(plan: DemoPlan, rng: random.Random, interns: list[tuple[int, str, int]],
                 demo_person: int) -> None:
    """Local rank within (specialty group, initial cohort).

    A few ranks belong to interns on leave, so the local size exceeds those present.
    """
    groups: dict[tuple[str, int], list[int]] = defaultdict(list)
    for index, group, cohort in interns:
        groups[(group, cohort)].append(index)
    person_col = plan.columns["intern"].index("person_id")
    for members in groups.values():
        size = len(members) + round(len(members) * 0.03)
        ranks = sorted(rng.sample(range(1, size + 1), len(members)))
        rng.shuffle(members)
        for index, rank in zip(members, ranks, strict=True):
            set_value(plan, "intern", index, "local_rank", rank)
            set_value(plan, "intern", index, "local_cohort_size", size)
        # The demo intern sits in the middle of her cohort, so the call list is interesting.
        demo = [m for m in members if plan.rows["intern"][m][person_col] == demo_person]
        if demo:
            mid = members[len(members) * 2 // 5]
            rank_col = plan.columns["intern"].index("local_rank")
            a, b = plan.rows["intern"][demo[0]][rank_col], plan.rows["intern"][mid][rank_col]
            set_value(plan, "intern", demo[0], "local_rank", b)
            set_value(plan, "intern", mid, "local_rank", a)


def _head(rng: random.Random, people: People, university: bool) -> str:
    """A head of service as the agency lists him: "Pr Claire MOREAU" (Pr mostly at a CHU)."""
    first, last = people.senior()
    return f"{'Pr' if university and rng.random() < 0.7 else 'Dr'} {first} {last.upper()}"


def _posts(plan: DemoPlan, rng: random.Random, people: People, region: Region, campaign: int,
           amphi: int, spec: AmphiPlan, services: dict[tuple[str, str], int], numbers: NumberSeries,
           service_numbers: NumberSeries) -> None:
    """Numbered posts in services: a few more than interns, some earmarked, some reserved."""
    total = round(spec.interns * rng.uniform(1.05, 1.09)) + rng.randint(3, 8)
    hospitals = list(region.establishments)
    hosp_cum = cumulative([3.0 if e.kind == "CHU" else 2.0 if e.kind == "CH" else 1.0
                            for e in hospitals])
    regime = PHASE_LABELS[spec.phase]

    def service(est: Establishment, name: str, university: bool) -> int:
        key = (est.name, name)
        if key not in services:
            services[key] = plan.add(
                "service", campaign_id=campaign, establishment=est.name, name=name,
                head=_head(rng, people, university), department=est.department,
                number=service_numbers.next(rng))
        return services[key]

    def post(svc: int, des: str, kind: str, earmark: str | None, reserved: bool) -> None:
        plan.add("amphi_post", service_id=svc, amphi_id=amphi, number=numbers.next(rng), des=des,
                 specialty_group=spec.group, post_type=kind, regime=regime, earmark=earmark,
                 reserved=reserved, taken_by_id=None, taken_at=None)

    made = 0
    if spec.des == ("MG",):
        ambulatory_share = 0.45 if spec.phase == "approfondissement" else 0.5
        while made < total:
            if rng.random() < ambulatory_share:
                name, earmark = rng.choice(GP_PRACTICE_SERVICES)
                town, dept = rng.choice(region.practices)
                if spec.phase == "socle":
                    name, earmark = "Cabinet de médecine générale (niveau 1)", None
                prefix = {"Maison de santé pluriprofessionnelle": "MSP de",
                          "Centre de santé": "Centre de santé de"}.get(name, "Cabinet médical —")
                est = Establishment(f"{prefix} {town}", "Ambulatoire", dept)
                svc = service(est, name, False)
                for _ in range(min(total - made, 1 if rng.random() < 0.7 else 2)):
                    post(svc, "MG", "Ambulatoire", earmark if rng.random() < 0.5 else None, False)
                    made += 1
            else:
                name, earmark = rng.choice(GP_HOSPITAL_SERVICES)
                est = rng.choices(hospitals, cum_weights=hosp_cum)[0]
                svc = service(est, name, est.kind == "CHU")
                if spec.phase == "socle" and rng.random() < 0.3:
                    earmark = "Fléché phase socle"
                for _ in range(min(total - made, rng.randint(1, 4))):
                    post(svc, "MG", est.kind, earmark if rng.random() < 0.35 else None, False)
                    made += 1
        return
    des_cum = cumulative([SPEC_BY_CODE[c].posts for c in spec.des])
    while made < total:
        des = rng.choices(spec.des, cum_weights=des_cum)[0]
        specialty = SPEC_BY_CODE[des]
        est = rng.choices(hospitals, cum_weights=hosp_cum)[0]
        svc = service(est, rng.choice(specialty.units), est.kind == "CHU")
        reserved = rng.random() < 0.3
        for _ in range(min(total - made, rng.randint(1, 3))):
            earmark = rng.choice(SPECIALTY_EARMARKS) if rng.random() < 0.12 else None
            post(svc, des, est.kind, earmark, reserved)
            made += 1
