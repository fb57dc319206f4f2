#!/usr/bin/env bash
# `make package`: the one-folder app (PyInstaller, packaging/earshot.spec) in dist/earshot/, and on
# Linux a tarball dist/earshot-VERSION-linux-ARCH.tar.gz with install.sh, the desktop entry and the
# AppStream metainfo beside the app folder. PyInstaller's full log goes to build/pyinstaller.log; the
# time of each of its stages is printed at the end.
# Usage: scripts/build-package.sh [--no-tarball] [PYTHON]   (default: .venv/bin/python, which has the
#   `package` extra; --no-tarball, for scripts/check-package.sh: the folder only)
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=yes
if [[ ${1:-} == --no-tarball ]]; then tarball=no; shift; fi
PY=${1:-.venv/bin/python}

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    echo "build-package: PyInstaller is not installed in $PY's environment (the \`package\` extra of pyproject.toml)." >&2
    exit 1
fi
mkdir -p build
log=build/pyinstaller.log
if ! "$PY" -m PyInstaller --noconfirm --clean --log-level INFO \
    --distpath dist --workpath build/pyinstaller packaging/earshot.spec >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "build-package: PyInstaller failed (the whole log: $log)" >&2
    exit 1
fi
grep -E "^[0-9]+ (WARNING|ERROR):" "$log" | grep -v -E "Library not found: could not resolve '(libgdk|libgtk)" || true

# PyInstaller stamps each line with the milliseconds since it started: the stages are read from there.
stage_start() { grep -m1 -E "^[0-9]+ INFO: $1" "$log" | cut -d' ' -f1; }
analysis=$(stage_start "Running Analysis")
libraries=$(stage_start "Looking for dynamic libraries")
archive=$(stage_start "checking PYZ")
collect=$(stage_start "checking COLLECT")
done_at=$(stage_start "Build complete")
seconds() { awk -v from="$1" -v to="$2" 'BEGIN { printf "%.1f", (to - from) / 1000 }'; }
echo "build-package: PyInstaller $(seconds 0 "$done_at") s: start-up $(seconds 0 "$analysis") s," \
    "module analysis $(seconds "$analysis" "$libraries") s, libraries and the spec's filtering" \
    "$(seconds "$libraries" "$archive") s, archive and executable $(seconds "$archive" "$collect") s," \
    "collection into dist/earshot $(seconds "$collect" "$done_at") s"

if [[ $tarball == yes && $(uname -s) == Linux ]]; then
    version=$("$PY" -c "import app; print(app.__version__)")
    name="earshot-$version-linux-$(uname -m)"
    rm -f "dist/$name.tar.gz"
    compressor=$(command -v pigz || command -v gzip)  # pigz: the same .gz, on every core
    tar --create --use-compress-program="$compressor" --file "dist/$name.tar.gz" --owner=0 --group=0 \
        --transform "s|^|$name/|" \
        -C dist earshot \
        -C ../packaging install.sh io.github.earshot.Earshot.desktop io.github.earshot.Earshot.metainfo.xml
    echo "build-package: dist/earshot/ and dist/$name.tar.gz"
fi
