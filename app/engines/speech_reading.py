"""Reading a text aloud on a worker of its own, and the voice it is read in (the local system's or a profile's).

``SpeechReading`` is the one piece that runs speech: one worker thread synthesises sentence by
sentence and hands each (or each streamed piece) to a ``SpeechPlayer``, which plays it while the
next is made. ``stop()`` returns at once: the synthesiser is cancelled (the pyttsx3 process killed,
the HTTP request closed) and the device's buffer aborted. Callbacks run on the worker or the
player's thread; a Qt caller relays them to its own thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.api_keys import load_api_key
from app.core.errors import Cancelled, EarshotError, SpeechOutputError
from app.core.remote_profiles import RemoteProfileStore
from app.core.sentences import TextSpan
from app.core.text_translation import translated
from app.engines.remote.openai_compatible import OpenAICompatibleEngine
from app.engines.remote.registry import http_settings_for
from app.engines.speech_output import (
    LocalSpeechSynthesiser,
    RemoteSpeechSynthesiser,
    SentenceListener,
    SpeechSettings,
    SpokenSentence,
)
from app.engines.speech_playback import SpeechPlayer

log = logging.getLogger(__name__)

Synthesise = Callable[[str, SentenceListener | None, threading.Event], list[SpokenSentence]]
FinishedListener = Callable[[EarshotError | None], None]  # None: read to the end


@dataclass(frozen=True, slots=True)
class RemoteVoice:
    """A speech model and voice of an OpenAI-compatible profile's /audio/speech."""

    profile: str
    model: str = "tts-1"
    voice: str = "alloy"
    audio_format: str = "wav"
    speed: float = 1.0  # 0.25..4
    ask_to_stream: bool = False  # Xinference's stream: true


@dataclass(frozen=True, slots=True)
class SpeechVoice:
    """What to read with: the system's voice (``local``), or ``remote`` when it is set."""

    local: SpeechSettings = field(default_factory=SpeechSettings)
    remote: RemoteVoice | None = None


def synthesiser_for(voice: SpeechVoice, profiles: RemoteProfileStore) -> Synthesise:
    """The synthesis ``voice`` stands for; a remote one reads its profile and key when it runs (off the GUI)."""
    remote = voice.remote
    if remote is None:
        local = LocalSpeechSynthesiser()
        return lambda text, heard, cancel: local.synthesise(text, voice.local, heard, cancel)

    def synthesise_remotely(text: str, heard: SentenceListener | None, cancel: threading.Event) -> list[SpokenSentence]:
        profile = profiles.get(remote.profile)
        if profile.kind != "openai":
            raise SpeechOutputError(translated(
                "“{name}” is not an OpenAI-compatible service; only those can speak."
            ).format(name=profile.name))
        engine = OpenAICompatibleEngine(profile.base_url, remote.model, load_api_key(profile.name),
                                        http=http_settings_for(profile))
        synthesiser = RemoteSpeechSynthesiser(engine, remote.voice, remote.speed, remote.audio_format,
                                              remote.ask_to_stream)
        return synthesiser.synthesise(text, heard, cancel)

    return synthesise_remotely


class SpeechReading:
    """One text read aloud at a time: ``start(text, synthesise)``, then ``stop()`` or wait for ``on_finished``.

    A stopped reading says nothing more (no sentence, no ``on_finished``), so the next can start at
    once while the stopped one's worker is still letting go.
    """

    def __init__(self, on_sentence_started: Callable[[TextSpan], None], on_finished: FinishedListener) -> None:
        self.device: int | str | None = None  # None: the system's default output
        self._on_sentence_started = on_sentence_started
        self._on_finished = on_finished
        self._cancel = threading.Event()
        self._player: SpeechPlayer | None = None
        self._worker: threading.Thread | None = None

    @property
    def is_running(self) -> bool:
        """Reading, and not stopped."""
        return self._worker is not None and self._worker.is_alive() and not self._cancel.is_set()

    @property
    def player(self) -> SpeechPlayer | None:
        return self._player

    def start(self, text: str, synthesise: Synthesise) -> None:
        if self.is_running:
            raise SpeechOutputError(translated("Speech is already being read; stop it first."))
        cancel = self._cancel = threading.Event()

        def sentence_started(span: TextSpan) -> None:
            if not cancel.is_set():
                self._on_sentence_started(span)

        self._player = SpeechPlayer(self.device, sentence_started)
        self._worker = threading.Thread(target=self._read, args=(text, synthesise, self._player, cancel),
                                        name="speech reading", daemon=True)
        self._worker.start()

    def stop(self) -> None:
        """Silence now; returns at once (``wait()`` for the worker to let go)."""
        self._cancel.set()
        if self._player is not None:
            self._player.stop()

    def wait(self, timeout: float | None = None) -> bool:
        worker = self._worker
        if worker is not None:
            worker.join(timeout)
        return worker is None or not worker.is_alive()

    def _read(self, text: str, synthesise: Synthesise, player: SpeechPlayer, cancel: threading.Event) -> None:
        error: EarshotError | None = None
        try:
            synthesise(text, player.add, cancel)
            player.finish()
            player.wait()
            error = player.error
        except Cancelled:
            pass
        except EarshotError as failure:
            error = failure
        except Exception as failure:  # a bug: logged with its trace, told as one sentence
            log.exception("reading aloud failed")
            error = SpeechOutputError(translated(
                "Reading aloud stopped because of an unexpected error ({failure})."
            ).format(failure=failure))
        finally:
            player.stop()
            player.wait(5)
        if not cancel.is_set():
            self._on_finished(error)
