"""Build MC Designer as a standalone application that needs no Python on the user's computer.

PyInstaller collects the interpreter, the app, its libraries and the Qt plugins it loads
into one folder, with the forms, templates and resources (fonts, vocabularies, the example,
translation catalogs, icons) under ``mcdesigner/data/`` inside it, where
:mod:`mcdesigner.paths` looks in an installed copy. Qt modules the app never imports, the
translations of Qt's own dialogs into languages MC Designer does not speak and the test
libraries are left out.

One command per platform, run on that platform (PyInstaller does not cross-build)::

    python scripts/build_bundle.py                      # the folder dist/mcdesigner/
    python scripts/build_bundle.py --package            # and the file to hand out:
        # Linux:   dist/mcdesigner-VERSION-linux-ARCH.tar.gz (folder, .desktop file, icon)
        # Windows: dist/mcdesigner-VERSION-windows-setup.exe (Inno Setup's ISCC on PATH)
        # macOS:   dist/MC Designer.app and dist/mcdesigner-VERSION-macos.dmg (hdiutil)

Needs the ``bundle`` extra: ``pip install -e ".[bundle]"``. The build runs in
``build/bundle/`` and writes to ``dist/`` (both ignored by git).
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from mcdesigner import __version__  # noqa: E402

APP_NAME = "MC Designer"
EXECUTABLE = "mcdesigner"
BUNDLE_IDENTIFIER = "org.mcdesigner.MCDesigner"
DESCRIPTION = "Draft, check and review micro-credential proposals offline"
COPYRIGHT = "MIT licence; DejaVu fonts under their own licence"
ICON_PNG = ROOT / "resources" / "icons" / "mcdesigner.png"
INNO_SCRIPT = ROOT / "packaging" / "windows" / "mcdesigner.iss"
INNO_COMPILERS = (
    Path(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"),
    Path(r"C:\Program Files\Inno Setup 6\ISCC.exe"),
)
PLATFORMS = ("linux", "windows", "macos")

#: The folders the app reads at run time, and where they go inside the bundle.
DATA_FOLDERS = {
    "forms": "mcdesigner/data/forms",
    "templates": "mcdesigner/data/templates",
    "resources": "mcdesigner/data/resources",
}

#: Qt modules MC Designer never imports (QtSvg it does: the toolbar icons); excluding them
#: keeps their libraries and plugins out.
UNUSED_QT = [
    *("Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender"),
    *("QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization"),
    *("QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer"),
    *("QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth"),
    *("QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQuick"),
    *("QtQuick3D", "QtQuickControls2", "QtQuickWidgets", "QtRemoteObjects", "QtScxml"),
    *("QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql"),
    *("QtStateMachine", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools"),
    *("QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets"),
    *("QtWebSockets", "QtWebView", "QtXml"),
]

#: Test, development and unused standard libraries that must never be shipped.
NOT_SHIPPED = (
    "pytest",
    "_pytest",
    "pytestqt",
    "pytest_benchmark",
    "hypothesis",
    "pypdf",
    "rdflib",
    "pyshacl",
    "markdown_it",
    "mypy",
    "ruff",
    "importlinter",
    "grimp",
    "PyInstaller",
    "tkinter",
)


@dataclass(frozen=True)
class Target:
    """What one platform's build needs to know."""

    name: str
    console: bool
    icon: Path
    version_file: Path | None
    app_bundle: bool
    strip: bool


def current_platform() -> str:
    """The platform this build runs on, as named by ``--platform``."""
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def languages() -> list[str]:
    """The languages MC Designer speaks: English and every folder of translation catalogs."""
    locale = ROOT / "resources" / "locale"
    return ["en", *sorted(p.name for p in locale.iterdir() if p.is_dir())]


def version_numbers() -> tuple[int, int, int, int]:
    """The version as four numbers, as Windows' file properties hold it."""
    parts = [int("".join(c for c in part if c.isdigit()) or 0) for part in __version__.split(".")]
    first, second, third, fourth = [*parts, 0, 0, 0, 0][:4]
    return first, second, third, fourth


def version_file_text() -> str:
    """The Windows version resource (PyInstaller's ``--version-file`` format): the
    application's name, version and description shown in the file's properties."""
    numbers = version_numbers()
    strings = {
        "CompanyName": APP_NAME,
        "FileDescription": APP_NAME,
        "FileVersion": __version__,
        "InternalName": EXECUTABLE,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{EXECUTABLE}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": __version__,
        "Comments": DESCRIPTION,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def desktop_entry() -> str:
    """The Linux desktop entry shipped beside the executable (``Exec`` is made absolute by
    ``install-desktop-entry.sh`` when the folder is installed)."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        f"Comment={DESCRIPTION}\n"
        f"Exec={EXECUTABLE}\n"
        f"Icon={EXECUTABLE}\n"
        "Terminal=false\n"
        "Categories=Office;\n"
        "StartupWMClass=mcdesigner\n"
    )


INSTALL_SCRIPT = """#!/bin/sh
# Adds MC Designer to this user's application menu (no administrator rights needed):
# a desktop entry pointing at this folder's executable, and the icon.
set -e
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/mcdesigner.png" "$icons/mcdesigner.png"
sed "s|^Exec=mcdesigner|Exec=\\"$here/mcdesigner\\"|" "$here/mcdesigner.desktop" \\
    > "$apps/mcdesigner.desktop"
echo "MC Designer is in the application menu; it starts $here/mcdesigner"
"""


def language_data_rules() -> list[tuple[str, str]]:
    """Which files of per-language data are kept: (folder, pattern of the files kept in it).

    Qt's own dialogs, CLDR's locale data and the ISO names need only the languages MC
    Designer speaks (any region of them); Babel also needs its ``root`` locale.
    """
    spoken = "|".join(languages())
    others = "|".join(lang for lang in languages() if lang != "en")
    return [
        ("PySide6/Qt/translations/", rf"PySide6/Qt/translations/qtbase_({others})(_\w+)?\.qm$"),
        ("babel/locale-data/", rf"babel/locale-data/(root|{spoken})(_\w+)?\.dat$"),
        ("pycountry/locales/", rf"pycountry/locales/({others})(_\w+)?/"),
    ]


def spec_text(target: Target) -> str:
    """The PyInstaller spec for ``target``: what goes in and how the executable is made."""
    datas = [(str(ROOT / source), dest) for source, dest in DATA_FOLDERS.items()]
    excludes = [f"PySide6.{name}" for name in UNUSED_QT] + list(NOT_SHIPPED)
    bundle = ""
    if target.app_bundle:
        plist = {
            "CFBundleName": APP_NAME,
            "CFBundleDisplayName": APP_NAME,
            "CFBundleVersion": __version__,
            "CFBundleShortVersionString": __version__,
            "NSHumanReadableCopyright": COPYRIGHT,
            "NSHighResolutionCapable": True,
            "LSApplicationCategoryType": "public.app-category.education",
        }
        bundle = (
            f"app = BUNDLE(coll, name={APP_NAME + '.app'!r}, icon={str(target.icon)!r},\n"
            f"             bundle_identifier={BUNDLE_IDENTIFIER!r}, version={__version__!r},\n"
            f"             info_plist={plist!r})\n"
        )
    version = str(target.version_file) if target.version_file else None
    return f"""# Generated by scripts/build_bundle.py for {target.name}; edit that script instead.
import re
from PyInstaller.utils.hooks import collect_submodules

# Every module of the app: the command line imports the window and the field types name
# their editors by module path, which PyInstaller cannot follow.
a = Analysis(
    [{str(ROOT / "src" / "mcdesigner" / "__main__.py")!r}],
    pathex=[{str(ROOT / "src")!r}],
    datas={datas!r},
    hiddenimports=collect_submodules("mcdesigner"),
    excludes={excludes!r},
    noarchive=False,
)

# Per-language data only for the languages MC Designer speaks.
_RULES = {language_data_rules()!r}


def _kept(entry):
    name = entry[0].replace("\\\\", "/")
    for folder, kept in _RULES:
        if name.startswith(folder):
            return re.match(kept, name) is not None
    return True


a.datas = [entry for entry in a.datas if _kept(entry)]

pyz = PYZ(a.pure)
exe = EXE(
    pyz,
    a.scripts,
    [],
    exclude_binaries=True,
    name={EXECUTABLE!r},
    console={target.console!r},
    icon={str(target.icon)!r},
    version={version!r},
    strip={target.strip!r},
    upx=False,
)
coll = COLLECT(exe, a.binaries, a.datas, name={EXECUTABLE!r}, strip={target.strip!r}, upx=False)
{bundle}"""


def windows_icon(target: Path) -> Path:
    """The icon as a Windows ``.ico`` with the usual sizes, for the executable and the setup."""
    from PIL import Image

    with Image.open(ICON_PNG) as image:
        image.save(target, sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (256, 256)])
    return target


def make_target(name: str, work: Path) -> Target:
    """The build settings of platform ``name`` (writing the Windows version file to ``work``)."""
    if name not in PLATFORMS:
        raise ValueError(f"unknown platform {name!r}; one of {', '.join(PLATFORMS)}")
    work.mkdir(parents=True, exist_ok=True)
    version_file = None
    icon = ICON_PNG  # PyInstaller turns it into the .icns of a macOS app (with Pillow)
    if name == "windows":
        version_file = work / "version_info.txt"
        version_file.write_text(version_file_text(), encoding="utf-8")
        icon = windows_icon(work / f"{EXECUTABLE}.ico")
    # Windows and macOS users start a windowed app (no console window opens beside it).
    return Target(
        name=name,
        console=name == "linux",
        icon=icon,
        version_file=version_file,
        app_bundle=name == "macos",
        # Linux builds of Python carry debugging symbols; stripping them saves tens of MiB.
        # (Stripping would break the signatures of macOS and Windows binaries.)
        strip=name == "linux",
    )


def run_pyinstaller(target: Target, dist: Path, work: Path) -> Path:
    """Write the spec, run PyInstaller and return the one-folder bundle."""
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        raise SystemExit('PyInstaller is not installed: pip install -e ".[bundle]"') from None
    work.mkdir(parents=True, exist_ok=True)
    spec = work / f"{EXECUTABLE}.spec"
    spec.write_text(spec_text(target), encoding="utf-8")
    pyinstaller.run(
        [
            str(spec),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work}",
        ]
    )
    folder = dist / EXECUTABLE
    if target.name == "linux":
        shutil.copy(ICON_PNG, folder / "mcdesigner.png")
        (folder / "mcdesigner.desktop").write_text(desktop_entry(), encoding="utf-8")
        installer = folder / "install-desktop-entry.sh"
        installer.write_text(INSTALL_SCRIPT, encoding="utf-8")
        installer.chmod(0o755)
    return folder


def package(target: Target, folder: Path, dist: Path) -> Path:
    """Make the file handed to users from the built bundle."""
    if target.name == "linux":
        archive = dist / f"{EXECUTABLE}-{__version__}-linux-{platform.machine()}.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
            tar.add(folder, arcname=EXECUTABLE)
        return archive
    if target.name == "windows":
        iscc = shutil.which("iscc") or next((str(p) for p in INNO_COMPILERS if p.is_file()), None)
        if iscc is None:
            raise SystemExit("Inno Setup 6 is not installed (its ISCC.exe builds the installer)")
        subprocess.run(
            [
                iscc,
                f"/DAppVersion={__version__}",
                f"/DBundleDir={folder}",
                f"/DIconFile={target.icon}",
                f"/O{dist}",
                str(INNO_SCRIPT),
            ],
            check=True,
        )
        return dist / f"{EXECUTABLE}-{__version__}-windows-setup.exe"
    app = dist / f"{APP_NAME}.app"
    staging = dist / "dmg"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    shutil.copytree(app, staging / app.name, symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    image = dist / f"{EXECUTABLE}-{__version__}-macos.dmg"
    image.unlink(missing_ok=True)
    subprocess.run(
        [
            *("hdiutil", "create", "-volname", APP_NAME, "-srcfolder", str(staging)),
            *("-ov", "-format", "UDZO", str(image)),
        ],
        check=True,
    )
    shutil.rmtree(staging)
    return image


def folder_size(folder: Path) -> int:
    """Bytes taken by the files under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--platform", choices=PLATFORMS, default=current_platform())
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle")
    parser.add_argument(
        "--package", action="store_true", help="also make the archive, installer or disk image"
    )
    args = parser.parse_args(argv)
    if args.platform != current_platform():
        parser.error(f"a {args.platform} bundle is built on {args.platform}")
    # PyInstaller reads the spec's relative paths from the spec's folder: all are absolute.
    dist, work = args.dist.resolve(), args.work.resolve()
    target = make_target(args.platform, work)
    folder = run_pyinstaller(target, dist, work)
    print(f"built {folder} ({folder_size(folder) / 2**20:.0f} MiB)")
    if args.package:
        print(f"packaged {package(target, folder, dist)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
