"""Screenshots of the agency's matching set-up and of « Application fermée » (to look at).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.desktop.shots_matching_setup [OUT_DIR]

Serves a fresh server, builds the tests' small campaign over HTTP, and saves each screen
at the size of the main window's page area at 1280×720 (default /tmp/msetupshots/).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from PySide6.QtWidgets import QApplication, QWidget
from qasync import QEventLoop

from desktop.app import configure_application
from tests.desktop.matching_helpers import service_for
from tests.desktop.shots_matching import until

PAGE = (1030, 640)  # the page beside the side bar of a 1280×720 main window


async def shoot(widget: QWidget, out: Path, name: str) -> None:
    await asyncio.sleep(0.4)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


async def main(live: object, out: Path, data: Path) -> None:
    from desktop.ui.matching.posts_view import MyPostsView
    from desktop.ui.matching.setup_view import (
        ROUND_DATES,
        DatesDialog,
        InviteDialog,
        SetupView,
    )
    from desktop.ui.matching.student_view import StudentView
    from tests.server.test_matching_helpers import build_world

    url = live.url  # type: ignore[attr-defined]
    with httpx.Client(base_url=url, timeout=20) as client:
        world = build_world(live, client)  # type: ignore[arg-type]
    staff = service_for(url, world.staff.token, world.staff.email, data / "staff")
    view = SetupView(staff)
    view.resize(*PAGE)
    view.show()
    await until(lambda: view.posts_model.rowCount() == 5 and view.members_model.rowCount())
    await shoot(view, out, "01-setup-calendar")
    rts = data / "rts.csv"
    rts.write_bytes("Nom;Prénom;Courriel\nBernard;Hélène;helene.bernard@chu.example.org\n"
                    "Sans;Adresse;pas-une-adresse\nBernard;Hélène;"
                    "HELENE.bernard@chu.example.org\n".encode("cp1252"))
    offer = data / "postes.csv"
    offer.write_text(
        "Numéro;Spécialité;Libellé;Établissement;Subdivision;RTS;Type;Places\n"
        "NEW1;Cardiologie;Cardiologie interventionnelle;CHU Lyon;LYON;"
        "helene.bernard@chu.example.org;simple;2\n"
        "NEW2;Cardiologie;Sans responsable;CHU Lyon;LYON;personne@nulle.part;simple;1\n"
        "NEW3;Cardiologie;Type inconnu;CHU Lyon;LYON;helene.bernard@chu.example.org;"
        "triple;1\n"
        "NEW4;Cardiologie;Couplé sans second;CHU Lyon;LYON;helene.bernard@chu.example.org;"
        "couplé;1\n", encoding="utf-8")
    view.tabs.setCurrentIndex(1)
    await view.import_file("supervisors", rts)
    await view.import_file("posts", offer)
    await shoot(view, out, "02-setup-imports-report")
    view.tabs.setCurrentIndex(2)
    await shoot(view, out, "03-setup-posts")
    view.tabs.setCurrentIndex(3)
    await view.invite("coordo.deux@univ.example.org", "coordinator", "Anne", "Deux")
    await shoot(view, out, "04-setup-members")
    invite = InviteDialog(view)
    invite.show()
    await shoot(invite, out, "05-invite-dialog")
    invite.close()
    rnd = world.rounds[1]
    found = view._round(rnd)
    assert found is not None
    dates = DatesDialog("Vague 1 — tour 1", ROUND_DATES,
                        {k: getattr(found[1], k) for k, _l in ROUND_DATES}, view)
    dates.show()
    await shoot(dates, out, "06-round-dates-dialog")
    dates.close()

    # A junior doctor's list, saved twice: its receipt under it, and « Mes reçus ».
    with httpx.Client(base_url=url, timeout=20) as client:
        world.client = client
        world.apply("s1", "P1", "P2", "P4").raise_for_status()
        world.apply("s1", "P2", "P1", "P4").raise_for_status()
    applicant = service_for(url, world.stu["s1"].token, world.stu["s1"].email, data / "s1w")
    aview = StudentView(applicant)
    aview.resize(*PAGE)
    aview.show()
    await until(lambda: aview.applications is not None and aview.mine.rowCount() == 3)
    await shoot(aview, out, "09-student-receipt")
    receipts = await aview.show_receipts()
    assert receipts is not None
    receipts.table.selectRow(1)
    await receipts.verify_selected()
    await shoot(receipts, out, "10-student-receipts-dialog")
    receipts.close()
    await applicant.api.api.aclose()

    # Nothing open yet to the interns and RTS of a second campaign: « Application fermée ».
    with httpx.Client(base_url=url, timeout=20) as client:
        closed = build_world(live, client, phase="upcoming")  # type: ignore[arg-type]
        t = datetime.now(UTC)
        r = client.patch(f"/api/matching/waves/{closed.wave_id}", headers=closed.staff.h,
                         json={"posts_opens_at": (t + timedelta(days=2)).isoformat(),
                               "posts_closes_at": (t + timedelta(days=9)).isoformat()})
        r.raise_for_status()
    student = service_for(url, closed.stu["s1"].token, closed.stu["s1"].email, data / "s1")
    sview = StudentView(student)
    sview.resize(*PAGE)
    sview.show()
    await until(lambda: sview.pages.currentWidget() is sview.closed)
    await shoot(sview, out, "07-student-application-closed")
    sup = service_for(url, closed.sup["A"].token, closed.sup["A"].email, data / "a")
    pview = MyPostsView(sup)
    pview.resize(*PAGE)
    pview.show()
    await until(lambda: pview.currentWidget() is pview.closed_page)
    await shoot(pview, out, "08-supervisor-application-closed")
    for service in (staff, student, sup):
        await service.api.api.aclose()


async def empty(url: str, out: Path, data: Path, token: str, email: str) -> None:
    from desktop.ui.matching.setup_view import SetupView

    service = service_for(url, token, email, data / "empty")
    view = SetupView(service)
    view.resize(*PAGE)
    view.show()
    await until(lambda: view.empty.isVisible())
    await shoot(view, out, "00-setup-no-campaign")
    await service.api.api.aclose()


def run() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/msetupshots")
    out.mkdir(parents=True, exist_ok=True)
    from tests.conftest import start_live_server
    from tests.desktop.conftest import FAST_HASHING, add_person
    from tests.server.conftest import login

    data = Path(tempfile.mkdtemp(prefix="shots-msetup-"))
    live, server, thread = start_live_server(data / "server", **FAST_HASHING)
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)  # type: ignore[arg-type]
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        add_person(live, role="staff", email="agent@ars.example.org", ine=None)
        with httpx.Client(base_url=live.url, timeout=20) as client:
            token = login(client, "agent@ars.example.org")
        loop.run_until_complete(empty(live.url, out, data / "clients", token,
                                      "agent@ars.example.org"))
        loop.run_until_complete(main(live, out, data / "clients"))
    finally:
        server.should_exit = True  # type: ignore[attr-defined]
        thread.join(timeout=10)  # type: ignore[attr-defined]


if __name__ == "__main__":
    run()
