"""`fulian calendar show|set|notice`: the working-day calendar for years the built-in calendar package lacks.

Such a year is provisional (暂定: the holiday regulation's days) until an administrator confirms it, best
with `notice`, which reads the State Council's notice as published and saves it with `--confirm`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.errors import ValidationError
from ..domain.holiday_notice import HolidayNotice, parse_holiday_notice
from ..domain.holiday_rules import provisional_rest_days
from ..domain.workcalendar import WorkCalendar
from ..services.clocks import clocks
from ..services.accounts.auth import system_actor
from .common import open_for_cli


def register(sub: argparse._SubParsersAction) -> None:
    cal = sub.add_parser("calendar", help="工作日历（节假日与调休上班日）").add_subparsers(dest="calendar_cmd",
                                                                                     required=True)
    p = cal.add_parser("show", help="显示某年由管理员录入的日期（每行“2027-01-01 休”或“2027-02-07 班”）")
    p.add_argument("year", type=int)
    p.set_defaults(func=cmd_show)
    p = cal.add_parser("set", help="用文件替换某年的录入内容，并重新计算所有进行中的时限")
    p.add_argument("year", type=int)
    p.add_argument("file", help="UTF-8 文本文件，每行“2027-01-01 休”或“2027-02-07 班”，# 后为注释；- 表示标准输入")
    p.add_argument("--complete", action="store_true", help="声明该年已完整录入（时限不再提示“日历未知”）")
    p.set_defaults(func=cmd_set)
    p = cal.add_parser("notice", help="读取国务院办公厅节假日安排通知，显示放假与调休上班日；加 --confirm 保存并确认该年")
    p.add_argument("year", type=int)
    p.add_argument("file", help="通知全文（UTF-8 文本文件，从官方网站复制粘贴即可）；- 表示标准输入")
    p.add_argument("--confirm", action="store_true", help="保存为该年的工作日历并重新计算所有进行中的时限")
    p.set_defaults(func=cmd_notice)


def _describe(info: clocks.CalendarYear) -> str:
    years = WorkCalendar.package_years()
    if info.declared:
        return f"{info.year} 年：由管理员录入，已声明完整（{info.entries} 天）"
    if info.in_package:
        extra = f"，另有管理员录入 {info.entries} 天" if info.entries else ""
        return f"{info.year} 年：内置日历已包含{extra}"
    extra = f"已录入 {info.entries} 天但尚未声明完整" if info.entries else "尚未录入"
    if info.provisional:
        return (f"{info.year} 年：暂定（内置日历只含 {years.start}–{years.stop - 1} 年，{extra}），"
                "按《全国年节及纪念日放假办法》推算法定节假日与补假，调休待国务院通知；时限会注明“暂定”")
    return (f"{info.year} 年：日历未知（内置日历只含 {years.start}–{years.stop - 1} 年，{extra}），"
            "按周一至周五计算，时限会注明“日历未知”")


def cmd_show(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store, store.uow() as uow:
        info = clocks.calendar_year(uow, args.year)
        text = clocks.calendar_text(uow, args.year)
    print(f"# {_describe(info)}")  # a comment: the output can be edited and given back to `calendar set`
    if info.provisional:
        for day, name in provisional_rest_days(args.year).items():
            print(f"# 暂定 {day.isoformat()} 休 {name}")
    if text:
        print(text, end="")
    return 0


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {path}：{exc.strerror}", field="file") from exc
    except UnicodeDecodeError:
        raise ValidationError(f"文件 {path} 不是 UTF-8 编码的文本，请另存为 UTF-8 后重试。", field="file") from None


def cmd_set(args: argparse.Namespace) -> int:
    text = _read(args.file)
    with open_for_cli(args) as store:
        actor = system_actor(store)
        with store.uow(write=True) as uow:
            moved = clocks.set_calendar(uow, actor, args.year, text, complete=args.complete)
        with store.uow() as uow:
            info = clocks.calendar_year(uow, args.year)
    print(f"已保存 {args.year} 年工作日历：录入 {info.entries} 天，"
          f"{'已声明完整' if args.complete else '未声明完整（时限仍会注明“日历未知”）'}。")
    print(f"{moved} 个进行中的时限已重新计算。")
    return 0


def _print_notice(notice: HolidayNotice) -> None:
    print(f"{notice.year} 年放假安排（国务院办公厅通知）：")
    for h in notice.holidays:
        span = h.first.isoformat() if h.days == 1 else f"{h.first.isoformat()} 至 {h.last.isoformat()}"
        work = "、".join(d.isoformat() for d, name in notice.workdays if name == h.name)
        print(f"  {h.name}：{span} 放假，共 {h.days} 天" + (f"；{work} 上班" if work else ""))
    for warning in notice.warnings:
        print(f"  注意：{warning}")


def cmd_notice(args: argparse.Namespace) -> int:
    text = _read(args.file)
    if not args.confirm:
        _print_notice(parse_holiday_notice(text, args.year))
        print("尚未保存。核对无误后加 --confirm 保存。")
        return 0
    with open_for_cli(args) as store:
        actor = system_actor(store)
        with store.uow(write=True) as uow:
            notice, moved = clocks.confirm_notice(uow, actor, args.year, text)
    _print_notice(notice)
    print(f"已按通知确认 {args.year} 年工作日历（放假与调休上班共 {len(notice.overrides())} 天）。")
    print(f"{moved} 个进行中的时限已重新计算，变化已记入各案件。")
    return 0
