"""Endurance: an intern's live screen open through a whole amphitheatre session (DCI).

A hundred and twenty interns in call order, real 90-second turns. The co-interns are
driven from a thread over HTTP as their own clients would be: most choose a free post
after a moment, a few are absent (never connected) and a few let their time run out,
which the test makes happen by moving the tests' calendar past the deadline (never by
waiting). The intern under test watches it all from his live screen: the queue, the
choices, « C'est bientôt votre tour », his turn, the three steps, then the rest of the
session until the agency ends it. Qt prints nothing; widgets and objects stay flat.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
from datetime import timedelta
from typing import Any

import httpx
import time_machine
from pytestqt.qtbot import QtBot

from desktop.ui.confirmation import FinalDialog, IrrevocableDialog
from tests.desktop.amphi_helpers import MakeApp, Run, amphi_server, intern_page, world
from tests.desktop.conftest import until
from tests.desktop.endurance import Probe, qt_messages
from tests.desktop.test_amphi_live import select_post
from tests.server.test_amphi_support import Who, World

INTERNS = 120
MY_PLACE = 90  # 0-based place in the call order
ABSENT = {7, 33, 61}  # never connect
TIMED_OUT = {12, 40, 70}  # connected, but let their 90 seconds run out


class CoInterns(threading.Thread):
    """Everyone but me, through the API, until the session has no chooser left."""

    def __init__(self, w: World, me: Who, calendar: time_machine.Coordinates) -> None:
        super().__init__(daemon=True)
        self.w = dataclasses.replace(w, client=httpx.Client(base_url=w.client.base_url,
                                                            timeout=20))
        self.me = me
        self.calendar = calendar
        self.present = [who for n, who in enumerate(w.interns) if n not in ABSENT]
        self.by_id = {who.intern_id: n for n, who in enumerate(w.interns)}
        self.free = sorted(number for number in w.posts if number.startswith("3"))
        self.turns_seen = 0
        self.failure: BaseException | None = None
        self.stop = threading.Event()

    def signal_presence(self) -> None:
        for who in self.present:
            self.w.presence(who)

    def run(self) -> None:
        try:
            self._run()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.failure = exc

    def _run(self) -> None:
        self.signal_presence()
        last_presence, last_turn = time.monotonic(), None
        while not self.stop.is_set():
            if time.monotonic() - last_presence > 5:  # their clients ping every 10 s
                self.signal_presence()
                last_presence = time.monotonic()
            state = self.w.live_state()
            current = state["current_intern_id"]
            if state["state"] == "in_progress" and current is None:
                return  # everyone has passed
            if current is None or current == self.me.intern_id or current == last_turn:
                time.sleep(0.05)
                continue
            last_turn = current
            self.turns_seen += 1
            place = self.by_id[current]
            who = self.w.interns[place]
            if place in TIMED_OUT:
                # Time runs out: the calendar jumps just before the deadline, everyone's
                # client pings (as it does every 10 s), then past it.
                self.calendar.shift(timedelta(seconds=88))
                self.signal_presence()
                self.calendar.shift(timedelta(seconds=3))
                last_presence = time.monotonic()
                continue
            # Each takes a moment; those just before me take a second, as people do.
            time.sleep(1.0 if MY_PLACE - 6 <= place < MY_PLACE else 0.05)
            r = self.w.choose(who, self.free.pop(0))
            assert r.status_code == 200, r.text


def test_an_intern_live_screen_lives_through_a_whole_session_by_the_clock(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any,
        calendar: time_machine.Coordinates) -> None:
    server = amphi_server(server_factory, turn=90.0)
    w = world(server, interns=INTERNS, extra_posts=INTERNS + 10)
    me = w.interns[MY_PLACE]
    others = CoInterns(w, me, calendar)
    probe = Probe()

    async def scenario() -> None:
        _window, page = await intern_page(qtbot, make_app(server.url), me.email)
        view, live = page.live_view, page.live
        assert view is not None and live is not None
        others.signal_presence()  # their clients are open before the session starts
        assert w.transition("start").status_code == 200
        others.start()
        soon_seen = False
        while not (live.me is not None and live.me.my_turn):
            assert others.is_alive() or others.failure is None, others.failure
            soon_seen = soon_seen or (view.soon_banner.isVisible()
                                      and "bientôt" in view.soon_banner.text)
            probe.sample(others.turns_seen / MY_PLACE)
            assert len(probe.samples) < 1000, "the session stalled"
            await asyncio.sleep(0.3)
        assert soon_seen, "« C'est bientôt votre tour » never shown"
        probe.sample(1.0)
        # My turn: a free post, then the three steps.
        await until(lambda: view.choose_button.isVisible())
        number = others.free[-1]
        await until(lambda: any(view.posts_proxy.index(r, 0).data() == number
                                for r in range(view.posts_proxy.rowCount())))
        select_post(view, number)
        view.choose_button.click()
        await until(lambda: isinstance(view.steps and view.steps.current, IrrevocableDialog))
        view.steps.current.confirm_button.click()  # type: ignore[union-attr]
        await until(lambda: isinstance(view.steps and view.steps.current, FinalDialog))
        view.steps.current.ok_button.click()  # type: ignore[union-attr]
        await until(lambda: view.choice is not None, message=view.banner.text)
        assert view.choice is not None and view.choice.post.number == number
        # The rest of the session, seen from my screen, then the agency ends it.
        mine = others.turns_seen
        while others.is_alive():  # progress 2..3 from my choice to the end
            probe.sample(2 + (others.turns_seen - mine) / (INTERNS - MY_PLACE - 1))
            await asyncio.sleep(0.3)
        assert others.failure is None, others.failure
        assert w.transition("finish").status_code == 200
        await until(lambda: live.state is not None and live.state.state == "finished")
        queue = view.queue_model
        assert queue.rowCount() == INTERNS
        await asyncio.sleep(0.5)
        probe.sample(3.0)

    try:
        with qt_messages() as qt:
            arun(scenario(), timeout=600)
    finally:
        others.stop.set()
        others.join(timeout=20)
    assert qt.messages == []
    final = w.client.get(f"{w.base}/live").json()
    statuses = [entry["status"] for entry in final["queue"]]
    assert statuses.count("chosen") == INTERNS - len(ABSENT) - len(TIMED_OUT)
    print("endurance amphi:", others.turns_seen, "turns;",
          [(round(x.progress, 2), (x.rss or 0) >> 20, x.widgets, x.objects)
           for x in probe.samples[::max(1, len(probe.samples) // 12)]])
    # Flat while the turns go by, before my turn and after my choice (the choice itself
    # adds its post sheet, once).
    for start, end in ((0.25, 1.0), (2.0, 3.0)):
        rss, widgets, objects = probe.growth(start, end)
        assert widgets <= 2, [s.widgets for s in probe.samples]
        assert objects < 20_000, [s.objects for s in probe.samples]
        if rss is not None:
            assert rss < 40 * 2**20, [s.rss for s in probe.samples]
