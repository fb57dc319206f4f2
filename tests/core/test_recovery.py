"""The recovery store: what an ended process left unsaved is offered back whole; saved or closed work is not."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.editing.segment_text import edit_text
from app.core.errors import ProjectFileError
from app.core.project_file import ViewState
from app.core.recovery import RecoveryStore
from tests.conftest import REPO_ROOT
from tests.core.editing.samples import interview

EDITING_PROCESS = """
import sys
from pathlib import Path
from app.core.editing.segment_text import edit_text
from app.core.project_file import ViewState
from app.core.recovery import RecoveryStore
from tests.core.editing.samples import interview

store = RecoveryStore(Path(sys.argv[1]))
transcript = interview()
transcript.media_path = sys.argv[3]
for number, text in enumerate(["Welcome back to the show.", "Welcome back to the show, everyone."]):
    edit_text(transcript, 0, text).apply(transcript)
    store.save(sys.argv[2], transcript, ViewState(0, 1.5 * number), "bread.earshot", Path(sys.argv[4]))
"""


def edit_in_another_process(folder: Path, document_id: str, media: Path, project: Path) -> None:
    """A real earlier run of the app: it edits, autosaves, and ends without saving."""
    subprocess.run([sys.executable, "-c", EDITING_PROCESS, str(folder), document_id, str(media), str(project)],
                   cwd=REPO_ROOT, check=True, capture_output=True, timeout=60)


def test_an_ended_process_leaves_its_last_autosave_to_recover(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    document_id = store.new_document_id()
    media = tmp_path / "bread.mp3"
    media.write_bytes(b"not really audio, but a file")
    edit_in_another_process(store.folder, document_id, media, tmp_path / "bread.earshot")
    [document] = store.recoverable()
    assert (document.document_id, document.title, document.project_path) == (
        document_id, "bread.earshot", tmp_path / "bread.earshot")
    recovered = store.load(document)
    expected = interview()
    edit_text(expected, 0, "Welcome back to the show.").apply(expected)
    edit_text(expected, 0, "Welcome back to the show, everyone.").apply(expected)
    assert recovered.transcript.segments == expected.segments
    assert (recovered.media.path, recovered.media.moved) == (media, False)
    assert recovered.view == ViewState(0, 1.5)
    store.discard(document_id)
    assert store.recoverable() == []


def test_this_process_documents_are_not_offered(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.save("abc123", interview(), ViewState(), "Untitled")
    assert (tmp_path / "abc123.recovery").is_file()
    assert store.recoverable() == []


def test_the_list_is_newest_first_and_skips_damaged_files(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    first, second = store.new_document_id(), store.new_document_id()
    edit_in_another_process(tmp_path, first, tmp_path / "a.mp3", tmp_path / "a.earshot")
    edit_in_another_process(tmp_path, second, tmp_path / "b.mp3", tmp_path / "b.earshot")
    (tmp_path / "damaged.recovery").write_bytes(b"\x00\x01 not json")
    (tmp_path / "other.recovery").write_text('{"schema": "something else"}\n', encoding="utf-8")
    assert [d.document_id for d in store.recoverable()] == [second, first]


def test_a_damaged_body_is_one_sentence(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    document_id = store.new_document_id()
    edit_in_another_process(tmp_path, document_id, tmp_path / "a.mp3", tmp_path / "a.earshot")
    file = store.file_for(document_id)
    file.write_bytes(file.read_bytes()[:-200])
    [document] = store.recoverable()
    with pytest.raises(ProjectFileError, match=re.escape("Cannot open “bread.earshot”: it is damaged or incomplete")):
        store.load(document)


def test_the_default_folder_is_under_the_data_folder() -> None:
    assert RecoveryStore().folder == Path(os.environ["EARSHOT_DATA_DIR"]) / "recovery"
    with pytest.raises(ValueError, match="Not a document id"):
        RecoveryStore().file_for("../../etc")
