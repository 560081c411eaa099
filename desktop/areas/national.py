"""The national choice's screens (issue 4): composition only.

Students ranked in a national campaign get « Mes vœux » (wishes, statuses, turn panel,
three-step validation, absence, assignment and its PDF), « Tableaux publics » and « Mes
historiques »; staff get « Choix national (agence) » and the public tables. The campaign
is the one named in the profile (students) or the newest national campaign (staff).
Live events go to the student service, the tables and the staff screen; desktop
notifications warn when my turn is near and when it comes, and show the agency's messages
(`student_message`, to me only: also kept in « Mon activité passée »). While the
amphitheatre runs my email, password and secret are frozen: the profile is read again when
the amphitheatre starts or ends, so « Mon profil » says so beforehand.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication

from desktop.api.client import ApiError, Profile
from desktop.api.national import NationalApi, Receipt
from desktop.areas import AppContext
from desktop.attestation import (
    AttestationData,
    FontMissing,
    attestation_page,
    suggested_name,
    write_attestation,
)
from desktop.sync.national import NationalStudent
from desktop.sync.notifications import Notifier, TurnNotifier
from desktop.tasks import spawn
from desktop.ui.main_window import MainWindow
from desktop.ui.national.staff_view import StaffNationalView, StaffSource
from desktop.ui.national.tables_view import HistorySource, HistoryView, TableSource, TablesView
from desktop.ui.national.turn_strip import TurnStrip
from desktop.ui.national.wishes_view import WishesView
from desktop.ui.printing import PrintPreviewDialog, ask_save_path

log = logging.getLogger(__name__)

LIVE_KINDS_TABLES = frozenset({"simulation_moved", "student_assigned", "turn_ended",
                               "offer_changed", "order_changed"})
LIVE_KINDS_STAFF = frozenset({"turn_started", "student_assigned", "turn_ended", "amphi_state",
                              "amphi_waiting", "site_state", "order_changed",
                              "offer_changed"})
# Events after which my profile says something else (credentials frozen during the amphi).
LIVE_KINDS_PROFILE = frozenset({"amphi_state", "site_state"})
STUDENT_MESSAGE = "student_message"


# Opening pages (MainWindow.add_page `home`, lowest first): the student on his wishes; the
# agent on the procedure in progress (the national amphitheatre before a regional one).
HOME_STUDENT = 10
HOME_STAFF_IN_PROGRESS = 5
HOME_STAFF = 50


def _tr(text: str) -> str:
    return QCoreApplication.translate("NationalArea", text)


def student_campaign(profile: Profile | None) -> int | None:
    """The national campaign in which this person is a ranked student, if any."""
    if profile is None:
        return None
    ids = [c.id for c in profile.campaigns if c.kind == "national" and c.my_role == "student"]
    return max(ids) if ids else None


def is_candidate(profile: Profile) -> bool:
    return student_campaign(profile) is not None


def sees_tables(profile: Profile) -> bool:
    return is_candidate(profile) or profile.role == "staff"


def table_source(national: NationalApi, cid: int,
                 my_rank: Callable[[], int | None] = lambda: None) -> TableSource:
    """The public tables of campaign `cid` (« Dispo pour moi » for a signed-in student;
    `my_rank` marks his day in the day slices). Also the public space's (areas/public.py)."""

    async def table(kind: str, pool: str) -> list[Any]:
        if kind == "final":
            return list((await national.national_final_availability(cid, pool)).rows)
        if kind == "current":
            return list((await national.national_current_availability(cid, pool)).rows)
        if kind == "mine":
            return list((await national.national_my_availability(cid)).rows)
        return list((await national.national_rank_limits(cid, pool)).rows)

    return TableSource(
        table=table,
        listing=lambda offset, limit: national.national_listing(cid, offset=offset,
                                                                limit=limit),
        cell_view=lambda cell_id: national.national_cell_view(cid, cell_id),
        radar=lambda: national.national_radar(cid),
        campaign=lambda: national.national_campaign(cid),
        my_rank=my_rank)


class NationalArea(QObject):
    """Wires the national services to the views of one main window."""

    def __init__(self, window: MainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.national = NationalApi(context.api)
        self.student: NationalStudent | None = None
        self.campaign_id: int | None = None
        self.staff_campaign_id: int | None = None
        self.attestation_dir: Path | None = None  # set: save there without asking (tests)
        self.print_preview: PrintPreviewDialog | None = None
        self._landed = False  # moved to « Mes vœux » once, at the first load
        self.last_attestation: Path | None = None
        # No tray: the taskbar entry flashes. Never an in-app banner: the turn panel (on
        # « Mes vœux ») or the turn strip (on every other page) says it already, and a
        # second « C'EST VOTRE TOUR » banner pushed JE PRENDS down at the critical moment.
        self.notifier = TurnNotifier(self._alert, self)
        # The agency's messages: a desktop notification where there is one, and always a
        # banner in the window (a notification fades; the message must be read).
        self.messages = Notifier(None, self)
        self.wishes_view = WishesView()
        self.tables_view = TablesView()
        self.history_view = HistoryView()
        self.staff_view = StaffNationalView()
        self.wishes_view.on_cell_clicked = self._open_cell
        self.turn_strip = TurnStrip()
        window.add_header(self.turn_strip)
        self.turn_strip.open_requested.connect(self._open_wishes)
        self.wishes_view.turn_panel.changed.connect(self._update_strip)
        window.page_changed.connect(self._update_strip)
        window.add_page("national_wishes", _tr("Mes vœux (choix national)"), None,
                        self.wishes_view, roles={"student"}, visible_if=is_candidate,
                        home=HOME_STUDENT)
        window.add_page("national_tables", _tr("Tableaux publics"), None, self.tables_view,
                        visible_if=sees_tables)
        window.add_page("national_history", _tr("Mes historiques"), None, self.history_view,
                        roles={"student"}, visible_if=is_candidate)
        window.add_page("national_staff", _tr("Choix national (agence)"), None,
                        self.staff_view, roles={"staff"}, home=HOME_STAFF)
        context.connect(context.account.profile_changed, self._profile_changed)
        context.connect(context.account.signed_out, self._signed_out)
        context.connect(context.live.event_received, self._on_event)
        if context.account.profile is not None:
            self._profile_changed(context.account.profile)

    # ---------------------------------------------------------------- campaign

    def _profile_changed(self, profile: Profile) -> None:
        cid = student_campaign(profile)
        if cid is not None and (self.student is None or self.campaign_id != cid):
            self._start_student(cid, profile)
        if profile.role == "staff" and self.staff_campaign_id is None:
            spawn(self, self._find_staff_campaign())

    def _signed_out(self) -> None:
        self.turn_strip.hide()
        self.student = None
        self.campaign_id = None
        self.staff_campaign_id = None

    def _start_student(self, cid: int, profile: Profile) -> None:
        email = self.context.account.email or profile.email or ""
        self.campaign_id = cid
        student = NationalStudent(self.national, self.context.store, email, cid, self)
        self.student = student
        student.me_changed.connect(self._notify_turn)
        student.turn_moved.connect(self._turn_moved)
        self.wishes_view.attach(student, print_attestation=self.print_attestation,
                                show_profile=lambda: self.window.show_page("profile"))
        self._attach_tables(cid)
        national, c = self.national, cid

        async def receipts() -> list[Receipt]:
            """The server's receipts; offline, the ones kept on this computer."""
            try:
                return await national.national_receipts(c)
            except ApiError as exc:
                if exc.offline:
                    return student.wishes.receipts()
                raise

        self.history_view.attach(HistorySource(
            changes=lambda: national.national_wish_changes(c),
            receipts=receipts,
            verify=lambda r: national.national_verify_receipt(c, r)))
        student.wishes.receipt_received.connect(self._receipt)
        spawn(self, self._load_student(student))

    async def _load_student(self, student: NationalStudent) -> None:
        """Load my file; a student who just opened the app lands on his wishes."""
        try:
            me = await student.load()
        except RuntimeError:  # the window closed meanwhile (its Qt objects are gone)
            log.debug("national file loaded after the window closed")
            return
        if me is not None and self.window.current_page() in (None, "profile") \
                and not self._landed:
            self._landed = True
            self.window.show_page("national_wishes")

    def _attach_tables(self, cid: int) -> None:
        self.tables_view.attach(table_source(self.national, cid, self._my_rank))

    async def _find_staff_campaign(self) -> None:
        try:
            cid = await self.national.find_national_campaign()
        except ApiError as exc:
            log.info("no national campaign found: %s", exc.message)
            return
        if cid is None:
            self.staff_view.banner.show_message(_tr("Aucune campagne nationale sur ce serveur."),
                                                "info")
            return
        self.staff_campaign_id = cid
        national = self.national
        spawn(self, self._home_if_running(cid))

        async def command(name: str, candidate_id: int | None) -> Any:
            calls = {"start": national.national_start_amphi,
                     "pause": national.national_pause_amphi,
                     "resume": national.national_resume_amphi,
                     "open_next_slice": national.national_open_next_slice}
            if name in calls:
                return await calls[name](cid)
            assert candidate_id is not None
            decisions = {"assign": national.national_assign_current,
                         "skip": national.national_skip_current,
                         "demote": national.national_demote_student}
            return await decisions[name](cid, candidate_id)

        self.staff_view.attach(StaffSource(
            campaign=lambda: national.national_campaign(cid),
            set_state=lambda state: national.national_set_state(cid, state),
            set_day_slices=lambda slices: national.national_set_day_slices(cid, slices),
            import_offer=lambda path, dry: national.national_import_offer(cid, path,
                                                                          dry_run=dry),
            import_students=lambda path, dry: national.national_import_students(
                cid, path, dry_run=dry),
            amphi=lambda: national.national_staff_amphi(cid),
            command=command,
            export=lambda group_by, fmt: national.national_export_assignments(cid, group_by,
                                                                              fmt),
            message=lambda candidate_id, text: national.national_message_student(
                cid, candidate_id, text)))
        if self.campaign_id is None:
            self._attach_tables(cid)
            index = self.tables_view.kind_combo.findData("mine")
            if index >= 0:
                self.tables_view.kind_combo.removeItem(index)

    async def _home_if_running(self, cid: int) -> None:
        """The agent opens on the national screen while its amphitheatre is on."""
        try:
            campaign = await self.national.national_campaign(cid)
        except ApiError as exc:
            log.info("national campaign not read: %s", exc.message)
            return
        if campaign.state == "amphi":
            self.window.propose_home("national_staff", HOME_STAFF_IN_PROGRESS)

    # ---------------------------------------------------------------- live

    def _on_event(self, kind: str, event: dict[str, Any], event_id: int) -> None:
        payload = event.get("payload") or {}
        cid = payload.get("campaign_id")
        if self.student is not None and cid == self.campaign_id:
            self.student.on_event(kind, event, event_id)
        if cid in (self.campaign_id, self.staff_campaign_id) and kind in LIVE_KINDS_TABLES:
            self.tables_view.refresh_soon()
        if cid == self.staff_campaign_id and kind in LIVE_KINDS_STAFF:
            self.staff_view.refresh_soon()
        if cid is not None and cid == self.campaign_id:
            if kind == STUDENT_MESSAGE:
                self._show_message(payload)
            elif kind in LIVE_KINDS_PROFILE:
                spawn(self, self._refresh_profile())

    def _show_message(self, payload: dict[str, Any]) -> None:
        """The agency's message to me: notified, and in a banner until I close it."""
        text = str(payload.get("text", "")).strip()
        if not text:
            return
        author = str(payload.get("author", "")).strip()
        title = (_tr("Message de l'agence (%1)").replace("%1", author) if author
                 else _tr("Message de l'agence"))
        self.messages.notify(title, text)
        self.window.show_notice(_tr("%1 : %2").replace("%1", title).replace("%2", text),
                                "warning")
        QApplication.alert(self.window)

    async def _refresh_profile(self) -> None:
        try:
            await self.context.account.refresh_profile()
        except ApiError as exc:
            log.info("profile not refreshed: %s", exc.message)

    def _turn_moved(self, people_before: int, _current_rank: object) -> None:
        self.notifier.update(people_before, False)

    def _notify_turn(self, me: Any) -> None:
        if me.outcome is None and me.turn.amphi_status == "running":
            self.notifier.update(me.turn.people_before, me.turn.my_turn)

    def _alert(self, _text: str, _kind: str) -> None:
        """Where the desktop shows no notification: make the window ask for attention."""
        QApplication.alert(self.window)

    def _receipt(self, receipt: Receipt) -> None:
        self.wishes_view.show_message(_tr("Vœux enregistrés — reçu %1").replace(
            "%1", receipt.code), "info")
        if self.history_view.isVisible():
            self.history_view.reload()

    def _open_wishes(self) -> None:
        self.window.show_page("national_wishes")

    def _update_strip(self, *_args: object) -> None:
        """The strip shows the turn on every page but « Mes vœux », where the panel is."""
        panel = self.wishes_view.turn_panel
        show = (self.student is not None and panel.turn is not None and not panel.isHidden()
                and self.window.current_page() != "national_wishes")
        if show:
            self.turn_strip.mirror(panel)
        self.turn_strip.setVisible(show)

    def _open_cell(self, cell_id: int) -> None:
        self.tables_view.open_cell(cell_id)

    # ---------------------------------------------------------------- attestation

    def _my_rank(self) -> int | None:
        """The signed-in student's rank (his day in the day slices), if he is one."""
        me = self.student.me if self.student is not None else None
        return (me.demoted_behind or me.rank) if me is not None else None

    def _attestation_data(self) -> AttestationData | None:
        student, profile = self.student, self.context.account.profile
        if student is None or student.me is None or student.me.assignment is None \
                or profile is None:
            return None
        name = next((c.name for c in profile.campaigns if c.id == self.campaign_id), "")
        return AttestationData(
            last_name=profile.last_name, first_name=profile.first_name,
            birth_date=profile.birth_date.strftime("%d/%m/%Y") if profile.birth_date else None,
            rank=student.me.rank, campaign=name, assignment=student.me.assignment)

    async def print_attestation(self) -> None:
        """« Imprimer mon affectation »: the page in a print preview, whose « Imprimer… »
        goes through Qt's print dialog and « Enregistrer en PDF… » saves it (Documents)."""
        data = self._attestation_data()
        if data is None:
            return
        printed_at = datetime.now().astimezone()
        if self.print_preview is not None:
            self.print_preview.deleteLater()
        dialog = PrintPreviewDialog(
            _tr("Attestation d'affectation"),
            lambda: [attestation_page(data, printed_at=printed_at)],
            save=lambda: spawn(self, self.save_attestation()),
            file_name=suggested_name(data), parent=self.window)
        self.print_preview = dialog
        dialog.open()

    async def save_attestation(self) -> None:
        """The attestation as a PDF, where the student says (the save dialog opens in his
        Documents folder)."""
        data = self._attestation_data()
        if data is None:
            return
        name = suggested_name(data)
        if self.attestation_dir is not None:
            path: Path | None = self.attestation_dir / name
        else:
            path = await ask_save_path(self.window, _tr("Enregistrer mon attestation "
                                                        "d'affectation"), name,
                                       _tr("Document PDF (*.pdf)"))
        if path is None:
            return
        try:
            await asyncio.to_thread(write_attestation, path, data,
                                    printed_at=datetime.now().astimezone())
        except (OSError, FontMissing) as exc:
            self.wishes_view.show_message(_tr("Le PDF n'a pas pu être enregistré : %1")
                                          .replace("%1", str(exc)), "error")
            return
        self.last_attestation = path
        self.wishes_view.show_message(_tr("Attestation enregistrée : %1").replace(
            "%1", str(path)), "success")


def install(window: MainWindow, context: AppContext) -> None:
    """Add the national pages to `window` (called once per main window)."""
    window.national_area = NationalArea(window, context)  # type: ignore[attr-defined]
