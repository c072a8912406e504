"""The plain check that a store is at the newest migration agrees with Alembic, says "not sure"
whenever the files are not one plain chain, and spares a command the import of Alembic."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from counter_app.models.db import MIGRATIONS_DIR
from counter_app.models.revisions import file_head

VERSIONS = MIGRATIONS_DIR / "versions"


def alembic_head() -> str | None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


def test_the_files_head_is_alembics() -> None:
    assert file_head(VERSIONS) == alembic_head() is not None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("9998_branch.py", "revision: str = '9998'\ndown_revision = '0001'\n"),
        ("9998_merge.py", "revision = '9998'\ndown_revision = ('0001', '0002')\n"),
        ("9998_odd.py", "REVISION = '9998'\n"),
        ("9998_dangling.py", "revision = '9998'\ndown_revision = 'nowhere'\n"),
    ],
)
def test_anything_but_one_plain_chain_is_not_sure(tmp_path: Path, name: str, text: str) -> None:
    versions = tmp_path / "versions"
    shutil.copytree(VERSIONS, versions, ignore=shutil.ignore_patterns("__pycache__"))
    assert file_head(versions) == alembic_head()
    (versions / name).write_text(text, encoding="utf-8")
    assert file_head(versions) is None


def test_no_sources_is_not_sure(tmp_path: Path) -> None:
    assert file_head(tmp_path) is None


def test_a_store_at_head_opens_without_alembic(data_dir: Path) -> None:
    probe = (
        "import sys; from pathlib import Path; from counter_app.services.store import Store; "
        f"Store.open(Path({str(data_dir)!r}), check=False).close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
