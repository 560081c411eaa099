"""Matching at national scale (`make bench`): figures are printed, never asserted.

A SQLite file is filled (not timed) with 7,400 junior doctors, 6,000 posts, ~8 applications
each and a ranking on every post (one in ten left invalid). Then, timed:
- a full round (`run_matching_round`): loading applications and rankings from the database,
  the engine's match, saving every result — goal ≤ 5 s; through the service and over HTTP;
- the Excel export of the 7,400-row students view — goal ≤ 3 s; CSV alongside;
- the coordinators' dashboards (students, posts) for reference.

Deterministic (fixed seed). Run from the repository root:
`.venv/bin/python bench/bench_matching.py`.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
import warnings
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
warnings.filterwarnings("ignore", message="Using `httpx` with")  # TestClient's notice

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from server_stub import migrations  # noqa: E402
from server_stub import models as m  # noqa: E402
from server_stub.app import create_app  # noqa: E402
from server_stub.core.context import RequestContext  # noqa: E402
from server_stub.core.db import make_engine, make_sessionmaker  # noqa: E402
from server_stub.core.mail import Mailer  # noqa: E402
from server_stub.core.security import hash_password  # noqa: E402
from server_stub.matching import exports as matching_exports  # noqa: E402
from server_stub.matching import rounds as matching_rounds  # noqa: E402
from server_stub.matching.schemas import StudentFilter  # noqa: E402
from server_stub.settings import Settings  # noqa: E402

STUDENTS = 7_400
POSTS = 6_000
APPLICATIONS = 8
SUBDIVISIONS = [
    "ILE-DE-FRANCE", "LYON", "MARSEILLE", "MONTPELLIER", "BORDEAUX", "TOULOUSE", "NANTES",
    "RENNES", "LILLE", "STRASBOURG", "GRENOBLE", "NICE", "NANCY", "ANGERS", "TOURS", "BREST",
    "CAEN", "ROUEN", "DIJON", "BESANCON", "REIMS", "AMIENS", "CLERMONT-FERRAND", "LIMOGES",
    "POITIERS", "SAINT-ETIENNE", "ANTILLES-GUYANE", "OCEAN INDIEN",
]
SPECIALTIES = [f"Spécialité {i:02d}" for i in range(30)]
PASSWORD = "Bench2026x"


def fr(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")


def chunked_insert(session: Session, model: type, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 5000):
        session.execute(insert(model), rows[start:start + 5000])


def fill(settings: Settings, seed: int = 2026) -> dict[str, int]:
    """The campaign at scale, written with bulk inserts; returns ids the bench needs."""
    rng = random.Random(seed)
    engine = make_engine(settings.resolved_database_url)
    migrations.upgrade(engine)
    now = datetime.now(UTC)
    with make_sessionmaker(engine)() as s:
        staff = m.Person(role="staff", last_name="Agent", first_name="Bench",
                         email="bench@ars.example.org", email_confirmed=True,
                         password_hash=hash_password(PASSWORD))
        campaign = m.Campaign(kind="matching", name="Appariement (bench)", state="open",
                              settings={})
        s.add_all([staff, campaign])
        s.flush()
        wave = m.MatchingWave(campaign_id=campaign.id, name="Vague 1", position=1)
        s.add(wave)
        s.flush()
        day = timedelta(days=1)
        rnd = m.MatchingRound(wave_id=wave.id, number=1, off_platform=False, state="planned",
                              applications_opens_at=now - 10 * day,
                              applications_closes_at=now - 7 * day,
                              ranking_opens_at=now - 6 * day, ranking_closes_at=now - day)
        s.add(rnd)
        s.flush()
        first_person = (s.scalar(select(m.Person.id).order_by(m.Person.id.desc())) or 0) + 1
        people = [{"role": "supervisor", "last_name": f"Rts{i}", "first_name": "Docteur",
                   "email": f"rts{i}@chu.example.org"} for i in range(POSTS // 3)]
        people += [{"role": "student", "last_name": f"Interne{i}", "first_name": "Jeune",
                    "email": f"interne{i}@etu.example.org", "ine": f"{i:010d}B",
                    "last_seen_at": now - timedelta(minutes=i) if i % 3 else None}
                   for i in range(STUDENTS)]
        chunked_insert(s, m.Person, people)
        sup_ids = list(range(first_person, first_person + POSTS // 3))
        student_ids = list(range(first_person + POSTS // 3,
                                 first_person + POSTS // 3 + STUDENTS))

        first_post = (s.scalar(select(m.MatchingPost.id).order_by(
            m.MatchingPost.id.desc())) or 0) + 1
        posts = []
        by_spec: dict[str, list[int]] = defaultdict(list)
        post_sub: dict[int, str] = {}
        for i in range(POSTS):
            spec = SPECIALTIES[i % len(SPECIALTIES)]
            sub = SUBDIVISIONS[rng.randrange(len(SUBDIVISIONS)) if rng.random() < 0.5
                               else i % len(SUBDIVISIONS)]
            posts.append({"campaign_id": campaign.id, "wave_id": wave.id, "specialty": spec,
                          "post_type": "simple", "duration_months": 12, "number": str(10_000 + i),
                          "offset_semester": False, "label": f"Service {i}",
                          "establishment": f"CHU {sub.title()}", "subdivision": sub,
                          "places": 2 if rng.random() < 0.15 else 1,
                          "supervisor_id": sup_ids[i // 3], "second_supervisor_access": "read",
                          "validated": True})
            by_spec[spec].append(first_post + i)
            post_sub[first_post + i] = sub
        chunked_insert(s, m.MatchingPost, posts)

        first_cand = (s.scalar(select(m.MatchingCandidate.id).order_by(
            m.MatchingCandidate.id.desc())) or 0) + 1
        candidates, applications = [], []
        applicants: dict[int, list[int]] = defaultdict(list)
        cand_sub: dict[int, str] = {}
        for i, person in enumerate(student_ids):
            spec = rng.choice(SPECIALTIES)
            sub = rng.choice(SUBDIVISIONS)
            cid = first_cand + i
            cand_sub[cid] = sub
            candidates.append({"campaign_id": campaign.id, "wave_id": wave.id,
                               "person_id": person, "specialty": spec, "subdivision": sub,
                               "offset_semester": rng.random() < 0.06})
            pool = by_spec[spec]
            local = [p for p in pool if post_sub[p] == sub]
            chosen: list[int] = rng.sample(local, min(len(local), 5))
            while len(chosen) < APPLICATIONS:
                p = rng.choice(pool)
                if p not in chosen:
                    chosen.append(p)
            rng.shuffle(chosen)
            for position, p in enumerate(chosen, start=1):
                applications.append({"round_id": rnd.id, "candidate_id": cid, "post_id": p,
                                     "position": position})
                applicants[p].append(cid)
        chunked_insert(s, m.MatchingCandidate, candidates)
        chunked_insert(s, m.Application, applications)

        entries, heads = [], []
        for p, cands in applicants.items():
            order = sorted(cands, key=lambda c: (cand_sub[c] != post_sub[p], rng.random()))
            if rng.random() < 0.1:
                order = order[:-1]  # one left unclassified: an invalid ranking
            entries += [{"round_id": rnd.id, "post_id": p, "candidate_id": c,
                         "status": "ranked", "position": k} for k, c in enumerate(order, 1)]
            heads.append({"round_id": rnd.id, "post_id": p, "version": 1, "updated_at": now,
                          "updated_by_id": sup_ids[(p - first_post) // 3]})
        chunked_insert(s, m.RankingEntry, entries)
        chunked_insert(s, m.PostRanking, heads)
        s.commit()
        ids = {"campaign": campaign.id, "round": rnd.id, "staff": staff.id,
               "applications": len(applications), "entries": len(entries)}
    engine.dispose()
    return ids


def timed(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="amphi-bench-matching-") as tmp:
        settings = Settings(data_dir=Path(tmp), secret_key="bench", argon2_time_cost=1,
                            argon2_memory_kib=1024, argon2_parallelism=1)
        started = time.perf_counter()
        ids = fill(settings)
        print(f"matching bench: {fr(STUDENTS)} students x {fr(POSTS)} posts, "
              f"{fr(ids['applications'])} applications, {fr(ids['entries'])} ranking entries "
              f"(filled in {fr(time.perf_counter() - started, 1)} s, not timed)")

        engine = make_engine(settings.resolved_database_url)
        factory = make_sessionmaker(engine)
        ctx = RequestContext(settings, Mailer(settings), "http://bench", "127.0.0.1")

        def run_round() -> Any:
            with factory() as session:
                staff = session.get(m.Person, ids["staff"])
                return matching_rounds.run_round(session, ctx, staff, ids["round"])

        seconds, run = timed(run_round)
        print(f"  full round (load + match + save), service: median {fr(seconds, 2)} s "
              f"over 3 runs (goal <= 5 s); {fr(run.assigned)} assigned, "
              f"{fr(run.unassigned)} unassigned, {fr(run.posts_invalid)} invalid rankings")

        def export(fmt: str) -> Any:
            with factory() as session:
                staff = session.get(m.Person, ids["staff"])
                return matching_exports.export_students(session, ctx, staff, ids["campaign"],
                                                        StudentFilter(), fmt)  # type: ignore[arg-type]

        seconds, out = timed(lambda: export("xlsx"))
        print(f"  students export to Excel: median {fr(seconds, 2)} s for {fr(out.rows)} rows, "
              f"{fr(len(out.content) / 1e6, 1)} Mo (goal <= 3 s)")
        seconds, out = timed(lambda: export("csv"))
        print(f"  students export to CSV: median {fr(seconds, 2)} s "
              f"({fr(len(out.content) / 1e6, 1)} Mo)")
        engine.dispose()

        with TestClient(create_app(settings)) as client:
            r = client.post("/api/auth/login",
                            json={"email": "bench@ars.example.org", "password": PASSWORD})
            headers = {"Authorization": f"Bearer {r.json()['token']}"}
            base = f"/api/matching/campaigns/{ids['campaign']}"

            def http(method: str, path: str, **kw: Any) -> Any:
                response = client.request(method, path, headers=headers, **kw)
                assert response.status_code == 200, response.text
                return response

            seconds, _ = timed(lambda: http("POST", f"/api/matching/rounds/{ids['round']}/run"))
            print(f"  full round over HTTP (run_matching_round): median {fr(seconds, 2)} s")
            seconds, response = timed(lambda: http("GET", f"{base}/exports/students"))
            print(f"  Excel export over HTTP: median {fr(seconds, 2)} s "
                  f"({response.headers['x-row-count']} rows)")
            seconds, _ = timed(lambda: http("GET", f"{base}/dashboard/students"))
            print(f"  students dashboard (filters + percentages): median {fr(seconds, 2)} s")
            seconds, _ = timed(lambda: http("GET", f"{base}/dashboard/posts"))
            print(f"  posts dashboard (with every ranking's validity): "
                  f"median {fr(seconds, 2)} s")


if __name__ == "__main__":
    main()
