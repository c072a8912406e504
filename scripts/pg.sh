#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and benchmarks (docs/platform.md#postgresql-tests), idempotently.
#   scripts/pg.sh          start it if needed (initdb on first use) and print its SQLAlchemy URL
#   scripts/pg.sh stop     stop it (data kept under $PGROOT; `rm -rf` it to start afresh)
#   scripts/pg.sh status   exit 0 if running
# Env: PGROOT (default /tmp/counter-pg), PGPORT (default 5433), PG_FSYNC (default off: tests only;
# set PG_FSYNC=on for a benchmark that should pay for durability). Loopback only, trust auth.
set -euo pipefail

PGROOT=${PGROOT:-/tmp/counter-pg}
PGPORT=${PGPORT:-5433}
PG_FSYNC=${PG_FSYNC:-off}
DATA=$PGROOT/data
URL="postgresql+psycopg://postgres@127.0.0.1:${PGPORT}/postgres"

as_postgres() {
  if [[ $(id -un) == postgres ]]; then "$@"; else runuser -u postgres -- "$@"; fi
}

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then echo "$dir"; return 0; fi
  done
  return 1
}

ensure_installed() {
  find_bin >/dev/null && return 0
  echo "pg.sh: installing postgresql with apt" >&2
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends postgresql >&2
  find_bin >/dev/null
}

is_running() {
  local bin
  bin=$(find_bin) || return 1
  [[ -f $DATA/PG_VERSION ]] && as_postgres "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
  ensure_installed
  local bin
  bin=$(find_bin)
  if is_running; then echo "$URL"; return 0; fi
  mkdir -p "$PGROOT"
  chown postgres:postgres "$PGROOT"
  chmod 700 "$PGROOT"
  if [[ ! -f $DATA/PG_VERSION ]]; then
    as_postgres "$bin/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_postgres "$bin/pg_ctl" -D "$DATA" -l "$PGROOT/log" -w -t 60 \
    -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=$PG_FSYNC \
        -c max_connections=300 -c shared_buffers=256MB" start >/dev/null
  echo "$URL"
}

stop() {
  local bin
  if ! bin=$(find_bin) || ! is_running; then return 0; fi
  as_postgres "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
}

case ${1:-start} in
  start) start ;;
  stop) stop ;;
  status) is_running ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 [start|stop|status|url]" >&2; exit 2 ;;
esac
