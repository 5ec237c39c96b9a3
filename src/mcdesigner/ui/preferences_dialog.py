"""The Preferences dialog: language, hours per ECTS credit, default currency, your name,
autosave delay, and the institution profile in use (installed or removed at once, since
it is a file the quality office hands out rather than a choice kept with the others).

The mapping between the dialog and :class:`~mcdesigner.settings.Preferences` is two plain
functions (:func:`preferences_from_values`, :func:`values_from_preferences`), so it can be
tested without the dialog. Invalid values keep the dialog open and say what is wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.i18n import N_, tr
from mcdesigner.model.validation import problem_text
from mcdesigner.operations.profiles import ProfileError, current_profile, install, remove
from mcdesigner.settings import Preferences
from mcdesigner.translations import available_languages, language_name
from mcdesigner.translations.languages import resolve_language_or_english
from mcdesigner.widgets.options import term_options

_FIELD_NAMES = {
    "hours_per_credit_min": N_("Lowest hours per ECTS credit"),
    "hours_per_credit_max": N_("Highest hours per ECTS credit"),
    "default_currency": N_("Default currency"),
    "user_name": N_("Your name"),
    "autosave_delay_ms": N_("Autosave delay"),
    "language": N_("Language"),
}


def values_from_preferences(prefs: Preferences) -> dict[str, Any]:
    """The dialog's values for ``prefs``."""
    return prefs.model_dump()


def preferences_from_values(values: dict[str, Any]) -> tuple[Preferences | None, list[str]]:
    """Validated preferences from the dialog's values, or the problems found (plain English)."""
    try:
        return Preferences.model_validate(values), []
    except ValidationError as error:
        problems = []
        for item in error.errors():
            name = tr(_FIELD_NAMES.get(str(item["loc"][0]) if item["loc"] else "", ""))
            message = problem_text(item)
            problems.append(f"{name}: {message[:1].lower()}{message[1:]}" if name else message)
        return None, problems


class PreferencesDialog(QDialog):
    """Edits a copy of the preferences; :attr:`result_preferences` is set when accepted."""

    #: An institution profile was installed or removed (the checks' hours may change).
    profile_changed = Signal()

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("preferencesDialog")
        self.result_preferences: Preferences | None = None
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        system = language_name(resolve_language_or_english())
        self.language.addItem(self.tr("As the system ({language})").format(language=system), "")
        for code in available_languages():
            self.language.addItem(language_name(code), code)
        form.addRow(self.tr("Language"), self.language)
        self.hours_min = self._hours_box()
        self.hours_max = self._hours_box()
        form.addRow(self.tr("Lowest hours per ECTS credit"), self.hours_min)
        form.addRow(self.tr("Highest hours per ECTS credit"), self.hours_max)
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._currencies = list(term_options("currency"))
        for code, label in self._currencies:
            self.currency.addItem(f"{code} – {label.split(' (')[0]}", code)
        completer = QCompleter(self.currency.model(), self.currency)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.currency.setCompleter(completer)
        form.addRow(self.tr("Default currency for new proposals"), self.currency)
        self.user_name = QLineEdit(self)
        self.user_name.setPlaceholderText(self.tr("Shown as author and reviewer"))
        form.addRow(self.tr("Your name"), self.user_name)
        self.autosave = QSpinBox(self)
        self.autosave.setRange(100, 20_000)
        self.autosave.setSingleStep(250)
        self.autosave.setSuffix(" ms")
        form.addRow(self.tr("Save automatically after"), self.autosave)
        form.addRow(self.tr("Institution profile"), self._build_profile_row())
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            caption = label_item.widget() if label_item else None
            editor = field_item.widget() if field_item else None
            if isinstance(caption, QLabel) and editor is not None:
                caption.setBuddy(editor)
                editor.setAccessibleName(caption.text())
        self.language_note = QLabel(
            self.tr("MC Designer shows the new language the next time it starts."), self
        )
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        self._starting_language = prefs.language
        self.language.currentIndexChanged.connect(self._language_changed)
        self.errors = QLabel(self)
        self.errors.setObjectName("preferencesErrors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #c62828;")
        self.errors.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.profile_note)
        column.addWidget(self.language_note)
        column.addWidget(self.errors)
        column.addWidget(buttons)
        self.set_values(values_from_preferences(prefs))
        self._show_profile()

    # ------------------------------------------------------------------ profile
    def _build_profile_row(self) -> QWidget:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.profile_name = QLabel(row)
        self.profile_name.setObjectName("profileName")
        self.profile_name.setTextFormat(Qt.TextFormat.PlainText)
        self.install_profile = QPushButton(self.tr("&Install…"), row)
        self.install_profile.setObjectName("installProfile")
        self.install_profile.clicked.connect(self._install_profile)
        self.remove_profile = QPushButton(self.tr("Re&move"), row)
        self.remove_profile.setObjectName("removeProfile")
        self.remove_profile.clicked.connect(self._remove_profile)
        line.addWidget(self.profile_name, 1)
        line.addWidget(self.install_profile)
        line.addWidget(self.remove_profile)
        self.profile_note = QLabel(self)
        self.profile_note.setObjectName("profileNote")
        self.profile_note.setWordWrap(True)
        self.profile_note.setTextFormat(Qt.TextFormat.PlainText)
        return row

    def _show_profile(self) -> None:
        """Name the profile in use; hours it sets are shown and not editable here."""
        try:
            installed = current_profile()
            problem = ""
        except ProfileError as error:
            installed, problem = None, str(error)
        self.profile_name.setText(installed.name if installed else self.tr("None"))
        self.remove_profile.setEnabled(installed is not None or bool(problem))
        defaults = installed.profile.defaults if installed is not None else None
        hours = [
            h
            for h in (
                (defaults.hours_per_credit_min, defaults.hours_per_credit_max) if defaults else ()
            )
            if h
        ]
        for box in (self.hours_min, self.hours_max):
            box.setEnabled(not hours)
        note = problem
        if hours and installed is not None:
            note = self.tr(
                "The profile of {institution} sets the hours per ECTS credit for the checks."
            ).format(institution=installed.name)
        self.profile_note.setText(note)
        self.profile_note.setVisible(bool(note))

    def _install_profile(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Install an institution profile"),
            "",
            self.tr("Institution profiles (*.mcprofile profile.toml)"),
        )
        if not chosen:
            return
        source = Path(chosen)
        if source.name == "profile.toml":
            source = source.parent  # a profile given as its folder
        try:
            installed = install(source)
        except ProfileError as error:
            QMessageBox.warning(self, self.tr("Profile not installed"), str(error))
            return
        self._show_profile()
        self.profile_changed.emit()
        QMessageBox.information(
            self,
            self.tr("Profile installed"),
            self.tr("The profile of {institution} is installed and in use.").format(
                institution=installed.name
            ),
        )

    def _remove_profile(self) -> None:
        try:
            remove()
        except ProfileError as error:
            QMessageBox.warning(self, self.tr("Profile not removed"), str(error))
            return
        self._show_profile()
        self.profile_changed.emit()

    def _hours_box(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(0, 100)
        box.setDecimals(1)
        box.setSuffix(self.tr(" h"))
        return box

    def set_values(self, values: dict[str, Any]) -> None:
        """Show ``values`` in the dialog."""
        self.hours_min.setValue(float(values["hours_per_credit_min"]))
        self.hours_max.setValue(float(values["hours_per_credit_max"]))
        index = self.currency.findData(values["default_currency"])
        self.currency.setCurrentIndex(max(index, 0))
        self.user_name.setText(values["user_name"])
        self.autosave.setValue(int(values["autosave_delay_ms"]))
        self.language.setCurrentIndex(max(self.language.findData(values.get("language", "")), 0))

    def _language_changed(self) -> None:
        self.language_note.setVisible(self.language.currentData() != self._starting_language)

    def values(self) -> dict[str, Any]:
        """The values as typed."""
        text = self.currency.currentText().strip()
        code = self.currency.currentData()
        if self.currency.itemText(self.currency.currentIndex()) != text:
            code = text.split(" ")[0].upper()
        return {
            "hours_per_credit_min": self.hours_min.value(),
            "hours_per_credit_max": self.hours_max.value(),
            "default_currency": code,
            "user_name": self.user_name.text(),
            "autosave_delay_ms": self.autosave.value(),
            "language": self.language.currentData() or "",
        }

    def accept(self) -> None:
        prefs, problems = preferences_from_values(self.values())
        if prefs is None:
            self.errors.setText("\n".join(problems))
            self.errors.setVisible(True)
            return
        self.result_preferences = prefs
        super().accept()
