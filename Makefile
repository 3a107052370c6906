# The two commands in README.md: `make run` and `make test`. Both set up what
# they need (uv from PyPI, the locked environment) on a machine that has only
# python3, pip and make.
PY ?= python3
UV := $(PY) -m uv
RUN := $(UV) run --frozen
DEMO_DIR ?= .demo-station
DEMO_CASES ?= 600

.PHONY: setup run test demo check clean

setup: .venv/.bootstrapped

.venv/.bootstrapped: pyproject.toml uv.lock tools/bootstrap.sh
	PY=$(PY) bash tools/bootstrap.sh
	touch $@

run: setup
	@test -f $(DEMO_DIR)/haian_desk.sqlite3 || $(RUN) haian-desk demo --data-dir $(DEMO_DIR) --cases $(DEMO_CASES)
	$(RUN) haian-desk --data-dir $(DEMO_DIR)

test: setup
	QT_QPA_PLATFORM=offscreen $(RUN) pytest -q

demo: setup
	rm -rf $(DEMO_DIR)
	$(RUN) haian-desk demo --data-dir $(DEMO_DIR) --cases $(DEMO_CASES)

check: setup
	$(RUN) haian-desk check --data-dir $(DEMO_DIR)

clean:
	rm -rf .venv $(DEMO_DIR) .pytest_cache .hypothesis build dist
