"""The demo data: real scale, the documented accounts, deterministic, refreshable.

One real SQLite file is filled once for the module (a few seconds); the refresh test
runs last because it recreates the data in that same file.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from server_stub import models as m
from server_stub.core.clock import as_utc
from server_stub.core.db import make_engine
from server_stub.demo import (
    DEMO_ACCOUNTS,
    DEMO_SECRET_ANSWER,
    DEMO_UNREGISTERED_IDENTITY,
    build_plan,
    demo_exists,
    load_demo,
)
from server_stub.demo.data.regions import PHASE_LABELS
from server_stub.demo.plan import DEMO_STUDENT_RANK
from server_stub.settings import Settings
from tests.conftest import TEST_EPOCH, server_settings

pytestmark = pytest.mark.slow



class Demo:
    """The filled database: its settings, the counts load_demo returned, an engine."""

    def __init__(self, settings: Settings, counts: dict[str, int | float], engine: Engine) -> None:
        self.settings = settings
        self.counts = counts
        self.engine = engine

    def session(self) -> Session:
        return Session(self.engine)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    settings = server_settings(tmp_path_factory.mktemp("demo"), secret_key="test")
    assert not demo_exists(settings)
    counts = load_demo(settings)
    engine = make_engine(settings.resolved_database_url)
    try:
        yield Demo(settings, counts, engine)
    finally:
        engine.dispose()


def national_digest(session: Session) -> str:
    """Ranks, identities and ordered wishes of the national campaign, free of database ids."""
    h = hashlib.sha256()
    candidates = session.execute(
        select(m.NationalStudent.rank, m.NationalStudent.pool,
               m.NationalStudent.demoted_behind, m.NationalStudent.absent,
               m.Person.last_name, m.Person.first_name, m.Person.birth_date, m.Person.ine)
        .join(m.Person, m.Person.id == m.NationalStudent.person_id)
        .order_by(m.NationalStudent.rank)
    )
    for row in candidates:
        h.update(repr(tuple(row)).encode())
    wishes = session.execute(
        select(m.NationalStudent.rank, m.Wish.position, m.NationalCell.pool,
               m.NationalCell.subdivision, m.NationalCell.specialty, m.NationalCell.capacity)
        .join(m.NationalStudent, m.NationalStudent.id == m.Wish.candidate_id)
        .join(m.NationalCell, m.NationalCell.id == m.Wish.cell_id)
        .order_by(m.NationalStudent.rank, m.Wish.position)
    )
    for row in wishes:
        h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def person_by_email(session: Session, email: str) -> m.Person:
    person = session.scalar(select(m.Person).where(m.Person.email == email))
    assert person is not None, email
    return person


# --------------------------------------------------------------------------- scale


def test_created_at_real_scale(demo: Demo) -> None:
    """The demo's size (its time is a figure of `make bench`, not an assertion)."""
    c = demo.counts
    assert 7_900 <= c["students"] <= 8_100
    assert 900 <= c["national_cells"] <= 1_150
    assert 8_500 <= c["national_posts"] <= 9_500
    assert 250 <= c["cesp_posts"] <= 350
    assert 220_000 <= c["wishes"] <= 280_000
    assert 900 <= c["interns"] <= 1_200
    assert c["amphi_posts"] > c["interns"]
    assert 1_100 <= c["matching_posts"] <= 1_300
    assert 1_400 <= c["junior_doctors"] <= 1_600
    assert 9_000 <= c["applications"] <= 14_000  # rounds 1 and 2
    assert 600 <= c["supervisors"] <= 850
    assert c["accounts"] == len(DEMO_ACCOUNTS)
    assert c["persons"] > c["students"] + c["interns"] + c["junior_doctors"]


def test_the_28_subdivisions_and_44_specialties(demo: Demo) -> None:
    with demo.session() as s:
        subs = set(s.scalars(select(m.NationalCell.subdivision).distinct()))
        specs = set(s.scalars(select(m.NationalCell.specialty).distinct()))
        by_spec = dict(s.execute(
            select(m.NationalCell.specialty, func.sum(m.NationalCell.capacity))
            .where(m.NationalCell.pool == "general").group_by(m.NationalCell.specialty)).all())
        assert min(s.scalars(select(m.NationalCell.capacity))) >= 1
    assert len(subs) == 28 and "OCEAN INDIEN" in subs and "ILE-DE-FRANCE" in subs
    assert len(specs) == 44 and "ORL-chirurgie cervico-faciale" in specs
    share = by_spec["Médecine générale"] / sum(by_spec.values())
    assert 0.35 <= share <= 0.45


# --------------------------------------------------------------------------- accounts


def test_demo_accounts_sign_in_with_their_documented_passwords(demo: Demo) -> None:
    from server_stub.core.security import password_problem, verify_password, verify_secret_answer

    with demo.session() as s:
        for account in DEMO_ACCOUNTS:
            assert password_problem(account["password"]) is None, account["email"]
            person = person_by_email(s, account["email"])
            assert person.role == account["role"]
            assert verify_password(person.password_hash, account["password"])
            assert not verify_password(person.password_hash, account["password"] + "x")
            assert person.email_confirmed and person.registered_at is not None
            assert person.secret_question
            # Case-insensitive, as the amphitheatre's entry check expects.
            assert verify_secret_answer(person.secret_answer_hash, DEMO_SECRET_ANSWER.upper())
        # Nobody else has an account: the thousands of others are imported identities.
        assert s.scalar(select(func.count()).where(m.Person.password_hash.is_not(None))) == 6


def test_unregistered_identity_is_a_national_student_without_account(demo: Demo) -> None:
    ident = DEMO_UNREGISTERED_IDENTITY
    with demo.session() as s:
        person = s.scalar(select(m.Person).where(m.Person.ine == ident["ine"]))
        assert person is not None
        assert (person.first_name, person.last_name, person.birth_town) == (
            "Camille", "Lefèvre", "Lyon")
        assert person.birth_date.isoformat() == "2000-03-14"
        assert person.email is None and person.password_hash is None
        candidate = s.scalar(select(m.NationalStudent).where(
            m.NationalStudent.person_id == person.id))
        assert candidate is not None


def test_demo_student_has_a_mid_rank_and_realistic_wishes(demo: Demo) -> None:
    with demo.session() as s:
        person = person_by_email(s, "etudiant@amphi.demo")
        candidate = s.scalar(select(m.NationalStudent).where(
            m.NationalStudent.person_id == person.id))
        assert candidate is not None and candidate.rank == 3775 and candidate.pool == "general"
        wishes = s.execute(
            select(m.Wish.position, m.NationalCell.subdivision, m.NationalCell.specialty)
            .join(m.NationalCell, m.NationalCell.id == m.Wish.cell_id)
            .where(m.Wish.candidate_id == candidate.id).order_by(m.Wish.position)).all()
    assert 20 <= len(wishes) <= 30
    assert [w.position for w in wishes] == list(range(1, len(wishes) + 1))
    assert wishes[0].specialty == "Médecine cardiovasculaire" and wishes[0].subdivision == "LYON"
    assert wishes[-1].specialty == "Médecine générale"


def test_every_participant_has_a_participation(demo: Demo) -> None:
    with demo.session() as s:
        roles = defaultdict(set)
        for campaign_id, person_id, role in s.execute(
                select(m.Participation.campaign_id, m.Participation.person_id,
                       m.Participation.role)):
            roles[(campaign_id, person_id)].add(role)
        for model in (m.NationalStudent, m.Intern, m.MatchingCandidate):
            for campaign_id, person_id in s.execute(select(model.campaign_id, model.person_id)):
                assert "student" in roles[(campaign_id, person_id)]
        for campaign_id, first, second in s.execute(select(
                m.MatchingPost.campaign_id, m.MatchingPost.supervisor_id,
                m.MatchingPost.second_supervisor_id)):
            assert "supervisor" in roles[(campaign_id, first)]
            if second is not None:
                assert "supervisor" in roles[(campaign_id, second)]
        coordo = person_by_email(s, "coordo@amphi.demo")
        matching = s.scalar(select(m.Campaign).where(m.Campaign.kind == "matching"))
        assert matching is not None and "coordinator" in roles[(matching.id, coordo.id)]


# --------------------------------------------------------------------------- national choice


def test_national_students_ranks_pools_and_day_slices(demo: Demo) -> None:
    with demo.session() as s:
        campaign = s.scalar(select(m.Campaign).where(m.Campaign.kind == "national"))
        assert campaign is not None and campaign.state == "wishes_open"
        ranks = list(s.scalars(select(m.NationalStudent.rank).order_by(
            m.NationalStudent.rank)))
        assert ranks == list(range(1, len(ranks) + 1))
        demoted = s.execute(select(m.NationalStudent.rank, m.NationalStudent.demoted_behind)
                            .where(m.NationalStudent.demoted_behind.is_not(None))).all()
        assert 5 <= len(demoted) <= 50 and all(behind > rank for rank, behind in demoted)
        absent = s.scalar(select(func.count()).where(m.NationalStudent.absent.is_(True)))
        assert 5 <= absent <= 60
        cesp = s.scalar(select(func.count()).where(m.NationalStudent.pool == "cesp"))
        assert 100 <= cesp <= 400
        # Contract students wish only contract cells, the others only general cells.
        mixed = s.scalar(
            select(func.count()).select_from(m.Wish)
            .join(m.NationalStudent, m.NationalStudent.id == m.Wish.candidate_id)
            .join(m.NationalCell, m.NationalCell.id == m.Wish.cell_id)
            .where(m.NationalStudent.pool != m.NationalCell.pool))
        assert mixed == 0
        slices = s.execute(select(m.DaySlice).order_by(m.DaySlice.rank_from)).scalars().all()
    assert 6 <= len(slices) <= 10
    assert slices[0].rank_from == 1 and slices[-1].rank_to == len(ranks)
    for before, after in zip(slices, slices[1:], strict=False):
        assert after.rank_from == before.rank_to + 1 and after.day > before.day
    # 9:00 in Paris in January (UTC+1); the demo's own day (the demo student's) from
    # midnight, so that its amphitheatre moves at any hour.
    today = [sl for sl in slices if sl.rank_from <= DEMO_STUDENT_RANK <= sl.rank_to]
    assert len(today) == 1 and today[0].starts_at.hour == 23
    assert as_utc(today[0].starts_at) <= TEST_EPOCH
    assert all(sl.starts_at.hour == 8 for sl in slices if sl is not today[0])


def test_wish_lists_start_with_sought_after_specialties(demo: Demo) -> None:
    """Best ranks dream of ophthalmology or cardiology more than of occupational medicine."""
    with demo.session() as s:
        firsts = Counter(s.scalars(
            select(m.NationalCell.specialty)
            .join(m.Wish, m.Wish.cell_id == m.NationalCell.id)
            .join(m.NationalStudent, m.NationalStudent.id == m.Wish.candidate_id)
            .where(m.Wish.position == 1, m.NationalStudent.rank <= 1000)))
    assert firsts["Ophtalmologie"] + firsts["Médecine cardiovasculaire"] > 10 * (
        firsts["Médecine et santé au travail"] + 1)


# --------------------------------------------------------------------------- amphitheatres


def test_amphitheatres_interns_posts_and_sessions(demo: Demo) -> None:
    with demo.session() as s:
        campaigns = s.scalars(select(m.Campaign).where(m.Campaign.kind == "amphi")).all()
        assert len(campaigns) == 3
        amphis = s.scalars(select(m.Amphi)).all()
        sizes = []
        for amphi in amphis:
            interns = s.scalar(select(func.count()).where(m.Intern.amphi_id == amphi.id))
            posts = s.scalar(
                select(func.count()).select_from(m.AmphiPost)
                .join(m.Service, m.Service.id == m.AmphiPost.service_id)
                .where(m.Service.campaign_id == amphi.campaign_id,
                       m.AmphiPost.specialty_group == amphi.specialty_group,
                       m.AmphiPost.regime == PHASE_LABELS[amphi.phase]))
            assert interns < posts <= interns * 1.1 + 10, amphi.name
            sizes.append(interns)
            sessions = s.scalars(select(m.AmphiSession).where(
                m.AmphiSession.amphi_id == amphi.id).order_by(m.AmphiSession.rank_from)).all()
            assert 2 <= len(sessions) <= 3
            assert sessions[0].rank_from == 1 and sessions[-1].rank_to == interns
            assert all(x.ends_at > x.starts_at for x in sessions)
        assert sum(100 <= n <= 400 for n in sizes) >= 4
        assert [a.state for a in amphis].count("open") == 1
        assert s.scalar(select(func.count()).where(m.AmphiPost.reserved.is_(True))) > 10
        assert s.scalar(select(func.count()).where(m.AmphiPost.earmark.is_not(None))) > 10
        heads = s.scalars(select(m.Service.head)).all()
        assert all(h.startswith(("Pr ", "Dr ")) for h in heads)


def test_local_ranks_are_consistent_within_each_cohort(demo: Demo) -> None:
    with demo.session() as s:
        rows = s.execute(select(m.Intern.campaign_id, m.Intern.specialty_group, m.Intern.cohort,
                                m.Intern.local_rank, m.Intern.local_cohort_size,
                                m.Intern.seniority, m.Intern.supernumerary_request)).all()
    groups = defaultdict(list)
    for row in rows:
        groups[(row.campaign_id, row.specialty_group, row.cohort)].append(row)
    for members in groups.values():
        sizes = {r.local_cohort_size for r in members}
        ranks = [r.local_rank for r in members]
        assert len(sizes) == 1 and len(set(ranks)) == len(ranks)
        size = sizes.pop()
        assert len(members) <= size and all(1 <= rank <= size for rank in ranks)
    assert all(0 <= r.seniority <= 8 for r in rows)
    assert {r.cohort for r in rows} <= set(range(2021, 2026))
    assert 3 <= sum(r.supernumerary_request is not None for r in rows) <= 40


def test_demo_intern_is_in_the_open_amphitheatre(demo: Demo) -> None:
    with demo.session() as s:
        person = person_by_email(s, "interne@amphi.demo")
        intern = s.scalar(select(m.Intern).where(m.Intern.person_id == person.id))
        assert intern is not None and intern.amphi_id is not None
        amphi = s.get(m.Amphi, intern.amphi_id)
    assert amphi is not None and amphi.state == "open"
    assert intern.des == "MG" and 0.2 <= intern.local_rank / intern.local_cohort_size <= 0.6


# --------------------------------------------------------------------------- matching


def test_matching_posts_candidates_and_the_demo_supervisor(demo: Demo) -> None:
    with demo.session() as s:
        types = Counter(s.scalars(select(m.MatchingPost.post_type)))
        assert set(types) == {"simple", "couplé", "mixte"}
        unpaired = s.scalar(select(func.count()).where(
            m.MatchingPost.post_type != "simple", m.MatchingPost.second_supervisor_id.is_(None)))
        assert unpaired == 0
        rts = person_by_email(s, "rts@amphi.demo")
        posts = s.scalars(select(m.MatchingPost).where(
            m.MatchingPost.supervisor_id == rts.id)).all()
        assert 3 <= len(posts) <= 4
        for post in posts:
            applicants = s.scalar(select(func.count()).where(m.Application.post_id == post.id))
            assert 5 <= applicants <= 15, post.label
        entries = s.scalars(select(m.RankingEntry).where(
            m.RankingEntry.post_id.in_([p.id for p in posts]))).all()
        assert 2 <= len(entries) <= 10 and any(e.status == "rejected" for e in entries)
        doctor = person_by_email(s, "docteur@amphi.demo")
        candidate = s.scalar(select(m.MatchingCandidate).where(
            m.MatchingCandidate.person_id == doctor.id))
        assert candidate is not None
        applications = s.scalar(select(func.count()).where(
            m.Application.candidate_id == candidate.id))
        assert 6 <= applications <= 10
        # Applications mostly begin in the candidate's own subdivision.
        own_first = s.scalar(
            select(func.count()).select_from(m.Application)
            .join(m.MatchingCandidate, m.MatchingCandidate.id == m.Application.candidate_id)
            .join(m.MatchingPost, m.MatchingPost.id == m.Application.post_id)
            .where(m.Application.position == 1,
                   m.MatchingPost.subdivision == m.MatchingCandidate.subdivision))
        assert own_first > 0.8 * demo.counts["junior_doctors"]


# --------------------------------------------------------------------------- around today


def test_every_account_finds_its_procedure_around_the_demos_today(demo: Demo) -> None:
    """Issue 15: dates in the past while the session ran, a matching stuck in ranking.
    The demo's today is the server's (the tests' calendar here), whatever the date."""
    from datetime import timedelta

    from server_stub.core.clock import as_utc, now
    from server_stub.demo.plan import demo_today
    from server_stub.matching.phases import phase_of

    today = demo_today()
    assert today == (TEST_EPOCH + timedelta(hours=1)).date()  # Paris, in January
    with demo.session() as s:
        for settings in s.scalars(select(m.Campaign.settings)):
            assert settings["demo_day"] == today.isoformat()
        # The national student passes today (the demo runs the amphitheatre).
        student = person_by_email(s, "etudiant@amphi.demo")
        rank = s.scalar(select(m.NationalStudent.rank).where(
            m.NationalStudent.person_id == student.id))
        mine = s.scalar(select(m.DaySlice).where(m.DaySlice.rank_from <= rank,
                                                 m.DaySlice.rank_to >= rank))
        assert mine is not None and mine.day == today
        # The demo intern's amphitheatre sits today.
        intern = s.scalar(select(m.Intern).where(
            m.Intern.person_id == person_by_email(s, "interne@amphi.demo").id))
        assert intern is not None
        first = s.scalar(select(func.min(m.AmphiSession.starts_at)).where(
            m.AmphiSession.amphi_id == intern.amphi_id))
        assert first is not None and (as_utc(first) + timedelta(hours=1)).date() == today
        # The matching: round 1's results are due (published at the server's start),
        # round 2 ranks now, round 3 comes later.
        rounds = s.scalars(select(m.MatchingRound).order_by(m.MatchingRound.number)).all()
        assert [phase_of(r, now()) for r in rounds] == [
            "awaiting_results", "ranking", "upcoming"]
        ranked = s.scalar(select(func.count()).where(
            m.RankingEntry.round_id == rounds[0].id, m.RankingEntry.status == "ranked"))
        assert ranked > 5_000  # every post ranked its round-1 applicants


def test_a_demo_built_another_day_is_built_again_around_today(
        tmp_path: Path, calendar: Any) -> None:
    from datetime import timedelta

    settings = server_settings(tmp_path / "demo", secret_key="test")
    load_demo(settings)
    engine = make_engine(settings.resolved_database_url)
    try:
        calendar.shift(timedelta(days=3))
        load_demo(settings)  # not refreshed by hand: rebuilt, its day has passed
        with Session(engine) as s:
            days = {c["demo_day"] for c in s.scalars(select(m.Campaign.settings))}
        assert days == {(TEST_EPOCH + timedelta(days=3, hours=1)).date().isoformat()}
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- determinism, refresh


def test_plan_is_deterministic() -> None:
    assert build_plan().digest() == build_plan().digest()
    assert build_plan(seed=1).digest() != build_plan().digest()


def test_refresh_recreates_the_same_data_and_keeps_the_rest(demo: Demo) -> None:
    with demo.session() as s:
        before = national_digest(s)
        s.add(m.Person(role="student", last_name="Réel", first_name="Utilisateur",
                       email="reel@example.org"))
        s.commit()

    again = load_demo(demo.settings)  # already there: nothing to do (its time: make bench)
    assert {k: v for k, v in again.items() if k != "seconds"} == {
        k: v for k, v in demo.counts.items() if k != "seconds"}

    refreshed = load_demo(demo.settings, refresh=True)
    assert {k: v for k, v in refreshed.items() if k != "seconds"} == {
        k: v for k, v in demo.counts.items() if k != "seconds"}
    assert demo_exists(demo.settings)
    with demo.session() as s:
        assert national_digest(s) == before
        assert person_by_email(s, "reel@example.org").last_name == "Réel"
        assert s.scalar(select(func.count()).select_from(m.Campaign)) == 5


def test_demo_exists_is_false_without_a_schema(tmp_path: Path) -> None:
    assert not demo_exists(server_settings(tmp_path, secret_key="test"))
