"""The fixed parts of a section page: its heading, help and legend, and each group's frame.

The section page (:mod:`mcdesigner.widgets.section_page`) fills the frames with field
blocks, lists and computed values.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from mcdesigner.formdefs.definitions import GroupDef, SectionDef
from mcdesigner.widgets.labels import legend_html, marked_label_html

_HELP_STYLE = "color: palette(placeholder-text);"


def section_header(section: SectionDef, parent: QWidget) -> list[QWidget]:
    """The section's title, its introduction (if any) and the legend of the marks."""
    title = QLabel(section.title, parent)
    title.setObjectName("sectionTitle")
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    title.setFont(font)
    found: list[QWidget] = [title]
    if section.help:
        intro = QLabel(section.help.strip(), parent)
        intro.setObjectName("sectionHelp")
        intro.setWordWrap(True)
        intro.setStyleSheet(_HELP_STYLE)
        found.append(intro)
    legend = QLabel(legend_html(), parent)
    legend.setObjectName("legend")
    found.append(legend)
    return found


def issues_banner(parent: QWidget) -> QLabel:
    """The line at the top of the page for issues no field or list shows (hidden at first)."""
    banner = QLabel(parent)
    banner.setObjectName("sectionIssues")
    banner.setWordWrap(True)
    banner.setVisible(False)
    banner.setStyleSheet("color: #c62828;")
    return banner


def group_frame(group: GroupDef, parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """A framed panel for ``group`` with its heading and help, and the layout to fill."""
    panel = QFrame(parent)
    panel.setObjectName("groupPanel")
    panel.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(12, 8, 12, 10)
    heading = QLabel(
        "<b>"
        + marked_label_html(group.title, required=group.required, on_credential=group.on_credential)
        + "</b>",
        panel,
    )
    heading.setObjectName("groupTitle")
    heading.setToolTip(group.reference or "")
    layout.addWidget(heading)
    if group.help:
        help_label = QLabel(group.help.strip(), panel)
        help_label.setWordWrap(True)
        help_label.setObjectName("groupHelp")
        help_label.setStyleSheet(_HELP_STYLE)
        layout.addWidget(help_label)
    return panel, layout
