"""Counter settings kept in the store's `settings` table; defaults declared in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from counter_app.models.tables import Setting
from counter_protocol.texts import QT_TRANSLATE_NOOP

LANGUAGES = ("vi", "en")  # the screens' languages; the screens' own list is ui/i18n.py LANGUAGES

if TYPE_CHECKING:
    from counter_app.services.store import Store

MAX_DUPLICATE_DAYS = 30

DEFAULTS: dict[str, str] = {
    "calendar.sessions": "07:00-11:30,13:30-17:00",
    "calendar.saturday": "",
    "calendar.weekdays": "1-5",
    "calendar.hours_per_day": "8",
    "slip.page_size": "A4",
    "printer.default": "",  # the printer's name as Qt lists it; empty: the system's default
    "slip.place_name": "Hà Tĩnh",
    "slip.hotline": "",
    "slip.lookup_hint": "Tra cứu tình trạng hồ sơ tại https://dichvucong.gov.vn bằng mã hồ sơ",
    "auth.max_failed_attempts": "5",
    "auth.lockout_minutes": "15",
    "due_soon.working_days": "1",
    # Days (today counted) in which the same id number and procedure make intake ask whether
    # the dossier was saved already; 0: never ask (docs/domain.md#likely-duplicates).
    "intake.duplicate_days": "1",
    "clock.max_skew_minutes": "10",  # this PC's clock vs the server's, before intake warns
    "lifecycle.extension_limit": "1",  # re-appointments (Mẫu 04) a dossier may have
    "post.pool_low": "20",  # unused tracking numbers below which the pool's status warns
    "post.postage_line": "Cước dịch vụ bưu chính công ích",  # the ledger line of postage
    "post.home_province": "42",  # the address list's code of this counter's province (Hà Tĩnh)
    "ui.language": "vi",  # the screens' language, vi or en (docs/decisions/0033-translations.md)
}


def check_setting(key: str, value: str) -> None:
    """Refuse a value the counter could not use, with a Vietnamese message."""
    from counter_app.domain.calendar_rules import CalendarError, CalendarRules
    from counter_app.services.errors import ServiceError

    if key == "ui.language" and value not in LANGUAGES:
        raise ServiceError(
            QT_TRANSLATE_NOOP("messages", "Ngôn ngữ màn hình chỉ nhận: {languages}."),
            params={"languages": ", ".join(LANGUAGES)},
        )
    if key == "slip.page_size" and value not in ("A4", "A5", "receipt"):
        raise ServiceError(
            QT_TRANSLATE_NOOP("messages", "Khổ giấy chỉ nhận A4, A5 hoặc receipt (cuộn 80 mm).")
        )
    if key.startswith("calendar."):
        parts = {k.split(".", 1)[1]: v for k, v in DEFAULTS.items() if k.startswith("calendar.")}
        parts[key.split(".", 1)[1]] = value
        try:
            CalendarRules.parse(
                parts["sessions"], parts["saturday"], parts["weekdays"], parts["hours_per_day"]
            )
        except CalendarError as exc:
            # Its template and values kept, so the settings screen can translate it.
            raise ServiceError(exc.template, advice=exc.advice_template, params=exc.params) from exc
    numeric = key.startswith("auth.") or key in (
        "due_soon.working_days",
        "clock.max_skew_minutes",
        "lifecycle.extension_limit",
        "post.pool_low",
    )
    if numeric and (not value.isdigit() or int(value) < 1):
        raise ServiceError(
            QT_TRANSLATE_NOOP("messages", "{key} phải là số nguyên dương."), params={"key": key}
        )
    if key == "intake.duplicate_days" and (not value.isdigit() or int(value) > MAX_DUPLICATE_DAYS):
        raise ServiceError(
            QT_TRANSLATE_NOOP("messages", "{key} phải là số ngày từ 0 đến {most}."),
            params={"key": key, "most": MAX_DUPLICATE_DAYS},
        )


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


def list_settings(store: Store) -> list[tuple[str, str]]:
    """Every setting with its current value, in the order of DEFAULTS."""
    with store.read() as session:
        return [(key, get_setting(session, key)) for key in DEFAULTS]


def change_setting(store: Store, key: str, value: str) -> None:
    """Check and store one setting (one transaction); ServiceError for an unknown key or value."""
    from counter_app.services.errors import ServiceError

    if key not in DEFAULTS:
        raise ServiceError(f"Không có cài đặt “{key}”. Xem: counter-app config list")
    check_setting(key, value)
    from counter_app.domain.vntime import now_vn
    from counter_app.services.admin_log import CONSOLE, AdminAction, record

    with store.write() as session:
        old = get_setting(session, key)
        set_setting(session, key, value)
        record(session, now_vn(), CONSOLE, AdminAction.SETTING_CHANGED, key, f"{old} → {value}")
