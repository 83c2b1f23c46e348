"""`fulian init`, `info` and `audit verify`."""
from __future__ import annotations

import argparse
import os

from sqlalchemy import func, select

from ..security.audit import verify_chain
from ..security.keyring_vault import KeyringVault
from ..store.models import AuditEntry, Case, CaseParty, OrgUnit, Person, UserAccount
from ..store.store import create_store, schema_info
from ..services.setup import initialise
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
    with open_for_cli(args) as store, store.uow() as uow:
        report = verify_chain(uow.s)
    data = {"ok": report.ok, "entries": report.entries, "first_bad_seq": report.first_bad_seq,
            "problem": report.problem}
    if report.ok:
        emit(args, data, f"审计链完整：共 {report.entries} 条记录，校验通过。")
        return 0
    emit(args, data, f"审计链异常：{report.problem}")
    return 1
