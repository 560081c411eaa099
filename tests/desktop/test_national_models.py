"""The national item models pass the model tester; the wish model moves rows the KDAB way
(one `move_requested` per move, pages included); the offline draft follows the server's
edit rules; the attestation prints French accents."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiError
from desktop.api.national import (
    Assignment,
    AvailabilityRow,
    Holder,
    ListingRow,
    RankLimit,
    Receipt,
    RejectedLine,
)
from desktop.attestation import AttestationData, write_attestation
from desktop.models import ItemRole, SortRole
from desktop.models.national_tables import (
    RecordModel,
    availability_columns,
    holder_columns,
    listing_columns,
    rank_limit_columns,
    receipt_columns,
    rejected_columns,
    sort_proxy,
)
from desktop.models.national_wishes import COL_NUMBER, COL_STATUS, WishModel, WishRow
from desktop.sync.national import apply_edit
from desktop.ui.national.wishes_view import WishTable
from tests.conftest import TEST_EPOCH

NOW = TEST_EPOCH


def rows(n: int) -> list[WishRow]:
    return [WishRow(i, 100 + i, f"SUB{i}", "Pédiatrie", 3, "épuisé / 3" if i % 2 else
                    f"{i} / 3", satisfied=i == 2, exhausted=bool(i % 2)) for i in range(1, n + 1)]


def test_wish_model(qtmodeltester: ModelTester) -> None:
    model = WishModel()
    qtmodeltester.check(model)
    model.set_rows(rows(45))
    qtmodeltester.check(model)
    assert model.rowCount() == 20 and model.page_count() == 3
    assert model.data(model.index(1, COL_STATUS)) == "2 / 3 — réalisable"
    assert model.data(model.index(0, COL_STATUS)) == "épuisé / 3"
    assert model.data(model.index(0, 0), ItemRole).cell_id == 101
    assert model.data(model.index(3, 1), SortRole) == "sub4"
    model.set_page(2)
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    model.set_rows(rows(5), editable=False)
    qtmodeltester.check(model)
    assert not model.flags(model.index(0, COL_NUMBER)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled


def test_moves_ask_the_data_layer_once_with_whole_list_positions(qtbot: QtBot) -> None:
    model = WishModel()
    model.set_rows(rows(45))
    model.set_page(1)  # wishes 21..40
    asked: list[tuple[int, int]] = []
    model.move_requested.connect(lambda cell, pos: asked.append((cell, pos)))
    with qtbot.waitSignals([model.rowsAboutToBeMoved, model.rowsMoved]):
        assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)  # 21 → after 23
    assert asked == [(121, 23)]
    assert [r.cell_id for r in model.rows()[20:24]] == [122, 123, 121, 124]
    assert [r.number for r in model.rows()[20:24]] == [21, 22, 23, 24]
    # No-op moves and drops onto a row are refused, without asking anything.
    assert not model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 3)
    mime = model.mimeData([model.index(0, 0)])
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(1, 0))
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex()) is False
    assert asked == [(121, 23)]
    # Typed number: clamped to the list.
    model.setData(model.index(0, COL_NUMBER), "999")
    assert asked[-1] == (122, 45)
    model.setData(model.index(0, COL_NUMBER), "abc")
    assert len(asked) == 2


def test_the_wish_table_drags_between_rows_only_and_moves_with_the_keyboard(
        qtbot: QtBot) -> None:
    table = WishTable()
    qtbot.addWidget(table)
    model = WishModel()
    table.setModel(model)
    model.set_rows(rows(4))
    assert table.dragDropMode() == table.DragDropMode.InternalMove
    assert not table.dragDropOverwriteMode() and not table.isSortingEnabled()
    asked: list[tuple[int, int]] = []
    model.move_requested.connect(lambda cell, pos: asked.append((cell, pos)))
    table.show()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert asked == [(102, 3), (102, 2)]  # the selection follows the moved wish
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # already first
    assert len(asked) == 2


@pytest.mark.parametrize(("columns", "row"), [
    (availability_columns(), AvailabilityRow(cell_id=1, subdivision="LYON", specialty="Pédiatrie",
                                             capacity=4, remaining=0)),
    (rank_limit_columns(), RankLimit(cell_id=1, subdivision="LYON", specialty="Pédiatrie",
                                     capacity=4, taken=3, first_rank=12, last_rank=None)),
    (listing_columns(), ListingRow(position=7, rank=345, demoted_behind=501, pool="general",
                                   passing=7, absent=True, outcome=None, state="simulated",
                                   cell_id=1, subdivision="LYON", specialty="Pédiatrie",
                                   wish_number=2)),
    (holder_columns(), Holder(n=1, state="simulated", label="simulé", rank=345, demoted_behind=501,
                              wish_number=2)),
    (receipt_columns(), Receipt(campaign_id=1, candidate_id=2, version=3, at=NOW, cells=(1, 2),
                                digest="d", signature="s", code="C4EA-2720-A464")),
    (rejected_columns(), RejectedLine(line=3, reason="Nombre de postes invalide")),
])
def test_record_models(qtmodeltester: ModelTester, columns: list, row: object) -> None:
    model = RecordModel(columns)
    qtmodeltester.check(model)
    model.set_rows([row, row])
    qtmodeltester.check(model)
    proxy = sort_proxy(model)
    proxy.sort(0)
    assert proxy.rowCount() == 2
    assert model.data(model.index(0, 0), ItemRole) is row
    assert all(model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(columns)))


def test_demoted_rank_and_absent_state_read_like_the_seed() -> None:
    model = RecordModel(listing_columns())
    model.set_rows([ListingRow(position=7, rank=345, demoted_behind=501, pool="general", passing=7,
                               absent=True, outcome=None, state="simulated", cell_id=1,
                               subdivision="LYON", specialty="Pédiatrie", wish_number=2)])
    texts = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert texts[1] == "501 (345)" and texts[-1] == "simulé — absent"


def test_ranks_group_their_thousands_and_are_found_as_typed() -> None:
    """« 3 674 » in French (« 3,674 » in English) as everywhere else in the interface;
    the filter finds it from « 3674 » as much as from « 3 674 »."""
    previous = QLocale()
    try:
        for locale, shown in ((QLocale(QLocale.Language.French, QLocale.Country.France),
                               "3\u202f674"),
                              (QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
                               "3,674")):
            QLocale.setDefault(locale)
            model = RecordModel(listing_columns())
            model.set_rows([ListingRow(position=3674, rank=3674, demoted_behind=None,
                                       pool="general", passing=3674, absent=False,
                                       outcome=None, state="simulated", cell_id=1,
                                       subdivision="LYON", specialty="Pédiatrie",
                                       wish_number=12)])
            assert model.data(model.index(0, 1)) == shown
            proxy = sort_proxy(model)
            for typed, found in (("3674", 1), (shown, 1), ("3675", 0), ("LYON", 1)):
                proxy.setFilterFixedString(typed)
                assert proxy.rowCount() == found, (typed, shown)
    finally:
        QLocale.setDefault(previous)


@given(st.lists(st.integers(1, 30), unique=True, max_size=12), st.data())
def test_offline_edits_follow_the_server_rules(cells: list[int], data: st.DataObject) -> None:
    new = data.draw(st.integers(31, 40))
    position = data.draw(st.none() | st.integers(-3, 20))
    added = apply_edit(cells, "add", new, position)
    assert sorted(added) == sorted([*cells, new]) and len(set(added)) == len(added)
    if position is None or position > len(cells):
        assert added[-1] == new
    elif position >= 1:
        assert added[position - 1] == new
    if cells:
        moved = data.draw(st.sampled_from(cells))
        target = data.draw(st.integers(1, len(cells)))
        after = apply_edit(cells, "move", moved, target)
        assert after[target - 1] == moved and sorted(after) == sorted(cells)
        assert moved not in apply_edit(cells, "delete", moved, None)
        with pytest.raises(ApiError):
            apply_edit(cells, "add", moved, None)


def test_the_attestation_prints_french_accents(tmp_path: Path) -> None:
    assignment = Assignment(cell_id=7, subdivision="ÎLE-DE-FRANCE",
                            specialty="Spécialité chirurgicale : Chirurgie générale",
                            wish_number=1, k=1, capacity=60, assigned_at=NOW, how="validated",
                            code="C4EA-2720-A464")
    data = AttestationData("Lefèvre", "Zoé", "14/03/2000", 4246, "EDN 2026", assignment)
    pdf = write_attestation(tmp_path / "a.pdf", data, printed_at=NOW)
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    for expected in ("LEFÈVRE", "Zoé", "ÎLE-DE-FRANCE", "Spécialité chirurgicale", "4246",
                     "C4EA-2720-A464", "Vœu", "choix validé par l'étudiant"):
        assert expected in text, (expected, text)
