"""The user guide: one French HTML page shipped under `resources/guide/`.

`guide_url()` points at the bundled file (source checkout or frozen build, see
`desktop.resources.resource_path`); `open_guide()` opens it in the user's browser,
so it reads well and prints without Amphi. `show_guide()` does that and, when the
system has no browser launcher (nothing would open, silently), shows the same page
inside Amphi (`GuideDialog`, a QTextBrowser).
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.resources import resource_path

GUIDE_FILE = ("guide", "guide.html")


def guide_url(anchor: str = "") -> QUrl:
    """The guide as a `file://` URL, optionally at a section (`#anchor` without the #)."""
    url = QUrl.fromLocalFile(str(resource_path(*GUIDE_FILE)))
    if anchor:
        url.setFragment(anchor)
    return url


def open_guide(anchor: str = "") -> bool:
    """Open the guide in the default browser; False if the system could not."""
    return QDesktopServices.openUrl(guide_url(anchor))


class GuideDialog(QDialog):
    """The guide inside Amphi: its table of contents and internal links work, links to
    elsewhere go to the system."""

    def __init__(self, anchor: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Guide d'utilisation d'Amphi"))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(guide_url())
        if anchor:
            self.browser.scrollToAnchor(anchor)
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_guide(parent: QWidget | None = None, anchor: str = "") -> GuideDialog | None:
    """The guide in the browser, else inside Amphi (the dialog shown, not modal)."""
    if open_guide(anchor):
        return None
    existing = parent.findChild(GuideDialog) if parent is not None else None
    dialog = existing if isinstance(existing, GuideDialog) else GuideDialog(anchor, parent)
    if anchor:
        dialog.browser.scrollToAnchor(anchor)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
