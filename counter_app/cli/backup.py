"""`counter-app backup create|list|check|restore`: copies of the store, and putting one back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.cli.arguments import add_group
from counter_app.cli.commands import command_help
from counter_app.config import StorePaths, resolve_data_dir

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost


def add_commands(sub: SubParsers) -> None:
    bsub = add_group(sub, "backup", command_help("backup"))
    bsub.add_parser("create", help="sao lưu kho ngay (chỉ khi kho không hỏng)").set_defaults(
        handler=cmd_create
    )
    bsub.add_parser("list", help="các bản sao lưu, mới nhất trước, có kiểm tra").set_defaults(
        handler=cmd_list
    )
    bsub.add_parser("check", help="kiểm tra toàn vẹn toàn bộ kho (integrity_check)").set_defaults(
        handler=cmd_check
    )
    restore = bsub.add_parser("restore", help="thay kho bằng một bản sao lưu (giữ lại tệp cũ)")
    restore.add_argument("file", help="tệp sao lưu (xem counter-app backup list)")
    restore.set_defaults(handler=cmd_restore)


def cmd_create(args: argparse.Namespace, host: AppHost) -> int:
    from counter_app.services.backups import create_backup

    print(f"Đã sao lưu kho vào {create_backup(resolve_data_dir(args.data_dir))}.")
    return 0


def cmd_list(args: argparse.Namespace, host: AppHost) -> int:
    """Does not open the store: it works however damaged the store is."""
    from counter_app.services.backups import list_backups

    data_dir = resolve_data_dir(args.data_dir)
    folder = StorePaths(data_dir).backup_dir
    found = list_backups(data_dir)
    if not found:
        print(f"Chưa có bản sao lưu nào trong {folder}.")
        return 1
    for backup in found:
        verdict = "tốt" if backup.good else "HỎNG"
        print(f"{backup.file}\t{backup.size // 1024} KB\t{verdict}")
    return 0


def cmd_check(args: argparse.Namespace, host: AppHost) -> int:
    from counter_app.domain.vntime import now_vn
    from counter_app.services.store import Store

    store = Store.open(resolve_data_dir(args.data_dir))
    try:
        result = store.full_check(now_vn())
        store.require_sound()
    finally:
        store.close()
    print(f"Kho {store.paths.db_file} không lỗi (kiểm tra toàn bộ trong {result.seconds:.1f} s).")
    return 0


def cmd_restore(args: argparse.Namespace, host: AppHost) -> int:
    from counter_app.services.backups import restore_backup

    done = restore_backup(resolve_data_dir(args.data_dir), Path(args.file))
    print(f"Đã khôi phục kho từ {done.backup}.")
    if done.kept_aside is not None:
        print(f"Tệp cũ (hỏng) được giữ nguyên ở {done.kept_aside}; đừng xoá nó.")
    print(
        "Hồ sơ tiếp nhận sau thời điểm sao lưu không có trong bản này: đối chiếu với máy chủ "
        "tỉnh (counter-app sync) và sổ theo dõi."
    )
    return 0
