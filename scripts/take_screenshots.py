"""Screenshots of the real application for the documentation, taken under a virtual X server.

Runs the app on a temporary database (the bundled example proposal is opened, as on a first
start) with the xcb platform plugin, and saves ``library.png`` and one PNG per section
(``general.png``, ``certified.png``, ...) into ``docs/screenshots/`` (or the folder given
as the first argument)::

    python scripts/take_screenshots.py            # re-runs itself under xvfb-run if needed
    xvfb-run -a -s "-screen 0 1400x900x24" python scripts/take_screenshots.py

Your own proposals and settings are never touched: data and settings folders are temporary.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

SCREEN = "1400x900x24"
WIDTH, HEIGHT = 1400, 900
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def _under_xvfb() -> None:
    """Re-run this script inside ``xvfb-run`` when there is no X display."""
    if os.environ.get("DISPLAY"):
        return
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        sys.exit("No X display and no xvfb-run: install the xvfb package.")
    os.execv(xvfb, [xvfb, "-a", "-s", f"-screen 0 {SCREEN}", sys.executable, *sys.argv])


def _private_folders() -> Path:
    scratch = Path(tempfile.mkdtemp(prefix="mcd-shots-"))
    for name in ("data", "config", "cache", "runtime"):
        (scratch / name).mkdir(mode=0o700)
    os.environ["XDG_DATA_HOME"] = str(scratch / "data")
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ["XDG_CACHE_HOME"] = str(scratch / "cache")
    os.environ["XDG_RUNTIME_DIR"] = str(scratch / "runtime")
    os.environ.pop("MCDESIGNER_DB", None)
    os.environ.pop("MCDESIGNER_CONFIG", None)
    return scratch


def _add_other_proposals(store: object) -> None:
    """Two more drafts, so the library looks like one in use."""
    from mcdesigner.model.proposal import Proposal
    from mcdesigner.ui.completeness import record_completeness

    for title, status in (
        ("Data literacy for doctoral researchers", "draft"),
        ("Sustainable campus operations", "submitted"),
    ):
        proposal = Proposal()
        proposal.general.title = title
        proposal.status = status  # type: ignore[assignment]
        store.save(proposal)  # type: ignore[attr-defined]
        record_completeness(store, proposal)  # type: ignore[arg-type]


def main(argv: list[str]) -> int:
    _under_xvfb()
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    scratch = _private_folders()
    os.environ["QT_QPA_PLATFORM"] = "xcb"

    from PySide6.QtCore import QLocale, QPoint

    from mcdesigner.app import application, open_main_window

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = application()
    window = open_main_window(scratch / "proposals.sqlite3")
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.show()
    screen = app.primaryScreen()

    def settle() -> None:
        for _ in range(30):
            app.processEvents()

    def shoot(name: str) -> None:
        settle()
        path = out / f"{name}.png"
        screen.grabWindow(window.winId()).save(str(path))
        print(path)

    assert window.session is not None, "the example proposal did not open"
    _add_other_proposals(window.store)
    window.show_library()
    window.library.select(window.session.proposal_id)
    shoot("library")
    for section_id in window.editor.navigator.section_ids():
        window.show_section(section_id)
        page = window.editor.show_section(section_id)
        editors = [e for e in page.editors().values() if e.isVisibleTo(page)]
        first = min(editors, key=lambda e: e.mapTo(page.widget(), QPoint(0, 0)).y(), default=None)
        if first is not None:
            # The guidance panel shows the first field's help (as when it has the focus;
            # without a window manager the window never becomes active to get it).
            first.setFocus()
            window.help_panel.show_field(first.field)
        page.verticalScrollBar().setValue(0)
        shoot(section_id)
    window.close()
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
