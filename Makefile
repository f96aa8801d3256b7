# Two commands on a fresh machine with only python3:  make all  (build everything)  and  make test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: all setup build notebooks test bench clean

all: build notebooks

# A pinned environment: requirements.lock is `pip freeze` of a resolved install of pyproject's extras.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

build: $(STAMP)
	$(BIN)/kztrade build
	$(BIN)/python -m kztrade.docs README.md

# executes notebooks/ in place, exports them to reports/*.html, writes reports/figures/*.png|svg
notebooks: build
	$(BIN)/python -m kztrade.reports

test: $(STAMP)
	MPLBACKEND=Agg $(BIN)/python -m pytest

# side-by-side benchmarks (kztrade against quantulum3, the regex floor, load and import) -> BENCHMARKS.md
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info
