"""Reading a catalogue's JSON: every refusal names the object it is about.

`Reader` gives typed access to one JSON object; its `where` is a marked place (“Thủ tục {code}”,
`counter_protocol/texts.Marked`) that every refusal puts first, so a screen shows the place in
the clerk's language with the rule (decision 0034). The document is read without duplicate keys
and NFC-normalised, so comparisons and the hash are stable.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from counter_protocol.errors import UserError
from counter_protocol.texts import QT_TRANSLATE_NOOP, Marked

AGENCY_CODE = re.compile(r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}")  # mã định danh, QĐ 20/2020/QĐ-TTg

Json = dict[str, Any]
Keys = tuple[str, ...] | None  # the keys an object may have; None: do not check


class CatalogueError(UserError):
    """A catalogue document was refused; the message (Vietnamese) names the procedure and field."""

    default_code = "catalogue.invalid"

    def __init__(
        self,
        message: str,
        procedure_code: str | None = None,
        *,
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message, params=params)
        self.procedure_code = procedure_code


def load_document(text: str) -> Any:
    """The JSON of a catalogue file, every string NFC; refused if it is not JSON or repeats a
    key within one object."""

    def refuse_duplicates(pairs: list[tuple[str, Any]]) -> Json:
        if len({key for key, _ in pairs}) != len(pairs):
            raise CatalogueError(
                QT_TRANSLATE_NOOP(
                    "messages", "Danh mục: có trường bị lặp trong cùng một đối tượng JSON."
                )
            )
        return dict(pairs)

    try:
        return _nfc(json.loads(text, object_pairs_hook=refuse_duplicates))
    except json.JSONDecodeError as exc:
        raise CatalogueError(
            QT_TRANSLATE_NOOP(
                "messages", "Tệp danh mục không phải JSON hợp lệ (dòng {line}, cột {column})."
            ),
            params={"line": exc.lineno, "column": exc.colno},
        ) from exc


def _nfc(value: Any) -> Any:
    """NFC-normalise every string, keys included, so comparisons and the hash are stable."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(item) for item in value]
    if isinstance(value, dict):
        return {unicodedata.normalize("NFC", k): _nfc(v) for k, v in value.items()}
    return value


def place(template: str, **params: object) -> Marked:
    """The object a refusal is about, as a marked template (“Thủ tục {code}”) and its values:
    the refusal names it through {where}, and a screen shows it in the clerk's language."""
    return Marked(template, params)


def procedure_place(code: str) -> Marked:
    return place(QT_TRANSLATE_NOOP("messages", "Thủ tục {code}"), code=code)


@dataclass(frozen=True)
class Reader:  # typed access to one JSON object; `where` and `code` name it in every message
    raw: Json
    where: Marked  # a marked place and its values: a screen translates it with the message
    code: str | None = None

    @classmethod
    def of(cls, value: Any, where: Marked, keys: Keys, code: str | None = None) -> Reader:
        if not isinstance(value, dict):
            raise CatalogueError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: phải là một đối tượng JSON.",
                ),
                code,
                params={"where": where},
            )
        if stray := [key for key in value if keys is not None and key not in keys]:
            raise CatalogueError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: trường lạ “{stray}”.",
                ),
                code,
                params={"where": where, "stray": stray[0]},
            )
        return cls(value, where, code)

    def fail(self, template: str, **params: object) -> CatalogueError:
        """A refusal about this object: `template` (marked) names it with {where}."""
        return CatalogueError(template, self.code, params={"where": self.where, **params})

    def text(self, key: str, allowed: tuple[str, ...] = (), required: bool = True) -> str:
        value = self.raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise self._missing(key, value)
            return ""
        if not isinstance(value, str):
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: trường “{key}” phải là chuỗi ký tự.",
                ),
                key=key,
            )
        if allowed and value.strip() not in allowed:
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: giá trị “{value}” của trường “{key}” không hợp lệ.",
                ),
                value=value,
                key=key,
            )
        return value.strip()

    def _missing(self, key: str, value: object) -> CatalogueError:
        if value is None:
            return self.fail(
                QT_TRANSLATE_NOOP("messages", "{where}: thiếu trường “{key}”."), key=key
            )
        return self.fail(
            QT_TRANSLATE_NOOP("messages", "{where}: không được để trống trường “{key}”."),
            key=key,
        )

    def flag(self, key: str, default: bool | None = None) -> bool:
        value = self.raw.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: trường “{key}” phải là true hoặc false.",
                ),
                key=key,
            )
        return value

    def count(self, key: str) -> int:
        value = self.raw.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: trường “{key}” phải là số nguyên không âm.",
                ),
                key=key,
            )
        return value

    def items(self, key: str, non_empty: bool = False) -> list[Any]:
        value = self.raw.get(key)
        if not isinstance(value, list):
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: trường “{key}” phải là danh sách.",
                ),
                key=key,
            )
        if non_empty and not value:
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: trường “{key}” không được để trống.",
                ),
                key=key,
            )
        return value

    def agency_code(self) -> str:
        code = self.text("code")
        if not AGENCY_CODE.fullmatch(code):
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{where}: mã định danh “{code}” không đúng dạng 000.00.00.H27.",
                ),
                code=code,
            )
        return code
