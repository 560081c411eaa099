"""Screenshots of « Consulter sans compte » at 1280×720, in French (not a test: run it,
then look at the pictures).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/desktop/public_shots.py [OUT_DIR]

Loads the demo data in a temporary directory and serves it (the demo amphitheatre runs
live), opens the sign-in window, clicks « Consulter sans compte » and saves one PNG per
tab under OUT_DIR (default /tmp/publicshots); then the same window on a server with no
campaign at all (the empty states).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from qasync import QEventLoop

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.app import AmphiApp, Options, configure_application  # noqa: E402
from desktop.ui.amphi.public_view import PublicAmphiView  # noqa: E402
from server_stub.demo import load_demo  # noqa: E402
from server_stub.settings import Settings  # noqa: E402
from tests.conftest import start_live_server  # noqa: E402
from tests.desktop.ui_shots import SIZE, until  # noqa: E402
from tests.server.conftest import FAST_HASHING  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/publicshots")


async def shot(widget: object, name: str) -> None:
    await asyncio.sleep(0.5)  # let the loop paint (never processEvents inside a task)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))  # type: ignore[attr-defined]
    print(path, flush=True)


async def public_pages(url: str, data: Path, prefix: str) -> None:
    app = AmphiApp(Options(server=url, data_dir=data / prefix))
    await app.start()
    dialog = app.signin_dialog
    assert dialog is not None
    await shot(dialog, f"{prefix}-00-signin")
    dialog.browse_button.click()
    await until(lambda: app.public_window is not None and app.public_window.isVisible())
    window = app.public_window
    assert window is not None
    window.resize(*SIZE)
    await asyncio.sleep(3.0)
    names = ["national", "amphi", "matching"]
    for index, name in enumerate(names):
        window.tabs.setCurrentIndex(index)
        await asyncio.sleep(1.5)
        await shot(window, f"{prefix}-{index + 1:02d}-{name}")
        if name == "national" and not window.national.missing:
            tables = window.national.content
            for kind in ("current", "rank_limits", "listing"):
                tables.kind_combo.setCurrentIndex(tables.kind_combo.findData(kind))
                await asyncio.sleep(2.0)
                await shot(window, f"{prefix}-01-national-{kind}")
            tables.show_day_slices()
            await asyncio.sleep(1.0)
            if tables.slices_dialog is not None:
                await shot(tables.slices_dialog, f"{prefix}-01-national-slices")
                tables.slices_dialog.close()
            rows = tables.model.rows()
            if rows and getattr(rows[0], "cell_id", None):
                tables.kind_combo.setCurrentIndex(0)
                await asyncio.sleep(2.0)
                tables.open_cell(tables.model.rows()[0].cell_id)
                await asyncio.sleep(1.0)
                if tables.dialog is not None:
                    await shot(tables.dialog, f"{prefix}-01-national-cell")
                    tables.dialog.close()
        if name == "amphi":
            view = window.amphi
            assert isinstance(view, PublicAmphiView)
            for tab in range(view.tabs.count()):
                view.tabs.setCurrentIndex(tab)
                await asyncio.sleep(1.5)
                await shot(window, f"{prefix}-02-amphi-{tab}")
            view.tabs.setCurrentIndex(4)
            offer = view.offer_view
            offer.flat_button.setChecked(True)
            await asyncio.sleep(0.5)
            offer.table.selectRow(0)
            offer.service_button.click()
            await asyncio.sleep(1.0)
            await shot(window, f"{prefix}-02-amphi-4-service")
            view.save_dir = data
            await view.export_offer("csv")
            await asyncio.sleep(0.3)
            await shot(window, f"{prefix}-02-amphi-4-exported")
    await app.shutdown()


async def main(data: Path) -> None:
    load_demo(Settings(data_dir=data / "server", secret_key="shots", **FAST_HASHING))
    live, server, thread = start_live_server(
        data / "server", demo_mode=True, demo_simulated_participants=True,
        demo_simulation_pace_seconds=1.5, amphi_turn_seconds=90, **FAST_HASHING)
    empty_live, empty_server, empty_thread = start_live_server(data / "empty", **FAST_HASHING)
    try:
        await public_pages(live.url, data, "demo")
        await public_pages(empty_live.url, data, "empty")
    finally:
        for s, t in ((server, thread), (empty_server, empty_thread)):
            s.should_exit = True
            t.join(timeout=10)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    qapp = QApplication(sys.argv[:1])
    configure_application(qapp)
    loop = QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as tmp:
        loop.run_until_complete(main(Path(tmp)))
