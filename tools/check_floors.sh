#!/usr/bin/env bash
# Prove the dependency floors in pyproject.toml: a throw-away environment with every direct
# dependency at the lowest version pyproject allows (uv's --resolution lowest-direct), the
# test tools at their locked versions, then the part of the suite that exercises each
# dependency. Not part of CI (it downloads the old wheels); run it after changing a floor and
# record the result in docs/dependencies.md.
#   bash tools/check_floors.sh [pytest args...]    (default: the subset below)
set -euo pipefail
PY=${PY:-python3}
cd "$(dirname "$0")/.."
UV="$PY -m uv"
FLOORS=${FLOORS_VENV:-build/floors-venv}

rm -rf "$FLOORS"
$UV venv --quiet --python "$PY" "$FLOORS"
# The app and its dependencies at their floors (transitive ones as uv resolves them).
$UV pip install --quiet --python "$FLOORS/bin/python" --resolution lowest-direct .
# The test tools as locked: the floors being proven are the app's, not pytest's.
$UV export --quiet --frozen --only-group dev --no-hashes --no-emit-project -o build/floors-dev.txt
$UV pip install --quiet --python "$FLOORS/bin/python" -r build/floors-dev.txt \
  --constraint <("$FLOORS/bin/python" -m pip freeze 2>/dev/null || $UV pip freeze --python "$FLOORS/bin/python")
echo "floors installed:"
$UV pip freeze --python "$FLOORS/bin/python" | grep -iE '^(pyside6-essentials|sqlite-utils|platformdirs|pypinyin|segno|cryptography|starlette|uvicorn|httpx|openpyxl|python-calamine|chinesecalendar|sqlcipher3|msgspec|psycopg|psycopg-binary|psycopg-pool|keyring)=='

# One or more test files per dependency: storage and encryption (sqlite-utils, sqlcipher3,
# cryptography, keyring), sealing and sync over a real hub (cryptography's hpke, msgspec,
# starlette, uvicorn, httpx), imports (python-calamine, openpyxl), calendar, search (pypinyin),
# the PostgreSQL hub log (psycopg, psycopg-pool: needs PostgreSQL, see tools/ensure_postgres.sh)
# and the Qt screens (PySide6, segno).
SUBSET=(
  tests/haian_desk/test_storage_damage.py tests/haian_desk/test_encryption_at_rest.py
  tests/haian_desk/test_backup.py tests/haian_desk/test_case_workflow.py
  tests/haian_desk/test_imports_reading.py tests/haian_desk/test_calendar_import.py
  tests/haian_desk/test_case_numbers_and_search.py
  tests/haian_desk/test_hub_log.py
  tests/sync/test_sync_http.py tests/sync/test_sync_batch_format.py
  tests/ui/test_shell_navigation.py tests/ui/test_printing_screens.py
)
# The subset's files that exist (a rename should not make the proof pass by running nothing).
present=()
for f in "${SUBSET[@]}"; do
  if [ -f "$f" ]; then present+=("$f"); else echo "check_floors: $f is gone; update SUBSET" >&2; exit 2; fi
done
QT_QPA_PLATFORM=offscreen "$FLOORS/bin/python" -m pytest -q -p no:cacheprovider -x "${@:-${present[@]}}"
