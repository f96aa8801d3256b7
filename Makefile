# Two commands on a fresh machine with only python3:  make all  (build everything)  and  make test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := $(BIN)/python -m pip install --disable-pip-version-check

# $(call step,what it does,command): says what it is doing, runs it, then says how long it took, so no
# minute of `make all` passes in silence. (No comma may appear in either argument.)
step = @printf '==> %s\n' '$(1)'; start=$$(date +%s); $(2) && printf '    done in %s s\n' "$$(( $$(date +%s) - start ))"

.PHONY: all setup build notebooks test bench clean

all: build notebooks
	@echo "==> make all: done (tables in data/ and kztrade/data/; notebooks/ run; reports/ written)"

# A pinned environment: requirements.lock is `pip freeze` of a resolved install of pyproject's extras.
$(STAMP): pyproject.toml requirements.lock
	@printf '==> setting up %s: python venv then the pinned requirements.lock (a minute or two the first time)\n' '$(VENV)'
	@start=$$(date +%s); \
	$(PYTHON) -m venv $(VENV) && \
	$(PIP) --progress-bar off -r requirements.lock && \
	$(PIP) --quiet --no-deps --no-build-isolation -e . && \
	touch $(STAMP) && \
	printf '    environment ready in %s s\n' "$$(( $$(date +%s) - start ))"

setup: $(STAMP)

build: $(STAMP)
	$(call step,kztrade build: seeds/ -> data/raw/tokens.csv + data/processed/ + kztrade/data/ (validated),$(BIN)/kztrade build)
	$(call step,README column reference from the metadata,$(BIN)/python -m kztrade.docs README.md)

# executes notebooks/ in place, exports them to reports/*.html, writes reports/figures/*.png|svg
notebooks: build
	$(call step,reports: figures then each notebook executed and exported to reports/,$(BIN)/python -m kztrade.reports)

test: $(STAMP)
	$(call step,test suite,MPLBACKEND=Agg $(BIN)/python -m pytest)

# side-by-side benchmarks (kztrade against quantulum3, the regex floor, load and import) -> BENCHMARKS.md
bench: $(STAMP)
	$(call step,benchmarks -> BENCHMARKS.md,$(BIN)/python benchmarks/run.py)

clean:
	rm -rf $(VENV) build dist *.egg-info
