"""The guidance panel: everything known about the field that has the keyboard focus."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QTextBrowser, QWidget

from mcdesigner.formdefs.definitions import FieldDef, SectionDef
from mcdesigner.formdefs.feeds import feed_label


def field_help_html(field: FieldDef, tr: object = None) -> str:
    """The guidance for ``field`` as simple rich text."""
    t = tr if callable(tr) else (lambda s: s)
    parts = [f"<h3>{html.escape(field.label)}</h3>"]
    flags = []
    if field.required:
        flags.append(html.escape(t("Required")))
    else:
        flags.append(html.escape(t("Optional")))
    parts.append(f"<p><i>{' · '.join(flags)}</i></p>")
    if field.help:
        paragraphs = [p.strip() for p in field.help.strip().split("\n\n") if p.strip()]
        parts.extend(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    if field.feeds:
        items = "".join(
            f"<li>{html.escape(t('This value'))} {html.escape(feed_label(tag))}</li>"
            for tag in field.feeds
        )
        parts.append(f"<p><b>{html.escape(t('Where it is used'))}</b></p><ul>{items}</ul>")
    if field.reference:
        parts.append(
            f"<p><b>{html.escape(t('Reference'))}</b><br>{html.escape(field.reference)}</p>"
        )
    return "".join(parts)


class HelpPanel(QDockWidget):
    """A dock showing the label, help, reference, required flag and uses of the focused field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Guidance"), parent)
        self.setObjectName("helpPanel")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setOpenLinks(False)
        self.browser.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.browser.setAccessibleName(self.tr("Guidance for the current field"))
        self.setWidget(self.browser)
        self.field: FieldDef | None = None
        self.show_intro()

    def show_intro(self) -> None:
        """The text shown before any field has the focus."""
        self.field = None
        self.browser.setHtml(
            "<h3>{}</h3><p>{}</p>".format(
                html.escape(self.tr("Guidance")),
                html.escape(
                    self.tr(
                        "Click into a field to see what it asks for, an example, the rule it "
                        "comes from and where the value is used. Press F1 to show or hide "
                        "this panel."
                    )
                ),
            )
        )

    def show_library_help(self) -> None:
        """What the library offers (shown while the library is in front)."""
        self.field = None
        tips = [
            self.tr("Double-click a proposal, or press Enter, to open it."),
            self.tr("Type in the search box (Ctrl+F) to filter by title or status."),
            self.tr("Click a column heading to sort."),
            self.tr(
                "Deleted proposals go to the trash; show it with the Trash button to restore them."
            ),
            self.tr("Import and export proposal files to exchange proposals by e-mail."),
        ]
        items = "".join(f"<li>{html.escape(tip)}</li>" for tip in tips)
        self.browser.setHtml(f"<h3>{html.escape(self.tr('Your proposals'))}</h3><ul>{items}</ul>")

    def show_translations_help(self) -> None:
        """How the Translations view works (shown while it is in front)."""
        self.field = None
        tips = [
            self.tr(
                "Each text of the proposal that is printed or goes onto the credential is shown"
                " in the main language, with its translation beside it."
            ),
            self.tr("Choose the language to translate into at the top; paste or type the text."),
            self.tr(
                "A text left empty is printed in the main language, marked, and the checks"
                " report it; it is an error when the credential is issued in that language."
            ),
            self.tr(
                "Translations are saved automatically and can be undone (Ctrl+Z) like any field."
            ),
            self.tr("Add or remove languages under General information › Languages."),
        ]
        items = "".join(f"<li>{html.escape(tip)}</li>" for tip in tips)
        self.browser.setHtml(f"<h3>{html.escape(self.tr('Translations'))}</h3><ul>{items}</ul>")

    def show_field(self, field: FieldDef) -> None:
        """Show the guidance for ``field``."""
        if field is self.field:
            return
        self.field = field
        self.browser.setHtml(field_help_html(field, self.tr))

    def show_section(self, section: SectionDef) -> None:
        """Show a section's introduction (when no field of it has the focus)."""
        self.field = None
        self.browser.setHtml(
            f"<h3>{html.escape(section.title)}</h3><p>{html.escape(section.help.strip())}</p>"
        )
