"""A likely duplicate: the same person's id number and the same procedure received the same day."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from counter_app.domain.vntime import now_vn
from counter_app.services.counter_settings import SettingsInvalid
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


def test_the_window_is_the_counters_setting_in_vietnam_days(services) -> None:
    first = services.dossiers.receive(intake())

    def asked_on(days_later: int) -> list[str]:
        later = DossierService(
            services.store,
            services.calendar.due,
            clock=lambda: now_vn() + timedelta(days=days_later),
        )
        return later.same_day_intakes("042195123456", PROCEDURE)

    assert services.settings.current().duplicate_days == "1"  # the default: today only
    assert (asked_on(0), asked_on(1)) == ([first], [])
    current = services.settings.current()
    services.settings.save(replace(current, duplicate_days="3"), by="cntt")
    assert (asked_on(1), asked_on(2), asked_on(3)) == ([first], [first], [])
    services.settings.save(replace(current, duplicate_days="0"), by="cntt")
    assert asked_on(0) == []  # never asked
    with pytest.raises(SettingsInvalid) as refused:
        services.settings.save(replace(current, duplicate_days="31"), by="cntt")
    assert refused.value.problems == {
        "duplicate_days": "Số ngày hỏi hồ sơ trùng: từ 0 (không hỏi) đến 30."
    }
