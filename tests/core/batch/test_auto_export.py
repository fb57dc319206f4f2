"""Auto-export of a finished row: names beside the file or in a folder, and the overwrite / skip / rename policy."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from app.core.batch.auto_export import ConflictPolicy, ExportOutcome, ExportPlan, export_finished, free_name
from app.core.formats import read_transcript
from app.core.transcript import Segment, Transcript


def words(transcript: Transcript) -> list[str]:
    return transcript.text.split()


TRANSCRIPT = Transcript([Segment(0.0, 1.5, "Ask not what your country can do for you."),
                         Segment(1.6, 3.0, "Ask what you can do for your country.")])


def test_formats_are_written_beside_the_file_by_default(tmp_path: Path) -> None:
    media = tmp_path / "talk.mp3"
    outcome = export_finished(TRANSCRIPT, media, ExportPlan(("srt", "txt", "txt-timestamps")), None)
    assert sorted(p.name for p in outcome.written) == ["talk.srt", "talk.timestamps.txt", "talk.txt"]
    assert words(read_transcript(tmp_path / "talk.srt")) == words(TRANSCRIPT)


def test_a_chosen_folder_is_made_when_missing(tmp_path: Path) -> None:
    outcome = export_finished(TRANSCRIPT, tmp_path / "talk.mp3", ExportPlan(("vtt",), tmp_path / "subs"), None)
    assert outcome.written == [tmp_path / "subs" / "talk.vtt"]


def test_an_existing_file_needs_the_batch_policy_and_nothing_is_written_before(tmp_path: Path) -> None:
    media, existing = tmp_path / "talk.mp3", tmp_path / "talk.srt"
    existing.write_text("mine")
    plan = ExportPlan(("srt", "txt"))
    outcome = export_finished(TRANSCRIPT, media, plan, None)
    assert outcome.needs_policy and outcome.written == []
    assert not (tmp_path / "talk.txt").exists()

    skipped = export_finished(TRANSCRIPT, media, plan, ConflictPolicy.SKIP)
    assert skipped.skipped == [existing] and skipped.written == [tmp_path / "talk.txt"]
    assert existing.read_text() == "mine"

    renamed = export_finished(TRANSCRIPT, media, plan, ConflictPolicy.RENAME)
    assert [p.name for p in renamed.written] == ["talk (2).srt", "talk (2).txt"]
    assert existing.read_text() == "mine"

    export_finished(TRANSCRIPT, media, plan, ConflictPolicy.OVERWRITE)
    assert words(read_transcript(existing)) == words(TRANSCRIPT)


def test_free_names_count_up(tmp_path: Path) -> None:
    (tmp_path / "a (2).srt").write_text("")
    assert free_name(tmp_path / "a.srt") == tmp_path / "a (3).srt"


def test_files_finishing_at_once_never_take_the_same_name(tmp_path: Path) -> None:
    """Remote rows finish together and export on threads of their own: a name is checked and written as one step."""
    media, plan = tmp_path / "talk.mp3", ExportPlan(("srt", "txt"), tmp_path / "subs")
    gate = threading.Barrier(8)

    def export(policy: ConflictPolicy | None) -> ExportOutcome:
        gate.wait()
        return export_finished(TRANSCRIPT, media, plan, policy)

    with ThreadPoolExecutor(8) as pool:
        first = list(pool.map(export, [None] * 8))
    assert sum(bool(outcome.written) for outcome in first) == 1  # the others found it there and ask
    assert sum(outcome.needs_policy for outcome in first) == 7
    with ThreadPoolExecutor(8) as pool:
        renamed = list(pool.map(export, [ConflictPolicy.RENAME] * 8))
    names = [path.name for outcome in renamed for path in outcome.written]
    assert len(names) == len(set(names)) == 16
