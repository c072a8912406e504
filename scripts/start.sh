#!/usr/bin/env bash
# Sets up everything and starts the counter app. Without a display it runs under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
  echo "start: no display found, starting the app inside a virtual display (xvfb-run)"
  exec xvfb-run -a .venv/bin/counter-app "$@"
fi
exec .venv/bin/counter-app "$@"
