"""Printing a PDF: each page rendered with QtPdf at the printer's resolution.

Pages are drawn on the whole sheet (the documents carry their own margins), scaled to fit
while keeping their proportions and centred. QtPdf renders pages with a transparent
background, so each page is first painted onto white. The resolution is capped at
300 dpi: enough for text and tables, and it keeps one page image around 35 MB.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

#: Highest resolution pages are rendered at for printing.
MAX_PRINT_DPI = 300


class PrintError(Exception):
    """Printing could not start; the message says why."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def page_range(printer: QPrinter, page_count: int) -> range:
    """The 0-based pages to print: the range chosen in the print dialog, else all."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return range(page_count)
    return range(max(0, first - 1), min(page_count, last))


def render_page(document: QPdfDocument, page: int, dpi: float) -> QImage:
    """Page ``page`` of ``document`` as an opaque image at ``dpi`` (white background)."""
    points = document.pagePointSize(page)
    size = QSize(
        max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72))
    )
    rendered = document.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(QPointF(0, 0), rendered)
    painter.end()
    return image


def print_pdf(document: QPdfDocument, printer: QPrinter, *, doc_name: str = "") -> int:
    """Print the pages of ``document`` on ``printer``; returns how many pages were printed."""
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() <= 0:
        raise PrintError(_tr("There is no document to print."))
    pages = page_range(printer, document.pageCount())
    if not pages:
        raise PrintError(_tr("The chosen page range contains no page of this document."))
    if doc_name:
        printer.setDocName(doc_name)
    printer.setFullPage(True)
    dpi = min(float(printer.resolution()), float(MAX_PRINT_DPI))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_tr("The printer could not be started."))
    printed = 0
    try:
        for number, page in enumerate(pages):
            if number:
                printer.newPage()
            sheet = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            image = render_page(document, page, dpi)
            scale = min(sheet.width() / image.width(), sheet.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            target = QRectF(
                sheet.left() + (sheet.width() - width) / 2,
                sheet.top() + (sheet.height() - height) / 2,
                width,
                height,
            )
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed
