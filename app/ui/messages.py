"""The one place that shows messages to the user."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.errors import EarshotError

log = logging.getLogger(__name__)


def show_error(parent: QWidget, message: str) -> QMessageBox:
    """Show ``message`` (one sentence) in a window-modal box that does not block the caller."""
    log.info("error shown to the user: %s", message)
    box = QMessageBox(parent)
    box.setObjectName("errorMessage")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(parent.tr("Earshot"))
    box.setText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def unexpected_error_sentence(error: BaseException) -> str:
    """One sentence for any exception: an EarshotError's own message, else what broke and where to look."""
    if isinstance(error, EarshotError):
        return error.message
    reason = str(error).rstrip(".") or type(error).__name__
    return f"Something went wrong ({reason}); the details are in the log."
