"""Where benchmark figures are kept: benchmarks/results/, one JSON file per run, also printed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def save_results(file_name: str, results: dict[str, Any]) -> Path:
    """Print the figures and keep them in benchmarks/results/``file_name``; the file's path."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / file_name
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return path
