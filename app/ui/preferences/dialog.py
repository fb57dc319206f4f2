"""Edit ▸ Preferences…: a tab per group of the declared preferences, a form in each, kept in the store on Apply/OK."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.preferences import GROUPS, ChoiceSource, in_group
from app.ui.preferences.fields import PreferenceField, translated
from app.ui.preferences.store import PreferenceStore
from app.ui.welcome_page import plain_text


class PreferencesDialog(QDialog):
    def __init__(
        self,
        store: PreferenceStore,
        run_time_choices: Mapping[ChoiceSource, Sequence[tuple[str, str]]],
        parent: QWidget | None = None,
        edit_remote_services: QAction | None = None,
    ) -> None:
        """``edit_remote_services``: the window's action that edits the remote services' profiles, offered
        under the choice of the default one (the profiles keep their own dialog: their keys go to the keyring)."""
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(560)
        self._store = store
        self.fields: dict[str, PreferenceField] = {}
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Groups of preferences"))
        for group in GROUPS:
            page = QWidget(self.tabs)
            form = QFormLayout(page)
            form.setContentsMargins(18, 18, 18, 14)
            form.setVerticalSpacing(10)
            for declared in in_group(group):
                source = declared.choice_source
                field = PreferenceField(declared, run_time_choices.get(source, ()) if source else (), page)
                label = QLabel(translated(declared.label), page)
                label.setBuddy(field.editor)
                label.setToolTip(translated(declared.description))
                form.addRow(label, field.widget)
                self.fields[declared.key] = field
                if source is ChoiceSource.REMOTE_PROFILES and edit_remote_services is not None:
                    form.addRow("", self._action_button(edit_remote_services, page))
            self.tabs.addTab(page, translated(group.label))
        layout.addWidget(self.tabs)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout.addWidget(self.buttons)
        self.show_stored_values()

    def set_choices(self, source: ChoiceSource, choices: Sequence[tuple[str, str]]) -> None:
        """Offer ``choices`` again in every field whose choices come from ``source`` (the profiles just edited)."""
        for field in self.fields.values():
            if field.declared.choice_source is source:
                field.set_choices(choices)

    @staticmethod
    def _action_button(action: QAction, parent: QWidget) -> QPushButton:
        button = QPushButton(plain_text(action.text()), parent)
        button.setObjectName("editRemoteServicesButton")
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # a button, not a field
        button.setAccessibleName(button.text().rstrip("…"))
        button.clicked.connect(action.trigger)
        return button

    def show_stored_values(self) -> None:
        for key, field in self.fields.items():
            field.set_value(self._store.value(key))

    def apply(self) -> None:
        """Keep every value shown; each part of the window applies the ones that changed at once."""
        for key, field in self.fields.items():
            try:
                self._store.set_value(key, field.value())
            except ValueError:  # a text no declaration allows (typed into an editable list): shown again as stored
                field.set_value(self._store.value(key))

    def accept(self) -> None:
        self.apply()
        super().accept()
