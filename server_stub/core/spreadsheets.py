"""Tables written for people's spreadsheets, and tables read from them.

Writing: CSV as French Excel opens it (UTF-8 with a BOM, ";" separators: French Excel
reads "," as the decimal comma) and Excel (.xlsx) in openpyxl's streaming mode, dates
shown in Paris time. A table is a sequence of `Column`s (French header, how to read a
row's value) and the rows.

Reading (the agency's imports): a CSV (`;`, `,` or tab separated; UTF-8 or Windows-1252)
or an XLSX file (first sheet); column names matched loosely (case, accents, spaces:
"Spécialité", "specialite", "SPECIALITE"); each data line keeps its line number so that
an import can report every line it rejects.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from server_stub.core.errors import ApiError
from server_stub.core.text import import_cell

Format = Literal["csv", "xlsx"]
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def paris_time(value: datetime) -> datetime:
    """A UTC time as Paris wall-clock time (EU summer time rule; needs no tz database)."""
    value = value.astimezone(UTC)
    year = value.year
    starts = datetime.combine(_last_sunday(year, 3), datetime.min.time(), UTC) + timedelta(hours=1)
    ends = datetime.combine(_last_sunday(year, 10), datetime.min.time(), UTC) + timedelta(hours=1)
    offset = 2 if starts <= value < ends else 1
    return (value + timedelta(hours=offset)).replace(tzinfo=None)


def yes_no(value: bool | None) -> str:
    return "" if value is None else "Oui" if value else "Non"


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    filename: str
    media_type: str
    rows: int


def to_csv(columns: Sequence[Column], rows: Sequence[Any]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.header for c in columns])
    for row in rows:
        values = []
        for c in columns:
            v = c.value(row)
            if isinstance(v, datetime):
                v = f"{paris_time(v):%d/%m/%Y %H:%M:%S}"
            elif v is None:
                v = ""
            values.append(v)
        writer.writerow(values)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(columns: Sequence[Column], rows: Sequence[Any], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for c in columns:
        cell = WriteOnlyCell(sheet, value=c.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        values: list[Any] = []
        for c in columns:
            v = c.value(row)
            if isinstance(v, datetime):
                cell = WriteOnlyCell(sheet, value=paris_time(v))
                cell.number_format = "DD/MM/YYYY HH:MM:SS"
                v = cell
            values.append(v)
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_file(columns: Sequence[Column], rows: Sequence[Any], fmt: Format, stem: str,
                title: str) -> ExportFile:
    """`rows` as `stem.csv` or `stem.xlsx` (its sheet named `title`)."""
    content = to_csv(columns, rows) if fmt == "csv" else to_xlsx(columns, rows, title)
    return ExportFile(content, f"{stem}.{fmt}", MEDIA_TYPES[fmt], len(rows))


# --------------------------------------------------------------------------- reading files


def column_key(header: str) -> str:
    """A header (or a value) compared loosely: no accents, case, spaces or punctuation."""
    text = unicodedata.normalize("NFKD", header)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^0-9a-z]+", "", text)


@dataclass
class Line:
    number: int  # 1-based line of the file (header = 1)
    values: dict[str, str]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def raw_rows(filename: str, content: bytes) -> Iterable[list[str]]:
    """Rows of a CSV or XLSX file as text. Raises 422 `unreadable_file`."""
    if content[:4] == b"\xd0\xcf\x11\xe0" or filename.lower().endswith(".xls"):
        raise ApiError(422, "unreadable_file",
                       "Ancien format Excel (.xls) non pris en charge : enregistrez le fichier "
                       "au format .xlsx ou .csv.", field="file")
    if content[:2] == b"PK" or filename.lower().endswith((".xlsx", ".xlsm")):
        try:
            from openpyxl import load_workbook

            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            sheet = book.worksheets[0]
            return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise ApiError(422, "unreadable_file",
                           "Fichier Excel illisible : enregistrez-le au format .xlsx ou .csv.",
                           field="file") from exc
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ApiError(422, "unreadable_file",
                       "Fichier illisible : attendu un fichier CSV (texte) ou XLSX.",
                       field="file")
    first = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    delimiter = max(";,\t", key=first.count)
    try:
        # newline="": a bare CR ends a line too (old Mac exports), as the csv module expects.
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:  # e.g. a cell over the csv module's field size limit
        raise ApiError(422, "unreadable_file",
                       "Fichier CSV illisible : enregistrez-le de nouveau au format .csv ou "
                       ".xlsx.", field="file") from exc


def read_table(filename: str, content: bytes, columns: Mapping[str, set[str]],
               required: tuple[str, ...], labels: Mapping[str, str],
               max_lines: int) -> list[Line]:
    """Data lines keyed by our column names (`columns`: ours → accepted headers).

    Raises 422 `empty_file`, `missing_column` (naming the columns with `labels`),
    `too_many_lines`, `unreadable_file`, `forbidden_character`.
    """
    rows = iter(raw_rows(filename, content))
    header = next(rows, None)
    if header is None or not any(h.strip() for h in header):
        raise ApiError(422, "empty_file", "Le fichier est vide.", field="file")
    mapping: dict[int, str] = {}
    for i, name in enumerate(header):
        k = column_key(name)
        for ours, aliases in columns.items():
            if k in {column_key(a) for a in aliases} and ours not in mapping.values():
                mapping[i] = ours
    missing = [c for c in required if c not in mapping.values()]
    if missing:
        names = ", ".join(f"« {labels.get(c, c)} »" for c in missing)
        raise ApiError(422, "missing_column",
                       f"Colonne(s) obligatoire(s) absente(s) de la première ligne : {names}.",
                       field="file")
    lines: list[Line] = []
    for number, row in enumerate(rows, start=2):
        if not any(v.strip() for v in row):
            continue
        if len(lines) >= max_lines:
            raise ApiError(422, "too_many_lines",
                           f"Le fichier dépasse {max_lines} lignes.", field="file")
        values = {ours: import_cell(row[i] if i < len(row) else "", number,
                                    labels.get(ours, ours))
                  for i, ours in mapping.items()}
        lines.append(Line(number, values))
    return lines


def cell_int(value: str) -> int | None:
    """A whole number written in a cell ("1 200" too); None when it is not one."""
    text = value.replace(" ", "").replace("\u00a0", "")
    return int(text) if re.fullmatch(r"\d{1,9}", text) else None


def cell_date(value: str) -> date | None:
    """A date written in a cell (AAAA-MM-JJ, JJ/MM/AAAA, JJ-MM-AAAA, JJ.MM.AAAA)."""
    text = value.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
