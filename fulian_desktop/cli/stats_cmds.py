"""`fulian stats --from D --to D [--unit NAME] -o FILE.pdf|.xlsx`: the monthly statistics report;
`fulian stats --city NAME --district DIR …`: a city's report from its districts' stores."""
from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from datetime import date
from pathlib import Path

from fulian_desktop.domain import clock

from ..domain.errors import FulianError, ValidationError
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
    p.add_argument("--city", help="汇总全市报表：市的名称（与 --district 同用）")
    p.add_argument("--district", action="append", default=[], metavar="DIR",
                   help="全市报表：一个区的数据文件夹（本机或连接服务器的），每区一个 --district；"
                        "各区用同一 --as 账号（须在区级单位）")
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
    if args.city or args.district:
        return _city(args, out, date_from, date_to)
    with open_for_cli(args) as store:
        actor = actor_from_args(args, store)
        with store.uow(write=True) as uow:
            unit_id = statistics.find_unit(uow, actor, args.unit) if args.unit else None
            report = export_report(uow, actor, date_from, date_to, out, unit_id=unit_id)
    print(f"已导出 {report.unit_name} {report.period_text} 统计报表：{out}（{out.stat().st_size:,} 字节）")
    return 0


def _city(args: argparse.Namespace, out: Path, date_from: date, date_to: date) -> int:
    from ..documents.statistics_report import render_report
    from ..documents.statistics_xlsx import render_workbook
    from ..services.statistics.city import District, build_city_report, export_city_report

    city = (args.city or "").strip()
    if not city or not args.district:
        raise ValidationError("汇总全市报表须同时给出 --city 市的名称和至少一个 --district 区的数据文件夹。",
                              field="district")
    if any(not folder.strip() for folder in args.district):
        raise ValidationError("有一个 --district 是空的（变量未设置？）。请给出每个区的数据文件夹。", field="district")
    if args.unit:
        raise ValidationError("全市报表汇总各区的全部数字，不能再用 --unit 选单位。", field="unit")
    with ExitStack() as stack:
        districts = []
        for n, folder in enumerate(args.district, 1):
            try:   # read only: a district on an older program is refused, never upgraded by the city
                store = stack.enter_context(open_for_cli(argparse.Namespace(**{**vars(args), "data_dir": folder}),
                                                         upgrade=False))
                districts.append(District(store, actor_from_args(args, store)))
            except FulianError:
                print(f"第 {n} 个区的数据文件夹 {folder}：", file=sys.stderr)
                raise
        result = build_city_report(city, districts, date_from, date_to)
        fmt = out.suffix.lower().lstrip(".")
        data = render_report(result.report) if fmt == "pdf" else render_workbook(result.report)
        export_city_report(districts, result, fmt, data, out)
    names = "、".join(r.unit_name for r in result.districts)
    print(f"已导出 {city} {result.report.period_text} 统计报表（{names}）：{out}（{len(data):,} 字节）")
    return 0
