"""Every message a person can act on, raised below the screens, is a translatable template.

The screens translate a `UserError`'s `template` and `advice_template` (decision 0034); a message
written as an f-string or a plain literal has no entry in `messages_<lang>.ts` and shows in
Vietnamese on an English counter. This walks the layers below the screens and fails on any call
of a `UserError` family (its constructor or a class method), `ValidationIssue`, the validation
helpers, a `Marked` text or a province change's `Outcome` whose `message`, `advice` or
`template` is such a text, directly or through a local name,
and on any note for a sync run's summary (`SyncReport.add_notice(template, …)`) given so.
A text never shown on a screen (a command-line-only refusal) may stay a literal if its line says
`# untranslated: <why>` (on the call, on the text, or on the line above the text).
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Iterator
from pathlib import Path

from counter_protocol.errors import UserError
from counter_protocol.texts import Marked

ROOT = Path(__file__).resolve().parents[2]
LAYERS = (
    "counter_protocol",
    "counter_app/domain",
    "counter_app/models",
    "counter_app/services",
    "counter_app/sync",
)
TEXT_PARAMETERS = {"message", "advice", "template"}
NOTICE_METHOD = "add_notice"  # SyncReport.add_notice(template, requeued, params)
EXEMPT = "# untranslated:"


def _modules() -> Iterator[tuple[Path, str]]:
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path, ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _resolve(expr: ast.expr, namespace: dict[str, object]) -> object | None:
    if isinstance(expr, ast.Name):
        return namespace.get(expr.id)
    if isinstance(expr, ast.Attribute):
        owner = _resolve(expr.value, namespace)
        return getattr(owner, expr.attr, None) if owner is not None else None
    return None


def _is_message_callee(callee: object) -> bool:
    from counter_app.domain import validation
    from counter_app.services.province_updates import Outcome

    if inspect.isclass(callee):
        records = (validation.ValidationIssue, Marked, Outcome)  # a text with its values
        return issubclass(callee, UserError) or callee in records
    owner = getattr(callee, "__self__", None)
    if inspect.isclass(owner) and issubclass(owner, UserError):
        return True
    return getattr(callee, "__module__", None) == validation.__name__ and callable(callee)


def _notice_template(call: ast.Call) -> Iterator[ast.expr]:
    """The template of a `….add_notice(template, …)` call (a sync run's note for IT)."""
    if isinstance(call.func, ast.Attribute) and call.func.attr == NOTICE_METHOD:
        yield from call.args[:1]
        yield from (k.value for k in call.keywords if k.arg == "template")


def _text_arguments(call: ast.Call, callee: object) -> Iterator[ast.expr]:
    """The arguments of `call` that land in a parameter named message, advice or template."""
    try:
        target = callee.__init__ if inspect.isclass(callee) else callee  # type: ignore[misc]
        names = [p for p in inspect.signature(target).parameters if p != "self"]
    except (TypeError, ValueError):
        return
    for name, arg in zip(names, call.args, strict=False):
        if name in TEXT_PARAMETERS:
            yield arg
    yield from (k.value for k in call.keywords if k.arg in TEXT_PARAMETERS)


def _literal_texts(expr: ast.expr, assigned: dict[str, list[ast.expr]]) -> Iterator[ast.expr]:
    """The parts of `expr` that are texts written in place (not a marked template)."""
    if isinstance(expr, ast.Call):  # formatted here, or another error's finished text
        name = expr.func.id if isinstance(expr.func, ast.Name) else getattr(expr.func, "attr", "")
        if name in ("format", "join", "str", "one_line"):
            yield expr
    elif isinstance(expr, ast.Attribute) and expr.attr in ("message", "advice"):
        yield expr  # pass the template on instead: `exc.template`, `exc.advice_template`
    elif isinstance(expr, ast.JoinedStr) or (
        isinstance(expr, ast.Constant) and isinstance(expr.value, str) and expr.value
    ):
        yield expr
    elif isinstance(expr, ast.BinOp):
        yield from _literal_texts(expr.left, assigned)
        yield from _literal_texts(expr.right, assigned)
    elif isinstance(expr, ast.BoolOp):  # `message or "…"`
        for value in expr.values:
            yield from _literal_texts(value, assigned)
    elif isinstance(expr, ast.IfExp):
        yield from _literal_texts(expr.body, assigned)
        yield from _literal_texts(expr.orelse, assigned)
    elif isinstance(expr, ast.Name):
        for value in assigned.pop(expr.id, []):  # popped: a name assigned to itself ends
            yield from _literal_texts(value, assigned)


def _assignments(function: ast.AST) -> dict[str, list[ast.expr]]:
    found: dict[str, list[ast.expr]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(node.value)
    return found


def _functions(tree: ast.Module) -> Iterator[ast.AST]:
    yield tree
    yield from (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef))


def _exempt(lines: list[str], text: ast.expr) -> bool:
    """The text's own lines, or the line above it, say why it stays Vietnamese."""
    span = lines[max(text.lineno - 2, 0) : (text.end_lineno or text.lineno)]
    return any(EXEMPT in line for line in span)


def untranslated_messages() -> list[str]:
    """`path:line: text` of every message written in place below the screens."""
    found = set()
    for path, module_name in _modules():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        namespace = vars(importlib.import_module(module_name))
        for function in _functions(ast.parse(source)):
            for call in ast.walk(function):
                if not isinstance(call, ast.Call):
                    continue
                callee = _resolve(call.func, namespace)
                notice = list(_notice_template(call))
                if not notice and (callee is None or not _is_message_callee(callee)):
                    continue
                span = lines[call.lineno - 1 : (call.end_lineno or call.lineno)]
                if any(EXEMPT in line for line in span):
                    continue
                for arg in notice or _text_arguments(call, callee):
                    for text in _literal_texts(arg, _assignments(function)):
                        if _exempt(lines, text):
                            continue
                        where = path.relative_to(ROOT)
                        found.add(f"{where}:{text.lineno}: {ast.unparse(text)[:90]}")
    return sorted(found)


def test_every_message_below_the_screens_is_a_marked_template() -> None:
    left = untranslated_messages()
    assert not left, "not marked with QT_TRANSLATE_NOOP:\n" + "\n".join(left)


def test_the_check_sees_an_f_string_and_lets_a_template_through(tmp_path: Path) -> None:
    tree = ast.parse('x = f"Không có {a}."\nraise E(x)\nraise E(QT_TRANSLATE_NOOP("m", "y"))')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.func.id == "E"]  # type: ignore[attr-defined]
    flagged = [list(_literal_texts(c.args[0], _assignments(tree))) for c in calls]
    assert [len(f) for f in flagged] == [1, 0]


def test_the_servers_refusals_marked_on_the_counter_are_the_servers_own_words() -> None:
    from counter_app.sync.server_words import SERVER_REFUSALS, SERVER_TEMPLATES

    written = {
        node.value
        for path in sorted((ROOT / "counter_server").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }  # adjacent literals are one constant
    marked = SERVER_REFUSALS + SERVER_TEMPLATES
    assert [text for text in marked if text not in written] == []


def test_the_check_sees_a_sync_notice_written_in_place() -> None:
    tree = ast.parse(
        'report.add_notice(f"Thao tác #{seq} bị hỏng.", 0)\n'
        "report.add_notice(template=x.format(a=1))\n"
        'report.add_notice(QT_TRANSLATE_NOOP("messages", "#{seq}"), params={"seq": 1})'
    )
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and list(_notice_template(n))]
    flagged = [
        [t for arg in _notice_template(c) for t in _literal_texts(arg, _assignments(tree))]
        for c in calls
    ]
    assert [len(f) for f in flagged] == [1, 1, 0]
