"""Render `resources/icons/amphi.svg` to the icons the platforms want.

Writes `build/icons/`: PNGs (16…512, for the Linux .desktop entry and the AppImage),
`amphi.ico` (Windows, several sizes in one file) and `amphi.icns` (macOS). Qt renders
the SVG (QtSvg, in PySide6-Essentials); Pillow packs the .ico and .icns.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "amphi.svg"))
    if not renderer.isValid():
        raise SystemExit("resources/icons/amphi.svg cannot be read")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"amphi-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"cannot write {path}")
        written.append(path)
    del app
    return written


def pack(out_dir: Path) -> None:
    from PIL import Image

    biggest = Image.open(out_dir / "amphi-512.png")
    biggest.save(out_dir / "amphi.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    biggest.save(out_dir / "amphi.icns")


def main() -> int:
    out_dir = ROOT / "build" / "icons"
    render(out_dir)
    pack(out_dir)
    print(f"icons written to {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
