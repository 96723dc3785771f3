# The README's commands. Each target installs what is missing first (tools/install-deps), so they
# work from a fresh clone. CMake presets do the rest: ci (Debug + ASan/UBSan + -Werror) for tests,
# release for running and benchmarking.
#
#   make run       build the release preset and start the desktop app on its local sandbox
#   make run-server  start only the sandbox account server on 127.0.0.1:8765 (for latchkeyctl)
#   make test      build the ci preset and run every test in a private test session
#   make bench     build the release preset and run the benchmarks (bench/run)
#   make fuzz      build the libFuzzer targets (fuzz preset, clang) and run each for FUZZ_SECONDS (60)
#   make package   build the release preset and the Debian package (build/release/latchkey_*.deb)
#   make package-test  check, install, use and purge that package on this machine (needs root)
#   make screenshots  the desktop app's pictures in docs/screenshots (under Xvfb)
#   make translations  extract new strings into resources/translations/*.ts
#   make format    clang-format every tracked C++ file in place
#   make clean     remove all build trees (build/)

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

JOBS ?= 2
# Where `make run` keeps the sandbox server's data (database and master key).
DATA ?= $$HOME/.local/share/latchkey/sandbox-server
LISTEN ?= 127.0.0.1:8765
SERVER := build/release/app/latchkey-server/latchkey-server

# Let ccache reuse objects across checkouts in different folders (CI builds a fresh clone).
export CCACHE_BASEDIR ?= $(CURDIR)
export CCACHE_NOHASHDIR ?= 1

.PHONY: all deps test run run-server reset-sandbox screenshots translations bench package package-test fuzz format clean help \
	ci-build release-configure run-build bench-build

all: help

help:
	@sed -n '1,/^$$/s/^# \{0,1\}//p' Makefile

deps:
	@tools/install-deps

# Configure only when the build tree does not exist yet; afterwards the build re-runs CMake
# by itself whenever a CMakeLists.txt changes.
ci-build: deps
	@[ -f build/ci/build.ninja ] || cmake --preset ci
	cmake --build --preset ci -j$(JOBS)

# make run and make bench build only the programs they start, so an unrelated test that does not
# compile yet cannot stop them.
RUN_TARGETS := latchkey latchkey-server
BENCH_TARGETS := latchkey latchkey-server latchkey-bench-bare-route latchkey-bench-argon2 \
	latchkey-bench-desktop latchkey-bench-flow

release-configure: deps
	@[ -f build/release/build.ninja ] || cmake --preset release

run-build: release-configure
	cmake --build --preset release -j$(JOBS) --target $(RUN_TARGETS)

bench-build: release-configure
	cmake --build --preset release -j$(JOBS) --target $(BENCH_TARGETS)

test: ci-build
	tools/with-test-session ctest --preset ci -j$(JOBS) --output-on-failure
	$(MAKE) --no-print-directory package-test

# `make run` opens the desktop app. On its first start it starts the local sandbox (latchkey-server
# serve --sandbox, beside the app, on 127.0.0.1 and a free port, data in
# ~/.local/share/Latchkey/sandbox), keeps the sandbox's automation secret in the keychain and
# signs in with it; later starts reuse the sandbox. `make reset-sandbox` starts over.
run: run-build
	exec build/release/app/latchkey/latchkey

# The account server alone, for latchkeyctl or a browser: on its first start it bootstraps a
# tenant and prints the admin, automation and demo-user credentials once, to this terminal only.
run-server: release-configure
	cmake --build --preset release -j$(JOBS) --target latchkey-server
	@data="$(DATA)"; mkdir -p "$$data"; chmod 0700 "$$data"; \
	echo "Latchkey sandbox server on http://$(LISTEN) (data in $$data; Ctrl+C stops it)"; \
	exec "$(SERVER)" serve --sandbox --data-dir "$$data" --listen "$(LISTEN)"

reset-sandbox:
	rm -rf "$(DATA)" "$$HOME/.local/share/Latchkey/sandbox"

bench: bench-build
	bench/run
	bench/admin-list-postgres
	bench/run-desktop

# The package takes its version from git describe when CMake configures, so configure again.
# umask 022: the package's files and directories get the modes Debian expects.
package: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j$(JOBS) --target latchkey-package-deps
	rm -f build/release/latchkey_*.deb
	cd build/release && umask 022 && cpack -G DEB
	@ls -l build/release/latchkey_*.deb

package-test: package
	tests/package/run

# make fuzz: the libFuzzer targets of tests/fuzz in their own clang tree (the fuzz preset), each
# run FUZZ_SECONDS in turn; new inputs go to build/fuzz/work, never to the committed seeds.
# `make fuzz FUZZ_TARGETS="hawk age"` runs some of them.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= hawk form http admin oauth age export

fuzz: deps
	@[ -f build/fuzz/build.ninja ] || cmake --preset fuzz
	cmake --build --preset fuzz -j$(JOBS) --target $(addprefix fuzz-,$(FUZZ_TARGETS))
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run $(FUZZ_TARGETS)

screenshots: ci-build
	tools/screenshots/run build/ci

translations: deps
	tools/update-translations

format:
	git ls-files -z -- '*.cpp' '*.h' | xargs -0 -r clang-format -i

clean:
	rm -rf build/
