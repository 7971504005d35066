#!/usr/bin/env bash
# Make docs/screenshot.png: the window at 1400x900 on a fresh working archive, after searching
# "fotonica" and choosing the first result (uses ../shared/tools/screenshot, a virtual screen;
# SCREENSHOT_TOOL overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."
TOOL=${SCREENSHOT_TOOL:-../shared/tools/screenshot}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p docs
env PYTHONPATH=src .venv/bin/python -c \
    "from vlnl_desktop.core.archive.lifecycle import open_workspace; open_workspace('$tmp/ws')"
"$TOOL" -o docs/screenshot.png -s 1400x900 -w 2 -k "ctrl+f" -k "type:fotonica" -k "Return" -- \
    env PYTHONPATH=src XDG_CONFIG_HOME="$tmp/config" .venv/bin/python -m vlnl_desktop \
    --archive "$tmp/ws" --lang nl
