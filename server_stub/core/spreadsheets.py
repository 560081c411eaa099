"""Tables written for people's spreadsheets: CSV as French Excel opens it, and Excel (.xlsx).

CSV is UTF-8 with a BOM and ";" separators (French Excel reads "," as the decimal comma);
Excel files are written in openpyxl's streaming mode, dates shown in Paris time. A table
is a sequence of `Column`s (French header, how to read a row's value) and the rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

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
