"""The window's media and plain transcript files: probing the media's channels, saving the transcript in a format.

Probing a media file's channels runs off the GUI thread (a file on a slow network share must
not freeze the window). Opening documents and saving projects is ProjectController's.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QFileDialog

from app.core.audio import audio_channel_count
from app.core.errors import EarshotError
from app.core.formats import OUTPUT_FORMATS, save_transcript
from app.ui.background_calls import BackgroundCalls
from app.ui.messages import show_error

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class FileController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._calls = BackgroundCalls(window)

    @property
    def media_path(self) -> Path | None:
        """The open document's media (the document owns it)."""
        return self._window.document.media_path

    def probe_channels(self, path: Path) -> None:
        """Offer the channels of ``path`` in the options bar once known (mixed until then)."""
        log.info("opened %s", path.name)
        self._window.options_bar.set_channel_count(1)  # until the probe answers: mixed, as most files are
        self._calls.run(lambda: audio_channel_count(path), lambda count: self._show_channels(path, count),
                        name="channel-probe")

    def _show_channels(self, path: Path, count: int) -> None:
        if path == self.media_path and not self._window.is_busy():
            self._window.options_bar.set_channel_count(count)

    # ---- saving the transcript in a format -------------------------------------------------
    def choose_save_path(self) -> None:
        window = self._window
        if not window.document.transcript.segments:
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
            saved = save_transcript(window.document.snapshot(), path, format_name)
        except EarshotError as error:
            show_error(window, error.message)
            return False
        window.statusBar().showMessage(self.tr("Saved {name}").replace("{name}", saved.name), 5000)
        return True


def local_paths(urls: list[QUrl]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
