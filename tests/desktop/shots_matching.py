"""Screenshots of the matching screens against the real demo server (to look at them).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.desktop.shots_matching [OUT_DIR]

Builds the demo data in a temporary folder, serves it, opens each screen as the demo
supervisor, junior doctor and coordinator would (the size of the main window's page
area), and saves PNGs (default /tmp/shots-matching/).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from qasync import QEventLoop

from desktop.app import configure_application
from desktop.sync.matching import MatchingService
from tests.desktop.matching_helpers import service_for

SIZE = (1140, 760)


async def until(predicate: Callable[[], object], timeout: float = 30.0) -> None:
    loop = asyncio.get_event_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError("screen did not load")
        await asyncio.sleep(0.05)


async def shoot(widget: QWidget, out: Path, name: str) -> None:
    await asyncio.sleep(0.3)  # let layouts and paints settle (never processEvents in a task)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


async def main(url: str, out: Path, data: Path) -> None:
    import httpx

    from desktop.ui.matching.coordinator_view import CoordinatorView
    from desktop.ui.matching.posts_view import MyPostsView
    from desktop.ui.matching.student_view import StudentView

    def login(email: str, password: str, name: str) -> MatchingService:
        r = httpx.post(f"{url}/api/auth/login", json={"email": email, "password": password})
        r.raise_for_status()
        return service_for(url, r.json()["token"], email, data / name)

    sup = login("rts@amphi.demo", "Superviseur2026", "rts")
    posts = MyPostsView(sup, opener=lambda _p: True)
    posts.resize(*SIZE)
    posts.show()
    await until(lambda: len(posts.card_widgets()) == 4)
    await shoot(posts, out, "01-supervisor-cards")
    cards = posts.card_widgets()
    posts.open_detail(cards[0].post)
    await shoot(posts, out, "02-post-detail")
    begun = next((c for c in cards if c.post.ranking and c.post.ranking.version > 0), cards[0])
    posts.open_ranking(begun.post)
    view = posts.ranking
    await until(lambda: view.ranking is not None and view.board.candidates)
    model = view.board.models["ranked"]
    if model.rowCount():
        view.lists["ranked"].setCurrentIndex(model.index(0))
    await asyncio.sleep(1.0)
    await shoot(posts, out, "03-ranking-invalid")
    # Make it valid: local first, everybody ranked.
    board = view.board
    local = [c for c, x in board.candidates.items() if x.in_post_subdivision]
    others = [c for c in board.candidates if c not in local]
    board.set_lists(local + others, [])
    board.changed.emit()
    await until(lambda: sup.rankings.states.get(begun.post.id) == "saved")
    await asyncio.sleep(0.5)
    await shoot(posts, out, "04-ranking-valid")

    student = login("docteur@amphi.demo", "Docteur2026", "doc")
    sview = StudentView(student, opener=lambda _p: True)
    sview.resize(*SIZE)
    sview.show()
    await until(lambda: sview.applications is not None)
    await shoot(sview, out, "05-student-applications")
    sview.tabs.setCurrentIndex(1)
    await shoot(sview, out, "06-student-file")
    sview.tabs.setCurrentIndex(2)
    await shoot(sview, out, "07-student-results")

    coord = login("coordo@amphi.demo", "Coordo2026", "coordo")
    cview = CoordinatorView(coord)
    cview.resize(*SIZE)
    cview.show()
    await until(lambda: cview.students.model.rowCount() > 0
                and cview.posts.model.rowCount() > 0, timeout=60)
    await shoot(cview, out, "08-coordinator-students")
    cview.tabs.setCurrentIndex(1)
    await shoot(cview, out, "09-coordinator-posts")

    staff = login("ars@amphi.demo", "Agence2026", "ars")
    stview = CoordinatorView(staff)
    stview.resize(*SIZE)
    stview.show()
    await until(lambda: stview.students.model.rowCount() > 0, timeout=60)
    stview.tabs.setCurrentIndex(2)
    await shoot(stview, out, "10-staff-results")
    # Round 3 (off platform): in the demo rounds 1-2 are not published yet, so the entry
    # form waits and says why (test_matching_outcomes.py covers the open form).
    rnd3 = next(r for w in stview.campaign.waves for r in w.rounds if r.off_platform)
    stview.round_combo.setCurrentIndex(stview.round_combo.findData(rnd3.id))
    tab = stview.outcomes
    await until(lambda: tab.student.count() > 0, timeout=60)
    await shoot(stview, out, "11-staff-round3-waiting")
    for service in (sup, student, coord, staff):
        await service.api.api.aclose()


def run() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-matching")
    out.mkdir(parents=True, exist_ok=True)
    from server_stub.demo import load_demo
    from server_stub.settings import Settings
    from tests.conftest import start_live_server
    from tests.desktop.conftest import FAST_HASHING

    data = Path(tempfile.mkdtemp(prefix="shots-matching-"))
    load_demo(Settings(data_dir=data / "server", secret_key="shots", **FAST_HASHING))
    live, server, thread = start_live_server(data / "server", **FAST_HASHING)
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)  # type: ignore[arg-type]
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(main(live.url, out, data / "clients"))
    finally:
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    run()
