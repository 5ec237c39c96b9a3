"""The welcome page the library shows while it holds no proposal (on a first start).

It offers the three ways to begin, each with one sentence: a new blank proposal, a copy of
the bundled example, or a proposal file someone sent. Nothing is created until the author
chooses.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCommandLinkButton, QLabel, QVBoxLayout, QWidget

from mcdesigner.ui.icons import action_icon


class WelcomePage(QWidget):
    """Three starting choices; the library carries out what is chosen."""

    #: A new proposal: True for a copy of the example, False for a blank one.
    new_requested = Signal(bool)
    #: Import a proposal file.
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 24, 24, 24)
        column.setSpacing(8)
        heading = QLabel(f"<h2>{self.tr('Welcome to MC Designer')}</h2>", self)
        heading.setObjectName("welcomeTitle")
        column.addWidget(heading)
        intro = QLabel(
            self.tr(
                "Your library has no proposals yet. Choose how to begin; you can add more "
                "proposals at any time from File or the New button."
            ),
            self,
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        column.addSpacing(8)
        self.blank_button = self._choice(
            self.tr("New blank proposal"),
            self.tr("Start from empty sections and fill them in at your own pace."),
            "new_blank",
        )
        self.blank_button.clicked.connect(lambda: self.new_requested.emit(False))
        self.example_button = self._choice(
            self.tr("New from the example"),
            self.tr(
                "A copy of a complete sample proposal to look around in or adapt; "
                "the example itself stays as it is."
            ),
            "show_library",
        )
        self.example_button.clicked.connect(lambda: self.new_requested.emit(True))
        self.import_button = self._choice(
            self.tr("Import a proposal file…"),
            self.tr("Open a .mcproposal file that you or a colleague exported."),
            "import_file",
        )
        self.import_button.clicked.connect(self.import_requested.emit)
        for button in (self.blank_button, self.example_button, self.import_button):
            column.addWidget(button)
        column.addStretch(1)
        self.setFocusProxy(self.blank_button)

    def _choice(self, title: str, description: str, icon: str) -> QCommandLinkButton:
        button = QCommandLinkButton(title, description, self)
        button.setIcon(action_icon(icon))
        button.setAccessibleDescription(description)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setMaximumWidth(640)
        return button
