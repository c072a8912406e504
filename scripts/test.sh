#!/usr/bin/env bash
# Sets up everything (system packages, venv, PostgreSQL) and runs the whole test suite:
# lint (ruff), types (mypy), layer contracts (import-linter), then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
if [[ -z "${COUNTER_TEST_PG_URL:-}" && -x scripts/pg.sh ]]; then
  COUNTER_TEST_PG_URL=$(bash scripts/pg.sh start | tail -1)
  export COUNTER_TEST_PG_URL
fi
PY_TREES=(counter_app counter_server counter_protocol counter_devkit tests bench scripts installer)
echo "== ruff"; .venv/bin/ruff check "${PY_TREES[@]}"
echo "== ruff format"; .venv/bin/ruff format --check "${PY_TREES[@]}"
echo "== mypy"; .venv/bin/mypy counter_app counter_server counter_protocol counter_devkit
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest"
.venv/bin/pytest -n 2 -q --durations=15 "$@"
