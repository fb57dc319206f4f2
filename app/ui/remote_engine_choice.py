"""Remote profiles as choices in the model combo, and the engine a choice stands for."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtWidgets import QComboBox

from app.core.api_keys import load_api_key
from app.core.errors import EarshotError
from app.core.remote_profiles import RemoteProfileStore
from app.engines.base import TranscriptionEngine, TranscriptionOptions
from app.engines.remote.registry import REMOTE_KINDS, create_remote_engine

REMOTE_PREFIX = "remote:"
log = logging.getLogger(__name__)


def remote_profile_name(choice: str | None) -> str | None:
    """The profile name when a combo choice is a remote profile, else None."""
    if choice and choice.startswith(REMOTE_PREFIX):
        return choice.removeprefix(REMOTE_PREFIX)
    return None


class RemoteEngineChoice:
    """Keeps the model combo's remote entries in step with the saved profiles."""

    def __init__(self, store: RemoteProfileStore) -> None:
        self.store = store

    def fill(self, combo: QComboBox) -> None:
        """Put every saved profile after the local models, keeping the current choice when it still exists."""
        current = combo.currentData()
        for index in reversed(range(combo.count())):
            data = combo.itemData(index)
            if remote_profile_name(data) is not None or (data is None and combo.itemText(index) == ""):
                combo.removeItem(index)
        try:
            profiles = self.store.load()
        except EarshotError as error:  # a damaged profiles file must not keep the window from opening
            log.warning("remote profiles not shown: %s", error)
            profiles = []
        if profiles:
            combo.insertSeparator(combo.count())
        for profile in profiles:
            label = REMOTE_KINDS[profile.kind].label.split(" (")[0] if profile.kind in REMOTE_KINDS else profile.kind
            combo.addItem(f"{profile.name} — {label}", REMOTE_PREFIX + profile.name)
        found = combo.findData(current)
        combo.setCurrentIndex(found if found >= 0 else 0)

    def engine_for(
        self, choice: str, local_engine: TranscriptionEngine, options: TranscriptionOptions
    ) -> tuple[TranscriptionEngine, TranscriptionOptions]:
        """The engine and options for a combo choice: the local engine, or the named profile's remote one."""
        name = remote_profile_name(choice)
        if name is None:
            return local_engine, options
        profile = self.store.get(name)
        engine = create_remote_engine(profile, load_api_key(profile.name))
        return engine, replace(options, model=profile.model)
