"""The turn panel: who passes now, my number, people before me, pace, and my turn.

Its colour moves smoothly from blue (far) to red (my turn) — a continuous function of
the people before me, animated between updates — and its text always says the same
thing in words, so nobody depends on the colour. At my turn it reads « C'EST VOTRE
TOUR » and shows the button « JE PRENDS en k / N le vœu n° X à … en … » (step 1 of
the validation).
"""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api.national import DaySlice, Headline, Pace, Turn
from desktop.i18n import current_language, integer, locale_of

BLUE = QColor("#1d4f91")
RED = QColor("#c0262d")
FAR = 400  # people before me at which the panel is fully blue


def _tr(text: str) -> str:
    return QCoreApplication.translate("TurnPanel", text)


def closeness(people_before: int, my_turn: bool = False) -> float:
    """0.0 far away … 1.0 my turn; logarithmic, so the last few dozen move it most."""
    if my_turn or people_before <= 0:
        return 1.0
    if people_before >= FAR:
        return 0.0
    return 1.0 - math.log1p(people_before) / math.log1p(FAR) * 0.92 - 0.08 * (
        people_before / FAR)


def turn_colour(people_before: int, my_turn: bool = False) -> QColor:
    """The panel colour: blue far from my turn, red at it, blended in between."""
    t = max(0.0, min(1.0, closeness(people_before, my_turn)))
    return QColor.fromRgbF(BLUE.redF() + (RED.redF() - BLUE.redF()) * t,
                           BLUE.greenF() + (RED.greenF() - BLUE.greenF()) * t,
                           BLUE.blueF() + (RED.blueF() - BLUE.blueF()) * t)


def duration_text(seconds: int | None) -> str:
    if seconds is None:
        return _tr("inconnue")
    if seconds < 90:
        return _tr("moins de 2 minutes")
    return _tr("environ %1").replace("%1", _duration(seconds))


def _duration(seconds: int) -> str:
    """« 35 min », « 3 h 10 »."""
    minutes = max(1, round(seconds / 60))
    if minutes < 60:
        return _tr("%1 min").replace("%1", str(minutes))
    hours, rest = divmod(minutes, 60)
    return _tr("%1 h %2").replace("%1", integer(hours)).replace("%2", f"{rest:02d}")


def wait_range_text(shortest: int, longest: int) -> str:
    """The time to my turn as the range the pace allows: « 35 min à 50 min »."""
    if longest < 90:
        return _tr("moins de 2 minutes")
    low, high = _duration(shortest), _duration(longest)
    if low == high:
        return _tr("environ %1").replace("%1", low)
    return _tr("%1 à %2").replace("%1", low).replace("%2", high)


def pace_text(pace: Pace | None, people_before: int, my_turn: bool) -> str:
    """« Il en passe 50-70 à l'heure — votre tour dans … », or too early to tell."""
    if pace is None:
        return _tr("Trop tôt pour estimer le rythme et votre attente : il faut d'abord "
                   "voir passer quelques étudiants.")
    text = _tr("Il en passe %1-%2 à l'heure").replace("%1", integer(pace.low)).replace(
        "%2", integer(pace.high))
    if my_turn or people_before <= 0:
        return text + "."
    shortest = round(people_before * 3600 / pace.high)
    longest = round(people_before * 3600 / max(pace.low, 1))
    return text + _tr(" — votre tour dans %1.").replace(
        "%1", wait_range_text(shortest, longest))


def take_button_text(headline: Headline) -> str:
    """« JE PRENDS en k / N le vœu n° X à SUB en SPEC »."""
    return _tr("JE PRENDS en %1 / %2 le vœu n° %3 à %4 en %5").replace(
        "%1", str(headline.k)).replace("%2", str(headline.capacity)).replace(
        "%3", str(headline.wish_number)).replace("%4", headline.subdivision or "").replace(
        "%5", headline.specialty or "")


def moment_text(value: datetime) -> str:
    """« mardi 12 janvier à 9 h 00 » in the computer's time zone and the interface's
    language."""
    local = value.astimezone()
    locale = locale_of(current_language())
    day = locale.toString(QDate(local.year, local.month, local.day), "dddd d MMMM")
    return _tr("%1 à %2 h %3").replace("%1", day).replace("%2", str(local.hour)).replace(
        "%3", f"{local.minute:02d}")


def day_text(day: DaySlice) -> str:
    """His day slice: « Votre jour de passage : mardi 12 janvier à 9 h 00 (rangs 4 201 à
    5 270) ; vous ne passerez pas avant. »"""
    return _tr("Votre jour de passage : %1 (rangs %2 à %3) ; vous ne passerez pas avant.") \
        .replace("%1", moment_text(day.starts_at)).replace("%2", integer(day.rank_from)) \
        .replace("%3", integer(day.rank_to))


class TurnPanel(QFrame):
    """Shown while the amphitheatre is open; emits `take_clicked` (step 1)."""

    take_clicked = Signal()
    enter_requested = Signal(str)  # the secret answer typed
    changed = Signal()  # its texts or colour changed (the strip on other pages follows)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("turnPanel")
        self.setAutoFillBackground(True)
        self.turn: Turn | None = None
        self.people_before = 0
        self.my_turn = False
        self.colour = QColor(BLUE)
        self._current_rank: int | None = None
        self.pace: Pace | None = None
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(900)
        self._animation.valueChanged.connect(self._paint_colour)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(6)
        self.title = QLabel(self)
        self.title.setObjectName("turnTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.now_label = QLabel(self)
        self.mine_label = QLabel(self)
        self.pace_label = QLabel(self)
        for label in (self.now_label, self.mine_label, self.pace_label):
            label.setObjectName("turnLine")
            label.setWordWrap(True)
            layout.addWidget(label)
        self.secret_row = QWidget(self)
        secret = QHBoxLayout(self.secret_row)
        secret.setContentsMargins(0, 4, 0, 0)
        self.secret_label = QLabel(self.secret_row)
        self.secret_label.setObjectName("turnLine")
        self.secret_label.setWordWrap(True)
        secret.addWidget(self.secret_label, 1)
        self.secret_edit = QLineEdit(self.secret_row)
        self.secret_edit.setPlaceholderText(_tr("Réponse à votre question secrète"))
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.returnPressed.connect(self._enter)
        secret.addWidget(self.secret_edit)
        self.enter_button = QPushButton(_tr("Entrer dans l'amphi"), self.secret_row)
        self.enter_button.clicked.connect(self._enter)
        secret.addWidget(self.enter_button)
        layout.addWidget(self.secret_row)
        self.secret_row.hide()
        self.take_button = QPushButton(self)
        self.take_button.setObjectName("takeButton")
        self.take_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.take_button.clicked.connect(self.take_clicked)
        self.take_button.setToolTip(_tr("Raccourci clavier : Ctrl+Entrée"))
        self.take_button.hide()
        # Step 1 from the keyboard; steps 2 and 3 have their own keys (Alt+O, Échap).
        self.take_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.take_shortcut.activated.connect(self._take_by_keyboard)
        layout.addWidget(self.take_button)
        self._paint_colour(self.colour)

    # ---------------------------------------------------------------- state

    def set_turn(self, turn: Turn, *, passing: int, rank: int) -> None:
        self.turn = turn
        self.passing, self.rank = passing, rank
        self.people_before = turn.people_before
        self.my_turn = turn.my_turn
        self._current_rank = turn.current_rank
        self.pace = turn.pace
        self._update()

    def set_people_before(self, people_before: int, *, current_rank: int | None = None,
                          pace: Pace | None = None) -> None:
        """From a `turn_started` event, between two fetches of the panel (with the pace
        the server observed then)."""
        if self.turn is None:
            return
        self.people_before = max(0, people_before)
        self.pace = pace
        if current_rank is not None:
            self._current_rank = current_rank
        self._update()

    def set_secret(self, required: bool, question: str | None) -> None:
        self.secret_row.setVisible(required)
        self.secret_label.setText(
            _tr("Pour entrer dans l'amphithéâtre, répondez à votre question secrète : %1")
            .replace("%1", question or "") if question else
            _tr("Pour entrer dans l'amphithéâtre, répondez à votre question secrète."))

    def secret_refused(self, message: str) -> None:
        self.secret_label.setText(message)
        self.secret_edit.selectAll()
        self.secret_edit.setFocus()

    def set_choice(self, headline: Headline | None, enabled: bool = True) -> None:
        """The JE PRENDS button (shown at my turn only, when a wish is satisfiable)."""
        if headline is not None and headline.cell_id is not None and self.my_turn:
            self.take_button.setText(take_button_text(headline))
            self.take_button.setEnabled(enabled)
            self.take_button.show()
        else:
            self.take_button.hide()

    def _take_by_keyboard(self) -> None:
        if self.take_button.isVisible() and self.take_button.isEnabled():
            self.take_button.click()

    def _enter(self) -> None:
        answer = self.secret_edit.text().strip()
        if answer:
            self.enter_requested.emit(answer)

    # ---------------------------------------------------------------- drawing

    def _update(self) -> None:
        turn = self.turn
        if turn is None:
            return
        before = self.people_before
        if turn.amphi_status == "paused":
            self.title.setText(_tr("Amphithéâtre en pause — les tours reprendront bientôt"))
        elif turn.amphi_status == "finished":
            self.title.setText(_tr("L'amphithéâtre est terminé"))
        elif turn.amphi_status == "not_started":
            self.title.setText(_tr("L'amphithéâtre n'a pas encore commencé"))
        elif turn.waiting_until is not None and not self.my_turn:
            self.title.setText(_tr("L'amphithéâtre reprend %1").replace(
                "%1", moment_text(turn.waiting_until)))
        elif self.my_turn:
            self.title.setText(_tr("C'EST VOTRE TOUR"))
        elif before == 1:
            self.title.setText(_tr("Vous êtes le prochain : 1 personne avant vous"))
        elif before <= 15:
            self.title.setText(_tr("Votre tour est très proche : %1 personnes avant vous")
                               .replace("%1", str(before)))
        elif before <= 100:
            self.title.setText(_tr("Votre tour approche : %1 personnes avant vous")
                               .replace("%1", str(before)))
        else:
            self.title.setText(_tr("Votre tour est encore loin : %1 personnes avant vous")
                               .replace("%1", integer(before)))
        current = self._current_rank
        if self.my_turn:
            self.now_label.setText(_tr(
                "Merci de valider rapidement votre choix : d'autres attendent après vous. "
                "Vous pouvez encore modifier vos vœux ; le bouton ci-dessous vous demandera "
                "de confirmer."))
        elif turn.waiting_until is not None and current is not None:
            self.now_label.setText(_tr(
                "Les rangs du jour sont passés : l'étudiant classé %1 passera le premier "
                "à la reprise.").replace("%1", integer(current)))
        elif current is not None:
            self.now_label.setText(_tr("Passe maintenant : l'étudiant classé %1.")
                                   .replace("%1", integer(current)))
        else:
            self.now_label.setText(_tr("Personne ne choisit en ce moment."))
        mine = _tr("Votre rang : %1 — vous allez être %2e de votre contingent à "
                   "choisir.").replace("%1", integer(self.rank)).replace(
                       "%2", integer(self.passing))
        if turn.my_day is not None and not self.my_turn:
            mine += " " + day_text(turn.my_day)
        self.mine_label.setText(mine)
        self.pace_label.setText(pace_text(self.pace, before, self.my_turn))
        self.pace_label.setVisible(not self.my_turn)
        self.setProperty("urgent", self.my_turn)
        self.setAccessibleName(_tr("Mon tour à l'amphithéâtre"))
        self.setAccessibleDescription(" ".join(
            t for t in (self.title.text(), self.now_label.text(), self.pace_label.text()) if t))
        target = turn_colour(before, self.my_turn)
        self._animation.stop()
        self._animation.setStartValue(QColor(self.colour))
        self._animation.setEndValue(target)
        if self.isVisible():
            self._animation.start()
        else:
            self._paint_colour(target)
        self.changed.emit()

    def _paint_colour(self, colour: QColor) -> None:
        self.colour = QColor(colour)
        self.setStyleSheet(
            f"#turnPanel {{ background: {self.colour.name()}; border-radius: 10px; }}"
            "#turnPanel QLabel { color: white; background: transparent; }"
            "#turnTitle { font-size: 17pt; font-weight: 700; }"
            "#turnLine { font-size: 11pt; }"
            "#takeButton { background: white; color: #8f1018; font-size: 13pt; "
            "font-weight: 700; padding: 10px 16px; border-radius: 8px; border: none; }"
            "#takeButton:disabled { color: #999; }")
