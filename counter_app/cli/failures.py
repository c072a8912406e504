"""The one place a command's failure becomes what the person at the terminal sees.

A `UserError` is one Vietnamese line on stderr, `Lỗi: <message> <advice>`, and its family's exit
code (the table is in the README's command-line section). Anything else is a bug: its traceback
goes to a log file in the data folder (or the temporary folder when that cannot be written) and
the terminal gets one line saying where.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from counter_protocol.errors import UserError

EXIT_UNEXPECTED = 70  # sysexits.h EX_SOFTWARE: a bug, not something the user did
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl+C
LOG_FOLDER, LOG_NAME = "logs", "counter-app-errors.log"


def run_guarded(action: Callable[[], int], data_dir_arg: str | None) -> int:
    """Run one command; every way it can end becomes an exit code and at most one stderr line."""
    try:
        return action()
    except UserError as exc:
        say(f"Lỗi: {one_line(exc.one_line())}")
        return exc.exit_code
    except KeyboardInterrupt:
        say("Đã dừng (Ctrl+C).")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `counter-app find … | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: one line here, the traceback in the log
        log_file = write_traceback(exc, data_dir_arg)
        where = (
            f"Chi tiết đã ghi vào {log_file}"
            if log_file is not None
            else "Không ghi được tệp nhật ký"
        )
        say(
            f"Lỗi không mong muốn ({type(exc).__name__}: {one_line(str(exc))[:200]}); "
            f"hãy báo bộ phận CNTT. {where}"
        )
        return EXIT_UNEXPECTED


def say(line: str) -> None:
    """One line on stderr (a progress line may have left the cursor mid-line)."""
    prefix = "\n" if sys.stderr.isatty() else ""
    print(prefix + line, file=sys.stderr, flush=True)


def one_line(text: str) -> str:
    """`text` with its line breaks (several issues of one error) joined by spaces."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def write_traceback(exc: BaseException, data_dir_arg: str | None) -> Path | None:
    """Append `exc`'s traceback to the log in the data folder, else in the temporary folder."""
    from counter_app import __version__
    from counter_app.domain.vntime import now_vn

    header = (
        f"=== {now_vn().isoformat(timespec='seconds')} counter-app {__version__} "
        f"argv={sys.argv[1:]!r}\n"
    )
    text = header + "".join(traceback.format_exception(exc))
    for folder in _log_folders(data_dir_arg):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            log_file = folder / LOG_NAME
            with log_file.open("a", encoding="utf-8") as out:
                out.write(text)
            return log_file
        except OSError:
            continue
    return None


def _log_folders(data_dir_arg: str | None) -> list[Path]:
    folders = []
    try:
        from counter_app.config import resolve_data_dir

        folders.append(resolve_data_dir(data_dir_arg) / LOG_FOLDER)
    except Exception:  # the data folder itself may be what is broken
        pass
    folders.append(Path(tempfile.gettempdir()) / "counter_app" / LOG_FOLDER)
    return folders
