#!/usr/bin/env bash
# Sets up everything counter_app needs on a fresh Debian 12 machine, idempotently:
# system packages (Qt's libraries, fonts, poppler, Xvfb, PostgreSQL), then a virtualenv in .venv
# with the app, the server and the test tools. Safe to run again; it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # Qt offscreen/xcb
  libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
  fonts-dejavu-core
  # PDFs to PNG / text in tests and screenshots
  poppler-utils
  # The provincial server's production database
  postgresql
  # Screenshots of a real window; watching the app's virtual display on a machine without a screen
  x11-apps imagemagick x11vnc
  # The provincial dashboard is tested in a real browser
  chromium
  # The load balancer of a multi-instance server (deploy/haproxy), tested for real
  haproxy
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python 3.12 exactly: pyproject.toml's requires-python (">=3.12,<3.13") is the one policy.
# PySide6 6.12.0 aborts Python 3.11 after a few hundred signal emits; 3.13 is not supported yet.
REQUIRED_PYTHON=3.12
is_required_python() {
  "$1" -c "import sys; sys.exit(sys.version_info[:2] != (3, 12))" >/dev/null 2>&1
}
pick_python() {
  if [[ -n "${PYTHON:-}" ]]; then
    if is_required_python "$PYTHON"; then echo "$PYTHON"; return; fi
    echo "setup: PYTHON=$PYTHON is not Python $REQUIRED_PYTHON (pyproject.toml requires-python)" >&2
    exit 1
  fi
  local candidate
  # pyenv puts shims on PATH that exist but refuse to run outside their version: try each one.
  for candidate in "$HOME"/.pyenv/versions/3.12.*/bin/python3 python3.12 /usr/bin/python3.12 python3; do
    if is_required_python "$candidate"; then
      echo "$candidate"; return
    fi
  done
  echo "setup: Python $REQUIRED_PYTHON not found (pyproject.toml requires-python);" \
    "install it (e.g. pyenv install 3.12) or set PYTHON=/path/to/python3.12" >&2
  exit 1
}
PY=$(pick_python)
want=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
have=$(.venv/bin/python -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)
if [[ "$have" != "$want" ]]; then
  rm -rf .venv
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml setup.py | sha256sum | cut -c1-16)
if [[ ! -f $stamp ]]; then
  .venv/bin/pip install -q --upgrade pip >/dev/null
  .venv/bin/pip install -q -e ".[server,dev]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
echo "setup: ok"
