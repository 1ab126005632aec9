# The two commands: `make run` and `make test`. Everything else is a convenience.
.PHONY: run test bench fmt clean bootstrap build build-debug web api-types screenshots
MAKEFLAGS += --no-print-directory

BUILD ?= build
DEBUG_BUILD ?= build-debug
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

bootstrap:
	@bash scripts/bootstrap.sh

build: bootstrap
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target manzuma
	@bash scripts/build-web.sh

# The web app alone, into web/dist (the server serves it from there).
web: bootstrap
	@bash scripts/build-web.sh

# Installs what is missing, builds, migrates, loads demo data into var/manzuma.db and serves on :8080.
run: build
	@mkdir -p var
	@./$(BUILD)/src/app/manzuma migrate --log-format text --log-level warn
	@./$(BUILD)/src/app/manzuma seed demo --log-format text --log-level warn
	@./$(BUILD)/src/app/manzuma serve --log-format text

# The whole suite: unit, database (SQLite and a throwaway PostgreSQL), API, web (API types, size budget)
# and end-to-end in Chromium. Everything is built first; CTest only runs tests. Last line: ctest's summary.
test: bootstrap
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@bash scripts/build-web.sh
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Regenerates the web app's API types (web/src/api/schema.d.ts) from the server's OpenAPI document.
api-types: bootstrap
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target manzuma
	@./$(BUILD)/src/app/manzuma openapi > $(BUILD)/openapi.json
	@cd web && node_modules/.bin/openapi-typescript ../$(BUILD)/openapi.json -o src/api/schema.d.ts

# Full-page PNGs of every page, Arabic and English, at 1280 and 390 px, into screenshots/.
screenshots: build
	@MANZUMA_BIN=./$(BUILD)/src/app/manzuma node tests/e2e/screenshots.mjs

# The server on the national dataset (generated once, cached in var/bench), wrk, then the micro-benchmarks;
# PG=1 on a throwaway PostgreSQL, COMPARE=FILE prints the change against an earlier latest.json.
bench: build
	@cmake --build $(BUILD) -j $(JOBS) --target micro_benchmarks
	@bash bench/run.sh $(if $(filter 1,$(PG)),--pg) $(if $(COMPARE),--compare $(COMPARE)) $(BUILD)/src/app/manzuma

fmt:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	@rm -rf $(BUILD) $(DEBUG_BUILD)
