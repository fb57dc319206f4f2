"""The Remote Services dialog's "Fetch providers": the Hub's providers of a model, looked up off the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from app.core.errors import EarshotError
from app.core.remote_profiles import RemoteProfile
from app.engines.base import JobContext
from app.engines.remote.hf_providers.hub_mapping import ProviderMapping, ProviderMappings, default_hub_url
from app.engines.remote.registry import http_settings_for
from app.gui_thread_relay import GuiThreadRelay


class ProviderLookup(QObject):
    finished = Signal(bool, str, list)  # succeeded, one sentence on failure, the providers (ProviderMapping)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self._relay = GuiThreadRelay(self)

    def start(self, profile: RemoteProfile, api_key: str | None) -> None:
        threading.Thread(target=self._run, args=(profile, api_key), name="fetch-providers", daemon=True).start()

    def _run(self, profile: RemoteProfile, api_key: str | None) -> None:
        hub_url = str(profile.options.get("hub_url") or default_hub_url())
        mappings = ProviderMappings(hub_url, api_key, http_settings_for(profile))
        try:
            found = mappings.fetch(profile.model, JobContext(cancel_event=self.cancel_event))
        except EarshotError as error:
            self._relay.post(self._finish, False, error.message, [])
        except Exception as error:  # the dialog must answer, whatever broke
            self._relay.post(self._finish, False, f"Fetching the providers failed unexpectedly: "
                                                  f"{type(error).__name__}.", [])
        else:
            self._relay.post(self._finish, True, "", found)

    def _finish(self, succeeded: bool, message: str, mappings: list[ProviderMapping]) -> None:
        if not self.cancel_event.is_set():
            self.finished.emit(succeeded, message, mappings)
