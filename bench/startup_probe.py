"""Start-up probe: the program's fast start, step by step, with one line printed for a timer.

Runs what `counter-app --data-dir DIR` runs on a set-up counter (counter_app.app.run_gui: the
store's Opening started once Qt is loaded, then the steps of counter_app.ui.main.FastStart, in the
program's order) and prints what the caller waits for:

  --until login  "SHOWN" once the log-in window is on screen; then it waits for a clerk, as the
                 program does (the caller kills it).
  --until list   also signs in with a demo account of a `counter-app demo` store, opens the
                 dossier list and prints "SHOWN rows=N" once its first page is in, then quits.

Not part of the program: bench/bench_startup.py and tests/counter_app/cli/test_gui_start.py start
it as a process, offscreen.

Run: .venv/bin/python bench/startup_probe.py --data-dir DIR [--until login|list]
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # at run time imported where the program imports them, to time the same
    from counter_app.ui.login import LoginDialog
    from counter_app.ui.main_window import MainWindow


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="a set-up store (counter-app demo)")
    parser.add_argument("--until", choices=("login", "list"), default="login")
    parser.add_argument("--user", help="sign in as (default: the first demo clerk)")
    parser.add_argument("--password", help="(default: the demo accounts' password)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    from counter_app.app import set_up_counter_text, window_context
    from counter_app.config import DB_FILENAME, resolve_data_dir

    counter_text = set_up_counter_text(resolve_data_dir(args.data_dir) / DB_FILENAME)
    if counter_text is None:
        print(
            f"{args.data_dir} is not a set-up store (run counter-app demo first)", file=sys.stderr
        )
        return 2
    from counter_app.services.passwords import PasswordCheck
    from counter_app.ui.opening import Opening

    passwords = PasswordCheck(resolve_data_dir(args.data_dir) / DB_FILENAME)
    from counter_app.ui.main import EXIT_CANCELLED, FastStart

    opening = Opening(lambda: window_context(args.data_dir, passwords))  # as run_gui does

    start = FastStart(opening, counter_text, passwords=passwords)
    try:
        login = start.show_login()
        print("SHOWN", flush=True)
        if args.until == "list":
            type_credentials(login, args.user, args.password)
        window = start.sign_in()
        if window is None:
            return EXIT_CANCELLED
        report_first_page(window)
        return start.app.exec()
    finally:
        start.close()


def type_credentials(login: LoginDialog, user: str | None, password: str | None) -> None:
    """What a clerk types; the sign-in queues behind the store's opening on the store lane."""
    from counter_app.services.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

    login.username_edit.setText(user or DEMO_ACCOUNTS[0][0])
    login.password_edit.setText(password or DEMO_PASSWORD)
    login.try_sign_in()


def report_first_page(window: MainWindow) -> None:
    """Open the dossier list; once its first page is in and painted, print its row count and
    quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from counter_app.ui.main_window import TAB_LIST

    window.show_tab(TAB_LIST)
    model = window.dossiers.model

    def shown() -> None:
        window.repaint()  # painted now, not on a later turn of the event loop
        print(f"SHOWN rows={model.rowCount()}", flush=True)
        QApplication.quit()

    if model.loading:
        model.page_loaded.connect(lambda _rows: shown())
    else:  # a tiny store answered already: quit once the event loop runs
        QTimer.singleShot(0, shown)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
