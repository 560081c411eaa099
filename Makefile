# Amphi — the two set-up commands are `make run` and `make test`; they do everything.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test check lint lock fuzz bench server demo clean translations installer tarball api-types

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -U pip setuptools wheel

# Re-install when the dependencies change. Every install is constrained by the lock file
# (requirements.lock, made by `make lock`): a clean clone's CI gets the versions we tested.
# The client and the server are extras of one distribution (pyproject.toml says why).
LOCK := -c requirements.lock
$(VENV)/.installed: pyproject.toml requirements.lock | $(VENV)/bin/python
	$(PIP) install $(LOCK) -e ".[client,server]"
	@touch $@

$(VENV)/.installed-test: pyproject.toml requirements.lock | $(VENV)/bin/python
	$(PIP) install $(LOCK) -e ".[client,server,postgres,test,bench]"
	@touch $@ $(VENV)/.installed

## make lock: re-pin requirements.lock after changing a dependency in pyproject.toml
## (every Python from 3.11 and every platform: one universal file; uv resolves it).
LOCK_EXTRAS := --extra client --extra server --extra test --extra bench --extra postgres \
	--extra installer
lock: | $(VENV)/bin/python
	$(PIP) install "uv>=0.13,<0.14"
	$(VENV)/bin/uv pip compile pyproject.toml --universal --python-version 3.11 -q \
		$(LOCK_EXTRAS) -o requirements.lock

## make translations: compile the interface translations (.ts kept in git → .qm).
## After changing user text: $(PY) tools/update_translations.py, translate, then this.
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts | $(VENV)/.installed
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

## make run: start the bundled server with demo data and open the client signed in to it.
run: $(VENV)/.installed translations
	$(PY) -m desktop --demo

## make test: the whole suite, headless (offscreen Qt, in-memory keyring).
## Separate processes: engine and server first, then the server tests again on PostgreSQL
## (a private cluster the tests start: tests/postgres.py), then the client. Qt objects left
## by client tests must not meet the server tests' worker threads (a garbage collection
## there would destroy them in the wrong thread).
test: $(VENV)/.installed-test translations
	bash tools/system_packages.sh
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider --ignore=tests/desktop
	AMPHI_TEST_DATABASE=postgresql QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q \
		-p no:cacheprovider tests/server
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/desktop

## make check: the quality gate, run by CI before the tests: ruff over the whole repository,
## then mypy in strict mode over the packages listed in pyproject.toml ([tool.mypy] files),
## then the ratchet on `type: ignore` (tools/type_ignores.py: the count may only go down).
check: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(PY) tools/type_ignores.py

## make fuzz: the OpenAPI fuzz with many more cases per operation than in `make test`
## (any 5xx fails; FUZZ_EXAMPLES=n to choose; the same cases every run).
FUZZ_EXAMPLES ?= 200
fuzz: $(VENV)/.installed-test
	AMPHI_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q \
		-p no:cacheprovider tests/server/test_fuzz_openapi.py

## make api-types: regenerate the client's answer types (desktop/api/schema.py) from the
## server's OpenAPI document, after changing a server schema; commit the result.
## tests/server/test_api_contract.py fails until then.
api-types: $(VENV)/.installed
	$(PY) tools/api_types.py

## make lint: another name for make check.
lint: check

## make bench: speed and memory figures (printed, never asserted).
bench: $(VENV)/.installed-test
	$(PY) bench/bench_engine.py
	$(PY) bench/bench_demo.py
	$(PY) bench/bench_national.py
	$(PY) bench/bench_mirror.py
	$(PY) bench/bench_amphi.py
	$(PY) bench/bench_matching.py
	$(PY) bench/bench_events_processes.py
	$(PY) bench/bench_scale.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/bench_amphi_client.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/bench_client_live.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/bench_startup.py

$(VENV)/.installed-installer: pyproject.toml requirements.lock | $(VENV)/bin/python
	$(PIP) install $(LOCK) -e ".[installer]"
	@touch $@ $(VENV)/.installed

## make installer: the one-folder build of this platform (dist/amphi), self-tested, measured.
installer: $(VENV)/.installed-installer translations
	$(PY) installer/make_icons.py
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller installer/amphi.spec
	QT_QPA_PLATFORM=offscreen dist/amphi/amphi --self-test
	$(PY) installer/measure.py

## make tarball: dist/amphi-<version>-linux-x86_64.tar.gz with the .desktop entry and icons.
tarball: installer
	$(PY) installer/linux_tarball.py

## make server: the reference server alone, with the demo data, on port 8000.
server: $(VENV)/.installed
	$(PY) -m server_stub serve --demo --port 8000

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
