"""Documents in and out of files: Open (projects, media, subtitles, JSON), Save, Save As, Open Recent, closing.

Each kind of file opens its own way: a project as its transcript, media and view; a subtitle or
JSON transcript as a new transcript; anything else as media to transcribe. Reading happens off
the GUI thread. A modified document is never dropped silently: replacing or closing it asks
Save / Discard / Cancel. A project that cannot be read is one sentence and is left untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app.core.audio import MEDIA_EXTENSIONS
from app.core.errors import EarshotError
from app.core.formats import INPUT_EXTENSIONS, read_transcript
from app.core.project_file import PROJECT_EXTENSION, LoadedProject, load_project, save_project
from app.core.recent_files import RecentFiles
from app.core.recovery import RecoverableDocument
from app.core.transcript import Transcript
from app.ui.background_calls import BackgroundCalls
from app.ui.editor.document import Document
from app.ui.editor.recovery_dialog import RecoveryDialog
from app.ui.messages import show_error

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class ProjectController(QObject):
    def __init__(self, window: MainWindow, recent: RecentFiles | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._calls = BackgroundCalls(window)
        self.recent = recent if recent is not None else RecentFiles()
        self.open_action = QAction(self.tr("&Open…"), window)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_file)
        self.save_action = QAction(self.tr("&Save"), window)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.save_as_action = QAction(self.tr("Save &As…"), window)
        self.save_as_action.setShortcut(QKeySequence("Ctrl+Alt+S"))  # Ctrl+Shift+S splits a segment
        self.save_as_action.triggered.connect(self.save_as)
        self.attach_media_action = QAction(self.tr("Attach &Media…"), window)
        self.attach_media_action.triggered.connect(self.choose_media_to_attach)
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.save_changes_box: QMessageBox | None = None  # the latest Save / Discard / Cancel question
        self.recovery_dialog: RecoveryDialog | None = None

    # ---- opening ------------------------------------------------------------------------
    def choose_file(self) -> None:
        media = " ".join(f"*{extension}" for extension in MEDIA_EXTENSIONS)
        transcripts = " ".join(f"*{extension}" for extension in INPUT_EXTENSIONS)
        filters = [
            self.tr("Everything Earshot opens ({patterns})").replace(
                "{patterns}", f"*{PROJECT_EXTENSION} {media} {transcripts}"),
            self.tr("Earshot projects (*{extension})").replace("{extension}", PROJECT_EXTENSION),
            self.tr("Audio and video ({patterns})").replace("{patterns}", media),
            self.tr("Subtitles and transcripts ({patterns})").replace("{patterns}", transcripts),
            self.tr("All files (*)"),
        ]
        path, _ = QFileDialog.getOpenFileName(self._window, self.tr("Open"), "", ";;".join(filters))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> None:
        """A project, a subtitle or JSON transcript, or media: each opened the right way."""
        window = self._window
        if window.is_busy():
            window.statusBar().showMessage(self.tr("Wait for the transcription to finish, or cancel it."))
            return
        self.close_document_then(lambda: self._open(path))

    def _open(self, path: Path) -> None:
        suffix = path.suffix.lower()
        if suffix == PROJECT_EXTENSION:
            self._read(path, lambda: load_project(path), self._adopt_project)
        elif suffix in INPUT_EXTENSIONS:
            self._read(path, lambda: read_transcript(path), self._adopt_transcript)
        else:
            self._window.adopt_document(Document(media_path=path))
            self._window.files.probe_channels(path)
            self.recent.add(path)

    def _read(self, path: Path, work: Callable[[], Any], adopt: Callable[[Path, Any], None]) -> None:
        self._window.statusBar().showMessage(self.tr("Reading {name}…").replace("{name}", path.name))
        self._calls.run(work, lambda result: self._adopt_read(path, result, adopt), self._read_failed,
                        name="document-reader")

    def _adopt_read(self, path: Path, result: Any, adopt: Callable[[Path, Any], None]) -> None:
        if self._window.is_busy():
            return  # a transcription started meanwhile: it owns the window now
        adopt(path, result)
        self.recent.add(path)
        self._window.statusBar().showMessage(self.tr("Opened {name}").replace("{name}", path.name), 5000)

    def _read_failed(self, message: str) -> None:
        self._window.statusBar().clearMessage()
        show_error(self._window, message)

    def _adopt_project(self, path: Path, project: LoadedProject) -> None:
        media = project.media.path
        document = Document(project.transcript, media, project_path=path)
        document.view_state = project.view
        self._window.adopt_document(document)
        if project.view.selected_segment is not None:
            self._window.transcript_view.go_to_row(project.view.selected_segment)
        if project.media.moved and media is not None:
            self.ask_to_locate_media(document, media)

    def _adopt_transcript(self, _path: Path, transcript: Transcript) -> None:
        media = Path(transcript.media_path) if transcript.media_path else None
        if media is not None and not media.is_file():
            media = None
        self._window.adopt_document(Document(transcript, media))

    def ask_to_locate_media(self, document: Document, last_known: Path) -> QMessageBox:
        """The media is not where it was: offer to find it (the transcript is open either way)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Media Not Found"), self.tr(
            "“{name}” is no longer at {folder}. Locate it to play and transcribe it again?").replace(
            "{name}", last_known.name).replace("{folder}", str(last_known.parent)), parent=self._window)
        box.setObjectName("locateMediaBox")
        box.setAccessibleName(self.tr("Media not found"))
        locate = box.addButton(self.tr("&Locate…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Not Now"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda button: self._locate(document, last_known) if button is locate else None)
        box.open()
        return box

    def choose_media_to_attach(self) -> None:
        """The media a transcript (opened from subtitles, say) was made from, to play beside it."""
        document = self._window.document
        patterns = " ".join(f"*{extension}" for extension in MEDIA_EXTENSIONS)
        chosen, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Attach Media"), str(document.media_path.parent) if document.media_path else "",
            self.tr("Audio and video ({patterns})").replace("{patterns}", patterns))
        if chosen:
            self.relocate_media(document, Path(chosen))

    def _locate(self, document: Document, last_known: Path) -> None:
        patterns = " ".join(f"*{extension}" for extension in MEDIA_EXTENSIONS)
        chosen, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Locate {name}").replace("{name}", last_known.name), str(last_known.parent),
            self.tr("Audio and video ({patterns})").replace("{patterns}", patterns))
        if chosen:
            self.relocate_media(document, Path(chosen))

    def relocate_media(self, document: Document, path: Path) -> None:
        document.set_media_path(path)
        document.mark_unsaved()  # the project should remember where it is now
        if document is self._window.document:
            self._window.show_document_title()
            self._window.files.probe_channels(path)
            self._window.update_actions()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for number, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{number % 10}  {path.name}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, chosen=path: self.open_path(chosen))
        if not paths:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("&Clear the List"), self.recent.clear)

    # ---- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        document = self._window.document
        if document.project_path is None:
            return self.save_as()
        return self.write_project(document.project_path)

    def save_as(self) -> bool:
        document = self._window.document
        suggested = document.project_path or (document.media_path.with_suffix(PROJECT_EXTENSION)
                                              if document.media_path else Path(self.tr("Untitled") + PROJECT_EXTENSION))
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Save Project"), str(suggested),
            self.tr("Earshot projects (*{extension})").replace("{extension}", PROJECT_EXTENSION))
        if not path:
            return False
        chosen = Path(path)
        if chosen.suffix.lower() != PROJECT_EXTENSION:
            chosen = chosen.with_name(chosen.name + PROJECT_EXTENSION)
        return self.write_project(chosen)

    def write_project(self, path: Path) -> bool:
        """Save the window's document as the project ``path`` (atomically); False and a sentence if it fails."""
        window = self._window
        document = window.document
        document.view_state.selected_segment = window.transcript_view.current_row()
        try:
            save_project(path, document.transcript, document.view_state)
        except EarshotError as error:
            show_error(window, error.message)
            return False
        document.mark_saved(path)
        window.autosaver.discard(document)
        self.recent.add(path)
        window.statusBar().showMessage(self.tr("Saved {name}").replace("{name}", path.name), 5000)
        return True

    # ---- closing ------------------------------------------------------------------------------
    def close_document_then(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the window's document may go: unmodified, saved now, or discarded on purpose.

        A modified document asks Save / Discard / Cancel in a window-modal box (not a nested
        event loop); Cancel, or a Save that did not happen, leaves everything as it was.
        """
        document = self._window.document
        if not document.is_modified:
            then()
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsaved Changes"), self.tr(
            "Save the changes to “{title}” before closing it?").replace("{title}", document.title()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, self._window)
        box.setObjectName("saveChangesBox")
        box.setAccessibleName(self.tr("Save changes"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda answer: self._after_asking(document, answer, then))
        self.save_changes_box = box
        box.open()

    def _after_asking(self, document: Document, answer: int, then: Callable[[], None]) -> None:
        if answer == QMessageBox.StandardButton.Save and self.save():
            then()
        elif answer == QMessageBox.StandardButton.Discard:
            self._window.autosaver.discard(document)
            then()

    # ---- recovery ----------------------------------------------------------------------------------
    def offer_recovery(self, quiet: bool = False) -> RecoveryDialog | None:
        """The documents an earlier run left unsaved, if any: recover one, discard, or keep them for later.

        ``quiet`` (at start): nothing is said when there is nothing to recover.
        """
        store = self._window.autosaver.store
        documents = store.recoverable()
        if not documents:
            if not quiet:
                self._window.statusBar().showMessage(self.tr("There is no unsaved work to recover."), 5000)
            return None
        dialog = RecoveryDialog(store, documents, self._window)
        dialog.recover_requested.connect(
            lambda chosen: self.close_document_then(lambda: self._recover(chosen)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.recovery_dialog = dialog
        dialog.open()
        return dialog

    def _recover(self, recoverable: RecoverableDocument) -> None:
        store = self._window.autosaver.store
        self._calls.run(lambda: store.load(recoverable), lambda project: self._adopt_recovered(recoverable, project),
                        self._read_failed, name="recovery-reader")

    def _adopt_recovered(self, recoverable: RecoverableDocument, project: LoadedProject) -> None:
        document = Document(project.transcript, project.media.path, project_path=recoverable.project_path)
        document.document_id = recoverable.document_id  # its autosave goes on in the same file
        document.view_state = project.view
        document.mark_unsaved()
        self._window.adopt_document(document)
        self._window.statusBar().showMessage(
            self.tr("Recovered {title}; save it to keep it.").replace("{title}", recoverable.title), 8000)
        if project.media.moved and project.media.path is not None:
            self.ask_to_locate_media(document, project.media.path)
