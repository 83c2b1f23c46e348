"""`fulian backup --to FILE`, `fulian backup verify FILE`, `fulian backup status`, `fulian restore FILE --to DIR`."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..backup import service, status
from ..domain.errors import KeyUnavailable, WrongKey
from ..security.keyfile import normalise_recovery_code
from ..services.accounts import auth
from ..store.paths import StorePaths
from ..store.store import Unlock
from .common import unlock_candidates, data_dir, emit, open_for_cli


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="在线备份（加密，含清单与校验值）；verify 校验备份；status 上次备份")
    p.add_argument("--to", help="备份文件（已存在则拒绝）")
    p.add_argument("--no-verify", action="store_true", help="备份后不立即校验")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup)
    more = p.add_subparsers(dest="backup_cmd")
    v = more.add_parser("verify", help="校验备份：校验值、完整性、记录数、审计链")
    v.add_argument("file")
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=cmd_verify)
    s = more.add_parser("status", help="上次备份与上次校验通过的时间")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_status)

    r = sub.add_parser("restore", help="从备份恢复到一个新的数据文件夹（需恢复码或口令；不覆盖现有数据）")
    r.add_argument("file")
    r.add_argument("--to", required=True, help="新的数据文件夹（其中不能已有数据存储）")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_restore)


def _with_unlock(args: argparse.Namespace, action):  # noqa: ANN001, ANN202
    """Try the keyring / env / --key-file; ask on a terminal when none of them opens it."""
    last: Exception | None = None
    for unlock in unlock_candidates(args):
        try:
            return action(unlock)
        except WrongKey as exc:
            last = exc
        except KeyUnavailable as exc:
            if not sys.stdin.isatty():
                raise KeyUnavailable(f"{exc.message}（非交互使用时请设置 FULIAN_RECOVERY_CODE、FULIAN_PASSPHRASE 或 --key-file）",
                                     code=exc.code) from exc
            secret = getpass.getpass("请输入恢复码（或口令）：")
            code_like = len(normalise_recovery_code(secret)) == 32
            return action(Unlock(recovery_code=secret) if code_like else Unlock(passphrase=secret))
    assert last is not None
    raise last


def cmd_backup(args: argparse.Namespace) -> int:
    if not args.to:
        print("请用 --to 指定备份文件，例如：fulian backup --to /media/u盘/幸福号-备份.fbk", file=sys.stderr)
        return 2
    with open_for_cli(args) as store:
        key = _with_unlock(args, lambda unlock: service.backup_key(store, unlock))
        result = service.take_backup(store, auth.system_actor(store), Path(args.to), key=key,
                                     verify=not args.no_verify)
    data = {"file": str(result.path), "store_id": result.store_id, "backend": result.backend, "schema": result.schema,
            "created_at": result.created_at.isoformat(), "size": result.size, "seconds": round(result.seconds, 2),
            "verified": result.verified, "counts": result.counts, "audit_checkpoint_seq": result.checkpoint_seq}
    checked = "已校验通过" if result.verified else ("未校验" if args.no_verify else "校验未通过！")
    emit(args, data, f"已备份到 {result.path}（{result.size / 1e6:.1f} MB，{result.counts.get('case_file', 0)} 件案件，"
                     f"用时 {result.seconds:.1f} 秒，{checked}）。"
                     + (f"\n审计检查点：第 {result.checkpoint_seq} 条，已签名写入备份清单；日后可用 fulian audit verify "
                        f"--against {result.path.name} 核对审计记录未被删改。" if result.checkpoint_seq is not None else ""))
    return 0 if result.verified or args.no_verify else 1


def cmd_verify(args: argparse.Namespace) -> int:
    path = Path(args.file)
    report = _with_unlock(args, lambda unlock: service.verify_backup(path, unlock=unlock))
    paths = StorePaths(data_dir(args))
    if report.ok:
        from datetime import datetime

        status.record(paths if paths.exists() else None, report.store_id, "verified", path,
                      datetime.fromisoformat(report.created_at))
    data = {"file": str(path), "ok": report.ok, "store_id": report.store_id, "backend": report.backend,
            "schema": report.schema, "created_at": report.created_at, "integrity": report.integrity,
            "audit_entries": report.audit_entries, "counts": report.counts, "problems": list(report.problems)}
    if report.ok:
        emit(args, data, f"备份完好：{path}（{report.created_at} 创建，结构版本 {report.schema}，"
                         f"{report.counts.get('case_file', 0)} 件案件，审计链 {report.audit_entries} 条校验通过）。")
        return 0
    emit(args, data, "备份有问题：\n" + "\n".join(f"  - {p}" for p in report.problems))
    return 1


def cmd_status(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store:
        st = status.backup_status(StorePaths(data_dir(args)), store.store_id)
    data = {"last_backup_at": st.last_backup_at, "last_verified_at": st.last_verified_at, "last_file": st.last_file,
            "overdue": st.overdue}
    text = (f"上次备份：{st.last_backup_at or '无'}\n上次校验通过的备份：{st.last_verified_at or '无'}"
            + (f"\n提醒：{st.message}" if st.overdue else ""))
    emit(args, data, text)
    return 1 if st.overdue else 0


def cmd_restore(args: argparse.Namespace) -> int:
    result = _with_unlock(args, lambda unlock: service.restore_backup(Path(args.file), Path(args.to), unlock=unlock))
    data = {"data_dir": str(result.root), "store_id": result.store_id, "counts": result.counts,
            "audit_entries": result.audit_entries}
    emit(args, data, f"已恢复到 {result.root}：{result.counts.get('case_file', 0)} 件案件，审计链 {result.audit_entries} 条"
                     f"校验通过。以后用 --data-dir {result.root} 打开。")
    return 0
