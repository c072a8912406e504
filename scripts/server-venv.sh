#!/usr/bin/env bash
# Makes a virtual environment in DIR holding the provincial server alone, without Qt:
#   scripts/server-venv.sh /opt/counter-server/venv
# It installs this repository's distribution WITHOUT its dependencies (the desktop program's
# Qt, reportlab and the like stay out), then the `server` extra's requirements as pyproject.toml
# lists them. Afterwards DIR/bin/counter-server runs the server (see counter_server/README.md).
# PYTHON picks the interpreter (default: the first Python 3.12 found, as scripts/setup.sh does);
# pip needs the package index or its cache.
set -euo pipefail
if [[ $# -ne 1 ]]; then
  echo "usage: scripts/server-venv.sh DIR" >&2
  exit 2
fi
target=$1
root=$(cd "$(dirname "$0")/.." && pwd)
pick_python() {
  local candidate
  for candidate in "${PYTHON:-}" "$HOME"/.pyenv/versions/3.12.*/bin/python3 python3.12 python3; do
    [[ -n $candidate ]] || continue
    if "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' >/dev/null 2>&1; then
      echo "$candidate"; return
    fi
  done
  echo "server-venv: Python 3.12 is needed (set PYTHON)" >&2
  exit 1
}
"$(pick_python)" -m venv "$target"
py="$target/bin/python"

mapfile -t requirements < <("$py" - "$root/pyproject.toml" <<'PY'
import sys
import tomllib

with open(sys.argv[1], "rb") as f:
    print("\n".join(tomllib.load(f)["project"]["optional-dependencies"]["server"]))
PY
)
"$py" -m pip install -q --disable-pip-version-check "${requirements[@]}"

# Build from a copy of the sources: an in-tree build leaves build/ behind, whose stale files a
# later build would package again.
source=$(mktemp -d)
trap 'rm -rf "$source"' EXIT
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$root" ls-files -z --cached --others --exclude-standard \
    | tar -C "$root" --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -C "$source" -xf -
else
  tar -C "$root" --exclude=./.venv --exclude=./build --exclude=./dist --exclude='*.egg-info' \
    -cf - . | tar -C "$source" -xf -
fi
"$py" -m pip install -q --disable-pip-version-check --no-deps "$source"
echo "server-venv: $target/bin/counter-server is ready"
