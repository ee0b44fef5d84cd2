# Two commands on a fresh machine: `make demo` (install + run the main job) and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.duckdb

.PHONY: install demo test browser clean

$(BIN)/multipolar: pyproject.toml
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/multipolar

demo: install
	rm -f $(DB)
	$(BIN)/multipolar ingest examples/ --db $(DB)
	$(BIN)/multipolar docs --db $(DB)
	$(BIN)/multipolar actors --db $(DB)

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) *.duckdb build dist src/*.egg-info
