"""Realistic demo data at real scale, identical on every run.

The product must be judged at the scale it will meet: a national choice of ~8,000 ranked
students over ~1,000 cells, regional amphitheatres of 100–400 interns, a matching of
~1,500 junior doctors. Everything comes from one seeded `random.Random`, so two runs give
the same people, ranks and wishes (only password hashes differ: their salt is random).

Generation is split from persistence: `build_plan` is pure (rows with local indexes in
place of foreign keys), `load_demo` writes them with bulk inserts in one transaction.
Thousands of people are agency-imported identities without an account; only the
documented demo accounts have a password.

Every demo row of `person` and `campaign` carries `created_at == DEMO_STAMP`; that is how
`load_demo(refresh=True)` finds what to delete, together with every row that refers to it
(in any table, including tables added after this module was written).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Table,
    delete,
    func,
    insert,
    inspect,
    or_,
    select,
)
from sqlalchemy.orm import Session

from server_stub.core.db import Base, create_schema, make_engine, make_sessionmaker, transaction
from server_stub.core.security import configure_hashing, hash_password, hash_secret_answer
from server_stub.demo_data.geography import CESP_SUBDIVISIONS, SUBDIVISIONS, Subdivision
from server_stub.demo_data.names import (
    LAST_NAMES,
    SENIOR_FIRST_NAMES_F,
    SENIOR_FIRST_NAMES_M,
    STUDENT_FIRST_NAMES_F,
    STUDENT_FIRST_NAMES_M,
)
from server_stub.demo_data.regions import (
    GP_HOSPITAL_SERVICES,
    GP_PRACTICE_SERVICES,
    PHASE_LABELS,
    REGIONS,
    SPECIALTY_EARMARKS,
    AmphiPlan,
    Establishment,
    Region,
)
from server_stub.demo_data.specialties import GENERAL_PRACTICE, SPECIALTIES, Specialty
from server_stub.models import (
    Amphi,
    AmphiPost,
    Application,
    Campaign,
    Intern,
    MatchingCandidate,
    MatchingPost,
    NationalCandidate,
    NationalCell,
    Participation,
    Person,
    RankingEntry,
    Service,
    Wish,
)
from server_stub.settings import Settings

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_SECRET_ANSWER",
    "DEMO_SECRET_QUESTION",
    "DEMO_SEED",
    "DEMO_STAMP",
    "DEMO_UNREGISTERED_IDENTITY",
    "DemoPlan",
    "build_plan",
    "demo_exists",
    "load_demo",
]

DEMO_SEED = 20260914
# created_at of every demo person and campaign: the mark `refresh` deletes by.
DEMO_STAMP = datetime(2026, 9, 1, 6, 0, 0, tzinfo=UTC)

DEMO_ACCOUNTS: list[dict[str, str]] = [
    {"role": "staff", "label": "Agent de l'ARS / du CNG",
     "email": "ars@amphi.demo", "password": "Agence2026"},
    {"role": "student", "label": "Étudiant — choix national (ECN)",
     "email": "etudiant@amphi.demo", "password": "Etudiant2026"},
    {"role": "student", "label": "Interne — choix de stage en amphithéâtre",
     "email": "interne@amphi.demo", "password": "Interne2026"},
    {"role": "student", "label": "Docteur junior — appariement",
     "email": "docteur@amphi.demo", "password": "Docteur2026"},
    {"role": "supervisor", "label": "Responsable de terrain de stage (RTS) — appariement",
     "email": "rts@amphi.demo", "password": "Superviseur2026"},
    {"role": "coordinator", "label": "Coordonnateur — appariement",
     "email": "coordo@amphi.demo", "password": "Coordo2026"},
]
# Every demo account has this secret question and answer (the national amphitheatre asks it).
DEMO_SECRET_QUESTION = "Quel est le nom de votre premier animal de compagnie ?"
DEMO_SECRET_ANSWER = "Pollux"

# An imported identity with no account yet, to try registration with.
DEMO_UNREGISTERED_IDENTITY: dict[str, str] = {
    "last_name": "Lefèvre",
    "first_name": "Camille",
    "birth_date": "2000-03-14",
    "birth_town": "Lyon",
    "ine": "0123456789A",
    "role": "student",
    "campaign_kind": "national",
}

NATIONAL_NAME = "EDN 2026 — choix des postes d'internat"
MATCHING_NAME = "Appariement des docteurs juniors 2026"
DEMO_STUDENT_RANK = 3775
UNREGISTERED_RANK = 2156
NATIONAL_STUDENTS = 8000
CESP_STUDENTS = 230
GENERAL_POSTS = 8700
MATCHING_POSTS = 1200
MATCHING_CANDIDATES = 1500
# Normal seniority (semesters) of each cohort at this choice: the call list's reference.
NORMAL_SENIORITY: dict[int, int] = {2021: 8, 2022: 6, 2023: 4, 2024: 2, 2025: 0}
INSERT_CHUNK = 20_000
APPEAL_K = 7.0
APPEAL_POSTS_EXP = 0.5


# --------------------------------------------------------------------------- time


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A wall-clock time in Paris as an aware UTC datetime (EU summer time rule, no tzdata)."""
    local = datetime(year, month, day, hour, minute)
    summer = _last_sunday(year, 3) <= local.date() < _last_sunday(year, 10)
    return (local - timedelta(hours=2 if summer else 1)).replace(tzinfo=UTC)


# --------------------------------------------------------------------------- the plan


@dataclass
class DemoPlan:
    """Rows to insert, table by table, in dependency order.

    Each table has its column names and rows as tuples. A foreign-key column holds the
    index of the referenced row in this plan (or None); the loader turns it into the id.
    """

    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    accounts: dict[str, int] = field(default_factory=dict)  # email -> person index

    def add(self, table: str, **row: Any) -> int:
        """Append a row; every row of a table must name the same columns."""
        cols = self.columns.get(table)
        if cols is None:
            cols = self.columns[table] = tuple(row)
        elif tuple(row) != cols:
            raise ValueError(f"{table}: columns {tuple(row)} differ from {cols}")
        rows = self.rows.setdefault(table, [])
        rows.append(tuple(row.values()))
        return len(rows) - 1

    def count(self, table: str) -> int:
        return len(self.rows.get(table, ()))

    def digest(self) -> str:
        """SHA-256 of every row (password hashes are not in the plan), to compare runs."""
        h = hashlib.sha256()
        for table, rows in self.rows.items():
            h.update(table.encode())
            h.update(repr(self.columns[table]).encode())
            for row in rows:
                h.update(repr(row).encode())
        return h.hexdigest()


class _People:
    """Draws French identities: common names more often, unique INE-like numbers."""

    LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.last_cum = _cumulative([1.0 / (i + 8) ** 0.9 for i in range(len(LAST_NAMES))])
        self.used_ine: set[str] = {DEMO_UNREGISTERED_IDENTITY["ine"]}

    def last_name(self) -> str:
        name = self.rng.choices(LAST_NAMES, cum_weights=self.last_cum)[0]
        if self.rng.random() < 0.02:  # a few double-barrelled names
            other = self.rng.choices(LAST_NAMES, cum_weights=self.last_cum)[0]
            if other != name:
                name = f"{name}-{other}"
        return name

    def student(self) -> tuple[str, str]:
        firsts = STUDENT_FIRST_NAMES_F if self.rng.random() < 0.6 else STUDENT_FIRST_NAMES_M
        return self.rng.choice(firsts), self.last_name()

    def senior(self) -> tuple[str, str]:
        firsts = SENIOR_FIRST_NAMES_F if self.rng.random() < 0.5 else SENIOR_FIRST_NAMES_M
        return self.rng.choice(firsts), self.last_name()

    def ine(self) -> str:
        while True:
            value = f"{self.rng.randrange(10**10):010d}{self.rng.choice(self.LETTERS)}"
            if value not in self.used_ine:
                self.used_ine.add(value)
                return value

    def birth_date(self, first_year: int, last_year: int) -> date:
        start = date(first_year, 1, 1).toordinal()
        return date.fromordinal(self.rng.randint(start, date(last_year, 12, 31).toordinal()))


def _cumulative(weights: Sequence[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def _person(
    plan: DemoPlan,
    role: str,
    first: str,
    last: str,
    *,
    birth: date | None = None,
    town: str | None = None,
    ine: str | None = None,
    faculty: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    address: str | None = None,
) -> int:
    """An imported identity (no email, no password) unless `email` makes it a demo account."""
    account = email is not None
    index = plan.add(
        "person", role=role, last_name=last, first_name=first, birth_date=birth,
        birth_town=town, ine=ine, email=email, email_confirmed=account, password_hash=None,
        secret_question=DEMO_SECRET_QUESTION if account else None, secret_answer_hash=None,
        phone=phone, address=address, faculty=faculty,
        registered_at=paris(2026, 10, 1, 10, 30) if account else None, created_at=DEMO_STAMP,
    )
    if email is not None:
        plan.accounts[email] = index
    return index


def _campaign(plan: DemoPlan, kind: str, name: str, region: str | None, state: str,
              settings: dict[str, Any]) -> int:
    return plan.add("campaign", kind=kind, name=name, region=region, state=state,
                    settings={"demo": True, **settings}, created_at=DEMO_STAMP)


def _participate(plan: DemoPlan, campaign: int, person: int, role: str) -> None:
    plan.add("participation", campaign_id=campaign, person_id=person, role=role)


def build_plan(seed: int = DEMO_SEED) -> DemoPlan:
    """Generate every demo row (pure and deterministic: same seed, same plan)."""
    rng = random.Random(seed)
    plan = DemoPlan()
    people = _People(rng)
    accounts = _demo_people(plan)
    _build_national(plan, rng, people, accounts)
    _build_amphis(plan, rng, people, accounts)
    _build_matching(plan, rng, people, accounts)
    return plan


def _demo_people(plan: DemoPlan) -> dict[str, int]:
    """The documented accounts and the unregistered identity, first in the person table."""
    ids = {
        "staff": _person(plan, "staff", "Sophie", "Durand", birth=date(1978, 4, 2),
                         town="Clermont-Ferrand", email="ars@amphi.demo",
                         phone="04 72 34 74 00", address="241 rue Garibaldi\n69003 Lyon"),
        "student": _person(plan, "student", "Lucas", "Bernard", birth=date(2001, 5, 12),
                           town="Villeurbanne", ine="2209876543K", email="etudiant@amphi.demo",
                           phone="06 12 34 56 78",
                           address="12 rue du Docteur Rollet\n69100 Villeurbanne"),
        "intern": _person(plan, "student", "Manon", "Girard", birth=date(1999, 9, 3), town="Lyon",
                          ine="1807654321F", faculty="UFR de médecine Lyon Est",
                          email="interne@amphi.demo", phone="06 23 45 67 89",
                          address="8 rue Saint-Polycarpe\n69001 Lyon"),
        "doctor": _person(plan, "student", "Hugo", "Lambert", birth=date(1997, 2, 20),
                          town="Grenoble", ine="1605432198B", email="docteur@amphi.demo",
                          phone="06 34 56 78 90",
                          address="45 avenue Berthelot\n69007 Lyon"),
        "rts": _person(plan, "supervisor", "Olivier", "Garnier", birth=date(1972, 6, 15),
                       town="Saint-Étienne", email="rts@amphi.demo", phone="04 72 11 89 00",
                       address="Hôpital Louis-Pradel\n59 boulevard Pinel\n69500 Bron"),
        "coordinator": _person(plan, "coordinator", "Nathalie", "Rousseau",
                               birth=date(1968, 11, 8), town="Lyon", email="coordo@amphi.demo",
                               phone="04 72 11 00 00",
                               address="Faculté de médecine Lyon Est\n8 avenue Rockefeller\n"
                                       "69008 Lyon"),
    }
    ident = DEMO_UNREGISTERED_IDENTITY
    ids["unregistered"] = _person(
        plan, "student", ident["first_name"], ident["last_name"],
        birth=date.fromisoformat(ident["birth_date"]), town=ident["birth_town"], ine=ident["ine"],
    )
    return ids


# --------------------------------------------------------------------------- national choice


Offer = dict[tuple[str, str], int]  # (subdivision, specialty) -> posts


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


def _build_national(plan: DemoPlan, rng: random.Random, people: _People,
                    accounts: dict[str, int]) -> None:
    """The national choice: the offer, 8,000 ranked students with their wishes, day slices."""
    campaign = _campaign(
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
        _cumulative([s.posts ** APPEAL_POSTS_EXP * math.exp(APPEAL_K * s.appeal * (1.3 - d / 10))
                     for s in SPECIALTIES])
        for d in range(11)
    ]

    def spec_cum_for(q: float) -> list[float]:
        return cum_by_decile[min(10, int(q * 10))]

    sub_cum = _cumulative([s.weight for s in SUBDIVISIONS])
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
            person = _person(plan, "student", first, last, birth=people.birth_date(1999, 2002),
                             town=town, ine=people.ine())
        _participate(plan, campaign, person, "student")
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
            _set(plan, "national_candidate", candidate, "wishes_version", len(wishes))

    # Day slices: ~1,000 ranks a day over 8 working days, each starting at 9:00.
    days = [date(2027, 1, d) for d in (11, 12, 13, 14, 15, 18, 19, 20)]
    weights = [0.88, 0.92, 0.96, 1.0, 1.02, 1.06, 1.08, 1.08]
    bounds, start = [], 1
    for i, w in enumerate(weights):
        end = NATIONAL_STUDENTS if i == len(weights) - 1 else start - 1 + round(
            NATIONAL_STUDENTS * w / sum(weights))
        bounds.append((start, end))
        start = end + 1
    for day, (first_rank, last_rank) in zip(days, bounds, strict=True):
        plan.add("day_slice", campaign_id=campaign, day=day, rank_from=first_rank,
                 rank_to=last_rank, starts_at=paris(day.year, day.month, day.day, 9, 0))


def _cesp_wishes(rng: random.Random, taste: _Taste, cells: dict[tuple[str, str], int]
                 ) -> list[int]:
    """Contract students see only the CESP offer: a specialty or two, then general practice."""
    rank_of = {sub: i for i, sub in enumerate(taste.order)}
    special = [cell for (sub, spec), cell in cells.items() if spec != GENERAL_PRACTICE]
    picked = rng.sample(special, min(len(special), rng.choice((0, 0, 1, 2, 4))))
    gp = sorted(((rank_of[sub], cell) for (sub, spec), cell in cells.items()
                 if spec == GENERAL_PRACTICE))
    return (picked + [cell for _, cell in gp])[: rng.randint(3, 25)]


def _set(plan: DemoPlan, table: str, index: int, column: str, value: Any) -> None:
    row = list(plan.rows[table][index])
    row[plan.columns[table].index(column)] = value
    plan.rows[table][index] = tuple(row)


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


# --------------------------------------------------------------------------- amphitheatres


SPEC_BY_CODE: dict[str, Specialty] = {s.code: s for s in SPECIALTIES}


def _phase_range(phase: str, des: str) -> tuple[int, int]:
    """Seniority (semesters) of a phase: general practice lasts 4 years, others 5."""
    last = 7 if des == "MG" else 9
    return {"socle": (0, 1), "approfondissement": (2, last - 2),
            "consolidation": (last - 1, last)}[phase]


def _build_amphis(plan: DemoPlan, rng: random.Random, people: _People,
                  accounts: dict[str, int]) -> None:
    """One campaign per region: amphitheatres, their sittings, interns, services and posts."""
    for region_no, region in enumerate(REGIONS):
        states = [a.state for a in region.amphis]
        state = next(s for s in ("open", "validated", "not_validated") if s in states)
        departments = sorted({e.department for e in region.establishments}
                             | {d for _, d in region.practices})
        campaign = _campaign(
            plan, "amphi", f"{region.agency} — choix de stage mai 2027", region.region, state,
            {"semester": "mai 2027", "subdivisions": list(region.subdivisions),
             "faculties": list(region.faculties), "departments": departments,
             "normal_seniority": {str(c): s for c, s in NORMAL_SENIORITY.items()},
             "turn_seconds": 90, "soon_threshold": 4},
        )
        interns: list[tuple[int, str, int]] = []  # (intern index, group, cohort)
        numbers = _Counter(rng.randint(1000, 1800))
        service_numbers = _Counter(rng.randint(10, 90))
        services: dict[tuple[str, str], int] = {}
        for plan_amphi in region.amphis:
            days = plan_amphi.days
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


class _Counter:
    """Increasing post or service numbers with the small gaps real lists have."""

    def __init__(self, start: int) -> None:
        self.value = start

    def next(self, rng: random.Random) -> str:
        self.value += 1 if rng.random() < 0.85 else rng.randint(2, 4)
        return str(self.value)


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


def _interns(plan: DemoPlan, rng: random.Random, people: _People, region: Region,
             campaign: int, amphi: int, spec: AmphiPlan, demo: int | None
             ) -> list[tuple[int, str, int]]:
    """An amphitheatre's interns, mostly at their cohort's normal seniority, a few behind."""
    des_cum = _cumulative([SPEC_BY_CODE[c].posts for c in spec.des])
    out = []
    faculty_cum = _cumulative([0.55] + [0.45 / max(1, len(region.faculties) - 1)]
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
            person = _person(plan, "student", first, last,
                             birth=people.birth_date(cohort - 26, cohort - 23), town=town,
                             ine=people.ine(), faculty=faculty)
        _participate(plan, campaign, person, "student")
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
            _set(plan, "intern", index, "local_rank", rank)
            _set(plan, "intern", index, "local_cohort_size", size)
        # The demo intern sits in the middle of her cohort, so the call list is interesting.
        demo = [m for m in members if plan.rows["intern"][m][person_col] == demo_person]
        if demo:
            mid = members[len(members) * 2 // 5]
            rank_col = plan.columns["intern"].index("local_rank")
            a, b = plan.rows["intern"][demo[0]][rank_col], plan.rows["intern"][mid][rank_col]
            _set(plan, "intern", demo[0], "local_rank", b)
            _set(plan, "intern", mid, "local_rank", a)


def _head(rng: random.Random, people: _People, university: bool) -> str:
    """A head of service as the agency lists him: "Pr Claire MOREAU" (Pr mostly at a CHU)."""
    first, last = people.senior()
    return f"{'Pr' if university and rng.random() < 0.7 else 'Dr'} {first} {last.upper()}"


def _posts(plan: DemoPlan, rng: random.Random, people: _People, region: Region, campaign: int,
           amphi: int, spec: AmphiPlan, services: dict[tuple[str, str], int], numbers: _Counter,
           service_numbers: _Counter) -> None:
    """Numbered posts in services: a few more than interns, some earmarked, some reserved."""
    total = round(spec.interns * rng.uniform(1.05, 1.09)) + rng.randint(3, 8)
    hospitals = list(region.establishments)
    hosp_cum = _cumulative([3.0 if e.kind == "CHU" else 2.0 if e.kind == "CH" else 1.0
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
    des_cum = _cumulative([SPEC_BY_CODE[c].posts for c in spec.des])
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


# --------------------------------------------------------------------------- matching


_INDICATIONS = (
    "Gardes aux urgences de l'établissement", "Poste à orientation recherche clinique",
    "Activité partagée avec un centre hospitalier périphérique",
    "Astreintes opérationnelles le week-end", "Logement possible à l'internat",
    "Consultations avancées sur deux sites", "Participation à la permanence des soins",
)
_DESCRIPTIONS = (
    "Équipe de {n} praticiens, staff pluridisciplinaire hebdomadaire, autonomie progressive "
    "sur la consultation et l'hospitalisation.",
    "Le docteur junior prend en charge un secteur de {n} lits sous la supervision d'un senior "
    "et participe aux réunions de concertation.",
    "Activité mixte hospitalisation / plateau technique ; encadrement par {n} seniors ; "
    "possibilité de travaux de recherche.",
)
_PRESENTATIONS = (
    "Intéressé(e) par une activité mixte hospitalière et libérale à l'issue du DES.",
    "Projet d'assistanat dans la subdivision, mémoire en cours sur le parcours des patients.",
    "Souhaite approfondir la prise en charge aiguë et les gestes techniques.",
    "Stage de phase 2 effectué dans le service ; attaché(e) à la continuité du projet.",
)


def _build_matching(plan: DemoPlan, rng: random.Random, people: _People,
                    accounts: dict[str, int]) -> None:
    """The matching: posts and their supervisors, candidates, applications, a ranking begun.

    The campaign sits in round 1's ranking phase (16 November → 18 December 2026, Paris
    time): the demo supervisor (rts@) ranks the candidates of his four posts, two rankings
    already begun; the demo junior doctor (docteur@) has eight applications, read-only now.
    "Mes postes" stays open until the ranking closes. Staff move the dates to see the other
    phases (`update_matching_round`).
    """
    campaign = _campaign(plan, "matching", MATCHING_NAME, None, "open",
                         {"min_ranked_share": 0.8, "subdivision_first": True,
                          "threshold_scope": "subdivision",
                          "thresholds": [{"round_number": 1, "share": 0.2, "minimum": 2},
                                         {"round_number": 2, "share": 0.4, "minimum": 1}]})
    wave = plan.add("matching_wave", campaign_id=campaign, name="Vague 1 — docteurs juniors",
                    position=1, posts_opens_at=paris(2026, 10, 5, 9),
                    posts_closes_at=paris(2026, 12, 18, 23, 59))
    no_dates: dict[str, Any] = dict.fromkeys(
        ("applications_opens_at", "applications_closes_at", "ranking_opens_at",
         "ranking_closes_at", "results_at", "opens_at", "closes_at"))
    rounds = [
        plan.add("matching_round", wave_id=wave, number=1, off_platform=False, **{
            **no_dates, "applications_opens_at": paris(2026, 11, 2, 9),
            "applications_closes_at": paris(2026, 11, 13, 23, 59),
            "ranking_opens_at": paris(2026, 11, 16, 9),
            "ranking_closes_at": paris(2026, 12, 18, 23, 59),
            "results_at": paris(2026, 12, 21, 9)}, state="planned"),
        plan.add("matching_round", wave_id=wave, number=2, off_platform=False, **{
            **no_dates, "applications_opens_at": paris(2027, 1, 4, 9),
            "applications_closes_at": paris(2027, 1, 8, 23, 59),
            "ranking_opens_at": paris(2027, 1, 11, 9),
            "ranking_closes_at": paris(2027, 1, 15, 23, 59),
            "results_at": paris(2027, 1, 19, 9)}, state="planned"),
        plan.add("matching_round", wave_id=wave, number=3, off_platform=True, **{
            **no_dates, "opens_at": paris(2027, 2, 1, 9), "closes_at": paris(2027, 2, 12, 18),
            "results_at": paris(2027, 2, 15, 9)}, state="planned"),
    ]
    _participate(plan, campaign, accounts["coordinator"], "coordinator")
    _participate(plan, campaign, accounts["rts"], "supervisor")

    specs = [s for s in SPECIALTIES if s.label != GENERAL_PRACTICE]
    total = sum(s.posts for s in specs)
    sub_by_name = {s.name: s for s in SUBDIVISIONS}
    sub_cum = _cumulative([s.weight for s in SUBDIVISIONS])
    posts: list[dict[str, Any]] = []  # post attributes before supervisors are known
    number = _Counter(0)

    def new_post(spec: Specialty, sub: Subdivision, establishment: str, unit: str,
                 post_type: str, places: int, **extra: Any) -> dict[str, Any]:
        attrs = {
            "specialty": spec.label,
            "option": rng.choice(spec.options) if spec.options and rng.random() < 0.35 else None,
            "post_type": post_type,
            "duration_months": 12 if rng.random() < 0.8 else 6,
            "number": number.next(rng),
            "offset_semester": rng.random() < 0.08,
            "label": f"{spec.label.upper()} - {unit.upper()}",
            "indication": rng.choice(_INDICATIONS) if rng.random() < 0.35 else None,
            "establishment": establishment, "subdivision": sub.name, "places": places,
            "description": rng.choice(_DESCRIPTIONS).format(n=rng.randint(3, 12))
            if rng.random() < 0.4 else None,
            "validated": rng.random() < 0.96,
            "supervisor": None, "second": None,
        }
        attrs.update(extra)
        posts.append(attrs)
        return attrs

    # The demo supervisor's four cardiology posts in Lyon come first.
    cardio = next(s for s in specs if s.label == "Médecine cardiovasculaire")
    lyon = sub_by_name["LYON"]
    rts_units = [("Hôpital Louis-Pradel (HCL)", "USIC et cardiologie interventionnelle", "simple"),
                 ("Hôpital Louis-Pradel (HCL)", "Rythmologie", "simple"),
                 ("Hôpital de la Croix-Rousse (HCL)", "Insuffisance cardiaque", "simple"),
                 ("Hôpital Louis-Pradel (HCL)", "Cardiologie et CH de Villefranche", "couplé")]
    second_rts = None
    for est, unit, kind in rts_units:
        attrs = new_post(cardio, lyon, est, unit, kind, 2 if unit == "Rythmologie" else 1,
                         supervisor=accounts["rts"], validated=True,
                         description="Service de cardiologie de recours : USIC de 16 lits, "
                                     "salle de cathétérisme, plateau de rythmologie. Le docteur "
                                     "junior a un secteur de 8 lits et une demi-journée de "
                                     "consultation.")
        if kind == "couplé":
            if second_rts is None:
                first, last = people.senior()
                second_rts = _person(plan, "supervisor", first, last)
            attrs["second"] = second_rts
    rts_posts = list(range(len(posts)))

    for spec in specs:
        count = max(3, round(MATCHING_POSTS * spec.posts / total)) - (4 if spec is cardio else 0)
        # Posts of the rarer specialties gather in the large university hospitals.
        power = 1.0 if spec.posts >= 150 else 2.0
        post_cum = _cumulative([s.weight ** power for s in SUBDIVISIONS])
        for _ in range(count):
            sub = rng.choices(SUBDIVISIONS, cum_weights=post_cum)[0]
            university = rng.random() < 0.55
            est = sub.hospitals[0] if university else rng.choice(sub.hospitals[1:])
            unit = rng.choice(spec.units) if spec.units else spec.label
            roll = rng.random()
            kind = "simple" if roll < 0.75 else "couplé" if roll < 0.9 else "mixte"
            new_post(spec, sub, est, unit, kind, 2 if rng.random() < 0.15 else 1)

    # Supervisors: one to three posts each, in one establishment and one specialty.
    supervisors_by_sub: dict[str, list[int]] = defaultdict(list)
    practitioners_by_sub: dict[str, list[int]] = defaultdict(list)
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for attrs in posts:
        if attrs["supervisor"] is None:
            groups[(attrs["subdivision"], attrs["specialty"])].append(attrs)
    for (sub_name, _spec), members in groups.items():
        i = 0
        while i < len(members):
            take = rng.choice((2, 3, 3))
            first, last = people.senior()
            sup = _person(plan, "supervisor", first, last)
            supervisors_by_sub[sub_name].append(sup)
            for attrs in members[i:i + take]:
                attrs["supervisor"] = sup
                attrs["establishment"] = members[i]["establishment"]
            i += take
    for attrs in posts:
        if attrs["post_type"] == "simple" or attrs["second"] is not None:
            continue
        sub_name = attrs["subdivision"]
        if attrs["post_type"] == "mixte":  # the second supervisor is an office practitioner
            pool = practitioners_by_sub[sub_name]
            if pool and rng.random() < 0.5:
                attrs["second"] = rng.choice(pool)
            else:
                first, last = people.senior()
                attrs["second"] = _person(plan, "supervisor", first, last)
                pool.append(attrs["second"])
        else:
            others = [s for s in supervisors_by_sub[sub_name] if s != attrs["supervisor"]]
            if others:
                attrs["second"] = rng.choice(others)
            else:
                first, last = people.senior()
                attrs["second"] = _person(plan, "supervisor", first, last)
    seen_sup: set[int] = {accounts["rts"]}
    post_index: list[int] = []
    for attrs in posts:
        for sup in (attrs["supervisor"], attrs["second"]):
            if sup is not None and sup not in seen_sup:
                seen_sup.add(sup)
                _participate(plan, campaign, sup, "supervisor")
        post_index.append(plan.add(
            "matching_post", campaign_id=campaign, wave_id=wave, specialty=attrs["specialty"],
            option=attrs["option"], post_type=attrs["post_type"],
            duration_months=attrs["duration_months"], number=attrs["number"],
            offset_semester=attrs["offset_semester"], label=attrs["label"],
            indication=attrs["indication"], establishment=attrs["establishment"],
            subdivision=attrs["subdivision"], places=attrs["places"],
            supervisor_id=attrs["supervisor"], second_supervisor_id=attrs["second"],
            # Some co-supervisors of "couplé" posts rank too (no draw: the data stays put).
            second_supervisor_access="rank" if attrs["post_type"] == "couplé"
            and int(attrs["number"]) % 3 == 0 else "read",
            description=attrs["description"], validated=attrs["validated"]))

    # Candidates: about 1.1 per place, mostly where their specialty's posts are.
    by_spec: dict[str, list[int]] = defaultdict(list)
    places_by_spec_sub: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for k, attrs in enumerate(posts):
        by_spec[attrs["specialty"]].append(k)
        places_by_spec_sub[attrs["specialty"]][attrs["subdivision"]] += attrs["places"]
    total_places = sum(a["places"] for a in posts)
    candidates: list[tuple[int, str, str]] = []  # (candidate index, specialty, subdivision)
    apps: list[list[int]] = []
    doctor_slot = -1
    for spec in specs:
        spread = places_by_spec_sub[spec.label]
        n = round(MATCHING_CANDIDATES * sum(spread.values()) / total_places)
        if spec is cardio:
            n -= 1  # the demo junior doctor is one of them
        subs, weights = list(spread), list(spread.values())
        for _ in range(n):
            sub = (rng.choices(subs, weights=weights)[0] if rng.random() < 0.85
                   else rng.choices(SUBDIVISIONS, cum_weights=sub_cum)[0].name)
            first, last = people.student()
            person = _person(plan, "student", first, last, birth=people.birth_date(1995, 1999),
                             town=rng.choice(sub_by_name[sub].towns), ine=people.ine())
            candidates.append(_candidate(plan, rng, campaign, wave, person, spec.label, sub))
            apps.append(_applications(rng, posts, by_spec[spec.label], sub, sub_by_name))
        if spec is cardio:
            candidates.append(_candidate(plan, rng, campaign, wave, accounts["doctor"],
                                         spec.label, "LYON", presentation=_PRESENTATIONS[3]))
            mine = _applications(rng, posts, by_spec[spec.label], "LYON", sub_by_name, k=8)
            if rts_posts[0] not in mine:
                mine.insert(1, rts_posts[0])
                mine = mine[:8]
            apps.append(mine)
            doctor_slot = len(candidates) - 1

    _balance_rts_posts(rng, rts_posts, apps, candidates, posts, doctor_slot)
    for (candidate, _spec, _sub), chosen in zip(candidates, apps, strict=True):
        for position, k in enumerate(chosen, start=1):
            plan.add("application", round_id=rounds[0], candidate_id=candidate,
                     post_id=post_index[k], position=position)

    # A ranking in progress on two of the demo supervisor's posts: a few entries only.
    for k, ranked, saved in ((rts_posts[0], 3, paris(2026, 11, 17, 8, 42)),
                             (rts_posts[1], 2, paris(2026, 11, 19, 21, 5))):
        applicants = [c for c, chosen in enumerate(apps) if k in chosen]
        local = sorted(applicants, key=lambda c: (candidates[c][2] != "LYON", c))
        entries = 0
        for position, c in enumerate(local[:ranked], start=1):
            plan.add("ranking_entry", round_id=rounds[0], post_id=post_index[k],
                     candidate_id=candidates[c][0], status="ranked", position=position)
            entries += 1
            if position == 1:
                _observe(plan, post_index[k], candidates[c][0], accounts["rts"], saved,
                         "Très bon dossier, stage de phase 2 dans le service.")
        if k == rts_posts[0] and len(local) > ranked + 2:
            plan.add("ranking_entry", round_id=rounds[0], post_id=post_index[k],
                     candidate_id=candidates[local[-1]][0], status="rejected", position=1)
            entries += 1
            _observe(plan, post_index[k], candidates[local[-1]][0], accounts["rts"], saved,
                     "Projet professionnel éloigné du terrain de stage.")
        plan.add("post_ranking", round_id=rounds[0], post_id=post_index[k], version=entries,
                 updated_at=saved, updated_by_id=accounts["rts"])


def _observe(plan: DemoPlan, post: int, candidate: int, author: int, at: datetime,
             text: str) -> None:
    plan.add("candidate_observation", post_id=post, candidate_id=candidate, text=text,
             updated_at=at, updated_by_id=author)


def _candidate(plan: DemoPlan, rng: random.Random, campaign: int, wave: int, person: int,
               specialty: str, subdivision: str,
               presentation: str | None = None) -> tuple[int, str, str]:
    """A junior doctor of the matching; returns (plan index, specialty, subdivision)."""
    _participate(plan, campaign, person, "student")
    if presentation is None and rng.random() < 0.3:
        presentation = rng.choice(_PRESENTATIONS)
    index = plan.add("matching_candidate", campaign_id=campaign, wave_id=wave, person_id=person,
                     specialty=specialty, subdivision=subdivision,
                     offset_semester=rng.random() < 0.06, presentation=presentation)
    return index, specialty, subdivision


def _applications(rng: random.Random, posts: list[dict[str, Any]], pool: list[int], sub: str,
                  sub_by_name: dict[str, Subdivision], k: int | None = None) -> list[int]:
    """About eight posts of his specialty, his own subdivision's first (with some mixing)."""
    if k is None:
        k = max(3, min(14, round(rng.gauss(8, 2))))
    home = sub_by_name[sub]
    scored = []
    for p in pool:
        there = sub_by_name[posts[p]["subdivision"]]
        score = there.appeal * rng.lognormvariate(0, 0.3)
        if there.name == sub:
            score *= 12.0
        elif there.area == home.area:
            score *= 2.0
        if posts[p]["establishment"] == there.hospitals[0]:
            score *= 1.3  # the university hospital attracts more
        scored.append((score, p))
    scored.sort(reverse=True)
    return [p for _, p in scored[:k]]


def _balance_rts_posts(rng: random.Random, rts_posts: list[int], apps: list[list[int]],
                       candidates: list[tuple[int, str, str]], posts: list[dict[str, Any]],
                       keep: int) -> None:
    """Give each of the demo supervisor's posts 5 to 15 applicants, to rank on screen."""
    for k in rts_posts:
        applicants = [c for c, chosen in enumerate(apps) if k in chosen]
        target = rng.randint(6, 14)
        if len(applicants) > 15:
            for c in rng.sample([c for c in applicants if c != keep], len(applicants) - target):
                apps[c].remove(k)
        elif len(applicants) < 5:
            same = [c for c, (_i, spec, sub) in enumerate(candidates)
                    if spec == posts[k]["specialty"] and c not in applicants]
            same.sort(key=lambda c: (candidates[c][2] != "LYON", c))
            for c in same[: target - len(applicants)]:
                apps[c].append(k)


# --------------------------------------------------------------------------- persistence


def _models() -> dict[str, Table]:
    """Every table known to the ORM, including those other modules add later."""
    tables = Base.metadata.tables
    return {name: tables[name] for name in tables}


def _insert_plan(session: Session, plan: DemoPlan) -> None:
    """Bulk-insert the plan table by table, mapping plan indexes to database ids."""
    tables = _models()
    passwords = {a["email"]: a["password"] for a in DEMO_ACCOUNTS}
    answer_hash = hash_secret_answer(DEMO_SECRET_ANSWER)
    person_cols = plan.columns["person"]
    for email, index in plan.accounts.items():
        row = list(plan.rows["person"][index])
        row[person_cols.index("password_hash")] = hash_password(passwords[email])
        row[person_cols.index("secret_answer_hash")] = answer_hash
        plan.rows["person"][index] = tuple(row)

    referenced = {
        fk.column.table.name
        for name in plan.rows for col in tables[name].columns for fk in col.foreign_keys
    }
    ids: dict[str, list[int]] = {}
    for table in Base.metadata.sorted_tables:
        name = table.name
        rows = plan.rows.get(name)
        if not rows:
            continue
        cols = plan.columns[name]
        fks = [(i, fk.column.table.name) for i, c in enumerate(cols)
               for fk in table.c[c].foreign_keys]
        out: list[int] = []
        for chunk in _chunks(rows, INSERT_CHUNK):
            dicts = []
            for row in chunk:
                values = list(row)
                for i, target in fks:
                    if values[i] is not None:
                        values[i] = ids[target][values[i]]
                dicts.append(dict(zip(cols, values, strict=True)))
            # Large pages: PostgreSQL allows 65,535 parameters a statement (SQLite ignores it).
            options = {"insertmanyvalues_page_size": max(100, 30_000 // len(cols))}
            if name in referenced:
                stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
                out.extend(session.execute(stmt, dicts, execution_options=options).scalars())
            else:
                session.execute(insert(table), dicts, execution_options=options)
        ids[name] = out


def _chunks(rows: list[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _demo_roots() -> dict[str, ColumnElement[bool]]:
    """Rows that are demo data by themselves; everything referring to them is too."""
    emails = [a["email"] for a in DEMO_ACCOUNTS]
    return {
        "person": or_(Person.created_at == DEMO_STAMP, Person.email.in_(emails)),
        "campaign": Campaign.created_at == DEMO_STAMP,
    }


def _doomed(roots: dict[str, ColumnElement[bool]]) -> dict[str, ColumnElement[bool]]:
    """For every table, the condition selecting demo rows, following foreign keys."""
    tables = _models()
    memo: dict[str, ColumnElement[bool] | None] = {}

    def condition(name: str, path: frozenset[str]) -> ColumnElement[bool] | None:
        if name in memo:
            return memo[name]
        table = tables[name]
        clauses: list[ColumnElement[bool]] = []
        if name in roots:
            clauses.append(roots[name])
        for col in table.columns:
            for fk in col.foreign_keys:
                parent = fk.column.table
                if parent.name == name or parent.name in path:
                    continue
                cond = condition(parent.name, path | {name})
                if cond is not None:
                    clauses.append(col.in_(select(fk.column).where(cond)))
        memo[name] = or_(*clauses) if clauses else None
        return memo[name]

    out = {}
    for name in tables:
        cond = condition(name, frozenset())
        if cond is not None:
            out[name] = cond
    return out


def _delete_demo(session: Session) -> None:
    """Delete demo rows in every table, children before parents (works on PostgreSQL too)."""
    conditions = _doomed(_demo_roots())
    for table in reversed(Base.metadata.sorted_tables):
        cond = conditions.get(table.name)
        if cond is not None:
            session.execute(delete(table).where(cond))


def _demo_exists(session: Session) -> bool:
    """Whether the demo campaigns are there (written in one transaction with all the rest)."""
    return session.scalar(select(func.count()).where(Campaign.created_at == DEMO_STAMP)) > 0


def _counts(session: Session) -> dict[str, int | float]:
    """What the demo holds, counted in the database."""
    demo = select(Campaign.id).where(Campaign.created_at == DEMO_STAMP)

    def of_kind(kind: str) -> Any:
        return select(Campaign.id).where(Campaign.created_at == DEMO_STAMP, Campaign.kind == kind)

    def count(stmt: Any) -> int:
        return int(session.scalar(stmt) or 0)

    national = of_kind("national")
    candidates = select(NationalCandidate.id).where(NationalCandidate.campaign_id.in_(national))
    matching = of_kind("matching")
    services = select(Service.id).where(Service.campaign_id.in_(demo))
    matching_cands = select(MatchingCandidate.id).where(MatchingCandidate.campaign_id.in_(matching))
    cell_filter = NationalCell.campaign_id.in_(national)
    return {
        "persons": count(select(func.count()).select_from(Person).where(
            _demo_roots()["person"])),
        "accounts": count(select(func.count()).select_from(Person).where(
            Person.created_at == DEMO_STAMP, Person.password_hash.is_not(None))),
        "campaigns": count(select(func.count()).select_from(Campaign).where(
            Campaign.id.in_(demo))),
        "participations": count(select(func.count()).select_from(Participation).where(
            Participation.campaign_id.in_(demo))),
        "national_cells": count(select(func.count()).select_from(NationalCell).where(cell_filter)),
        "national_posts": count(select(func.sum(NationalCell.capacity)).where(cell_filter)),
        "cesp_posts": count(select(func.sum(NationalCell.capacity)).where(
            cell_filter, NationalCell.pool == "cesp")),
        "students": count(select(func.count()).select_from(NationalCandidate).where(
            NationalCandidate.campaign_id.in_(national))),
        "wishes": count(select(func.count()).select_from(Wish).where(
            Wish.candidate_id.in_(candidates))),
        "amphis": count(select(func.count()).select_from(Amphi).where(Amphi.campaign_id.in_(demo))),
        "interns": count(select(func.count()).select_from(Intern).where(
            Intern.campaign_id.in_(demo))),
        "services": count(select(func.count()).select_from(Service).where(
            Service.campaign_id.in_(demo))),
        "amphi_posts": count(select(func.count()).select_from(AmphiPost).where(
            AmphiPost.service_id.in_(services))),
        "matching_posts": count(select(func.count()).select_from(MatchingPost).where(
            MatchingPost.campaign_id.in_(matching))),
        "supervisors": count(select(func.count()).select_from(Participation).where(
            Participation.campaign_id.in_(matching), Participation.role == "supervisor")),
        "junior_doctors": count(select(func.count()).select_from(MatchingCandidate).where(
            MatchingCandidate.campaign_id.in_(matching))),
        "applications": count(select(func.count()).select_from(Application).where(
            Application.candidate_id.in_(matching_cands))),
        "ranking_entries": count(select(func.count()).select_from(RankingEntry).where(
            RankingEntry.candidate_id.in_(matching_cands))),
    }


def demo_exists(settings: Settings) -> bool:
    """True when the database already holds the demo data (False when it has no schema)."""
    engine = make_engine(settings.resolved_database_url)
    try:
        if not inspect(engine).has_table(Campaign.__tablename__):
            return False
        with make_sessionmaker(engine)() as session:
            return _demo_exists(session)
    finally:
        engine.dispose()


def load_demo(settings: Settings, *, refresh: bool = False) -> dict[str, int | float]:
    """Create the demo data once; with `refresh`, delete it and create it again.

    Creates the schema if needed. When the data exists and `refresh` is false, nothing
    is written and the existing counts are returned. The counts include "seconds", the
    time this call took. Everything happens in one transaction: a failure leaves the
    database as it was.
    """
    started = time.perf_counter()
    # The demo accounts get the deployment's Argon2 cost, as accounts made by the server do.
    configure_hashing(time_cost=settings.argon2_time_cost,
                      memory_cost=settings.argon2_memory_kib,
                      parallelism=settings.argon2_parallelism)
    engine = make_engine(settings.resolved_database_url)
    try:
        create_schema(engine)
        with transaction(make_sessionmaker(engine)) as session:
            exists = _demo_exists(session)
            if exists and not refresh:
                counts = _counts(session)
            else:
                if exists:
                    _delete_demo(session)
                _insert_plan(session, build_plan())
                counts = _counts(session)
    finally:
        engine.dispose()
    counts["seconds"] = round(time.perf_counter() - started, 2)
    return counts


def plan_summary(plan: DemoPlan) -> str:
    """A one-line JSON of the plan's row counts (for debugging the generator)."""
    return json.dumps({name: len(rows) for name, rows in plan.rows.items()})
