"""Transcription ▸ Re-transcribe Selection…: recognise the selected segments' time range again, then preview.

The selection (rows of the table, or the text view's selected text) is one passage: from its
first segment's start to its last one's end. A range dragged on the waveform with Shift
(app/ui/waveform_range.py) is one too, when it is the latest selection: the segments it touches,
whole, or none in a gap, where what is recognised is inserted. Only that range is decoded and
recognised, as a TranscribePassageJob in the runner (the local lane or the remote one). The result
is shown before and after; Accept replaces the passage's segments as ONE undo step of the document,
Discard leaves the document as it was. A passage edited meanwhile is not overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from app.core.editing.passage import PassageSpan, passage_in_range, replace_passage
from app.core.editing.time_text import format_time
from app.core.transcript import Segment, Transcript
from app.engines.base import TranscriptionEngine, TranscriptionOptions
from app.jobs.events import JobCancelled, JobEvent, JobFailed, JobFinished, JobProgress, JobStatus
from app.jobs.runner import JobRunner
from app.jobs.transcription_jobs import TranscribePassageJob
from app.ui.background_calls import BackgroundCalls
from app.ui.editor.document import Document
from app.ui.messages import show_error
from app.ui.passage_dialogs import PassageOptionsDialog, PassagePreviewDialog
from app.ui.playback.waveform_view import WaveformView
from app.ui.remote_engine_choice import RemoteEngineChoice
from app.ui.waveform_range import WaveformRangeSelection

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


@dataclass(frozen=True, slots=True)
class _Passage:
    document: Document
    span: PassageSpan
    segments: tuple[Segment | None, ...]  # the passage's and one on each side (None: none), as the job started

    @classmethod
    def of(cls, document: Document, span: PassageSpan) -> _Passage:
        return cls(document, span, _around(document, span))

    @property
    def replaced(self) -> list[Segment]:
        return [segment for segment in self.segments[1:-1] if segment is not None]

    def is_unchanged(self, document: Document) -> bool:
        return document is self.document and all(
            a is b for a, b in zip(_around(document, self.span), self.segments, strict=True))


def _around(document: Document, span: PassageSpan) -> tuple[Segment | None, ...]:
    segments = document.transcript.segments
    return tuple(segments[index] if 0 <= index < len(segments) else None
                 for index in range(span.first - 1, span.last + 2))


class PassageRetranscription(QObject):
    def __init__(self, window: MainWindow, runner: JobRunner, local_engine: TranscriptionEngine,
                 remote: RemoteEngineChoice) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._local_engine = local_engine
        self._remote = remote
        self._calls = BackgroundCalls(window)
        self._passage: _Passage | None = None  # asked for, or being recognised
        self._job_id: int | None = None
        self.waveform_range: WaveformRangeSelection | None = None
        self.action = QAction(self.tr("Re-transcribe &Selection…"), window)
        self.action.triggered.connect(self.ask)
        runner.job_event.connect(self._on_job_event)

    def watch_waveform(self, waveform: WaveformView) -> None:
        """Take a range dragged on ``waveform`` with Shift as the passage, until the table or the text view has
        a newer selection (or another document opens)."""
        self.waveform_range = chosen = WaveformRangeSelection(waveform)
        chosen.range_changed.connect(self._tell_range)
        self._window.transcript_view.selectionModel().selectionChanged.connect(chosen.clear)
        self._window.text_editing.text_view.selectionChanged.connect(chosen.clear)
        self._window.transcript_model.modelReset.connect(chosen.clear)

    def _tell_range(self) -> None:
        chosen = self.waveform_range.range if self.waveform_range else None
        if chosen is not None:
            self._window.statusBar().showMessage(self.tr(
                "{span} selected on the waveform: Transcription ▸ Re-transcribe Selection… recognises it again.")
                .replace("{span}", f"{format_time(chosen[0])}–{format_time(chosen[1])}"), 8000)

    def is_busy(self) -> bool:
        return self._passage is not None

    def update_action(self, busy: bool, editable_transcript: bool) -> None:
        self.action.setEnabled(not busy and editable_transcript and self._window.files.media_path is not None)

    def selected_range(self) -> tuple[int, int] | None:
        """(first, last) segment of the selection in the view shown: the text view's selected text, or table rows."""
        text_view = self._window.text_editing.text_view
        if self._window.text_editing.current_view() is text_view:
            cursor = text_view.textCursor()
            first = text_view.segment_at_position(cursor.selectionStart())
            last = text_view.segment_at_position(cursor.selectionEnd())
            return None if first is None or last is None else (first[0], last[0])
        rows = self._window.transcript_view.selected_rows()
        return (rows[0], rows[-1]) if rows else None

    def selected_passage(self) -> PassageSpan | None:
        """The passage to recognise again: the range on the waveform when it is the latest selection, else the
        selected segments'."""
        segments = self._window.document.transcript.segments
        on_waveform = self.waveform_range.range if self.waveform_range else None
        if on_waveform is not None:
            return passage_in_range(segments, *on_waveform)
        chosen = self.selected_range()
        if chosen is None:
            return None
        first, last = chosen
        return PassageSpan(first, last, segments[first].start, segments[last].end)

    def ask(self) -> PassageOptionsDialog | None:
        """The options dialog for the selected passage; Re-transcribe there starts the job."""
        passage = self.selected_passage()
        if passage is None or self.is_busy():
            show_error(self._window, self.tr("Select the segments to re-transcribe first."))
            return None
        span = f"{format_time(passage.start)}–{format_time(passage.end)}"
        prompt = self._window.current_options().initial_prompt or ""
        dialog = PassageOptionsDialog(self._window.options_bar, self._remote, prompt, span, self._window)
        dialog.accepted.connect(lambda: self.start(passage, dialog.model_choice(), replace(
            self._window.current_options(), language=dialog.language(), task=dialog.task(),
            initial_prompt=dialog.prompt())))
        dialog.open()
        return dialog

    def start(self, span: PassageSpan, choice: str, options: TranscriptionOptions) -> None:
        """Recognise ``span`` again with ``choice`` (a local model or a remote profile)."""
        document, media_path = self._window.document, self._window.files.media_path
        if media_path is None or self.is_busy():
            return
        options = replace(options, model=choice)
        self._passage = _Passage.of(document, span)
        self._window.progress_panel.start(self.tr("Starting…"))
        self._window.update_actions()
        channel = self._window.options_bar.channel()
        self._calls.run(  # a remote profile's key comes from the keyring, which may wait for an unlock prompt
            lambda: self._remote.engine_for(choice, self._local_engine, options),
            lambda chosen: self._submit(media_path, channel, *chosen),
            self._failed, name="passage-engine-choice",
        )

    def cancel(self) -> None:
        if self._job_id is not None:
            self._runner.cancel(self._job_id)
        elif self._passage is not None:
            self._end()

    def _submit(self, media_path: Path, channel: int | None, engine: TranscriptionEngine,
                options: TranscriptionOptions) -> None:
        passage = self._passage
        if passage is None:
            return  # cancelled while the engine was being made ready
        span = passage.span
        self._job_id = self._runner.submit(TranscribePassageJob(media_path, span.start, span.end, engine, options,
                                                                channel))

    def _on_job_event(self, job_id: int, event: JobEvent) -> None:
        if job_id != self._job_id:
            return
        panel = self._window.progress_panel
        if isinstance(event, JobStatus):
            panel.set_status(event.text)
        elif isinstance(event, JobProgress):
            panel.set_progress(event.fraction, event.seconds_left)
        elif isinstance(event, JobFinished) and isinstance(event.result, Transcript):
            passage = self._passage
            self._end()
            if passage is not None:
                self._preview(passage, event.result.segments)
        elif isinstance(event, JobFailed):
            self._failed(event.message)
        elif isinstance(event, JobCancelled):
            self._end()
            self._window.statusBar().showMessage(self.tr("Re-transcription cancelled."), 5000)

    def _preview(self, passage: _Passage, new: list[Segment]) -> None:
        if not passage.replaced and not new:
            self._window.statusBar().showMessage(self.tr("No speech was recognised in that range."), 8000)
            return
        before = " ".join(segment.text.strip() for segment in passage.replaced)
        after = " ".join(segment.text.strip() for segment in new)
        self.preview = PassagePreviewDialog(before, after, self._window)
        self.preview.accepted.connect(lambda: self._accept(passage, new))
        self.preview.open()

    def _accept(self, passage: _Passage, new: list[Segment]) -> None:
        document = self._window.document
        if not passage.is_unchanged(document):
            show_error(self._window, self.tr(
                "The passage changed while it was re-transcribed; select it and re-transcribe it again."))
            return
        document.apply(replace_passage(document.transcript, passage.span.first, passage.span.last, new))
        if self.waveform_range is not None:
            self.waveform_range.clear()  # used: it stood for the segments replaced

    def _failed(self, message: str) -> None:
        self._end()
        show_error(self._window, message)

    def _end(self) -> None:
        self._passage = self._job_id = None
        self._window.progress_panel.hide()
        self._window.update_actions()
