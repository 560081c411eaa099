"""Screenshots of every amphitheatre screen against the real demo (not a test: run it).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/desktop/amphi_shots.py [OUT_DIR]

Loads the demo data in a temporary directory, serves it with the simulated interns (the
demo intern's amphitheatre runs live), signs in as the demo intern and as the agency,
and saves PNGs of each tab, the dialogs and the live screen under /tmp/shots-amphi/.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget
from qasync import QEventLoop

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.app import AmphiApp, Options, configure_application  # noqa: E402
from desktop.ui.amphi.intern_page import AmphiInternPage  # noqa: E402
from desktop.ui.amphi.staff_page import StaffPage  # noqa: E402
from server_stub.demo import load_demo  # noqa: E402
from server_stub.settings import Settings  # noqa: E402
from tests.conftest import start_live_server  # noqa: E402
from tests.server.conftest import FAST_HASHING  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-amphi")


async def until(test: Any, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not test():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.05)


async def shot(widget: QWidget, name: str) -> None:
    await asyncio.sleep(0.15)  # let the loop paint (never processEvents inside a task)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


async def signed_in(app: AmphiApp, email: str, password: str, proxy: bool = False) -> Any:
    await app.start()
    dialog = app.signin_dialog
    assert dialog is not None
    dialog.email_edit.setText(email)
    dialog.password_edit.setText(password)
    dialog.proxy_check.setChecked(proxy)
    if email.startswith("interne"):
        await shot(dialog, "00-signin-with-proxy-mode")
    dialog.sign_in_button.click()
    await until(lambda: app.main_window is not None and app.main_window.isVisible())
    window = app.main_window
    assert window is not None
    window.resize(1280, 720)
    return window


async def main(data: Path) -> None:
    load_demo(Settings(data_dir=data / "server", secret_key="shots", **FAST_HASHING))
    live, server, thread = start_live_server(
        data / "server", demo_mode=True, demo_simulated_participants=True,
        demo_simulation_pace_seconds=1.5, amphi_turn_seconds=90, **FAST_HASHING)
    try:
        intern = AmphiApp(Options(server=live.url, data_dir=data / "c1"))
        window = await signed_in(intern, "interne@amphi.demo", "Interne2026")
        window.show_page("amphi")
        page = window.page("amphi")
        assert isinstance(page, AmphiInternPage)
        await until(lambda: page.live is not None and page.live.state is not None)
        posts = page.posts_view
        page.tabs.setCurrentWidget(posts)
        await shot(window, "01-posts-grouped")
        posts.search_edit.setText("lyon")
        await asyncio.sleep(0.1)
        posts.set_quick("free")
        posts.tree.expandToDepth(0)
        await shot(window, "02-posts-grouped-filtered")
        posts.flat_button.setChecked(True)
        await shot(window, "03-posts-flat")
        posts.open_advanced()
        await asyncio.sleep(0.2)
        await shot(posts.advanced_dialog, "04-advanced-search")
        posts.advanced_dialog.reject()
        posts.set_quick("all")
        posts.search_edit.clear()
        posts.grouped_button.setChecked(True)
        from desktop.sync.amphi import favourite_for_post, favourite_for_service

        assert page.sync is not None
        groups = page.posts_view.tree_model.all_groups()
        for group in (groups[40], groups[3], groups[12]):
            await page.sync.add(favourite_for_service(group.service, group.posts))
        await page.sync.add(favourite_for_post(groups[7].posts[0]))
        page.tabs.setCurrentWidget(page.favourites_view)
        await asyncio.sleep(0.5)
        if hasattr(page.favourites_view, "single_post_box"):
            await shot(page.favourites_view.single_post_box, "05b-single-post-warning")
            page.favourites_view.single_post_box.accept()
        await until(lambda: page.favourites_view.last_estimate is not None)
        page.tabs.setCurrentWidget(page.favourites_view)  # the session start switched tabs
        await asyncio.sleep(0.3)
        await shot(window, "05-favourites")
        page.tabs.setCurrentWidget(page.assignments_view)
        await until(lambda: page.assignments_view is not None
                    and page.assignments_view.model.rowCount() > 0)
        await shot(window, "05c-assignments")
        page.tabs.setCurrentWidget(page.info_view)
        await shot(window, "06-call-list-sessions")
        page.tabs.setCurrentWidget(page.internship_view)
        await asyncio.sleep(0.5)
        await shot(window, "07-my-internship")
        page.tabs.setCurrentWidget(page.live_holder)
        view = page.live_view
        assert view is not None
        await until(lambda: page.live is not None and page.live.soon, timeout=240)
        await shot(window, "08-live-soon")
        await until(lambda: page.live is not None and page.live.me is not None
                    and page.live.me.my_turn, timeout=240)
        await asyncio.sleep(0.5)
        allowed = sorted(view.posts_model.allowed or ())
        if allowed:
            proxy = view.posts_proxy
            for row in range(proxy.rowCount()):
                item = proxy.index(row, 0)
                if view.posts_model.row_of(allowed[0]) is not None and \
                        proxy.mapToSource(item).row() == view.posts_model.row_of(allowed[0]):
                    view.posts_table.setCurrentIndex(item)
                    break
        await shot(window, "09-live-my-turn")
        post = view.selected_post()
        if post is not None:
            task = asyncio.ensure_future(view.choose(post))
            await until(lambda: view.steps is not None and view.steps.current is not None)
            await asyncio.sleep(0.2)
            await shot(view.steps.current, "10-confirm-step2")  # type: ignore[union-attr, arg-type]
            view.steps.current.confirm_button.click()  # type: ignore[union-attr]
            await asyncio.sleep(0.3)
            await shot(view.steps.current, "11-confirm-step3")  # type: ignore[union-attr, arg-type]
            view.steps.current.ok_button.click()  # type: ignore[union-attr]
            await task
            await asyncio.sleep(0.5)
            await shot(window, "12-live-post-sheet")
        page.tabs.setCurrentWidget(page.internship_view)
        await asyncio.sleep(1.0)
        await shot(window, "13-my-internship-after-choice")
        assert page.assignments_view is not None
        page.tabs.setCurrentWidget(page.assignments_view)
        page.assignments_view.set_filter("establishment", "lyon")
        await shot(window, "14-assignments-filtered")
        page.assignments_view.clear_filters()

        staff = AmphiApp(Options(server=live.url, data_dir=data / "c2"))
        swindow = await signed_in(staff, "ars@amphi.demo", "Agence2026")
        swindow.show_page("amphi_staff")
        spage = swindow.page("amphi_staff")
        assert isinstance(spage, StaffPage)
        await until(lambda: bool(spage.amphis))
        await shot(swindow, "20-staff-amphis")
        bad = data / "postes.csv"
        bad.write_text("Numéro;N° service;DES;Groupe;Type;Régime\n"
                       "99001;ZZZ;MG;Médecine générale;CHU;Phase socle\n"
                       "99002;;MG;Médecine générale;CHU;Phase socle\n", encoding="utf-8")
        spage.tabs.setCurrentIndex(1)
        await spage.import_file("posts", bad)
        await shot(swindow, "21-staff-import-report")
        spage.tabs.setCurrentIndex(2)
        await shot(swindow, "22-staff-supernumerary")
        for row, amphi in enumerate(spage.amphis):
            if amphi.state == "in_progress":
                spage.amphi_table.setCurrentCell(row, 0)
        spage.tabs.setCurrentIndex(3)
        await asyncio.sleep(1.5)
        await shot(swindow, "23-staff-live")
        spage.tabs.setCurrentWidget(spage.assignments_view)
        await until(lambda: spage.assignments_view.model.rowCount() > 0)
        await shot(swindow, "24-staff-assignments")
        await staff.shutdown()
        await intern.shutdown()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    qapp = QApplication(sys.argv[:1])
    configure_application(qapp)
    loop = QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as tmp:
        loop.run_until_complete(main(Path(tmp)))
