"""Round 3, off the platform: coordinators and staff type what each student obtained.

The form picks a student (searchable by name, INE or subdivision; those placed by an
earlier round are left out), then a post of his specialty that still has places (or
"no post"), and records it. A refusal (`already_assigned`, `post_filled`, …) is shown in
French next to the form, which keeps what was typed. Below, the outcomes recorded for the
round, each removable until the round is published.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError
from desktop.api.matching import PostRow, ResultRow, Round, StudentRow
from desktop.models import ItemRole, SortRole
from desktop.models.matching_dashboards import COL_R_ROUND, COL_R_STUDENT, ResultsModel
from desktop.ui.matching.common import fit_columns
from desktop.ui.widgets import styled_label

if TYPE_CHECKING:
    from desktop.ui.matching.coordinator_view import CoordinatorView

NO_POST = -1


def places_left(post: PostRow) -> int:
    """Places not yet given, counting this round's unpublished outcomes too."""
    return max(0, min(post.remaining_places, post.places - post.assignments))


def student_text(s: StudentRow) -> str:
    ine = f" · INE {s.ine}" if s.ine else ""
    return f"{s.last_name.upper()} {s.first_name} — {s.specialty}, {s.subdivision}{ine}"


class OutcomesTab(QWidget):
    """The entry form and the list of outcomes of the selected off-platform round."""

    def __init__(self, owner: CoordinatorView) -> None:
        super().__init__(owner)
        self.owner = owner
        self.students: list[StudentRow] = []
        self.posts: list[PostRow] = []
        self.locked = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(8)
        self.intro = styled_label(self.intro_text(), "muted", wrap=True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.student = QComboBox()
        self.student.setEditable(True)
        self.student.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        student_edit = self.student.lineEdit()
        assert student_edit is not None  # (editable)
        student_edit.setPlaceholderText(self.tr("Tapez un nom, un INE…"))
        student_edit.setClearButtonEnabled(True)
        completer = QCompleter(self.student.model(), self.student)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.student.setCompleter(completer)
        form.addRow(self.tr("Étudiant :"), self.student)
        self.post = QComboBox()
        form.addRow(self.tr("Poste obtenu :"), self.post)
        buttons = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Enregistrer l'affectation"))
        self.record_button.setProperty("variant", "primary")
        self.record_button.setAutoDefault(False)
        buttons.addWidget(self.record_button)
        self.error = styled_label("", "error", wrap=True)
        self.error.setObjectName("matchingOutcomeError")
        buttons.addWidget(self.error, 1)
        form.addRow("", buttons)
        layout.addLayout(form)
        layout.addWidget(styled_label(self.tr("Affectations saisies pour ce tour"), "section"))
        self.model = ResultsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.sortByColumn(COL_R_STUDENT, Qt.SortOrder.AscendingOrder)
        self.table.setColumnHidden(COL_R_ROUND, True)  # always this round
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.count = styled_label("", "muted")
        bottom.addWidget(self.count, 1)
        self.delete_button = QPushButton(self.tr("Supprimer la saisie sélectionnée (Suppr)"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.setEnabled(False)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)
        self.student.currentIndexChanged.connect(self._student_changed)
        self.record_button.clicked.connect(self.record)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda i: self.edit(i.data(ItemRole)))
        self.table.installEventFilter(self)
        for w in (self.student, self.post):
            w.setMinimumWidth(520)

    def intro_text(self) -> str:
        return self.tr("Ce tour se déroule hors plateforme : saisissez ici ce que chaque "
                       "étudiant a obtenu, puis publiez les résultats du tour (bouton en haut "
                       "de la page).")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        """Delete (or Backspace) on the list removes the selected outcome."""
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- data

    def round(self) -> Round | None:
        rnd = self.owner.selected_round()
        return rnd if rnd is not None and rnd.off_platform else None

    async def refresh(self) -> None:
        rnd = self.round()
        cid = self.owner.campaign_id()
        if rnd is None or cid is None:
            return
        service = self.owner.service
        try:
            students = await service.matching_students_dashboard(cid, limit=10_000,
                                                                 round_id=rnd.id)
            posts = await service.matching_posts_dashboard(cid, limit=10_000, round_id=rnd.id)
            results = await service.list_matching_results(cid, limit=10_000, round_id=rnd.id)
        except ApiError as error:
            self.owner.banner.show_message(error.message, "error")
            return
        mine = [r for r in results.rows if r.round_id == rnd.id]
        here = {r.candidate.id for r in mine}
        self.students = [s for s in students.rows if s.wave_id == rnd.wave_id and (
            s.assigned_round is None or s.assigned_round == rnd.number
            or s.candidate_id in here)]
        self.posts = [p for p in posts.rows if p.wave_id == rnd.wave_id]
        pending = self.owner.pending_before(rnd)
        self.locked = rnd.state == "published" or bool(pending)
        for w in (self.student, self.record_button):
            w.setEnabled(not self.locked)
        self.model.set_rows(mine)
        self._fill_students()
        if mine:
            fit_columns(self.table)  # a few rows: cheap, and nothing gets clipped
        self.count.setText(self.tr("{n} affectation(s) saisie(s) ; {k} étudiant(s) encore "
                                   "sans saisie").format(
            n=sum(1 for r in mine if r.post is not None),
            k=sum(1 for s in self.students if s.candidate_id not in here)))
        if rnd.state == "published":
            self.intro.setText(self.tr("Les résultats de ce tour sont publiés : les saisies ne "
                                       "peuvent plus être modifiées."))
        elif pending:
            self.intro.setText(self.tr(
                "La saisie s'ouvrira quand les résultats {rounds} auront été publiés : les "
                "places qu'ils attribuent doivent être connues.").format(
                rounds=self.owner.rounds_text(pending)))
        else:
            self.intro.setText(self.intro_text())
        self._selection_changed()

    def _fill_students(self) -> None:
        current = self.student.currentData()
        self.student.blockSignals(True)
        self.student.clear()
        for s in sorted(self.students, key=lambda s: (s.last_name.lower(), s.first_name)):
            self.student.addItem(student_text(s), s.candidate_id)
        index = self.student.findData(current) if current is not None else -1
        self.student.setCurrentIndex(index)
        if index < 0:
            self.student.setEditText("")
        self.student.blockSignals(False)
        self._student_changed()

    def selected_student(self) -> StudentRow | None:
        cid = self.student.currentData()
        if cid is None or self.student.currentText() != self.student.itemText(
                self.student.currentIndex()):
            return None
        return next((s for s in self.students if s.candidate_id == cid), None)

    def _student_changed(self) -> None:
        """Offer the posts of the student's specialty that still have places."""
        student = self.selected_student()
        current = self.post.currentData()
        self.post.clear()
        if student is None:
            self.post.addItem(self.tr("Choisissez d'abord l'étudiant"), None)
            self.post.setEnabled(False)
            return
        self.post.setEnabled(not self.locked)
        self.post.addItem(self.tr("Aucun poste : l'étudiant reste sans affectation"), NO_POST)
        recorded = next((r for r in self.model.rows
                         if r.candidate.id == student.candidate_id and r.post), None)
        for p in sorted(self.posts, key=lambda p: (p.subdivision, p.establishment, p.label)):
            mine = recorded is not None and recorded.post is not None \
                and recorded.post.id == p.post_id
            left = places_left(p) + (1 if mine else 0)
            if p.specialty != student.specialty or left <= 0:
                continue
            self.post.addItem(self.tr("{label} — {est} ({sub}) · {k} place(s) restante(s)")
                              .format(label=p.label, est=p.establishment, sub=p.subdivision,
                                      k=left), p.post_id)
        wanted = current if current is not None else (
            recorded.post.id if recorded and recorded.post else None)
        index = self.post.findData(wanted) if wanted is not None else -1
        self.post.setCurrentIndex(index if index >= 0 else (1 if self.post.count() > 1 else 0))

    def _selection_changed(self, *_args: Any) -> None:
        rnd = self.round()
        self.delete_button.setEnabled(bool(self.selected_result() and rnd
                                           and rnd.state != "published"))

    def selected_result(self) -> ResultRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ItemRole) if rows else None

    def edit(self, row: ResultRow | None) -> None:
        """Double-click on a recorded outcome: back into the form, to correct it."""
        if row is None:
            return
        index = self.student.findData(row.candidate.id)
        if index >= 0:
            self.student.setCurrentIndex(index)
            wanted = row.post.id if row.post else NO_POST
            self.post.setCurrentIndex(max(0, self.post.findData(wanted)))
            self.post.setFocus()

    # ---------------------------------------------------------------- actions

    @asyncSlot()
    async def record(self) -> None:
        rnd = self.round()
        student = self.selected_student()
        self.error.setText("")
        if rnd is None:
            return
        if student is None:
            self.error.setText(self.tr("Choisissez l'étudiant dans la liste."))
            self.student.setFocus()
            return
        post_id = self.post.currentData()
        if post_id is None:
            self.error.setText(self.tr("Choisissez le poste obtenu."))
            return
        self.record_button.setEnabled(False)
        try:
            row = await self.owner.service.record_matching_outcome(
                rnd.id, student.candidate_id, None if post_id == NO_POST else int(post_id))
        except ApiError as error:
            self.error.setText(error.message)
            return
        finally:
            self.record_button.setEnabled(True)
        what = row.post.label if row.post else self.tr("sans affectation")
        self.owner.banner.show_message(self.tr("Enregistré : {name} — {what}.").format(
            name=f"{student.last_name.upper()} {student.first_name}", what=what), "success")
        self.student.setCurrentIndex(-1)
        self.student.setEditText("")
        await self.refresh()
        self.student.setFocus()

    @asyncSlot()
    async def delete_selected(self) -> None:
        rnd = self.round()
        row = self.selected_result()
        if rnd is None or row is None or rnd.state == "published":
            return
        name = f"{row.candidate.last_name.upper()} {row.candidate.first_name}"
        if not self.owner.confirm(self.tr("Supprimer l'affectation saisie pour {name} ?")
                                  .format(name=name)):
            return
        try:
            await self.owner.service.delete_matching_outcome(rnd.id, row.candidate.id)
        except ApiError as error:
            self.error.setText(error.message)
            return
        self.owner.banner.show_message(self.tr("Saisie supprimée : {name}.").format(name=name),
                                       "success")
        await self.refresh()
