"""`fulian stats --from D --to D [--unit NAME] -o FILE.pdf|.xlsx`: the monthly statistics report."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from fulian_desktop.domain import clock

from ..domain.errors import ValidationError
from ..services.statistics import statistics
from ..services.statistics.statistics_views import previous_month
from .case_cmds import ENV_USER_PASSWORD, actor_from_args
from .common import open_for_cli


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="统计报表：调解、信访、婚姻调解、危机干预、排查（PDF 或 Excel）")
    p.add_argument("--from", dest="date_from", help="开始日期 YYYY-MM-DD（默认：上月第一天）")
    p.add_argument("--to", dest="date_to", help="结束日期 YYYY-MM-DD（含当日；默认：上月最后一天）")
    p.add_argument("--unit", help="统计单位名称（默认：全区，或 --as 用户所在单位）")
    p.add_argument("-o", "--output", required=True, help="输出文件：.pdf 或 .xlsx")
    p.add_argument("--as", dest="as_user", help=f"以该用户身份执行；密码取自 {ENV_USER_PASSWORD}")
    p.set_defaults(func=cmd_stats)


def _day(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{what}格式有误：{text!r}（应为 YYYY-MM-DD）。", field=what) from None


def cmd_stats(args: argparse.Namespace) -> int:
    from ..documents.statistics_report import export_report

    out = Path(args.output)
    if out.suffix.lower() not in (".pdf", ".xlsx"):
        raise ValidationError("输出文件须以 .pdf 或 .xlsx 结尾。", field="output")
    default_from, default_to = previous_month(clock.today_local())
    date_from = _day(args.date_from, "开始日期") or default_from
    date_to = _day(args.date_to, "结束日期") or default_to
    with open_for_cli(args) as store:
        actor = actor_from_args(args, store)
        with store.uow(write=True) as uow:
            unit_id = statistics.find_unit(uow, actor, args.unit) if args.unit else None
            report = export_report(uow, actor, date_from, date_to, out, unit_id=unit_id)
    print(f"已导出 {report.unit_name} {report.period_text} 统计报表：{out}（{out.stat().st_size:,} 字节）")
    return 0
