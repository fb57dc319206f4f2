"""LocalAgreement-2, as in ufal/whisper_streaming's HypothesisBuffer: commit what two passes agree on.

Each pass over the growing audio buffer gives a hypothesis (timed words). The longest prefix of
the new hypothesis that matches the previous one is committed and never changes; the rest is the
tentative tail, shown and corrected by later passes. The words a new hypothesis says again for
audio already committed are cut off its front by aligning its words with the committed ones
(Whisper's word times move by a few tenths between passes, so a cut by time alone dropped a new
word that started a little early). A pass whose audio ends inside speech has its last word cut in
two: that word is never agreed on until a pass hears past it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from app.core.transcript import Word

_REPEAT_WINDOW = 1.0  # a word said again for committed audio starts at most this long after the last commit
_TIME_TOLERANCE = 0.1


def comparable(text: str) -> str:
    """A word as agreement compares it: case and punctuation do not make two passes disagree."""
    return re.sub(r"[^\w']", "", text.casefold())


class HypothesisBuffer:
    def __init__(self) -> None:
        self.committed_in_buffer: list[Word] = []  # committed words still inside the audio buffer
        self.last_committed_time = 0.0
        self._previous: list[Word] = []
        self._previous_settled = 0  # how many of them a later pass could agree on
        self._new: list[Word] = []
        self._new_settled = 0

    @property
    def tentative(self) -> list[Word]:
        """The last hypothesis beyond what is committed."""
        return list(self._previous)

    def insert(self, words: list[Word], cut_in_speech: bool = False) -> None:
        """A pass's words; ``cut_in_speech``: its audio ended while someone spoke, so its last word may be cut."""
        self._new = self._beyond_committed(words)
        self._new_settled = len(self._new) - 1 if cut_in_speech and self._new else len(self._new)

    def flush(self) -> list[Word]:
        """Commit the agreed prefix of the last two hypotheses; the newly committed words."""
        agreeable = min(self._new_settled, self._previous_settled)
        size = 0
        while size < agreeable and comparable(self._new[size].text) == comparable(self._previous[size].text):
            size += 1
        agreed, self._new = self._new[:size], self._new[size:]
        if agreed:
            self.last_committed_time = agreed[-1].end
        self._previous, self._previous_settled = self._new, self._new_settled - size
        self._new, self._new_settled = [], 0
        self.committed_in_buffer.extend(agreed)
        return agreed

    def forget_committed_before(self, seconds: float) -> None:
        """The audio buffer was trimmed at ``seconds``: its words are no longer in it."""
        self.committed_in_buffer = [w for w in self.committed_in_buffer if w.end > seconds]

    def take_everything(self) -> list[Word]:
        """At the end: the tentative tail is all there will be, so it is committed as it stands."""
        rest, self._previous, self._previous_settled = self._previous, [], 0
        if rest:
            self.last_committed_time = rest[-1].end
        self.committed_in_buffer.extend(rest)
        return rest

    def _beyond_committed(self, words: list[Word]) -> list[Word]:
        """``words`` without those said again for committed audio: aligned by text, else cut by time."""
        near = [w for w in words if w.start < self.last_committed_time + _REPEAT_WINDOW]
        committed = [comparable(w.text) for w in self.committed_in_buffer]
        matcher = SequenceMatcher(None, committed, [comparable(w.text) for w in near], autojunk=False)
        blocks = [block for block in matcher.get_matching_blocks() if block.size]
        if not blocks:
            return [w for w in words if w.start > self.last_committed_time - _TIME_TOLERANCE]
        last = blocks[-1]
        unmatched_after = len(committed) - (last.a + last.size)  # committed words this pass heard differently
        return words[min(last.b + last.size + unmatched_after, len(near)):]
