"""Each remote service's options as labelled fields, with JSON kept only as an "Advanced" escape hatch.

A field holding its default is left out of the profile, so the profile file names only
what the user changed. Options without a field (retries, generation parameters) live in
the Advanced box, which is checked as it is typed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import EarshotError
from app.core.remote_profiles import DEFAULT_HF_PROVIDER, HF_PROVIDERS, ProfileError, RemoteProfile
from app.engines.remote.hf_providers.hub_mapping import ProviderMapping, default_hub_url
from app.engines.remote.hf_providers.provider_choice import SUPPORTED_PROVIDERS, describe
from app.ui.background_calls import BackgroundCalls
from app.ui.hf_provider_lookup import look_up_providers
from app.ui.themes import error_text_colour

# The profile in the form, the key typed (if any) and the saved profile whose key the keyring holds (if any).
ProfileSource = Callable[[], tuple[RemoteProfile, str | None, str | None]]
JSON_EXAMPLE = '{"attempts": 3}'


@dataclass(frozen=True, slots=True)
class OptionField:
    key: str
    default: Any
    read: Callable[[], Any]
    write: Callable[[Any], None]


class _ServicePage(QWidget):
    """One service's fields in a form, each with a label that is its buddy and its accessible name."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.fields: list[OptionField] = []

    def add(self, label: str, widget: QWidget, field: OptionField) -> None:
        widget.setAccessibleName(label.replace("&", ""))
        widget.setObjectName(f"option_{field.key}")
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        self.fields.append(field)

    def check(self, key: str, label: str, default: bool) -> QCheckBox:
        """A checkbox names itself: its text is its label, clickable as a whole."""
        box = QCheckBox(label, self)
        box.setObjectName(f"option_{key}")
        box.setAccessibleName(label.replace("&", ""))
        self.form.addRow("", box)
        self.fields.append(OptionField(key, default, box.isChecked, lambda v: box.setChecked(bool(v))))
        return box

    def whole(self, key: str, label: str, default: int, minimum: int, maximum: int, suffix: str = "",
              special: str = "") -> QSpinBox:
        """An integer; ``special`` names the minimum when it means "not set" (the service's default)."""
        spin = QSpinBox(self)
        spin.setRange(minimum, maximum)
        spin.setSuffix(suffix)
        if special:
            spin.setSpecialValueText(special)
        self.add(label, spin, OptionField(key, default, spin.value,
                                          lambda v: spin.setValue(int(_number(v, default)))))
        return spin

    def decimal(self, key: str, label: str, default: float, minimum: float, maximum: float, step: float,
                suffix: str = "") -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(minimum, maximum)
        spin.setSingleStep(step)
        spin.setDecimals(1 if step >= 0.1 else 2)
        spin.setSuffix(suffix)
        self.add(label, spin, OptionField(key, default, spin.value,
                                          lambda v: spin.setValue(float(_number(v, default)))))
        return spin

    def line(self, key: str, label: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        self.add(label, edit, OptionField(key, "", lambda: edit.text().strip(), lambda v: edit.setText(str(v or ""))))
        return edit

    def words(self, key: str, label: str, placeholder: str) -> QLineEdit:
        """A list of short codes typed with commas or spaces between them."""
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        self.add(label, edit, OptionField(
            key, [], lambda: edit.text().replace(",", " ").split(),
            lambda v: edit.setText(", ".join(str(x) for x in v) if isinstance(v, list) else ""),
        ))
        return edit


class ServiceOptionsForm(QWidget):
    """The options of the service chosen in the profile; ``options()`` gives them as the profile stores them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceOptions")
        self._profile_source: ProfileSource | None = None
        self._lookups = BackgroundCalls(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self)
        self._page_of: dict[str, _ServicePage] = {
            "openai": self._openai_page(), "hf": self._hf_page(), "flash": self._flash_page(),
            "dashscope": self._dashscope_page(),
        }
        for page in self._page_of.values():
            self.pages.addWidget(page)
        layout.addWidget(self.pages)
        layout.addLayout(self._advanced_box())
        self._kind = "openai"

    # ---- the services' fields -------------------------------------------------------------
    def _openai_page(self) -> _ServicePage:
        page = _ServicePage(self)
        page.decimal("max_upload_mb", self.tr("Upload limit"), 25.0, 1.0, 2000.0, 1.0, self.tr(" MB"))
        page.decimal("temperature", self.tr("Temperature"), 0.0, 0.0, 1.0, 0.1)
        self._timeouts(page)
        return page

    def _hf_page(self) -> _ServicePage:
        page = _ServicePage(self)
        self.provider_combo = QComboBox(page)
        self._offer_providers([])
        self.fetch_providers_button = QPushButton(self.tr("Fetch providers"), page)
        self.fetch_providers_button.setAccessibleName(self.tr("Fetch the model's providers from the Hub"))
        self.fetch_providers_button.clicked.connect(self.fetch_providers)
        page.add(self.tr("Provider"), self.provider_combo, OptionField(
            "provider", DEFAULT_HF_PROVIDER, lambda: self.provider_combo.currentData(), self._choose_provider))
        page.form.addRow("", self.fetch_providers_button)
        self.providers_status = QLabel(page)
        self.providers_status.setObjectName("providersStatus")
        self.providers_status.setWordWrap(True)
        page.form.addRow("", self.providers_status)
        page.check("return_timestamps", self.tr("Timestamps"), True)
        page.line("hub_url", self.tr("Hub address"), default_hub_url())
        self._timeouts(page)
        return page

    def _flash_page(self) -> _ServicePage:
        page = _ServicePage(self)
        page.whole("max_sentence_silence_ms", self.tr("Silence between sentences"), 0, 0, 6000, self.tr(" ms"),
                   special=self.tr("Service default"))
        page.decimal("max_piece_seconds", self.tr("Longest piece"), 55.0, 5.0, 60.0, 1.0, self.tr(" s"))
        page.whole("pieces_in_flight", self.tr("Pieces at once"), 3, 1, 8)
        self._timeouts(page)
        return page

    def _dashscope_page(self) -> _ServicePage:
        page = _ServicePage(self)
        page.words("language_hints", self.tr("Language hints"), self.tr("e.g. zh, en"))
        page.check("disfluency_removal", self.tr("Remove filler words"), False)
        page.check("diarization", self.tr("Tell speakers apart"), False)
        page.whole("speaker_count", self.tr("Number of speakers"), 0, 0, 100, special=self.tr("Automatic"))
        self._timeouts(page)
        return page

    def _timeouts(self, page: _ServicePage) -> None:
        page.whole("connect_timeout", self.tr("Connect timeout"), 10, 1, 120, self.tr(" s"))
        page.whole("read_timeout", self.tr("Answer timeout"), 300, 1, 7200, self.tr(" s"))

    def _advanced_box(self) -> QVBoxLayout:
        box = QVBoxLayout()
        caption = QLabel(self.tr("Advanced (JSON)"), self)
        self.advanced_edit = QPlainTextEdit(self)
        self.advanced_edit.setObjectName("advancedOptionsEdit")
        self.advanced_edit.setAccessibleName(self.tr("Advanced options as JSON"))
        self.advanced_edit.setPlaceholderText(JSON_EXAMPLE)
        self.advanced_edit.setFixedHeight(48)
        self.advanced_edit.textChanged.connect(self._check_advanced)
        caption.setBuddy(self.advanced_edit)
        self.advanced_status = QLabel(self)
        self.advanced_status.setObjectName("advancedOptionsStatus")
        self.advanced_status.setWordWrap(True)
        for widget in (caption, self.advanced_edit, self.advanced_status):
            box.addWidget(widget)
        return box

    # ---- the profile's options -------------------------------------------------------------
    def set_profile_source(self, source: ProfileSource) -> None:
        """Where "Fetch providers" finds the model, the Hub and the key: the dialog's form."""
        self._profile_source = source

    def set_options(self, kind: str, options: dict[str, Any]) -> None:
        self._kind = kind
        page = self._page_of[kind]
        self.pages.setCurrentWidget(page)
        self.providers_status.clear()
        for field in page.fields:
            field.write(options.get(field.key, field.default))
        rest = {k: v for k, v in options.items() if k not in {f.key for f in page.fields}}
        self.advanced_edit.setPlainText(json.dumps(rest, ensure_ascii=False) if rest else "")

    def options(self) -> dict[str, Any]:
        """The fields that differ from their defaults, and the advanced ones; ProfileError in one sentence."""
        advanced = self.advanced_options()
        page = self._page_of[self._kind]
        clash = sorted(set(advanced) & {f.key for f in page.fields})
        if clash:
            raise ProfileError(f"“{clash[0]}” has its own field; set it there rather than in the advanced options.")
        changed = {f.key: value for f in page.fields if (value := f.read()) != f.default}
        return {**advanced, **changed}

    def advanced_options(self) -> dict[str, Any]:
        text = self.advanced_edit.toPlainText().strip()
        try:
            options = json.loads(text) if text else {}
        except ValueError:
            raise ProfileError(f"The advanced options must be JSON, for example {JSON_EXAMPLE}.") from None
        if not isinstance(options, dict):
            raise ProfileError(f"The advanced options must be a JSON object, for example {JSON_EXAMPLE}.")
        return options

    def _check_advanced(self) -> None:
        try:
            self.options()
        except ProfileError as error:
            self.advanced_status.setText("✗ " + error.message)
            self.advanced_status.setStyleSheet(f"color: {error_text_colour()};")
        else:
            self.advanced_status.clear()

    # ---- Hugging Face providers ------------------------------------------------------------
    def stop_lookups(self) -> None:
        """The dialog closed: a lookup still running reports nothing."""
        self._lookups.stop()

    def fetch_providers(self) -> None:
        if self._profile_source is None:
            return
        try:
            profile, typed_key, saved_key_of = self._profile_source()
        except EarshotError as error:
            self.providers_status.setText("✗ " + error.message)
            return
        self.fetch_providers_button.setEnabled(False)
        self.providers_status.setText(self.tr("Asking the Hub who serves the model…"))
        cancel_event = self._lookups.cancel_event
        self._lookups.run(
            lambda: look_up_providers(profile, typed_key, saved_key_of, cancel_event),
            lambda found: self._show_providers(True, "", found),
            lambda message: self._show_providers(False, message, []), name="fetch-providers",
        )

    def _show_providers(self, succeeded: bool, message: str, mappings: list[ProviderMapping]) -> None:
        self.fetch_providers_button.setEnabled(True)
        if not succeeded:
            self.providers_status.setText("✗ " + message)
            return
        wanted = self.provider_combo.currentData()
        self._offer_providers(mappings)
        self._choose_provider(wanted)
        listed = ", ".join(describe(m) for m in mappings) or self.tr("none")
        self.providers_status.setText(self.tr("The Hub lists: {providers}").replace("{providers}", listed))

    def _offer_providers(self, mappings: list[ProviderMapping]) -> None:
        """Automatic and hf-inference always; then every provider the Hub listed, with its status."""
        self.provider_combo.clear()
        self.provider_combo.addItem(self.tr("Automatic (first live provider)"), "auto")
        self.provider_combo.addItem("hf-inference", "hf-inference")
        listed = {m.provider: m for m in mappings}
        for name in [*(m.provider for m in mappings), *HF_PROVIDERS]:
            if self.provider_combo.findData(name) >= 0:
                continue
            mapping = listed.get(name)
            self.provider_combo.addItem(describe(mapping) if mapping else name, name)
            model = self.provider_combo.model()
            if name not in SUPPORTED_PROVIDERS and isinstance(model, QStandardItemModel):
                model.item(self.provider_combo.count() - 1).setEnabled(False)  # listed, but Earshot cannot use it

    def _choose_provider(self, provider: Any) -> None:
        index = self.provider_combo.findData(str(provider or DEFAULT_HF_PROVIDER))
        self.provider_combo.setCurrentIndex(max(0, index))


def _number(value: Any, default: float) -> float:
    """A number from a profile file (untrusted): the default when it is not one."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else default
