"""The settings screen's use cases: what a counter changes (working sessions, Saturday, slip
size, printer, due-soon threshold, place name, the likely-duplicate window), checked field by
field, saved in one transaction with an audit line per changed value, by a role that may
(docs/decisions/0032-*.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from counter_app.domain.calendar_rules import CalendarError, CalendarRules
from counter_app.domain.roles import Permission
from counter_app.domain.text import nfc
from counter_app.domain.vntime import now_vn
from counter_app.services.admin_log import AdminAction, record
from counter_app.services.errors import ServiceError
from counter_app.services.permissions import require
from counter_app.services.settings import (
    DEFAULTS,
    LANGUAGES,
    MAX_DUPLICATE_DAYS,
    get_setting,
    set_setting,
)
from counter_app.services.store import Store
from counter_protocol.texts import QT_TRANSLATE_NOOP, Marked

SLIP_SIZES = {"A4": "A4", "A5": "A5", "receipt": QT_TRANSLATE_NOOP("labels", "giấy cuộn 80 mm")}
MAX_DUE_SOON_DAYS = 30
MAX_PLACE_NAME = 60


@dataclass(frozen=True)
class CounterSettings:
    """The values as typed on the screen (text), each tied to one key of the settings table."""

    sessions: str
    saturday: str
    slip_size: str
    printer: str
    due_soon_days: str
    place_name: str
    duplicate_days: str = DEFAULTS["intake.duplicate_days"]
    language: str = "vi"


KEYS: dict[str, str] = {
    "sessions": "calendar.sessions",
    "saturday": "calendar.saturday",
    "slip_size": "slip.page_size",
    "printer": "printer.default",
    "due_soon_days": "due_soon.working_days",
    "place_name": "slip.place_name",
    "duplicate_days": "intake.duplicate_days",
    "language": "ui.language",
}


class SettingsInvalid(ServiceError):
    """One or more fields refused; `problems` maps each field to its marked message (formatted,
    the Vietnamese; the settings screen shows it in the clerk's language, decision 0034)."""

    default_code = "settings.invalid"

    def __init__(self, problems: dict[str, Marked]) -> None:
        first = next(iter(problems))
        super().__init__("\n".join(str(p) for p in problems.values()), field=first)
        self.problems = problems


def settings_problems(values: CounterSettings) -> dict[str, Marked]:
    """Every field's problem (empty when all can be used), in the screen's order."""
    problems = _calendar_problems(values)
    if values.slip_size not in SLIP_SIZES:
        problems["slip_size"] = Marked(  # each size by its name: the label is translated
            QT_TRANSLATE_NOOP("messages", "Khổ phiếu chỉ nhận: {A4}, {A5}, {receipt}."),
            dict(SLIP_SIZES),
        )
    if len(values.printer) > 200:
        problems["printer"] = Marked(QT_TRANSLATE_NOOP("messages", "Tên máy in quá dài."))
    days = values.due_soon_days.strip()
    if not days.isdigit() or not 1 <= int(days) <= MAX_DUE_SOON_DAYS:
        problems["due_soon_days"] = Marked(
            QT_TRANSLATE_NOOP(
                "messages", "Ngưỡng “sắp đến hạn” là số ngày làm việc từ 1 đến {most}."
            ),
            {"most": MAX_DUE_SOON_DAYS},
        )
    duplicate = values.duplicate_days.strip()
    if not duplicate.isdigit() or int(duplicate) > MAX_DUPLICATE_DAYS:
        problems["duplicate_days"] = Marked(
            QT_TRANSLATE_NOOP("messages", "Số ngày hỏi hồ sơ trùng: từ 0 (không hỏi) đến {most}."),
            {"most": MAX_DUPLICATE_DAYS},
        )
    place = values.place_name.strip()
    if not place or len(place) > MAX_PLACE_NAME:
        problems["place_name"] = Marked(
            QT_TRANSLATE_NOOP("messages", "Địa danh ghi trên phiếu: 1 đến {most} ký tự."),
            {"most": MAX_PLACE_NAME},
        )
    if values.language not in LANGUAGES:
        problems["language"] = Marked(
            QT_TRANSLATE_NOOP("messages", "Ngôn ngữ màn hình chỉ nhận: {languages}."),
            {"languages": ", ".join(LANGUAGES)},
        )
    return problems


def _calendar_problems(values: CounterSettings) -> dict[str, Marked]:
    """The working sessions' and Saturday's problems, as the calendar's own messages."""
    problems: dict[str, Marked] = {}
    for name, sessions, saturday in (
        ("sessions", values.sessions, ""),
        ("saturday", DEFAULTS["calendar.sessions"], values.saturday),
    ):
        try:
            CalendarRules.parse(sessions, saturday)
        except CalendarError as exc:
            problems[name] = Marked(exc.template, exc.params)
    return problems


class SettingsService:
    def __init__(self, store: Store, on_calendar_changed: Callable[[], None]) -> None:
        self._store = store
        self._on_calendar_changed = on_calendar_changed  # the calendar is built once per process

    def current(self) -> CounterSettings:
        with self._store.read() as session:
            return CounterSettings(
                **{name: get_setting(session, key) for name, key in KEYS.items()}
            )

    def save(self, values: CounterSettings, *, by: str) -> list[str]:
        """Store the changed values (all or none); returns the changed fields' names."""
        values = _tidy(values)
        problems = settings_problems(values)
        if problems:
            raise SettingsInvalid(problems)
        with self._store.write() as session:
            require(session, by, Permission.SETTINGS)
            changed = []
            now = now_vn()
            for name, key in KEYS.items():
                old, new = get_setting(session, key), getattr(values, name)
                if new != old:
                    set_setting(session, key, new)
                    record(session, now, by, AdminAction.SETTING_CHANGED, key, f"{old} → {new}")
                    changed.append(name)
        if {"sessions", "saturday"} & set(changed):
            self._on_calendar_changed()
        return changed


def _tidy(values: CounterSettings) -> CounterSettings:
    """Surrounding blanks off; the place name in NFC like every stored name."""
    tidy = {f.name: getattr(values, f.name).strip() for f in fields(values)}
    tidy["place_name"] = nfc(tidy["place_name"])
    tidy["sessions"] = tidy["sessions"].replace(" ", "")
    tidy["saturday"] = tidy["saturday"].replace(" ", "")
    return CounterSettings(**tidy)
