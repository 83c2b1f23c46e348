"""`fulian init`, `info` and `audit verify`."""
from __future__ import annotations

import argparse
import os

from sqlalchemy import func, select

from ..domain.localtime import format_local
from ..security.audit import verify_chain
from ..security.keyring_vault import KeyringVault
from ..store.models import AuditEntry, Case, CaseParty, OrgUnit, Person, UserAccount
from ..store.store import create_store, schema_info
from ..services.accounts.setup import initialise
from .common import ENV_PASSPHRASE, data_dir, emit, open_for_cli, read_new_passphrase, read_new_secret


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="创建新的加密数据存储（已有则拒绝）")
    p.add_argument("--district", default="望城区", help="区名称（默认：望城区）")
    p.add_argument("--prefix", default="望", help="案号前缀（默认：望）")
    p.add_argument("--admin", default="admin", help="首个系统管理员用户名")
    p.add_argument("--admin-name", default="系统管理员", help="首个系统管理员姓名")
    p.add_argument("--no-keyring", action="store_true", help="不使用系统钥匙串，改用口令保护")
    p.add_argument("--server", help="在数据库服务器上创建：postgresql://用户名@主机:端口/数据库?sslmode=require")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("info", help="数据存储信息：结构版本、加密版本、记录数")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)

    audit = sub.add_parser("audit", help="审计日志").add_subparsers(dest="audit_cmd", required=True)
    p = audit.add_parser("verify", help="校验审计链，指出第一条异常记录")
    p.add_argument("--against", metavar="备份|同步包|server",
                   help="并校验审计链仍接续该备份或同步包中的签名检查点，或区服务器保存的本站检查点（server）")
    p.add_argument("--server", help="与 --against server 一起使用：区服务器数据存储地址")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit_verify)


def cmd_init(args: argparse.Namespace) -> int:
    if args.server:
        from .server_cmds import init_server

        return init_server(args)
    passphrase = None
    vault = KeyringVault()
    if args.no_keyring or not vault.available() or os.environ.get(ENV_PASSPHRASE):
        passphrase = read_new_passphrase("数据存储口令")
    admin_password = read_new_secret("管理员初始密码", "FULIAN_ADMIN_PASSWORD")
    created = create_store(data_dir(args), passphrase=passphrase, vault=vault, use_keyring=not args.no_keyring)
    with created.store as store:
        initialise(store, district=args.district, case_prefix=args.prefix, admin_username=args.admin,
                   admin_name=args.admin_name, admin_password=admin_password)
    where = "密钥保存在系统钥匙串" if created.uses_keyring else "密钥由口令保护"
    print(f"已创建数据存储：{data_dir(args)}（{where}）")
    print("恢复码（只显示这一次，请抄写或打印后妥善保管；换电脑或从备份恢复时需要它）：")
    print(f"    {created.recovery_code}")
    print(f"管理员 {args.admin} 首次登录时须修改密码。")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store:
        info = schema_info(store)
        with store.uow() as uow:
            counts = {name: uow.s.execute(select(func.count()).select_from(model)).scalar_one()
                      for name, model in (("units", OrgUnit), ("users", UserAccount), ("persons", Person),
                                          ("cases", Case), ("parties", CaseParty), ("audit", AuditEntry))}
        data = {"data_dir": str(data_dir(args)), "store_id": store.store_id, "demo": store.demo, **info,
                "counts": counts}
    labels = {"units": "单位", "users": "用户", "persons": "人员", "cases": "案件", "parties": "当事人",
              "audit": "审计记录"}
    text = "\n".join([f"数据存储：{data['data_dir']}", f"存储标识：{store.store_id}",
                      f"结构版本：{info.get('schema')}"]
                     + ([f"加密：SQLCipher {info.get('cipher', '')}", f"SQLite：{info.get('sqlite', '')}"]
                        if store.backend == "sqlite" else [f"数据库服务器：PostgreSQL {info.get('server', '')}"])
                     + [f"{labels[k]}：{v}" for k, v in counts.items()])
    emit(args, data, text)
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    if args.against:
        return _verify_against(args)
    from ..sync.anchors import flagged_stations

    with open_for_cli(args) as store, store.uow() as uow:
        report = verify_chain(uow.s)
        flags = flagged_stations(uow)
    data = {"ok": report.ok and not flags, "entries": report.entries, "first_bad_seq": report.first_bad_seq,
            "problem": report.problem,
            "flagged_stations": [{"station": f.name, "station_id": f.station_id, "problem": f.problem,
                                  "found_at": f.received_at.isoformat()} for f in flags]}
    text = (f"审计链完整：共 {report.entries} 条记录，校验通过。" if report.ok else f"审计链异常：{report.problem}")
    if flags:
        text += f"\n警告：{len(flags)} 个站点的审计链不再接续本站保存的检查点（已记入审计日志）：" + "".join(
            f"\n  - {f.name}（{format_local(f.received_at)} 导入同步包时发现）：{f.problem}" for f in flags)
    emit(args, data, text)
    return 0 if data["ok"] else 1


def _verify_against(args: argparse.Namespace) -> int:
    """The chain must still extend a checkpoint kept outside the store: which one, since when, and the
    first entry missing or changed since."""
    from pathlib import Path

    from ..domain.errors import ValidationError
    from ..anchors import verify as audit_anchor

    key = None
    with open_for_cli(args) as store:
        if args.against == "server":
            if not args.server:
                raise ValidationError("使用 --against server 时，请用 --server 指定区服务器数据存储地址。")
            from .sync_cmds import open_server

            mine = audit_anchor.station_id(store)
            if mine is None:
                raise ValidationError("本数据存储不是同步站点，区服务器上没有它的检查点。")
            with open_server(args.server) as server:
                found = audit_anchor.checkpoint_at_district(server, mine)
        else:
            found = audit_anchor.checkpoint_in_file(Path(args.against))
            key = store.key if found.backup is not None else None
        check = audit_anchor.verify_against(store, found, backup_key=key)
    report, cp = check.report, check.report.checkpoint
    data = {"ok": report.ok, "source": check.source, "entries": report.entries,
            "checkpoint": {"seq": cp.seq, "hash": cp.hash, "signed_at": cp.at.isoformat(), "store_id": cp.store_id},
            "first_bad_seq": check.first_changed_seq, "problem": report.problem}
    where = f"检查点：{cp.describe()}，来自{check.source}。"
    if report.ok:
        emit(args, data, f"审计链完整，并接续该检查点。{where}\n此后新增 {report.entries - cp.seq} 条记录，全链共 "
                         f"{report.entries} 条，校验通过。")
        return 0
    lines = ["审计链不再接续检查点：检查点签发后，审计记录被删除或改写过。", where, f"问题：{report.problem}"]
    if check.first_changed_seq is not None:
        lines.append(f"第一条缺失或被改动的记录：第 {check.first_changed_seq} 条"
                     + (f"（原记录写于 {check.first_changed_at}）。" if check.first_changed_at else "。"))
    emit(args, data, "\n".join(lines))
    return 1
