#!/bin/sh
# Install Earshot for this user from the unpacked tarball, with no root and no terminal needed later:
# the app in $XDG_DATA_HOME/earshot, a link `earshot` in ~/.local/bin, and the desktop entry, AppStream
# metainfo and icons in the XDG folders, so Earshot is in the applications menu.
#   ./install.sh              install (again: replaces the previous copy)
#   ./install.sh --uninstall  remove everything this script installed
set -eu

APP_ID=io.github.earshot.Earshot
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=$HOME/.local/bin
TARGET=$DATA/earshot
ICONS=$DATA/icons/hicolor
SIZES="16 24 32 48 64 128 256 512"

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$ICONS/index.theme" ]; then
        gtk-update-icon-cache -q -t "$ICONS" || true
    fi
}

uninstall() {
    rm -rf "$TARGET"
    if [ -L "$BIN/earshot" ]; then rm -f "$BIN/earshot"; fi
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" \
        "$ICONS/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do rm -f "$ICONS/${size}x${size}/apps/$APP_ID.png"; done
    refresh_menus
    echo "Earshot is uninstalled (your transcripts, settings and model cache are kept)."
}

install_app() {
    if [ ! -x "$HERE/earshot/earshot" ]; then
        echo "install.sh: run me from the unpacked Earshot folder (earshot/earshot is missing beside me)." >&2
        exit 1
    fi
    # A copy beside the target, then one rename: an interrupted install never leaves half an app.
    mkdir -p "$DATA"
    rm -rf "$TARGET.partial"
    cp -R "$HERE/earshot" "$TARGET.partial"
    rm -rf "$TARGET"
    mv "$TARGET.partial" "$TARGET"

    mkdir -p "$BIN" "$DATA/applications" "$DATA/metainfo" "$ICONS/scalable/apps"
    ln -sfn "$TARGET/earshot" "$BIN/earshot"
    icons=$TARGET/_internal/app/resources/icons
    for size in $SIZES; do
        mkdir -p "$ICONS/${size}x${size}/apps"
        cp "$icons/earshot-$size.png" "$ICONS/${size}x${size}/apps/$APP_ID.png"
    done
    cp "$icons/earshot.svg" "$ICONS/scalable/apps/$APP_ID.svg"
    # The desktop entry starts this copy by its full path: ~/.local/bin is not on every desktop's PATH.
    sed -e "s|^Exec=.*|Exec=\"$TARGET/earshot\" %F|" -e "s|^TryExec=.*|TryExec=$TARGET/earshot|" \
        "$HERE/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
    cp "$HERE/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"
    refresh_menus
    echo "Earshot is installed in $TARGET: open it from the applications menu, or run $BIN/earshot."
}

case "${1:-}" in
    "") install_app ;;
    --uninstall) uninstall ;;
    *) echo "usage: ./install.sh [--uninstall]" >&2; exit 2 ;;
esac
