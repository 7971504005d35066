# make run   - set up .venv (once) and launch the app on the bundled archive
# make serve - set up .venv (once) and serve the archive read-only on http://127.0.0.1:8001/archief
# make test  - set up .venv (once) and run the whole suite: lint + tests
# make stress - the slow hostile cases (marked `stress`: bombs at full size, 5,000 fuzzed queries,
#               many random archive faults); CI runs it after make test
# make bench - the benchmarks in bench/ (not part of make test)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run serve test stress lint bench translations clean

$(STAMP): pyproject.toml system-packages.txt
	bash scripts/install_system_packages.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,serve]'
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/vlnl-desktop

serve: $(STAMP)
	$(BIN)/vlnl-desktop serve

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

stress: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m stress

bench: $(STAMP)
	bash bench/install_peers.sh
	$(BIN)/python bench/run_all.py --markdown bench/.cache/last-run.md

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
