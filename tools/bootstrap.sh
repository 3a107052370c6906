#!/usr/bin/env bash
# Make a fresh machine ready: uv from PyPI, the locked environment, and the
# few system libraries Qt's wheels link against. Safe to run again.
set -euo pipefail
PY=${PY:-python3}
cd "$(dirname "$0")/.."

if ! "$PY" -m uv --version >/dev/null 2>&1; then
  echo "bootstrap: installing uv from PyPI" >&2
  "$PY" -m pip install --user --quiet uv 2>/dev/null \
    || "$PY" -m pip install --user --quiet --break-system-packages uv \
    || "$PY" -m pip install --quiet uv
fi

"$PY" -m uv sync --frozen --quiet

# PySide6 wheels bundle Qt but not the X/GL/font libraries it links to.
if ! QT_QPA_PLATFORM=offscreen .venv/bin/python -c "import PySide6.QtGui" 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bootstrap: installing the system libraries Qt needs" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 libx11-6 \
      libxkbcommon-x11-0 libxcb-cursor0 >/dev/null
  else
    echo "bootstrap: Qt cannot load; install libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 (as root)" >&2
    exit 1
  fi
fi
