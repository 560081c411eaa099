"""The demo's shared plumbing: the plan (rows with local indexes in place of foreign keys),
the documented accounts, the drawing of identities and Paris time.

Every demo row of `person` and `campaign` carries `created_at == DEMO_STAMP`; that is how
a refresh finds what to delete.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from server_stub.demo.data.names import (
    LAST_NAMES,
    SENIOR_FIRST_NAMES_F,
    SENIOR_FIRST_NAMES_M,
    STUDENT_FIRST_NAMES_F,
    STUDENT_FIRST_NAMES_M,
)

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


def demo_today() -> date:
    """The demo's « today »: the date in Paris on the server's clock (`core/clock.py`).

    Every demo date is placed around it (the amphitheatre sits today, the matching round
    ranks today...), so the demo tells the same story whatever the day it is built.
    """
    from server_stub.core.clock import now

    at = now()
    guess = (at + timedelta(hours=1)).date()  # Paris is UTC+1 or UTC+2
    offset = datetime(guess.year, guess.month, guess.day, 12, tzinfo=UTC) - paris(
        guess.year, guess.month, guess.day, 12)
    return (at + offset).date()


def working_days(around: date, before: int, after: int) -> list[date]:
    """`before` working days before `around`, `around` itself, `after` working days after."""
    days = [around]
    day = around
    while len(days) < before + 1:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            days.insert(0, day)
    day = around
    while len(days) < before + 1 + after:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    return days


@dataclass
class DemoPlan:
    """Rows to insert, table by table, in dependency order.

    Each table has its column names and rows as tuples. A foreign-key column holds the
    index of the referenced row in this plan (or None); the loader turns it into the id.
    """

    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    accounts: dict[str, int] = field(default_factory=dict)  # email -> person index
    today: date = field(default_factory=demo_today)  # every demo date is placed around it

    def at(self, days: int, hour: int = 0, minute: int = 0) -> datetime:
        """`days` after (before, if negative) the demo's today, at that Paris time."""
        day = self.today + timedelta(days=days)
        return paris(day.year, day.month, day.day, hour, minute)

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


class People:
    """Draws French identities: common names more often, unique INE-like numbers."""

    LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.last_cum = cumulative([1.0 / (i + 8) ** 0.9 for i in range(len(LAST_NAMES))])
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


def cumulative(weights: Sequence[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def add_person(
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
        registered_at=plan.at(-60, 10, 30) if account else None, created_at=DEMO_STAMP,
    )
    if email is not None:
        plan.accounts[email] = index
    return index


def add_campaign(plan: DemoPlan, kind: str, name: str, region: str | None, state: str,
                 settings: dict[str, Any]) -> int:
    return plan.add("campaign", kind=kind, name=name, region=region, state=state,
                    settings={"demo": True, "demo_day": plan.today.isoformat(), **settings},
                    created_at=DEMO_STAMP)


def add_participation(plan: DemoPlan, campaign: int, person: int, role: str) -> None:
    plan.add("participation", campaign_id=campaign, person_id=person, role=role)


def demo_people(plan: DemoPlan) -> dict[str, int]:
    """The documented accounts and the unregistered identity, first in the person table."""
    ids = {
        "staff": add_person(plan, "staff", "Sophie", "Durand", birth=date(1978, 4, 2),
                            town="Clermont-Ferrand", email="ars@amphi.demo",
                            phone="04 72 34 74 00", address="241 rue Garibaldi\n69003 Lyon"),
        "student": add_person(plan, "student", "Lucas", "Bernard", birth=date(2001, 5, 12),
                              town="Villeurbanne", ine="2209876543K", email="etudiant@amphi.demo",
                              phone="06 12 34 56 78",
                              address="12 rue du Docteur Rollet\n69100 Villeurbanne"),
        "intern": add_person(plan, "student", "Manon", "Girard", birth=date(1999, 9, 3),
                             town="Lyon", ine="1807654321F", faculty="UFR de médecine Lyon Est",
                             email="interne@amphi.demo", phone="06 23 45 67 89",
                             address="8 rue Saint-Polycarpe\n69001 Lyon"),
        "doctor": add_person(plan, "student", "Hugo", "Lambert", birth=date(1997, 2, 20),
                             town="Grenoble", ine="1605432198B", email="docteur@amphi.demo",
                             phone="06 34 56 78 90",
                             address="45 avenue Berthelot\n69007 Lyon"),
        "rts": add_person(plan, "supervisor", "Olivier", "Garnier", birth=date(1972, 6, 15),
                          town="Saint-Étienne", email="rts@amphi.demo", phone="04 72 11 89 00",
                          address="Hôpital Louis-Pradel\n59 boulevard Pinel\n69500 Bron"),
        "coordinator": add_person(plan, "coordinator", "Nathalie", "Rousseau",
                                  birth=date(1968, 11, 8), town="Lyon", email="coordo@amphi.demo",
                                  phone="04 72 11 00 00",
                                  address="Faculté de médecine Lyon Est\n8 avenue Rockefeller\n"
                                          "69008 Lyon"),
    }
    ident = DEMO_UNREGISTERED_IDENTITY
    ids["unregistered"] = add_person(
        plan, "student", ident["first_name"], ident["last_name"],
        birth=date.fromisoformat(ident["birth_date"]), town=ident["birth_town"], ine=ident["ine"],
    )
    return ids


def set_value(plan: DemoPlan, table: str, index: int, column: str, value: Any) -> None:
    row = list(plan.rows[table][index])
    row[plan.columns[table].index(column)] = value
    plan.rows[table][index] = tuple(row)


class NumberSeries:
    """Increasing post or service numbers with the small gaps real lists have."""

    def __init__(self, start: int) -> None:
        self.value = start

    def next(self, rng: random.Random) -> str:
        self.value += 1 if rng.random() < 0.85 else rng.randint(2, 4)
        return str(self.value)
