"""Which provider runs the model: the one the profile names, or the first live one; else one sentence why not."""

from __future__ import annotations

import logging

from app.core.errors import EngineError
from app.core.text_translation import translated
from app.engines.remote.hf_providers.hub_mapping import ProviderMapping

log = logging.getLogger(__name__)

SPEECH_RECOGNITION = "automatic-speech-recognition"
AUTOMATIC = "auto"
SUPPORTED_PROVIDERS = ("hf-inference", "fal-ai", "replicate", "deepinfra")


def choose_provider(mappings: list[ProviderMapping], wanted: str, model: str) -> ProviderMapping:
    """The mapping to use for ``wanted`` ("auto" or a provider's name)."""
    if not mappings:
        raise EngineError(translated(
            "No inference provider serves “{model}”; choose another model."
        ).format(model=model))
    if wanted == AUTOMATIC:
        return _first_usable(mappings, model)
    chosen = next((m for m in mappings if m.provider == wanted), None)
    if chosen is None:
        offered = ", ".join(m.provider for m in mappings)
        raise EngineError(translated(
            "The provider {wanted} does not serve “{model}”; it is served by {offered}."
        ).format(wanted=wanted, model=model, offered=offered))
    _check_usable(chosen, model)
    return chosen


def describe(mapping: ProviderMapping) -> str:
    """"fal-ai (live)", or with the task when it is not speech recognition."""
    task = "" if mapping.task == SPEECH_RECOGNITION else f", {mapping.task}"
    return f"{mapping.provider} ({mapping.status}{task})"


def _check_usable(mapping: ProviderMapping, model: str) -> None:
    if mapping.task != SPEECH_RECOGNITION:
        raise EngineError(translated(
            "The provider {provider} serves “{model}” for {task}, not for speech recognition."
        ).format(provider=mapping.provider, model=model, task=mapping.task))
    if mapping.status == "staging":
        raise EngineError(translated(
            "The provider {provider} offers “{model}” only in staging, for its own tests; choose a live "
            "provider."
        ).format(provider=mapping.provider, model=model))
    if mapping.provider not in SUPPORTED_PROVIDERS:
        raise EngineError(translated(
            "Earshot cannot speak to {provider} yet; choose one of {providers}."
        ).format(provider=mapping.provider, providers=', '.join(SUPPORTED_PROVIDERS)))
    if mapping.status == "error":
        log.warning("the Hub's last health check of %s on %s failed; trying anyway", model, mapping.provider)


def _first_usable(mappings: list[ProviderMapping], model: str) -> ProviderMapping:
    for mapping in mappings:
        if mapping.task == SPEECH_RECOGNITION and mapping.status == "live" and mapping.provider in SUPPORTED_PROVIDERS:
            return mapping
    listed = ", ".join(describe(m) for m in mappings)
    raise EngineError(translated(
        "No provider serves “{model}” live for speech recognition (the Hub lists {listed})."
    ).format(model=model, listed=listed))
