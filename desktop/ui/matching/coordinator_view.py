"""Coordinators' and staff's follow-up: students, posts, results; exports; run and publish.

Each tab has filters (sent to the server, which computes the campaign's percentages
over every filtered row), a stats strip, a sortable table and two export buttons (CSV,
Excel) that save the server's file where the user chooses. Double-clicking a post shows
its ranking (without the supervisors' private observations); a student, his
applications with the supervisors' ranks. Staff run a round (with progress) and
coordinators or staff publish it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError
from desktop.api.matching import MatchingCampaign, PostRow, Round, StudentRow
from desktop.i18n import integer
from desktop.models import ItemRole, SortRole
from desktop.models.matching_dashboards import (
    COL_P_ASSIGNMENTS,
    COL_P_CHANGE,
    COL_P_CONNECTED,
    COL_P_TYPE,
    COL_S_CONNECTED,
    COL_S_OFFSET,
    PostsModel,
    ResultsModel,
    RowsModel,
    StudentsModel,
)
from desktop.sync.matching import MatchingService
from desktop.tasks import spawn
from desktop.ui.column_chooser import ColumnChooser
from desktop.ui.matching.common import fit_columns, phase_label, ratio_text, when
from desktop.ui.matching.outcomes_view import OutcomesTab
from desktop.ui.printing import documents_folder
from desktop.ui.widgets import Banner, BusyDialog, BusyIndicator, styled_label

TRI = (("Tous", None), ("Oui", True), ("Non", False))




# The columns each view hides until asked (see `ColumnChooser`): the student's last
# connection and offset semester, the post's type, assignments, supervisor's connection
# and last changes (each also a filter or a figure above the table).
HIDDEN_BY_DEFAULT: dict[str, tuple[int, ...]] = {
    "students": (COL_S_CONNECTED, COL_S_OFFSET),
    "posts": (COL_P_TYPE, COL_P_ASSIGNMENTS, COL_P_CONNECTED, COL_P_CHANGE),
}


class DashboardTab(QWidget):
    """Filters, stats, table and exports of one view (`students`, `posts`, `results`)."""

    def __init__(self, owner: CoordinatorView, view: str, model: RowsModel[Any],
                 flags: list[tuple[str, str]]) -> None:
        super().__init__(owner)
        self.owner = owner
        self.view = view
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SortRole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(8)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Nom, e-mail, INE, numéro, établissement…"))
        filters.addWidget(self.search, 2)
        self.subdivision = QComboBox()
        self.subdivision.addItem(self.tr("Toutes les subdivisions"), "")
        self.specialty = QComboBox()
        self.specialty.addItem(self.tr("Toutes les spécialités"), "")
        filters.addWidget(self.subdivision, 1)
        filters.addWidget(self.specialty, 1)
        # The yes/no filters on a second line, each as wide as its text (one line cut them
        # to « Classement valide : to »).
        flag_row = QHBoxLayout()
        self.flags: dict[str, QComboBox] = {}
        for key, label in flags:
            combo = QComboBox()
            for text, value in TRI:
                choice = self.tr(text).lower() if value is not None else self.tr("tous")
                combo.addItem(self.tr("{label} : {choice}").format(label=label, choice=choice),
                              value)
            combo.currentIndexChanged.connect(self.schedule)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            flag_row.addWidget(combo)
            self.flags[key] = combo
        flag_row.addStretch(1)
        layout.addLayout(filters)
        layout.addLayout(flag_row)
        self.stats = styled_label("", "muted", wrap=True)
        self.stats.setObjectName("matchingStats")
        layout.addWidget(self.stats)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)
        # Thirteen columns do not fit at 1280 pixels: the less used start hidden, and
        # « Colonnes… » (or a right-click on the titles) brings them back, remembered.
        self.columns = ColumnChooser(self.table, f"matching/{view}",
                                     HIDDEN_BY_DEFAULT.get(view, ()), changed=self.fit)
        bottom = QHBoxLayout()
        self.count = styled_label("", "muted")
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.columns.button(self))
        self.csv_button = QPushButton(self.tr("Exporter en CSV…"))
        self.xlsx_button = QPushButton(self.tr("Exporter en Excel…"))
        for b in (self.csv_button, self.xlsx_button):
            b.setAutoDefault(False)
            bottom.addWidget(b)
        layout.addLayout(bottom)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(lambda: spawn(self, self.refresh()))
        self.search.textChanged.connect(self.schedule)
        self.subdivision.currentIndexChanged.connect(self.schedule)
        self.specialty.currentIndexChanged.connect(self.schedule)

    def schedule(self) -> None:
        self.timer.start()

    def filters(self) -> dict[str, Any]:
        out: dict[str, Any] = {"q": self.search.text().strip() or None,
                               "subdivision": self.subdivision.currentData() or None,
                               "specialty": self.specialty.currentData() or None}
        for key, combo in self.flags.items():
            out[key] = combo.currentData()
        if self.view != "results":
            out["round_id"] = self.owner.round_id()
        return out

    def fill_choices(self, subdivisions: list[str], specialties: list[str]) -> None:
        for combo, values in ((self.subdivision, subdivisions), (self.specialty, specialties)):
            if combo.count() > 1 or not values:
                continue
            combo.blockSignals(True)
            for v in values:
                combo.addItem(v, v)
            combo.blockSignals(False)

    async def refresh(self) -> None:
        cid = self.owner.campaign_id()
        if cid is None:
            return
        service = self.owner.service
        self.owner.busy.setVisible(True)
        try:
            if self.view == "students":
                page = await service.matching_students_dashboard(cid, limit=10_000,
                                                                 **self.filters())
                s = page.stats
                self.stats.setText(" · ".join((
                    ratio_text(self.tr("Connectés"), s.connected),
                    ratio_text(self.tr("Candidatures suffisantes"), s.enough),
                    ratio_text(self.tr("Participants"), s.participating),
                    ratio_text(self.tr("Semestre décalé"), s.offset_semester),
                    ratio_text(self.tr("Affectés"), s.assigned))))
                rows: Any = page.rows
                total = page.total
            elif self.view == "posts":
                dash = await service.matching_posts_dashboard(cid, limit=10_000, **self.filters())
                p = dash.stats
                self.stats.setText(" · ".join((
                    self.tr("{n} postes, {k} places").format(n=integer(p.total),
                                                             k=integer(p.places)),
                    ratio_text(self.tr("Places attribuées"), p.assignments),
                    ratio_text(self.tr("Avec candidatures"), p.with_applications),
                    ratio_text(self.tr("Classements valides"), p.ranking_valid),
                    ratio_text(self.tr("Validés par l'ARS"), p.validated),
                    ratio_text(self.tr("RTS connectés"), p.supervisors_connected))))
                rows, total = dash.rows, dash.total
            else:
                res = await service.list_matching_results(cid, limit=10_000, **self.filters())
                assigned = sum(1 for r in res.rows if r.post is not None)
                self.stats.setText(self.tr("{n} résultat(s), dont {a} affectation(s)").format(
                    n=integer(res.total), a=integer(assigned)) if res.total else self.tr(
                    "Aucun résultat pour l'instant : ils apparaissent ici dès qu'un tour a "
                    "été calculé (avant publication, seuls l'agence et les coordonnateurs "
                    "les voient)."))
                rows, total = res.rows, res.total
                self.fill_choices(sorted({r.candidate.subdivision for r in rows}),
                                  sorted({r.candidate.specialty for r in rows}))
        except ApiError as error:
            self.owner.banner.show_message(error.message, "error")
            return
        finally:
            self.owner.busy.setVisible(False)
        first = not self.model.rows
        self.model.set_rows(rows)
        if first:
            self.fit()
        self.count.setText(self.tr("{n} ligne(s)").format(n=integer(total)))
        if self.view != "results" and rows:
            subs = sorted({r.subdivision for r in rows})
            specs = sorted({r.specialty for r in rows})
            self.fill_choices(subs, specs)

    def fit(self) -> None:
        """Columns to their content; identifiers stay whole: the INE and subdivision of
        a student, a post's number."""
        fit_columns(self.table, {1: 420} if self.view == "posts" else None,
                    firm={"students": (1, 3), "posts": (0,)}.get(self.view, ()))

    @asyncSlot()
    async def export(self, fmt: str) -> None:
        cid = self.owner.campaign_id()
        if cid is None:
            return
        filters = {k: v for k, v in self.filters().items() if v is not None}
        dialog = BusyDialog(self.tr("Export"), self.tr("Préparation du fichier…"),
                            parent=self)
        dialog.show()
        try:
            download = await self.owner.service.export_matching(cid, self.view, fmt,
                                                                **filters)
        except ApiError as error:
            self.owner.banner.show_message(error.message, "error")
            return
        finally:
            dialog.close()
            dialog.deleteLater()
        path = self.owner.choose_save_path(download.filename, fmt)
        if path is None:
            return
        try:
            path.write_bytes(download.content)
        except OSError as error:
            self.owner.banner.show_message(self.tr("Enregistrement impossible : {e}").format(
                e=error.strerror or error), "error")
            return
        self.owner.banner.show_message(self.tr("Exporté : {n} ligne(s) dans {path}").format(
            n=integer(download.rows) if download.rows is not None else "?", path=path),
            "success")


class CoordinatorView(QWidget):
    """The follow-up page of a matching campaign (coordinators and staff)."""

    def __init__(self, service: MatchingService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.campaign: MatchingCampaign | None = None
        self._loaded = False
        self.choose_save_path: Callable[[str, str], Path | None] = self._ask_save_path
        self.confirm: Callable[[str], bool] = self._ask_confirm
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(8)
        outer.addWidget(styled_label(self.tr("Suivi de l'appariement"), "title"))
        self.schedule = styled_label("", "subtitle", wrap=True)
        outer.addWidget(self.schedule)
        actions = QHBoxLayout()
        self.round_combo = QComboBox()
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        actions.addWidget(self.round_combo)
        self.run_button = QPushButton(self.tr("Lancer l'appariement du tour"))
        self.publish_button = QPushButton(self.tr("Publier les résultats du tour"))
        self.publish_button.setProperty("variant", "primary")
        for b in (self.run_button, self.publish_button):
            b.setAutoDefault(False)
            actions.addWidget(b)
        self.action_hint = styled_label("", "muted", wrap=True)
        actions.addWidget(self.action_hint, 1)
        outer.addLayout(actions)
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        self.busy = BusyIndicator(self)
        outer.addWidget(self.busy)
        self.tabs = QTabWidget(self)
        self.students = DashboardTab(self, "students", StudentsModel(self), [
            ("enough", self.tr("Suffisantes")), ("connected", self.tr("Connectés")),
            ("assigned", self.tr("Affectés"))])
        self.posts = DashboardTab(self, "posts", PostsModel(self), [
            ("ranking_valid", self.tr("Classement valide")),
            ("with_applications", self.tr("Avec candidatures")),
            ("validated", self.tr("Validé ARS"))])
        self.results = DashboardTab(self, "results", ResultsModel(self), [
            ("assigned", self.tr("Affectés"))])
        self.tabs.addTab(self.students, self.tr("Étudiants"))
        self.tabs.addTab(self.posts, self.tr("Postes"))
        self.tabs.addTab(self.results, self.tr("Résultats"))
        self.outcomes = OutcomesTab(self)
        self.outcomes_index = self.tabs.addTab(self.outcomes, self.tr("Saisie hors plateforme"))
        self.tabs.setTabVisible(self.outcomes_index, False)
        outer.addWidget(self.tabs, 1)
        self.round_combo.currentIndexChanged.connect(self._round_changed)
        self.run_button.clicked.connect(self.run_round)
        self.publish_button.clicked.connect(self.publish_round)
        self.posts.table.doubleClicked.connect(lambda i: self.show_post_ranking(i.data(ItemRole)))
        self.students.table.doubleClicked.connect(
            lambda i: self.show_student(i.data(ItemRole)))
        service.live_event.connect(self._on_event)

    # ---------------------------------------------------------------- loading

    def campaign_id(self) -> int | None:
        return self.campaign.id if self.campaign else None

    def round_id(self) -> int | None:
        value = self.round_combo.currentData()
        return int(value) if value else None

    def selected_round(self) -> Round | None:
        rid = self.round_id()
        return self.campaign.round(rid) if self.campaign and rid else None

    def pending_before(self, rnd: Round) -> list[int]:
        """Numbers of the earlier rounds of `rnd`'s wave not published yet."""
        wave = self.campaign.wave(rnd.wave_id) if self.campaign else None
        return [r.number for r in (wave.rounds if wave else ())
                if r.number < rnd.number and r.state != "published"]

    def rounds_text(self, numbers: list[int]) -> str:
        """« du tour 1 », « des tours 1 et 2 »."""
        if len(numbers) == 1:
            return self.tr("du tour {n}").format(n=numbers[0])
        head = ", ".join(map(str, numbers[:-1]))
        return self.tr("des tours {a} et {b}").format(a=head, b=numbers[-1])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            spawn(self, self.refresh())

    async def refresh(self) -> None:
        try:
            campaign = await self.service.load_campaign()
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            return
        if campaign is None:
            self.banner.show_message(self.tr("Aucune campagne d'appariement."), "info")
            return
        self.campaign = campaign
        self._fill_rounds(campaign)
        await asyncio.gather(self.students.refresh(), self.posts.refresh(),
                             self.results.refresh())
        await self.outcomes.refresh()

    def _fill_rounds(self, campaign: MatchingCampaign) -> None:
        current = self.round_id()
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        default = None
        for wave in campaign.waves:
            for rnd in wave.rounds:
                text = self.tr("Tour {n} : {phase}").format(n=rnd.number,
                                                          phase=phase_label(rnd.phase))
                if len(campaign.waves) > 1:
                    text = f"{wave.name} — {text}"
                self.round_combo.addItem(text, rnd.id)
                if rnd.id == wave.current_round_id and default is None:
                    default = rnd.id
        wanted = current or default
        self.round_combo.setCurrentIndex(max(0, self.round_combo.findData(wanted)))
        self.round_combo.blockSignals(False)
        self._update_actions()

    def _update_actions(self) -> None:
        rnd = self.selected_round()
        staff = self.campaign is not None and self.campaign.my_role == "staff"
        self.run_button.setVisible(staff)
        self.run_button.setEnabled(bool(rnd and not rnd.off_platform
                                        and rnd.phase == "awaiting_results"
                                        and rnd.state != "published"))
        self.publish_button.setEnabled(bool(rnd and (rnd.state == "run" or (
            rnd.off_platform and rnd.state != "published" and not self.pending_before(rnd)))))
        off = bool(rnd and rnd.off_platform)
        if off != self.tabs.isTabVisible(self.outcomes_index):
            self.tabs.setTabVisible(self.outcomes_index, off)
            if off:
                self.tabs.setCurrentIndex(self.outcomes_index)
        self.action_hint.setText(self._action_hint(rnd, staff))
        if self.campaign is not None and rnd is not None:
            wave = self.campaign.wave(rnd.wave_id)
            self.schedule.setText(" · ".join(x for x in (
                self.campaign.name, wave.name if wave else "",
                self.tr("Tour {n} : {phase}").format(n=rnd.number, phase=phase_label(rnd.phase)),
                self.tr("lancé le {d}").format(d=when(rnd.run_at)) if rnd.run_at else "",
                self.tr("publié le {d}").format(d=when(rnd.published_at))
                if rnd.published_at else "") if x))

    def _action_hint(self, rnd: Round | None, staff: bool) -> str:
        """Why the buttons are (not) available, in words."""
        if rnd is None:
            return ""
        if rnd.state == "published":
            return self.tr("Résultats publiés le {d}.").format(d=when(rnd.published_at))
        if rnd.off_platform and self.pending_before(rnd):
            return self.tr("Tour hors plateforme : publiez d'abord les résultats {rounds}.").format(
                rounds=self.rounds_text(self.pending_before(rnd)))
        if rnd.off_platform:
            return self.tr("Tour hors plateforme : saisissez les affectations dans l'onglet "
                           "« Saisie hors plateforme », puis publiez-les.")
        if rnd.state == "run":
            return self.tr("Calculé le {d} : vérifiez les résultats, puis publiez-les.").format(
                d=when(rnd.run_at))
        if rnd.phase == "awaiting_results":
            return (self.tr("Classement clos : l'appariement peut être lancé.") if staff else
                    self.tr("Classement clos : l'agence lance l'appariement."))
        closes = rnd.ranking_closes_at
        return self.tr("L'appariement pourra être lancé après la clôture du classement"
                       "{d}.").format(d=self.tr(" ({d})").format(d=when(closes)) if closes
                                      else "")

    def _round_changed(self) -> None:
        self._update_actions()
        self.students.schedule()
        self.posts.schedule()
        spawn(self, self.outcomes.refresh())

    def _on_event(self, kind: str, _payload: dict[str, Any]) -> None:
        if self._loaded and kind in ("matching_results_published", "matching_schedule_changed",
                                     "matching_ranking_saved", "matching_applications_saved"):
            self.students.schedule()
            self.posts.schedule()
            if kind != "matching_applications_saved":
                spawn(self, self._reload_campaign())

    async def _reload_campaign(self) -> None:
        campaign = self.service.campaign
        if campaign is not None:
            self.campaign = campaign
            self._fill_rounds(campaign)

    # ---------------------------------------------------------------- actions

    def _ask_save_path(self, filename: str, fmt: str) -> Path | None:
        kinds = {"csv": self.tr("Fichier CSV (*.csv)"), "xlsx": self.tr("Classeur Excel (*.xlsx)")}
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Enregistrer l'export"),
                                              str(documents_folder() / filename),
                                              kinds.get(fmt, ""))
        return Path(name) if name else None

    def _ask_confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Confirmation"), text)
        return answer == QMessageBox.StandardButton.Yes

    @asyncSlot()
    async def run_round(self) -> None:
        rnd = self.selected_round()
        if rnd is None:
            return
        dialog = BusyDialog(self.tr("Appariement"), self.tr(
            "Appariement du tour {n} en cours : lecture des candidatures et des classements, "
            "calcul, enregistrement des résultats…").format(n=rnd.number), parent=self)
        dialog.show()
        self.run_button.setEnabled(False)
        try:
            run = await self.service.run_matching_round(rnd.id)
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            self._update_actions()
            return
        finally:
            dialog.close()
            dialog.deleteLater()
        self.banner.show_message(self.tr(
            "Tour {n} calculé : {a} affecté(s) sur {p} participant(s) ; {v} poste(s) au "
            "classement valide, {i} non valide(s) ; {s} s. Les résultats ne sont visibles que "
            "par l'agence et les coordonnateurs jusqu'à leur publication.").format(
            n=rnd.number, a=run.assigned, p=run.participants, v=run.posts_valid,
            i=run.posts_invalid, s=str(round(run.seconds, 2)).replace(".", ",")), "success")
        await self.refresh()

    @asyncSlot()
    async def publish_round(self) -> None:
        rnd = self.selected_round()
        if rnd is None:
            return
        if not self.confirm(self.tr("Publier les résultats du tour {n} ? Étudiants et "
                                    "responsables de terrain les verront aussitôt.").format(
                                        n=rnd.number)):
            return
        try:
            run = await self.service.publish_matching_round(rnd.id)
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            return
        self.banner.show_message(self.tr("Résultats du tour {n} publiés ({a} affectation(s)).")
                                 .format(n=rnd.number, a=run.assigned), "success")
        await self.refresh()

    # ---------------------------------------------------------------- details

    @asyncSlot()
    async def show_post_ranking(self, row: PostRow | None) -> None:
        if row is None:
            return
        try:
            ranking = await self.service.get_post_ranking(row.post_id, self.round_id())
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            return
        lines = []
        for c in ranking.candidates:
            status = {"ranked": self.tr("rang {n}").format(n=c.rank),
                      "rejected": self.tr("non retenu(e)"),
                      "unclassified": self.tr("non classé(e)")}.get(c.status, c.status)
            extra = self.tr(" · même subdivision") if c.in_post_subdivision else ""
            lines.append(f"{c.display_name} ({c.subdivision}) — {status}{extra}")
        verdict = (self.tr("Classement valide.") if ranking.valid else
                   self.tr("Classement non valide : ") + " ".join(
                       v.message for v in ranking.violations))
        self.details_dialog(self.tr("Classement — {label}").format(label=row.label),
                            [verdict, self.tr("Dernière modification : {by} le {d}").format(
                                by=ranking.updated_by or "—", d=when(ranking.updated_at))],
                            lines)

    @asyncSlot()
    async def show_student(self, row: StudentRow | None) -> None:
        if row is None:
            return
        try:
            detail = await self.service.get_candidate_applications(row.candidate_id)
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            return
        results = {"assigned": self.tr("affecté(e)"), "not_assigned": self.tr("non affecté(e)"),
                   "pending": self.tr("en attente")}
        lines = []
        for a in detail.rows:
            rank = (self.tr("rang RTS {n}").format(n=a.rank) if a.ranking_status == "ranked"
                    else self.tr("non retenu(e)") if a.ranking_status == "rejected"
                    else self.tr("non classé(e)"))
            valid = "" if a.ranking_valid else self.tr(" (classement non valide)")
            lines.append(self.tr("Tour {r}, choix {p} : {label} — {est} — {rank}{valid} — "
                                 "{res}").format(r=a.round_number, p=a.position,
                                                 label=a.post.label, est=a.post.establishment,
                                                 rank=rank, valid=valid,
                                                 res=results.get(a.result, a.result)))
        c = detail.candidate
        self.details_dialog(self.tr("Candidatures — {name}").format(name=c.display_name),
                            [f"{c.specialty} · {c.subdivision} · {detail.email or ''}"], lines)

    def details_dialog(self, title: str, header: list[str], lines: list[str]) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        dialog.setMinimumSize(640, 420)
        layout = QVBoxLayout(dialog)
        layout.addWidget(styled_label(title, "section", wrap=True))
        for text in header:
            layout.addWidget(styled_label(text, "muted", wrap=True))
        items = QListWidget()
        items.addItems(lines or [self.tr("Aucune candidature.")])
        layout.addWidget(items, 1)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(dialog.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_dialog = dialog
        return dialog
