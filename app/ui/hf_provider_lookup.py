"""The Remote Services dialog's "Fetch providers": the Hub's providers of a model, looked up off the GUI thread."""

from __future__ import annotations

import threading

from app.core.api_keys import load_api_key
from app.core.remote_profiles import RemoteProfile
from app.engines.base import JobContext
from app.engines.remote.hf_providers.hub_mapping import ProviderMapping, ProviderMappings, default_hub_url
from app.engines.remote.registry import http_settings_for


def look_up_providers(
    profile: RemoteProfile, typed_key: str | None, saved_key_of: str | None, cancel_event: threading.Event
) -> list[ProviderMapping]:
    """Run on a thread (reading the keyring may wait for an unlock prompt): the model's providers."""
    api_key = typed_key or (load_api_key(saved_key_of) if saved_key_of else None)
    hub_url = str(profile.options.get("hub_url") or default_hub_url())
    mappings = ProviderMappings(hub_url, api_key, http_settings_for(profile))
    return mappings.fetch(profile.model, JobContext(cancel_event=cancel_event))
