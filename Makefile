# Partner Log: set-up, run, test. `make run` and `make test` work on a fresh machine.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Debian packages, installed automatically when run as root (otherwise the command to
# install them is printed). Qt's xcb platform needs the first set to open a window; the
# screen tests add a virtual screen, the accessibility bus and PDF rendering; the tests of
# an organisation's database start a throwaway PostgreSQL server (the tests find initdb and
# pg_ctl on the PATH or in /usr/lib/postgresql/*/bin, and run them as the postgres user
# when run as root).
RUNTIME_PACKAGES := libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-cursor0 libxkbcommon-x11-0 \
	libegl1 libgl1 libfontconfig1 libdbus-1-3
SYSTEM_PACKAGES := $(RUNTIME_PACKAGES) xvfb xauth dbus-x11 at-spi2-core python3-pyatspi \
	poppler-utils fonts-wqy-microhei binutils postgresql

# The PostgreSQL tests fail, rather than skip, when no server can be started. To run
# without them on a machine with no PostgreSQL: make test PARTNER_LOG_NEED_POSTGRES=
PARTNER_LOG_NEED_POSTGRES ?= 1
export PARTNER_LOG_NEED_POSTGRES

.PHONY: run demo test lint typecheck layers pytest accessibility bench screenshots \
	runtime-deps system-deps clean

run: runtime-deps $(STAMP)
	$(VENV)/bin/partner-log

demo: runtime-deps $(STAMP)
	$(VENV)/bin/partner-log demo

test: system-deps $(STAMP) lint typecheck layers pytest accessibility

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

layers: $(STAMP)
	$(VENV)/bin/lint-imports --no-cache

pytest: $(STAMP)
	$(PY) -m pytest

# What a screen reader gets, through AT-SPI: the real app on a virtual screen and its own
# accessibility bus, read by the system Python's pyatspi (see docs/accessibility.md).
accessibility: system-deps $(STAMP)
	dbus-run-session -- env QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 \
		xvfb-run -a -s "-screen 0 1280x1024x24" \
		/usr/bin/python3 tests/accessibility/atspi_check.py --app-python $(abspath $(PY))
	dbus-run-session -- env QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 \
		xvfb-run -a -s "-screen 0 1280x1024x24" \
		/usr/bin/python3 tests/accessibility/atspi_check.py --app-python $(abspath $(PY)) \
		--language es

bench: $(STAMP)
	$(PY) -m bench.run_all

screenshots: system-deps $(STAMP)
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x1024x24" $(PY) -m tools.screenshots docs/screenshots
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x1024x24" $(PY) -m tools.screenshots \
		--language es docs/screenshots/es

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Partner Log needs Python 3.11 or newer. Set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

runtime-deps:
	@$(call install-packages,$(RUNTIME_PACKAGES))

system-deps:
	@$(call install-packages,$(SYSTEM_PACKAGES))

define install-packages
	command -v dpkg >/dev/null 2>&1 || exit 0; \
	missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing system packages:" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "Partner Log needs these system packages:" $$missing; \
		echo "Install them with: sudo apt-get install" $$missing; \
	fi
endef

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
