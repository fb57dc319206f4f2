"""The main window's menu bar and toolbar, filled from the actions its controllers own.

The texts keep the main window's translation context, where the catalog has them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> tuple[QMenu, QAction]:
    """The menu bar, each menu taking its controllers' actions; the Edit menu and Remote Services… action."""
    file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addActions([window.recordings.new_recording_action, window.open_action])
    file_menu.addMenu(window.projects.recent_menu)
    file_menu.addAction(window.projects.attach_media_action)
    file_menu.addSeparator()
    file_menu.addActions([window.save_action, window.projects.save_as_action])
    file_menu.addSeparator()
    file_menu.addActions([window.export_action, window.save_transcript_action])
    file_menu.addSeparator()
    file_menu.addActions([window.recover_action, window.quit_action])
    edit_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    window.edit_actions.fill(edit_menu)
    window.text_editing.fill_edit_menu(edit_menu)
    transcription_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Transcription"))
    transcription_menu.addAction(window.transcribe_action)
    transcription_menu.addAction(window.cancel_action)
    transcription_menu.addAction(window.passages.action)
    transcription_menu.addActions([window.batch.actions.add_files, window.batch.actions.add_folder])
    transcription_menu.addSeparator()
    transcription_menu.addActions(window.speakers.actions)
    transcription_menu.addSeparator()
    transcription_menu.addAction(window.word_timestamps_action)
    transcription_menu.addAction(window.vad_action)
    transcription_menu.addAction(
        QCoreApplication.translate("MainWindow", "&Advanced Options…"), window.edit_advanced_options
    )
    transcription_menu.addAction(QCoreApplication.translate("MainWindow", "&Models…"), window.manage_models)
    remote_services_action = transcription_menu.addAction(
        QCoreApplication.translate("MainWindow", "&Remote Services…"), window.edit_remote_profiles
    )
    chinese_menu = QMenu(QCoreApplication.translate("MainWindow", "Chinese &Output"), window)
    chinese_menu.addActions(window.chinese_script_group.actions())
    transcription_menu.addMenu(chinese_menu)
    view_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    window.text_editing.fill_view_menu(view_menu)
    view_menu.addAction(window.rule_breaks_action)
    view_menu.addAction(window.batch.panel.toggleViewAction())
    window.speech.fill(window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Speech")))
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addAction(QCoreApplication.translate("MainWindow", "&About Earshot"), window.show_about)
    return edit_menu, remote_services_action


def build_toolbar(window: MainWindow) -> None:
    """Open, Save, Undo and Redo: what a corrector reaches for without the menus."""
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main"), window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.addToolBar(toolbar)
    toolbar.addAction(window.open_action)
    toolbar.addAction(window.save_action)
    toolbar.addSeparator()
    toolbar.addActions([window.edit_actions.undo_action, window.edit_actions.redo_action])
