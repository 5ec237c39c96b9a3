"""The edit session: autosave timing, failed saves kept and retried, edits made elsewhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gui.gui_helpers import editor, stored
from mcdesigner.examples import new_from_example
from mcdesigner.model.edits import SetValue
from mcdesigner.storage import Store, StoreError
from mcdesigner.ui import session as session_module
from mcdesigner.ui.session import CONFLICT, FAILED, SAVED, UNSAVED, EditSession

pytestmark = pytest.mark.gui


@pytest.fixture
def store(db_path: Path) -> Any:
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def session(qtbot: Any, store: Store) -> EditSession:
    proposal = new_from_example()
    content_hash = store.save(proposal)
    return EditSession(store, proposal, content_hash, autosave_delay_ms=200)


def test_saved_only_after_the_store_returned(
    qtbot: Any, session: EditSession, db_path: Path
) -> None:
    states: list[str] = []
    session.save_state_changed.connect(lambda state, _m: states.append(state))
    assert session.apply(SetValue("general.title", "New title"), "Edit", "general.title") is None
    assert session.state == UNSAVED
    assert stored(db_path, session.proposal_id).general.title != "New title"
    with qtbot.waitSignal(session.saved, timeout=3000):
        pass
    assert states[-2:] == ["saving", SAVED]
    assert stored(db_path, session.proposal_id).general.title == "New title"


def test_saves_at_least_every_few_seconds_while_typing(
    qtbot: Any, store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_module, "MAX_UNSAVED_MS", 300)
    proposal = new_from_example()
    session = EditSession(store, proposal, store.save(proposal), autosave_delay_ms=60_000)
    session.apply(SetValue("general.title", "a"), "Edit", "general.title")
    # the user keeps typing: the 60 s pause never comes, the upper bound saves anyway
    for text in ("ab", "abc"):
        session.apply(SetValue("general.title", text), "Edit", "general.title")
    qtbot.waitUntil(lambda: session.state == SAVED, timeout=3000)
    assert stored(db_path, proposal.id).general.title == "abc"


def test_a_failed_save_keeps_the_edits_and_retries(
    qtbot: Any, session: EditSession, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_module, "RETRY_FIRST_MS", 50)
    session._retry_ms = 50
    real_save = session.store.save
    failures = {"left": 2}

    def flaky_save(proposal: Any, **kwargs: Any) -> str:
        if failures["left"]:
            failures["left"] -= 1
            raise StoreError("Could not save the proposal: the disk is full. Free some space.")
        return real_save(proposal, **kwargs)

    monkeypatch.setattr(session.store, "save", flaky_save)
    seen: list[tuple[str, str]] = []
    session.save_state_changed.connect(lambda state, message: seen.append((state, message)))
    session.apply(SetValue("general.title", "Kept in memory"), "Edit", "general.title")
    qtbot.waitUntil(lambda: any(state == FAILED for state, _ in seen), timeout=3000)
    assert "disk is full" in next(m for s, m in seen if s == FAILED)
    assert session.proposal.general.title == "Kept in memory"
    assert session.dirty
    qtbot.waitUntil(lambda: session.state == SAVED, timeout=5000)
    assert stored(db_path, session.proposal_id).general.title == "Kept in memory"


def test_the_window_says_clearly_when_saving_fails(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_a: Any, **_k: Any) -> str:
        raise StoreError("Could not save the proposal: the database is read-only.")

    monkeypatch.setattr(window.store, "save", broken)
    title = editor(window, "general.title")
    title.line.setFocus()
    title.line.end(False)
    qtbot.keyClicks(title.line, "!")
    window.save_now()
    assert window.save_indicator.text().startswith("Save failed: Could not save")
    assert window.banner.isVisible()
    assert "read-only" in window.banner.text.text()
    assert window.banner.retry.isVisible()
    assert window.session.proposal.general.title.endswith("!")
    monkeypatch.undo()
    window.banner.retry.click()
    assert window.save_indicator.text() == "Saved"
    assert not window.banner.isVisible()


def change_elsewhere(db_path: Path, proposal_id: str, title: str) -> None:
    with Store.open(db_path) as other:
        proposal = other.get(proposal_id)
        proposal.general.title = title
        other.save(proposal, expected_hash=other.get_hash(proposal_id))


def test_changed_elsewhere_then_reload(qtbot: Any, window: Any, db_path: Path) -> None:
    proposal_id = window.session.proposal_id
    change_elsewhere(db_path, proposal_id, "Changed from the command line")
    title = editor(window, "general.title")
    title.line.setFocus()
    title.line.end(False)
    qtbot.keyClicks(title.line, " mine")
    window.save_now()
    assert window.session.state == CONFLICT
    assert "changed elsewhere" in window.banner.text.text()
    assert window.banner.reload.isVisible() and window.banner.copy.isVisible()
    window.banner.reload.click()
    assert window.session.state == SAVED
    assert title.line.text() == "Changed from the command line"
    assert window.session.undo_stack.count() == 0


def test_changed_elsewhere_then_keep_mine_as_copy(qtbot: Any, window: Any, db_path: Path) -> None:
    proposal_id = window.session.proposal_id
    change_elsewhere(db_path, proposal_id, "Theirs")
    title = editor(window, "general.title")
    title.line.setFocus()
    title.line.selectAll()
    qtbot.keyClicks(title.line, "Mine")
    window.save_now()
    window.banner.copy.click()
    copy_id = window.session.proposal_id
    assert copy_id != proposal_id
    assert stored(db_path, copy_id).general.title == "Mine (my version)"
    assert stored(db_path, proposal_id).general.title == "Theirs"
    assert window.session.state == SAVED
    assert "Mine (my version)" in window.windowTitle()


def test_leaving_a_field_saves_at_once(qtbot: Any, window: Any, db_path: Path) -> None:
    window.session.set_autosave_delay(60_000)  # only leaving the field can save in time
    title = editor(window, "general.title")
    title.line.setFocus()
    qtbot.waitUntil(title.line.hasFocus)
    title.line.end(False)
    qtbot.keyClicks(title.line, " left")
    assert window.session.dirty
    rationale = editor(window, "general.rationale")
    rationale.box.setFocus()
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=2000)
    assert stored(db_path, window.session.proposal_id).general.title.endswith(" left")
    assert window.save_indicator.text() == "Saved"
