#!/usr/bin/env bash
# `make package`: the one-folder app (PyInstaller, packaging/earshot.spec) in dist/earshot/, and on
# Linux a tarball dist/earshot-VERSION-linux-ARCH.tar.gz with install.sh, the desktop entry and the
# AppStream metainfo beside the app folder.
# Usage: scripts/build-package.sh [PYTHON]   (default: .venv/bin/python, which has the `package` extra)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    echo "build-package: PyInstaller is not installed in $PY's environment (the \`package\` extra of pyproject.toml)." >&2
    exit 1
fi
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/earshot.spec

if [[ $(uname -s) == Linux ]]; then
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
