"""`fulian calendar show|set`: the working-day calendar for years the built-in calendar package lacks."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.errors import ValidationError
from ..domain.workcalendar import WorkCalendar
from ..services import clocks
from ..services.auth import system_actor
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


def _describe(info: clocks.CalendarYear) -> str:
    years = WorkCalendar.package_years()
    if info.declared:
        return f"{info.year} 年：由管理员录入，已声明完整（{info.entries} 天）"
    if info.in_package:
        extra = f"，另有管理员录入 {info.entries} 天" if info.entries else ""
        return f"{info.year} 年：内置日历已包含{extra}"
    extra = f"已录入 {info.entries} 天但尚未声明完整" if info.entries else "尚未录入"
    return (f"{info.year} 年：日历未知（内置日历只含 {years.start}–{years.stop - 1} 年，{extra}），"
            "按周一至周五计算，时限会注明“日历未知”")


def cmd_show(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store, store.uow() as uow:
        info = clocks.calendar_year(uow, args.year)
        text = clocks.calendar_text(uow, args.year)
    print(f"# {_describe(info)}")  # a comment: the output can be edited and given back to `calendar set`
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
