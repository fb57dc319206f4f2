"""The `speak` command: text read aloud by the system's voice (pyttsx3) or an OpenAI-compatible server.

With --output the speech is saved as WAV or FLAC; without it, each sentence plays as soon as it is
spoken, and its text is printed as it starts.
"""

from __future__ import annotations

import argparse
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.argparse_language import CommandLineParser, Commands
from app.cli.inputs import EXIT_OK, EXIT_USAGE, say
from app.core.errors import SpeechOutputError
from app.core.text_translation import translated

if TYPE_CHECKING:  # pyttsx3's worker, sounddevice and httpx load only when speaking
    from app.engines.speech_output import SentenceListener, SpokenSentence

DEFAULT_REMOTE_VOICE = "alloy"
DEFAULT_REMOTE_MODEL = "tts-1"


def add_speak_command(
    commands: Commands, parents: list[CommandLineParser]
) -> None:
    speak = commands.add_parser("speak", help=translated("read text aloud, or save it as speech"),
                                description=translated("Read text aloud, or save it as speech."), parents=parents)
    speak.add_argument("text", nargs="?", default=None, metavar="TEXT", help=translated("the text (or --input FILE)"))
    speak.add_argument("--input", type=Path, default=None, metavar="FILE",
                       help=translated("read the text from a UTF-8 file"))
    speak.add_argument("--voice", default=None, metavar="NAME",
                       help=translated("a voice's name or id (`--list-voices`; remote default: {voice})").format(
                           voice=DEFAULT_REMOTE_VOICE))
    speak.add_argument("--list-voices", action="store_true", help=translated("list the local voices and exit"))
    speak.add_argument("--rate", type=int, default=None, metavar="N",
                       help=translated("words per minute (local engine)"))
    speak.add_argument("--volume", type=float, default=1.0, metavar="0..1", help=translated("loudness (local engine)"))
    speak.add_argument("--speed", type=float, default=1.0, metavar="0.25..4", help=translated("speed (openai engine)"))
    speak.add_argument("--format", choices=("wav", "pcm", "flac", "mp3"), default="wav", dest="audio_format",
                       help=translated("the server's audio format; wav and pcm play as they arrive (openai engine)"))
    speak.add_argument("--stream", action="store_true",
                       help=translated("ask the server to send speech as it makes it (Xinference's stream: true)"))
    speak.add_argument("--engine", choices=("local", "openai"), default="local",
                       help=translated("local (this computer's voices, default) or openai (an OpenAI-compatible "
                                       "server)"))
    speak.add_argument("--base-url", default="https://api.openai.com/v1", metavar="URL",
                       help=translated("the server's address (openai engine)"))
    speak.add_argument("--model", default=DEFAULT_REMOTE_MODEL,
                       help=translated("the server's speech model (default: {model})").format(
                           model=DEFAULT_REMOTE_MODEL))
    speak.add_argument("--api-key-env", default="OPENAI_API_KEY", metavar="NAME",
                       help=translated("environment variable holding the API key (default: {variable})").format(
                           variable="OPENAI_API_KEY"))
    speak.add_argument("--output", type=Path, default=None, metavar="FILE.wav|FILE.flac",
                       help=translated("save the speech here (default: play it)"))


def speak_command(arguments: argparse.Namespace) -> int:
    from app.engines.speech_output import LocalSpeechSynthesiser

    if arguments.list_voices:
        for voice in LocalSpeechSynthesiser().voices():
            print(f"{voice.id:<24} {voice.name}  {','.join(voice.languages)}")
        return EXIT_OK
    text = _text(arguments)
    if text is None:
        say(translated("give the TEXT to speak, or --input FILE."))
        return EXIT_USAGE
    if arguments.output is None:
        return _play(arguments, text)
    from app.engines.speech_playback import save_speech, speech_file_format

    speech_file_format(arguments.output)  # refused before any speech is made
    save_speech(_synthesise(arguments, text, None, threading.Event()), arguments.output)
    return EXIT_OK


def _text(arguments: argparse.Namespace) -> str | None:
    if arguments.input is None:
        return str(arguments.text) if arguments.text is not None else None
    try:
        return str(arguments.input.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or translated("it is not UTF-8 text")
        raise SpeechOutputError(translated("Cannot read “{path}”: {reason}.").format(path=arguments.input,
                                                                                     reason=reason)) from error


def _synthesise(arguments: argparse.Namespace, text: str, on_sentence: SentenceListener | None,
                cancel_event: threading.Event) -> list[SpokenSentence]:
    from app.engines.speech_output import LocalSpeechSynthesiser, RemoteSpeechSynthesiser, SpeechSettings

    if arguments.engine == "local":
        local = LocalSpeechSynthesiser()
        voice = local.find_voice(arguments.voice).id if arguments.voice else None
        settings = SpeechSettings(voice, arguments.rate, max(0.0, min(1.0, arguments.volume)))
        return local.synthesise(text, settings, on_sentence, cancel_event)
    from app.engines.remote.openai_compatible import OpenAICompatibleEngine

    api_key = os.environ.get(arguments.api_key_env) or None
    engine = OpenAICompatibleEngine(arguments.base_url, arguments.model, api_key)
    remote = RemoteSpeechSynthesiser(engine, arguments.voice or DEFAULT_REMOTE_VOICE, arguments.speed,
                                     arguments.audio_format, arguments.stream)
    return remote.synthesise(text, on_sentence, cancel_event)


def _play(arguments: argparse.Namespace, text: str) -> int:
    from app.engines.speech_playback import SpeechPlayer

    player = SpeechPlayer(on_sentence_started=lambda span: print(span.text, flush=True))
    cancel_event = threading.Event()
    try:
        _synthesise(arguments, text, player.add, cancel_event)
        player.finish()
        while not player.wait(0.1):
            pass
    except BaseException:
        cancel_event.set()
        player.stop()
        raise
    if player.error is not None:
        raise player.error
    return EXIT_OK

