"""Counter settings kept in the store's `settings` table; defaults declared in one place."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter_app.models.tables import Setting

DEFAULTS: dict[str, str] = {
    "calendar.sessions": "07:00-11:30,13:30-17:00",
    "calendar.saturday": "",
    "calendar.weekdays": "1-5",
    "calendar.hours_per_day": "8",
    "slip.page_size": "A4",
    "slip.place_name": "Hà Tĩnh",
    "slip.hotline": "",
    "slip.lookup_hint": "Tra cứu tình trạng hồ sơ tại https://dichvucong.gov.vn bằng mã hồ sơ",
    "auth.max_failed_attempts": "5",
    "auth.lockout_minutes": "15",
    "due_soon.working_days": "1",
}


def get_setting(session: Session, key: str) -> str:
    row = session.get(Setting, key)
    if row is not None:
        return row.value
    return DEFAULTS[key]


def set_setting(session: Session, key: str, value: str) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
