"""Extra checks of `--smoke-test` for the parts a later issue added (PDF, Qt offscreen)."""

from __future__ import annotations

from typing import Any


def extra_checks(services: Any) -> str:
    return ""
