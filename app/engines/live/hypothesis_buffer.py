"""LocalAgreement-2, as in ufal/whisper_streaming's HypothesisBuffer: commit what two passes agree on.

Each pass over the growing audio buffer gives a hypothesis (timed words). The longest prefix of
the new hypothesis that matches the previous one is committed and never changes; the rest is the
tentative tail, shown and corrected by later passes. Words already committed are cut off the
front of a new hypothesis (by time, and by a repeated n-gram of up to five words).
"""

from __future__ import annotations

import re

from app.core.transcript import Word

_REPEAT_WINDOW = 1.0  # a new hypothesis this close to the last commit may repeat its last words
_LONGEST_REPEAT = 5
_TIME_TOLERANCE = 0.1


def comparable(text: str) -> str:
    """A word as agreement compares it: case and punctuation do not make two passes disagree."""
    return re.sub(r"[^\w']", "", text.casefold())


class HypothesisBuffer:
    def __init__(self) -> None:
        self.committed_in_buffer: list[Word] = []  # committed words still inside the audio buffer
        self.last_committed_time = 0.0
        self._previous: list[Word] = []
        self._new: list[Word] = []

    @property
    def tentative(self) -> list[Word]:
        """The last hypothesis beyond what is committed."""
        return list(self._previous)

    def insert(self, words: list[Word]) -> None:
        new = [w for w in words if w.start > self.last_committed_time - _TIME_TOLERANCE]
        if new and self.committed_in_buffer and abs(new[0].start - self.last_committed_time) < _REPEAT_WINDOW:
            for size in range(min(len(self.committed_in_buffer), len(new), _LONGEST_REPEAT), 0, -1):
                tail = [comparable(w.text) for w in self.committed_in_buffer[-size:]]
                if tail == [comparable(w.text) for w in new[:size]]:
                    new = new[size:]
                    break
        self._new = new

    def flush(self) -> list[Word]:
        """Commit the agreed prefix of the last two hypotheses; the newly committed words."""
        agreed: list[Word] = []
        while self._new and self._previous and comparable(self._new[0].text) == comparable(self._previous[0].text):
            agreed.append(self._new.pop(0))
            self._previous.pop(0)
        if agreed:
            self.last_committed_time = agreed[-1].end
        self._previous, self._new = self._new, []
        self.committed_in_buffer.extend(agreed)
        return agreed

    def forget_committed_before(self, seconds: float) -> None:
        """The audio buffer was trimmed at ``seconds``: its words are no longer in it."""
        self.committed_in_buffer = [w for w in self.committed_in_buffer if w.end > seconds]

    def take_everything(self) -> list[Word]:
        """At the end: the tentative tail is all there will be, so it is committed as it stands."""
        rest, self._previous = self._previous, []
        if rest:
            self.last_committed_time = rest[-1].end
        self.committed_in_buffer.extend(rest)
        return rest
