"""The window's translators: its own texts from the catalogs, Qt's from Qt's translations.

:class:`CatalogTranslator` answers every ``self.tr()`` of the window's widgets from the
same gettext catalog the core's :func:`~mcdesigner.i18n.tr` reads, so one set of
translations serves the whole application. Qt's own dialogs (file dialogs, standard
buttons, the print dialog) get Qt's translations shipped with PySide6.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mcdesigner.i18n import current_language
from mcdesigner.translations import current_catalog


class CatalogTranslator(QTranslator):
    """A Qt translator that reads the catalog of the language in use."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None (a null string) tells Qt to ask its next translator, e.g. Qt's own texts.
        catalog = current_catalog()
        if n >= 0:
            return catalog.plural(source_text, source_text, n)
        return catalog.text(source_text)

    def isEmpty(self) -> bool:
        return False


_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication) -> None:
    """Install the catalog translator and Qt's own translations for the language in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = current_language()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en":
        qt_own = QTranslator(app)
        if qt_own.load(QLocale(language), "qtbase", "_", folder):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    catalog = CatalogTranslator(app)
    app.installTranslator(catalog)
    _installed.append(catalog)
