"""Opening the store behind the log-in window loads no PDF or workbook writer: they load on the
first print or report (the start-up path of bench/bench_startup.py); the print, slip, hand-over
and report tests show they still work there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

WRITERS = (
    "counter_app.documents.render",
    "counter_app.documents.handover",
    "counter_app.documents.report_xlsx",
    "xlsxwriter",
    "barcode",
)

PROBE = (
    "import sys\n"
    "from counter_app.app import build_services\n"
    "services = build_services(sys.argv[1])\n"
    "services.close()\n"
    f"watched = {WRITERS!r}\n"
    "print(' '.join(sorted(m for m in sys.modules if m.startswith(watched))))\n"
)


def test_opening_the_store_loads_no_document_writer(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == []


def test_load_window_modules_brings_in_the_main_window_and_its_tabs() -> None:
    probe = (
        "from counter_app.ui.main import load_window_modules\n"
        "import sys\n"
        "load_window_modules()\n"
        "print(' '.join(m for m in ('counter_app.ui.main_window', 'counter_app.ui.shift',"
        " 'counter_app.ui.dossier_list') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == [
        "counter_app.ui.main_window",
        "counter_app.ui.shift",
        "counter_app.ui.dossier_list",
    ]


def test_the_window_context_prepares_its_first_screen_beside_the_sign_in(
    tmp_path: Path,
) -> None:
    """The context comes back at once; a thread of its own loads the window and the calendar
    (from the shipped table of days off: the holiday library is not loaded at all; then it
    starts the store check, see ui/test_start_check.py). The sync's HTTP client is not loaded
    before it first connects, nor `cryptography` before the first signature."""
    probe = (
        "import sys, threading\n"
        "from counter_app.app import PREPARE_THREAD, window_context\n"
        "context = window_context(sys.argv[1])\n"
        "context.first_screen_shown()\n"  # the rest loads at once, not after the 5 s wait
        "[t.join() for t in threading.enumerate() if t.name == PREPARE_THREAD]\n"
        "context.close()\n"
        "print(' '.join(m for m in ('holidays', 'holidays.countries.vietnam',"
        " 'counter_app.ui.main_window', 'holidays.countries.canada', 'httpx', 'cryptography')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["counter_app.ui.main_window"]
