"""`fulian intake add FILE.json`: register a reception contact from a file (scripts, batch entry)."""
from __future__ import annotations

import argparse

from ..domain.errors import ValidationError
from ..services.intake import intake
from ..services.intake.intake_json import MAX_JSON_BYTES, parse_intake_json
from .case_cmds import actor_from_args
from .common import emit, open_for_cli


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("intake", help="信访接待登记").add_subparsers(dest="intake_cmd", required=True)
    p = group.add_parser("add", help="从 JSON 文件登记一次来访、来电、来信或网上信访")
    p.add_argument("file", help="UTF-8 JSON 文件（字段见 README）")
    p.add_argument("--json", action="store_true")
    p.add_argument("--as", dest="as_user", help="以该用户身份登记（密码取自 FULIAN_USER_PASSWORD）")
    p.set_defaults(func=cmd_add)


def _load(path: str) -> object:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_JSON_BYTES + 1)   # never more than the limit into memory
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {path}：{exc.strerror}", code="file_unreadable") from exc
    return parse_intake_json(raw, path)


def cmd_add(args: argparse.Namespace) -> int:
    data = intake.intake_from_json(_load(args.file))  # every problem is reported before the store opens
    with open_for_cli(args) as store:
        actor = actor_from_args(args, store)
        with store.uow(write=True) as uow:
            view = intake.register_contact(uow, actor, data)
    lines = [f"已登记：{view.channel.label}，{view.visitor_name}，决定：{view.decision.label}"]
    if view.case_no:
        lines.append(f"案件：{view.case_no}（{view.case_status.label if view.case_status else ''}）")
    lines += [f"提示：{w}" for w in view.warnings]
    lines += [f"重复访：{r}" for r in view.repeat_reasons]
    emit(args, view.to_dict(), "\n".join(lines))
    return 0
