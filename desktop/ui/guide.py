"""The user guide: one French HTML page shipped under `resources/guide/`.

`guide_url()` points at the bundled file (source checkout or frozen build, see
`desktop.resources.resource_path`); `open_guide()` opens it in the user's browser,
so it reads well and prints without Amphi.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

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
