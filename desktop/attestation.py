"""« Imprimer mon affectation »: the assignment attestation as a PDF (reportlab) or printed.

One A4 page, described once as texts and boxes (`attestation_page`) that both the PDF
writer and the print preview draw: the student's identity, rank, the post (subdivision,
specialty, k / N, wish number), when it was assigned (local date and time), how, and
the attestation code signed by the server (`national_verify_receipt`-style checks are the
agency's).
DejaVu Sans renders every French accent; it ships in `resources/fonts` (its licence
beside it), and is looked up on the system only if that copy is missing.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from desktop.api.amphi import Attestation
from desktop.api.national import Assignment
from desktop.resources import resource_path

# The copy shipped in resources/fonts first (same rendering everywhere, frozen too).
FONT_DIRS = (resource_path("fonts"), Path("/usr/share/fonts/truetype/dejavu"),
             Path("/usr/share/fonts/dejavu"), Path("/Library/Fonts"), Path("C:/Windows/Fonts"))
HOW = {"validated": "choix validé par l'étudiant dans l'amphithéâtre virtuel",
       "auto_assigned": "affectation prononcée en son absence (premier vœu réalisable)",
       "staff_assigned": "affectation prononcée par l'agence (premier vœu réalisable)"}


class FontMissing(RuntimeError):
    """No font able to print French accents was found."""


@dataclass(frozen=True)
class AttestationData:
    last_name: str
    first_name: str
    birth_date: str | None
    rank: int
    campaign: str
    assignment: Assignment


def _register_fonts() -> tuple[str, str]:
    if "AmphiSans" in pdfmetrics.getRegisteredFontNames():
        return "AmphiSans", "AmphiSans-Bold"
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("AmphiSans", str(regular)))
            pdfmetrics.registerFont(TTFont("AmphiSans-Bold", str(bold)))
            return "AmphiSans", "AmphiSans-Bold"
    raise FontMissing("Police DejaVu Sans introuvable : impossible de produire l'attestation.")


def local_datetime(value: datetime) -> str:
    """« 14/09/2026 à 09 h 32 » in the computer's time zone."""
    local = value.astimezone()
    return local.strftime("%d/%m/%Y à %H h %M")


PAGE_WIDTH_MM = 210.0  # A4
PAGE_HEIGHT_MM = 297.0
BLUE, INK, GREY, WHITE = "#1d4f91", "#1b1f24", "#5b6470", "#ffffff"


@dataclass(frozen=True)
class Text:
    """A line of text: its baseline starts at (x, y) millimetres from the top left."""

    x: float
    y: float
    text: str
    size: float  # points
    colour: str
    bold: bool = False


@dataclass(frozen=True)
class Box:
    """A rectangle from its top left corner, filled or outlined, in millimetres."""

    x: float
    y: float
    width: float
    height: float
    colour: str
    filled: bool = True
    radius: float = 0.0
    line_width: float = 0.0  # points, when outlined


def attestation_page(data: AttestationData, *, printed_at: datetime | None = None
                     ) -> list[Text | Box]:
    """The one A4 page, as what to draw where: the PDF (`write_attestation`, reportlab)
    and the print preview (`desktop.ui.printing`, QPainter) draw the same list."""
    a = data.assignment
    page: list[Text | Box] = [
        Box(0, 0, PAGE_WIDTH_MM, 32, BLUE),
        Text(20, 18, "Attestation d'affectation", 20, WHITE, bold=True),
        Text(20, 26, data.campaign, 11, WHITE),
    ]
    y = 50.0

    def line(label: str, value: str, *, big: bool = False) -> None:
        nonlocal y
        page.append(Text(20, y, label, 10, GREY))
        page.append(Text(70, y, value, 15 if big else 12, INK, bold=big))
        y += 12 if big else 9

    line("Nom", data.last_name.upper())
    line("Prénom", data.first_name)
    if data.birth_date:
        line("Né(e) le", data.birth_date)
    line("Rang de classement", str(data.rank))
    y += 4
    line("Subdivision", a.subdivision, big=True)
    line("Spécialité", a.specialty, big=True)
    line("Poste", f"{a.k} / {a.capacity}")
    if a.wish_number is not None:
        line("Vœu", f"n° {a.wish_number}")
    line("Date et heure", local_datetime(a.assigned_at))
    line("Modalité", HOW.get(a.how, a.how))
    y += 6
    page.append(Box(20, y - 8, PAGE_WIDTH_MM - 40, 22, BLUE, filled=False, radius=4,
                    line_width=1.2))
    page.append(Text(26, y - 1, "Code d'attestation (signé par le serveur)", 10, GREY))
    page.append(Text(26, y + 9, a.code or "—", 18, BLUE, bold=True))
    y += 26
    leading = 9 * 1.2 / mm  # reportlab's text leading for 9 pt, in millimetres
    for n, sentence in enumerate((
            "Cette affectation est définitive. Le code ci-dessus permet à l'agence de vérifier "
            "l'authenticité",
            "de ce document ; une confirmation a également été envoyée à votre adresse "
            "électronique.")):
        page.append(Text(20, y + n * leading, sentence, 9, GREY))
    when = (printed_at or datetime.now().astimezone()).astimezone()
    page.append(Text(20, PAGE_HEIGHT_MM - 15,
                     f"Document édité le {local_datetime(when)} par Amphi.", 9, GREY))
    return page


def amphi_attestation_page(intern_name: str, attestation: Attestation, *,
                           printed_at: datetime | None = None) -> list[Text | Box]:
    """The amphitheatre choice's attestation of one semester, as the agency's PDF words it
    (`server_stub/amphi/pdf.py`), for the print preview: PySide6 has no QtPdf here to draw
    the server's PDF itself, so the page is described from the same record."""
    post = attestation.post
    page: list[Text | Box] = [
        Box(0, 0, PAGE_WIDTH_MM, 32, BLUE),
        Text(20, 18, "Attestation d'affectation", 20, WHITE, bold=True),
        Text(20, 26, f"{attestation.amphi_name} — semestre {attestation.semester}", 11, WHITE),
    ]
    y = 48.0
    sentence = (f"L'agence atteste que {intern_name} a choisi, lors du choix de stage en "
                f"amphithéâtre du semestre {attestation.semester}, le poste suivant :")
    for part in textwrap.wrap(sentence, 88):
        page.append(Text(20, y, part, 11, INK))
        y += 6
    y += 6
    rows = (("Semestre", attestation.semester), ("Amphithéâtre", attestation.amphi_name),
            ("Établissement", post.establishment), ("Service", post.service),
            ("Chef de service", post.head),
            ("N° de poste", post.number + (" — Réservé" if post.reserved else "")),
            ("DES du poste", post.des), ("Type de poste", post.post_type),
            ("Fléchage", post.earmark or "—"), ("Type de choix", attestation.choice_type),
            ("Choix validé le", local_datetime(attestation.chosen_at)))
    for label, value in rows:
        page.append(Text(20, y, label, 10, GREY))
        for n, part in enumerate(textwrap.wrap(value, 52) or [""]):
            page.append(Text(62, y + n * 5.5, part, 12, INK, bold=label == "N° de poste"))
        y += 9 + 5.5 * (max(1, len(textwrap.wrap(value, 52))) - 1)
    y += 6
    page.append(Text(20, y, "Tout choix validé est définitif.", 10, INK, bold=True))
    when = (printed_at or datetime.now().astimezone()).astimezone()
    page.append(Text(20, PAGE_HEIGHT_MM - 15,
                     f"Document édité le {local_datetime(when)} par Amphi.", 9, GREY))
    return page


def write_attestation(path: Path, data: AttestationData, *, printed_at: datetime | None = None
                      ) -> Path:
    """Write the PDF to `path`; returns it."""
    regular, bold = _register_fonts()
    _page_w, page_h = A4
    pdf = Canvas(str(path), pagesize=A4)
    pdf.setTitle("Attestation d'affectation")
    pdf.setAuthor("Amphi")
    pdf.setSubject(data.campaign)
    for item in attestation_page(data, printed_at=printed_at):
        if isinstance(item, Box):
            bottom = page_h - (item.y + item.height) * mm
            if item.filled:
                pdf.setFillColor(HexColor(item.colour))
            else:
                pdf.setStrokeColor(HexColor(item.colour))
                pdf.setLineWidth(item.line_width)
            fill, stroke = (1, 0) if item.filled else (0, 1)
            if item.radius:
                pdf.roundRect(item.x * mm, bottom, item.width * mm, item.height * mm,
                              item.radius * mm, stroke=stroke, fill=fill)
            else:
                pdf.rect(item.x * mm, bottom, item.width * mm, item.height * mm,
                         stroke=stroke, fill=fill)
        else:
            pdf.setFillColor(HexColor(item.colour))
            pdf.setFont(bold if item.bold else regular, item.size)
            pdf.drawString(item.x * mm, page_h - item.y * mm, item.text)
    pdf.showPage()
    pdf.save()
    return path


def suggested_name(data: AttestationData) -> str:
    return f"attestation-affectation-{data.rank}.pdf"
