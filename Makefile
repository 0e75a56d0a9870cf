# The two commands a new machine needs (see README.md):
#   make run    install, train if needed, start the action server and the assistant, chat
#   make test   install, train if needed, run every test
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
MODEL := models/current.tar.gz
SPACY_PIPELINE := var/spacy/en_patient_pipeline
INSTALL_STAMP := $(VENV)/.installed

# Quiet TensorFlow's start-up chatter and Rasa's telemetry; nothing is sent anywhere.
export TF_CPP_MIN_LOG_LEVEL := 3
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

TRAINING_INPUTS := config.yml domain.yml $(wildcard data/*.yml) $(wildcard safety/*.py)

.PHONY: install run train test lint validate rules clean lock help

help:
	@echo "make run | make test | make train | make lint | make clean"

# --- install --------------------------------------------------------------------------------
$(INSTALL_STAMP): requirements.lock requirements-dev.txt scripts/find_python310.sh
	@PY=$$(scripts/find_python310.sh) || exit 1; \
	if [ ! -x $(BIN)/python ] || ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then \
	  rm -rf $(VENV) && $$PY -m venv $(VENV); fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip==23.3.2"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-dev.txt
	$(BIN)/python -m pip check
	touch $@

$(SPACY_PIPELINE)/build-stamp.json: $(INSTALL_STAMP) scripts/build_spacy_pipeline.py
	$(BIN)/python scripts/build_spacy_pipeline.py --output $(SPACY_PIPELINE)
	touch $@

install: $(INSTALL_STAMP) $(SPACY_PIPELINE)/build-stamp.json

# Re-resolve the pinned tree from requirements.in (needs the package registry).
lock:
	rm -rf /tmp/lock-venv && $$(scripts/find_python310.sh) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install --quiet "pip==23.3.2" && /tmp/lock-venv/bin/pip install --quiet -r requirements.in
	/tmp/lock-venv/bin/pip freeze --exclude-editable | grep -v '^pkg[-_]resources' > requirements.lock

# Regenerate the disclaimer-first twins of the rules (data/opening_rules.yml).
rules: install
	$(BIN)/python scripts/generate_opening_rules.py

# --- train (only when training data, domain, config or the spaCy pipeline changed) -----------
$(MODEL): $(TRAINING_INPUTS) $(SPACY_PIPELINE)/build-stamp.json
	$(BIN)/rasa train --data data --config config.yml --domain domain.yml --out models --fixed-model-name current
	touch $@

train: install $(MODEL)

# --- run --------------------------------------------------------------------------------------
run: train
	scripts/run.sh

# --- test -------------------------------------------------------------------------------------
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

validate: install
	$(BIN)/rasa data validate --data data --domain domain.yml --config config.yml --fail-on-warnings

test: lint validate train
	$(BIN)/pytest

clean:
	rm -rf models results artifacts .pytest_cache .ruff_cache .mypy_cache
