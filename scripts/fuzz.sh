#!/usr/bin/env bash
# Long fuzz run: the property tests, the outbox state machine and the API fuzzer with many more
# examples than CI runs. Usage: scripts/fuzz.sh [EXAMPLES] [STATEFUL_EXAMPLES] [pytest args...]
#   EXAMPLES            examples per property test (default 20000)
#   STATEFUL_EXAMPLES   examples of the outbox state machine, 25 steps each (default 200)
# Prints, per test, how many examples ran and how long it took (hypothesis statistics).
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-20000}"
stateful="${2:-200}"
shift $(( $# < 2 ? $# : 2 ))
export HYPOTHESIS_PROFILE=long FUZZ_EXAMPLES="$examples" FUZZ_STATEFUL_EXAMPLES="$stateful"
export COUNTER_TEST_PG_URL="${COUNTER_TEST_PG_URL:-postgresql+psycopg://postgres@127.0.0.1:5433/postgres}"
started=$(date +%s)
log=$(mktemp)
status=0
.venv/bin/pytest -q -p no:randomly -p no:cacheprovider --hypothesis-show-statistics \
  tests/counter_protocol/test_decoder_properties.py tests/counter_server/ingest/test_planner_model.py \
  tests/counter_app/sync/test_sync_state_machine.py tests/counter_server/test_api_fuzz.py "$@" >"$log" 2>&1 \
  || status=$?
grep -E "^tests/|phase|examples|Stopped because|runtimes|^FAILED|^E  |passed|failed" "$log" || true
echo "fuzz: ${examples} examples per property, ${stateful} state machine runs," \
     "$(( $(date +%s) - started )) s in all; full log: $log"
exit "$status"
