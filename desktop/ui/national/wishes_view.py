"""« Mes vœux »: the student's page of the national choice (seed CELINE).

Top to bottom: who I am in this campaign (rank, passing number), the turn panel once the
amphitheatre is open (with the JE PRENDS button at my turn), my assignment once it is
made (print the attestation, update my contact details), the absence toggle with its
explanation, the two headline sentences, the add row (searchable subdivision and
specialty pickers, optional position), the pager (20 per page, or all on one page) and
the table (drag to reorder, Ctrl+Up/Down, a number typed in the first column, Delete).

No HTTP here: every action goes through the `NationalStudent` service it is given; new
statuses arrive through its signals (the answer of my own change, or a live event).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError
from desktop.api.national import Assignment, Headline, NationalMe
from desktop.i18n import integer
from desktop.models import labels
from desktop.models.national_wishes import (
    COL_NUMBER,
    COL_SPECIALTY,
    COL_STATUS,
    COL_SUBDIVISION,
    WishModel,
    WishRow,
    status_text,
)
from desktop.sync.national import NationalStudent
from desktop.tasks import spawn
from desktop.ui.confirmation import ChoiceSummary, ConfirmationSteps
from desktop.ui.national.common import SearchCombo, page_layout
from desktop.ui.national.sentences import above_text, headline_text
from desktop.ui.national.turn_panel import TurnPanel
from desktop.ui.widgets import Banner, BusyButton, Card, link_button, primary_button, styled_label

ABSENCE_TEXT = (
    "Je ne serai ni joignable ni devant mon écran à l'amphi virtuel, il sera inutile de "
    "m'attendre : le meilleur de mes vœux disponibles me sera attribué à mon tour.\n"
    "Ne vous déclarez pas absent si vous souhaitez être appelé. Vous pouvez revenir sur "
    "cette décision à tout moment avant votre tour. Absent, vous voyez toujours vos vœux "
    "mais ne pouvez plus les modifier.")
OPEN_AMPHI = ("running", "paused")
MIN_TABLE_HEIGHT = 190  # about five wishes: visible at 1280×720 even at my turn


class WishTable(QTableView):
    """The wishes table: drag between rows, Ctrl+Up/Down and Delete do the same as buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delete_pressed: Callable[[], None] | None = None
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragDropOverwriteMode(False)  # drops land between rows, never on one
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSortingEnabled(False)  # the order is the list itself
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SUBDIVISION, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)

    def setModel(self, model: WishModel) -> None:  # type: ignore[override]  # noqa: N802
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SUBDIVISION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SPECIALTY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)

    def selected_row(self) -> int | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return rows[0].row() if rows else None

    def move_selected(self, step: int) -> bool:
        """Ctrl+Up/Down: the same `moveRows` as a drop (one call to the data layer)."""
        row = self.selected_row()
        model = self.model()
        if row is None or not isinstance(model, WishModel):
            return False
        target = row - 1 if step < 0 else row + 2
        return model.moveRows(QModelIndex(), row, 1, QModelIndex(), target)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_selected(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Delete and self.delete_pressed is not None:
            self.delete_pressed()
            event.accept()
            return
        super().keyPressEvent(event)


class WishesView(QWidget):
    """My wishes, my statuses, my turn. `attach(student)` once the campaign is known."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.student: NationalStudent | None = None
        self.print_attestation: Callable[[], Awaitable[None]] | None = None
        self.show_profile: Callable[[], None] | None = None
        self.steps: ConfirmationSteps | None = None
        self.attempt_key: str | None = None
        self.model = WishModel(self)
        self._fading = ""
        self._shown_at_turn = False  # the wish JE PRENDS takes was brought into view
        self._fade_timer = QTimer(self)
        self._fade_timer.setSingleShot(True)
        self._fade_timer.setInterval(8000)
        self._fade_timer.timeout.connect(self._fade)
        layout, self.subtitle = page_layout(self, self.tr("Mes vœux"))
        self.status_line = styled_label("", "muted", wrap=True)
        layout.addWidget(self.status_line)
        self.turn_panel = TurnPanel(self)
        self.turn_panel.hide()
        layout.addWidget(self.turn_panel)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.draft_banner = Banner(self)
        layout.addWidget(self.draft_banner)
        self.discard_button = link_button(self.tr("Abandonner mon brouillon et garder la "
                                                  "liste du serveur"), self)
        self.discard_button.hide()
        layout.addWidget(self.discard_button)
        self._build_assignment(layout)
        # The wishes before the absence card: at 1280×720 the table (and at my turn the
        # JE PRENDS button above it) must show without scrolling; the absence is below.
        self._build_list(layout)
        self._build_absence(layout)
        layout.addStretch(0)
        self.turn_panel.take_clicked.connect(self._take)
        self.turn_panel.enter_requested.connect(self._enter)
        self.model.move_requested.connect(self._move)
        self.draft_banner.action_clicked.connect(self._apply_draft)
        self.discard_button.clicked.connect(self._discard_draft)

    # ---------------------------------------------------------------- building

    def _build_assignment(self, layout: QVBoxLayout) -> None:
        self.assignment_card = Card(self.tr("Vous avez été affecté définitivement"))
        self.assignment_card.setObjectName("assignmentCard")
        self.assignment_text = styled_label("", "section", wrap=True)
        self.assignment_card.body.addWidget(self.assignment_text)
        self.assignment_details = styled_label("", "muted", wrap=True)
        self.assignment_card.body.addWidget(self.assignment_details)
        row = QHBoxLayout()
        self.print_button = BusyButton(self.tr("Imprimer mon affectation…"),
                                       self.tr("Préparation du PDF…"))
        self.print_button.clicked.connect(self._print)
        row.addWidget(self.print_button)
        self.contact_button = QPushButton(self.tr("Mettre à jour mes coordonnées"))
        self.contact_button.clicked.connect(self._contact)
        row.addWidget(self.contact_button)
        row.addStretch(1)
        self.assignment_card.body.addLayout(row)
        self.assignment_card.body.addWidget(styled_label(self.tr(
            "Imprimez et conservez cette attestation : elle vous sera demandée par votre ARS "
            "d'affectation. Vous pouvez mettre à jour vos coordonnées jusqu'à la fin de "
            "l'amphi."), "muted", wrap=True))
        self.assignment_card.hide()
        layout.addWidget(self.assignment_card)

    def _build_absence(self, layout: QVBoxLayout) -> None:
        self.absence_card = Card(self.tr("Mon absence à l'amphi, mon déclassement"))
        row = QHBoxLayout()
        self.absence_state = styled_label("", "field", wrap=True)
        row.addWidget(self.absence_state, 1)
        self.absence_button = BusyButton(self.tr("Je me déclare absent"),
                                         self.tr("Enregistrement…"), primary=False)
        self.absence_button.clicked.connect(self._toggle_absence)
        row.addWidget(self.absence_button)
        self.absence_card.body.addLayout(row)
        self.absence_help = styled_label(self.tr(ABSENCE_TEXT), "muted", wrap=True)
        self.absence_card.body.addWidget(self.absence_help)
        demotion = QHBoxLayout()
        self.demotion_label = styled_label(self.tr("Passer derrière le rang"), "field")
        demotion.addWidget(self.demotion_label)
        self.demotion_spin = QSpinBox(self)
        self.demotion_spin.setRange(1, 999999)
        self.demotion_spin.setMinimumWidth(110)
        self.demotion_spin.setToolTip(self.tr(
            "Vous choisirez juste après l'étudiant classé à ce rang (un rang après le vôtre)."))
        demotion.addWidget(self.demotion_spin)
        self.demotion_button = QPushButton(self.tr("Demander ce déclassement"), self)
        self.demotion_button.setAutoDefault(False)
        self.demotion_button.clicked.connect(self._request_demotion)
        demotion.addWidget(self.demotion_button)
        self.cancel_demotion_button = QPushButton(self.tr("Annuler mon déclassement"), self)
        self.cancel_demotion_button.setAutoDefault(False)
        self.cancel_demotion_button.clicked.connect(self._cancel_demotion)
        demotion.addWidget(self.cancel_demotion_button)
        demotion.addStretch(1)
        self.absence_card.body.addLayout(demotion)
        layout.addWidget(self.absence_card)

    def _build_list(self, layout: QVBoxLayout) -> None:
        card = Card()
        self.list_card = card
        self.above_label = styled_label("", "muted", wrap=True)
        card.body.addWidget(self.above_label)
        self.headline_label = QLabel(self)
        self.headline_label.setObjectName("wishHeadline")
        self.headline_label.setWordWrap(True)
        self.headline_label.setTextFormat(Qt.TextFormat.PlainText)
        card.body.addWidget(self.headline_label)
        self.read_only_label = styled_label("", "error", wrap=True)
        self.read_only_label.hide()
        card.body.addWidget(self.read_only_label)

        self.add_row = QWidget(self)
        add = QHBoxLayout(self.add_row)
        add.setContentsMargins(0, 0, 0, 0)
        add.addWidget(styled_label(self.tr("Ajouter en n°"), "field"))
        self.position_spin = QSpinBox(self)
        self.position_spin.setRange(0, 999)
        self.position_spin.setSpecialValueText(self.tr("à la fin"))
        self.position_spin.setMinimumWidth(96)
        self.position_spin.setToolTip(self.tr("Position du nouveau vœu (laissez « à la fin » "
                                              "pour l'ajouter après les autres)."))
        add.addWidget(self.position_spin)
        self.subdivision_combo = SearchCombo(self.tr("Subdivision…"), self)
        self.subdivision_combo.currentTextChanged.connect(self._subdivision_changed)
        add.addWidget(self.subdivision_combo, 2)
        self.specialty_combo = SearchCombo(self.tr("Discipline / spécialité…"), self)
        add.addWidget(self.specialty_combo, 3)
        self.add_button = primary_button(self.tr("Ajouter un vœu"), self)
        self.add_button.setDefault(False)
        self.add_button.clicked.connect(self._add)
        self.add_button.setToolTip(self.tr("Ajoute la subdivision et la spécialité choisies "
                                           "à votre liste de vœux."))
        # Return in a picker only completes what is typed: adding a wish is the button's
        # deliberate click (Down+Return once added a wrong wish at once).
        self.specialty_combo.editor.returnPressed.connect(self._specialty_chosen)
        self.specialty_combo.activated.connect(self._specialty_chosen)
        add.addWidget(self.add_button)
        card.body.addWidget(self.add_row)
        self.add_error = styled_label("", "error", wrap=True)
        self.add_error.hide()
        card.body.addWidget(self.add_error)

        pager = QHBoxLayout()
        self.total_label = styled_label("", "field")
        pager.addWidget(self.total_label)
        self.page_combo = QComboBox(self)
        self.page_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.page_combo.currentIndexChanged.connect(self._page_chosen)
        pager.addWidget(self.page_combo)
        self.all_check = QCheckBox(self.tr("tous mes vœux sur une même page"), self)
        self.all_check.toggled.connect(self._all_on_one_page)
        pager.addWidget(self.all_check)
        pager.addStretch(1)
        card.body.addLayout(pager)

        self.table = WishTable(self)
        self.table.setModel(self.model)
        self.table.setMinimumHeight(MIN_TABLE_HEIGHT)
        self.table.delete_pressed = self._delete_selected
        self.table.clicked.connect(self._cell_clicked)
        card.body.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.up_button = QPushButton(self.tr("Monter"), self)
        self.up_button.clicked.connect(self._move_up)
        self.down_button = QPushButton(self.tr("Descendre"), self)
        self.down_button.clicked.connect(self._move_down)
        self.delete_button = QPushButton(self.tr("Supprimer ce vœu"), self)
        self.delete_button.clicked.connect(self._delete_selected)
        for button in (self.up_button, self.down_button, self.delete_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        self.hint_label = styled_label(self.tr(
            "Glissez un vœu entre deux lignes, ou Ctrl+↑ / Ctrl+↓, ou tapez son nouveau "
            "numéro dans la 1re colonne. Cliquez sur une subdivision pour voir qui y est "
            "placé."), "muted", wrap=True)
        card.body.addLayout(actions)
        card.body.addWidget(self.hint_label)
        layout.addWidget(card, 1)
        self.on_cell_clicked: Callable[[int], None] | None = None

    # ---------------------------------------------------------------- wiring

    def attach(self, student: NationalStudent, *,
               print_attestation: Callable[[], Awaitable[None]] | None = None,
               show_profile: Callable[[], None] | None = None) -> None:
        self._detach()
        self.student = student
        self.print_attestation = print_attestation
        self.show_profile = show_profile
        student.me_changed.connect(self.show_me)
        student.turn_moved.connect(self._turn_moved)
        student.message.connect(self.show_message)
        student.wishes.list_changed.connect(self.show_wishes)
        student.wishes.message.connect(self.show_message)
        student.wishes.busy_changed.connect(self._busy)
        if student.me is not None:
            self.show_me(student.me)
        self.show_wishes()

    def _detach(self) -> None:
        """Forget the previous account's service (another person signed in)."""
        old = self.student
        if old is None:
            return
        for signal, slot in ((old.me_changed, self.show_me), (old.turn_moved, self._turn_moved),
                             (old.message, self.show_message),
                             (old.wishes.list_changed, self.show_wishes),
                             (old.wishes.message, self.show_message),
                             (old.wishes.busy_changed, self._busy)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass  # already gone with its object
        self.student = None
        self.assignment_card.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.banner.show_message(text, kind)
        if kind in ("info", "success"):
            self._fading = text
            self._fade_timer.start()

    def _fade(self) -> None:
        """An information goes away after a while, unless another message replaced it."""
        if self.banner.text == self._fading:
            self.banner.clear()

    # Slots return None: a Python bool returned to Qt by a slot corrupts its refcount
    # (PySide6), so no lambda returning a value is connected to a signal.
    def _move_up(self) -> None:
        self.table.move_selected(-1)

    def _move_down(self) -> None:
        self.table.move_selected(1)

    # ---------------------------------------------------------------- drawing

    def show_me(self, me: NationalMe) -> None:
        future = self.tr("Classé %1 — contingent %2 — vous allez être le %3e de votre "
                         "contingent à choisir.")
        past = self.tr("Classé %1 — contingent %2 — votre tour est passé (%3e de votre "
                       "contingent).")
        self.status_line.setText(
            (past if me.outcome is not None else future).replace("%1", integer(me.rank))
            .replace("%2", labels.pool(me.pool, me.pool_label))
            .replace("%3", integer(me.passing))
            + (self.tr(" Vous avez demandé à passer derrière le rang %1.")
               .replace("%1", integer(me.demoted_behind)) if me.demoted_behind else ""))
        amphi_open = me.site_state == "amphi" or me.turn.amphi_status in OPEN_AMPHI
        passed = me.outcome is not None
        self.turn_panel.setVisible(amphi_open and not passed)
        self.turn_panel.set_turn(me.turn, passing=me.passing, rank=me.rank)
        self.turn_panel.set_secret(me.secret_required and amphi_open and not passed,
                                   me.secret_question)
        self._update_take_button()
        if not me.turn.my_turn and self.steps is not None:
            self.steps.cancel()  # the turn ended meanwhile: nobody confirms a stale choice
        self._show_assignment(me.assignment, me)
        if passed:
            self.show_wishes()  # the list becomes a record: no more editing controls
        can_change_absence = not passed and me.site_state in ("wishes_open", "amphi")
        self.absence_card.setVisible(not passed)
        self.absence_button.setEnabled(can_change_absence)
        if me.absent:
            self.absence_state.setText(self.tr(
                "Vous êtes déclaré absent : à votre tour, votre premier vœu réalisable vous "
                "sera attribué automatiquement. Vos vœux ne sont plus modifiables."))
            self.absence_button.setText(self.tr("J'annule mon absence"))
        else:
            self.absence_state.setText(self.tr(
                "Vous êtes présent : à votre tour, vous validerez vous-même votre choix."))
            self.absence_button.setText(self.tr("Je me déclare absent"))
        self.absence_button.idle_text = self.absence_button.text()
        self.demotion_spin.setMinimum(me.rank + 1)
        if me.demoted_behind:
            self.demotion_spin.setValue(me.demoted_behind)
        for widget in (self.demotion_spin, self.demotion_button):
            widget.setEnabled(can_change_absence)
        self.cancel_demotion_button.setVisible(me.demoted_behind is not None)
        self.cancel_demotion_button.setEnabled(can_change_absence)

    def _show_assignment(self, assignment: Assignment | None, me: NationalMe) -> None:
        if assignment is None:
            self.assignment_card.hide()
            return
        self.assignment_text.setText(self.tr("%1 en %2 — poste %3 / %4").replace(
            "%1", assignment.subdivision).replace("%2", assignment.specialty).replace(
            "%3", str(assignment.k)).replace("%4", str(assignment.capacity)))
        local = assignment.assigned_at.astimezone()
        details = self.tr("Affecté le %1 à %2 · code d'attestation %3").replace(
            "%1", local.strftime("%d/%m/%Y")).replace("%2", local.strftime("%H:%M:%S")).replace(
            "%3", assignment.code or "—")
        if assignment.wish_number:
            details = self.tr("Vœu n° %1 · ").replace("%1", str(assignment.wish_number)) \
                + details
        self.assignment_details.setText(details)
        self.assignment_card.show()

    def _turn_moved(self, people_before: int, current_rank: object) -> None:
        self.turn_panel.set_people_before(
            people_before, current_rank=current_rank if isinstance(current_rank, int) else None,
            pace=self.student.pace if self.student is not None else None)

    def show_wishes(self) -> None:
        student = self.student
        if student is None:
            return
        sync = student.wishes
        server = sync.server_list
        draft = sync.draft
        selected = self._selected_cell()
        if draft is not None:
            known = {w.cell_id: w for w in server.wishes} if server is not None else {}
            server_order = [w.cell_id for w in server.wishes] if server is not None else []
            rows = []
            for number, cell_id in enumerate(draft.cells, 1):
                sub, spec, cap = sync.describe(cell_id)
                wish = known.get(cell_id)
                rows.append(WishRow(number, cell_id, sub, spec, cap,
                                    status_text(wish) if wish is not None else "",
                                    pending=(len(server_order) < number
                                             or server_order[number - 1] != cell_id)
                                    or wish is None))
            if draft.conflict:
                self.draft_banner.show_message(self.tr(
                    "Votre liste locale (en italique) n'a pas pu être enregistrée : la liste du "
                    "serveur a changé entre-temps ou n'est plus modifiable. Rien n'est perdu : "
                    "vous pouvez l'appliquer à la place de celle du serveur, ou l'abandonner."),
                    "warning", self.tr("Appliquer mon brouillon"))
                self.discard_button.show()
            else:
                self.draft_banner.show_message(self.tr(
                    "Modifications en attente d'envoi (en italique) : elles seront envoyées "
                    "dès le retour de la connexion."), "warning")
                self.discard_button.hide()
        else:
            rows = [WishRow.from_wish(w) for w in server.wishes] if server is not None else []
            self.draft_banner.clear()
            self.discard_button.hide()
        editable = server.editable if server is not None else True
        passed = student.me is not None and student.me.outcome is not None
        self.add_row.setVisible(not passed)  # after my turn the list is a record only
        for widget in (self.up_button, self.down_button, self.delete_button, self.hint_label):
            widget.setVisible(not passed)
        size = 0 if self.all_check.isChecked() else (server.page_size if server else 20)
        if self.model.page_size != size:
            self.model.set_page_size(size)
        self.model.set_rows(rows, editable=editable)
        self.add_row.setEnabled(editable)
        for button in (self.up_button, self.down_button, self.delete_button):
            button.setEnabled(editable)
        self.read_only_label.setVisible(not editable)
        self.read_only_label.setText(server.read_only_reason or "" if server is not None else "")
        if server is not None:
            self.above_label.setText(above_text(server.above))
            self.headline_label.setText(self._headline_text(server.headline, draft is not None))
            self.headline_label.setProperty("satisfiable", server.headline.cell_id is not None
                                            and draft is None)
            self.headline_label.style().unpolish(self.headline_label)
            self.headline_label.style().polish(self.headline_label)
        self._update_pager()
        self._update_pickers()
        self._update_take_button()
        if selected is not None:
            self._select_cell(selected)

    def _headline_text(self, headline: Headline, pending: bool) -> str:
        if pending:
            return self.tr("Les statuts seront recalculés quand vos modifications seront "
                           "enregistrées sur le serveur.")
        return headline_text(headline)

    def _update_pager(self) -> None:
        total = len(self.model.rows())
        self.total_label.setText(self.tr("Au total j'ai %1 vœu(x) :").replace("%1", str(total)))
        self.page_combo.blockSignals(True)
        self.page_combo.clear()
        size = self.model.page_size
        if size <= 0 or total <= size:
            self.page_combo.addItem(self.tr("voir mes vœux n° 1 à n° %1").replace(
                "%1", str(max(total, 1))) if total else self.tr("aucun vœu pour l'instant"))
        else:
            for page in range(self.model.page_count()):
                first = page * size + 1
                last = min(total, first + size - 1)
                self.page_combo.addItem(self.tr("voir mes vœux n° %1 à n° %2").replace(
                    "%1", str(first)).replace("%2", str(last)))
        self.page_combo.setCurrentIndex(min(self.model.page, self.page_combo.count() - 1))
        self.page_combo.setEnabled(self.page_combo.count() > 1)
        self.page_combo.blockSignals(False)
        self.all_check.setVisible(total > (self.model.page_size or 20)
                                  or self.all_check.isChecked())

    def _update_pickers(self) -> None:
        if self.student is None:
            return
        cells = self.student.wishes.cells.values()
        self.subdivision_combo.set_items(sorted({c.subdivision for c in cells}))
        self._subdivision_changed(self.subdivision_combo.currentText())

    def _subdivision_changed(self, _text: str) -> None:
        if self.student is None:
            return
        sub = self.subdivision_combo.value()
        cells = self.student.wishes.cells.values()
        self.specialty_combo.set_items(sorted({c.specialty for c in cells
                                               if not sub or c.subdivision == sub}))

    def _specialty_chosen(self, *_args: object) -> None:
        """A specialty was picked: the next step is the « Ajouter un vœu » button."""
        if self.specialty_combo.value() and self.subdivision_combo.value():
            self.add_button.setFocus()

    def _update_take_button(self) -> None:
        student = self.student
        if student is None or student.me is None:
            return
        server = student.wishes.server_list
        headline = server.headline if server is not None else None
        ready = (student.wishes.draft is None and not student.me.secret_required
                 and student.me.assignment is None and student.me.turn.amphi_status == "running")
        self.turn_panel.set_choice(headline, enabled=ready)
        if self.turn_panel.my_turn and headline is not None and headline.cell_id is not None:
            if not self._shown_at_turn:
                self._shown_at_turn = True
                self.show_wish(headline.cell_id)
        else:
            self._shown_at_turn = False
        if self.turn_panel.my_turn and (headline is None or headline.cell_id is None):
            self.turn_panel.now_label.setText(self.tr(
                "Aucun de vos vœux n'est réalisable : ajoutez-en un (voir « dispo pour moi »)."))

    # ---------------------------------------------------------------- selection

    def show_wish(self, cell_id: int) -> None:
        """Bring a wish into view (its page, scrolled to it) without selecting it: at my
        turn, the one JE PRENDS takes (it was often below the fold, under exhausted ones)."""
        page = self.model.page_of_cell(cell_id)
        if page is None:
            return
        if page != self.model.page:
            self.model.set_page(page)
            self._update_pager()
        row = self.model.row_of_cell(cell_id)
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0),
                                QAbstractItemView.ScrollHint.PositionAtCenter)

    def _selected_cell(self) -> int | None:
        row = self.table.selected_row()
        if row is None:
            return None
        item = self.model.data(self.model.index(row, 0), int(Qt.ItemDataRole.UserRole) + 2)
        return item.cell_id if item is not None else None

    def _select_cell(self, cell_id: int) -> None:
        page = self.model.page_of_cell(cell_id)
        if page is None:
            return
        self.model.set_page(page)
        row = self.model.row_of_cell(cell_id)
        if row is None:
            return
        self.table.selectionModel().select(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self._update_pager()

    def _page_chosen(self, index: int) -> None:
        if index >= 0:
            self.model.set_page(index)

    def _all_on_one_page(self, checked: bool) -> None:
        size = 0 if checked else (self.student.wishes.server_list.page_size
                                  if self.student and self.student.wishes.server_list else 20)
        self.model.set_page_size(size)
        self._update_pager()

    def _cell_clicked(self, index: QModelIndex) -> None:
        if index.column() in (COL_SUBDIVISION, COL_SPECIALTY) and self.on_cell_clicked:
            item = self.model.data(index, int(Qt.ItemDataRole.UserRole) + 2)
            if item is not None:
                self.on_cell_clicked(item.cell_id)

    # ---------------------------------------------------------------- actions

    def _busy(self, busy: bool) -> None:
        self.add_button.setEnabled(not busy)

    @asyncSlot()
    async def _add(self) -> None:
        if self.student is None:
            return
        sub, spec = self.subdivision_combo.value(), self.specialty_combo.value()
        matches = [c for c in self.student.wishes.cells.values()
                   if c.subdivision == sub and c.specialty == spec]
        if not matches:
            self.add_error.setText(self.tr("Choisissez une subdivision puis une spécialité "
                                           "dans les listes."))
            self.add_error.show()
            return
        self.add_error.hide()
        position = self.position_spin.value() or None
        cell_id = matches[0].id
        if await self.student.wishes.add(cell_id, position):
            self.specialty_combo.setEditText("")
            self.position_spin.setValue(0)
            self._select_cell(cell_id)

    def _delete_selected(self) -> None:
        cell_id = self._selected_cell()
        if cell_id is not None and self.student is not None:
            spawn(self, self.student.wishes.delete(cell_id))

    @asyncSlot(int, int)
    async def _move(self, cell_id: int, position: int) -> None:
        if self.student is not None and await self.student.wishes.move(cell_id, position):
            self._select_cell(cell_id)

    @asyncSlot()
    async def _apply_draft(self) -> None:
        if self.student is not None:
            await self.student.wishes.apply_draft()

    def _discard_draft(self) -> None:
        if self.student is not None:
            self.student.wishes.discard_draft()

    @asyncSlot()
    async def _toggle_absence(self) -> None:
        if self.student is None or self.student.me is None:
            return
        self.absence_button.set_busy(True)
        try:
            await self.student.set_absence(not self.student.me.absent)
        finally:
            self.absence_button.set_busy(False)

    @asyncSlot()
    async def _request_demotion(self) -> None:
        if self.student is not None and await self.student.request_demotion(
                self.demotion_spin.value()):
            self.show_message(self.tr("Déclassement enregistré : vous passerez juste après le "
                                      "rang %1.").replace("%1", str(self.demotion_spin.value())))

    @asyncSlot()
    async def _cancel_demotion(self) -> None:
        if self.student is not None and await self.student.request_demotion(None):
            self.show_message(self.tr("Déclassement annulé : vous passez à votre rang."))

    @asyncSlot(str)
    async def _enter(self, answer: str) -> None:
        if self.student is None:
            return
        error = await self.student.enter(answer)
        if error is not None:
            self.turn_panel.secret_refused(error.message)
        else:
            self.turn_panel.secret_edit.clear()

    @asyncSlot()
    async def _take(self) -> None:
        """Steps 1 (this click), 2 and 3; only the last OK calls the server."""
        student = self.student
        if student is None or student.wishes.server_list is None or self.steps is not None:
            return
        headline = student.wishes.server_list.headline
        if headline.cell_id is None:
            return
        key = student.new_attempt_key()
        self.attempt_key = key
        post = self.tr("en %1 / %2 le vœu n° %3 à %4 en %5").replace(
            "%1", str(headline.k)).replace("%2", str(headline.capacity)).replace(
            "%3", str(headline.wish_number)).replace("%4", headline.subdivision or "").replace(
            "%5", headline.specialty or "")
        summary = ChoiceSummary(
            post=post,
            details=(self.tr("Subdivision : %1").replace("%1", headline.subdivision or ""),
                     self.tr("Spécialité : %1").replace("%1", headline.specialty or ""),
                     self.tr("Poste %1 sur %2").replace("%1", str(headline.k))
                     .replace("%2", str(headline.capacity))),
            title=self.tr("Vous allez prendre ce poste"), freezes_wishes=True)
        self.steps = ConfirmationSteps(self)
        try:
            confirmed = await self.steps.run(summary)
        finally:
            self.steps = None
        if not confirmed:
            self.show_message(self.tr("Vous êtes revenu à vos choix : rien n'a été validé."))
            return
        self.turn_panel.take_button.setEnabled(False)
        try:
            await student.validate(key, headline.cell_id)
        except ApiError as exc:
            self.show_message(exc.message, "error")
            self._update_take_button()
            return
        self.show_message(self.tr("Votre choix est définitivement validé. Pensez à imprimer "
                                  "votre attestation."), "success")

    @asyncSlot()
    async def _print(self) -> None:
        if self.print_attestation is None:
            return
        self.print_button.set_busy(True)
        try:
            await self.print_attestation()
        finally:
            self.print_button.set_busy(False)

    def _contact(self) -> None:
        if self.show_profile is not None:
            self.show_profile()
