# Two commands on a fresh machine: `make demo` (install + run the main job) and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.duckdb

.PHONY: install demo test browser bench clean

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
	$(BIN)/multipolar actors --db $(DB) --kind state
	$(BIN)/multipolar events --db $(DB)
	$(BIN)/multipolar relations --db $(DB)

# Debian's chromium for the browser test (nothing is downloaded by Playwright itself).
browser:
	@test -x /usr/bin/chromium || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium not installed: the browser test will be skipped"; }

test: install browser
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/nlp_speed.py
	$(BIN)/python bench/ingest_speed.py
	$(BIN)/python bench/memory.py
	$(BIN)/python bench/api_latency.py
	$(BIN)/python bench/merge_accuracy.py

clean:
	rm -rf $(VENV) *.duckdb build dist src/*.egg-info
