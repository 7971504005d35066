#!/usr/bin/env bash
# Update resources/translations/vlnl_desktop_en.ts from the sources (keeps existing translations),
# then compile the .qm the app loads. Translate new strings with pyside6-linguist in between.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
TS=resources/translations/vlnl_desktop_en.ts
"$BIN/pyside6-lupdate" -no-obsolete -locations none \
    $(find src/vlnl_desktop/ui src/vlnl_desktop/workers -name "*.py" | sort) -ts "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm "${TS%.ts}.qm"
