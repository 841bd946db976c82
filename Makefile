# The two commands that do everything on a fresh machine:
#   make run    install, build or update the index of corpus/, start the chat on http://127.0.0.1:7860
#   make test   install with test extras, then run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test install install-test install-milvus bytecode index serve eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch is pinned and installed first: 2.13.0 is a CPU build; an unpinned torch pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e .
	touch $@

# The tests run every store backend, so they install the milvus extra too.
$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,milvus]'
	touch $@

install: $(STAMP)
install-test: $(TEST_STAMP)
install-milvus: $(STAMP)
	$(BIN)/pip install --quiet -e '.[milvus]'

# The project's modules compiled ahead: an editable install leaves them to the first import, and where
# PYTHONDONTWRITEBYTECODE is set (this machine, many container images) every `citeqa` process compiled some 70
# modules again, 0.1 s of a cold `citeqa ask`. Only what changed since is compiled again.
bytecode: install
	$(BIN)/python -m compileall -q citeqa ingest retrieval ui eval

index: install bytecode
	$(BIN)/citeqa index

run: index
	$(BIN)/citeqa serve

test: install-test
	$(BIN)/python -m pytest

eval: install
	$(BIN)/citeqa eval --mode all --out eval/out

bench: install bytecode
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python -m eval.bench

clean:
	rm -rf $(VENV) .citeqa
