"""Screenshots of the real application for the documentation, taken under a virtual X server.

Runs the app on a temporary database (a copy of the bundled example proposal is opened)
with the xcb platform plugin, and saves ``welcome.png`` (the library's welcome page on a
first start, from a second, empty database), ``library.png``, one PNG per section
(``general.png``, ``certified.png``, ...; the Issues dock beside them), ``issues.png`` (an
issue selected in the dock and shown beside its field), ``review.png`` (reviewer mode with
a comment thread), ``translations.png`` (the Translations view, one outcome's Spanish text
cleared to show how a missing translation is marked) and ``export.png`` (the export dialog
previewing the proposal PDF) and ``esco.png`` (the ESCO skill picker open under a new
skill's label, the suggested ESCO skills under the outcome) into ``docs/screenshots/`` (or
the folder given as the first argument); ``--only translations``, ``--only welcome`` or
``--only esco`` takes that one only::

    python scripts/take_screenshots.py            # re-runs itself under xvfb-run if needed
    python scripts/take_screenshots.py --lang es docs/screenshots/es   # the window in Spanish
    xvfb-run -a -s "-screen 0 1400x900x24" python scripts/take_screenshots.py

Your own proposals and settings are never touched: data and settings folders are temporary.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

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
    size = os.environ.get("MCDESIGNER_SHOT_SIZE", "")
    screen = f"{size}x24" if size else SCREEN  # a screen as large as the window shot
    os.execv(xvfb, [xvfb, "-a", "-s", f"-screen 0 {screen}", sys.executable, *sys.argv])


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
    from mcdesigner.checks import CheckSettings
    from mcdesigner.model.proposal import Proposal
    from mcdesigner.operations.completeness import record_completeness

    for title, status in (
        ("Data literacy for doctoral researchers", "draft"),
        ("Sustainable campus operations", "submitted"),
    ):
        proposal = Proposal()
        proposal.general.title = title
        proposal.status = status  # type: ignore[assignment]
        store.save(proposal)  # type: ignore[attr-defined]
        record_completeness(store, proposal, CheckSettings())  # type: ignore[arg-type]


OUTCOME_3 = "certified.learning_outcomes[lo3].text"


def _show_field(window: object, path: str) -> None:
    """Open the field's section with the field near the top of the page."""
    from PySide6.QtCore import QPoint

    w: Any = window
    w.go_to_path(path)
    page = w.editor.current_page()
    field = page.editor(path)
    card = field
    while card is not None and not hasattr(card, "item_ref"):
        card = card.parentWidget()  # the list item the field belongs to, if any
    top = (card or field).mapTo(page.widget(), QPoint(0, 0)).y()
    page.verticalScrollBar().setValue(max(0, top - 12))
    w.help_panel.show_field(field.field)


def _shoot_issues(window: object, shoot: Any) -> None:
    """An issue selected in the Issues dock and shown beside its field."""
    w: Any = window
    w.checks.checker.run_now(w.session.proposal)
    w.checks.show_dock()
    _show_field(window, OUTCOME_3)
    w.checks.panel.select_path(OUTCOME_3)
    shoot("issues")


def _shoot_review(window: object, shoot: Any) -> None:
    """Reviewer mode: the editor is read-only and a comment thread is open beside it."""
    from mcdesigner.model.review import Annotation, Comment

    w: Any = window
    w.apply_preferences(w.preferences.model_copy(update={"user_name": "Ana García"}))
    proposal_id = w.session.proposal_id
    thread = Annotation(
        proposal_id=proposal_id,
        path=OUTCOME_3,
        comments=[
            Comment(
                author="Ana García",
                body="“Know” cannot be observed. Which tools should learners be able to "
                "select or use, and how will that be assessed?",
            ),
            Comment(
                author="Jan Novák",
                body="Agreed. The Moodle course template and the credential issuing tool "
                "would be good examples to name.",
            ),
        ],
    )
    w.store.save_annotation(thread)
    w.store.save_annotation(
        Annotation(
            proposal_id=proposal_id,
            path="general.title",
            status="resolved",
            comments=[Comment(author="Jan Novák", body="A shorter title would fit the badge.")],
        )
    )
    w.actions_.reviewer_mode.setChecked(True)
    w.review.after_import()
    w.review.show_comments()
    w.review.panel.select_annotation(thread.id)
    w.help_panel.hide()  # the thread gets the whole height beside the editor
    _show_field(window, OUTCOME_3)
    shoot("review")
    w.help_panel.show()
    w.actions_.reviewer_mode.setChecked(False)


def _shoot_export(window: object, shoot: Any, wait_for: Any) -> None:
    """The export dialog with the preview of the proposal PDF."""
    import time

    w: Any = window
    dialog = w.exporting.open_dialog("proposal", "pdf")
    dialog.resize(900, 780)
    dialog.move(250, 60)
    dialog.start_export()
    wait_for(lambda: dialog.state in ("ready", "failed"))
    if dialog.state != "ready":
        raise SystemExit(f"the export failed: {dialog.error_text()}")
    # The preview renders its pages in the background: give it time to paint them.
    until = time.monotonic() + 3.0
    wait_for(lambda: time.monotonic() > until)
    shoot("export", dialog)
    dialog.reject()


def _shoot_translations(window: object, shoot: Any, wait_for: Any) -> None:
    """The Translations view: the second outcome's translation cleared, the cursor in it."""
    session = window.session  # type: ignore[attr-defined]
    outcome = session.proposal.certified.learning_outcomes[1]
    path = f"certified.learning_outcomes[{outcome.id}].text"
    view = window.editor.translations  # type: ignore[attr-defined]
    window.go_to_translation("es", path)  # type: ignore[attr-defined]
    editor = view.rows[path].editor
    editor.set_value("")
    editor.emit_value()  # as if the user had deleted the text
    wait_for(lambda: not window.checks.checker.pending)  # type: ignore[attr-defined]
    editor.setFocus()
    shoot("translations")


def _shoot_welcome(scratch: Path, shoot: Any) -> None:
    """The library's welcome page, as a first start shows it (an empty database)."""
    from mcdesigner.app import open_main_window

    window = open_main_window(scratch / "empty.sqlite3")
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.show()
    assert window.library.welcome_shown(), "the welcome page is not shown"
    shoot("welcome", window)
    window.close()


def _shoot_esco(window: object, shoot_screen: Any, wait_for: Any, language: str) -> None:
    """A new ESCO skill on the first outcome, a few words typed: the picker lists the
    matching skills under it, the suggestions for the outcome's text show above."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    w: Any = window
    w.checks.checker.run_now(w.session.proposal)
    outcome = w.session.proposal.certified.learning_outcomes[0]
    page = w.editor.show_section("certified")
    skills = page.list_widget(f"certified.learning_outcomes[{outcome.id}].esco_skills")
    skills.add_button.click()
    item = f"certified.learning_outcomes[{outcome.id}].esco_skills[{skills.order[-1]}]"
    text = page.editor(f"certified.learning_outcomes[{outcome.id}].text")
    wait_for(lambda: bool(text.row.suggestions))
    settle_page = w.editor.current_page()
    top = text.row.mapTo(settle_page.widget(), QPoint(0, 0)).y()
    page.verticalScrollBar().setValue(max(0, top - 150))  # the outcome's text stays in sight
    label = page.editor(f"{item}.label")
    label.line.setFocus()
    w.help_panel.show_field(label.field)
    QTest.keyClicks(label.line, "trabajar en equipo" if language == "es" else "work in teams")
    wait_for(label.popup.isVisible)
    shoot_screen("esco")
    label.popup.hide()


def main(argv: list[str]) -> int:
    _under_xvfb()
    arguments = argv[1:]
    language = "en"
    if arguments[:1] == ["--lang"] and len(arguments) > 1:
        language, arguments = arguments[1], arguments[2:]
    size = os.environ.get("MCDESIGNER_SHOT_SIZE", "")
    global WIDTH, HEIGHT
    if size:
        WIDTH, HEIGHT = (int(n) for n in size.split("x"))
    only = ""
    if arguments[:1] == ["--only"] and len(arguments) > 1:
        only, arguments = arguments[1], arguments[2:]
    out = Path(arguments[0]) if arguments else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    scratch = _private_folders()
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["MCDESIGNER_LANG"] = language

    import time

    from PySide6.QtCore import QLocale, QPoint

    from mcdesigner.app import application, open_main_window

    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    QLocale.setDefault(english if language == "en" else QLocale(language))
    app = application()
    window = open_main_window(scratch / "proposals.sqlite3", example_if_empty=True)
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.show()
    screen = app.primaryScreen()

    def settle() -> None:
        for _ in range(30):
            app.processEvents()

    def shoot(name: str, widget: object = window) -> None:
        settle()
        path = out / f"{name}.png"
        screen.grabWindow(widget.winId()).save(str(path))  # type: ignore[attr-defined]
        print(path)

    def wait_for(condition: object, seconds: float = 60.0) -> None:
        deadline = time.monotonic() + seconds
        while not condition():  # type: ignore[operator]
            if time.monotonic() > deadline:
                raise SystemExit("timed out waiting for the window")
            app.processEvents()
            time.sleep(0.02)

    def shoot_screen(name: str) -> None:
        """The window's area of the screen, with the popups open over it."""
        settle()
        path = out / f"{name}.png"
        frame = window.frameGeometry()
        screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(str(path))
        print(path)

    assert window.session is not None, "the example proposal did not open"
    if only == "welcome":
        window.close()
        _shoot_welcome(scratch, shoot)
        shutil.rmtree(scratch, ignore_errors=True)
        return 0
    if only == "esco":
        _shoot_esco(window, shoot_screen, wait_for, language)
        window.close()
        shutil.rmtree(scratch, ignore_errors=True)
        return 0
    if only == "translations":
        _shoot_translations(window, shoot, wait_for)
        window.close()
        shutil.rmtree(scratch, ignore_errors=True)
        return 0
    _add_other_proposals(window.store)
    window.show_library()
    window.library.select(window.session.proposal_id)
    shoot("library")
    for section_id in window.editor.navigator.section_ids():
        window.show_section(section_id)
        page = window.editor.show_section(section_id)
        content = page.widget()
        assert content is not None, section_id
        editors = [e for e in page.editors().values() if e.isVisibleTo(page)]
        first = min(editors, key=lambda e: e.mapTo(content, QPoint(0, 0)).y(), default=None)
        if first is not None:
            # The guidance panel shows the first field's help (as when it has the focus;
            # without a window manager the window never becomes active to get it).
            first.setFocus()
            window.help_panel.show_field(first.field)
        page.verticalScrollBar().setValue(0)
        shoot(section_id)
    _shoot_issues(window, shoot)
    _shoot_review(window, shoot)
    _shoot_translations(window, shoot, wait_for)
    _shoot_export(window, shoot, wait_for)
    _shoot_esco(window, shoot_screen, wait_for, language)
    window.close()
    _shoot_welcome(scratch, shoot)
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
