"""`fulian init --server URL`, `fulian server set URL`, `fulian server show`: the district's PostgreSQL store."""
from __future__ import annotations

import argparse
import getpass
import os
import sys

from ..security.keyring_vault import KeyringVault
from ..services.accounts.setup import initialise
from ..store.paths import StorePaths
from ..store.server import connect_folder, create_server_store, remember_password, server_password
from ..store.server_profile import ENV_PASSWORD, ServerProfile
from .common import ENV_PASSPHRASE, data_dir, emit, read_new_passphrase, read_new_secret


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("server", help="数据库服务器（PostgreSQL）连接设置").add_subparsers(dest="server_cmd", required=True)
    s = p.add_parser("set", help="让本数据文件夹连接服务器上已有的数据存储（密码存入系统钥匙串）")
    s.add_argument("url", help="postgresql://用户名@主机:端口/数据库?sslmode=verify-full")
    s.add_argument("--sslrootcert", help="CA 证书文件（verify-ca / verify-full 时）")
    s.set_defaults(func=cmd_set)
    s = p.add_parser("show", help="显示服务器连接设置（不显示密码）")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_show)


def _profile(url: str, sslrootcert: str | None) -> tuple[ServerProfile, str | None]:
    profile, password = ServerProfile.from_url(url)
    if sslrootcert:
        profile = ServerProfile(**{**profile.__dict__, "sslrootcert": sslrootcert})
    password = password or os.environ.get(ENV_PASSWORD)
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(f"数据库 {profile.user}@{profile.host} 的密码（直接回车：使用 ~/.pgpass）：") or None
    return profile, password


def init_server(args: argparse.Namespace) -> int:
    """`fulian init --server URL`: a new store on an empty server database, and this folder pointing at it."""
    profile, password = _profile(args.server, getattr(args, "sslrootcert", None))
    vault = KeyringVault()
    passphrase = None
    if args.no_keyring or not vault.available() or os.environ.get(ENV_PASSPHRASE):
        passphrase = read_new_passphrase("备份密钥口令")
    admin_password = read_new_secret("管理员初始密码", "FULIAN_ADMIN_PASSWORD")
    created = create_server_store(data_dir(args), profile, password=password, vault=vault, passphrase=passphrase,
                                  use_keyring=not args.no_keyring)
    with created.store as store:
        initialise(store, district=args.district, case_prefix=args.prefix, admin_username=args.admin,
                   admin_name=args.admin_name, admin_password=admin_password)
    print(f"已在服务器 {profile.label} 上创建数据存储；本机设置保存在 {data_dir(args)}。")
    if password and not vault.available():
        print(f"注意：本机没有系统钥匙串，服务器密码未保存；以后请设置环境变量 {ENV_PASSWORD}。")
    print("恢复码（只显示这一次，请抄写或打印后妥善保管；从备份恢复时需要它）：")
    print(f"    {created.recovery_code}")
    print(f"管理员 {args.admin} 首次登录时须修改密码。其他电脑用“fulian server set {args.server}”连接。")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    profile, password = _profile(args.url, args.sslrootcert)
    vault = KeyringVault()
    store_id = connect_folder(data_dir(args), profile, password=password, vault=vault)
    saved = bool(password) and remember_password(profile, password, vault)
    print(f"已连接服务器 {profile.label}（数据存储 {store_id[:8]}）。")
    if password and not saved:
        print(f"注意：本机没有系统钥匙串，密码未保存；以后请设置环境变量 {ENV_PASSWORD}。")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    paths = StorePaths(data_dir(args))
    if not paths.is_server():
        emit(args, {"server": None}, f"{paths.root} 使用本机加密数据库（SQLCipher），未连接服务器。")
        return 0
    profile = ServerProfile.load(paths.server_profile)
    has_password = server_password(profile, KeyringVault()) is not None
    data = {**profile.__dict__, "password_saved": has_password}
    emit(args, data, f"服务器：{profile.label}\n数据存储：{profile.store_id}\n"
                     f"密码：{'已保存在系统钥匙串（或环境变量）' if has_password else '未保存'}")
    return 0
