"""The text view on a three-hour podcast (10,000 segments with word timings) in the real window.

`python -m benchmarks.editor_text` prints the figures and writes benchmarks/results/editor_text.json.
Measured: building the text view for the transcript (until it is painted); a keystroke typed
in the text view, from the key to the document, the table and the text view updated and
painted (goal: under 16 ms, one frame); find-all with its matches highlighted on screen (goal:
under 50 ms); Replace All through the bar and its undo, with both views updated (goal: 200 ms).
``text_view_alone`` measures the same with no table beside the text view: the text view's own share.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.editor import podcast
from benchmarks.results import save_results


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _cpu_and_wall_ms(run: Callable[[], object]) -> tuple[float, float]:
    started, started_cpu = time.perf_counter(), time.thread_time()
    run()
    return _ms(time.perf_counter() - started), _ms(time.thread_time() - started_cpu)


def _replace_all_figures(app: QApplication, window: Any, name: str) -> dict[str, float]:
    """Replace All through the bar and its undo, until both views are updated and the page shown is painted
    (the work they put off to the next turn of the event loop included)."""
    page = window.text_editing.current_view()
    page = getattr(page, "viewport", lambda: page)()
    bar = window.text_editing.find_bar
    wall, cpu = _cpu_and_wall_ms(lambda: (bar.replace_all(), app.processEvents(), page.repaint()))
    undo_wall, undo_cpu = _cpu_and_wall_ms(lambda: (window.document.undo_stack.undo(), app.processEvents(),
                                                    page.repaint()))
    return {f"{name}_ms": wall, f"{name}_cpu_ms": cpu, f"{name}_undo_ms": undo_wall, f"{name}_undo_cpu_ms": undo_cpu}


def run(segments: int, keys: int) -> dict[str, Any]:
    from app.engines.faster_whisper_engine import FasterWhisperEngine
    from app.jobs import JobRunner
    from app.ui.editor.document import Document
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    manager = JobRunner()
    window = MainWindow(manager, FasterWhisperEngine())
    window.resize(1280, 800)
    window.show()
    window.text_editing.text_view_action.setChecked(True)
    view, bar = window.text_editing.text_view, window.text_editing.find_bar
    results: dict[str, Any] = {"segments": segments}
    try:
        builds = []
        for _ in range(3):
            document = Document(podcast(segments))

            def build(document: Document = document) -> None:
                window.adopt_document(document)
                view.repaint()

            builds.append(_timed(build))
            app.processEvents()
        results["text_view_build_ms"] = _ms(statistics.median(builds))
        results["paragraphs"] = len(view.paragraph_layout.paragraphs)

        middle = segments // 2
        view.select_in_segment(middle, 5, 5)
        view.setFocus()
        app.processEvents()
        strokes = []
        for number in range(keys):
            key = Qt.Key.Key_Backspace if number % 5 == 4 else Qt.Key.Key_E
            strokes.append(_timed(lambda key=key: (QTest.keyClick(view, key), app.processEvents())))
        results["keystroke_median_ms"] = _ms(statistics.median(strokes))
        results["keystroke_max_ms"] = _ms(max(strokes))
        results["keystroke_goal_ms"] = 16
        results["undo_steps_after_typing"] = window.document.undo_stack.count()

        bar.open_find()
        bar.find_field.blockSignals(True)
        bar.find_field.setText("the")
        bar.find_field.blockSignals(False)
        found = [_timed(lambda: (bar.update_count(), view.repaint())) for _ in range(5)]
        results["find_all_highlighted_ms"] = _ms(statistics.median(found))
        results["find_all_goal_ms"] = 50
        results["matches"] = bar.count_label.text()

        bar.open_find(replacing=True)
        bar.replace_field.setText("THE")
        results.update(_replace_all_figures(app, window, "replace_all"))
        window.text_editing.text_view_action.setChecked(False)  # the table shown instead
        app.processEvents()
        results.update(_replace_all_figures(app, window, "replace_all_in_the_table"))
        results["replace_goal_ms"] = 200
    finally:
        window.document.undo_stack.setClean()
        window.close()
        manager.shutdown()
    return results


def text_view_alone(segments: int, keys: int) -> dict[str, Any]:
    """The same on the text view with no table beside it: what the text view itself costs."""
    from app.core.editing.find_replace import SearchQuery, replace_all
    from app.ui.editor.document import Document
    from app.ui.editor.text_view import TranscriptTextView

    app = QApplication.instance() or QApplication([])
    view = TranscriptTextView()
    view.resize(1100, 740)
    view.show()
    document = Document(podcast(segments))
    results: dict[str, Any] = {"build_ms": _ms(_timed(lambda: (view.set_document(document), view.repaint())))}
    view.select_in_segment(segments // 2, 5, 5)
    view.setFocus()
    app.processEvents()
    strokes = [_timed(lambda: (QTest.keyClick(view, Qt.Key.Key_E), app.processEvents())) for _ in range(keys)]
    results["keystroke_median_ms"] = _ms(statistics.median(strokes))
    results["keystroke_max_ms"] = _ms(max(strokes))
    edit = replace_all(document.transcript, SearchQuery("the"), "THE")
    results["replace_all_ms"] = _ms(_timed(lambda: (document.apply(edit), app.processEvents())))
    results["replace_all_undo_ms"] = _ms(_timed(lambda: (document.undo_stack.undo(), app.processEvents())))
    view.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.editor_text")
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--keys", type=int, default=60)
    arguments = parser.parse_args()
    results = run(arguments.segments, arguments.keys)
    results["text_view_alone"] = text_view_alone(arguments.segments, arguments.keys)
    save_results("editor_text.json", results)


if __name__ == "__main__":
    main()
