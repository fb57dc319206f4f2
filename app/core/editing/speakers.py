"""Who speaks: the speakers of a transcript, assigning one to segments, renaming one everywhere."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from app.core.editing.segment_edit import SegmentEdit, edit_from_replacements
from app.core.editing.segment_text import segment_at
from app.core.errors import EditError
from app.core.text_translation import translated
from app.core.transcript import Transcript


def speaker_names(transcript: Transcript) -> list[str]:
    """Each speaker once, in order of first appearance (for a picker and for colours)."""
    return list(dict.fromkeys(s.speaker for s in transcript.segments if s.speaker))


def assign_speaker(transcript: Transcript, indices: Iterable[int], speaker: str | None) -> SegmentEdit:
    """Give the segments ``speaker`` (a new or existing name); an empty name clears it."""
    name = (speaker or "").strip() or None
    chosen = sorted(set(indices))
    if not chosen:
        raise EditError(translated("Select the segments to assign a speaker to first."))
    changes = [(i, [old], [replace(old, speaker=name)])
               for i in chosen if (old := segment_at(transcript, i)).speaker != name]
    if not changes:
        raise EditError(translated("The selected segments already have {who}.").format(who=_who(name)))
    return edit_from_replacements("Assign Speaker", changes, transcript)


def rename_speaker(transcript: Transcript, old_name: str, new_name: str) -> SegmentEdit:
    """Call ``old_name`` ``new_name`` in every segment (renaming onto an existing name joins the two)."""
    new = new_name.strip()
    if not new:
        raise EditError(translated("Give the speaker a name."))
    changes = [(i, [s], [replace(s, speaker=new)]) for i, s in enumerate(transcript.segments) if s.speaker == old_name]
    if not changes:
        raise EditError(translated("No segment has the speaker “{old_name}”.").format(old_name=old_name))
    if new == old_name:
        raise EditError(translated("The speaker is already called “{new}”.").format(new=new))
    return edit_from_replacements("Rename Speaker", changes, transcript)


def _who(name: str | None) -> str:
    return translated("the speaker “{name}”").format(name=name) if name else translated("no speaker")
