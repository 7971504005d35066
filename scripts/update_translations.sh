#!/usr/bin/env bash
# Update resources/translations/vlnl_desktop_en.ts from the sources (keeps existing translations),
# and vlnl_desktop_nl.ts, which holds only the Dutch plural forms of the messages with %n (Dutch is
# the source language); then compile every .ts to the .qm the app loads (qtbase_missing_nl.ts,
# Dutch for Qt's own dialog strings that Qt's translation lacks, is kept by hand).
# Translate new strings with pyside6-linguist in between.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
DIR=resources/translations
SOURCES=$(find src/vlnl_desktop/ui src/vlnl_desktop/workers -name "*.py" | sort)
"$BIN/pyside6-lupdate" -no-obsolete -locations none $SOURCES -ts "$DIR/vlnl_desktop_en.ts"
"$BIN/pyside6-lupdate" -no-obsolete -locations none -pluralonly -target-language nl_NL \
    $SOURCES -ts "$DIR/vlnl_desktop_nl.ts"
for ts in "$DIR"/*.ts; do
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
