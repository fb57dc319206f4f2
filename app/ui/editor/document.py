"""One open transcript: the one owner of its segments, media, undo stack, project path and modified flag.

How an observer (a table model, the text view, a find bar) uses it:

* Read ``document.transcript`` (never change it, nor its segments: segments are replaced,
  never mutated, so holding one is safe). Take ``document.snapshot()`` for another thread.
* Change it only through ``document.apply(edit)`` with an edit from ``app.core.editing``
  (``edit_text``, ``split_segment``, ``replace_all``…). That pushes one undoable step; typing
  in one segment folds into the step before it. An ``EditError`` from building the edit is the
  caller's to show (in the user's language already: the core's catalog).
* Follow the changes: each splice of an edit (and of its undo) arrives as precise signals, in
  order, with the rows counted in the transcript as it is at that moment:

  - ``segments_about_to_be_removed(first, count)`` → ``segments_removed(first, count)``
  - ``segments_about_to_be_inserted(first, count)`` → ``segments_inserted(first, count)``
  - ``segments_changed(first, count)``: the same rows hold new segments
  - ``about_to_reset()`` → ``reset()``: everything may have changed (a new transcript)

  The "about to" signals exist for Qt item models (beginRemoveRows needs the old rows); other
  views can use the after-signals alone. ``edited()`` follows every change of the content
  (edit, undo, redo, reset) once, after the precise signals: autosave and counts listen to it.
* ``modified_changed(bool)`` tells when the document starts or stops differing from its saved
  file; ``title_changed()`` when its name (project or media) changes.

Recognition delivers into a document by job id: ``begin_recognition(job_id)`` empties the view
and makes the document read-only, ``add_recognised(job_id, segment)`` streams rows in, and
``finish_recognition(job_id, transcript)`` makes the result ONE undoable "Replace Transcript"
step (or the initial state when the document held nothing). ``abandon_recognition(job_id)``
(cancelled or failed) keeps the rows that came when the document was empty, and otherwise
puts back what was there before.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app.core.editing.segment_edit import SegmentEdit, Splice, TranscriptEdit, replace_transcript, snapshot_of
from app.core.errors import EditError
from app.core.project_file import ViewState
from app.core.recovery import RecoveryStore
from app.core.transcript import Segment, Transcript
from app.ui.editor.edit_command import TranscriptEditCommand


class Document(QObject):
    segments_about_to_be_inserted = Signal(int, int)
    segments_inserted = Signal(int, int)
    segments_about_to_be_removed = Signal(int, int)
    segments_removed = Signal(int, int)
    segments_changed = Signal(int, int)
    about_to_reset = Signal()
    reset = Signal()
    edited = Signal()
    modified_changed = Signal(bool)
    title_changed = Signal()
    read_only_changed = Signal(bool)

    def __init__(self, transcript: Transcript | None = None, media_path: Path | None = None,
                 project_path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._transcript = transcript if transcript is not None else Transcript()
        self._media_path = media_path
        self._transcript.media_path = str(media_path) if media_path else self._transcript.media_path
        self._project_path = project_path
        self.document_id = RecoveryStore.new_document_id()  # names its autosave
        self.view_state = ViewState()
        self.undo_stack = QUndoStack(self)
        self._unsaved_result = False  # a recognition result not yet saved anywhere
        self._job_id: int | None = None
        self._before_job: Transcript | None = None
        self._modified = False
        self.undo_stack.cleanChanged.connect(self._update_modified)

    # ---- reading --------------------------------------------------------------------
    @property
    def transcript(self) -> Transcript:
        """The live transcript: read it, never change it (use ``apply``)."""
        return self._transcript

    def snapshot(self) -> Transcript:
        """A copy later edits leave alone, for export or autosave on another thread."""
        return snapshot_of(self._transcript)

    @property
    def media_path(self) -> Path | None:
        return self._media_path

    @property
    def project_path(self) -> Path | None:
        return self._project_path

    @property
    def is_modified(self) -> bool:
        return self._modified

    @property
    def is_read_only(self) -> bool:
        """True while a recognition delivers into the document."""
        return self._job_id is not None

    @property
    def job_id(self) -> int | None:
        return self._job_id

    def title(self) -> str:
        """What the window and the recovery list call it: the project's name, else the media's, else Untitled."""
        if self._project_path is not None:
            return self._project_path.name
        if self._media_path is not None:
            return self._media_path.name
        return self.tr("Untitled")

    # ---- editing ----------------------------------------------------------------------
    def apply(self, edit: TranscriptEdit) -> None:
        """Make ``edit`` and push it as one undo step (folded into the last one when both are typing)."""
        if self.is_read_only:
            raise EditError(self.tr("Wait for the transcription to finish, or cancel it, before editing."))
        self.undo_stack.push(TranscriptEditCommand(self, edit))

    def perform(self, edit: TranscriptEdit, forward: bool) -> None:
        """Apply (``forward``) or revert ``edit`` and tell the observers: for TranscriptEditCommand only."""
        if isinstance(edit, SegmentEdit):
            for splice in edit.forward_splices() if forward else edit.backward_splices():
                self._perform_splice(splice)
        else:
            self.about_to_reset.emit()
            if forward:
                edit.apply(self._transcript)
            else:
                edit.revert(self._transcript)
            self.reset.emit()
        self.edited.emit()

    def _perform_splice(self, splice: Splice) -> None:
        """Rows that stay are "changed"; the rest are removed or inserted after them."""
        index, removed, inserted = splice.index, splice.removed, splice.inserted
        kept = min(len(removed), len(inserted))
        segments = self._transcript.segments
        if kept:
            Splice(index, removed[:kept], inserted[:kept]).perform(segments)
            self.segments_changed.emit(index, kept)
        if len(removed) > kept:
            first, count = index + kept, len(removed) - kept
            self.segments_about_to_be_removed.emit(first, count)
            Splice(first, removed[kept:], ()).perform(segments)
            self.segments_removed.emit(first, count)
        if len(inserted) > kept:
            first, count = index + kept, len(inserted) - kept
            self.segments_about_to_be_inserted.emit(first, count)
            Splice(first, (), inserted[kept:]).perform(segments)
            self.segments_inserted.emit(first, count)

    # ---- recognition --------------------------------------------------------------------
    def begin_recognition(self, job_id: int) -> None:
        """Rows from job ``job_id`` will stream in; until it ends the document cannot be edited."""
        self._before_job = self.snapshot()
        self._job_id = job_id
        self._replace_silently(Transcript(media_path=self._transcript.media_path))
        self.undo_stack.setActive(False)  # Edit ▸ Undo and Redo are off until the job ends
        self.read_only_changed.emit(True)

    def add_recognised(self, job_id: int, segment: Segment) -> bool:
        """One more segment of job ``job_id``; False (ignored) for any other job."""
        if job_id != self._job_id:
            return False
        row = len(self._transcript.segments)
        self.segments_about_to_be_inserted.emit(row, 1)
        self._transcript.segments.append(segment)
        self.segments_inserted.emit(row, 1)
        return True

    def finish_recognition(self, job_id: int, result: Transcript) -> bool:
        """Job ``job_id`` finished: its transcript replaces what was there as one undo step."""
        if job_id != self._job_id or self._before_job is None:
            return False
        before, self._before_job, self._job_id = self._before_job, None, None
        self.undo_stack.setActive(True)
        result.media_path = before.media_path
        if not before.segments and self.undo_stack.count() == 0:
            self._replace_silently(result)  # the first result is where undo starts
            self._set_unsaved_result(True)
        else:
            self._replace_silently(before)
            self.apply(replace_transcript(result))
        self.read_only_changed.emit(False)
        return True

    def abandon_recognition(self, job_id: int) -> bool:
        """Job ``job_id`` was cancelled or failed: what it recognised stays if the document was empty.

        Over a transcript, the transcript comes back as it was (a part is no replacement for it).
        """
        if job_id != self._job_id or self._before_job is None:
            return False
        before, self._before_job, self._job_id = self._before_job, None, None
        self.undo_stack.setActive(True)
        if before.segments or self.undo_stack.count():
            self._replace_silently(before)
        elif self._transcript.segments:
            self._set_unsaved_result(True)
        self.read_only_changed.emit(False)
        return True

    def _replace_silently(self, transcript: Transcript) -> None:
        """Not an undo step: the transcript as the document starts from (or a job's live rows)."""
        self.about_to_reset.emit()
        self._transcript = transcript
        self.reset.emit()
        self.edited.emit()

    # ---- files --------------------------------------------------------------------------
    def set_media_path(self, path: Path | None) -> None:
        """Where the media is (opened, or located again after it moved)."""
        self._media_path = path
        self._transcript.media_path = str(path) if path else None
        self.title_changed.emit()

    def mark_saved(self, project_path: Path) -> None:
        """The document was written to ``project_path``: it is its file now, and unmodified."""
        self._project_path = project_path
        self._set_unsaved_result(False)
        self.undo_stack.setClean()
        self._update_modified()
        self.title_changed.emit()

    def mark_unsaved(self) -> None:
        """The content came from somewhere it was never saved as a project (a recovery file)."""
        self._set_unsaved_result(True)

    def _set_unsaved_result(self, unsaved: bool) -> None:
        self._unsaved_result = unsaved
        self._update_modified()

    def _update_modified(self) -> None:
        modified = self._unsaved_result or not self.undo_stack.isClean()
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)
