"""The window's files: opening media, importing transcripts, saving, and whatever is dropped on it.

Probing a media file's channels and reading a transcript run off the GUI thread (a file on a
slow network share, or a transcript of hours, must not freeze the window).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QFileDialog

from app.core.audio import MEDIA_EXTENSIONS, audio_channel_count
from app.core.errors import EarshotError
from app.core.formats import INPUT_EXTENSIONS, OUTPUT_FORMATS, read_transcript, save_transcript
from app.core.transcript import Transcript
from app.ui.background_calls import BackgroundCalls
from app.ui.messages import show_error

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class FileController(QObject):
    """Owns the open media file's path; tells the window when media or a transcript arrives."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._calls = BackgroundCalls(window)
        self.media_path: Path | None = None

    # ---- opening ----------------------------------------------------------------------
    def open_path(self, path: Path) -> None:
        """A dropped file: a subtitle or transcript file is imported, anything else is opened as media."""
        if path.suffix.lower() in INPUT_EXTENSIONS:
            self.import_transcript(path)
        else:
            self.open_media(path)

    def choose_media_file(self) -> None:
        window = self._window
        patterns = " ".join(f"*{extension}" for extension in MEDIA_EXTENSIONS)
        path, _ = QFileDialog.getOpenFileName(
            window, self.tr("Open Audio or Video"), "",
            self.tr("Audio and video ({patterns});;All files (*)").replace("{patterns}", patterns),
        )
        if path:
            self.open_media(Path(path))

    def open_media(self, path: Path) -> None:
        window = self._window
        if window.is_busy():
            window.statusBar().showMessage(self.tr("Wait for the transcription to finish, or cancel it."))
            return
        self.media_path = path
        log.info("opened %s", path.name)
        window.options_bar.set_channel_count(1)  # until the probe answers: mixed, as most files are
        self._calls.run(lambda: audio_channel_count(path), lambda count: self._show_channels(path, count),
                        name="channel-probe")
        window.show_media_opened()

    def _show_channels(self, path: Path, count: int) -> None:
        if path == self.media_path and not self._window.is_busy():
            self._window.options_bar.set_channel_count(count)

    def choose_transcript_file(self) -> None:
        window = self._window
        patterns = " ".join(f"*{extension}" for extension in INPUT_EXTENSIONS)
        path, _ = QFileDialog.getOpenFileName(
            window, self.tr("Import Subtitles"), "",
            self.tr("Subtitles and transcripts ({patterns})").replace("{patterns}", patterns),
        )
        if path:
            self.import_transcript(Path(path))

    def import_transcript(self, path: Path) -> None:
        """Show the cues of a subtitle or transcript file as the transcript, to edit and export again."""
        if self._window.is_busy():
            self._window.statusBar().showMessage(
                self.tr("Wait for the transcription to finish, or cancel it."))
            return
        self._window.statusBar().showMessage(self.tr("Reading {name}…").replace("{name}", path.name))
        self._calls.run(lambda: read_transcript(path), lambda transcript: self._show_imported(path, transcript),
                        name="transcript-reader")

    def _show_imported(self, path: Path, transcript: Transcript) -> None:
        if self._window.is_busy():
            return  # a transcription started meanwhile: it owns the table now
        self._window.show_transcript(transcript)
        self._window.statusBar().showMessage(self.tr("Imported {name}").replace("{name}", path.name), 5000)

    # ---- saving -------------------------------------------------------------------------
    def choose_save_path(self) -> None:
        window = self._window
        if not window.transcript_model.transcript.segments:
            return
        filters = [f"{f.description} (*{f.extension})" for f in OUTPUT_FORMATS.values()]
        suggested = self.media_path.with_suffix(".srt") if self.media_path else Path("transcript.srt")
        path, chosen_filter = QFileDialog.getSaveFileName(
            window, self.tr("Save Transcript"), str(suggested), ";;".join(filters),
            filters[list(OUTPUT_FORMATS).index("srt")],
        )
        if not path:
            return
        format_name = next(
            (f.name for f in OUTPUT_FORMATS.values() if chosen_filter.endswith(f"(*{f.extension})")), None
        )
        chosen = Path(path)
        if format_name and not chosen.suffix:
            chosen = chosen.with_suffix(OUTPUT_FORMATS[format_name].extension)
        self.save_transcript_to(chosen, format_name if not Path(path).suffix else None)

    def save_transcript_to(self, path: Path, format_name: str | None = None) -> bool:
        window = self._window
        try:
            saved = save_transcript(window.transcript_model.transcript, path, format_name)
        except EarshotError as error:
            show_error(window, error.message)
            return False
        window.statusBar().showMessage(self.tr("Saved {name}").replace("{name}", saved.name), 5000)
        return True


def local_paths(urls: list[QUrl]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
