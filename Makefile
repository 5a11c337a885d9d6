# Northstar — the two commands a fresh Debian 12 machine needs: `make run` and `make test`.
# Every target installs what it is missing first (Debian packages with apt, npm packages with
# npm ci, tauri-driver with cargo), so nothing has to be set up by hand.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
APP := target/debug/northstar
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

BUILD_PACKAGES := build-essential pkg-config curl wget file libssl-dev libxdo-dev \
	libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libsoup-3.0-dev \
	fonts-dejavu-core
TEST_PACKAGES := xvfb xauth imagemagick webkit2gtk-driver chromium fonts-dejavu-core x11-utils \
	python3-xlib

.PHONY: help run build test bench bundle system-packages test-packages ui-deps tauri-driver \
	ui lint rust-tests bindings-check contract-check ui-tests browser-tests e2e clean-e2e \
	crash-test screenshots

help:
	@echo "make run     install what is missing, build, open Northstar (data: see README)"
	@echo "make test    everything CI checks: lint, Rust, UI, browser and real-window tests"
	@echo "make build   the self-contained app binary at $(APP)"
	@echo "make bench   store and real-window benchmarks, printed as tables"
	@echo "make bundle  a .deb package with a desktop launcher"
	@echo "make crash-test  1,000 SIGKILLs of a writer; prints kills, edits lost, integrity failures"
	@echo "make screenshots the README's screenshots, taken in the real window, into ui/screenshots/"

# --- installation --------------------------------------------------------------------------

# Installs only the Debian packages that are missing (apt-get update once, when needed).
define install_packages
	missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

system-packages:
	@$(call install_packages,$(BUILD_PACKAGES))

test-packages: system-packages
	@$(call install_packages,$(TEST_PACKAGES))

ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

ui-deps: ui/node_modules/.package-lock.json

tauri-driver:
	@command -v tauri-driver >/dev/null || [ -x "$$HOME/.cargo/bin/tauri-driver" ] || \
	  $(CARGO) install tauri-driver --version '^2' --locked

# --- build ---------------------------------------------------------------------------------

ui: ui-deps
	cd ui && npm run build

# The binary embeds ui/dist (the `custom-protocol` feature is on by default).
build: system-packages ui
	$(CARGO) build

run: build
	./$(APP)

bundle: system-packages ui-deps
	ui/node_modules/.bin/tauri build --bundles deb
	@ls -l target/release/bundle/deb/*.deb

# Store benchmarks, then the real window's (tests/e2e/bench.sh): each prints a table of medians
# next to a baseline measured in the same run.
bench: test-packages tauri-driver build
	$(CARGO) bench -p northstar-core --bench store
	$(CARGO) bench -p northstar-core --bench search
	$(CARGO) bench -p northstar-core --bench exports
	$(CARGO) bench -p northstar-core --bench import
	$(CARGO) build -p northstar-core --example bench_db
	PATH="$$HOME/.cargo/bin:$$PATH" bash tests/e2e/bench.sh "$(CURDIR)/$(APP)" \
	  "$(CURDIR)/target/debug/examples/bench_db"

# --- tests ---------------------------------------------------------------------------------

test: test-packages ui-deps tauri-driver
	$(MAKE) lint
	$(MAKE) rust-tests
	$(MAKE) bindings-check
	$(MAKE) contract-check
	$(MAKE) ui-tests
	$(MAKE) browser-tests
	$(MAKE) e2e
	@echo "make test: all layers passed"

lint: ui-deps
	$(CARGO) fmt --all -- --check
	cd ui && npm run lint && npm run typecheck
	cd ui && npm run build
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# Core unit and store tests (the crash harness with 50 kills among them), Rust integration
# tests (CLI, commands through the mock runtime) and the bindings export.
rust-tests:
	mkdir -p target && cp ui/src/bindings.ts target/bindings.committed.ts
	cp ui/test/contract/session.json target/contract.committed.json
	$(CARGO) test --workspace

# The crash harness at full length: a writer process killed with SIGKILL 1,000 times.
crash-test: system-packages
	NORTHSTAR_CRASH_KILLS=1000 $(CARGO) test -p northstar-core --test crash -- --nocapture \
	  killed_writers_never_lose_an_acknowledged_edit

# The committed bindings must equal a fresh export (rust-tests just wrote one).
bindings-check:
	@cmp -s target/bindings.committed.ts ui/src/bindings.ts || { \
	  echo "ui/src/bindings.ts is out of date: commit the file cargo test exported"; \
	  diff target/bindings.committed.ts ui/src/bindings.ts | head -40; exit 1; }
	@echo "bindings: up to date"

# The committed contract (what the real commands answered; the fake backend replays it in
# ui-tests) must equal the session rust-tests just recorded.
contract-check:
	@cmp -s target/contract.committed.json ui/test/contract/session.json || { \
	  echo "ui/test/contract/session.json is out of date: commit the file cargo test recorded"; \
	  diff target/contract.committed.json ui/test/contract/session.json | head -40; exit 1; }
	@echo "contract: up to date"

ui-tests: ui-deps
	cd ui && npm test

browser-tests: ui-deps
	cd ui && npm run test:browser

e2e: build tauri-driver
	PATH="$$HOME/.cargo/bin:$$PATH" bash tests/e2e/run.sh "$(CURDIR)/$(APP)"

# The README's screenshots: the real-window test that takes them (tests/e2e/looks.test.mjs),
# then a copy into ui/screenshots/ (commit them).
screenshots: test-packages build tauri-driver
	rm -rf target/e2e/screenshots
	PATH="$$HOME/.cargo/bin:$$PATH" E2E_TEST_PATTERN="README screenshots" \
	  bash tests/e2e/run.sh "$(CURDIR)/$(APP)"
	cp target/e2e/screenshots/*.png ui/screenshots/
	@ls -l ui/screenshots/
