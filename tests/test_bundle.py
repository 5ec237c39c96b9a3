"""The standalone bundles: what the build script asks PyInstaller for on each platform, and
(slow) the Linux bundle built and smoke-tested with no Python around it."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from mcdesigner import __version__

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_script("build_bundle")


def spec_calls(text: str) -> dict[str, ast.Call]:
    """The PyInstaller calls of a spec (Analysis, EXE, COLLECT, BUNDLE) by name."""
    calls: dict[str, ast.Call] = {}
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls[node.func.id] = node
    return calls


def keyword(call: ast.Call, name: str) -> object:
    for item in call.keywords:
        if item.arg == name:
            return ast.literal_eval(item.value)
    raise AssertionError(f"{name} not given")


@pytest.mark.parametrize("platform", ["linux", "windows", "macos"])
def test_every_platform_ships_the_data_and_leaves_out_unused_qt_and_tests(
    build: ModuleType, platform: str, tmp_path: Path
) -> None:
    calls = spec_calls(build.spec_text(build.make_target(platform, tmp_path)))
    datas = dict(keyword(calls["Analysis"], "datas"))  # type: ignore[call-overload]
    assert datas == {
        str(ROOT / "forms"): "mcdesigner/data/forms",
        str(ROOT / "templates"): "mcdesigner/data/templates",
        str(ROOT / "resources"): "mcdesigner/data/resources",
    }
    excludes = keyword(calls["Analysis"], "excludes")
    assert isinstance(excludes, list)
    for unused in ("PySide6.QtWebEngineCore", "PySide6.QtQuick", "PySide6.Qt3DCore", "pytest"):
        assert unused in excludes
    for used in ("PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtPrintSupport"):
        assert used not in excludes
    assert ("BUNDLE" in calls) == (platform == "macos")
    assert keyword(calls["EXE"], "console") == (platform == "linux")


def test_the_data_folders_are_where_the_installed_app_looks(build: ModuleType) -> None:
    from mcdesigner import paths

    package = Path(paths.__file__).resolve().parent
    for source, target in build.DATA_FOLDERS.items():
        assert package.parent / target == package / "data" / source


def test_only_the_languages_spoken_keep_their_locale_data(build: ModuleType) -> None:
    import re

    rules = build.language_data_rules()

    def kept(name: str) -> bool:
        for folder, pattern in rules:
            if name.startswith(folder):
                return re.match(pattern, name) is not None
        return True

    assert kept("PySide6/Qt/translations/qtbase_es.qm")
    assert not kept("PySide6/Qt/translations/qtbase_de.qm")
    assert not kept("PySide6/Qt/translations/qtmultimedia_es.qm")
    assert kept("babel/locale-data/root.dat")
    assert kept("babel/locale-data/es_ES.dat")
    assert kept("babel/locale-data/en_GB.dat")
    assert not kept("babel/locale-data/fr.dat")
    assert not kept("babel/locale-data/eo.dat")
    assert kept("pycountry/locales/es/LC_MESSAGES/iso3166-1.mo")
    assert not kept("pycountry/locales/de/LC_MESSAGES/iso3166-1.mo")
    assert kept("babel/global.dat")


def test_macos_info_plist_names_the_app_and_its_version(build: ModuleType, tmp_path: Path) -> None:
    bundle = spec_calls(build.spec_text(build.make_target("macos", tmp_path)))["BUNDLE"]
    assert keyword(bundle, "name") == "MC Designer.app"
    assert keyword(bundle, "bundle_identifier") == "org.mcdesigner.MCDesigner"
    assert keyword(bundle, "version") == __version__
    plist = keyword(bundle, "info_plist")
    assert isinstance(plist, dict)
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["CFBundleName"] == "MC Designer"


def test_windows_version_resource_carries_name_and_version(
    build: ModuleType, tmp_path: Path
) -> None:
    target = build.make_target("windows", tmp_path)
    assert keyword(spec_calls(build.spec_text(target))["EXE"], "version") == str(
        target.version_file
    )
    # PyInstaller evaluates the file as one VSVersionInfo(...) expression.
    tree = ast.parse(target.version_file.read_text(encoding="utf-8"), mode="eval")
    assert isinstance(tree.body, ast.Call) and ast.unparse(tree.body.func) == "VSVersionInfo"
    strings = {
        ast.literal_eval(call.args[0]): ast.literal_eval(call.args[1])
        for call in ast.walk(tree)
        if isinstance(call, ast.Call) and ast.unparse(call.func) == "StringStruct"
    }
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["ProductName"] == strings["FileDescription"] == "MC Designer"
    assert strings["OriginalFilename"] == "mcdesigner.exe"
    fixed = next(
        call
        for call in ast.walk(tree)
        if isinstance(call, ast.Call) and ast.unparse(call.func) == "FixedFileInfo"
    )
    numbers = keyword(fixed, "filevers")
    assert isinstance(numbers, tuple)
    assert ".".join(map(str, numbers)).startswith(__version__)
    assert target.icon.suffix == ".ico" and target.icon.stat().st_size > 0


def test_linux_desktop_entry_starts_the_app_with_its_icon(build: ModuleType) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read_string(build.desktop_entry())
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == "MC Designer"
    # The command line takes no file to open, so the entry passes none (no %f).
    assert section["Exec"] == "mcdesigner"
    assert section["Icon"] == "mcdesigner"
    assert (ROOT / "resources" / "icons" / "mcdesigner.png").is_file()


@pytest.mark.slow
def test_linux_bundle_runs_without_python_and_exports_documents() -> None:
    pytest.importorskip("PyInstaller", reason="the bundle extra is not installed: .[bundle]")
    if not sys.platform.startswith("linux"):
        pytest.skip("the smoke test runs the Linux bundle")
    pip_command = Path(sys.executable).parent / "mcdesigner"  # this environment's install
    result = subprocess.run(
        [
            *(sys.executable, str(SCRIPTS / "smoke_bundle.py"), "--build", "--runs", "1"),
            *("--pip-command", str(pip_command)),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert "PDF, Word and ELM exported and checked" in result.stdout
    assert "bundle: 3 passed, 0 failed" in result.stdout
