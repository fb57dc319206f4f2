"""The interface speaks Simplified Chinese when the system does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.ui.interface_language import InterfaceLanguage
from app.ui.main_window import MainWindow


def test_main_window_in_simplified_chinese(qtbot, translations_dir: Path, manager, local_engine,
                                           preference_store) -> None:
    language = InterfaceLanguage.of(QApplication.instance())
    language.use_directory(translations_dir)
    language.install("zh_CN")
    try:
        window = MainWindow(manager, local_engine, preferences=preference_store)
        qtbot.addWidget(window)
        menu_titles = [action.text() for action in window.menuBar().actions()]
        assert menu_titles == ["文件(&F)", "编辑(&E)", "转写(&T)", "视图(&V)", "语音(&S)", "帮助(&H)"]
        assert window.speech.speak_selection_action.text() == "朗读所选内容(&S)"
        assert window.speech.panel.engine_combo.itemText(0) == "本机语音"
        assert window.options_bar.transcribe_button.text() == "转写"
        assert window.options_bar.language_combo.itemText(0) == "自动检测"
        assert window.options_bar.model_combo.currentText() == "Base，多语言（可翻译）"
        assert window.speakers.identify_action.text() == "识别说话人(&S)…"
        assert_editing_speaks_chinese(window)
    finally:
        language.install("en")


def assert_editing_speaks_chinese(window: MainWindow) -> None:
    """Undo names the step, and a refused edit's sentence (values and all) comes from the table of translations."""
    from app.core.editing.segment_text import split_segment
    from app.core.transcript import Segment, Transcript
    from app.ui.editor.document import Document
    from app.ui.editor.edit_texts import translated_edit_error

    window.adopt_document(Document(Transcript([Segment(0.0, 2.0, "one two")])))
    window.document.apply(split_segment(window.document.transcript, 0, 3))
    assert window.edit_actions.undo_action.text() == "撤销(&U) 拆分片段"
    assert translated_edit_error("The start (0:03.000) must come before the end (0:02.000).") == (
        "开始时间（0:03.000）必须早于结束时间（0:02.000）。")
