"""The supervisor's "Mes postes": cards, a post's detail (description, attachment), results.

A card shows the seed's fields (specialty, option, type and access, duration, label,
indication, establishment, supervisor, subdivision, "k poste(s) restant à attribuer sur
n") and the ranking's state; "Classer les candidatures" opens the ranking screen.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.client import ApiError, decode_list, encode
from desktop.api.matching import MyPost
from desktop.sync.matching import MatchingService
from desktop.tasks import spawn
from desktop.ui.matching.closed_page import ClosedPage, is_closed, reopen
from desktop.ui.matching.common import (
    Opener,
    open_with_system,
    phase_label,
    post_type_text,
    remaining_text,
    save_temporary,
    size_text,
    when,
)
from desktop.ui.matching.ranking_view import RankingView
from desktop.ui.widgets import (
    Banner,
    BusyIndicator,
    Card,
    clear_layout,
    primary_button,
    styled_label,
)

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatchingPosts", text)


def access_text(post: MyPost) -> str:
    access = _tr("Accès référent") if post.my_access == "referent" else _tr("Accès lecture")
    return _tr("{kind} : {access}").format(kind=post_type_text(post.post_type), access=access)


def ranking_text(post: MyPost) -> tuple[str, str]:
    """The ranking line of a card (translated) and its kind (success, error, info)."""
    r = post.ranking
    if r is None:
        return _tr("Pas de classement pour ce tour."), "info"
    if r.candidates == 0:
        return _tr("Tour %1 : aucune candidature pour l'instant.").replace(
            "%1", str(r.round_number)), "info"
    text = (_tr("Tour %1 — %2 candidature(s) : %3 classée(s), %4 non retenue(s), %5 à "
                "classer — classement valide") if r.valid else
            _tr("Tour %1 — %2 candidature(s) : %3 classée(s), %4 non retenue(s), %5 à "
                "classer — classement non valide"))
    for key, value in (("%1", r.round_number), ("%2", r.candidates), ("%3", r.ranked),
                       ("%4", r.rejected), ("%5", r.unclassified)):
        text = text.replace(key, str(value))
    return text, "success" if r.valid else "error"


class PostCard(QFrame):
    """One post as a clickable card."""

    open_ranking = Signal(object)  # MyPost
    open_detail = Signal(object)

    def __init__(self, post: MyPost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.post = post
        self.setProperty("card", True)
        self.setObjectName("matchingPostCard")
        self.setAccessibleName(post.label)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(4)
        top = QHBoxLayout()
        head = " · ".join(x for x in (
            post.specialty, post.option or self.tr("Aucune option"), access_text(post),
            self.tr("{n} mois").format(n=post.duration_months),
            self.tr("n° {n}").format(n=post.number)) if x)
        top.addWidget(styled_label(head, "muted", wrap=True), 1)
        if post.offset_semester:
            top.addWidget(styled_label(self.tr("Décalé"), "badge"))
        layout.addLayout(top)
        layout.addWidget(styled_label(post.label, "section", wrap=True))
        if post.indication:
            layout.addWidget(styled_label(post.indication, wrap=True))
        who = post.supervisor.display_name if post.supervisor else ""
        layout.addWidget(styled_label(" · ".join(x for x in (
            post.establishment, who, post.subdivision) if x), wrap=True))
        remaining = styled_label(remaining_text(post.remaining_places, post.places), "value")
        remaining.setObjectName("remaining")
        layout.addWidget(remaining)
        text, kind = ranking_text(post)
        self.ranking_label = styled_label(text, "check-ok" if kind == "success"
                                          else "error" if kind == "error" else "muted",
                                          wrap=True)
        layout.addWidget(self.ranking_label)
        for result in post.results:
            names = ", ".join(f"{a.last_name.upper()} {a.first_name}" for a in result.assigned)
            layout.addWidget(styled_label(self.tr("Affectation(s) du tour {n} : {names}").format(
                n=result.round_number, names=names or self.tr("aucune")), wrap=True))
        buttons = QHBoxLayout()
        self.rank_button = primary_button(
            self.tr("Classer les candidatures") if post.my_access == "referent"
            else self.tr("Voir le classement"))
        self.rank_button.setAutoDefault(False)
        self.detail_button = QPushButton(self.tr("Détail du poste"))
        self.detail_button.setAutoDefault(False)
        buttons.addWidget(self.rank_button)
        buttons.addWidget(self.detail_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.rank_button.clicked.connect(lambda: self.open_ranking.emit(self.post))
        self.detail_button.clicked.connect(lambda: self.open_detail.emit(self.post))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_detail.emit(self.post)
        super().mouseReleaseEvent(event)


class PostDetailView(QWidget):
    """A post's details, its description (editable during "Mes postes") and attachment."""

    back = Signal()
    changed = Signal()

    def __init__(self, service: MatchingService, opener: Opener,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.opener = opener
        self.post: MyPost | None = None
        self.choose_file = self._ask_file
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(10)
        head = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Mes postes"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        head.addWidget(self.back_button)
        self.title = styled_label("", "title", wrap=True)
        head.addWidget(self.title, 1)
        outer.addLayout(head)
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        facts = Card(self.tr("Terrain de stage"))
        self.facts = styled_label("", wrap=True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts.body.addWidget(self.facts)
        outer.addWidget(facts)
        describe = Card(self.tr("Description du poste"))
        self.description_hint = styled_label("", "muted", wrap=True)
        describe.body.addWidget(self.description_hint)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("Présentez le service, l'encadrement, "
                                                    "les activités…"))
        describe.body.addWidget(self.description, 1)
        row = QHBoxLayout()
        self.save_button = primary_button(self.tr("Enregistrer la description"))
        self.save_button.clicked.connect(self.save_description)
        self.description_state = styled_label("", "muted")
        row.addWidget(self.save_button)
        row.addWidget(self.description_state, 1)
        describe.body.addLayout(row)
        outer.addWidget(describe, 1)
        attach = Card(self.tr("Pièce jointe"))
        self.attachment_label = styled_label("", wrap=True)
        attach.body.addWidget(self.attachment_label)
        buttons = QHBoxLayout()
        self.upload_button = QPushButton(self.tr("Déposer un fichier…"))
        self.open_button = QPushButton(self.tr("Ouvrir"))
        self.delete_button = QPushButton(self.tr("Supprimer"))
        for b in (self.upload_button, self.open_button, self.delete_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        attach.body.addLayout(buttons)
        attach.body.addWidget(styled_label(self.tr("PDF ou document bureautique (Word, Excel, "
                                                   "PowerPoint, OpenDocument, RTF), 1,9 Mo "
                                                   "au plus."), "muted", wrap=True))
        self.busy = BusyIndicator(self)
        attach.body.addWidget(self.busy)
        outer.addWidget(attach)
        self.upload_button.clicked.connect(self.upload)
        self.open_button.clicked.connect(self.open_attachment)
        self.delete_button.clicked.connect(self.delete_attachment)

    def show_post(self, post: MyPost) -> None:
        self.post = post
        self.banner.hide()
        self.title.setText(post.label)
        second = ""
        if post.second_supervisor:
            second = self.tr("Second responsable : {name} ({access})").format(
                name=post.second_supervisor.display_name,
                access=self.tr("classe") if post.second_supervisor_access == "rank"
                else self.tr("lecture"))
        lines = [
            self.tr("Établissement : {v}").format(v=post.establishment),
            self.tr("Responsable : {v}").format(
                v=post.supervisor.display_name if post.supervisor else "—"),
            self.tr("Spécialité : {v} — option : {o}").format(
                v=post.specialty, o=post.option or self.tr("aucune")),
            self.tr("Type : {t} — durée : {d} mois — n° {n}").format(
                t=post_type_text(post.post_type), d=post.duration_months,
                n=post.number),
            self.tr("Subdivision : {v}").format(v=post.subdivision),
            remaining_text(post.remaining_places, post.places),
            self.tr("Semestre décalé") if post.offset_semester else "",
            second,
            self.tr("Validé par l'agence") if post.validated
            else self.tr("Pas encore validé par l'agence"),
        ]
        if post.indication:
            lines.insert(0, post.indication)
        self.facts.setText("\n".join(x for x in lines if x))
        self.description.setPlainText(post.description or "")
        editable = post.can_edit_description
        self.description.setReadOnly(not editable)
        self.save_button.setVisible(editable)
        self.upload_button.setVisible(editable)
        self.delete_button.setVisible(editable and post.attachment is not None)
        self.description_hint.setText(
            self.tr("Vous pouvez personnaliser la description jusqu'à la fin de la période "
                    "« Mes postes ».") if editable else
            self.tr("La description n'est plus modifiable (hors période « Mes postes » ou "
                    "accès en lecture)."))
        self.description_state.setText("")
        self._show_attachment()

    def _show_attachment(self) -> None:
        assert self.post is not None
        a = self.post.attachment
        self.open_button.setEnabled(a is not None)
        self.delete_button.setVisible(self.post.can_edit_description and a is not None)
        self.attachment_label.setText(
            self.tr("{name} — {size}, déposé le {when}").format(
                name=a.filename, size=size_text(a.size), when=when(a.uploaded_at))
            if a else self.tr("Aucun fichier joint."))

    @asyncSlot()
    async def save_description(self) -> None:
        if self.post is None:
            return
        self.save_button.setEnabled(False)
        try:
            updated = await self.service.describe_matching_post(
                self.post.id, self.description.toPlainText() or None)
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            return
        finally:
            self.save_button.setEnabled(True)
        from dataclasses import replace

        self.post = replace(self.post, description=updated.description)
        self.description_state.setText(self.tr("✓ Description enregistrée"))
        self.changed.emit()

    def _ask_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choisir la pièce jointe"), "",
            self.tr("Documents (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods "
                    "*.odp *.rtf)"))
        return Path(name) if name else None

    @asyncSlot()
    async def upload(self) -> None:
        if self.post is None:
            return
        path = self.choose_file()
        if path is None:
            return
        self.busy.setVisible(True)
        try:
            info = await self.service.upload_post_attachment(self.post.id, path)
        except (ApiError, OSError) as error:
            self.banner.show_message(getattr(error, "message", str(error)), "error")
            return
        finally:
            self.busy.setVisible(False)
        from dataclasses import replace

        self.post = replace(self.post, attachment=info)
        self.banner.show_message(self.tr("Fichier « {name} » déposé.").format(
            name=info.filename), "success")
        self._show_attachment()
        self.changed.emit()

    @asyncSlot()
    async def open_attachment(self) -> None:
        if self.post is None or self.post.attachment is None:
            return
        try:
            download = await self.service.download_post_attachment(self.post.id)
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            return
        self.opener(save_temporary(download.filename, download.content))

    @asyncSlot()
    async def delete_attachment(self) -> None:
        if self.post is None:
            return
        try:
            await self.service.delete_post_attachment(self.post.id)
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            return
        from dataclasses import replace

        self.post = replace(self.post, attachment=None)
        self._show_attachment()
        self.changed.emit()


class MyPostsView(QStackedWidget):
    """Cards → detail or ranking; refreshed by live events, readable offline."""

    def __init__(self, service: MatchingService, opener: Opener = open_with_system,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.posts: list[MyPost] = []
        self._loaded = False
        self.cards_page = QWidget()
        outer = QVBoxLayout(self.cards_page)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(10)
        outer.addWidget(styled_label(self.tr("Mes postes"), "title"))
        self.schedule = styled_label("", "subtitle", wrap=True)
        outer.addWidget(self.schedule)
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        self.busy = BusyIndicator(self)
        outer.addWidget(self.busy)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder.setObjectName("page")
        self.cards = QVBoxLayout(holder)
        self.cards.setSpacing(12)
        self.cards.setContentsMargins(0, 0, 8, 0)
        scroll.setWidget(holder)
        outer.addWidget(scroll, 1)
        self.detail = PostDetailView(service, opener)
        self.ranking = RankingView(service, opener=opener)
        # « Application fermée » in the cards' place while nothing is open to him.
        self.closed_page = QWidget()
        closed_layout = QVBoxLayout(self.closed_page)
        closed_layout.setContentsMargins(24, 16, 24, 16)
        closed_layout.addWidget(styled_label(self.tr("Mes postes"), "title"))
        self.closed = ClosedPage(self.closed_page)
        closed_layout.addWidget(self.closed, 1)
        self.closed.refresh_requested.connect(lambda: spawn(self, self.reopen()))
        self.closed.due.connect(lambda: spawn(self, self.reopen()))
        for page in (self.cards_page, self.detail, self.ranking, self.closed_page):
            self.addWidget(page)
        self.detail.back.connect(self.show_cards)
        self.detail.changed.connect(lambda: spawn(self, self.refresh()))
        self.ranking.back_button.clicked.connect(self.show_cards)
        service.live_event.connect(self._on_event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            spawn(self, self.refresh())

    def show_cards(self) -> None:
        self.setCurrentWidget(self.cards_page)
        spawn(self, self.refresh())

    async def refresh(self) -> None:
        """Read the campaign and my posts (the cache when offline)."""
        self.busy.setVisible(True)
        who = self.service.who()
        try:
            campaign = self.service.campaign or await self.service.load_campaign()
            if campaign is None:
                self.banner.show_message(self.tr("Aucune campagne d'appariement en cours."),
                                         "info")
                return
            if is_closed(campaign, supervisor=True):
                self.closed.show_campaign(campaign, supervisor=True)
                self.setCurrentWidget(self.closed_page)
                return
            if self.currentWidget() is self.closed_page:
                self.setCurrentWidget(self.cards_page)
            try:
                posts = await self.service.list_my_matching_posts(campaign.id)
                if who:
                    self.service.store.cache_put(*who, "matching_my_posts", encode(posts))
                self.banner.hide()
            except ApiError as error:
                cached = self.service.store.cache_get(*who, "matching_my_posts") \
                    if who and error.offline else None
                if cached is None:
                    raise
                posts = decode_list(MyPost, cached.value)
                self.banner.show_message(self.tr("Hors ligne : dernier état connu, du {when}.")
                                         .format(when=when(cached.updated_at)), "warning")
        except ApiError as error:
            self.banner.show_message(error.message, "error")
            return
        finally:
            self.busy.setVisible(False)
        self.posts = posts
        self._show_schedule(campaign)
        self._fill(posts)

    async def reopen(self) -> None:
        """The calendar read again, then the screen (from the closed page)."""
        await reopen(self.service, self.refresh,
                     lambda message: self.banner.show_message(message, "error"))

    def _show_schedule(self, campaign: Any) -> None:
        wave = campaign.wave()
        if wave is None:
            return
        rnd = wave.current_round
        parts = [f"{campaign.name} — {wave.name}"]
        if wave.posts_opens_at or wave.posts_closes_at:
            parts.append(self.tr("Mes postes : {a} → {b}").format(
                a=when(wave.posts_opens_at, with_time=False),
                b=when(wave.posts_closes_at, with_time=False)))
        if rnd is not None:
            parts.append(self.tr("Tour {n} : {phase}").format(n=rnd.number,
                                                              phase=phase_label(rnd.phase)))
            if rnd.ranking_opens_at:
                parts.append(self.tr("classement du {a} au {b}").format(
                    a=when(rnd.ranking_opens_at), b=when(rnd.ranking_closes_at)))
        self.schedule.setText(" · ".join(parts))

    def _fill(self, posts: list[MyPost]) -> None:
        clear_layout(self.cards)
        if not posts:
            self.cards.addWidget(styled_label(self.tr("Vous n'avez aucun poste dans cette "
                                                      "campagne."), "muted"))
        for post in posts:
            card = PostCard(post)
            card.open_ranking.connect(self.open_ranking)
            card.open_detail.connect(self.open_detail)
            self.cards.addWidget(card)
        self.cards.addStretch(1)

    def card_widgets(self) -> list[PostCard]:
        out = []
        for i in range(self.cards.count()):
            item = self.cards.itemAt(i)
            w = item.widget() if item is not None else None
            if isinstance(w, PostCard):
                out.append(w)
        return out

    def open_detail(self, post: MyPost) -> None:
        self.detail.show_post(post)
        self.setCurrentWidget(self.detail)

    def open_ranking(self, post: MyPost) -> None:
        self.setCurrentWidget(self.ranking)
        spawn(self, self.ranking.open_post(post))

    def _on_event(self, kind: str, payload: dict[str, Any]) -> None:
        if self.currentWidget() not in (self.cards_page, self.closed_page) or not self._loaded:
            return
        if kind in ("matching_ranking_saved", "matching_post_updated",
                    "matching_results_published", "matching_schedule_changed"):
            spawn(self, self.refresh())
