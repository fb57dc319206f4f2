"""The main window driven as a person would: open, transcribe, watch, cancel, save."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.formats import save_transcript
from app.core.formats.json_format import read_json
from app.core.transcript import Segment, Transcript
from app.jobs.events import JobCancelled, SegmentRecognised
from app.ui.main_window import MainWindow
from tests.conftest import JFK_REFERENCE
from tests.speech import word_error_rate
from tests.ui.job_events import transcribed


def drop_files(window: MainWindow, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(window.rect().center())
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)


def click_transcribe(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(window.options_bar.transcribe_button, Qt.MouseButton.LeftButton)


def test_nothing_to_transcribe_before_a_file_is_open(window: MainWindow) -> None:
    assert not window.options_bar.transcribe_button.isEnabled()
    assert not window.save_action.isEnabled()
    assert window.pages.currentWidget() is window.welcome


def test_drop_a_file_transcribe_and_watch_segments_arrive(qtbot, window: MainWindow, manager, jfk_path) -> None:
    drop_files(window, jfk_path)
    assert window.options_bar.transcribe_button.isEnabled()
    assert window.media_label.text() == "jfk.flac"

    busy_when_segment_arrived: list[int] = []
    manager.job_event.connect(lambda _job, event: busy_when_segment_arrived.append(window.is_busy())
                              if isinstance(event, SegmentRecognised) else None)
    with qtbot.waitSignal(manager.job_event, check_params_cb=transcribed, timeout=120_000):
        click_transcribe(qtbot, window)
        assert window.progress_panel.isVisible()
        assert not window.options_bar.transcribe_button.isEnabled()

    assert busy_when_segment_arrived and all(busy_when_segment_arrived)  # segments show before the job ends
    assert not window.progress_panel.isVisible()
    assert window.options_bar.transcribe_button.isEnabled()
    assert window.save_action.isEnabled()
    transcript = window.transcript_model.transcript
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert "English" in window.media_label.text()
    first_row_start = window.transcript_model.index(0, window.transcript_model.START_COLUMN).data()
    assert first_row_start.startswith("0:00.")
    assert window.transcript_model.transcript.segments[0].words  # word timings by default, for proofreading


def test_shortcut_starts_transcription_and_the_result_saves(qtbot, window, manager, jfk_path, tmp_path) -> None:
    window.open_media(jfk_path)
    with qtbot.waitSignal(manager.job_event, check_params_cb=transcribed, timeout=120_000):
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    target = tmp_path / "jfk.json"
    assert window.files.save_transcript_to(target)
    saved = read_json(target.read_text(encoding="utf-8"))
    assert saved.text == window.transcript_model.transcript.text
    assert saved.options["model"] == "tiny.en"


def test_cancel_a_long_job_takes_effect_at_once(qtbot, window: MainWindow, manager, long_speech_path) -> None:
    """Cancel is clicked the moment the first row shows. (Clicked after waiting for that row, it came after an
    unknown number of rows on a loaded machine: the wait ends only once the event loop has delivered everything
    the worker had posted by then, a second window's rows included when the GUI thread was behind.)"""
    window.open_media(long_speech_path)
    clicked: list[tuple[int, int]] = []  # (job, rows shown) when Cancel was clicked

    def cancel_at_first_row(job_id: int, event: object) -> None:
        if isinstance(event, SegmentRecognised) and not clicked:
            clicked.append((job_id, window.transcript_model.rowCount()))
            qtbot.mouseClick(window.progress_panel.cancel_button, Qt.MouseButton.LeftButton)

    manager.job_event.connect(cancel_at_first_row)
    with qtbot.waitSignal(manager.job_event, timeout=120_000, check_params_cb=lambda job_id, event: isinstance(
            event, JobCancelled) and bool(clicked) and job_id == clicked[0][0]):
        click_transcribe(qtbot, window)

    assert clicked[0][1] == 1
    assert not window.is_busy()
    assert not window.progress_panel.isVisible()
    assert window.options_bar.transcribe_button.isEnabled()
    assert "cancelled" in window.statusBar().currentMessage()
    qtbot.wait(1500)  # the worker finishes its current window and must drop the rest
    assert window.transcript_model.rowCount() == 1  # the row shown when Cancel was clicked, and nothing after it
    assert window.transcript_model.transcript.segments[0].end < 30  # the first window's first row of the 149 s


def test_a_corrupt_file_shows_one_sentence_and_the_window_stays_usable(
    qtbot, window: MainWindow, manager, tmp_path: Path, jfk_path: Path
) -> None:
    corrupt = tmp_path / "interview.mp3"
    corrupt.write_bytes(b"ID3\x03\x00\x00\x00" + bytes(range(256)) * 64)
    window.open_media(corrupt)
    click_transcribe(qtbot, window)  # the waveform's job fails on it too, silently: the transcription's failure shows
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is not None, timeout=30_000)

    box = window.findChild(QMessageBox, "errorMessage")
    assert box is not None and box.isVisible()
    assert "“interview.mp3”" in box.text()
    assert box.text().count(".") >= 1 and "\n" not in box.text() and "Traceback" not in box.text()
    box.accept()

    window.open_media(jfk_path)
    with qtbot.waitSignal(manager.job_event, check_params_cb=transcribed, timeout=120_000):
        click_transcribe(qtbot, window)
    assert window.transcript_model.rowCount() >= 1


def test_a_stereo_file_offers_its_channels(qtbot, window: MainWindow, tmp_path: Path) -> None:
    import numpy as np
    import soundfile

    stereo = tmp_path / "two-voices.wav"
    soundfile.write(stereo, np.zeros((16_000, 2), np.float32), 16_000)
    window.resize(1280, 720)  # room for every choice (a narrower window puts the last ones in the » menu)
    window.open_media(stereo)
    combo = window.options_bar.channel_combo
    qtbot.waitUntil(lambda: combo.isVisibleTo(window), timeout=5000)
    assert [combo.itemText(i) for i in range(combo.count())] == ["All (mixed)", "Left", "Right"]
    combo.setCurrentIndex(2)
    assert window.options_bar.channel() == 1


def test_advanced_options_reach_the_engine(qtbot, window: MainWindow) -> None:
    from app.ui.advanced_options_dialog import AdvancedOptionsDialog

    window.edit_advanced_options()
    dialog = window.findChild(AdvancedOptionsDialog)
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.prompt_edit, "Kennedy, Americans")
    qtbot.keyClicks(dialog.hotwords_edit, "country")
    dialog.beam_spin.setValue(2)
    dialog.threads_spin.setValue(1)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)

    options = window.current_options()
    assert (options.initial_prompt, options.hotwords, options.beam_size, options.cpu_threads) == (
        "Kennedy, Americans", "country", 2, 1
    )


def record_calling_threads(monkeypatch, module, name: str) -> list[threading.Thread]:
    """Wrap the real ``module.name`` so the test learns which threads called it."""
    threads: list[threading.Thread] = []
    real = getattr(module, name)

    def spy(*arguments, **keywords):
        threads.append(threading.current_thread())
        return real(*arguments, **keywords)

    monkeypatch.setattr(module, name, spy)
    return threads


@pytest.mark.parametrize("extension", [".srt", ".vtt", ".ass", ".json"])
def test_a_dropped_subtitle_file_opens_as_a_transcript_read_off_the_gui_thread(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch, extension: str
) -> None:
    import app.ui.project_controller as project_controller

    cues = Transcript(segments=[Segment(0.5, 2.0, "Ask not what your country can do for you."),
                                Segment(2.5, 4.0, "Ask what you can do for your country.")])
    path = save_transcript(cues, tmp_path / f"speech{extension}")
    readers = record_calling_threads(monkeypatch, project_controller, "read_transcript")
    drop_files(window, path)
    qtbot.waitUntil(lambda: window.transcript_model.rowCount() == 2, timeout=5000)
    assert [s.text for s in window.transcript_model.transcript.segments] == [s.text for s in cues.segments]
    assert readers and threading.main_thread() not in readers
    assert not window.options_bar.transcribe_button.isEnabled()  # a transcript is not media to recognise
    assert window.pages.currentWidget() is window.transcript_view


def test_opening_media_probes_its_channels_off_the_gui_thread(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    import numpy as np
    import soundfile

    import app.ui.file_controller as file_controller

    stereo = tmp_path / "two-voices.wav"
    soundfile.write(stereo, np.zeros((16_000, 2), np.float32), 16_000)
    probes = record_calling_threads(monkeypatch, file_controller, "audio_channel_count")
    window.open_media(stereo)
    qtbot.waitUntil(lambda: window.options_bar.channel_combo.count() == 3, timeout=5000)
    assert probes and threading.main_thread() not in probes


def test_per_passage_language_can_be_turned_off(qtbot, window: MainWindow) -> None:
    from app.ui.advanced_options_dialog import AdvancedOptionsDialog

    assert window.current_options().language_per_passage
    window.edit_advanced_options()
    dialog = window.findChild(AdvancedOptionsDialog)
    check = dialog.per_passage_check
    assert check.isChecked() and check.accessibleName() == "Language: detect per passage"
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert not check.isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not window.current_options().language_per_passage


def test_a_second_recognition_replaces_the_edited_transcript_as_one_undo_step(
    qtbot, window: MainWindow, manager, jfk_path
) -> None:
    from app.core.editing.segment_text import edit_text

    window.open_media(jfk_path)
    with qtbot.waitSignal(manager.job_event, check_params_cb=transcribed, timeout=120_000):
        click_transcribe(qtbot, window)
    assert window.document.undo_stack.count() == 0  # the first result is where undo starts
    window.document.apply(edit_text(window.document.transcript, 0, "Corrected by hand."))
    edited = list(window.document.transcript.segments)
    with qtbot.waitSignal(manager.job_event, check_params_cb=transcribed, timeout=120_000):
        click_transcribe(qtbot, window)
    assert window.document.transcript.segments[0].text != "Corrected by hand."
    assert window.edit_actions.undo_action.text() == "&Undo Replace Transcript"
    window.edit_actions.undo_action.trigger()
    assert window.document.transcript.segments == edited


def test_fast_mode_can_be_turned_on(qtbot, window: MainWindow) -> None:
    from app.ui.advanced_options_dialog import AdvancedOptionsDialog

    assert not window.current_options().fast_mode
    window.edit_advanced_options()
    dialog = window.findChild(AdvancedOptionsDialog)
    check = dialog.fast_mode_check
    assert not check.isChecked() and check.accessibleName() == "Fast mode for long files"
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert check.isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert window.current_options().fast_mode


def test_the_window_fits_a_small_screen(qtbot, window: MainWindow) -> None:
    """The options bar no longer holds the window at 1,124 px: what does not fit moves into the » menu."""
    window.resize(1000, 680)
    qtbot.waitUntil(lambda: window.width() == 1000, timeout=2000)
    assert window.minimumSizeHint().width() <= 1000
    bar = window.options_bar
    assert bar.transcribe_button.isVisible()
    assert bar.geometry().right() < window.width()
    assert window.speakers.option.parentWidget() is bar.findChild(type(bar._choices), "optionsChoices")


def test_the_voice_panel_and_the_batch_queue_share_the_bottom_without_widening_the_window(
    qtbot, window: MainWindow
) -> None:
    width = window.width()
    window.speech.panel_action.setChecked(True)
    window.batch.panel.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.speech.panel.isVisible() or window.batch.panel.isVisible())
    assert window.speech.panel in window.tabifiedDockWidgets(window.batch.panel)
    qtbot.wait(50)
    assert window.width() == width


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_at_its_first_size_on_a_common_screen_every_choice_is_in_view(
        qtbot, manager, local_engine, application_look, interface_language, language: str) -> None:
    """Seen under Xvfb: at 1100 px, the first start hid Speakers in the options bar's » menu."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QToolButton

    from app.ui.main_window import default_window_size

    application_look.apply("light")  # the style sheet's padding, as at a start: before the window is built
    interface_language.install(language)
    window = MainWindow(manager, local_engine)
    qtbot.addWidget(window)
    size = default_window_size(QSize(1366, 768))  # the commonest laptop screen
    window.resize(size)
    window.show()
    qtbot.waitUntil(lambda: window.size() == size, timeout=2000)
    overflow = window.options_bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert not overflow.isVisible()
    assert window.speakers.option.isVisible()
