"""Where the bundled resources (icons, style sheet) are, from source or frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`, from a source checkout or a PyInstaller bundle.

    A frozen build unpacks its data under `sys._MEIPASS` (the installer puts
    `resources/` there); from source it is the repository's `resources/` folder.
    The path is returned whether or not the file exists: callers decide what to do.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base.joinpath("resources", *parts)
