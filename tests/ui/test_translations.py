"""The interface speaks Simplified Chinese when the system does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from app.ui.interface_language import InterfaceLanguage
from app.ui.main_window import MainWindow


@pytest.fixture
def chinese_window(qtbot, translations_dir: Path, manager, local_engine, preference_store) -> Iterator[MainWindow]:
    """The main window built with the interface in Simplified Chinese; English again afterwards."""
    language = InterfaceLanguage.of(QApplication.instance())
    language.use_directory(translations_dir)
    language.install("zh_CN")
    try:
        window = MainWindow(manager, local_engine, preferences=preference_store)
        qtbot.addWidget(window)
        yield window
    finally:
        language.install("en")


def test_main_window_in_simplified_chinese(chinese_window: MainWindow) -> None:
    window = chinese_window
    menu_titles = [action.text() for action in window.menuBar().actions()]
    assert menu_titles == ["文件(&F)", "编辑(&E)", "转写(&T)", "视图(&V)", "语音(&S)", "帮助(&H)"]
    assert window.speech.speak_selection_action.text() == "朗读所选内容(&S)"
    assert window.speech.panel.engine_combo.itemText(0) == "本机语音"
    assert window.options_bar.transcribe_button.text() == "转写"
    assert window.options_bar.language_combo.itemText(0) == "自动检测"
    assert window.options_bar.model_combo.currentText() == "Base，多语言（可翻译）"
    assert window.speakers.identify_action.text() == "识别说话人(&S)…"
    assert_editing_speaks_chinese(window)


def assert_editing_speaks_chinese(window: MainWindow) -> None:
    """Undo names the step, and a refused edit's sentence (values and all) comes from the core's catalog."""
    from app.core.editing.segment_text import split_segment
    from app.core.editing.segment_times import set_times
    from app.core.errors import EditError
    from app.core.transcript import Segment, Transcript
    from app.ui.editor.document import Document

    window.adopt_document(Document(Transcript([Segment(0.0, 2.0, "one two")])))
    window.document.apply(split_segment(window.document.transcript, 0, 3))
    assert window.edit_actions.undo_action.text() == "撤销(&U) 拆分片段"
    with pytest.raises(EditError) as refused:
        set_times(window.document.transcript, 0, 3.0, 2.0)
    assert refused.value.message == "开始时间（0:03.000）必须早于结束时间（0:02.000）。"


def test_a_file_that_cannot_be_read_is_said_in_chinese_in_the_window(qtbot, chinese_window: MainWindow, manager,
                                                                     tmp_path: Path) -> None:
    """The core's sentence (gettext) follows the interface language, as the window's own texts (Qt) do."""
    corrupt = tmp_path / "bad.mp3"
    corrupt.write_bytes(b"ID3\x03\x00\x00\x00" + bytes(range(256)) * 64)
    chinese_window.open_media(corrupt)
    qtbot.mouseClick(chinese_window.options_bar.transcribe_button, Qt.MouseButton.LeftButton)

    def error_shown() -> bool:  # the transcription's failure (the waveform job's on the same file may come first)
        shown = chinese_window.findChild(QMessageBox, "errorMessage")
        return shown is not None and shown.isVisible()

    qtbot.waitUntil(error_shown, timeout=30_000)
    box = chinese_window.findChild(QMessageBox, "errorMessage")
    assert "无法读取“bad.mp3”：本应用无法解码此文件，它不是音频或视频文件。" in box.text()
    assert "Cannot" not in box.text()
    box.accept()


def test_names_are_shown_in_chinese(qtbot, chinese_window: MainWindow, preference_store, tmp_path: Path) -> None:
    """Languages, export formats, subtitle profiles, themes and engines, each as a Chinese user reads them."""
    from app.core.remote_profiles import RemoteProfileStore
    from app.core.transcript import Segment, Transcript
    from app.ui.export_dialog import ExportDialog
    from app.ui.preferences.dialog import PreferencesDialog
    from app.ui.remote_profiles_dialog import RemoteProfilesDialog

    def items(parent, name: str) -> list[str]:
        combo = parent.findChild(QComboBox, name)
        return [combo.itemText(index) for index in range(combo.count())]

    preferences = PreferencesDialog(preference_store, {}, parent=chinese_window)
    qtbot.addWidget(preferences)
    assert {"德语", "中文", "英语", "日语"} <= set(items(preferences, "recognition_language"))
    assert items(preferences, "export_format")[:2] == ["纯文本", "带时间戳的纯文本"]
    assert items(preferences, "export_subtitle_profile") == ["默认", "Netflix 英语", "短视频"]
    assert items(preferences, "appearance_theme") == ["跟随系统", "浅色", "深色"]
    assert items(preferences, "recognition_engine") == ["本机", "远程服务"]
    export = ExportDialog(Transcript([Segment(0.0, 1.0, "hello")]), parent=chinese_window)
    qtbot.addWidget(export)
    assert "SubRip 字幕 (.srt)" in [export.format_combo.itemText(i) for i in range(export.format_combo.count())]
    assert export.profile_combo.itemText(1) == "Netflix 英语"
    services = RemoteProfilesDialog(RemoteProfileStore(tmp_path / "remote_profiles.json"), parent=chinese_window)
    qtbot.addWidget(services)
    assert services.kind_combo.itemText(0) == "兼容 OpenAI（OpenAI、Xinference、vLLM）"
    assert services.kind_combo.itemText(2) == "Flash ASR（短音频）"


FOLLOWS_THE_SYSTEM = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from app.core.text_translation import translated
from app.ui.application import create_application
from app.ui.interface_language import InterfaceLanguage
from app.ui.preferences.store import PreferenceStore

app = QApplication(["earshot"])
InterfaceLanguage.of(app).use_directory(Path(sys.argv[1]))
create_application(preferences=PreferenceStore(Path(sys.argv[2])))  # the interface language as it defaults
print(InterfaceLanguage.of(app).language)
print(QCoreApplication.translate("MainWindow", "&File"))
print(translated("Cannot open “{name}”: the file does not exist."))
"""


@pytest.mark.parametrize(("locale", "expected"), [
    ("zh_CN.UTF-8", ["zh_CN", "文件(&F)", "无法打开“{name}”：文件不存在。"]),
    ("en_US.UTF-8", ["en", "&File", "Cannot open “{name}”: the file does not exist."]),
])
def test_with_no_choice_made_the_interface_speaks_the_systems_language(
        translations_dir: Path, tmp_path: Path, locale: str, expected: list[str]) -> None:
    """A process of its own: Qt reads the system's locale once per process."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO_ROOT

    environment = {name: value for name, value in os.environ.items() if not name.startswith(("LC_", "LANG"))}
    child = subprocess.run(
        [sys.executable, "-c", FOLLOWS_THE_SYSTEM, str(translations_dir), str(tmp_path / "preferences.ini")],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
        env={**environment, "LANG": locale, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.splitlines() == expected
