"""A likely duplicate: the same person's id number and the same procedure received the same day."""

from __future__ import annotations

from datetime import timedelta

from counter_app.domain.vntime import now_vn
from counter_app.services.dossiers import DossierService
from counter_devkit.intake import PROCEDURE, intake


def test_the_same_person_and_procedure_today_is_found_and_tomorrow_is_not(services) -> None:
    first = services.dossiers.receive(intake())
    services.dossiers.receive(intake(name="Lê Văn Bình", id_number="001195000123"))
    assert services.dossiers.same_day_intakes("042 195 123 456", PROCEDURE) == [first]
    assert services.dossiers.same_day_intakes("042195123456", "OTHER.CODE") == []
    assert services.dossiers.same_day_intakes(None, PROCEDURE) == []
    tomorrow = DossierService(
        services.store, services.calendar.due, clock=lambda: now_vn() + timedelta(days=1)
    )
    assert tomorrow.same_day_intakes("042195123456", PROCEDURE) == []
