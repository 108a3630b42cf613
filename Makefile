PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv demo test lint bench golden clean csl-suite

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: venv
	@echo "== refs parse seeds --format table"
	@$(BIN)/refs parse seeds --format table
	@echo "== refs render seeds --style chicago"
	@$(BIN)/refs render seeds --style chicago
	@echo "== refs check seeds"
	@$(BIN)/refs check seeds
	@echo "== refs add seeds tests/data/articles; refs report --format html -o build/library.html"
	@mkdir -p build && rm -f build/demo.db
	@$(BIN)/refs --quiet add seeds tests/data/articles --library build/demo.db
	@$(BIN)/refs report --library build/demo.db --format html -o build/library.html --story Korea

test: venv
	$(BIN)/pytest

lint: venv
	$(BIN)/ruff check refs tests bench
	$(BIN)/ruff format --check refs tests bench
	$(BIN)/mypy --strict refs tests

bench: venv
	$(BIN)/python -m bench.parse_bench --articles 10000
	$(BIN)/python -m bench.check_bench --articles 10000
	$(BIN)/python -m bench.export_bench --refs 20000
	$(BIN)/python -m bench.dedupe_bench --refs 100000 --refs 1000000
	$(BIN)/python -m bench.add_bench --articles 10000
	$(BIN)/python -m bench.render_bench --sizes 1000,10000
	$(BIN)/python -m bench.startup_bench
	$(BIN)/python -m bench.stream_bench --sizes 1000,10000 --jobs 2
	$(BIN)/python -m bench.robust_bench --commas 20000 --dates 16000 --records 100000
	$(BIN)/python -m bench.search_bench --refs 1000000
	$(BIN)/python -m bench.pg_bench --articles 10000 --refs 1000000

csl-suite: venv
	$(BIN)/python -m tests.helpers.csl_suite

golden: venv
	$(BIN)/pytest tests/test_golden.py --update-golden
	COLUMNS=80 $(BIN)/python -m refs.cli.commands --help > refs/data/help.txt

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
