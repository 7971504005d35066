#!/usr/bin/env bash
# Install the peers the benchmarks compare with (Debian packages, and ocrmypdf from PyPI), if
# missing.
set -euo pipefail
need=()
command -v recollindex >/dev/null || need+=(recoll)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v mutool >/dev/null || need+=(mupdf-tools)
command -v tesseract >/dev/null || need+=(tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng)
command -v gs >/dev/null || need+=(ghostscript)  # ocrmypdf's rasteriser
if ((${#need[@]})); then
  if [[ $(id -u) -eq 0 ]]; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# ocrmypdf, the OCR peer (bench_ocr.py), into the venv that runs the benchmarks; not a dependency
# of the app or its tests
PY=${PY:-.venv/bin/python}
"$PY" -m ocrmypdf --version >/dev/null 2>&1 || "$PY" -m pip install --quiet 'ocrmypdf>=16'
