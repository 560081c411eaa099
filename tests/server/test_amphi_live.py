"""The live amphitheatre end to end over real HTTP: turns in call order, the server clock,
absences and late rejoin, reserved and supernumerary rules, simultaneous and retried
choices, pause, restart mid-session, confirmation mail, assignments list, attestation.

Turns last 2 seconds here (`amphi_turn_seconds`), the real ones 90.
"""

from __future__ import annotations

import threading
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import time_machine

from tests.conftest import start_live_server
from tests.server.conftest import (
    FAST_HASHING,
    ServerFactory,
    error,
    latest_mail,
    mail_text,
)
from tests.server.test_amphi_support import (
    World,
    amphi_server,
    event_stream,
    make_world,
)


def statuses(state: dict) -> dict[int, str]:
    return {q["intern_id"]: q["status"] for q in state["queue"]}


def order(state: dict) -> list[int]:
    return [q["intern_id"] for q in sorted(state["queue"], key=lambda q: q["position"])]


def test_turns_follow_the_call_list_and_the_clock_moves_on(
        server_factory: ServerFactory, calendar: time_machine.Coordinates) -> None:
    live = amphi_server(server_factory)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=3)
        a, b, c = w.interns
        for who in w.interns:
            w.presence(who)
        before = w.live_state(c)
        assert before["state"] == "open" and before["current_intern_id"] is None
        assert order(before) == [a.intern_id, b.intern_id, c.intern_id]
        assert before["me"]["before"] == 2 and not before["me"]["soon"]
        with event_stream(live) as events:
            assert w.transition("start").status_code == 200
            first = events.wait_for(lambda e: e["kind"] == "amphi_turn")["data"]
            # The state change is announced before the first turn.
            assert events.kinds()[:2] == ["amphi_state", "amphi_turn"]
            assert first["intern_id"] == a.intern_id and first["turn_seconds"] == 90.0
            deadline = datetime.fromisoformat(first["deadline"])
            server_time = datetime.fromisoformat(first["server_time"])
            assert deadline.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
            assert abs((deadline - server_time).total_seconds() - 90.0) < 0.01
            mine = w.live_state(a)["me"]
            assert mine["my_turn"] and mine["can_choose"] and mine["before"] == 0
            # Not b's turn: refused, nothing written.
            r = w.choose(b, "2003")
            assert r.status_code == 409 and error(r)["code"] == "not_your_turn"
            assert w.choose(a, "2003").status_code == 200
            second = events.wait_for(lambda e: e["kind"] == "amphi_turn"
                                     and e["data"]["intern_id"] == b.intern_id)["data"]
            assert second["turn_no"] == first["turn_no"] + 1
            # b lets the clock run out: the server moves on to c by itself, at the deadline
            # (plus the half-second grace), as the server's own clock tells.
            assert w.live_state()["current_intern_id"] == b.intern_id
            calendar.shift(timedelta(seconds=89))
            for who in (b, c):  # their clients keep signalling their presence, every few s
                w.presence(who)
            calendar.shift(timedelta(seconds=2))
            third = events.wait_for(lambda e: e["kind"] == "amphi_turn"
                                    and e["data"]["intern_id"] == c.intern_id, timeout=8)
            waited = (datetime.fromisoformat(third["data"]["server_time"])
                      - datetime.fromisoformat(second["server_time"])).total_seconds()
            assert 90.5 <= waited < 95, waited
            assert third["data"]["timed_out"] == b.intern_id
            choice = events.of("amphi_choice")
            assert [(e["intern_id"], e["post_number"]) for e in choice] == [(a.intern_id, "2003")]
        state = w.live_state()
        assert statuses(state) == {a.intern_id: "chosen", b.intern_id: "timed_out",
                                   c.intern_id: "choosing"}
        r = w.choose(b, "2004")  # too late
        assert r.status_code == 409 and error(r)["code"] == "not_your_turn"


def test_absent_intern_is_skipped_then_placed_after_the_chooser(server_factory: ServerFactory
                                                                ) -> None:
    live = amphi_server(server_factory, amphi_soon_threshold=1)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=5)
        a, b, c, d, e = w.interns
        # d has a planned absence; b is not connected at his turn.
        r = client.patch(f"/api/staff/amphi/interns/{d.intern_id}", headers=w.staff.h,
                         json={"planned_absence": True, "absence_reason": "Disponibilité"})
        assert r.status_code == 200 and r.json()["planned_absence"] is True
        for who in (a, c, e):
            w.presence(who)
        mine = w.live_state(e)["me"]
        # Before e: a, c present (b absent, d planned absence excluded), so not yet "soon".
        assert mine["present_before"] == 2 and not mine["soon"]
        with event_stream(live) as events:
            assert w.transition("start").status_code == 200
            assert w.choose(a, "2003").status_code == 200
            turn = events.wait_for(lambda ev: ev["kind"] == "amphi_turn"
                                   and ev["data"]["intern_id"] == c.intern_id)["data"]
            assert turn["missed"] == [b.intern_id]
            state = w.live_state(e)
            assert statuses(state)[b.intern_id] == "absent"
            assert statuses(state)[d.intern_id] == "skipped"
            assert state["me"]["present_before"] == 1 and state["me"]["soon"]
            # b connects while c chooses: placed right after c, before e.
            signal = w.presence(b)
            assert signal["requeued"] and signal["status"] == "waiting"
            assert signal["current_intern_id"] == c.intern_id
            joined = w.live_state(b)
            assert order(joined) == [a.intern_id, c.intern_id, b.intern_id, d.intern_id,
                                     e.intern_id]
            assert joined["me"]["status"] == "waiting" and joined["me"]["before"] == 1
            assert not w.presence(b)["requeued"]
            requeued = events.wait_for(lambda ev: ev["kind"] == "amphi_requeued")["data"]
            assert requeued == {"amphi_id": w.amphi_id, "intern_id": b.intern_id,
                                "after_intern_id": c.intern_id, "position": 4,
                                "by_staff": False}
            assert w.choose(c, "2004").status_code == 200
            w.wait_turn(b)
            # e announces an absence during the session: skipped too when reached.
            r = client.patch(f"/api/staff/amphi/interns/{e.intern_id}", headers=w.staff.h,
                             json={"planned_absence": True})
            assert r.status_code == 200
            assert w.choose(b, "2005").status_code == 200
            state = w.wait_turn(None)
            assert statuses(state)[d.intern_id] == statuses(state)[e.intern_id] == "skipped"
            # d connects anyway: a planned absence is not placed back by itself...
            assert not w.presence(d)["requeued"]
            # ...but the agency can call him: nobody is choosing, so his turn comes at once.
            r = client.post(f"{w.staff_base}/requeue", headers=w.staff.h,
                            json={"intern_id": d.intern_id})
            assert r.status_code == 200
            assert r.json()["current_intern_id"] == d.intern_id
            assert order(r.json())[-1] == d.intern_id
            r = client.post(f"{w.staff_base}/requeue", headers=w.staff.h,
                            json={"intern_id": a.intern_id})
            assert r.status_code == 409 and error(r)["code"] == "not_requeueable"


def test_reserved_and_supernumerary_rules(server_factory: ServerFactory) -> None:
    live = amphi_server(server_factory, amphi_turn_seconds=5)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=4, des=["PNEU", "CARD", "PNEU", "PNEU"])
        a, b, c, d = w.interns
        # c asks to choose as "surnombre validant"; pending until the agency accepts.
        r = client.post(f"/api/amphi/interns/{c.intern_id}/supernumerary-request", headers=c.h,
                        json={"requested": "surnombre validant"})
        assert r.status_code == 200
        assert (r.json()["choice_type"], r.json()["supernumerary_request"]) == (
            "classique", "surnombre validant")
        pending = client.get(f"/api/staff/amphi/campaigns/{w.campaign_id}/supernumerary-requests",
                             headers=w.staff.h).json()
        assert [p["id"] for p in pending] == [c.intern_id]
        r = client.post(f"/api/staff/amphi/interns/{c.intern_id}/supernumerary-decision",
                        headers=w.staff.h, json={"accept": True})
        assert r.status_code == 200 and r.json()["choice_type"] == "surnombre validant"
        mine = client.get("/api/amphi/me", headers=c.h).json()[0]
        assert mine["choice_type"] == "surnombre validant"
        assert mine["supernumerary_decision"] == "accepted"
        for who in w.interns:
            w.presence(who)
        assert w.transition("start").status_code == 200
        # a (PNEU) may not take a post reserved for cardiology.
        r = w.choose(a, "2001")
        assert r.status_code == 409 and error(r)["code"] == "post_reserved"
        assert "CARD" in error(r)["message"]
        assert w.choose(a, "2003").status_code == 200
        w.wait_turn(b)
        assert w.choose(b, "2001").status_code == 200  # cardiology intern: allowed
        w.wait_turn(c)
        free_before = client.get(f"{w.base}").json()["free_post_count"]
        # The supernumerary intern takes a filled post; it uses no place.
        r = w.choose(c, "2003")
        assert r.status_code == 200, r.text
        assert r.json()["assignment"]["choice_type"] == "surnombre validant"
        assert r.json()["post"]["taken_by_intern_id"] == a.intern_id
        assert client.get(f"{w.base}").json()["free_post_count"] == free_before
        w.wait_turn(d)
        r = w.choose(d, "2003")  # filled, and d is classique
        assert r.status_code == 409 and error(r)["code"] == "post_taken"
        offer = client.get(f"{w.base}/posts").json()
        taken = {p["number"]: p["taken_by_name"] for p in offer["posts"] if p["taken"]}
        assert set(taken) == {"2001", "2003"}
        # When the amphitheatre finishes, every type of choice returns to classique.
        assert w.transition("finish").status_code == 200
        mine = client.get("/api/amphi/me", headers=c.h).json()[0]
        assert mine["choice_type"] == "classique"
        assert mine["assignment"]["choice_type"] == "surnombre validant"
        assert statuses(w.live_state())[d.intern_id] == "not_reached"


def _at_once(*calls: object) -> list[httpx.Response]:
    """Run the calls in threads released together."""
    barrier = threading.Barrier(len(calls))
    out: list[httpx.Response | None] = [None] * len(calls)

    def run(n: int, call: object) -> None:
        barrier.wait()
        out[n] = call()  # type: ignore[operator]

    threads = [threading.Thread(target=run, args=(n, c)) for n, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [r for r in out if r is not None]


def test_simultaneous_choices_of_one_post_one_wins(server_factory: ServerFactory) -> None:
    live = amphi_server(server_factory, amphi_turn_seconds=20)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=3)
        a, b, c = w.interns
        for who in (a, c):
            w.presence(who)
        assert w.transition("start").status_code == 200
        # a confirms twice at once (two devices, two keys): exactly one choice is made.
        other = client.post("/api/auth/login", json={"email": a.email,
                                                      "password": "Motdepasse1"}).json()["token"]
        with httpx.Client(base_url=live.url, timeout=10) as c1, \
                httpx.Client(base_url=live.url, timeout=10) as c2:
            answers = _at_once(
                lambda: c1.post(f"{w.base}/choices", headers=a.h,
                                json={"post_id": w.posts["2003"],
                                      "idempotency_key": uuid.uuid4().hex}),
                lambda: c2.post(f"{w.base}/choices", headers={"Authorization": f"Bearer {other}"},
                                json={"post_id": w.posts["2003"],
                                      "idempotency_key": uuid.uuid4().hex}))
        assert sorted(r.status_code for r in answers) == [200, 409]
        loser = next(r for r in answers if r.status_code == 409)
        assert error(loser)["code"] == "already_chosen"
        assert "définitif" in error(loser)["message"]
        # b was not connected: passed over. Now the agency assigns b the very post c is
        # confirming: one of them gets it, the other a clear refusal.
        w.wait_turn(c)
        with httpx.Client(base_url=live.url, timeout=10) as c1, \
                httpx.Client(base_url=live.url, timeout=10) as c2:
            answers = _at_once(
                lambda: c1.post(f"{w.staff_base}/assignments", headers=w.staff.h,
                                json={"intern_id": b.intern_id, "post_id": w.posts["2004"]}),
                lambda: c2.post(f"{w.base}/choices", headers=c.h,
                                json={"post_id": w.posts["2004"],
                                      "idempotency_key": uuid.uuid4().hex}))
        assert sorted(r.status_code for r in answers) == [200, 409]
        loser = next(r for r in answers if r.status_code == 409)
        assert error(loser)["code"] == "post_taken"
        assert error(loser)["message"] == "Ce poste vient d'être pourvu : choisissez-en un autre."
        rows = client.get(f"/api/amphi/campaigns/{w.campaign_id}/assignments").json()
        assert sorted(r["post_number"] for r in rows) == ["2003", "2004"]


def test_retried_choice_gets_the_same_answer_and_one_mail(server_factory: ServerFactory) -> None:
    live = amphi_server(server_factory, amphi_turn_seconds=20)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=2)
        a, b = w.interns
        w.presence(a)
        w.presence(b)
        assert w.transition("start").status_code == 200
        mails_before = len(live.mails())
        first = w.choose(a, "2005", key="retry-key-0001")
        assert first.status_code == 200 and "Idempotent-Replayed" not in first.headers
        again = w.choose(a, "2005", key="retry-key-0001")
        assert again.status_code == 200 and again.headers["Idempotent-Replayed"] == "true"
        assert again.json() == first.json()
        r = w.choose(a, "2006", key="retry-key-0001")
        assert r.status_code == 409 and error(r)["code"] == "idempotency_conflict"
        r = w.choose(a, "2006", key="another-key-02")
        assert r.status_code == 409 and error(r)["code"] == "already_chosen"
        assert len(live.mails()) == mails_before + 1
        msg = latest_mail(live, a.email)
        body = mail_text(msg)
        assert msg["Subject"] == "Confirmation de votre affectation — mai 2027"
        assert "N° Poste : 2005" in body and "CH de Vienne" in body
        assert "Dr Anne PETIT" in body and "Toute validation de choix est définitive" in body
        assert first.json()["mailed_to"] == a.email
        # The attestation of the semester, from the profile.
        listed = client.get("/api/amphi/me/attestations", headers=a.h).json()
        assert [x["post"]["number"] for x in listed] == ["2005"]
        r = client.get(f"/api/amphi/me/attestations/{listed[0]['assignment_id']}/pdf",
                       headers=a.h)
        assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
        assert r.content.startswith(b"%PDF") and len(r.content) > 1000
        r = client.get(f"/api/amphi/me/attestations/{listed[0]['assignment_id']}/pdf",
                       headers=b.h)
        assert r.status_code == 404


def test_pause_freezes_the_clock(server_factory: ServerFactory,
                                 calendar: time_machine.Coordinates) -> None:
    live = amphi_server(server_factory)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=2)
        a, b = w.interns
        w.presence(a)
        w.presence(b)
        assert w.transition("start").status_code == 200
        calendar.shift(timedelta(seconds=30))
        assert w.transition("pause").status_code == 200
        paused = w.live_state(a)
        assert paused["state"] == "paused" and paused["deadline"] is None
        left = paused["remaining_seconds"]
        assert 50 < left <= 60.0, left  # 30 s of the 90 had passed
        assert not paused["me"]["can_choose"]
        assert paused["me"]["cannot_choose_reason"] == "L'amphithéâtre est en pause."
        calendar.shift(timedelta(seconds=120))  # longer than the whole turn...
        time.sleep(1.0)  # ...and two passes of the turn clock: nothing moves while paused
        still = w.live_state()
        assert still["current_intern_id"] == a.intern_id and still["remaining_seconds"] == left
        r = w.choose(a, "2003")
        assert r.status_code == 409 and error(r)["code"] == "amphi_paused"
        assert w.transition("resume").status_code == 200
        resumed = w.live_state()
        gap = (datetime.fromisoformat(resumed["deadline"])
               - datetime.fromisoformat(resumed["server_time"])).total_seconds()
        assert 0 < left - gap < 1.0  # the remainder, counting again from the resumption
        assert w.choose(a, "2003").status_code == 200
        r = w.transition("resume")
        assert r.status_code == 409 and error(r)["code"] == "invalid_transition"


def test_restart_mid_session_resumes_with_the_clock(tmp_path: Path,
                                                    calendar: time_machine.Coordinates) -> None:
    settings = {**FAST_HASHING, "amphi_turn_seconds": 90.0, "keepalive_seconds": 0.25,
                "amphi_clock_poll_seconds": 0.5}
    live, server, thread = start_live_server(tmp_path / "data", **settings)
    try:
        with httpx.Client(base_url=live.url, timeout=10) as client:
            w = make_world(live, client, interns=3)
            a, b, c = w.interns
            for who in w.interns:
                w.presence(who)
            assert w.transition("start").status_code == 200
            assert w.choose(a, "2003").status_code == 200
            before = w.wait_turn(b)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    # Same data directory, a new process-level server: the turn and its deadline persist.
    live2, server2, thread2 = start_live_server(tmp_path / "data", **settings)
    try:
        with httpx.Client(base_url=live2.url, timeout=10) as client:
            w2 = World(live2, client, w.staff, w.campaign_id, w.amphi_id, w.interns, w.posts)
            after = w2.live_state(b)
            assert after["current_intern_id"] == b.intern_id
            assert after["turn_no"] == before["turn_no"]
            assert after["deadline"] == before["deadline"]
            assert statuses(after)[a.intern_id] == "chosen"
            assert after["me"]["can_choose"]  # sessions survive too
            # b does not choose: at the stored deadline the restarted server moves on.
            deadline = datetime.fromisoformat(before["deadline"])
            assert w2.live_state()["current_intern_id"] == b.intern_id
            calendar.move_to(deadline - timedelta(seconds=1))
            for who in (b, c):  # their clients keep signalling their presence
                w2.presence(who)
            calendar.move_to(deadline + timedelta(seconds=1))
            w2.wait_turn(c, timeout=8)
            moved = datetime.fromisoformat(w2.live_state()["server_time"])
            assert moved >= deadline
            assert w2.choose(c, "2004").status_code == 200
    finally:
        server2.should_exit = True
        thread2.join(timeout=10)


def test_assignments_list_is_public_filtered_and_live(server_factory: ServerFactory) -> None:
    live = amphi_server(server_factory, amphi_turn_seconds=20)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=3, des=["PNEU", "CARD", "MIN"])
        a, b, c = w.interns
        for who in w.interns:
            w.presence(who)
        assert w.transition("start").status_code == 200
        with event_stream(live) as events:
            assert w.choose(a, "2003").status_code == 200
            w.wait_turn(b)
            assert w.choose(b, "2002").status_code == 200
            w.wait_turn(c)
            assert w.choose(c, "2005").status_code == 200
            events.wait_for(lambda e: e["kind"] == "amphi_choice"
                            and e["data"]["post_number"] == "2005")
            pushed = [e["assignment"]["post_number"] for e in events.of("amphi_choice")]
            assert pushed == ["2003", "2002", "2005"]
        url = f"/api/amphi/campaigns/{w.campaign_id}/assignments"
        rows = client.get(url).json()  # no sign-in needed
        assert [r["post_number"] for r in rows] == ["2005", "2002", "2003"]  # newest first
        assert rows[1]["intern_name"] == f"{b.name.split()[0]} T." and rows[1]["reserved"]

        def numbers(**params: object) -> list[str]:
            r = client.get(url, params=params)
            assert r.status_code == 200, r.text
            return sorted(x["post_number"] for x in r.json())

        assert numbers(post_des=["PNEU", "MIN"]) == ["2003", "2005"]
        assert numbers(intern_des="CARD") == ["2002"]
        assert numbers(head="roux") == ["2003"]  # part of the name, any case
        assert numbers(establishment="edouard") == ["2002", "2003"]  # accents ignored
        assert numbers(intern=a.name.split()[0].lower()) == ["2003"]
        assert numbers(post_type="CH") == ["2005"]
        assert numbers(group="médicales", regime="Phase d'approfondissement") == [
            "2002", "2003", "2005"]
        assert numbers(regime="Phase socle") == []
        assert client.get(url, params={"amphi_id": "x"}).status_code == 422
