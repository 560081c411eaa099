"""Pack `dist/amphi` as a tarball users unpack anywhere, with an install script.

`dist/amphi-<version>-linux-<arch>.tar.gz` holds `amphi/` (the one-folder build),
`amphi.desktop`, the icons, and `install.sh`, which links the launcher and icon into
the user's `~/.local` (no root needed): the application then shows in the menu.
"""

from __future__ import annotations

import platform
import shutil
import tarfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALL_SH = """#!/bin/sh
# Install Amphi for this user: menu entry and icon in ~/.local (no root needed).
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$HOME/.local/bin" "$DATA/applications" "$DATA/icons/hicolor/256x256/apps"
ln -sf "$HERE/amphi/amphi" "$HOME/.local/bin/amphi"
cp "$HERE/icons/amphi-256.png" "$DATA/icons/hicolor/256x256/apps/amphi.png"
sed "s|^Exec=amphi|Exec=$HERE/amphi/amphi|" "$HERE/amphi.desktop" \\
    > "$DATA/applications/amphi.desktop"
if command -v update-desktop-database >/dev/null; then
    update-desktop-database "$DATA/applications" || true
fi
echo "Amphi est installé : menu Bureautique, ou la commande « amphi »."
"""


def main() -> int:
    build = ROOT / "dist" / "amphi"
    if not build.is_dir():
        raise SystemExit("no dist/amphi: run `make installer` first")
    name = f"amphi-{version('amphi')}-linux-{platform.machine()}"
    stage = ROOT / "build" / name
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    shutil.copytree(build, stage / "amphi", symlinks=True)
    shutil.copy(ROOT / "installer" / "amphi.desktop", stage / "amphi.desktop")
    shutil.copytree(ROOT / "build" / "icons", stage / "icons")
    script = stage / "install.sh"
    script.write_text(INSTALL_SH, encoding="utf-8")
    script.chmod(0o755)
    archive = ROOT / "dist" / f"{name}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(stage, arcname=name)
    print(f"{archive} ({archive.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
