"""« Application fermée »: what a junior doctor or a supervisor sees while nothing of the
matching is open for him yet, with the next opening dates (not an empty screen).

Closed, for a junior doctor: every round of his wave is still to come. For a supervisor:
that, and no wave's « Mes postes » window open. The dates come from the campaign as the
server sent it; the server's time (`server_time`) decides what is past. When the next
date comes the page says so (`due`), and the screen reads the campaign again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.api.client import ApiError
from desktop.api.matching import MatchingCampaign, Wave
from desktop.sync.matching import MatchingService
from desktop.ui.matching.common import when
from desktop.ui.widgets import Card, styled_label

# At most this long between two looks at the calendar (a sleeping laptop, a moved date).
MAX_WAIT_MS = 6 * 3600 * 1000


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatchingClosed", text)


def _waves(campaign: MatchingCampaign, supervisor: bool) -> list[Wave]:
    if supervisor:
        return list(campaign.waves)
    wave = campaign.wave()
    return [wave] if wave is not None else []


def is_closed(campaign: MatchingCampaign, *, supervisor: bool) -> bool:
    """True while nothing is open to him: no round of his wave(s) has begun (and, for a
    supervisor, no « Mes postes » window is open)."""
    waves = _waves(campaign, supervisor)
    if supervisor and any(w.posts_open for w in waves):
        return False
    return all(r.phase == "upcoming" for w in waves for r in w.rounds)


def next_openings(campaign: MatchingCampaign, *, supervisor: bool
                  ) -> list[tuple[datetime, str]]:
    """The dates still to come that open something to him, soonest first."""
    now = campaign.server_time
    out: list[tuple[datetime, str]] = []
    waves = _waves(campaign, supervisor)
    several = len(waves) > 1
    for wave in waves:
        prefix = f"{wave.name} — " if several else ""
        if supervisor and wave.posts_opens_at:
            out.append((wave.posts_opens_at,
                        prefix + _tr("ouverture de « Mes postes » (description des postes)")))
        for rnd in wave.rounds:
            if rnd.off_platform:
                if rnd.opens_at:
                    out.append((rnd.opens_at, prefix + _tr(
                        "tour {n}, hors plateforme").format(n=rnd.number)))
                continue
            if rnd.applications_opens_at:
                out.append((rnd.applications_opens_at, prefix + _tr(
                    "tour {n} : ouverture des candidatures").format(n=rnd.number)))
            if supervisor and rnd.ranking_opens_at:
                out.append((rnd.ranking_opens_at, prefix + _tr(
                    "tour {n} : ouverture du classement").format(n=rnd.number)))
            if rnd.results_at:
                out.append((rnd.results_at, prefix + _tr(
                    "tour {n} : résultats").format(n=rnd.number)))
    return sorted((d, text) for d, text in out if d > now)


async def reopen(service: MatchingService, refresh: Callable[[], Awaitable[None]],
                 show_error: Callable[[str], None]) -> None:
    """Read the campaign's calendar again (a date came, or « Actualiser »), then the
    screen (`refresh`)."""
    try:
        await service.load_campaign()
    except ApiError as error:
        show_error(error.message)
        return
    await refresh()


class ClosedPage(QWidget):
    """« Application fermée » and the next openings; `refresh_requested` by its button,
    `due` when the next date has come."""

    refresh_requested = Signal()
    due = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(12)
        self.card = Card(self.tr("Application fermée"))
        self.card.setObjectName("matchingClosed")
        self.message = styled_label("", "field", wrap=True)
        self.card.body.addWidget(self.message)
        self.dates = QLabel()
        self.dates.setTextFormat(Qt.TextFormat.RichText)
        self.dates.setWordWrap(True)
        self.card.body.addWidget(self.dates)
        self.hint = styled_label(self.tr(
            "Cette page s'ouvrira d'elle-même à la prochaine date. Les dates sont en heure "
            "de Paris."), "muted", wrap=True)
        self.card.body.addWidget(self.hint)
        self.refresh_button = QPushButton(self.tr("Actualiser"))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.card.body.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.card)
        layout.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.due)
        self.openings: list[tuple[datetime, str]] = []

    def show_campaign(self, campaign: MatchingCampaign, *, supervisor: bool) -> None:
        self.openings = next_openings(campaign, supervisor=supervisor)
        who = self.tr("aux responsables de terrain de stage") if supervisor \
            else self.tr("aux internes")
        self.message.setText(self.tr(
            "La campagne « {name} » n'est pas encore ouverte {who} : aucune phase n'est en "
            "cours.").format(name=campaign.name, who=who))
        if self.openings:
            items = "".join(f"<li><b>{when(d)}</b> — {text}</li>"
                            for d, text in self.openings[:8])
            self.dates.setText(self.tr("Prochaines ouvertures :") + f"<ul>{items}</ul>")
            wait = (self.openings[0][0] - campaign.server_time).total_seconds() * 1000
            self.timer.start(int(min(MAX_WAIT_MS, max(1000, wait + 1500))))
        else:
            self.dates.setText(self.tr(
                "Les dates ne sont pas encore fixées : l'agence régionale de santé les "
                "publiera ici."))
            self.timer.start(MAX_WAIT_MS)
        self.hint.setVisible(bool(self.openings))
