"""`fulian user …` and `fulian orgunit …`."""
from __future__ import annotations

import argparse

from ..domain.enums import Role, Tier
from ..domain.errors import NotFound
from ..domain.localtime import format_local
from ..services.accounts import orgunits, users
from ..services.accounts.auth import system_actor
from ..store.store import Store
from .common import emit, open_for_cli, read_new_secret

_ROLE_CHOICES = {r.value: r for r in Role} | {r.label: r for r in Role}
_TIER_CHOICES = {t.value: t for t in Tier} | {t.label: t for t in Tier}


def register(sub: argparse._SubParsersAction) -> None:
    user = sub.add_parser("user", help="用户账号").add_subparsers(dest="user_cmd", required=True)
    p = user.add_parser("add", help="新增用户（首次登录须改密码）")
    p.add_argument("username")
    p.add_argument("--name", required=True, help="姓名")
    p.add_argument("--role", required=True, choices=sorted(_ROLE_CHOICES), help="角色")
    p.add_argument("--unit", required=True, help="所属单位名称或标识")
    p.set_defaults(func=cmd_user_add)
    p = user.add_parser("list", help="列出用户")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_user_list)
    p = user.add_parser("passwd", help="重置用户密码（下次登录须修改）")
    p.add_argument("username")
    p.set_defaults(func=cmd_user_passwd)
    p = user.add_parser("unlock", help="解除因密码错误造成的锁定")
    p.add_argument("username")
    p.set_defaults(func=cmd_user_unlock)

    unit = sub.add_parser("orgunit", help="组织机构（区/街镇/村社区）").add_subparsers(dest="unit_cmd", required=True)
    p = unit.add_parser("add", help="新增单位")
    p.add_argument("name")
    p.add_argument("--tier", required=True, choices=sorted(_TIER_CHOICES))
    p.add_argument("--parent", help="上级单位名称或标识（区不填）")
    p.add_argument("--prefix", help="案号前缀（默认取上级前缀加本单位首字）")
    p.set_defaults(func=cmd_unit_add)
    p = unit.add_parser("list", help="列出单位（树形）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_unit_list)


def _unit_id(store: Store, name_or_id: str) -> str:
    with store.uow() as uow:
        matches = [u for u in orgunits.list_units(uow, system_actor(store)) if name_or_id in (u.id, u.name)]
    if not matches:
        raise NotFound(f"没有单位“{name_or_id}”。可用 fulian orgunit list 查看。")
    if len(matches) > 1:
        raise NotFound(f"有多个单位叫“{name_or_id}”，请改用单位标识。")
    return matches[0].id


def cmd_user_add(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store:
        unit_id = _unit_id(store, args.unit)
        password = read_new_secret("初始密码", "FULIAN_NEW_PASSWORD")
        with store.uow(write=True) as uow:
            view = users.add_user(uow, system_actor(store), username=args.username, display_name=args.name,
                                  role=_ROLE_CHOICES[args.role], unit_id=unit_id, password=password)
    print(f"已新增用户 {view.username}（{view.display_name}，{view.role.label}，{view.unit_name}）；首次登录须修改密码。")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store, store.uow() as uow:
        rows = users.list_users(uow, system_actor(store))
    data = [{"username": u.username, "name": u.display_name, "role": u.role.value, "unit": u.unit_name,
             "active": u.active, "locked_until": u.locked_until, "last_login": u.last_login_at} for u in rows]
    lines = [f"{u.username:<20} {u.display_name:<8} {u.role.label:<6} {u.unit_name:<12} "
             f"{'停用' if not u.active else '锁定至 ' + format_local(u.locked_until) if u.locked_until else '正常'}"
             for u in rows]
    emit(args, data, "\n".join(lines) or "（无用户）")
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store:
        password = read_new_secret("新的临时密码", "FULIAN_NEW_PASSWORD")
        with store.uow(write=True) as uow:
            users.reset_password(uow, system_actor(store), args.username, password)
    print(f"已重置 {args.username} 的密码；下次登录须修改。此次重置以“密钥持有人（命令行）”记入审计日志，"
          f"并显示在督导的审核队列上，直到督导核实。")
    return 0


def cmd_user_unlock(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store, store.uow(write=True) as uow:
        users.unlock_user(uow, system_actor(store), args.username)
    print(f"已解除 {args.username} 的锁定。")
    return 0


def cmd_unit_add(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store:
        parent = _unit_id(store, args.parent) if args.parent else None
        with store.uow(write=True) as uow:
            view = orgunits.create_unit(uow, system_actor(store), name=args.name, tier=_TIER_CHOICES[args.tier],
                                        parent_id=parent, case_prefix=args.prefix)
    print(f"已新增{view.tier.label}级单位：{view.name}（案号前缀 {view.case_prefix}）")
    return 0


def cmd_unit_list(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store, store.uow() as uow:
        units = orgunits.list_units(uow, system_actor(store))
    data = [{"id": u.id, "name": u.name, "tier": u.tier.value, "parent_id": u.parent_id, "prefix": u.case_prefix}
            for u in units]
    emit(args, data, "\n".join(f"{'  ' * u.depth}{u.name}（{u.tier.label}，前缀 {u.case_prefix}）" for u in units)
         or "（无单位）")
    return 0
