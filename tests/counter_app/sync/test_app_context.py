"""The composition root: one context, its services and its sync service on the same store."""

from __future__ import annotations

from pathlib import Path

from counter_app.app import opened_context
from counter_devkit.intake import intake


def test_the_sync_of_a_context_sends_what_its_services_stored(data_dir: Path) -> None:
    with opened_context(str(data_dir)) as context:
        assert context.sync.status().pending_dossiers == 0
        context.services.dossiers.receive(intake())
        status = context.sync.status()
        assert status.pending_dossiers == 1 and not status.enrolled
