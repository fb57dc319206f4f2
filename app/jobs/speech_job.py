"""Speech output: text read aloud by the system's voice or a service, in the real-time lane.

Each sentence is a partial result (a SpokenSentence) as soon as it is synthesised, so playing can
start before the whole text is spoken; the result is every sentence.
"""

from __future__ import annotations

from app.engines.speech_output import (
    REMOTE_SPEECH_LIMIT,
    LocalSpeechSynthesiser,
    RemoteSpeechSynthesiser,
    SpeechSettings,
    SpokenSentence,
    spoken_text_spans,
)
from app.jobs.job import Job, JobReport, LaneKind


class SpeechOutputJob(Job[list[SpokenSentence]]):
    what = "Speech output"

    def __init__(self, text: str, synthesiser: LocalSpeechSynthesiser | RemoteSpeechSynthesiser,
                 settings: SpeechSettings | None = None) -> None:
        super().__init__()
        self.text = text
        self.synthesiser = synthesiser
        self.settings = settings or SpeechSettings()

    @property
    def lane(self) -> LaneKind:
        return LaneKind.REAL_TIME

    def run(self, report: JobReport) -> list[SpokenSentence]:
        limit = REMOTE_SPEECH_LIMIT if isinstance(self.synthesiser, RemoteSpeechSynthesiser) else None
        total = len(spoken_text_spans(self.text, limit))
        done = 0

        def sentence_ready(sentence: SpokenSentence) -> None:
            nonlocal done
            done += 1
            report.partial(sentence)
            report.progress(done / total)

        if isinstance(self.synthesiser, RemoteSpeechSynthesiser):
            return self.synthesiser.synthesise(self.text, sentence_ready, report.cancel_event)
        return self.synthesiser.synthesise(self.text, self.settings, sentence_ready, report.cancel_event)
