#!/usr/bin/env bash
# Install the Debian/Ubuntu packages listed in system-packages.txt that are missing (tests need
# them: e.g. Tesseract for OCR). Runs as part of `make` setup; on a system without apt-get, or
# without root/sudo, it names what is missing and goes on (the tests that need a package say so).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t wanted < <(grep -v '^\s*#' system-packages.txt | awk 'NF {print $1}')
missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
    echo "Not installed (no apt-get here; see README): ${missing[*]}" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
        echo "Not installed (needs root: sudo apt-get install ${missing[*]})" >&2
        exit 0
    fi
fi
echo "Installing system packages: ${missing[*]}"
$SUDO apt-get update -qq >/dev/null || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
