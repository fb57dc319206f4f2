"""The layers import only downwards: core and engines never import Qt or the UI."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"
FORBIDDEN_BELOW_QT = (
    "PySide6", "app.ui", "app.jobs", "app.gui_thread_relay", "shiboken6",
)


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def offending_imports(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    problems = []
    for path in sorted((APP / layer).rglob("*.py")):
        for module in imported_modules(path):
            if module.startswith(forbidden):
                problems.append(f"{path.relative_to(APP)} imports {module}")
    return problems


def test_core_imports_neither_qt_nor_engines() -> None:
    assert offending_imports("core", (*FORBIDDEN_BELOW_QT, "app.engines")) == []


def test_engines_do_not_import_qt() -> None:
    assert offending_imports("engines", FORBIDDEN_BELOW_QT) == []


def test_the_job_runner_is_qt_layer_but_never_imports_the_ui() -> None:
    """app/jobs bridges engines and the window: it may use Qt, core and engines, never app.ui."""
    assert offending_imports("jobs", ("app.ui",)) == []
    assert offending_imports("jobs", ("PySide6",)), "the runner is the Qt layer's"


def test_layer_check_sees_the_qt_layer() -> None:
    """The check is not vacuous: the UI layer does import Qt."""
    assert offending_imports("ui", FORBIDDEN_BELOW_QT)
