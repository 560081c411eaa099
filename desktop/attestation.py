"""« Imprimer mon affectation »: the assignment attestation as a PDF (reportlab).

One A4 page: the student's identity, rank, the post (subdivision, specialty, k / N,
wish number), when it was assigned (local date and time), how, and the attestation
code signed by the server (`national_verify_receipt`-style checks are the agency's).
DejaVu Sans renders every French accent; it ships in `resources/fonts` (its licence
beside it), and is looked up on the system only if that copy is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

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


def write_attestation(path: Path, data: AttestationData, *, printed_at: datetime | None = None
                      ) -> Path:
    """Write the PDF to `path`; returns it."""
    regular, bold = _register_fonts()
    a = data.assignment
    page_w, page_h = A4
    pdf = Canvas(str(path), pagesize=A4)
    pdf.setTitle("Attestation d'affectation")
    pdf.setAuthor("Amphi")
    pdf.setSubject(data.campaign)
    blue = HexColor("#1d4f91")
    pdf.setFillColor(blue)
    pdf.rect(0, page_h - 32 * mm, page_w, 32 * mm, stroke=0, fill=1)
    pdf.setFillColor(HexColor("#ffffff"))
    pdf.setFont(bold, 20)
    pdf.drawString(20 * mm, page_h - 18 * mm, "Attestation d'affectation")
    pdf.setFont(regular, 11)
    pdf.drawString(20 * mm, page_h - 26 * mm, data.campaign)

    y = page_h - 50 * mm
    pdf.setFillColor(HexColor("#1b1f24"))

    def line(label: str, value: str, *, big: bool = False) -> None:
        nonlocal y
        pdf.setFont(regular, 10)
        pdf.setFillColor(HexColor("#5b6470"))
        pdf.drawString(20 * mm, y, label)
        pdf.setFillColor(HexColor("#1b1f24"))
        pdf.setFont(bold if big else regular, 15 if big else 12)
        pdf.drawString(70 * mm, y, value)
        y -= (12 if big else 9) * mm

    line("Nom", data.last_name.upper())
    line("Prénom", data.first_name)
    if data.birth_date:
        line("Né(e) le", data.birth_date)
    line("Rang de classement", str(data.rank))
    y -= 4 * mm
    line("Subdivision", a.subdivision, big=True)
    line("Spécialité", a.specialty, big=True)
    line("Poste", f"{a.k} / {a.capacity}")
    if a.wish_number is not None:
        line("Vœu", f"n° {a.wish_number}")
    line("Date et heure", local_datetime(a.assigned_at))
    line("Modalité", HOW.get(a.how, a.how))
    y -= 6 * mm
    pdf.setStrokeColor(blue)
    pdf.setLineWidth(1.2)
    pdf.roundRect(20 * mm, y - 14 * mm, page_w - 40 * mm, 22 * mm, 4 * mm, stroke=1, fill=0)
    pdf.setFont(regular, 10)
    pdf.setFillColor(HexColor("#5b6470"))
    pdf.drawString(26 * mm, y + 1 * mm, "Code d'attestation (signé par le serveur)")
    pdf.setFont(bold, 18)
    pdf.setFillColor(blue)
    pdf.drawString(26 * mm, y - 9 * mm, a.code or "—")
    y -= 26 * mm
    pdf.setFont(regular, 9)
    pdf.setFillColor(HexColor("#5b6470"))
    text = pdf.beginText(20 * mm, y)
    text.setFont(regular, 9)
    for sentence in (
            "Cette affectation est définitive. Le code ci-dessus permet à l'agence de vérifier "
            "l'authenticité",
            "de ce document ; une confirmation a également été envoyée à votre adresse "
            "électronique.",
    ):
        text.textLine(sentence)
    pdf.drawText(text)
    when = (printed_at or datetime.now().astimezone()).astimezone()
    pdf.drawString(20 * mm, 15 * mm, f"Document édité le {local_datetime(when)} par Amphi.")
    pdf.showPage()
    pdf.save()
    return path


def suggested_name(data: AttestationData) -> str:
    return f"attestation-affectation-{data.rank}.pdf"
