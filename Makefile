# The portal's everyday commands. `make run` serves the demo; `make test` passes the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# The tests run against the real services; CI (.ci/run) starts them and passes the same URLs.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/mentoring
TEST_REDIS_URL ?= redis://127.0.0.1:6379/1
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/mentoring_bench
PYTEST_WORKERS ?= 2

.PHONY: setup run test lint format lock bench bench-db dataset clean

$(BIN)/.installed: requirements/base.txt requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(BIN)/.installed node_modules/.installed
	scripts/system-packages.sh

# The seed prints the address to log in at and e-mails link to it: both follow HOST.
run: export PORTAL_BASE_URL ?= http://$(HOST)
run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver $(HOST)

test: setup
	scripts/system-packages.sh test
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} \
		$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DATABASE_URL=sqlite:///:memory: $(BIN)/python manage.py makemigrations --check --dry-run

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The hashed lock file production installs from (the Dockerfile), after a change to requirements/base.txt.
lock: setup
	$(BIN)/pip-compile --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
		--no-emit-find-links --quiet -o requirements/lock.txt requirements/base.txt

dataset: setup bench-db
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py migrate --noinput
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py generate_dataset --schools 100 --replace

# Benchmarks print figures (import, list pages…) measured on PostgreSQL; `make bench BENCH=people_list` runs one.
bench: setup bench-db
	scripts/system-packages.sh bench
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python -m benchmarks $(BENCH)

bench-db:
	psql "$(dir $(BENCH_DATABASE_URL))postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$(notdir $(BENCH_DATABASE_URL))'" | grep -q 1 \
		|| createdb -h 127.0.0.1 -U postgres $(notdir $(BENCH_DATABASE_URL))

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
