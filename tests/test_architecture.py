"""Architecture contracts: the pure core never imports Qt; only storage talks to SQLite; the
window changes the library only through the operations."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(exe).exists():
        pytest.skip("import-linter is not installed")
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_modules_import_without_qt() -> None:
    code = (
        "import sys, mcdesigner.model, mcdesigner.settings;"
        "import importlib;"
        "[importlib.import_module(m) for m in ('mcdesigner.formdefs','mcdesigner.storage',"
        "'mcdesigner.checks','mcdesigner.exchange','mcdesigner.export','mcdesigner.credential')"
        " if importlib.util.find_spec(m)];"
        "bad=[m for m in sys.modules if m.startswith(('PySide6','shiboken6'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


SOURCE = ROOT / "src" / "mcdesigner"
UI = SOURCE / "ui"
#: The one module that builds the window from its parts.
COMPOSITION_ROOT = UI / "main_window.py"


def _imports_main_window(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.endswith("main_window") or any(a.name == "MainWindow" for a in node.names):
                return True
        elif isinstance(node, ast.Import) and any(
            a.name.endswith(".main_window") for a in node.names
        ):
            return True
    return False


def test_only_the_composition_root_knows_the_main_window() -> None:
    """Every part of the window gets only what it needs (signals, a small protocol, the
    session), never the whole MainWindow, even for type checking."""
    offenders = [
        str(path.relative_to(UI))
        for path in sorted(UI.rglob("*.py"))
        if path != COMPOSITION_ROOT
        and _imports_main_window(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert offenders == []


def _uses_qsettings(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "QSettings":
            return True
        if isinstance(node, ast.Attribute) and node.attr == "QSettings":
            return True
        if isinstance(node, ast.ImportFrom) and any(a.name == "QSettings" for a in node.names):
            return True
    return False


def test_window_state_is_read_and_written_only_through_ui_state() -> None:
    """Every stored window setting has a typed UiState property; no raw QSettings keys."""
    offenders = [
        str(path.relative_to(SOURCE))
        for path in sorted(SOURCE.rglob("*.py"))
        if path != UI / "state.py" and _uses_qsettings(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert offenders == []


#: What the window may ask the library directly: reading records. Every change is a use
#: case of :mod:`mcdesigner.operations`; the composition root also closes the library.
STORE_READS = frozenset({"get", "get_hash", "get_revision", "summary", "exists", "close"})


def _store_changes(source: str) -> list[str]:
    """The calls ``<...>.store.<name>(...)`` or ``<...>._store.<name>(...)`` that are not reads."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner, name = node.func.value, node.func.attr
        owner_name = (
            owner.attr
            if isinstance(owner, ast.Attribute)
            else owner.id
            if isinstance(owner, ast.Name)
            else ""
        )
        if owner_name in ("store", "_store") and not (
            name in STORE_READS or name.startswith("list_")
        ):
            found.append(f"{node.lineno}:{name}")
    return found


def test_store_changes_are_found() -> None:
    source = "def f(self, store):\n    self.store.delete(x)\n    store.list_reviews(x)\n"
    assert _store_changes(source) == ["2:delete"]
    assert _store_changes("self._store.get(x)\nwindow.store.save(p)\n") == ["2:save"]


def test_the_window_changes_the_library_only_through_the_operations() -> None:
    """The window and the widgets read records from the library they are given, and
    create, save, delete, restore, import and review only through the operations."""
    offenders = [
        f"{path.relative_to(SOURCE).as_posix()}:{call}"
        for folder in (UI, SOURCE / "widgets")
        for path in sorted(folder.rglob("*.py"))
        for call in _store_changes(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


MAX_MODULE_LINES = 500  # a module must stay under this
MAX_FUNCTION_LINES = 80  # a function, method or nested function may have at most this


def _oversized(source: str, name: str) -> list[str]:
    """What is too long in one module: the module itself, then each function by name."""
    found: list[str] = []
    if len(source.splitlines()) >= MAX_MODULE_LINES:
        found.append(name)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{name}:{node.name} ({length} lines)")
    return found


def test_size_limits_reach_methods_and_nested_functions() -> None:
    body = "\n".join(f"            x{i} = {i}" for i in range(80))
    source = f"class Part:\n    def method(self):\n        def step():\n{body}\n"
    assert _oversized(source, "part.py") == [
        "part.py:method (82 lines)",
        "part.py:step (81 lines)",
    ]
    assert _oversized("def short():\n    return 1\n", "short.py") == []
    assert _oversized("x = 1\n" * 500, "long.py") == ["long.py"]


def test_modules_and_functions_stay_small() -> None:
    """Every module of every package is under 500 lines and no function is over 80 lines
    (methods and nested functions included)."""
    too_long = [
        problem
        for path in sorted(SOURCE.rglob("*.py"))
        for problem in _oversized(
            path.read_text(encoding="utf-8"), path.relative_to(SOURCE).as_posix()
        )
    ]
    assert too_long == []
