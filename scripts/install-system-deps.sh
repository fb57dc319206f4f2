#!/usr/bin/env bash
# Installs the Debian packages Earshot needs, only those that are missing.
#   install-system-deps.sh run   - what the app needs (audio I/O, speech, Qt's xcb libraries)
#   install-system-deps.sh test  - that plus what the tests need (PulseAudio, Xvfb, the desktop-file validators)
set -euo pipefail

run_packages=(
  libportaudio2 espeak-ng libespeak-ng1 libsndfile1
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
  libpulse0 libasound2 libasound2-plugins fonts-noto-cjk
)
test_packages=(pulseaudio pulseaudio-utils xvfb desktop-file-utils appstream)

wanted=("${run_packages[@]}")
[ "${1:-run}" = "test" ] && wanted+=("${test_packages[@]}")

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Missing system packages (install them by hand): ${missing[*]}" >&2
  exit 1
fi
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
echo "Installing system packages: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
