"""Every user preference, declared once: its key, type, default, allowed values, group and description.

The Preferences dialog is built from these declarations and the store reads and writes through
them; nothing else decides a preference's default or what values it may take. Labels and
descriptions are English source texts: the Qt layer translates them (``QT_TRANSLATE_NOOP`` marks
them for Qt Linguist, whose extractor reads this file too). Stored values are untrusted:
``checked_value`` turns one back into the declared type or refuses it, and the default is used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from app.core.formats import OUTPUT_FORMATS
from app.core.languages import LANGUAGES
from app.core.streamed_audio import REMOTE_SPEECH_FORMATS
from app.core.subtitle_rules import DEFAULT_PROFILE, SUBTITLE_PROFILES

Value = bool | int | str


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` as it is: marks it for translation in ``context`` without importing Qt."""
    return text


CONTEXT = "Preferences"


class Kind(Enum):
    BOOL = "bool"
    INT = "int"
    TEXT = "text"
    CHOICE = "choice"  # one of ``choices``
    FOLDER = "folder"  # a folder's path; "" for the app's own default


class ChoiceSource(Enum):
    """Choices known only at run time, listed by the layer that knows them."""

    MODELS = "models"  # the models on this machine
    REMOTE_PROFILES = "remote_profiles"
    INPUT_DEVICES = "input_devices"


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    label: str


@dataclass(frozen=True, slots=True)
class Preference:
    key: str  # "group/name", the key it is stored under
    label: str
    description: str
    kind: Kind
    default: Value
    group: Group
    choices: tuple[Choice, ...] = ()  # Kind.CHOICE: the allowed values, in the order offered
    choice_source: ChoiceSource | None = None  # a TEXT whose usual values are listed at run time
    minimum: int = 0  # Kind.INT
    maximum: int = 0
    special_value_text: str = ""  # Kind.INT: what the minimum means, when it means "automatic"
    empty_text: str = ""  # a TEXT whose usual values are listed: what leaving it empty means


RECOGNITION = Group("recognition", QT_TRANSLATE_NOOP("Preferences", "Recognition"))
RECORDING = Group("recording", QT_TRANSLATE_NOOP("Preferences", "Recording"))
SPEECH = Group("speech", QT_TRANSLATE_NOOP("Preferences", "Speech"))
EXPORT = Group("export", QT_TRANSLATE_NOOP("Preferences", "Export"))
EDITING = Group("editing", QT_TRANSLATE_NOOP("Preferences", "Editing"))
APPEARANCE = Group("appearance", QT_TRANSLATE_NOOP("Preferences", "Appearance"))
GROUPS = (RECOGNITION, RECORDING, SPEECH, EXPORT, EDITING, APPEARANCE)

LOCAL_ENGINE = "local"
REMOTE_ENGINE = "remote"
AUTO_LANGUAGE = "auto"
SYSTEM = "system"  # interface language and theme: follow the system
INTERFACE_LANGUAGES = ("en", "zh_CN")
THEMES = ("light", "dark")
MAX_CPU_THREADS = 64
DEFAULT_SPEECH_MODEL = "tts-1"
DEFAULT_SPEECH_VOICE = "alloy"
SPEECH_FORMAT_LABELS = {
    "wav": QT_TRANSLATE_NOOP("Preferences", "WAV"), "pcm": QT_TRANSLATE_NOOP("Preferences", "PCM"),
    "flac": QT_TRANSLATE_NOOP("Preferences", "FLAC"), "mp3": QT_TRANSLATE_NOOP("Preferences", "MP3"),
}
DEFAULT_REMOTE_JOBS = 4
MAX_REMOTE_JOBS = 16


def _language_choices() -> tuple[Choice, ...]:
    automatic = Choice(AUTO_LANGUAGE, QT_TRANSLATE_NOOP("Preferences", "Detect automatically"))
    return (automatic, *(Choice(code, name) for code, name in sorted(LANGUAGES.items(), key=lambda item: item[1])))


ENGINE_CHOICES = (
    Choice(LOCAL_ENGINE, QT_TRANSLATE_NOOP("Preferences", "This machine")),
    Choice(REMOTE_ENGINE, QT_TRANSLATE_NOOP("Preferences", "Remote service")),
)

PREFERENCES: tuple[Preference, ...] = (
    Preference(
        "recognition/engine", QT_TRANSLATE_NOOP("Preferences", "Engine"),
        QT_TRANSLATE_NOOP("Preferences", "Recognise on this machine, or with the default remote service."),
        Kind.CHOICE, LOCAL_ENGINE, RECOGNITION,
        choices=ENGINE_CHOICES,
    ),
    Preference(
        "recognition/model", QT_TRANSLATE_NOOP("Preferences", "Model"),
        QT_TRANSLATE_NOOP("Preferences", "The model chosen when the window opens. Empty: the bundled multilingual base "
                                         "model, which works with no download."),
        Kind.TEXT, "", RECOGNITION, choice_source=ChoiceSource.MODELS,
        empty_text=QT_TRANSLATE_NOOP("Preferences", "The bundled base model"),
    ),
    Preference(
        "remote/profile", QT_TRANSLATE_NOOP("Preferences", "Remote service"),
        QT_TRANSLATE_NOOP("Preferences", "The remote service profile used when the engine is a remote service "
                                         "(Transcription ▸ Remote Services… sets them up)."),
        Kind.TEXT, "", RECOGNITION, choice_source=ChoiceSource.REMOTE_PROFILES,
        empty_text=QT_TRANSLATE_NOOP("Preferences", "The first one set up"),
    ),
    Preference(
        "recognition/language", QT_TRANSLATE_NOOP("Preferences", "Language"),
        QT_TRANSLATE_NOOP("Preferences", "The language spoken, or detected automatically."),
        Kind.CHOICE, AUTO_LANGUAGE, RECOGNITION, choices=_language_choices(),
    ),
    Preference(
        "recognition/task", QT_TRANSLATE_NOOP("Preferences", "Task"),
        QT_TRANSLATE_NOOP("Preferences", "Write down what is said, or translate it to English."),
        Kind.CHOICE, "transcribe", RECOGNITION,
        choices=(Choice("transcribe", QT_TRANSLATE_NOOP("Preferences", "Transcribe")),
                 Choice("translate", QT_TRANSLATE_NOOP("Preferences", "Translate to English"))),
    ),
    Preference(
        "recognition/cpu_threads", QT_TRANSLATE_NOOP("Preferences", "CPU threads"),
        QT_TRANSLATE_NOOP("Preferences", "How many processor threads recognition uses; automatic uses every core."),
        Kind.INT, 0, RECOGNITION, minimum=0, maximum=MAX_CPU_THREADS,
        special_value_text=QT_TRANSLATE_NOOP("Preferences", "Automatic"),
    ),
    Preference(
        "recognition/vad_filter", QT_TRANSLATE_NOOP("Preferences", "Skip silence"),
        QT_TRANSLATE_NOOP("Preferences", "The voice-activity filter: silence, noise and music are skipped, so no words "
                                         "are invented there."),
        Kind.BOOL, True, RECOGNITION,
    ),
    Preference(
        "recognition/word_timestamps", QT_TRANSLATE_NOOP("Preferences", "Word timestamps"),
        QT_TRANSLATE_NOOP("Preferences", "A time for every word: needed to proofread uncertain words and to retime "
                                         "while editing."),
        Kind.BOOL, True, RECOGNITION,
    ),
    Preference(
        "recognition/fast_mode", QT_TRANSLATE_NOOP("Preferences", "Fast mode for long files"),
        QT_TRANSLATE_NOOP("Preferences", "Recognises several passages at once: quicker on long recordings, but a "
                                         "little less accurate. Local models only."),
        Kind.BOOL, False, RECOGNITION,
    ),
    Preference(
        "recognition/remote_jobs", QT_TRANSLATE_NOOP("Preferences", "Remote files at once"),
        QT_TRANSLATE_NOOP("Preferences", "How many files are sent to remote services at the same time (the batch "
                                         "queue, re-transcribed passages); this machine's own recognition runs one "
                                         "at a time."),
        Kind.INT, DEFAULT_REMOTE_JOBS, RECOGNITION, minimum=1, maximum=MAX_REMOTE_JOBS,
    ),
    Preference(
        "recording/device", QT_TRANSLATE_NOOP("Preferences", "Input device"),
        QT_TRANSLATE_NOOP("Preferences", "The microphone or input to record from. Empty: the system's default input."),
        Kind.TEXT, "", RECORDING, choice_source=ChoiceSource.INPUT_DEVICES,
        empty_text=QT_TRANSLATE_NOOP("Preferences", "The system's default input"),
    ),
    Preference(
        "recording/folder", QT_TRANSLATE_NOOP("Preferences", "Recordings folder"),
        QT_TRANSLATE_NOOP("Preferences", "Where new recordings are kept. Empty: the app's own recordings folder."),
        Kind.FOLDER, "", RECORDING,
    ),
    Preference(
        "speech/engine", QT_TRANSLATE_NOOP("Preferences", "Speech engine"),
        QT_TRANSLATE_NOOP("Preferences", "Read text aloud with this machine's voices or with the remote service."),
        Kind.CHOICE, LOCAL_ENGINE, SPEECH,
        choices=ENGINE_CHOICES,
    ),
    Preference(
        "speech/voice", QT_TRANSLATE_NOOP("Preferences", "Voice"),
        QT_TRANSLATE_NOOP("Preferences", "A voice's name or id (earshot speak --list-voices lists this machine's). "
                                         "Empty: the default voice."),
        Kind.TEXT, "", SPEECH,
    ),
    Preference(
        "speech/rate", QT_TRANSLATE_NOOP("Preferences", "Speaking rate"),
        QT_TRANSLATE_NOOP("Preferences", "Words per minute for this machine's voices; the voice's own rate at the "
                                         "lowest setting."),
        Kind.INT, 0, SPEECH, minimum=0, maximum=500,
        special_value_text=QT_TRANSLATE_NOOP("Preferences", "The voice's own"),
    ),
    Preference(
        "speech/volume", QT_TRANSLATE_NOOP("Preferences", "Volume (%)"),
        QT_TRANSLATE_NOOP("Preferences", "How loud this machine's voices speak."),
        Kind.INT, 100, SPEECH, minimum=0, maximum=100,
    ),
    Preference(
        "speech/profile", QT_TRANSLATE_NOOP("Preferences", "Speech service"),
        QT_TRANSLATE_NOOP("Preferences", "The OpenAI-compatible profile that speaks when the speech engine is a "
                                         "remote service."),
        Kind.TEXT, "", SPEECH, choice_source=ChoiceSource.REMOTE_PROFILES,
        empty_text=QT_TRANSLATE_NOOP("Preferences", "The first one set up"),
    ),
    Preference(
        "speech/remote_model", QT_TRANSLATE_NOOP("Preferences", "Speech model"),
        QT_TRANSLATE_NOOP("Preferences", "The service's speech model."),
        Kind.TEXT, DEFAULT_SPEECH_MODEL, SPEECH,
    ),
    Preference(
        "speech/remote_voice", QT_TRANSLATE_NOOP("Preferences", "Service voice"),
        QT_TRANSLATE_NOOP("Preferences", "The service's voice."),
        Kind.TEXT, DEFAULT_SPEECH_VOICE, SPEECH,
    ),
    Preference(
        "speech/remote_format", QT_TRANSLATE_NOOP("Preferences", "Speech format"),
        QT_TRANSLATE_NOOP("Preferences", "The audio format asked of the service: WAV and PCM start playing with the "
                                         "first audio that arrives."),
        Kind.CHOICE, REMOTE_SPEECH_FORMATS[0], SPEECH,
        choices=tuple(Choice(name, SPEECH_FORMAT_LABELS[name]) for name in REMOTE_SPEECH_FORMATS),
    ),
    Preference(
        "speech/remote_speed_percent", QT_TRANSLATE_NOOP("Preferences", "Service speed (%)"),
        QT_TRANSLATE_NOOP("Preferences", "How fast the service speaks: 100 is its normal pace."),
        Kind.INT, 100, SPEECH, minimum=25, maximum=400,
    ),
    Preference(
        "speech/remote_stream", QT_TRANSLATE_NOOP("Preferences", "Ask the service to stream"),
        QT_TRANSLATE_NOOP("Preferences", "Ask for audio as it is made (Xinference), so reading starts sooner."),
        Kind.BOOL, False, SPEECH,
    ),
    Preference(
        "export/format", QT_TRANSLATE_NOOP("Preferences", "Export format"),
        QT_TRANSLATE_NOOP("Preferences", "The format the export dialog starts with."),
        Kind.CHOICE, "srt", EXPORT,
        choices=tuple(Choice(f.name, f.description) for f in OUTPUT_FORMATS.values()),
    ),
    Preference(
        "export/folder", QT_TRANSLATE_NOOP("Preferences", "Export folder"),
        QT_TRANSLATE_NOOP("Preferences", "Where exports are suggested. Empty: beside the audio or video file."),
        Kind.FOLDER, "", EXPORT,
    ),
    Preference(
        "export/subtitle_profile", QT_TRANSLATE_NOOP("Preferences", "Subtitle profile"),
        QT_TRANSLATE_NOOP("Preferences", "The subtitle rules exports are re-flowed under, and the editor marks "
                                         "breaks of."),
        Kind.CHOICE, DEFAULT_PROFILE, EXPORT,
        choices=tuple(Choice(p.key, p.label) for p in SUBTITLE_PROFILES.values()),
    ),
    Preference(
        "editing/autosave_seconds", QT_TRANSLATE_NOOP("Preferences", "Autosave after (seconds)"),
        QT_TRANSLATE_NOOP("Preferences", "How long after an edit a recovery copy is written: at most this much work "
                                         "is lost in a crash."),
        Kind.INT, 2, EDITING, minimum=1, maximum=60,
    ),
    Preference(
        "appearance/language", QT_TRANSLATE_NOOP("Preferences", "Interface language"),
        QT_TRANSLATE_NOOP("Preferences", "The language of menus and messages; it changes at once."),
        Kind.CHOICE, SYSTEM, APPEARANCE,
        choices=(Choice(SYSTEM, QT_TRANSLATE_NOOP("Preferences", "Follow the system")),
                 Choice("en", "English"), Choice("zh_CN", "简体中文")),
    ),
    Preference(
        "appearance/theme", QT_TRANSLATE_NOOP("Preferences", "Theme"),
        QT_TRANSLATE_NOOP("Preferences", "Light or dark colours, or the system's choice."),
        Kind.CHOICE, SYSTEM, APPEARANCE,
        choices=(Choice(SYSTEM, QT_TRANSLATE_NOOP("Preferences", "Follow the system")),
                 Choice("light", QT_TRANSLATE_NOOP("Preferences", "Light")),
                 Choice("dark", QT_TRANSLATE_NOOP("Preferences", "Dark"))),
    ),
)
PREFERENCE_BY_KEY: dict[str, Preference] = {p.key: p for p in PREFERENCES}


def preference(key: str) -> Preference:
    return PREFERENCE_BY_KEY[key]


def in_group(group: Group, preferences: Sequence[Preference] = PREFERENCES) -> list[Preference]:
    return [p for p in preferences if p.group == group]


def checked_value(declared: Preference, stored: object) -> Value:
    """``stored`` (read back from a settings file: any type, any text) as the declared type; ValueError if it
    is not one of the values ``declared`` allows."""
    if declared.kind is Kind.BOOL:
        return _checked_bool(stored)
    if declared.kind is Kind.INT:
        number = _checked_int(stored)
        if not declared.minimum <= number <= declared.maximum:
            raise ValueError(f"{number} is outside {declared.minimum}..{declared.maximum}")
        return number
    if not isinstance(stored, str):
        raise ValueError(f"{type(stored).__name__} is not text")
    if declared.kind is Kind.CHOICE and stored not in {choice.value for choice in declared.choices}:
        raise ValueError(f"“{stored}” is not one of the choices")
    if len(stored) > 4096 or "\0" in stored:
        raise ValueError("the text is not a plausible setting")
    return stored


def _checked_bool(stored: object) -> bool:
    if isinstance(stored, bool):
        return stored
    if isinstance(stored, str) and stored.lower() in ("true", "false"):  # how an INI file gives booleans back
        return stored.lower() == "true"
    raise ValueError(f"{stored!r} is not true or false")


def _checked_int(stored: object) -> int:
    if isinstance(stored, bool):
        raise ValueError("true/false is not a number")
    if isinstance(stored, int):
        return stored
    if isinstance(stored, str) and stored.strip().lstrip("-").isdigit() and len(stored) < 12:
        return int(stored)
    raise ValueError(f"{stored!r} is not a whole number")
