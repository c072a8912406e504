#!/usr/bin/env bash
# Sets up everything and starts the counter app.
#   bash scripts/start.sh           the app on this machine's store
#   bash scripts/start.sh --demo    the app on a demo store (built once), with its accounts printed
# Without a screen the window opens on a virtual display (Xvfb, 1366x768, the counters' screen);
# the script says which one, how to watch it (VNC on 127.0.0.1) and how to take a screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

DEMO_ACCOUNTS="canbo1, canbo2 (nhân viên) · truongbp (trưởng bộ phận) · cntt (CNTT) — mật khẩu Demo@2026"
args=()
if [[ "${1:-}" == "--demo" ]]; then
  shift
  demo_dir=${COUNTER_APP_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/counter_app-demo}
  if [[ ! -f "$demo_dir/.demo-ready" ]]; then
    echo "start: đang tạo kho demo 2.000 hồ sơ tại $demo_dir (một lần, khoảng một phút)…"
    rm -rf "$demo_dir"
    .venv/bin/counter-app --data-dir "$demo_dir" demo --dossiers 2000 >/dev/null
    touch "$demo_dir/.demo-ready"
  fi
  echo "start: kho demo $demo_dir — tài khoản: $DEMO_ACCOUNTS"
  args=(--data-dir "$demo_dir")
fi

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" || -n "${QT_QPA_PLATFORM:-}" ]]; then
  exec .venv/bin/counter-app "${args[@]}" "$@"
fi

# No screen: a virtual one on the first free display number.
n=99
while [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
vnc_pid=
cleanup() {
  [[ -n "$vnc_pid" ]] && kill "$vnc_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT INT TERM
for _ in $(seq 100); do [[ -e /tmp/.X11-unix/X$n ]] && break; sleep 0.1; done
port=$((5900 + n - 99))
if command -v x11vnc >/dev/null; then
  x11vnc -display ":$n" -localhost -rfbport "$port" -forever -shared -nopw -quiet \
    >/dev/null 2>&1 &
  vnc_pid=$!
fi
cat <<EOF
start: máy này không có màn hình. Cửa sổ chương trình mở trong màn hình ảo :$n (1366×768).
  Xem và dùng cửa sổ: trình xem VNC tới 127.0.0.1:$port
    (từ máy khác: ssh -L $port:127.0.0.1:$port <máy này>, rồi mở VNC tới localhost:$port)
  Chụp ảnh màn hình:   DISPLAY=:$n import -window root /tmp/counter-app.png
EOF
if ((${#args[@]} == 0)); then
  echo "  Thử với dữ liệu mẫu: bash scripts/start.sh --demo   (tài khoản: $DEMO_ACCOUNTS)"
fi
DISPLAY=":$n" .venv/bin/counter-app "${args[@]}" "$@"
