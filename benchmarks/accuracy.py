"""Accuracy: Earshot's local engine against bare faster-whisper, same model, on real speech.

Word error rate (character error rate for Chinese and Japanese) per file, per language and
weighted by duration, on every recording of ../shared/audio and ../shared/audio/dev that has a
reference transcript, normalised with Whisper's own normaliser (whisper-normalizer). Bare
faster-whisper runs with its default options, with and without context across windows
(condition_on_previous_text); its outputs are cached, since they only change with the model
and the library. Plus the words each side produces on 60 s of silence, noise and tones.

Run: `make bench-accuracy` (or `python -m benchmarks.accuracy`). Writes results/accuracy.json.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jiwer
import numpy as np
from whisper_normalizer.basic import BasicTextNormalizer
from whisper_normalizer.english import EnglishTextNormalizer

from tests.conftest import JFK_REFERENCE
from tests.speech import MIT_LICENCE_ENGLISH, MIT_LICENCE_GERMAN, hallucination_signals

SHARED_AUDIO = Path(__file__).resolve().parents[2] / "shared" / "audio"
RESULTS = Path(__file__).resolve().parent / "results"
CACHE = RESULTS / "bare-cache"
SAMPLE_RATE = 16_000

@dataclass(frozen=True, slots=True)
class Recording:
    path: Path
    language: str  # "en+de" for the mixed file
    duration: float
    reference: str


def corpus() -> list[Recording]:
    """Every recording with a reference: the two of ../shared/audio and the dev corpus (no AMI)."""
    recordings = [
        Recording(SHARED_AUDIO / "jfk.flac", "en", 11.0, JFK_REFERENCE),
        Recording(SHARED_AUDIO / "multilingual.mp3", "en+de", 59.9, MIT_LICENCE_ENGLISH + " " + MIT_LICENCE_GERMAN),
    ]
    dev = SHARED_AUDIO / "dev"
    with (dev / "refs.tsv").open(encoding="utf-8", newline="") as table:
        for row in csv.DictReader(table, delimiter="\t"):
            if row["transcript"]:
                duration = float(row["duration_s"])
                recordings.append(Recording(dev / row["file"], row["language"], duration, row["transcript"]))
    return recordings


_ENGLISH, _BASIC = EnglishTextNormalizer(), BasicTextNormalizer()


def error_rate(language: str, reference: str, hypothesis: str) -> float:
    """WER, or CER without spaces for Chinese and Japanese, after Whisper's normaliser."""
    normalise = _ENGLISH if language == "en" else _BASIC
    ref, hyp = normalise(reference), normalise(hypothesis)
    if language in ("zh", "ja"):
        return float(jiwer.cer(ref.replace(" ", ""), hyp.replace(" ", "")))
    return float(jiwer.wer(ref, hyp))


def weighted(scores: list[tuple[float, float]]) -> float:
    """Duration-weighted mean of (score, seconds) pairs."""
    total = sum(seconds for _score, seconds in scores)
    return round(sum(score * seconds for score, seconds in scores) / total, 4) if total else 0.0


def summarise(recordings: list[Recording], texts: dict[str, str]) -> dict:
    per_file = {r.path.name: round(error_rate(r.language, r.reference, texts[r.path.name]), 4) for r in recordings}
    languages = sorted({r.language for r in recordings})
    per_language = {
        language: weighted([(per_file[r.path.name], r.duration) for r in recordings if r.language == language])
        for language in languages
    }
    return {
        "per_file": per_file,
        "per_language": per_language,
        "duration_weighted": weighted([(per_file[r.path.name], r.duration) for r in recordings]),
    }


def bare_runner(model_name: str, condition_on_previous_text: bool) -> Callable[[Path | np.ndarray], str]:
    """Bare faster-whisper with its defaults, decoding files with its own decoder."""
    import ctranslate2
    from faster_whisper import WhisperModel
    from faster_whisper.audio import decode_audio

    from app.engines.faster_whisper_engine import SAMPLING_SEED
    from app.engines.model_store import resolve_model

    ctranslate2.set_random_seed(SAMPLING_SEED)  # its sampling fallback repeatable, as the app's
    model = WhisperModel(str(resolve_model(model_name)), device="cpu", compute_type="int8")

    def run(source: Path | np.ndarray) -> str:
        audio = decode_audio(str(source)) if isinstance(source, Path) else source
        segments, _info = model.transcribe(audio, condition_on_previous_text=condition_on_previous_text)
        return " ".join(s.text.strip() for s in segments)

    return run


def app_runner(model_name: str) -> Callable[[Path | np.ndarray], str]:
    """Earshot's local engine with its default options."""
    from app.core.audio import AudioClip, decode_audio
    from app.engines.base import JobContext, TranscriptionOptions, run_transcription
    from app.engines.faster_whisper_engine import FasterWhisperEngine

    engine = FasterWhisperEngine()
    options = TranscriptionOptions(model=model_name)

    def run(source: Path | np.ndarray) -> str:
        clip = decode_audio(source) if isinstance(source, Path) else AudioClip(source)
        return run_transcription(engine, clip, options, JobContext()).text

    return run


def cached(name: str, key: str, produce: Callable[[], str]) -> str:
    import faster_whisper

    digest = hashlib.sha256(f"{name}|{key}|{faster_whisper.__version__}".encode()).hexdigest()[:16]
    path = CACHE / f"{digest}.txt"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    text = produce()
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


def measure(name: str, run: Callable[[Path | np.ndarray], str], recordings: list[Recording], cache: bool) -> dict:
    texts: dict[str, str] = {}
    started, cpu_started = time.perf_counter(), time.process_time()
    for recording in recordings:
        def produce(recording: Recording = recording) -> str:
            return run(recording.path)
        texts[recording.path.name] = cached(name, recording.path.name, produce) if cache else produce()
        print(f"{name}: {recording.path.name} done", flush=True)
    words = {}
    for signal, samples in hallucination_signals().items():
        def produce_on_signal(samples: np.ndarray = samples) -> str:
            return run(samples)
        key = f"{signal}:{hashlib.sha256(samples.tobytes()).hexdigest()}"
        words[signal] = len((cached(name, key, produce_on_signal) if cache else produce_on_signal()).split())
    return {
        **summarise(recordings, texts),
        "words_on": words,
        "seconds": round(time.perf_counter() - started, 1),
        "cpu_seconds": round(time.process_time() - cpu_started, 1),  # of the whole process: all its threads
        "texts": texts,
    }


def accuracy(model_name: str, systems: list[str], only: list[str] | None = None) -> dict:
    """Each system on the corpus, or on the files whose names contain one of ``only``."""
    recordings = [r for r in corpus() if not only or any(part in r.path.name for part in only)]
    runners: dict[str, Callable[[], Callable[[Path | np.ndarray], str]]] = {
        "app": lambda: app_runner(model_name),
        "bare_with_context": lambda: bare_runner(model_name, True),
        "bare_without_context": lambda: bare_runner(model_name, False),
    }
    results: dict = {"model": model_name, "files": {r.path.name: [r.language, r.duration] for r in recordings}}
    for system in systems:
        results[system] = measure(f"{model_name}:{system}", runners[system](), recordings, cache=system != "app")
    return results


def rescore(results: dict, systems: list[str]) -> dict:
    """The same texts scored against the current references (after a reference is corrected)."""
    for system in systems:
        results[system].update(summarise(corpus(), results[system]["texts"]))
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy")
    parser.add_argument("--model", default="base")
    parser.add_argument("--systems", default="app,bare_with_context,bare_without_context")
    parser.add_argument("--output", type=Path, default=RESULTS / "accuracy.json")
    parser.add_argument("--rescore", action="store_true", help="score the texts already in --output again")
    parser.add_argument("--files", default="", help="comma-separated parts of file names: only those files")
    arguments = parser.parse_args(argv)
    if arguments.rescore:
        results = rescore(json.loads(arguments.output.read_text(encoding="utf-8")), arguments.systems.split(","))
    else:
        only = [part for part in arguments.files.split(",") if part]
        results = accuracy(arguments.model, arguments.systems.split(","), only)
    RESULTS.mkdir(exist_ok=True)
    arguments.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    shown = ("per_language", "duration_weighted", "words_on", "seconds", "cpu_seconds")
    summary = {
        system: {key: results[system][key] for key in shown if key in results[system]}
        for system in arguments.systems.split(",")
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
