"""`fulian case list|show|search` and `fulian review`: read the cases from scripts, as text or JSON."""
from __future__ import annotations

import argparse
import os
from dataclasses import asdict
from typing import Any

from ..domain.errors import AuthError, NotFound
from ..domain.localtime import format_local
from ..security.actor import Actor
from ..services.accounts import auth
from ..services.cases import case_queries, cases, review
from ..services.cases.case_queries import CaseFilter
from ..services.cases.views import CaseRow
from ..store.store import Store
from .common import emit, open_for_cli

ENV_USER_PASSWORD = "FULIAN_USER_PASSWORD"


def register(sub: argparse._SubParsersAction) -> None:
    case = sub.add_parser("case", help="案件：列表、查看、搜索").add_subparsers(dest="case_cmd", required=True)
    p = case.add_parser("list", help="列出案件（最新在前）")
    p.add_argument("--status", action="append", help="状态代码，可多次给出（registered、in_progress …）")
    p.add_argument("--tier", action="append", help="层级：district、town、village")
    p.add_argument("--limit", type=int, default=50)
    _common(p, list_cases)
    p = case.add_parser("show", help="查看一件案件（案号或标识）")
    p.add_argument("case")
    _common(p, show_case)
    p = case.add_parser("search", help="按案号、姓名、拼音、身份证号、电话或关键词搜索")
    p.add_argument("text")
    _common(p, search_cases)
    p = sub.add_parser("review", help="督导审核队列：重大、超期、待审批、即将到期、久无进展")
    _common(p, review_cmd)


def _common(p: argparse.ArgumentParser, func) -> None:  # noqa: ANN001
    p.add_argument("--json", action="store_true")
    p.add_argument("--as", dest="as_user", help=f"以该用户身份（权限与管辖范围）执行；密码取自 {ENV_USER_PASSWORD}")
    p.set_defaults(func=lambda args: _run(args, func))


def _run(args: argparse.Namespace, func) -> int:  # noqa: ANN001
    with open_for_cli(args) as store:
        return func(args, store, actor_from_args(args, store))


def actor_from_args(args: argparse.Namespace, store: Store) -> Actor:
    if not args.as_user:
        return auth.system_actor(store)
    password = os.environ.get(ENV_USER_PASSWORD)
    if not password:
        raise AuthError(f"以用户身份执行时，请用环境变量 {ENV_USER_PASSWORD} 提供密码。", code="password_required")
    return auth.login(store, args.as_user, password)


def _row_dict(row: CaseRow) -> dict[str, Any]:
    data = asdict(row)
    data.update(kind=row.kind.value, status=row.status.value, tier=row.tier.value, opened_at=row.opened_at.isoformat())
    return data


def _row_line(row: CaseRow) -> str:
    flags = "".join(f"[{t}]" for on, t in ((row.major_incident, "重大"), (row.domestic_violence, "家暴"),
                                           (row.involves_minor, "未成年")) if on)
    return (f"{row.case_no}  {row.status.label:<5} {row.tier.label:<3} {row.unit_name:<8} "
            f"{format_local(row.opened_at, False)}  {row.title} {flags}")


def list_cases(args: argparse.Namespace, store: Store, actor: Actor) -> int:
    f = CaseFilter(statuses=frozenset(args.status or ()), tiers=frozenset(args.tier or ()))
    with store.uow() as uow:
        rows = case_queries.first_page(uow, actor, f, limit=max(1, args.limit))
        total = case_queries.count_cases(uow, actor, f)
    emit(args, {"total": total, "cases": [_row_dict(r) for r in rows]},
         "\n".join([_row_line(r) for r in rows] + [f"共 {total:,} 件，显示 {len(rows)} 件。"]))
    return 0


def search_cases(args: argparse.Namespace, store: Store, actor: Actor) -> int:
    with store.uow() as uow:
        rows = case_queries.quick_search(uow, actor, args.text)
    emit(args, {"query": args.text, "cases": [_row_dict(r) for r in rows]},
         "\n".join([_row_line(r) for r in rows] + [f"找到 {len(rows)} 件。"]))
    return 0


def show_case(args: argparse.Namespace, store: Store, actor: Actor) -> int:
    with store.uow() as uow:
        row = case_queries.find_by_case_number(uow, actor, args.case)
    case_id = row.id if row else args.case
    with store.uow(write=True) as uow:  # opening a case is an audited view
        try:
            detail = cases.get_case(uow, actor, case_id)
        except NotFound:
            raise NotFound(f"没有案件“{args.case}”，或不在管辖范围内。") from None
    data = _row_dict(detail.row) | {
        "version": detail.version, "summary": detail.summary, "source": detail.source, "urgency": detail.urgency,
        "parties": [{"role": p.role.value, "name": p.name, "id_number": p.id_number, "phone": p.phone,
                     "address": p.address, "redacted": p.redacted} for p in detail.parties],
        "events": [{"at": e.occurred_at.isoformat(), "kind": e.kind, "by": e.actor_name, "summary": e.summary}
                   for e in detail.events]}
    lines = [_row_line(detail.row), f"简要案情：{detail.summary or '（无）'}", "当事人："]
    lines += [f"  {p.role.label}：{p.name} {p.phone or ''} {'（联系方式保密）' if p.redacted else ''}"
              for p in detail.parties]
    lines += ["时间线："] + [f"  {format_local(e.occurred_at)} {e.actor_name or ''}：{e.summary}" for e in detail.events]
    emit(args, data, "\n".join(lines))
    return 0


def review_cmd(args: argparse.Namespace, store: Store, actor: Actor) -> int:
    with store.uow() as uow:
        items = review.review_queue(uow, actor)
        notices = review.account_notices(uow, actor)
    data = [{"case": _row_dict(i.case), "reasons": list(i.reasons), "detail": i.detail,
             "due_at": i.due_at.isoformat() if i.due_at else None} for i in items]
    emit(args, data, "\n".join([f"[账号] {n.text}" for n in notices]
                               + [f"[{i.labels}] {i.case.case_no} {i.case.title} —— {i.detail}" for i in items]
                               + [f"共 {len(items)} 件需要关注。"]))
    return 0
