# The README's commands. Every target is a thin wrapper over commands that also work without make
# (see README, "Install"), so Windows users can run the same steps by hand.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# PyTorch is installed before the project so pip never swaps the build you chose: the CPU build by
# default (on the project's build machines it comes from local disk), or e.g. for CUDA 12.8:
#   make venv TORCH_SPEC=torch TORCH_INDEX=https://download.pytorch.org/whl/cu128
TORCH_SPEC ?= torch==2.13.0
TORCH_INDEX ?=
STAMP := $(VENV)/.installed

.PHONY: venv browser demo test check-sync readme docs docs-test lab clean-outputs

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "$(TORCH_SPEC)" $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# Browser tests (Gradio UI, docs site) drive Debian's Chromium with Playwright; Playwright's own
# browser download needs the internet, so the system package is used (CHROMIUM=/usr/bin/chromium).
# Nanum and Noto Color Emoji render the Korean text and the tool icons in the screenshots.
browser:
	@command -v chromium >/dev/null && fc-list | grep -qi nanum || { echo "installing Debian's chromium and fonts for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum fonts-noto-color-emoji >/dev/null; }

# The main job: the pipeline on the offline tiny preset (extended as the steps land).
demo: venv
	$(BIN)/gennx-demo

# nbdev-clean and nbdev-export must leave the notebooks and the package unchanged, README.md must be
# what index.ipynb generates, then every notebook's tests run.
test: venv browser check-sync
	$(BIN)/nbdev-test --n-workers 2 --timing
	@echo "notebooks: $$(find nbs -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -not -name '_*' | wc -l) passed, 0 failed"

check-sync: venv
	@before=$$(find nbs gennx_qlora -type f \( -name '*.ipynb' -o -name '*.py' \) -not -path '*/.ipynb_checkpoints/*' -print0 | sort -z | xargs -0 sha1sum); \
	$(BIN)/nbdev-clean && $(BIN)/nbdev-export; \
	after=$$(find nbs gennx_qlora -type f \( -name '*.ipynb' -o -name '*.py' \) -not -path '*/.ipynb_checkpoints/*' -print0 | sort -z | xargs -0 sha1sum); \
	if [ "$$before" != "$$after" ]; then diff <(echo "$$before") <(echo "$$after"); \
	  echo "nbdev-clean/nbdev-export changed files: run them and commit the result."; exit 1; fi
	$(BIN)/gennx-readme --check

readme: venv
	$(BIN)/gennx-readme

# The docs site, Quarto-free: every notebook executed (slow/gpu/eval:false cells skipped) and rendered to
# _site/, with an API page per module and a Pagefind search index (serve it to search:
# python -m http.server -d _site). docs-test then checks each page in headless Chromium (texts, charts drawn
# and inside the column, offline, search finds its pages; screenshots in _site/_screenshots/). Where Quarto is
# installed, nbdev-docs still works and writes _docs/.
docs: venv
	$(BIN)/gennx-docs --nbs nbs --out _site

docs-test: docs browser
	$(BIN)/gennx-docs --out _site --no-build --browse

lab: venv
	$(BIN)/python -m pip install --quiet jupyterlab ipywidgets plotly
	$(BIN)/jupyter lab nbs/

clean-outputs:
	rm -rf data/processed/* data/eval/* models/base/tiny models/checkpoints/* models/final/* logs/*
	touch data/processed/.gitkeep data/eval/.gitkeep models/checkpoints/.gitkeep models/final/.gitkeep logs/.gitkeep
