"""Collects blocks while a document is assembled, handing out unique heading anchors."""

from __future__ import annotations

from collections.abc import Iterable

from mcdesigner.export.blocks import (
    Block,
    FieldList,
    FieldRow,
    Heading,
    Paragraph,
    ParagraphStyle,
)
from mcdesigner.export.formatting import not_provided, safe_text, slug


class BlockWriter:
    """An append-only list of blocks with helpers for the common shapes."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._anchors: set[str] = set()

    def add(self, block: Block) -> None:
        """Append ``block`` as it is."""
        self.blocks.append(block)

    def heading(self, level: int, text: str, anchor_hint: str = "") -> str:
        """Append a heading and return its (unique) anchor."""
        base = slug(anchor_hint or text)
        anchor, n = base, 2
        while anchor in self._anchors:
            anchor, n = f"{base}-{n}", n + 1
        self._anchors.add(anchor)
        self.blocks.append(Heading(max(1, min(level, 6)), safe_text(text), anchor))
        return anchor

    def paragraph(self, text: str, style: ParagraphStyle = "body") -> None:
        """Append a paragraph (nothing for blank text)."""
        text = safe_text(text)
        if text:
            self.blocks.append(Paragraph(text, style))

    def fields(self, rows: Iterable[FieldRow]) -> None:
        """Append a field list (nothing when there are no rows)."""
        cleaned = tuple(
            FieldRow(
                safe_text(r.label),
                safe_text(r.value) or not_provided(),
                r.on_credential,
                r.missing or not safe_text(r.value),
            )
            for r in rows
        )
        if cleaned:
            self.blocks.append(FieldList(cleaned))
