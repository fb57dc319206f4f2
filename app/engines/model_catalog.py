"""The faster-whisper models that can be downloaded: where each lives on the Hugging Face hub, and what it is.

The repository ids are the ones faster-whisper itself downloads (``faster_whisper.utils._MODELS``).
Sizes are the CTranslate2 files on disk (float16 weights), rounded; the hub's file list gives the
exact figure when a download starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

# The files faster-whisper needs from a repository (the same patterns as faster_whisper.utils.download_model).
MODEL_FILE_PATTERNS = ("config.json", "preprocessor_config.json", "model.bin", "tokenizer.json", "vocabulary.*")


class Rating(Enum):
    """A coarse hint, relative to the other models, for choosing one."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3
    HIGHEST = 4


@dataclass(frozen=True, slots=True)
class CatalogModel:
    name: str
    repo_id: str
    size: int  # bytes on disk, approximately
    english_only: bool
    speed: Rating
    accuracy: Rating


_MB = 1_000_000
CATALOG_MODELS: tuple[CatalogModel, ...] = (
    CatalogModel("tiny.en", "Systran/faster-whisper-tiny.en", 75 * _MB, True, Rating.HIGHEST, Rating.LOW),
    CatalogModel("tiny", "Systran/faster-whisper-tiny", 75 * _MB, False, Rating.HIGHEST, Rating.LOW),
    CatalogModel("base.en", "Systran/faster-whisper-base.en", 145 * _MB, True, Rating.HIGHEST, Rating.MEDIUM),
    CatalogModel("base", "Systran/faster-whisper-base", 145 * _MB, False, Rating.HIGHEST, Rating.MEDIUM),
    CatalogModel("small.en", "Systran/faster-whisper-small.en", 484 * _MB, True, Rating.HIGH, Rating.HIGH),
    CatalogModel("small", "Systran/faster-whisper-small", 484 * _MB, False, Rating.HIGH, Rating.HIGH),
    CatalogModel("medium.en", "Systran/faster-whisper-medium.en", 1_530 * _MB, True, Rating.MEDIUM, Rating.HIGH),
    CatalogModel("medium", "Systran/faster-whisper-medium", 1_530 * _MB, False, Rating.MEDIUM, Rating.HIGH),
    CatalogModel("large-v1", "Systran/faster-whisper-large-v1", 3_090 * _MB, False, Rating.LOW, Rating.HIGH),
    CatalogModel("large-v2", "Systran/faster-whisper-large-v2", 3_090 * _MB, False, Rating.LOW, Rating.HIGHEST),
    CatalogModel("large-v3", "Systran/faster-whisper-large-v3", 3_090 * _MB, False, Rating.LOW, Rating.HIGHEST),
    CatalogModel("large-v3-turbo", "mobiuslabsgmbh/faster-whisper-large-v3-turbo", 1_620 * _MB, False,
                 Rating.MEDIUM, Rating.HIGHEST),
    CatalogModel("distil-small.en", "Systran/faster-distil-whisper-small.en", 332 * _MB, True,
                 Rating.HIGHEST, Rating.MEDIUM),
    CatalogModel("distil-medium.en", "Systran/faster-distil-whisper-medium.en", 789 * _MB, True,
                 Rating.HIGH, Rating.HIGH),
    CatalogModel("distil-large-v2", "Systran/faster-distil-whisper-large-v2", 1_510 * _MB, True,
                 Rating.HIGH, Rating.HIGH),
    CatalogModel("distil-large-v3", "Systran/faster-distil-whisper-large-v3", 1_510 * _MB, True,
                 Rating.HIGH, Rating.HIGHEST),
    CatalogModel("distil-large-v3.5", "distil-whisper/distil-large-v3.5-ct2", 1_510 * _MB, True,
                 Rating.HIGH, Rating.HIGHEST),
)
CATALOG: dict[str, CatalogModel] = {model.name: model for model in CATALOG_MODELS}


def format_size(size: int) -> str:
    return f"{size / 1e9:.1f} GB" if size >= 1e9 else f"{size / 1e6:.0f} MB"
