"""Live transcription with the local faster-whisper model: passes over the newest audio, LocalAgreement-2.

Each pass runs Whisper (word timestamps, the Silero VAD inside faster-whisper skipping silence) on
the audio buffer, everything since the last trim point, up to where its speech ends: Silero is run
on the buffer first (``speech_regions.py``), so silence is never decoded (Whisper would invent
words there); a word outside speech or of punctuation alone, a segment Whisper hears as no speech
and a repetition loop are dropped. What two consecutive passes agree on is committed
(``hypothesis_buffer.py``); every pass decodes the same way (greedy at temperature 0, no sampled
fallback), so the same audio always gives the same words. The buffer is trimmed, once it
is longer than ``TRIM_SECONDS``, at the latest committed pause or sentence end that leaves
``KEEP_SECONDS`` after it, at the last committed word past ``MAX_BUFFER_SECONDS`` (Whisper sees
30 s at most), and to its last second when it holds no speech at all. Committed text outside the
buffer is given to the next pass as its prompt.

Four things keep the lag down on a CPU: a pass encodes only the audio it has (``short_window.py``)
instead of a padded 30 s window; a pass over the same audio as the last reuses its words; a loop
stops at ``TOKENS_PER_SECOND``; and when Silero hears a pause after the buffer's speech the whole
hypothesis is committed at once instead of waiting for the next pass to agree with it.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from app.core.audio import SAMPLE_RATE
from app.core.errors import EngineError
from app.core.text_translation import translated
from app.core.transcript import Word
from app.engines.base import TranscriptionOptions
from app.engines.live.hypothesis_buffer import HypothesisBuffer, comparable
from app.engines.live.session import LiveListeners, LiveSession
from app.engines.live.short_window import short_window_model
from app.engines.live.speech_regions import SpeechRegions, find_speech
from app.engines.remote.audio_pieces import segments_from_words

MIN_PASS_SECONDS = 1.0  # new audio needed before another pass is worth its cost
MAX_PASS_SECONDS = 10.0  # when behind, take the backlog in steps so the buffer stays under 30 s
TRIM_SECONDS = 10.0
MAX_BUFFER_SECONDS = 20.0
KEEP_SECONDS = 4.0  # kept after a trim: a pass over 3 s starting at "ask what you can do for your country"
# heard only "your country"
WHISPER_WINDOW_SECONDS = 28.0
SILENCE_KEEP_SECONDS = 1.0
PROMPT_CHARACTERS = 200
DECODE_MARGIN_SECONDS = 0.3  # of silence after the speech's end decoded too: Silero's end can clip a final "s"
NO_SPEECH_PROBABILITY = 0.6  # with UNSURE_LOG_PROBABILITY: a segment Whisper did not hear as speech; measured,
UNSURE_LOG_PROBABILITY = -0.5  # invented "Thank you." had 0.90 and -0.88, JFK's real segments 0.1 and -0.1 to -0.45
LOOP_COMPRESSION_RATIO = 2.4  # Whisper's own sign of a repetition loop
TOKENS_PER_SECOND = 12  # twice fast speech: a greedy loop stops here instead of at 448 tokens (seconds of CPU)
MOST_TOKENS = 150  # 28 s of fast speech; with hotwords and a prompt (each cut to 223 tokens) within Whisper's 448
PAUSE_COMMIT_SECONDS = 0.6  # this much silence after the buffer's speech commits the whole hypothesis at once
_SENTENCE_ENDS = (".", "?", "!", "。", "？", "！")


class LocalLiveTranscriber(LiveSession):
    """``model`` is a loaded faster-whisper ``WhisperModel`` (``FasterWhisperEngine().load_model(options)``)."""

    engine_name = "local"

    def __init__(
        self,
        model: Any,
        options: TranscriptionOptions,
        listeners: LiveListeners | None = None,
        cancel_event: threading.Event | None = None,
    ) -> None:
        super().__init__(options, listeners, cancel_event)
        self._model = short_window_model(model) if _is_whisper_model(model) else model
        self._hypothesis = HypothesisBuffer()
        self._buffer = np.zeros(0, dtype=np.float32)
        self._buffer_offset = 0.0  # stream time of the buffer's first sample
        self._pending: list[np.ndarray] = []  # arrived, not yet in the buffer
        self._pending_samples = 0
        self._prompt_words: list[Word] = []  # committed words trimmed off the buffer
        self._language = options.language
        self._recognised_until = 0.0  # the end of the audio the last finished pass saw
        self._last_heard: tuple[tuple[float, int, str], list[Word]] = ((-1.0, 0, ""), [])

    @property
    def processed_seconds(self) -> float:
        return self._recognised_until

    @property
    def _buffer_end(self) -> float:
        return self._buffer_offset + len(self._buffer) / SAMPLE_RATE

    def take_audio(self, samples: np.ndarray, ending: bool) -> None:
        if samples.size:
            self._pending.append(samples)
            self._pending_samples += len(samples)
        while self._pending_samples >= MIN_PASS_SECONDS * SAMPLE_RATE or (ending and self._pending_samples):
            self.report_lag()
            self._move_pending_into_buffer(int(MAX_PASS_SECONDS * SAMPLE_RATE))
            self._pass()
            self.report_lag()
            self.context.check_cancelled()
        if ending:
            self._finish()

    def _move_pending_into_buffer(self, most: int) -> None:
        pending = np.concatenate(self._pending)
        taken, rest = pending[:most], pending[most:]
        self._pending = [rest] if rest.size else []
        self._pending_samples = len(rest)
        self._buffer = np.concatenate([self._buffer, taken])

    def _pass(self) -> None:
        seen_until = self._buffer_end
        speech = find_speech(self._buffer)
        words = self._recognise(speech) if speech.has_speech else []
        self._hypothesis.insert(words, cut_in_speech=speech.ends_in_speech)
        agreed = self._hypothesis.flush()
        if words and speech.silence_at_end >= PAUSE_COMMIT_SECONDS:  # the speaker stopped: no later pass
            agreed += self._hypothesis.take_everything()  # will change these words
        self.commit(segments_from_words(agreed))
        self.show_tentative(" ".join(w.text for w in self._hypothesis.tentative))
        self._recognised_until = seen_until  # after the commit: no lag shown for words not yet delivered
        if words:
            self._trim(speech)
        elif len(self._buffer) > 3 * SILENCE_KEEP_SECONDS * SAMPLE_RATE:
            self._trim_at(self._buffer_end - SILENCE_KEEP_SECONDS)

    def _recognise(self, speech: SpeechRegions) -> list[Word]:
        """The words of the buffer up to where its speech ends, each lying in speech."""
        prompt = " ".join(w.text for w in self._prompt_words)[-PROMPT_CHARACTERS:]
        audio = self._buffer[:round((speech.speech_end + DECODE_MARGIN_SECONDS) * SAMPLE_RATE)]
        heard = (self._buffer_offset, len(audio), prompt)
        if heard == self._last_heard[0]:  # the same audio as the last pass (a pause goes on): the same words
            return self._last_heard[1]
        words = self._decode(audio, prompt, speech)
        self._last_heard = (heard, words)
        return words

    def _decode(self, audio: np.ndarray, prompt: str, speech: SpeechRegions) -> list[Word]:
        try:
            segments, info = self._model.transcribe(
                audio, language=self._language, task=self.options.task, beam_size=self.options.beam_size,
                word_timestamps=True, vad_filter=True, initial_prompt=prompt or None,
                hotwords=self.options.hotwords or None, condition_on_previous_text=False,
                temperature=0.0,  # no sampled fallback: the same audio always gives the same words
                max_new_tokens=min(MOST_TOKENS, round(TOKENS_PER_SECOND * len(audio) / SAMPLE_RATE) + 16),
            )
            words: list[Word] = []
            for segment in segments:
                self.context.check_cancelled()
                if segment.no_speech_prob > NO_SPEECH_PROBABILITY and segment.avg_logprob < UNSURE_LOG_PROBABILITY:
                    continue  # Whisper itself thinks this is not speech ("Thank you." over a crowd's noise)
                if segment.compression_ratio > LOOP_COMPRESSION_RATIO:
                    continue  # a loop ("Where are you? Where are you? …" for half a second of "Whereas")
                words.extend(Word(float(w.start) + self._buffer_offset, float(w.end) + self._buffer_offset,
                                  w.word.strip(), float(w.probability)) for w in segment.words or []
                             if comparable(w.word) and speech.holds(float(w.start), float(w.end)))
        except (RuntimeError, ValueError) as error:
            raise EngineError(translated("Live recognition failed: {error}.").format(error=error)) from error
        if self._language is None and words:
            self._language = info.language  # detected once; passes must not switch languages
            self.context.report_language(info.language, info.language_probability)
        return words

    def _trim(self, speech: SpeechRegions) -> None:
        committed = self._hypothesis.committed_in_buffer
        buffered = len(self._buffer) / SAMPLE_RATE
        if buffered > WHISPER_WINDOW_SECONDS:  # passes never agreed: take the guess rather than lose audio
            self.commit(segments_from_words(self._hypothesis.take_everything()))
            self._trim_at(self._buffer_end)
            return
        if not committed or buffered <= TRIM_SECONDS:
            return
        cut = self._trim_point(speech)
        if cut is not None:
            self._trim_at(cut)
        elif buffered > MAX_BUFFER_SECONDS:
            self._trim_at(committed[-1].end)

    def _trim_point(self, speech: SpeechRegions) -> float | None:
        """The latest committed place where the speaker paused or a sentence ended (a cut there splits no
        word) that leaves the next pass ``KEEP_SECONDS`` to hear what comes in context.

        Pauses count as much as sentence ends: read text (a preamble of "Whereas …," clauses) may go a
        minute without a full stop, and a buffer left to grow to 20 s made every pass cost twice as much.
        """
        pauses = [self._buffer_offset + (start + end) / 2 for start, end in speech.pauses()]
        sentence_ends = [w.end for w in self._hypothesis.committed_in_buffer if w.text.endswith(_SENTENCE_ENDS)]
        latest = min(self._hypothesis.last_committed_time, self._buffer_end - KEEP_SECONDS)
        return max((t for t in pauses + sentence_ends if t <= latest), default=None)

    def _trim_at(self, seconds: float) -> None:
        cut = round((seconds - self._buffer_offset) * SAMPLE_RATE)
        if cut <= 0:
            return
        self._prompt_words.extend(w for w in self._hypothesis.committed_in_buffer if w.end <= seconds)
        self._prompt_words = self._prompt_words[-60:]
        self._hypothesis.forget_committed_before(seconds)
        self._buffer = self._buffer[cut:]
        self._buffer_offset += cut / SAMPLE_RATE

    def _finish(self) -> None:
        self.commit(segments_from_words(self._hypothesis.take_everything()))
        self.show_tentative("")


def _is_whisper_model(model: Any) -> bool:
    from faster_whisper import WhisperModel

    return isinstance(model, WhisperModel)
