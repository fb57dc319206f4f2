"""Identify Speakers in the window: real diarization of a two-speaker conversation built from real speech."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import soundfile
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.audio import SAMPLE_RATE, AudioClip
from app.core.editing.speakers import rename_speaker, speaker_names
from app.core.speaker_turns import SpeakerCount, SpeakerTurn
from app.core.transcript import Segment, Transcript
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.ui.about_box import SPEAKER_WEIGHTS_CREDIT
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from app.ui.speaker_count_widget import SpeakerCountDialog
from tests.diarization_scoring import READERS, Clip, build_conversation
from tests.ui.job_events import transcribed

ENGLISH, SONNET = READERS[:2]
TRUTH = {"A": "Speaker 1", "B": "Speaker 2"}  # A speaks first


@pytest.fixture(scope="module")
def conversation(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[SpeakerTurn]]:
    """About 32 s: two English readers taking turns, the true turns known by construction."""
    clips = [
        Clip(ENGLISH, "A", 5, 7), Clip(SONNET, "B", 3, 5), Clip(ENGLISH, "A", 14, 4), Clip(SONNET, "B", 10, 9),
        Clip(ENGLISH, "A", 20, 6),
    ]
    samples, turns = build_conversation(clips)
    path = tmp_path_factory.mktemp("speakers") / "conversation.wav"
    soundfile.write(path, samples, SAMPLE_RATE)
    return path, turns


@pytest.fixture(scope="module")
def transcript(conversation, local_engine) -> Transcript:
    """The conversation recognised once by tiny.en (beam 1, word timings), without speakers."""
    samples, _ = soundfile.read(conversation[0], dtype="float32")
    options = TranscriptionOptions(model="tiny.en", language="en", word_timestamps=True, beam_size=1)
    return run_transcription(local_engine, AudioClip(samples), options, JobContext())


@pytest.fixture
def opened(window: MainWindow, conversation, transcript) -> MainWindow:
    """The window showing the conversation and its transcript, as after opening a project."""
    document = Document(Transcript(segments=list(transcript.segments), language="en"), media_path=conversation[0])
    window.adopt_document(document)
    return window


def words_with_the_right_speaker(segments: list[Segment], reference: list[SpeakerTurn], slack: float = 0.3) -> float:
    words = [(word, segment.speaker) for segment in segments for word in segment.words]
    right = sum(
        1 for word, speaker in words for turn in reference
        if turn.start - slack <= (word.start + word.end) / 2 <= turn.end + slack and TRUTH[turn.speaker] == speaker
    )
    return right / max(1, len(words))


def test_identify_speakers_labels_two_voices_then_recount_and_rename(qtbot, opened: MainWindow, conversation) -> None:
    window = opened
    before = window.document.snapshot()
    assert window.speakers.identify_action.isEnabled()
    assert not window.speakers.recount_action.isEnabled()  # nothing analysed yet

    window.speakers.identify_action.trigger()
    dialog = window.findChild(SpeakerCountDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.count_widget.count() == SpeakerCount()  # automatic unless told otherwise
    with qtbot.waitSignal(window.document.edited, timeout=60_000):
        dialog.accept()
        assert window.progress_panel.isVisible() and window.is_busy()
        assert not window.transcribe_action.isEnabled()

    segments = window.document.transcript.segments
    assert speaker_names(window.document.transcript) == ["Speaker 1", "Speaker 2"]
    assert words_with_the_right_speaker(segments, conversation[1]) > 0.85
    assert not window.progress_panel.isVisible()
    assert "Speaker 1, Speaker 2" in window.statusBar().currentMessage()
    speaker_cell = window.transcript_model.index(0, window.transcript_model.SPEAKER_COLUMN).data()
    assert speaker_cell == "Speaker 1"

    stack = window.document.undo_stack
    assert stack.undoText() == "Identify Speakers"
    stack.undo()
    assert window.document.transcript.segments == before.segments
    assert not speaker_names(window.document.transcript)
    stack.redo()
    assert speaker_names(window.document.transcript) == ["Speaker 1", "Speaker 2"]

    # a new count re-uses the analysis: no second listening, one more undo step
    assert window.speakers.recount_action.isEnabled()
    window.speakers.recount_action.trigger()
    recount_dialog = next(d for d in window.findChildren(SpeakerCountDialog) if d.isVisible())
    recount_dialog.count_widget.set_count(SpeakerCount.exactly(1))
    recount_dialog.accept()
    assert not window.speakers.is_busy()  # no second listening: the count applies at once
    assert speaker_names(window.document.transcript) == ["Speaker 1"]
    assert stack.undoText() == "Change Speaker Count"
    stack.undo()
    assert speaker_names(window.document.transcript) == ["Speaker 1", "Speaker 2"]

    window.document.apply(rename_speaker(window.document.transcript, "Speaker 2", "Guest"))
    assert speaker_names(window.document.transcript) == ["Speaker 1", "Guest"]


def test_cancel_stops_the_analysis_promptly(qtbot, opened: MainWindow) -> None:
    window = opened
    before = window.document.snapshot()
    window.speakers.identify(SpeakerCount())
    qtbot.waitUntil(lambda: window.progress_panel.progress_bar.value() > 0, timeout=30_000)

    qtbot.mouseClick(window.progress_panel.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.is_busy() and not window.progress_panel.isVisible()
    assert window.transcribe_action.isEnabled()
    qtbot.waitUntil(lambda: not _identification_threads(), timeout=3_000)  # the engine stopped, not just the view
    QApplication.processEvents()
    assert window.document.transcript.segments == before.segments  # nothing arrived after the cancel
    assert window.document.undo_stack.count() == 0


def _identification_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "speaker-identification"]


def test_recognition_with_identify_speakers_on(qtbot, window: MainWindow, manager, conversation) -> None:
    window.open_media(conversation[0])
    window.speakers.option.check_box.setChecked(True)
    assert window.speakers.option.count() == SpeakerCount()  # automatic
    dialog = window.speakers.option.choose_count()
    dialog.count_widget.set_count(SpeakerCount(2, 3))
    dialog.accept()
    assert window.speakers.option.count_button.text() == "2–3"
    window.advanced_options.beam_size = 1
    assert window.current_options().word_timestamps
    window.word_timestamps_action.setChecked(False)
    assert window.current_options().word_timestamps  # speakers need word timings

    with qtbot.waitSignal(manager.job_event, check_params_cb=transcribed, timeout=120_000):
        window.transcribe_action.trigger()
    qtbot.waitUntil(lambda: bool(speaker_names(window.document.transcript)), timeout=60_000)
    assert speaker_names(window.document.transcript) == ["Speaker 1", "Speaker 2"]
    assert words_with_the_right_speaker(window.document.transcript.segments, conversation[1]) > 0.85
    stack = window.document.undo_stack
    assert stack.undoText() == "Identify Speakers"  # a second step after the recognition's result
    stack.undo()
    assert window.document.transcript.segments and not speaker_names(window.document.transcript)


def test_about_box_names_the_speaker_weights_licence(qtbot, window: MainWindow) -> None:
    help_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&Help")
    next(action for action in help_menu.actions() if action.text() == "&About Earshot").trigger()
    box = window.about_box
    assert box.isVisible()
    shown = box.text() + " " + box.informativeText()
    assert SPEAKER_WEIGHTS_CREDIT in shown
    assert "Apache-2.0" in shown and "3D-Speaker" in shown
    box.accept()


def test_unreadable_media_is_one_sentence_and_the_window_stays_usable(qtbot, window: MainWindow, tmp_path) -> None:
    from PySide6.QtWidgets import QMessageBox

    corrupt = tmp_path / "interview.mp3"
    corrupt.write_bytes(b"ID3\x03\x00\x00\x00" + bytes(range(256)) * 64)
    window.adopt_document(Document(Transcript(segments=[Segment(0.0, 2.0, "Hello there.")]), media_path=corrupt))
    window.speakers.identify(SpeakerCount())
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=30_000)

    box = window.findChild(QMessageBox, "errorMessage")
    assert box is not None and box.isVisible()
    assert "“interview.mp3”" in box.text() and "Traceback" not in box.text()
    box.accept()
    assert window.statusBar().currentMessage() == "Identifying speakers failed."
    assert window.speakers.identify_action.isEnabled() and window.document.undo_stack.count() == 0
