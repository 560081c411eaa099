"""Generating the whole plan and writing it: bulk inserts in one transaction; with a
refresh, the demo rows (and every row that refers to them, in any table) deleted first.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from datetime import date
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

from server_stub import migrations
from server_stub.core.db import Base, make_engine, make_sessionmaker, transaction
from server_stub.core.security import configure_hashing, hash_password, hash_secret_answer
from server_stub.demo.amphi import build_amphis
from server_stub.demo.matching import build_matching
from server_stub.demo.national import build_national
from server_stub.demo.plan import (
    DEMO_ACCOUNTS,
    DEMO_SECRET_ANSWER,
    DEMO_SEED,
    DEMO_STAMP,
    INSERT_CHUNK,
    DemoPlan,
    People,
    demo_people,
    demo_today,
)
from server_stub.models import (
    Amphi,
    AmphiPost,
    Application,
    Campaign,
    Intern,
    MatchingCandidate,
    MatchingPost,
    NationalCell,
    NationalStudent,
    Participation,
    Person,
    RankingEntry,
    Service,
    Wish,
)
from server_stub.settings import Settings


def build_plan(seed: int = DEMO_SEED, today: date | None = None) -> DemoPlan:
    """Generate every demo row (pure and deterministic: same seed and day, same plan).

    Its dates are placed around `today` (by default the demo's today, `demo_today`).
    """
    rng = random.Random(seed)
    plan = DemoPlan(today=today or demo_today())
    people = People(rng)
    accounts = demo_people(plan)
    build_national(plan, rng, people, accounts)
    build_amphis(plan, rng, people, accounts)
    build_matching(plan, rng, people, accounts)
    return plan


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
        person = list(plan.rows["person"][index])
        person[person_cols.index("password_hash")] = hash_password(passwords[email])
        person[person_cols.index("secret_answer_hash")] = answer_hash
        plan.rows["person"][index] = tuple(person)

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
    return (session.scalar(select(func.count()).where(Campaign.created_at == DEMO_STAMP)) or 0) > 0


def _demo_day(session: Session) -> str | None:
    """The day the demo data was built around (`demo_day` of its campaigns' settings)."""
    for settings in session.scalars(select(Campaign.settings).where(
            Campaign.created_at == DEMO_STAMP)):
        day = (settings or {}).get("demo_day")
        if isinstance(day, str):
            return day
    return None


def _counts(session: Session) -> dict[str, int | float]:
    """What the demo holds, counted in the database."""
    demo = select(Campaign.id).where(Campaign.created_at == DEMO_STAMP)

    def of_kind(kind: str) -> Any:
        return select(Campaign.id).where(Campaign.created_at == DEMO_STAMP, Campaign.kind == kind)

    def count(stmt: Any) -> int:
        return int(session.scalar(stmt) or 0)

    national = of_kind("national")
    candidates = select(NationalStudent.id).where(NationalStudent.campaign_id.in_(national))
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
        "students": count(select(func.count()).select_from(NationalStudent).where(
            NationalStudent.campaign_id.in_(national))),
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
        migrations.upgrade(engine)  # the demo data is ours: its schema follows the code
        with transaction(make_sessionmaker(engine)) as session:
            exists = _demo_exists(session)
            # Built another day, its story (today's amphitheatre, this week's ranking) is
            # out of date: built again around today.
            stale = exists and _demo_day(session) != demo_today().isoformat()
            if exists and not refresh and not stale:
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
