"""Where the counter keeps its files: platformdirs folder, --data-dir, or COUNTER_APP_DATA."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "counter_app"
DATA_ENV = "COUNTER_APP_DATA"
DB_FILENAME = "counter.sqlite3"


def default_data_dir() -> Path:
    """The platform's per-user data folder (e.g. %LOCALAPPDATA%\\counter_app on Windows)."""
    import platformdirs  # imported lazily: start-up time matters

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(cli_value: str | None) -> Path:
    """`--data-dir` wins, then COUNTER_APP_DATA, then the platform default."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env_value = os.environ.get(DATA_ENV)
    if env_value:
        return Path(env_value).expanduser().resolve()
    return default_data_dir()


@dataclass(frozen=True)
class StorePaths:
    """The files of one counter's store."""

    data_dir: Path

    @property
    def db_file(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.db_file}"
