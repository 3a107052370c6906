# The two commands in README.md: `make run` and `make test`. Both set up what
# they need (uv from PyPI, the locked environment) on a machine that has only
# python3, pip and make.
PY ?= python3
UV := $(PY) -m uv
RUN := $(UV) run --frozen
DEMO_DIR ?= .demo-station
DEMO_CASES ?= 600

.PHONY: setup run test lint demo check clean bench translations translations-update screenshots dist

setup: .venv/.bootstrapped translations

.venv/.bootstrapped: pyproject.toml uv.lock tools/bootstrap.sh
	PY=$(PY) bash tools/bootstrap.sh
	touch $@

run: setup
	@test -f $(DEMO_DIR)/haian_desk.sqlite3 || $(RUN) haian-desk demo --data-dir $(DEMO_DIR) --cases $(DEMO_CASES)
	$(RUN) haian-desk --data-dir $(DEMO_DIR)

# Under coverage (pyproject's [tool.coverage]); the total line comes last: "coverage: N%".
# Coverage costs about a third more CPU in the domain's tests: `make test COV=` runs without it.
COV ?= --cov --cov-report=
test: setup
	@bash tools/ensure_postgres.sh
	QT_QPA_PLATFORM=offscreen $(RUN) pytest -q $(COV)
	@if [ -n "$(COV)" ]; then echo "coverage: $$($(RUN) coverage report --format=total)% of the lines in haian_desk, sync and ui"; fi

# Lint and types ([tool.ruff], [tool.mypy] in pyproject.toml); .ci/run runs it before the tests.
lint: .venv/.bootstrapped
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy

demo: setup
	rm -rf $(DEMO_DIR)
	$(RUN) haian-desk demo --data-dir $(DEMO_DIR) --cases $(DEMO_CASES)

# Benchmarks at county scale (docs/benchmarks.md); never part of `make test`.
# BENCH_SCALE=small for a quick run; the generated county is cached in bench/.data/.
bench: setup
	QT_QPA_PLATFORM=offscreen $(RUN) python -m bench.run

check: setup
	$(RUN) haian-desk check --data-dir $(DEMO_DIR)

# The interface's .qm files are build output, compiled from the committed .ts files.
translations: .venv/.bootstrapped
	$(RUN) python -m ui.i18n

# After changing tr() strings: collect them into the .ts files (then fill in the English).
translations-update: .venv/.bootstrapped
	$(RUN) python -m ui.i18n --update

# Each main screen with demo data, rendered offscreen into docs/screenshots/ (shown in README).
screenshots: setup
	QT_QPA_PLATFORM=offscreen $(RUN) python tools/screenshots.py docs/screenshots
	QT_QPA_PLATFORM=offscreen $(RUN) python tools/sync_screenshots.py docs/screenshots
	QT_QPA_PLATFORM=offscreen $(RUN) python tools/import_screenshots.py docs/screenshots

# The one-folder app in dist/HaianDesk (build.spec; docs/packaging.md has the Windows steps).
# On Linux PyInstaller needs objdump (Debian's binutils): installed here when root.
dist: setup
	@command -v objdump >/dev/null 2>&1 || { test "$$(id -u)" = 0 && command -v apt-get >/dev/null \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq binutils >/dev/null; } \
	  || { echo "dist: PyInstaller needs objdump: apt-get install binutils" >&2; exit 1; }
	$(RUN) --group build pyinstaller --noconfirm --log-level WARN build.spec

clean:
	rm -rf .venv $(DEMO_DIR) .pytest_cache .hypothesis build dist
