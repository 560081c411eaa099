"""`amphi --self-test`: prove a build works end to end, then exit 0 (or 1, saying why).

It starts the bundled demo server in a temporary data folder, signs in to the demo as
the student, renders the main window to a PNG and writes one attestation PDF — the
parts a broken build (missing module, resource, font or Qt plugin) would fail on.
`make installer` runs it on the frozen binary so a broken build is never shipped.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.api.national import Assignment
from desktop.attestation import AttestationData, write_attestation

if TYPE_CHECKING:
    from desktop.app import AmphiApp

log = logging.getLogger(__name__)

MIN_PNG_BYTES = 10_000  # a blank or failed grab is far smaller
MIN_PDF_BYTES = 5_000  # a PDF with its embedded font is far larger


def sample_attestation() -> AttestationData:
    """A fixed attestation: accents, a long specialty, a code — what a real one has."""
    return AttestationData(
        last_name="Lefèvre", first_name="Camille", birth_date="14/03/2000", rank=1234,
        campaign="EDN 2026 — auto-test d'Amphi",
        assignment=Assignment(cell_id=1, subdivision="CLERMONT-FERRAND",
                              specialty="Chirurgie orthopédique et traumatologique",
                              wish_number=3, k=2, capacity=5,
                              assigned_at=datetime(2026, 9, 14, 7, 32, tzinfo=UTC),
                              how="validated", code="0000-SELF-TEST"))


def _check_file(path: Path, header: bytes, minimum: int) -> str | None:
    """None when `path` looks like a real file of its kind, else what is wrong."""
    if not path.exists():
        return f"{path.name} was not written"
    data = path.read_bytes()
    if not data.startswith(header):
        return f"{path.name} is not a {header!r} file"
    if len(data) < minimum:
        return f"{path.name} is too small ({len(data)} bytes)"
    return None


async def run_self_test(app: AmphiApp, out_dir: Path) -> int:
    """Run the checks on a started-from-nothing `AmphiApp` (demo options); exit status."""
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    await app.start()
    window = app.main_window
    if window is None or app.account.profile is None:
        print("self-test FAILED: could not start the demo server and sign in "
              f"(see {app.demo_server.log_path if app.demo_server else 'the log'})")
        return 1
    signed_in = time.perf_counter() - started
    screen = out_dir / "self-test-window.png"
    await app.take_screenshot(screen)
    pdf = out_dir / "self-test-attestation.pdf"
    write_attestation(pdf, sample_attestation())
    problems = [p for p in (_check_file(screen, b"\x89PNG", MIN_PNG_BYTES),
                            _check_file(pdf, b"%PDF", MIN_PDF_BYTES)) if p]
    if problems:
        print("self-test FAILED: " + "; ".join(problems))
        return 1
    print(f"self-test OK: demo server started and signed in as "
          f"{app.account.profile.email} in {signed_in:.1f} s; "
          f"window {screen} ({screen.stat().st_size:,} bytes); "
          f"attestation {pdf} ({pdf.stat().st_size:,} bytes); "
          f"pages: {', '.join(window.visible_pages())}")
    return 0
