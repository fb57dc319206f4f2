"""Remote Services: named profiles (service, address, model, options), their keys, and Test Connection."""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.api_keys import delete_api_key, load_api_key, rename_api_key, store_api_key
from app.core.errors import EarshotError
from app.core.remote_profiles import ProfileError, RemoteProfile, RemoteProfileStore
from app.engines.base import JobContext
from app.engines.remote.registry import REMOTE_KINDS, create_remote_engine
from app.ui.background_calls import BackgroundCalls
from app.ui.remote_service_options import ServiceOptionsForm
from app.ui.themes import error_text_colour, success_text_colour

QUICK_TEST_OPTIONS = {"attempts": 2, "first_retry_delay": 0.5}


def _check_connection(
    profile: RemoteProfile, api_key: str | None, saved_key_of: str | None, cancel_event: threading.Event
) -> tuple[str, list[str]]:
    """Run on a thread: the service's answer and its models (if it lists them); reading the key may wait."""
    # A connection test should answer quickly: one retry, soon, unless the profile says otherwise.
    profile = replace(profile, options={**QUICK_TEST_OPTIONS, **profile.options})
    if api_key is None and saved_key_of is not None:
        api_key = load_api_key(saved_key_of)
    context = JobContext(cancel_event=cancel_event)
    engine = create_remote_engine(profile, api_key)
    message = engine.check_connection(context)
    list_models = getattr(engine, "list_models", None)
    return message, list_models(context) if list_models else []


class RemoteProfilesDialog(QDialog):
    profiles_changed = Signal()

    def __init__(self, store: RemoteProfileStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remoteProfilesDialog")
        self.setWindowTitle(self.tr("Remote Services"))
        self._store = store
        self._editing: str | None = None  # the saved name of the profile in the form
        # The keyring (a locked one prompts for minutes) and Test Connection run off the GUI thread;
        # closing the dialog drops whatever they still report.
        self._calls = BackgroundCalls(self)
        self.finished.connect(lambda _result: self._calls.stop())
        self._build()
        self._reload(select=None)
        self.finished.connect(lambda _result: self.service_options.stop_lookups())

    # ---- construction -------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        layout.addLayout(columns, 1)
        columns.addLayout(self._build_list(), 0)
        columns.addLayout(self._build_form(), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(780, 640)

    def _build_list(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.profile_list = QListWidget(self)
        self.profile_list.setObjectName("profileList")
        self.profile_list.setFixedWidth(200)
        self.profile_list.currentTextChanged.connect(self._load_profile)
        column.addWidget(self.profile_list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(self.add_profile)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_profile)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        column.addLayout(row)
        return column

    def _build_form(self) -> QVBoxLayout:
        column = QVBoxLayout()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(self)
        self.kind_combo = QComboBox(self)
        for kind in REMOTE_KINDS.values():
            self.kind_combo.addItem(self.tr(kind.label), kind.kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.url_edit = QLineEdit(self)
        self.model_combo = QComboBox(self)
        self.model_combo.setEditable(True)
        self.key_edit = QLineEdit(self)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.service_options = ServiceOptionsForm(self)
        self.service_options.set_profile_source(self._profile_and_key)
        self.options_edit = self.service_options.advanced_edit
        for label, widget in (
            (self.tr("Name"), self.name_edit), (self.tr("Service"), self.kind_combo),
            (self.tr("Address"), self.url_edit), (self.tr("Model"), self.model_combo),
            (self.tr("API key"), self.key_edit), (self.tr("Options"), self.service_options),
        ):
            form.addRow(label, widget)
        ca_label = QLabel(self.tr("CA certificate"), self)
        form.addRow(ca_label, self._build_ca_row())
        ca_label.setBuddy(self.ca_edit)
        column.addLayout(form)
        column.addLayout(self._build_actions_row())
        self.result_label = QLabel(self)
        self.result_label.setObjectName("connectionResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.result_label)
        column.addStretch(1)
        return column

    def _build_ca_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.ca_edit = QLineEdit(self)
        self.ca_edit.setObjectName("caCertificateEdit")
        self.ca_edit.setAccessibleName(self.tr("CA certificate file"))
        self.ca_edit.setPlaceholderText(self.tr("Optional: a company's certificate authority (PEM)"))
        self.ca_button = QPushButton(self.tr("Choose…"), self)
        self.ca_button.setAccessibleName(self.tr("Choose a CA certificate file"))
        self.ca_button.clicked.connect(self.choose_ca_certificate)
        row.addWidget(self.ca_edit, 1)
        row.addWidget(self.ca_button)
        return row

    def _build_actions_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test Connection"), self)
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveProfileButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_profile)
        row.addStretch(1)
        row.addWidget(self.test_button)
        row.addWidget(self.save_button)
        return row

    # ---- list and form --------------------------------------------------------------
    def _reload(self, select: str | None) -> None:
        names = [p.name for p in self._store.load()]
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        self.profile_list.addItems(names)
        self.profile_list.blockSignals(False)
        if select in names:
            self.profile_list.setCurrentRow(names.index(select))
        elif names:
            self.profile_list.setCurrentRow(0)
        else:
            self.add_profile()

    def _load_profile(self, name: str) -> None:
        try:
            profile = self._store.get(name) if name else None
        except ProfileError:
            profile = None
        if profile is None:
            return
        self._editing = profile.name
        self._fill_form(profile)
        self._show_key_state(profile.name)

    def _fill_form(self, profile: RemoteProfile) -> None:
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(profile.kind)))
        self.kind_combo.blockSignals(False)
        self.name_edit.setText(profile.name)
        self.url_edit.setText(profile.base_url)
        self.model_combo.clear()
        self.model_combo.setEditText(profile.model)
        self.service_options.set_options(profile.kind, profile.options)
        self.ca_edit.setText(profile.ca_certificate_file)
        self._show_hints(profile.kind)
        self.result_label.clear()

    def _show_hints(self, kind: str) -> None:
        defaults = REMOTE_KINDS[kind]
        self.url_edit.setPlaceholderText(defaults.default_base_url)
        line_edit = self.model_combo.lineEdit()
        assert line_edit is not None  # the combo is editable
        line_edit.setPlaceholderText(defaults.default_model or self.tr("(the service's default)"))

    def _show_key_state(self, name: str | None) -> None:
        self.key_edit.clear()
        if not name:
            self._show_key_placeholder(name, stored=False)
            return
        self.key_edit.setPlaceholderText(self.tr("Looking in the system keyring…"))
        self._calls.run(
            lambda: load_api_key(name) is not None,
            lambda stored: self._show_key_placeholder(name, stored),
            lambda _message: self._show_key_placeholder(name, stored=False), name="keyring",
        )

    def _show_key_placeholder(self, name: str | None, stored: bool) -> None:
        if name != self._editing:
            return  # the user moved on to another profile meanwhile
        self.key_edit.setPlaceholderText(
            self.tr("Saved in the system keyring") if stored else self.tr("Not set: type a key to save it")
        )

    def _kind_changed(self) -> None:
        kind = REMOTE_KINDS[self.kind_combo.currentData()]
        self.url_edit.setText(kind.default_base_url)
        self.model_combo.setEditText(kind.default_model)
        self.service_options.set_options(kind.kind, {})
        self._show_hints(kind.kind)

    def profile_in_form(self) -> RemoteProfile:
        profile = RemoteProfile(
            self.name_edit.text().strip(), self.kind_combo.currentData(), self.url_edit.text().strip(),
            self.model_combo.currentText().strip(), self.service_options.options(), self.ca_edit.text().strip(),
        )
        profile.validate()
        return profile

    # ---- actions ----------------------------------------------------------------------
    def add_profile(self) -> None:
        self._editing = None
        self.profile_list.clearSelection()
        kind = REMOTE_KINDS[self.kind_combo.currentData() or "openai"]
        self._fill_form(RemoteProfile(self._unused_name(), kind.kind, kind.default_base_url, kind.default_model))
        self._show_key_state(None)
        self.name_edit.setFocus()

    def save_profile(self) -> bool:
        """Save the form's profile; its key goes to the keyring in the background. False if the form is invalid."""
        try:
            profile = self.profile_in_form()
            self._store.put(profile, replacing=self._editing)
        except EarshotError as error:
            self._show_result(False, error.message)
            return False
        previous_name, typed_key = self._editing, self.key_edit.text()
        self._editing = profile.name
        self.save_button.setEnabled(False)
        self.result_label.setText(self.tr("Saving…"))

        def save_key() -> None:
            if previous_name and previous_name != profile.name:
                rename_api_key(previous_name, profile.name)
            if typed_key:
                store_api_key(profile.name, typed_key)

        self._calls.run(save_key, lambda _none: self._show_saved(profile.name), self._show_key_failure, name="keyring")
        return True

    def _show_saved(self, name: str) -> None:
        self.save_button.setEnabled(True)
        self._reload(select=name)
        self._show_result(True, self.tr("Saved “{name}”.").replace("{name}", name))
        self.profiles_changed.emit()

    def _show_key_failure(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self._show_result(False, message)
        self.profiles_changed.emit()

    def remove_profile(self) -> None:
        if self._editing is None:
            return
        name = self._editing
        try:
            self._store.remove(name)
        except EarshotError as error:
            self._show_result(False, error.message)
            return
        self._calls.run(lambda: delete_api_key(name), lambda _none: None, self._show_key_failure, name="keyring")
        self._editing = None
        self._reload(select=None)
        self.profiles_changed.emit()

    def choose_ca_certificate(self) -> None:
        chooser = QFileDialog(self, self.tr("Choose a CA certificate file"), self.ca_edit.text())
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setNameFilters([self.tr("Certificates (*.pem *.crt *.cer)"), self.tr("All files (*)")])
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(self.ca_edit.setText)
        chooser.open()

    def _profile_and_key(self) -> tuple[RemoteProfile, str | None, str | None]:
        """The profile in the form, the key typed and the saved profile whose key is in the keyring."""
        return self.profile_in_form(), self.key_edit.text() or None, self._editing

    def test_connection(self) -> None:
        try:
            profile = self.profile_in_form()
        except EarshotError as error:
            self._show_result(False, error.message)
            return
        self.test_button.setEnabled(False)
        self.result_label.setText(self.tr("Testing the connection…"))
        typed_key, saved_key_of = self.key_edit.text() or None, self._editing
        self._calls.run(
            lambda: _check_connection(profile, typed_key, saved_key_of, self._calls.cancel_event),
            lambda answer: self._show_test_result(True, *answer),
            lambda message: self._show_test_result(False, message, []), name="test-connection",
        )

    def _show_test_result(self, succeeded: bool, message: str, models: list[str]) -> None:
        self.test_button.setEnabled(True)
        if models:
            typed = self.model_combo.currentText()
            self.model_combo.clear()
            self.model_combo.addItems(models)
            self.model_combo.setEditText(typed)
        self._show_result(succeeded, message)

    def _show_result(self, succeeded: bool, message: str) -> None:
        self.result_label.setText(("✓ " if succeeded else "✗ ") + message)
        colour = success_text_colour() if succeeded else error_text_colour()
        self.result_label.setStyleSheet(f"color: {colour};")

    def _unused_name(self) -> str:
        names = {p.name for p in self._store.load()}
        number = 1
        while (name := self.tr("Remote service {n}").replace("{n}", str(number))) in names:
            number += 1
        return name
