"""PDF documents of the amphitheatre choice (reportlab): the call list and the attestation.

Built in memory and returned as bytes; standard PDF fonts (their encoding covers French).
"""

from __future__ import annotations

import io
from datetime import datetime
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from server_stub.amphi.schemas import AmphiPublic, AttestationPublic, CallListEntry

try:
    PARIS: ZoneInfo | None = ZoneInfo("Europe/Paris")
except Exception:  # no time-zone database on this machine: show UTC
    PARIS = None


def local(value: datetime) -> str:
    """A time as French readers expect it (Paris time when known)."""
    if PARIS is not None:
        return value.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y %H:%M UTC")


def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    base = getSampleStyleSheet()
    title = ParagraphStyle("title", parent=base["Title"], fontSize=15, spaceAfter=4)
    normal = ParagraphStyle("normal", parent=base["Normal"], fontSize=10, leading=13)
    small = ParagraphStyle("small", parent=base["Normal"], fontSize=7.5, leading=9)
    head = ParagraphStyle("head", parent=small, fontName="Helvetica-Bold",
                          textColor=colors.white)
    return title, normal, small, head


def _footer(label: str):  # type: ignore[no-untyped-def]
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(doc.leftMargin, 8 * mm, label)
        canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 8 * mm,
                               f"Page {canvas.getPageNumber()}")
        canvas.restoreState()
    return draw


def call_list_pdf(amphi: AmphiPublic, entries: list[CallListEntry], printed_at: datetime) -> bytes:
    """The call list as staff print it: one row per intern, in call order."""
    title, normal, small, head = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=10 * mm,
                            rightMargin=10 * mm, topMargin=12 * mm, bottomMargin=14 * mm,
                            title=f"Liste d'appel — {amphi.name}", author="Amphi")
    story: list[Flowable] = [
        Paragraph(escape(f"Liste d'appel — {amphi.name}"), title),
        Paragraph(escape(f"{amphi.phase_label} · {amphi.specialty_group} · semestre "
                         f"{amphi.semester} · {len(entries)} internes · état : "
                         f"{amphi.state} · éditée le {local(printed_at)}"), normal),
        Spacer(1, 4 * mm),
    ]
    headers = ["Rang appel", "Identité", "DES", "Ancien-neté", "Promo", "Effectif promo local",
               "Rang local", "Promo théo-rique", "Effectif promo théo-rique", "Rang actua-lisé",
               "Type de choix", "Absence prévue", "Ses-sion"]
    data: list[list[object]] = [[Paragraph(escape(h), head) for h in headers]]
    for e in entries:
        cells = [str(e.call_rank), f"{e.last_name.upper()} {e.first_name}",
                 f"{e.des} — {e.des_label}", str(e.seniority), str(e.cohort),
                 str(e.local_cohort_size), str(e.local_rank), str(e.theoretical_cohort),
                 str(e.theoretical_cohort_size), e.updated_rank_display.replace(".", ","),
                 e.choice_type, "Oui" if e.planned_absence else "", str(e.session_no or "")]
        data.append([Paragraph(escape(c), small) for c in cells])
    widths = [14, 52, 62, 13, 13, 16, 13, 15, 16, 16, 27, 14, 10]
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1e3a8a")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#9ca3af")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#eef2ff")]),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    story.append(table)
    label = f"Amphi — liste d'appel {amphi.name} — {local(printed_at)}"
    doc.build(story, onFirstPage=_footer(label), onLaterPages=_footer(label))
    return buffer.getvalue()


def attestation_pdf(intern_name: str, birth: str | None, attestation: AttestationPublic,
                    printed_at: datetime) -> bytes:
    """The assignment attestation of one semester (« attestation d'affectation »)."""
    title, normal, _small, _head = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=25 * mm, bottomMargin=20 * mm,
                            title=f"Attestation d'affectation — {attestation.semester}",
                            author="Amphi")
    post = attestation.post
    who = intern_name + (f", né(e) le {birth}" if birth else "")
    rows = [
        ("Semestre", attestation.semester),
        ("Amphithéâtre", attestation.amphi_name),
        ("Établissement", post.establishment),
        ("Service", post.service),
        ("Chef de service", post.head),
        ("N° de poste", post.number + (" — Réservé" if post.reserved else "")),
        ("DES du poste", post.des),
        ("Type de poste", post.post_type),
        ("Fléchage", post.earmark or "—"),
        ("Type de choix", attestation.choice_type),
        ("Choix validé le", local(attestation.chosen_at)),
    ]
    table = Table([[Paragraph(f"<b>{escape(k)}</b>", normal), Paragraph(escape(v), normal)]
                   for k, v in rows], colWidths=[45 * mm, 120 * mm])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#9ca3af")),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2ff")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story = [
        Paragraph("Attestation d'affectation", title),
        Spacer(1, 6 * mm),
        Paragraph(escape(f"L'agence atteste que {who} a choisi, lors du choix de stage en "
                         f"amphithéâtre du semestre {attestation.semester}, le poste "
                         "suivant :"), normal),
        Spacer(1, 5 * mm),
        table,
        Spacer(1, 8 * mm),
        Paragraph("Tout choix validé est définitif.", normal),
    ]
    label = f"Amphi — attestation éditée le {local(printed_at)}"
    doc.build(story, onFirstPage=_footer(label), onLaterPages=_footer(label))
    return buffer.getvalue()
