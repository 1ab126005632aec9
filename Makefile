# The two commands: `make run` and `make test`. Everything else is a convenience.
.PHONY: run test bench fmt clean bootstrap build build-debug
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

# Installs what is missing, builds, migrates, loads demo data into var/manzuma.db and serves on :8080.
run: build
	@mkdir -p var
	@./$(BUILD)/src/app/manzuma migrate --log-format text --log-level warn
	@./$(BUILD)/src/app/manzuma seed demo --log-format text --log-level warn
	@./$(BUILD)/src/app/manzuma serve --log-format text

# The whole suite: unit, database (SQLite and a throwaway PostgreSQL), API. Last line: ctest's summary.
test: bootstrap
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@bash bench/run.sh $(BUILD)/src/app/manzuma

fmt:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	@rm -rf $(BUILD) $(DEBUG_BUILD)
