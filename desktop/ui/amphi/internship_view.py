"""« Mon internat »: the profile's amphitheatre part — ranks and cohorts with the seed's
explanations, the type of choice and the supernumerary request, the proxy (give, see,
cancel), the attestations by semester (download the PDF).

The actions are async callables given by the area (`InternshipActions`): no HTTP here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.api.amphi import Attestation, InternSelf, Proxy
from desktop.api.client import ApiError
from desktop.attestation import amphi_attestation_page
from desktop.models.amphi_live import choice_type_label, local_time
from desktop.ui.printing import PrintPreviewDialog, documents_folder
from desktop.ui.widgets import Banner, Card, FieldErrors, FormField, styled_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("AmphiInternship", text)


# The seed's explanations of each rank (PROCEDURES.md §2, seed 002).
RANK_LINES: tuple[tuple[str, str, str], ...] = (
    ("cohort", "Promotion",
     "Année de l'examen national qui vous a classé (promotion initiale)."),
    ("seniority", "Ancienneté",
     "Nombre de semestres d'internat validés ; il fixe votre promotion théorique."),
    ("local_rank", "Rang local",
     "Votre rang parmi les internes de votre promotion dans la subdivision."),
    ("local_cohort_size", "Effectif promotion local",
     "Nombre d'internes de votre promotion dans la subdivision."),
    ("theoretical_cohort", "Promotion théorique",
     "La promotion avec laquelle vous choisissez, d'après votre ancienneté (un semestre "
     "non validé ou une disponibilité vous fait rejoindre une promotion plus récente)."),
    ("theoretical_cohort_size", "Effectif promotion théorique",
     "Nombre d'internes qui choisissent avec cette promotion théorique."),
    ("updated_rank_display", "Rang actualisé",
     "Votre rang local ramené à l'effectif de la promotion théorique (tronqué à deux "
     "décimales) : il ordonne la liste d'appel."),
    ("call_rank", "Rang d'appel", "Votre place dans la liste d'appel de l'amphithéâtre."),
)
SUPERNUMERARY_STATES = {
    "accepted": "acceptée", "refused": "refusée",
}


@dataclass
class InternshipActions:
    request_supernumerary: Callable[[int, str], Awaitable[InternSelf]]
    withdraw_supernumerary_request: Callable[[int], Awaitable[InternSelf]]
    get_proxy: Callable[[int], Awaitable[Proxy | None]]
    give_proxy: Callable[[int, str, str], Awaitable[Proxy]]
    cancel_proxy: Callable[[int], Awaitable[None]]
    list_attestations: Callable[[], Awaitable[list[Attestation]]]
    download_attestation: Callable[[int], Awaitable[bytes]]


class InternshipView(QScrollArea):
    """My records of every semester (newest first) and what I may do about them."""

    def __init__(self, actions: InternshipActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.internship_actions = actions
        self.intern: InternSelf | None = None
        self.proxy: Proxy | None = None
        self.attestations: list[Attestation] = []
        self.print_preview: PrintPreviewDialog | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 8, 8, 8)
        layout.setSpacing(12)
        self.banner = Banner(body)
        layout.addWidget(self.banner)

        self.assignment_card = Card(_tr("Mon poste"), body)
        self.assignment_card.setObjectName("amphiMyPost")
        self.assignment_label = styled_label("", "value", wrap=True)
        self.assignment_card.body.addWidget(self.assignment_label)
        self.assignment_card.hide()
        layout.addWidget(self.assignment_card)
        self.ranks_card = Card(_tr("Mes rangs"), body)
        self.ranks_form = QFormLayout()
        self.ranks_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.ranks_card.body.addLayout(self.ranks_form)
        layout.addWidget(self.ranks_card)

        self.type_card = Card(_tr("Type de choix"), body)
        self.type_label = styled_label("", "value", wrap=True)
        self.type_card.body.addWidget(self.type_label)
        row = QHBoxLayout()
        self.type_combo = QComboBox(body)
        for value in ("classique", "surnombre validant", "surnombre non validant"):
            self.type_combo.addItem(choice_type_label(value), value)
        row.addWidget(self.type_combo)
        self.request_button = QPushButton(_tr("Demander ce type de choix"), body)
        self.request_button.clicked.connect(self._request)
        row.addWidget(self.request_button)
        self.withdraw_button = QPushButton(_tr("Retirer ma demande"), body)
        self.withdraw_button.clicked.connect(self._withdraw)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        self.type_card.body.addLayout(row)
        layout.addWidget(self.type_card)

        self.proxy_card = Card(_tr("Procuration"), body)
        self.proxy_label = styled_label("", wrap=True)
        self.proxy_card.body.addWidget(self.proxy_label)
        self.proxy_form = QWidget(body)
        form = QHBoxLayout(self.proxy_form)
        form.setContentsMargins(0, 0, 0, 0)
        self.proxy_email = QLineEdit(self.proxy_form)
        self.proxy_email.setPlaceholderText("prenom.nom@exemple.fr")
        self.proxy_email_field = FormField(_tr("Adresse de la personne"), self.proxy_email)
        form.addWidget(self.proxy_email_field, 2)
        self.proxy_phone = QLineEdit(self.proxy_form)
        self.proxy_phone.setPlaceholderText("06 12 34 56 78")
        self.proxy_phone_field = FormField(_tr("Téléphone"), self.proxy_phone)
        form.addWidget(self.proxy_phone_field, 1)
        self.give_button = QPushButton(_tr("Donner procuration"), self.proxy_form)
        self.give_button.clicked.connect(self._give_proxy)
        form.addWidget(self.give_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.proxy_card.body.addWidget(self.proxy_form)
        self.cancel_proxy_button = QPushButton(_tr("Annuler la procuration"), body)
        self.cancel_proxy_button.clicked.connect(self._cancel_proxy)
        self.proxy_card.body.addWidget(self.cancel_proxy_button)
        self.proxy_errors = FieldErrors(self.banner, {"email": self.proxy_email_field,
                                                      "phone": self.proxy_phone_field})
        layout.addWidget(self.proxy_card)

        self.attest_card = Card(_tr("Attestations de choix"), body)
        self.attest_table = QTableWidget(0, 5, body)
        self.attest_table.setObjectName("amphiAttestations")
        self.attest_table.setHorizontalHeaderLabels([_tr("Semestre"), _tr("Poste"),
                                                     _tr("Choisi le"), "", ""])
        self.attest_table.verticalHeader().hide()
        self.attest_table.horizontalHeader().setStretchLastSection(False)
        self.attest_table.horizontalHeader().setSectionResizeMode(
            1, self.attest_table.horizontalHeader().ResizeMode.Stretch)
        self.attest_table.setMinimumHeight(120)
        self.attest_card.body.addWidget(self.attest_table)
        layout.addWidget(self.attest_card)
        layout.addStretch(1)

    # ---------------------------------------------------------------- data in

    def set_intern(self, intern: InternSelf) -> None:
        self.intern = intern
        a = intern.assignment
        if a is not None:
            how = _tr(" (par procuration)") if a.by_proxy else (
                _tr(" (par l'agence)") if a.by_staff else "")
            self.assignment_label.setText(_tr(
                "Poste %1 — %2, %3 (chef de service : %4), choisi le %5%6.").replace(
                "%1", a.post_number).replace("%2", a.establishment).replace(
                "%3", a.service).replace("%4", a.head).replace(
                "%5", local_time(a.chosen_at)).replace("%6", how))
        self.assignment_card.setVisible(a is not None)
        while self.ranks_form.rowCount():
            self.ranks_form.removeRow(0)
        self.ranks_form.addRow(styled_label(_tr("Semestre"), "field"),
                               styled_label(f"{intern.semester} — {intern.des_label} "
                                            f"({intern.des}), {intern.phase}", "value",
                                            wrap=True))
        for name, label, why in RANK_LINES:
            value = getattr(intern, name)
            text = "—" if value is None else str(value)
            cell = QWidget(self)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 4)
            box.setSpacing(0)
            box.addWidget(styled_label(text, "value"))
            box.addWidget(styled_label(_tr(why), "muted", wrap=True))
            self.ranks_form.addRow(styled_label(_tr(label), "field"), cell)
        text = _tr("Type de choix actuel : %1").replace("%1",
                                                       choice_type_label(intern.choice_type))
        if intern.supernumerary_request:
            text += "\n" + _tr("Demande en cours : %1 (en attente de la décision de "
                               "l'agence)").replace(
                "%1", choice_type_label(intern.supernumerary_request))
        elif intern.supernumerary_decision:
            text += "\n" + _tr("Dernière demande : %1").replace(
                "%1", _tr(SUPERNUMERARY_STATES.get(intern.supernumerary_decision,
                                                   intern.supernumerary_decision)))
        self.type_label.setText(text)
        self.withdraw_button.setVisible(bool(intern.supernumerary_request))
        own = not intern.acting_as_proxy
        for widget in (self.type_card, self.proxy_card, self.attest_card):
            widget.setVisible(own)
        finished = intern.amphi is not None and intern.amphi.state == "finished"
        self.request_button.setEnabled(not finished and intern.assignment is None)
        self._show_proxy(intern.proxy)

    def _show_proxy(self, proxy: Proxy | None) -> None:
        self.proxy = proxy
        live = proxy is not None and proxy.status in ("pending", "active")
        if proxy is None or not live:
            self.proxy_label.setText(_tr(
                "Si vous ne pouvez pas être présent, désignez une personne : elle recevra un "
                "lien pour choisir son mot de passe, puis se connectera en mode "
                "« Procuration » et choisira à votre place. Vous ne pourrez plus choisir "
                "vous-même tant que la procuration est active."))
        elif proxy.status == "pending":
            self.proxy_label.setText(_tr("Procuration donnée à %1 (%2) le %3 : en attente "
                                         "de sa validation par le lien reçu.")
                                     .replace("%1", proxy.holder_email)
                                     .replace("%2", proxy.holder_phone)
                                     .replace("%3", local_time(proxy.created_at)))
        else:
            self.proxy_label.setText(_tr("Procuration active : %1 (%2) choisira pour vous. "
                                         "Vous ne pouvez plus choisir vous-même.")
                                     .replace("%1", proxy.holder_email)
                                     .replace("%2", proxy.holder_phone))
        self.proxy_form.setVisible(not live)
        self.cancel_proxy_button.setVisible(live)

    def set_attestations(self, attestations: list[Attestation]) -> None:
        self.attestations = attestations
        self.attest_table.setRowCount(len(attestations))
        for row, a in enumerate(attestations):
            self.attest_table.setItem(row, 0, QTableWidgetItem(a.semester))
            self.attest_table.setItem(row, 1, QTableWidgetItem(a.post.label))
            self.attest_table.setItem(row, 2, QTableWidgetItem(local_time(a.chosen_at)))
            # A button per cell, no container: two widgets a row (a live screen open all
            # session long must not grow).
            print_button = QPushButton(_tr("Imprimer…"), self.attest_table)
            print_button.setObjectName("printAttestation")
            print_button.clicked.connect(lambda _c=False, ident=a.assignment_id:
                                         self.print_attestation(ident))
            self.attest_table.setCellWidget(row, 3, print_button)
            button = QPushButton(_tr("Télécharger le PDF"), self.attest_table)
            button.clicked.connect(lambda _c=False, ident=a.assignment_id:
                                   self._download(ident))
            self.attest_table.setCellWidget(row, 4, button)
        self.attest_table.resizeColumnsToContents()
        if not attestations:
            self.attest_card.setToolTip(_tr("Aucune attestation : elles apparaissent après "
                                            "chaque choix."))

    @asyncSlot()
    async def load(self) -> None:
        if self.intern is None or self.intern.acting_as_proxy:
            return
        try:
            self._show_proxy(await self.internship_actions.get_proxy(self.intern.id))
            self.set_attestations(await self.internship_actions.list_attestations())
        except ApiError as exc:
            if not exc.offline:
                self.banner.show_message(exc.message, "error")

    # ---------------------------------------------------------------- actions

    @asyncSlot()
    async def _request(self) -> None:
        if self.intern is None:
            return
        try:
            intern = await self.internship_actions.request_supernumerary(
                self.intern.id, str(self.type_combo.currentData()))
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            return
        self.set_intern(intern)
        self.banner.show_message(_tr("Demande envoyée à l'agence."), "success")

    @asyncSlot()
    async def _withdraw(self) -> None:
        if self.intern is None:
            return
        try:
            actions = self.internship_actions
            self.set_intern(await actions.withdraw_supernumerary_request(self.intern.id))
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")

    @asyncSlot()
    async def _give_proxy(self) -> None:
        await self.give_proxy(self.proxy_email.text(), self.proxy_phone.text())

    async def give_proxy(self, email: str, phone: str) -> Proxy | None:
        if self.intern is None:
            return None
        self.proxy_errors.clear()
        try:
            proxy = await self.internship_actions.give_proxy(self.intern.id, email.strip(),
                                                             phone.strip())
        except ApiError as exc:
            self.proxy_errors.show(exc)  # what was typed stays in the fields
            return None
        self._show_proxy(proxy)
        self.banner.show_message(_tr("Procuration enregistrée : %1 a reçu un lien par "
                                     "courriel pour la valider.").replace("%1", email),
                                 "success")
        return proxy

    @asyncSlot()
    async def _cancel_proxy(self) -> None:
        if self.intern is None:
            return
        try:
            await self.internship_actions.cancel_proxy(self.intern.id)
            self._show_proxy(await self.internship_actions.get_proxy(self.intern.id))
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            return
        self.banner.show_message(_tr("Procuration annulée."), "success")

    def print_attestation(self, assignment_id: int) -> PrintPreviewDialog | None:
        """« Imprimer… »: the attestation in a print preview, printed through Qt's print
        dialog; « Enregistrer en PDF… » there saves the agency's own PDF."""
        attestation = next((a for a in self.attestations if a.assignment_id == assignment_id),
                           None)
        if attestation is None or self.intern is None:
            return None
        name = f"{self.intern.first_name} {self.intern.last_name.upper()}"
        printed_at = datetime.now().astimezone()
        if self.print_preview is not None:
            self.print_preview.deleteLater()
        self.print_preview = PrintPreviewDialog(
            _tr("Attestation d'affectation"),
            lambda: [amphi_attestation_page(name, attestation, printed_at=printed_at)],
            save=lambda: self._download(assignment_id),
            file_name=f"attestation-choix-{assignment_id}.pdf", parent=self.window())
        self.print_preview.open()
        return self.print_preview

    @asyncSlot()
    async def _download(self, assignment_id: int) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _tr("Enregistrer l'attestation"),
            str(documents_folder() / f"attestation-choix-{assignment_id}.pdf"), "PDF (*.pdf)")
        if path:
            await self.save_attestation(assignment_id, Path(path))

    async def save_attestation(self, assignment_id: int, path: Path) -> bool:
        try:
            content = await self.internship_actions.download_attestation(assignment_id)
        except ApiError as exc:
            self.banner.show_message(exc.message, "error")
            return False
        path.write_bytes(content)
        self.banner.show_message(_tr("Attestation enregistrée : %1").replace("%1", str(path)),
                                 "success")
        return True
