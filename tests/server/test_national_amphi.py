"""The national amphitheatre over real HTTP: turns, validation, absence, staff moves, restart.

Every test runs a real server on a SQLite file; concurrency tests fire real parallel
requests; the restart test stops the server and starts a new one on the same file.
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select, update

from server_stub.models import AuditEntry, NationalStudent
from tests.conftest import TEST_EPOCH, LiveServer, start_live_server
from tests.server.conftest import FAST_HASHING, ServerFactory, error, latest_mail, mail_text
from tests.server.test_national import (
    Campaign,
    Student,
    build_campaign,
    collect_events,
    engine_result,
    wait_thread,
)

SECRET = "Brest"  # the secret answer tests.server.conftest.add_person gives every account
GENERAL5 = [(1, "general", True), (2, "general", True), (3, "general", True),
            (4, "cesp", True), (5, "general", True)]


def enter(c: Campaign, student: Student, answer: str = SECRET) -> httpx.Response:
    return c.client.post(c.url("/me/enter"), headers=student.headers,
                         json={"secret_answer": answer})


def validate(c: Campaign, student: Student, cell_id: int, key: str,
             client: httpx.Client | None = None) -> httpx.Response:
    return (client or c.client).post(c.url("/me/validate"), headers=student.headers,
                                     json={"idempotency_key": key, "cell_id": cell_id})


def start(c: Campaign) -> dict[str, Any]:
    r = c.staff_post("/staff/amphi/start")
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_turns_validation_idempotency_and_events(live_server: LiveServer,
                                                 client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=GENERAL5)
    s1, s2 = c.students[1], c.students[2]
    cardio, gp = c.cell("LYON", "Cardiologie"), c.cell("REIMS", "Médecine générale")
    assert c.put_wishes(s1, [cardio, gp]).status_code == 200
    assert c.put_wishes(s2, [cardio, gp]).status_code == 200
    staff = start(c)
    assert staff["amphi_status"] == "running" and staff["site_state"] == "amphi"
    assert staff["current"]["rank"] == 1 and staff["current"]["phone"] == "06 00 00 00 00"
    assert [s["rank"] for s in staff["next"]] == [2, 3, 4, 5]

    me = c.me(s1)
    assert me["turn"]["my_turn"] and me["turn"]["people_before"] == 0
    assert me["turn"]["turn_deadline"] is not None and me["secret_required"]
    assert c.me(s2)["turn"]["people_before"] == 1 and not c.me(s2)["turn"]["my_turn"]

    r = validate(c, s2, cardio, "key-s2-0001")
    assert (r.status_code, error(r)["code"]) == (409, "not_your_turn")
    assert "1 étudiant(s)" in error(r)["message"]
    r = validate(c, s1, cardio, "key-s1-0001")
    assert (r.status_code, error(r)["code"]) == (403, "secret_required")
    r = enter(c, s1, "Paris")
    assert (r.status_code, error(r)["code"], error(r)["field"]) == (403, "wrong_secret_answer",
                                                                    "secret_answer")
    r = enter(c, s1, "  bREST ")  # case and spaces do not matter
    assert r.status_code == 200 and r.json()["secret_required"] is False
    assert enter(c, s1, "n'importe quoi").status_code == 200  # asked once only
    r = validate(c, s1, gp, "key-s1-0001")
    assert (r.status_code, error(r)["code"]) == (409, "choice_changed")

    public, _ = collect_events(c.live, 2.5)
    private, _ = collect_events(c.live, 2.5, headers=s2.headers)
    r = validate(c, s1, cardio, "key-s1-0002")
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["assignment"]["cell_id"] == cardio and answer["assignment"]["how"] == "validated"
    assert (answer["assignment"]["k"], answer["assignment"]["capacity"]) == (1, 2)
    assert answer["assignment"]["wish_number"] == 1
    # A retry with the same key gets the first answer; another post under that key is refused.
    again = validate(c, s1, cardio, "key-s1-0002")
    assert again.status_code == 200 and again.json() == answer
    r = validate(c, s1, gp, "key-s1-0002")
    assert (r.status_code, error(r)["code"]) == (422, "idempotency_key_reused")
    r = validate(c, s1, cardio, "key-s1-0003")
    assert (r.status_code, error(r)["code"]) == (409, "already_assigned")

    mail = latest_mail(c.live, to=s1.email)
    assert mail["Subject"].startswith("Votre affectation")
    assert "LYON, Cardiologie (vœu n° 1, poste 1 / 2)" in mail_text(mail)
    assert answer["assignment"]["code"] in mail_text(mail)
    seen = [(e["kind"], e["data"]["payload"].get("rank")) for e in wait_thread(public)
            if e["kind"] in ("student_assigned", "turn_started", "your_turn")]
    assert seen == [("student_assigned", 1), ("turn_started", 2)]
    mine = [e["kind"] for e in wait_thread(private) if e["kind"] == "your_turn"]
    assert mine == ["your_turn"]

    me1 = c.me(s1)
    assert me1["outcome"] == "validated" and me1["assignment"] == answer["assignment"]
    assert me1["wishes"]["editable"] is False and me1["wishes"]["wishes"][0]["assigned"]
    assert me1["wishes"]["headline"]["text"].startswith("le vœu n° 1 à LYON en Cardiologie")
    assert c.me(s2)["turn"]["my_turn"]
    view = c.get(f"/cells/{cardio}").json()
    assert [(h["label"], h["rank"]) for h in view["holders"]] == [("affecté", 1), ("simulé", 2)]
    r = c.put_wishes(s1, [gp], version=2)
    assert (r.status_code, error(r)["code"]) == (409, "turn_passed")
    radar = c.get("/radar").json()
    assert radar["passed"] == 1 and radar["current"]["rank"] == 2
    assert radar["chosen_today"] == 1 and radar["chosen_last_hour"] == 1
    actions = [a["action"] for a in c.client.get("/api/me/activity", headers=s1.headers).json()]
    assert actions[:2] == ["national_choice_validated", "national_amphi_entered"]
    assert "national_secret_failed" in actions
    for student in (s1, s2):
        me = c.me(student)
        expected = engine_result(c.live, c.id, "general")["students"][str(student.rank)]
        assert me["passing"] == expected["passing"]


def test_absent_students_are_assigned_at_their_turn(live_server: LiveServer,
                                                    client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=[(r, "general", True) for r in range(1, 7)])
    s = c.students
    peds, gre, gp = (c.cell("LYON", "Pédiatrie"), c.cell("GRENOBLE", "Cardiologie"),
                     c.cell("REIMS", "Médecine générale"))
    c.put_wishes(s[1], [peds])
    c.put_wishes(s[2], [gre, gp])
    c.put_wishes(s[3], [peds])  # taken by 1: nothing feasible
    c.put_wishes(s[4], [gp])
    c.put_wishes(s[5], [gp])
    for rank in (2, 3):
        assert c.client.put(c.url("/me/absence"), headers=s[rank].headers,
                            json={"absent": True}).status_code == 200
    start(c)
    enter(c, s[1])
    assert validate(c, s[1], peds, "absent-test-1").status_code == 200
    # The server moved on by itself: 2 got his first feasible wish, 3 had none.
    me2, me3 = c.me(s[2]), c.me(s[3])
    assert me2["outcome"] == "auto_assigned" and me2["assignment"]["cell_id"] == gre
    assert me3["outcome"] == "no_feasible_wish" and me3["assignment"] is None
    assert me3["wishes"]["headline"]["text"] == "aucun vœu n'était réalisable à votre tour"
    assert me3["wishes"]["wishes"][0]["label"] == "épuisé / 1"
    assert c.me(s[4])["turn"]["my_turn"]
    # Declaring absence at one's turn: assigned at once.
    r = c.client.put(c.url("/me/absence"), headers=s[4].headers, json={"absent": True})
    assert r.status_code == 200 and r.json()["outcome"] == "auto_assigned"
    assert r.json()["assignment"]["cell_id"] == gp
    assert c.me(s[5])["turn"]["my_turn"]
    r = c.client.put(c.url("/me/absence"), headers=s[4].headers, json={"absent": False})
    assert (r.status_code, error(r)["code"]) == (409, "turn_passed")
    with c.live.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
        actions = list(db.scalars(select(AuditEntry.action).where(
            AuditEntry.action.in_(["national_auto_assigned", "national_no_feasible_wish"]))))
    assert sorted(actions) == ["national_auto_assigned", "national_auto_assigned",
                               "national_no_feasible_wish"]
    assert c.get("/radar").json()["passed"] == 4


def test_two_validations_of_the_last_place_one_wins(live_server: LiveServer,
                                                    client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=GENERAL5)
    s1 = c.students[1]
    peds = c.cell("LYON", "Pédiatrie")  # one post
    c.put_wishes(s1, [peds])
    start(c)
    enter(c, s1)
    cand_id = c.me(s1)["candidate_id"]
    barrier = threading.Barrier(4)
    results: list[tuple[str, httpx.Response]] = []

    def fire(who: str) -> None:
        with httpx.Client(base_url=c.live.url, timeout=10) as own:
            barrier.wait()
            if who == "staff":
                r = own.post(c.url("/staff/amphi/assign"), headers=c.staff,
                             json={"candidate_id": cand_id})
            else:
                r = validate(c, s1, peds, f"race-{who}-0001", client=own)
            results.append((who, r))

    threads = [threading.Thread(target=fire, args=(w,)) for w in ("a", "b", "c", "staff")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert len(results) == 4
    wins = [who for who, r in results if r.status_code == 200]
    assert len(wins) == 1, [(w, r.status_code, r.text) for w, r in results]
    for _who, r in results:
        if r.status_code != 200:
            assert r.status_code == 409 and error(r)["code"] in ("already_assigned",
                                                                 "not_current"), r.text
            assert error(r)["message"]
    with c.live.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
        assert db.scalar(select(func.count()).select_from(NationalStudent).where(
            NationalStudent.assigned_cell_id == peds)) == 1
    assert c.me(s1)["outcome"] == ("staff_assigned" if wins == ["staff"] else "validated")


def test_the_database_rechecks_the_place(live_server: LiveServer, client: httpx.Client) -> None:
    """Even if the post was taken behind this process's back, nobody gets it twice."""
    c = build_campaign(live_server, client, students=GENERAL5)
    s1 = c.students[1]
    peds = c.cell("LYON", "Pédiatrie")
    c.put_wishes(s1, [peds])
    start(c)
    enter(c, s1)
    with c.live.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
        db.execute(update(NationalStudent).where(
            NationalStudent.campaign_id == c.id, NationalStudent.rank == 5)
            .values(assigned_cell_id=peds))
        db.commit()
    r = validate(c, s1, peds, "recheck-0001")
    assert (r.status_code, error(r)["code"]) == (409, "place_taken")
    assert "vient d'être pris" in error(r)["message"]
    assert c.me(s1)["outcome"] is None and c.me(s1)["turn"]["my_turn"]  # nothing half-written


def test_staff_pause_resume_assign_skip_demote(live_server: LiveServer,
                                               client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=[(r, "general", True) for r in range(1, 8)])
    s = c.students
    cardio, peds, gp = (c.cell("LYON", "Cardiologie"), c.cell("LYON", "Pédiatrie"),
                        c.cell("REIMS", "Médecine générale"))
    for rank, cells in ((1, [cardio]), (2, [peds]), (3, [peds, gp]), (4, [peds]), (5, [gp])):
        c.put_wishes(s[rank], cells)
    def day(n: int, ranks: tuple[int, int]) -> dict[str, Any]:
        # Days already begun: these turns are not held for their day (see
        # test_national_day_slices.py for that).
        starts = (TEST_EPOCH + timedelta(days=n - 3)).replace(hour=8, minute=0)
        return {"day": starts.date().isoformat(), "rank_from": ranks[0], "rank_to": ranks[1],
                "starts_at": starts.isoformat()}

    r = c.client.put(c.url("/staff/day-slices"), headers=c.staff,
                     json=[day(0, (1, 3)), day(1, (4, 5)), day(2, (6, 7))])
    assert r.status_code == 200 and len(r.json()) == 3
    r = c.client.put(c.url("/staff/day-slices"), headers=c.staff,
                     json=[day(0, (1, 3)), day(1, (3, 5))])
    assert (r.status_code, error(r)["code"]) == (422, "overlapping_slices")
    assert len(c.get("").json()["day_slices"]) == 3
    start(c)
    ids = {rank: c.me(st)["candidate_id"] for rank, st in s.items()}
    r = c.staff_post("/staff/amphi/start")
    assert (r.status_code, error(r)["code"]) == (409, "amphi_running")

    paused = c.staff_post("/staff/amphi/pause").json()
    assert paused["amphi_status"] == "paused"
    enter(c, s[1])
    r = validate(c, s[1], cardio, "pause-0001")
    assert (r.status_code, error(r)["code"]) == (409, "amphi_paused")
    r = c.client.put(c.url("/staff/state"), headers=c.staff, json={"state": "wishes_open"})
    assert r.status_code == 200  # paused: staff may change the state...
    r = c.staff_post("/staff/amphi/resume")
    assert (r.status_code, error(r)["code"]) == (409, "wrong_site_state")
    c.set_state("amphi")
    resumed = c.staff_post("/staff/amphi/resume").json()
    assert resumed["amphi_status"] == "running" and resumed["current"]["rank"] == 1
    r = c.client.put(c.url("/staff/state"), headers=c.staff, json={"state": "finished"})
    assert (r.status_code, error(r)["code"]) == (409, "amphi_running")

    # Assign: the staff give the unreachable student 1 his first feasible wish.
    r = c.staff_post("/staff/amphi/assign", {"candidate_id": ids[2]})
    assert (r.status_code, error(r)["code"]) == (409, "not_current")
    view = c.staff_post("/staff/amphi/assign", {"candidate_id": ids[1]}).json()
    assert view["current"]["rank"] == 2
    assert c.me(s[1])["assignment"]["how"] == "staff_assigned"
    # Skip: student 2 leaves without a post; his place goes to the next who wants it.
    view = c.staff_post("/staff/amphi/skip", {"candidate_id": ids[2]}).json()
    assert view["current"]["rank"] == 3 and c.me(s[2])["outcome"] == "skipped"
    assert c.me(s[3])["wishes"]["headline"]["cell_id"] == peds
    # Demote: student 3 goes into the next day slice (behind its last rank, 5): 4 is next.
    view = c.staff_post("/staff/amphi/demote", {"candidate_id": ids[3]}).json()
    assert view["current"]["rank"] == 4
    me3 = c.me(s[3])
    assert me3["demoted_behind"] == 5 and me3["turn"]["people_before"] == 2
    assert c.me(s[4])["wishes"]["headline"]["cell_id"] == peds  # 3 no longer before him
    # A student with nothing feasible cannot be "assigned".
    c.staff_post("/staff/amphi/assign", {"candidate_id": ids[4]})
    view = c.staff_post("/staff/amphi/assign", {"candidate_id": ids[5]}).json()
    assert view["current"]["rank"] == 3
    view = c.staff_post("/staff/amphi/demote", {"candidate_id": ids[3]}).json()
    assert c.me(s[3])["demoted_behind"] == 7 and view["current"]["rank"] == 6
    r = c.staff_post("/staff/amphi/assign", {"candidate_id": ids[6]})
    assert (r.status_code, error(r)["code"]) == (409, "no_feasible_wish")
    r = c.staff_post("/staff/amphi/demote", {"candidate_id": ids[7]})
    assert (r.status_code, error(r)["code"]) == (409, "last_slice")
    r = c.client.post(c.url("/staff/amphi/skip"), headers=s[6].headers,
                      json={"candidate_id": ids[6]})
    assert r.status_code == 403
    for rank in (6, 7, 3):
        c.staff_post("/staff/amphi/skip", {"candidate_id": ids[rank]})
    final = c.client.get(c.url("/staff/amphi"), headers=c.staff).json()
    assert final["amphi_status"] == "finished" and final["current"] is None
    assert final["radar"]["passed"] == 7 and final["radar"]["remaining"] == 0
    # Everybody passed: the site is « Terminé », not still « En période d'amphi ».
    assert final["site_state"] == "finished" and final["radar"]["site_state"] == "finished"
    summary = c.client.get(c.url("")).json()
    assert (summary["state"], summary["state_label"]) == ("finished", "Terminé")


def test_demotion_requests_move_the_passing_order(live_server: LiveServer,
                                                  client: httpx.Client) -> None:
    c = build_campaign(live_server, client, students=[(r, "general", True) for r in range(1, 7)])
    s = c.students
    r = c.client.put(c.url("/me/demotion"), headers=s[1].headers, json={"behind_rank": 1})
    assert (r.status_code, error(r)["code"], error(r)["field"]) == (422, "invalid_rank",
                                                                    "behind_rank")
    r = c.client.put(c.url("/me/demotion"), headers=s[1].headers, json={"behind_rank": 99})
    assert (r.status_code, error(r)["code"]) == (422, "invalid_rank")
    r = c.client.put(c.url("/me/demotion"), headers=s[1].headers, json={"behind_rank": 3})
    assert r.status_code == 200
    assert (r.json()["rank"], r.json()["passing"], r.json()["demoted_behind"]) == (1, 3, 3)
    assert c.me(s[2])["passing"] == 1
    r = c.client.put(c.url("/me/demotion"), headers=s[1].headers, json={"behind_rank": None})
    assert r.json()["passing"] == 1 and r.json()["demoted_behind"] is None
    c.client.put(c.url("/me/demotion"), headers=s[2].headers, json={"behind_rank": 5})
    start(c)
    for rank in (1, 3, 4):
        c.staff_post("/staff/amphi/skip", {"candidate_id": c.me(s[rank])["candidate_id"]})
    assert c.me(s[5])["turn"]["my_turn"]
    # Cancelling now would put student 2 at a place the amphitheatre has already passed.
    r = c.client.put(c.url("/me/demotion"), headers=s[2].headers, json={"behind_rank": None})
    assert (r.status_code, error(r)["code"]) == (409, "rank_passed")
    with c.live.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
        actions = list(db.scalars(select(AuditEntry.action).where(
            AuditEntry.action.like("national_demotion%")).order_by(AuditEntry.id)))
    assert actions == ["national_demotion_requested", "national_demotion_cancelled",
                       "national_demotion_requested"]


def test_restart_keeps_everything_and_the_amphitheatre_resumes(tmp_path: Path) -> None:
    data_dir = tmp_path / "server"
    live, server, thread = start_live_server(data_dir, **FAST_HASHING)
    try:
        with httpx.Client(base_url=live.url, timeout=10) as client:
            c = build_campaign(live, client, students=GENERAL5)
            s = c.students
            cardio, gp = c.cell("LYON", "Cardiologie"), c.cell("REIMS", "Médecine générale")
            for rank in (1, 2, 3, 5):
                c.put_wishes(s[rank], [cardio, gp])
            c.client.put(c.url("/me/demotion"), headers=s[3].headers, json={"behind_rank": 5})
            receipt = c.put_wishes(s[5], [gp, cardio]).json()["receipt"]
            start(c)
            enter(c, s[1])
            first = validate(c, s[1], cardio, "restart-0001").json()
            enter(c, s[2])
            before = {rank: c.me(st) for rank, st in s.items()}
            tables = (c.get("/tables/final").json(), c.get("/listing").json())
            last_event = _last_event_id(live)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert not thread.is_alive()

    live, server, thread = start_live_server(data_dir, **FAST_HASHING)
    try:
        with httpx.Client(base_url=live.url, timeout=10) as client:
            c.live, c.client = live, client
            after = {rank: c.me(st) for rank, st in s.items()}
            for rank in s:
                a, b = dict(after[rank]), dict(before[rank])
                for m in (a, b):  # the estimate depends on the clock
                    m["turn"] = {k: v for k, v in m["turn"].items()
                                 if k not in ("pace", "wait_seconds")}
                assert a == b, rank
            assert after[2]["turn"]["my_turn"] and after[2]["secret_required"] is False
            assert (c.get("/tables/final").json(), c.get("/listing").json()) == tables
            assert c.client.post(c.url("/receipts/verify"), json=receipt).json()["current"]
            assert validate(c, s[1], cardio, "restart-0001").json() == first  # same answer
            # The amphitheatre carries on where it was.
            r = validate(c, s[2], cardio, "restart-0002")
            assert r.status_code == 200 and r.json()["assignment"]["k"] == 2
            assert c.me(s[4])["turn"]["my_turn"]
            with client.stream("GET", "/api/events",
                               headers={"Last-Event-ID": str(last_event)}) as stream:
                kinds = []
                for line in stream.iter_lines():
                    if line.startswith("event: ") and line != "event: simulation_moved":
                        kinds.append(line[7:])
                    if "turn_started" in kinds:
                        break
            assert kinds[:2] == ["student_assigned", "turn_started"]
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _last_event_id(live: LiveServer) -> int:
    from server_stub.core.events import last_event_id

    with live.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
        return last_event_id(db)


def test_demo_participants_validate_until_a_real_account(server_factory: ServerFactory) -> None:
    live = server_factory(demo_national_participants=True, demo_seconds_per_student=0.05,
                          demo_seconds_near_turn=0.3, demo_near_turn_students=2)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        c = build_campaign(live, client, students=[
            (1, "general", False), (2, "general", False), (3, "cesp", False),
            (4, "general", False), (5, "general", True), (6, "general", False)])
        with live.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
            # Simulated students' wishes, written as the demo data would be.
            from server_stub.models import Wish

            cands = {x.rank: x.id for x in db.scalars(select(NationalStudent).where(
                NationalStudent.campaign_id == c.id))}
            for rank, cell in ((1, ("LYON", "Cardiologie")), (2, ("LYON", "Pédiatrie")),
                               (3, ("BREST", "Médecine générale")),
                               (6, ("REIMS", "Médecine générale"))):
                db.add(Wish(candidate_id=cands[rank], cell_id=c.cell(*cell), position=1))
            db.commit()
        live.app.state.national.rebuild(c.id)  # type: ignore[attr-defined]
        start(c)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not c.me(c.students[5])["turn"]["my_turn"]:
            time.sleep(0.1)
        me5 = c.me(c.students[5])
        assert me5["turn"]["my_turn"] and me5["turn"]["people_before"] == 0
        time.sleep(0.8)  # he has an account: nobody validates for him
        assert c.me(c.students[5])["turn"]["my_turn"]
        listing = {r["rank"]: r for r in c.get("/listing").json()["rows"]}
        assert [listing[r]["outcome"] for r in (1, 2, 3, 4)] == [
            "validated", "validated", "validated", "no_feasible_wish"]
        assert listing[3]["state"] == "assigned" and listing[6]["outcome"] is None


def test_the_pace_and_the_wait_are_ranges_observed_from_the_turns(
        live_server: LiveServer, client: httpx.Client, calendar: Any) -> None:
    """Too early to tell at first; then « il en passe low-high à l'heure » from the turns
    that actually ended (one a minute here, on the server's clock), and the wait as a
    range around what it will really be."""
    students = [(rank, "general", True) for rank in range(1, 11)]
    c = build_campaign(live_server, client, students=students,
                       offer=[("REIMS", "Médecine générale", 10, "general")])
    gp = c.cell("REIMS", "Médecine générale")
    for rank in range(1, 11):
        assert c.put_wishes(c.students[rank], [gp]).status_code == 200
    start(c)
    last = c.students[10]
    turn = c.me(last)["turn"]
    assert turn["pace"] is None and turn["wait_seconds"] is None  # nothing observed yet
    for rank in range(1, 9):
        calendar.shift(timedelta(minutes=1))
        assert enter(c, c.students[rank]).status_code == 200
        assert validate(c, c.students[rank], gp, f"pace-{rank}-0001").status_code == 200
        if rank == 3:
            assert c.me(last)["turn"]["pace"] is None  # three turns: too early to tell
    turn = c.me(last)["turn"]
    pace = turn["pace"]
    assert pace is not None and pace["low"] < 60 < pace["high"] <= 120, turn
    assert turn["people_before"] == 1  # the 9th chooses now
    shortest, longest = turn["wait_seconds"]
    assert shortest < 60 < longest < 5 * 60, turn  # one person at one a minute
    radar = c.get("/radar").json()
    assert radar["pace"] == pace
    # Every `turn_started` carries the pace of that moment: panels follow it between fetches.
    from server_stub.core.models import EventRecord

    with live_server.app.state.sessionmaker() as db:  # type: ignore[attr-defined]
        started = [e.payload for e in db.scalars(select(EventRecord).where(
            EventRecord.kind == "turn_started").order_by(EventRecord.id))]
    assert [p["pace"] is None for p in started] == [True] * 6 + [False] * 3
    assert started[-1]["pace"]["low"] < 60 < started[-1]["pace"]["high"]
    # At his turn, no wait to tell.
    calendar.shift(timedelta(minutes=1))
    assert enter(c, c.students[9]).status_code == 200
    assert validate(c, c.students[9], gp, "pace-9-0001").status_code == 200
    assert c.me(last)["turn"]["my_turn"] and c.me(last)["turn"]["wait_seconds"] is None
