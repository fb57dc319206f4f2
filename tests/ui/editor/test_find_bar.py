"""Find and replace through the real bar: regular expressions with groups, wrap-around, counts, one-step Replace All."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.editing.find_replace import SearchField, TextMatch
from app.ui.editor.text_marks import Mark, MarkKind
from app.ui.main_window import MainWindow
from app.ui.transcript_table_model import TranscriptTableModel
from tests.ui.editor.text_window import CTRL, editor, expected_text, place_cursor, shown_text

__all__ = ["editor"]  # the fixture


def selected_text(window: MainWindow) -> str:
    return window.text_editing.text_view.textCursor().selectedText()


def test_find_steps_through_matches_and_wraps_round(editor: MainWindow, qtbot) -> None:
    bar = editor.text_editing.find_bar
    place_cursor(editor, 0, 0)
    qtbot.keyClick(editor.text_editing.text_view, Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and bar.find_field.hasFocus()
    assert not bar.replace_field.isVisible()
    qtbot.keyClicks(bar.find_field, "the")
    qtbot.waitUntil(lambda: bar.count_label.text() == "2 matches")
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert bar.current == TextMatch(0, SearchField.TEXT, 11, 14)
    assert selected_text(editor) == "the"
    assert bar.count_label.text() == "1 of 2"
    assert bar.find_field.hasFocus()  # typing goes on in the bar
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert bar.current == TextMatch(2, SearchField.TEXT, 17, 20)
    assert bar.count_label.text() == "2 of 2"
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)  # past the last: round to the first
    assert bar.current == TextMatch(0, SearchField.TEXT, 11, 14)
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)  # before the first: round to the last
    assert bar.current == TextMatch(2, SearchField.TEXT, 17, 20)
    qtbot.mouseClick(bar.match_case, Qt.MouseButton.LeftButton)
    bar.find_field.selectAll()
    qtbot.keyClicks(bar.find_field, "The")
    qtbot.waitUntil(lambda: bar.count_label.text() == "No matches")


def test_matches_are_highlighted_in_the_text_view(editor: MainWindow, qtbot) -> None:
    bar = editor.text_editing.find_bar
    qtbot.keyClick(editor.text_editing.text_view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(bar.find_field, "about")
    qtbot.waitUntil(lambda: bar.count_label.text() == "2 matches")
    view = editor.text_editing.text_view
    assert Mark(len("So tell us "), len("So tell us about"), MarkKind.MATCH) in view.marks_of(2)
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert Mark(len("So tell us "), len("So tell us about"), MarkKind.CURRENT_MATCH) in view.marks_of(2)
    view.repaint()  # the marks paint
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert view.hasFocus()
    assert all(mark.kind is MarkKind.UNCERTAIN for n in range(4) for mark in view.marks_of(n))


def test_regex_with_groups_replace_all_is_one_step_and_undoes(editor: MainWindow, qtbot) -> None:
    document, bar = editor.document, editor.text_editing.find_bar
    before = [s.text for s in document.transcript.segments]
    qtbot.keyClick(editor.text_editing.text_view, Qt.Key.Key_H, CTRL)
    assert bar.replace_field.isVisible()
    qtbot.mouseClick(bar.regex, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(bar.find_field, r"(\w+) (the|a) (\w+)")
    qtbot.keyClicks(bar.replace_field, r"\1 \3 (\2)")
    qtbot.waitUntil(lambda: bar.count_label.text() == "3 matches")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert [s.text for s in document.transcript.segments] == [
        "Welcome to show (the).", "Thanks for having me here.", "So tell us about book (the).",
        "It started as blog (a) about bread."]
    assert document.undo_stack.count() == 1
    assert editor.edit_actions.undo_action.text() == "&Undo Replace All"
    assert shown_text(editor) == expected_text(editor)
    assert bar.count_label.text() == "No matches"
    qtbot.keyClick(editor.text_editing.text_view, Qt.Key.Key_Z, CTRL)  # the find field undoes its own typing
    assert [s.text for s in document.transcript.segments] == before
    assert shown_text(editor) == expected_text(editor)


def test_replace_one_match_then_the_next(editor: MainWindow, qtbot) -> None:
    document, bar = editor.document, editor.text_editing.find_bar
    place_cursor(editor, 0, 0)
    qtbot.keyClick(editor.text_editing.text_view, Qt.Key.Key_H, CTRL)
    qtbot.keyClicks(bar.find_field, "the")
    qtbot.keyClicks(bar.replace_field, "our")
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)  # finds the first
    assert bar.current == TextMatch(0, SearchField.TEXT, 11, 14)
    qtbot.keyClick(bar.replace_field, Qt.Key.Key_Return)  # replaces it and moves on
    assert document.transcript.segments[0].text == "Welcome to our show."
    assert bar.current == TextMatch(2, SearchField.TEXT, 17, 20)
    assert selected_text(editor) == "the"
    assert document.undo_stack.undoText() == "Replace"


def test_a_bad_expression_is_one_sentence_in_the_bar(editor: MainWindow, qtbot) -> None:
    bar = editor.text_editing.find_bar
    qtbot.keyClick(editor.text_editing.text_view, Qt.Key.Key_F, CTRL)
    qtbot.mouseClick(bar.regex, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(bar.find_field, "(unclosed")
    qtbot.waitUntil(lambda: "not valid" in bar.count_label.text())
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert bar.current is None
    assert "regular expression is not valid" in bar.count_label.text()


def test_speaker_names_and_the_table(editor: MainWindow, qtbot) -> None:
    bar = editor.text_editing.find_bar
    qtbot.keyClick(editor, Qt.Key.Key_T, CTRL)  # back to the table
    assert editor.pages.currentWidget() is editor.transcript_view
    qtbot.keyClick(editor.transcript_view, Qt.Key.Key_H, CTRL)
    qtbot.mouseClick(bar.speakers, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.whole_words, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(bar.find_field, "bo")
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert bar.current == TextMatch(1, SearchField.SPEAKER, 0, 2)
    assert editor.transcript_view.current_row() == 1
    assert editor.transcript_view.currentIndex().column() == TranscriptTableModel.SPEAKER_COLUMN
    qtbot.keyClicks(bar.replace_field, "Bob")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert [s.speaker for s in editor.document.transcript.segments] == ["Ann", "Bob", "Ann", "Bob"]


def test_every_control_has_an_accessible_name(editor: MainWindow, qtbot) -> None:
    bar = editor.text_editing.find_bar
    bar.open_find(replacing=True)
    controls = [bar.find_field, bar.replace_field, bar.previous_button, bar.next_button, bar.replace_button,
                bar.replace_all_button, bar.close_button, *bar.options]
    assert all(control.accessibleName() for control in controls)
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
