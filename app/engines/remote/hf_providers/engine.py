"""Hugging Face Inference Providers: a Hub model run by a third-party provider (fal-ai, replicate, deepinfra).

The model's providers come from the Hub (hub_mapping.py, cached a day); the profile
names one, or "auto" takes the first live one. A Hugging Face token (``hf_…``) goes
through the router, ``{router}/{provider}`` plus the provider's route; a provider's own
key goes to the provider directly. Audio is cut at silences into pieces, a few in
flight, so a provider that gives no times still gives one usable segment per piece;
chunks or segments with times are used where the provider sends them. When the choice
falls on hf-inference, the Hugging Face Inference engine does the work.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.audio import AudioClip
from app.core.errors import EngineError
from app.core.text_translation import translated
from app.core.transcript import Segment
from app.engines.base import JobContext, TranscriptionOptions
from app.engines.remote import hf_inference
from app.engines.remote.audio_pieces import AudioPiece, cut_into_pieces, probe_clip, recognise_pieces, whole_clip
from app.engines.remote.hf_providers import deepinfra, fal_ai, replicate
from app.engines.remote.hf_providers.hub_mapping import ProviderMapping, ProviderMappings, default_hub_url
from app.engines.remote.hf_providers.provider_choice import AUTOMATIC, choose_provider, describe
from app.engines.remote.hf_providers.provider_contract import ProviderCall, ProviderContract
from app.engines.remote.poll_schedule import PollSchedule
from app.engines.remote.remote_engine import RemoteTranscriptionEngine
from app.engines.remote.service_client import HttpSettings, ServiceClient
from app.engines.remote.task_support import require_transcription

DEFAULT_ROUTER_URL = "https://router.huggingface.co"
CONTRACTS: dict[str, ProviderContract] = {c.name: c for c in (fal_ai.CONTRACT, replicate.CONTRACT, deepinfra.CONTRACT)}
MAX_PIECE_SECONDS = 30.0  # without timestamps from the provider, a segment is at most this long
PIECES_IN_FLIGHT = 3
REPLICATE_POLL = PollSchedule(first_interval=1.0, longest_interval=5.0, give_up_after=3600.0)


@dataclass(frozen=True, slots=True)
class ProviderSettings:
    provider: str = AUTOMATIC  # "auto" or a provider's name
    hub_url: str = ""  # empty: HF_ENDPOINT, or huggingface.co
    provider_url: str = ""  # a provider's own address, for its own key; empty: the provider's public one
    return_timestamps: bool = True
    max_piece_seconds: float = MAX_PIECE_SECONDS
    pieces_in_flight: int = PIECES_IN_FLIGHT
    poll: PollSchedule = REPLICATE_POLL
    cache_folder: Path | None = None  # empty: the app's cache folder


def router_url_of(base_url: str) -> str:
    """The router's root, from a profile's address (which may still name the hf-inference route)."""
    return base_url.rstrip("/").removesuffix("/models").removesuffix("/hf-inference")


def uses_router(api_key: str | None) -> bool:
    return api_key is None or api_key.startswith("hf_")


class HuggingFaceProvidersEngine(RemoteTranscriptionEngine):
    name = "hf"

    def __init__(
        self, router_url: str, model: str, api_key: str | None, settings: ProviderSettings | None = None,
        http: HttpSettings | None = None,
    ) -> None:
        self.router_url = router_url_of(router_url or DEFAULT_ROUTER_URL)
        self.model = model
        self.settings = settings or ProviderSettings()
        self.http = http or HttpSettings()
        self._api_key = api_key or None
        self.mappings = ProviderMappings(self.settings.hub_url or default_hub_url(), self._api_key, self.http,
                                         self.settings.cache_folder)
        if self.settings.provider == AUTOMATIC and not uses_router(self._api_key):
            raise EngineError(translated(
                "Choosing the provider automatically needs a Hugging Face token (hf_…); with a "
                "provider's own key, choose that provider."
            ))

    def transcribe(
        self, audio: AudioClip, options: TranscriptionOptions, context: JobContext
    ) -> Iterator[Segment]:
        require_transcription(options, hf_inference.SERVICE_NAME)
        context.report_status(translated("Asking the Hugging Face Hub who serves the model"))
        mapping = self.chosen_mapping(context)
        if mapping.provider == "hf-inference":
            yield from self._hf_inference(mapping).transcribe(audio, options, context)
            return
        call = self._call(mapping)
        pieces = cut_into_pieces(audio.samples, self.settings.max_piece_seconds)
        context.report_status(translated(
            "Sending audio to {service_name} in {number_of_pieces} piece(s)"
        ).format(service_name=call.client.service_name, number_of_pieces=len(pieces)))

        def recognise(piece: AudioPiece, piece_context: JobContext) -> list[Segment]:
            return CONTRACTS[mapping.provider].recognise(call, piece, piece_context)

        yield from recognise_pieces(pieces, recognise, context, self.settings.pieces_in_flight)

    def check_connection(self, context: JobContext) -> str:
        mapping = self.chosen_mapping(context)
        if mapping.provider == "hf-inference":
            self._hf_inference(mapping).check_connection(context)
        else:
            CONTRACTS[mapping.provider].recognise(self._call(mapping), whole_clip(probe_clip()), context)
        return translated(
            "Connected: {model} answered through {provider}."
        ).format(model=self.model, provider=describe(mapping))

    def chosen_mapping(self, context: JobContext) -> ProviderMapping:
        return choose_provider(self.mappings.lookup(self.model, context), self.settings.provider, self.model)

    def _call(self, mapping: ProviderMapping) -> ProviderCall:
        contract = CONTRACTS[mapping.provider]
        if uses_router(self._api_key):
            base_url, service = f"{self.router_url}/{contract.name}", f"Hugging Face ({contract.label})"
            client = ServiceClient(service, self._api_key, self.http)
        else:
            base_url = (self.settings.provider_url or contract.direct_url).rstrip("/")
            client = ServiceClient(contract.label, self._api_key, self.http, auth_scheme=contract.auth_scheme)
        return ProviderCall(client, base_url, mapping.provider_id, self.settings.return_timestamps, self.settings.poll)

    def _hf_inference(self, mapping: ProviderMapping) -> hf_inference.HuggingFaceInferenceEngine:
        return hf_inference.HuggingFaceInferenceEngine(
            f"{self.router_url}/hf-inference/models", mapping.provider_id, self._api_key,
            self.settings.return_timestamps, http=self.http,
        )
