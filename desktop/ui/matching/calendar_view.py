"""The matching calendar as anyone sees it (« Consulter sans compte »): for a campaign, its
waves and rounds with the dated phases (applications, ranking, results; the off-platform
round's dates) and the phase each round is in now.

Reads through `PublicMatchingReads` (desktop/sync/public.py); no API, nothing personal.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.api.client import ApiError
from desktop.api.matching import MatchingCalendar, Round
from desktop.models import QT_TRANSLATE_NOOP
from desktop.models.labels import campaign_title
from desktop.sync.public import PublicMatchingReads
from desktop.tasks import spawn
from desktop.ui.campaign_picker import CampaignPicker
from desktop.ui.matching.common import phase_label, when
from desktop.ui.widgets import Banner, repolish, styled_label

CONTEXT = "MatchingCalendarView"
COLUMNS = (QT_TRANSLATE_NOOP(CONTEXT, "Vague"), QT_TRANSLATE_NOOP(CONTEXT, "Tour"),
           QT_TRANSLATE_NOOP(CONTEXT, "Candidatures des étudiants"),
           QT_TRANSLATE_NOOP(CONTEXT, "Classement par les responsables"),
           QT_TRANSLATE_NOOP(CONTEXT, "Résultats"), QT_TRANSLATE_NOOP(CONTEXT, "Phase actuelle"))


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def span(start: datetime | None, end: datetime | None) -> str:
    """« du 04/03/2027 09:00 au 08/03/2027 00:00 »; « à fixer » when neither is set."""
    if start is None and end is None:
        return _tr("à fixer")
    return _tr("du %1 au %2").replace("%1", when(start)).replace("%2", when(end))


def round_cells(rnd: Round) -> tuple[str, str, str, str]:
    """Tour, applications, ranking, results of one round, in words."""
    number = _tr("Tour %1").replace("%1", str(rnd.number))
    if rnd.off_platform:  # no applications here: coordinators record its outcome
        return (number, _tr("hors plateforme, %1").replace("%1", span(rnd.opens_at,
                                                                      rnd.closes_at)),
                "—", "—")
    return (number, span(rnd.applications_opens_at, rnd.applications_closes_at),
            span(rnd.ranking_opens_at, rnd.ranking_closes_at),
            when(rnd.results_at) if rnd.results_at else _tr("à fixer"))


class MatchingCalendarView(QWidget):
    """« Appariement — calendrier »: waves, rounds and their dates, read-only."""

    def __init__(self, reads: PublicMatchingReads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matchingCalendarView")
        self.reads = reads
        self.campaign_id: int | None = None
        self.calendar: MatchingCalendar | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        self.campaigns = CampaignPicker(self)
        self.campaigns.chosen.connect(self._campaign_chosen)
        layout.addWidget(self.campaigns)
        self.title = styled_label("", "section", wrap=True)
        layout.addWidget(self.title)
        self.explanation = styled_label(_tr(
            "Les docteurs juniors candidatent aux terrains de stage, les responsables "
            "classent leurs candidats, puis l'appariement est calculé tour par tour. Heures "
            "de Paris."), "muted", wrap=True)
        layout.addWidget(self.explanation)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("matchingCalendar")
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        layout.addStretch()  # takes the room of the table when there is none (empty state)

    async def load(self) -> None:
        """The campaigns, then the newest one's calendar (a banner when none)."""
        try:
            campaigns = await self.reads.list_campaigns()
        except ApiError as exc:
            self.banner.show_message(exc.message, "warning" if exc.offline else "error")
            return
        self.campaign_id = self.campaigns.set_campaigns(campaigns)
        self.table.setVisible(bool(campaigns))
        self.explanation.setVisible(bool(campaigns))
        if self.campaign_id is None:
            self.title.setText(_tr(
                "Aucune campagne d'appariement n'est publiée sur ce serveur pour l'instant : "
                "ses vagues, ses tours et leurs dates apparaîtront ici dès que l'agence "
                "l'ouvrira."))
            self.title.setProperty("role", "subtitle")
            repolish(self.title)
            self.table.setRowCount(0)
            return
        self.title.setProperty("role", "section")
        await self.reload()

    def _campaign_chosen(self, campaign_id: int) -> None:
        self.campaign_id = campaign_id
        spawn(self, self.reload())

    async def reload(self) -> None:
        if self.campaign_id is None:
            return
        try:
            calendar = await self.reads.get_matching_calendar(self.campaign_id)
        except ApiError as exc:
            self.banner.show_message(exc.message, "warning" if exc.offline else "error")
            return
        self.banner.clear()
        self.show_calendar(calendar)

    def show_calendar(self, calendar: MatchingCalendar) -> None:
        self.calendar = calendar
        state = _tr("campagne close") if calendar.state == "closed" else _tr("campagne ouverte")
        self.title.setText(f"{campaign_title(calendar.name, calendar.region)} · {state}")
        repolish(self.title)
        rows = [(wave.name, rnd) for wave in calendar.waves for rnd in wave.rounds]
        self.table.setRowCount(len(rows))
        for r, (wave, rnd) in enumerate(rows):
            texts = (wave, *round_cells(rnd), phase_label(rnd.phase))
            for c, text in enumerate(texts):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if not rows:
            self.banner.show_message(_tr("Le calendrier de cette campagne n'est pas encore "
                                         "fixé."), "info")
        self.table.resizeRowsToContents()
