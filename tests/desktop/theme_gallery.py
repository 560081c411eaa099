"""Every kind of widget the screens use, styled as Amphi styles them (not a test: run it).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.desktop.theme_gallery [FILE.png]

`build_gallery()` is also what `tests/desktop/test_theme.py` measures (spin box arrows).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QStringListModel, Qt, QTime
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTimeEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.columns import install_fitting
from desktop.ui.widgets import Banner, Card, link_button, primary_button, styled_label


def build_gallery() -> QWidget:
    """One 1280×720 window with each widget type, in its normal, focused-looking,
    invalid and disabled states where the style sheet distinguishes them."""
    window = QWidget()
    window.setObjectName("themeGallery")
    window.setWindowTitle("Amphi — galerie des widgets")
    window.resize(1280, 720)
    outer = QVBoxLayout(window)
    outer.addWidget(styled_label("Galerie des widgets", "title"))
    outer.addWidget(styled_label("Chaque type de widget avec le thème d'Amphi.", "subtitle"))
    banners = QHBoxLayout()
    for kind in ("info", "success", "warning", "error"):
        banner = Banner(window)
        banner.show_message(f"Bandeau « {kind} »", kind)
        banners.addWidget(banner)
    outer.addLayout(banners)
    grid = QGridLayout()
    outer.addLayout(grid, 1)

    inputs = Card("Saisie", window)
    form = QGridLayout()
    inputs.body.addLayout(form)
    line = QLineEdit("Texte saisi")
    invalid = QLineEdit("adresse@invalide")
    invalid.setProperty("invalid", True)
    disabled = QLineEdit("Désactivé")
    disabled.setEnabled(False)
    spin = QSpinBox()
    spin.setObjectName("gallerySpin")
    spin.setRange(1, 500)
    spin.setValue(127)
    spin_off = QSpinBox()
    spin_off.setValue(3)
    spin_off.setEnabled(False)
    double = QDoubleSpinBox()
    double.setValue(7.58)
    date = QDateEdit(QDate(2026, 11, 30))
    stamp = QDateTimeEdit(QDateTime(QDate(2026, 11, 30), QTime(8, 0)))
    popup = QDateTimeEdit(QDateTime(QDate(2026, 12, 1), QTime(13, 0)))
    popup.setCalendarPopup(True)
    time = QTimeEdit(QTime(9, 30))
    combo = QComboBox()
    combo.addItems(["Phase socle", "Phase d'approfondissement"])
    combo_off = QComboBox()
    combo_off.addItem("Désactivé")
    combo_off.setEnabled(False)
    editable = QComboBox()
    editable.setEditable(True)
    editable.addItems(["Lyon", "Grenoble"])
    rows = [("Ligne", line), ("Invalide", invalid), ("Désactivée", disabled),
            ("Nombre", spin), ("Nombre (désactivé)", spin_off), ("Décimal", double),
            ("Date", date), ("Date et heure", stamp), ("Avec calendrier", popup),
            ("Heure", time), ("Liste", combo), ("Liste (désactivée)", combo_off),
            ("Liste modifiable", editable)]
    for row, (label, widget) in enumerate(rows):
        form.addWidget(QLabel(label), row % 7, (row // 7) * 2)
        form.addWidget(widget, row % 7, (row // 7) * 2 + 1)
    inputs.body.addStretch(1)
    grid.addWidget(inputs, 0, 0, 2, 1)

    buttons = Card("Boutons et cases", window)
    row1 = QHBoxLayout()
    row1.addWidget(QPushButton("Normal"))
    row1.addWidget(primary_button("Principal"))
    off = QPushButton("Désactivé")
    off.setEnabled(False)
    row1.addWidget(off)
    danger = QPushButton("Danger")
    danger.setProperty("variant", "danger")
    row1.addWidget(danger)
    row1.addWidget(link_button("Lien"))
    tool = QToolButton()
    tool.setText("Menu")
    tool.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(tool)
    menu.addAction("Action")
    tool.setMenu(menu)
    row1.addWidget(tool)
    buttons.body.addLayout(row1)
    row2 = QHBoxLayout()
    checked = QCheckBox("Cochée")
    checked.setChecked(True)
    row2.addWidget(checked)
    row2.addWidget(QCheckBox("Non cochée"))
    check_off = QCheckBox("Désactivée")
    check_off.setEnabled(False)
    row2.addWidget(check_off)
    radio = QRadioButton("Tous")
    radio.setChecked(True)
    row2.addWidget(radio)
    row2.addWidget(QRadioButton("Non pourvus"))
    buttons.body.addLayout(row2)
    row3 = QHBoxLayout()
    progress = QProgressBar()
    progress.setTextVisible(False)
    progress.setValue(40)
    row3.addWidget(progress)
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setValue(60)
    row3.addWidget(slider)
    buttons.body.addLayout(row3)
    group = QGroupBox("Groupe")
    QVBoxLayout(group).addWidget(QLabel("Un texte dans un groupe"))
    buttons.body.addWidget(group)
    grid.addWidget(buttons, 0, 1)

    views = QTabWidget(window)
    table = QTableView()
    model = QStandardItemModel(12, 4, table)
    model.setHorizontalHeaderLabels(["N° poste", "Établissement", "Service", "État"])
    for r in range(12):
        for c, text in enumerate((str(2001 + r), "CHU de Lyon — Édouard-Herriot",
                                  "Cardiologie", "Libre" if r % 3 else "Pourvu")):
            model.setItem(r, c, QStandardItem(text))
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(True)
    install_fitting(table)
    views.addTab(table, "Tableau")
    tree = QTreeView()
    tree_model = QStandardItemModel(tree)
    tree_model.setHorizontalHeaderLabels(["Service / poste", "Postes"])
    parent = QStandardItem("Cardiologie")
    parent.appendRow([QStandardItem("Poste 2001"), QStandardItem("Libre")])
    tree_model.appendRow([parent, QStandardItem("1 poste - 1 disponible")])
    tree.setModel(tree_model)
    tree.expandAll()
    views.addTab(tree, "Arbre")
    listing = QListView()
    listing.setModel(QStringListModel(["Mon profil", "Amphithéâtre"], listing))
    views.addTab(listing, "Liste")
    text = QPlainTextEdit("Texte libre sur plusieurs lignes")
    views.addTab(text, "Texte")
    browser = QTextBrowser()
    browser.setHtml("<h3>Guide</h3><p>Un texte <a href='#x'>avec un lien</a>.</p>")
    views.addTab(browser, "Navigateur")
    grid.addWidget(views, 1, 1)
    return window


def main() -> None:
    from desktop.app import configure_application

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-ui/gallery.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    configure_application(app)
    window = build_gallery()
    window.show()
    for _ in range(5):
        app.processEvents()
    spin = window.findChild(QSpinBox, "gallerySpin")
    assert spin is not None
    window.grab().save(str(out))
    print(out)


if __name__ == "__main__":
    main()
