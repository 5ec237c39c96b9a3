"""Architecture contracts: the pure core never imports Qt; only storage talks to SQLite."""

from __future__ import annotations

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
