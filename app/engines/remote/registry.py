"""From a remote profile (service kind, URL, model, options) and its API key to a ready engine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core.errors import EngineError
from app.core.remote_profiles import RemoteProfile
from app.core.text_translation import translatable, translated
from app.engines.remote.dashscope_paraformer import DEFAULT_BASE_URL as DASHSCOPE_BASE_URL
from app.engines.remote.dashscope_paraformer import DashScopeParaformerEngine, RecognitionSettings
from app.engines.remote.flash_asr import FlashAsrEngine
from app.engines.remote.hf_inference import DEFAULT_ENDPOINT, HF_HTTP_SETTINGS, HuggingFaceInferenceEngine
from app.engines.remote.hf_providers.engine import (
    MAX_PIECE_SECONDS,
    PIECES_IN_FLIGHT,
    HuggingFaceProvidersEngine,
    ProviderSettings,
)
from app.engines.remote.openai_compatible import OPENAI_UPLOAD_LIMIT, OpenAICompatibleEngine
from app.engines.remote.poll_schedule import PollSchedule
from app.engines.remote.remote_engine import RemoteTranscriptionEngine
from app.engines.remote.service_client import HttpSettings


@dataclass(frozen=True, slots=True)
class RemoteKind:
    kind: str
    label: str
    default_base_url: str
    default_model: str
    api_key_env: str
    build: Callable[[RemoteProfile, str | None, HttpSettings], RemoteTranscriptionEngine]


def _openai(profile: RemoteProfile, key: str | None, http: HttpSettings) -> RemoteTranscriptionEngine:
    limit = float(profile.options.get("max_upload_mb", OPENAI_UPLOAD_LIMIT / 2**20))
    temperature = float(profile.options.get("temperature", 0.0))
    return OpenAICompatibleEngine(profile.base_url, profile.model, key, int(limit * 2**20), http, temperature)


def _hf(profile: RemoteProfile, key: str | None, http: HttpSettings) -> RemoteTranscriptionEngine:
    options = profile.options
    if profile.provider != "hf-inference":
        settings = ProviderSettings(
            provider=profile.provider, hub_url=str(options.get("hub_url") or ""),
            provider_url=str(options.get("provider_url") or ""),
            return_timestamps=bool(options.get("return_timestamps", True)),
            max_piece_seconds=float(options.get("max_piece_seconds", MAX_PIECE_SECONDS)),
            pieces_in_flight=int(options.get("pieces_in_flight", PIECES_IN_FLIGHT)),
        )
        return HuggingFaceProvidersEngine(profile.base_url, profile.model, key, settings, http)
    return HuggingFaceInferenceEngine(
        profile.base_url, profile.model, key, bool(options.get("return_timestamps", True)),
        dict(options.get("generation_parameters") or {}), http,
    )


def _flash(profile: RemoteProfile, key: str | None, http: HttpSettings) -> RemoteTranscriptionEngine:
    options = profile.options
    silence = options.get("max_sentence_silence_ms")
    return FlashAsrEngine(
        profile.base_url, profile.model, key, None if silence is None else int(silence),
        float(options.get("max_piece_seconds", 55.0)), int(options.get("pieces_in_flight", 3)), http,
    )


def _dashscope(profile: RemoteProfile, key: str | None, http: HttpSettings) -> RemoteTranscriptionEngine:
    options = profile.options
    recognition = RecognitionSettings(
        language_hints=tuple(options.get("language_hints") or ()),
        disfluency_removal=bool(options.get("disfluency_removal", False)),
        diarization=bool(options.get("diarization", False)),
        speaker_count=options.get("speaker_count"),
    )
    poll = PollSchedule(
        first_interval=float(options.get("poll_first_interval", 1.0)),
        longest_interval=float(options.get("poll_longest_interval", 5.0)),
        give_up_after=float(options.get("give_up_after_minutes", 180)) * 60,
    )
    return DashScopeParaformerEngine(profile.base_url, profile.model, key, recognition, poll, http)


REMOTE_KINDS: dict[str, RemoteKind] = {
    k.kind: k
    for k in (
        RemoteKind("openai", translatable("OpenAI-compatible (OpenAI, Xinference, vLLM)"), "https://api.openai.com/v1",
                   "whisper-1", "OPENAI_API_KEY", _openai),
        RemoteKind("hf", "Hugging Face Inference", DEFAULT_ENDPOINT, "openai/whisper-large-v3", "HF_TOKEN", _hf),
        RemoteKind("flash", translatable("Flash ASR (short audio)"), "https://api.example.com", "", "FLASH_ASR_API_KEY",
                   _flash),
        RemoteKind("dashscope", "DashScope Paraformer", DASHSCOPE_BASE_URL, "paraformer-v2",
                   "DASHSCOPE_API_KEY", _dashscope),
    )
}


def http_settings_for(profile: RemoteProfile) -> HttpSettings:
    base = HF_HTTP_SETTINGS if profile.kind == "hf" else HttpSettings()
    return HttpSettings(
        connect_timeout=_number(profile.options, "connect_timeout", base.connect_timeout),
        read_timeout=_number(profile.options, "read_timeout", base.read_timeout),
        attempts=int(_number(profile.options, "attempts", base.attempts)),
        first_delay=_number(profile.options, "first_retry_delay", base.first_delay),
        max_delay=_number(profile.options, "longest_retry_delay", base.max_delay),
        max_total_wait=base.max_total_wait,
        ca_certificate_file=profile.ca_certificate_file,
    )


def create_remote_engine(profile: RemoteProfile, api_key: str | None) -> RemoteTranscriptionEngine:
    """The engine ``profile`` describes, sending ``api_key`` (None: no key)."""
    profile.validate()
    try:
        return REMOTE_KINDS[profile.kind].build(profile, api_key, http_settings_for(profile))
    except (TypeError, ValueError) as error:
        raise EngineError(translated(
            "The remote profile “{name}” has an invalid option: {error}."
        ).format(name=profile.name, error=error)) from None


def _number(options: dict[str, Any], name: str, default: float) -> float:
    return float(options.get(name, default))
