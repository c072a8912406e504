"""Screenshots of the counter's screens for the README, taken offscreen on a demo store.

    .venv/bin/python scripts/screenshots.py [--data-dir D] [--out DIR] [--size 1366x768 ...]
        [--lang en]

Creates the demo store first if D has none (`counter-app --data-dir D demo --dossiers 2000`),
signs in as the demo clerk and grabs each screen filled as a clerk would fill it. Each size
(by default both counter screens, 1366×768 and 1024×768) is a run of its own on an offscreen
screen of that size, into DIR/WxH/; windows open as the program opens them (fitted to the screen)
and the main window is maximised, as a clerk keeps it. `--lang en` takes the key screens
(intake, list, detail, sync, settings) in English into DIR/en-WxH/ (by default at 1366×768:
`--lang en --size 1366x768`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from counter_devkit.screens import COUNTER_SCREENS, offscreen_platform  # noqa: E402

DEMO_CLERK, DEMO_PASSWORD = "canbo1", "Demo@2026"
# The demo counter is the provincial centre: it receives provincial procedures (routing).
PROCEDURE, PROCEDURE_TYPED = "3.000333", "ly lich tu phap"
QR_LINE = (
    "042195123456|186123456|Nguyễn Thị Hồng Nhung|12031995|Nữ|"
    "Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh|15082021"
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--size", action="append", default=None, help="screen size WxH (repeatable)"
    )
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child run
    parser.add_argument("--dossiers", type=int, default=2000)
    parser.add_argument(
        "--lang", default="vi", help="vi: every screen; en: the key screens, into DIR/en-WxH/"
    )
    return parser.parse_args()


def ensure_demo(data_dir: Path, dossiers: int) -> None:
    if (data_dir / "counter.sqlite3").exists():
        return
    subprocess.run(
        [
            sys.executable,
            "-m",
            "counter_app",
            "--data-dir",
            str(data_dir),
            "demo",
            "--dossiers",
            str(dossiers),
        ],
        check=True,
        cwd=ROOT,
    )


def settle(app, runner, extra_ms: int = 0) -> None:
    """Let background work finish and the window repaint."""
    deadline = time.monotonic() + 20
    while (runner.pending or extra_ms > 0) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
        extra_ms -= 20
    app.processEvents()


def grab(widget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def fill_intake(app, runner, window, services) -> None:
    from counter_app.domain.cccd_qr import parse_cccd_qr
    from counter_app.ui.main_window import TAB_INTAKE
    from counter_app.ui.qt_compat import emit

    window.show_tab(TAB_INTAKE)  # the window opens on the list
    intake = window.intake
    intake.applicant_form.fill_from_qr(parse_cccd_qr(QR_LINE))
    intake.applicant_form.edits["phone"].setText("0912 345 678")
    intake.applicant_form.edits["email"].setText("nhung.nguyen@example")  # shows a warning
    intake.picker.search_edit.setText(PROCEDURE_TYPED)
    intake.picker.search_now()
    settle(app, runner)
    intake.picker.set_procedure(services.procedures.get(PROCEDURE))
    intake.checklist_model.toggle(0)
    intake.note_edit.setText("Khách cần lấy trong ngày")
    emit(intake.applicant_form.edited, "email")  # as if typed: its warning shows
    settle(app, runner, 300)


def shoot(args: argparse.Namespace, data_dir: Path) -> None:
    from counter_app.app import build_context
    from counter_app.ui.main import create_application
    from counter_app.ui.main_window import TAB_LIST, TAB_RETURN, MainWindow
    from counter_app.ui.tasks import TaskRunner
    from scripts.screenshots_office import shoot_office
    from scripts.screenshots_sync import shoot_key_screens, shoot_sync

    context = build_context(str(data_dir))
    services = context.services
    app = create_application(args.lang)
    runner = TaskRunner()
    width, height = (int(v) for v in args.size[0].split("x"))
    if args.lang != "vi":
        try:
            shoot_key_screens(app, runner, context, args.out, sys.modules[__name__], settle, grab)
        finally:
            runner.shutdown()
            services.close()
        return
    try:
        user = services.accounts.sign_in(DEMO_CLERK, DEMO_PASSWORD)
        window = MainWindow(services, runner, user, services.setup.identity())
        window.showMaximized()
        settle(app, runner, 200)
        fill_intake(app, runner, window, services)
        grab(window, args.out / "intake.png")
        shoot_list(app, runner, window, args.out, TAB_LIST)
        shoot_detail(app, runner, window, args.out)
        shoot_return(app, runner, window, services, args.out, TAB_RETURN)
        shoot_post(app, runner, window, services, args.out)
        shoot_slip(app, runner, window, services, args.out)
        shoot_login(app, runner, services, args.out)
        shoot_lifecycle(app, runner, window, services, args.out)
        supervisor = services.accounts.sign_in("truongbp", DEMO_PASSWORD)  # reports are theirs
        boss = MainWindow(services, runner, supervisor, services.setup.identity())
        boss.showMaximized()
        shoot_report(app, runner, boss, args.out)
        boss.close()
        shoot_office(app, runner, window, services, args.out, DEMO_CLERK, settle, grab)
        shoot_sync(app, runner, context, args.out, settle, grab)
        from account_screens import shoot_accounts

        shoot_accounts(app, runner, services, args.out, (width, height), settle, grab)
    finally:
        runner.shutdown()
        services.close()


def shoot_list(app, runner, window, out: Path, tab: int) -> None:
    window.show_tab(tab)
    listing = window.dossiers
    listing.scope_combo.setCurrentIndex(listing.scope_combo.findData("all"))
    settle(app, runner, 200)
    grab(window, out / "list.png")


def shoot_detail(app, runner, window, out: Path) -> None:
    listing = window.dossiers
    window.open_dossier(listing.model.row_at(0).code)
    settle(app, runner, 300)
    grab(window.detail_dialog, out / "detail.png")
    window.detail_dialog.close()


def shoot_return(app, runner, window, services, out: Path, tab: int) -> None:
    from counter_app.services.search import DossierQuery

    ready = services.search.find(DossierQuery(statuses=(9,)), limit=1)
    window.show_tab(tab)
    if ready:
        window.returns.scan_edit.setText(ready[0].code)
        window.returns.look_up()
    settle(app, runner, 200)
    grab(window, out / "return.png")


def pool_file_text(count: int) -> str:
    """Demo S10 numbers, as Vietnam Post hands them over in a text file."""
    from counter_protocol.tracking import s10_check_digit

    serials = (f"{90_000_000 + n:08d}" for n in range(count))
    return "\n".join(f"RR{s}{s10_check_digit(s)}VN" for s in serials)


def postable_dossier(services) -> str | None:
    """A result ready for return with no fee to take at return (the return screen's own
    screenshot shows the first ready one), so the postal return goes through."""
    from counter_app.domain.fees import owed_lines
    from counter_app.domain.kinds import FeeCollection
    from counter_app.services.search import DossierQuery

    for row in services.search.find(DossierQuery(statuses=(9,)), limit=30)[1:]:
        if not owed_lines(services.details.get(row.code).fees, FeeCollection.AT_RETURN):
            return row.code
    return None


def shoot_post(app, runner, window, services, out: Path) -> None:
    """A result returned by post, the day's hand-over list, the detail's postal tab and an
    intake by post (docs/domain.md#post)."""
    from counter_app.ui.main_window import TAB_INTAKE, TAB_RETURN

    if services.tracking_pool.status().unused == 0:
        services.tracking_pool.import_text(pool_file_text(25), "vnpost-demo.txt")
    code = postable_dossier(services)
    if code is None:
        return
    view = window.returns
    window.show_tab(TAB_RETURN)
    view.scan_edit.setText(code)
    view.look_up()
    settle(app, runner, 200)
    view.post_check.setChecked(True)
    form = view.postal_form.address_form
    form.commune_combo.setCurrentIndex(form.commune_combo.findText("Xã Đức Thọ"))
    form.street_edit.setText("Thôn Trung Hòa")
    view.postal_form.postage_spin.setValue(28000)
    view.postal_form.weight_spin.setValue(350)
    settle(app, runner, 200)
    grab(window, out / "return-post.png")
    view.confirm()
    settle(app, runner, 300)
    view.print_handover()
    settle(app, runner, 300)
    if view.handover_preview is not None:
        settle(app, runner, 1200)  # QPdfView renders asynchronously
        grab(view.handover_preview, out / "handover.png")
        view.handover_preview.close()
    window.open_dossier(code)
    settle(app, runner, 300)
    dialog = window.detail_dialog
    dialog.tabs.setCurrentWidget(dialog.postal_panel)
    settle(app, runner, 300)
    grab(dialog, out / "detail-post.png")
    dialog.close()
    window.show_tab(TAB_INTAKE)
    window.intake.reset_form()
    fill_intake(app, runner, window, services)
    delivery = window.intake.delivery
    delivery.channel_combo.setCurrentIndex(delivery.channel_combo.findData(3))
    sender = delivery.sender_box.address_form
    sender.fill("Nguyễn Thị Hồng Nhung", "0912 345 678")
    sender.street_edit.setText("Xóm 3")
    sender.choose("42", "18088")
    settle(app, runner, 300)
    grab(window, out / "intake-post.png")
    window.intake.reset_form()


def shoot_slip(app, runner, window, services, out: Path) -> None:
    from counter_app.services.search import DossierQuery
    from counter_app.ui.slip_preview import SlipPreviewDialog

    [received] = services.search.find(DossierQuery(statuses=(2, 4, 9, 10)), limit=1)
    code = received.code
    pdf = services.slips.render_for(code)
    dialog = SlipPreviewDialog(pdf, code, window)
    dialog.show()
    settle(app, runner, 1200)  # QPdfView renders asynchronously (docs/platform.md#pdf-preview)
    grab(dialog, out / "slip-preview.png")
    dialog.close()


def shoot_report(app, runner, window, out: Path) -> None:
    """The report tab on the last three months of the demo, then its monthly work page."""
    from datetime import timedelta

    from counter_app.domain.vntime import now_vn
    from counter_app.ui.main_window import TAB_REPORT

    today = now_vn().date()
    first = (today.replace(day=1) - timedelta(days=62)).replace(day=1)
    window.show_tab(TAB_REPORT)
    settle(app, runner, 200)
    window.report.set_period(first, today)
    window.report.refresh()
    settle(app, runner, 400)
    grab(window, out / "report.png")
    window.report.pages.setCurrentIndex(2)
    settle(app, runner, 200)
    grab(window, out / "report-work.png")
    window.report.pages.setCurrentIndex(0)


def shoot_login(app, runner, services, out: Path) -> None:
    from counter_app.ui.login import LoginDialog

    dialog = LoginDialog(services.accounts, runner, "Quầy số 1 (dữ liệu mẫu) · Hà Tĩnh")
    dialog.username_edit.setText(DEMO_CLERK)
    dialog.password_edit.setText("sai-mat-khau")
    dialog.show()
    dialog.try_sign_in()
    settle(app, runner, 200)
    grab(dialog, out / "login.png")
    dialog.close()


def main() -> int:
    args = parse_args()
    if args.one:
        args.out.mkdir(parents=True, exist_ok=True)
        shoot(args, args.data_dir)
        return 0
    with tempfile.TemporaryDirectory(prefix="counter-demo-") as scratch:
        data_dir = args.data_dir or Path(scratch) / "demo"
        ensure_demo(data_dir, args.dossiers)
        for size in args.size or [f"{w}x{h}" for w, h in COUNTER_SCREENS]:
            print(f"Screenshots of the demo store {data_dir} at {size}:")
            folder = size if args.lang == "vi" else f"{args.lang}-{size}"
            shoot_at(size, data_dir, args.out / folder, args.lang)
    return 0


def shoot_at(size: str, data_dir: Path, out: Path, lang: str = "vi") -> None:
    """One run per screen size: Qt's screen is fixed when the application starts."""
    width, height = (int(v) for v in size.split("x"))
    with tempfile.TemporaryDirectory(prefix="counter-shots-") as scratch:
        config, store = Path(scratch) / "config", Path(scratch) / "store"
        shutil.copytree(data_dir, store)  # each run starts from the same demo day
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": offscreen_platform(width, height),
            "XDG_CONFIG_HOME": str(config),  # no window sizes remembered from an earlier run
        }
        command = [sys.executable, __file__, "--one", "--size", size]
        command += ["--data-dir", str(store), "--out", str(out), "--lang", lang]
        subprocess.run(command, check=True, env=env, cwd=ROOT)


def shoot_lifecycle(app, runner, window, services, out: Path) -> None:
    """The lifecycle screens: intake outcomes, the detail's steps and dialogs, the late tab."""
    from counter_app.ui.main_window import TAB_INTAKE, TAB_LATE

    window.show_tab(TAB_INTAKE)
    window.intake.reset_form()
    fill_intake(app, runner, window, services)  # one of two required papers ticked: Mẫu 02
    window.intake.outcome_bar.guidance_edit.setText("Mang bản chụp giấy tờ tùy thân")
    settle(app, runner, 200)
    grab(window, out / "intake-missing-papers.png")
    window.intake.ask_refusal()
    window.intake.reason_dialog.reason_edit.setPlainText("Thủ tục không thuộc thẩm quyền")
    settle(app, runner, 200)
    grab(window.intake.reason_dialog, out / "intake-refusal.png")
    window.intake.reason_dialog.close()
    window.show_tab(TAB_LATE)
    settle(app, runner, 300)
    grab(window, out / "late.png")
    shoot_steps(app, runner, window, services, out)


def shoot_steps(app, runner, window, services, out: Path) -> None:
    """A fresh dossier (forward), then one already extended and asked for papers once."""
    from datetime import timedelta

    from counter_devkit.intake import intake
    from counter_protocol.lifecycle import Action

    fresh = services.dossiers.receive(intake(PROCEDURE, clerk=DEMO_CLERK), clock_confirmed=True)
    shoot_detail_steps(app, runner, window, fresh, out, ((Action.FORWARD, "step-forward.png"),))
    worn = services.dossiers.receive(intake(PROCEDURE, clerk=DEMO_CLERK), clock_confirmed=True)
    due = services.details.get(worn).due_at
    life = services.lifecycle
    life.extend(worn, DEMO_CLERK, "Chờ ý kiến cơ quan phối hợp", due + timedelta(days=7))
    life.ask_supplement(worn, DEMO_CLERK, "Thiếu giấy xác nhận", ["Giấy xác nhận cư trú"])
    life.supplement_received(worn, DEMO_CLERK)
    steps = (
        (Action.ASK_SUPPLEMENT, "step-supplement-second.png"),
        (Action.EXTEND, "step-extend-refused.png"),
        (Action.WITHDRAW, "step-withdraw.png"),
    )
    shoot_detail_steps(app, runner, window, worn, out, steps, "detail-actions.png")


def shoot_detail_steps(app, runner, window, code, out: Path, steps, detail_png=None) -> None:
    window.open_dossier(code)
    settle(app, runner, 300)
    dialog = window.detail_dialog
    if detail_png:
        grab(dialog, out / detail_png)
        dialog.tabs.setCurrentIndex(1)
        settle(app, runner, 100)
        grab(dialog, out / "detail-forms.png")
    for action, name in steps:
        dialog.open_step(action)
        settle(app, runner, 200)
        grab(dialog.step_dialog, out / name)
        dialog.step_dialog.close()
    dialog.close()


if __name__ == "__main__":
    sys.exit(main())
