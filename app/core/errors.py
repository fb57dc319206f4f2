"""Errors that reach the user as one clear sentence.

Every error the app expects carries a message written for the user; anything else
is a bug and is reported as such by the outer layers.
"""

from __future__ import annotations


class EarshotError(Exception):
    """An expected failure whose message is one sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class AudioDecodeError(EarshotError):
    """A media file could not be turned into audio samples."""


class ModelError(EarshotError):
    """A recognition model could not be found, verified or loaded."""


class ModelStoreError(ModelError):
    """The model cache folder could not be written or read (unwritable, full, not a folder)."""


class ModelDownloadError(ModelError):
    """A model could not be downloaded: the hub is unreachable, refused, lacks the model, or sent a damaged file."""


class FormatError(EarshotError):
    """A transcript or subtitle file could not be read or written."""


class EngineError(EarshotError):
    """An engine failed while recognising speech."""


class EditError(EarshotError):
    """An edit of the transcript cannot be made as asked (a bad time, nothing to split)."""


class ProjectFileError(FormatError):
    """A project or recovery file cannot be read or written; it is never overwritten."""


class Cancelled(Exception):
    """The user cancelled the job; the UI drops this silently."""


class SpeakerCountError(EarshotError):
    """A number of speakers the user typed is not ``auto``, ``N`` or ``MIN-MAX``."""


class RecordingError(EarshotError):
    """Recording could not start or go on (no device, a lost device, a full disk); what was recorded is kept."""


class SpeechOutputError(EarshotError):
    """Text could not be spoken or saved as speech."""
