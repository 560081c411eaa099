"""The agency's set-up tables of a matching campaign: an import's rejected lines, the
posts to validate (« validé par l'ARS »), the coordinators and supervisors.

Built on the dashboards' `RowsModel` (column list, `SortRole`, `ItemRole`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from desktop.api.matching import Member, Post, RejectedLine
from desktop.models import QT_TRANSLATE_NOOP
from desktop.models.matching_dashboards import RowsModel, _date, fold, natural


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatchingSetupModels", text)


# Column titles: `RowsModel.headerData` translates them in the `RowsModel` context.
ROWS = "RowsModel"


class RejectedLinesModel(RowsModel[RejectedLine]):
    """Every line an import refused, with the server's French reason."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP(ROWS, "Ligne"), lambda r: str(r.line), lambda r: r.line),
        (QT_TRANSLATE_NOOP(ROWS, "Motif du rejet"), lambda r: r.reason, lambda r: fold(r.reason)),
    )

    def extra(self, row: RejectedLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _supervisor(p: Post) -> str:
    s = p.supervisor
    return f"{s.last_name.upper()} {s.first_name}" if s else "—"


def _type(p: Post) -> str:
    if p.post_type == "simple" or p.second_supervisor is None:
        return p.post_type
    s = p.second_supervisor
    return f"{p.post_type} ({s.last_name.upper()} {s.first_name})"


COL_V_NUMBER, COL_V_LABEL, COL_V_ESTABLISHMENT, COL_V_SPECIALTY, COL_V_SUBDIVISION, \
    COL_V_SUPERVISOR, COL_V_TYPE, COL_V_DURATION, COL_V_PLACES, COL_V_VALIDATED = range(10)


class SetupPostsModel(RowsModel[Post]):
    """The campaign's posts as the agency checks them before validating them."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP(ROWS, "N°"), lambda p: p.number, lambda p: natural(p.number)),
        (QT_TRANSLATE_NOOP(ROWS, "Libellé"), lambda p: p.label, lambda p: fold(p.label)),
        (QT_TRANSLATE_NOOP(ROWS, "Établissement"),
         lambda p: p.establishment, lambda p: fold(p.establishment)),
        (QT_TRANSLATE_NOOP(ROWS, "Spécialité"), lambda p: p.specialty, lambda p: fold(p.specialty)),
        (QT_TRANSLATE_NOOP(ROWS, "Subdivision"),
         lambda p: p.subdivision, lambda p: fold(p.subdivision)),
        (QT_TRANSLATE_NOOP(ROWS, "RTS"), _supervisor, lambda p: fold(_supervisor(p))),
        (QT_TRANSLATE_NOOP(ROWS, "Type"), _type, lambda p: p.post_type),
        (QT_TRANSLATE_NOOP(ROWS, "Durée"), lambda p: _tr("{n} mois").format(n=p.duration_months),
         lambda p: p.duration_months),
        (QT_TRANSLATE_NOOP(ROWS, "Places"), lambda p: str(p.places), lambda p: p.places),
        (QT_TRANSLATE_NOOP(ROWS, "Validé par l'ARS"),
         lambda p: _tr("Oui") if p.validated else _tr("Non"),
         lambda p: int(p.validated)),
    )

    def replace(self, post: Post) -> None:
        """Show `post` as the server now has it (after a validation)."""
        for i, row in enumerate(self.rows):
            if row.id == post.id:
                self.rows[i] = post
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
                return

    def extra(self, row: Post, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_V_VALIDATED:
            return QColor("#15803d") if row.validated else QColor("#b91c1c")
        return None


ROLE_NAMES = {"coordinator": "Coordonnateur", "supervisor": "RTS"}


def _member_name(m: Member) -> str:
    return f"{m.last_name.upper()} {m.first_name}"


class MembersModel(RowsModel[Member]):
    """The campaign's coordinators and supervisors, and whether they came."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP(ROWS, "Nom"), _member_name, lambda m: fold(_member_name(m))),
        (QT_TRANSLATE_NOOP(ROWS, "Rôle"),
         lambda m: _tr(ROLE_NAMES.get(m.role, m.role)), lambda m: m.role),
        (QT_TRANSLATE_NOOP(ROWS, "Adresse électronique"),
         lambda m: m.email or "—", lambda m: m.email or ""),
        (QT_TRANSLATE_NOOP(ROWS, "Postes"),
         lambda m: str(m.posts) if m.role == "supervisor" else "—",
         lambda m: m.posts),
        (QT_TRANSLATE_NOOP(ROWS, "Dernière connexion"),
         lambda m: _date(m.last_seen_at) if m.last_seen_at else _tr("jamais (invité)"),
         lambda m: m.last_seen_at.timestamp() if m.last_seen_at else 0),
    )

