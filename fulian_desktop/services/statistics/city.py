"""A city's monthly report: its districts' reports, each counted in its own store, added up.

A city federation (市妇联) supervises several districts. Each district keeps its own store — one database per
district on the city's server, or a district's own desk — so no district's cases, and no district's staff, can
reach another's. The city's report is the districts' reports, each counted under its own store's rules by an
account at that district's top, then added column by column: counts and amounts summed, each rate worked out
again from its summed numerator and denominator (an average of the districts' rates would weigh a district of ten
cases like one of ten thousand). The city reads figures only, never a case.

The districts are counted at the same time, one thread and one connection each: on a server the work runs on its
cores side by side.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Sequence

from ...domain.errors import FulianError, ValidationError
from ...security.actor import Actor
from ...security.private_files import write_private
from ...store.store import Store
from .statistics import monthly_report, record_export
from .statistics_checks import RATES, failures
from .statistics_views import COLUMN_KEYS, COUNT, MONEY, RATE, MonthlyReport, StatRow, StatSection

CITY_UNIT_ID = "city"
MAX_DISTRICTS = 40


@dataclass(frozen=True)
class District:
    """One district's store and the account that counts it (the city's statistician there)."""

    store: Store
    actor: Actor


@dataclass(frozen=True)
class CityReport:
    report: MonthlyReport                    # the city's figures, shaped as any monthly report
    districts: tuple[MonthlyReport, ...]     # each district's own report, in the order given


def district_report(district: District, date_from: date, date_to: date) -> MonthlyReport:
    """One district's whole report, counted in its store by an account at its top."""
    actor = district.actor
    if not actor.sees_everything:
        raise ValidationError(f"账号 {actor.username} 不在区级单位，只能统计其所在单位的数字，不能汇入全市报表。"
                              "请使用该区区级督导或系统管理员的账号。", field="district")
    with district.store.uow() as uow:
        report = monthly_report(uow, actor, date_from, date_to)
    return report


def build_city_report(city_name: str, districts: Sequence[District], date_from: date,
                      date_to: date) -> CityReport:
    """Every district's report, counted side by side, and their sum."""
    _require_distinct(districts)
    with ThreadPoolExecutor(max_workers=len(districts), thread_name_prefix="city-district") as pool:
        reports = list(pool.map(lambda d: district_report(d, date_from, date_to), districts))
    return CityReport(combine(city_name, reports), tuple(reports))


def export_city_report(districts: Sequence[District], city: CityReport, fmt: str, data: bytes, path: Path) -> None:
    """Write the city's report and say so in every district's audit log, all or nothing: each district's entry is
    made first, in a unit of work held open (a district busy saving, or full, stops the export before the file
    exists), then the file is written, then every entry is committed; a failure meanwhile removes the file."""
    written = False
    try:
        with ExitStack() as stack:
            for district, report in zip(districts, city.districts):
                uow = stack.enter_context(district.store.uow(write=True))
                record_export(uow, district.actor, report, fmt, len(data), into=city.report.unit_name)
                uow.flush()
            try:
                write_private(path, data)
            except OSError as exc:
                raise FulianError(f"无法写入文件 {path}：{exc.strerror}") from exc
            written = True
    except BaseException:
        if written:
            path.unlink(missing_ok=True)
        raise


def _require_distinct(districts: Sequence[District]) -> None:
    if not districts:
        raise ValidationError("请至少选择一个区的数据存储。", field="district")
    if len(districts) > MAX_DISTRICTS:
        raise ValidationError(f"一次最多汇总 {MAX_DISTRICTS} 个区。", field="district")
    seen: set[str] = set()
    for d in districts:
        if d.store.store_id in seen:
            raise ValidationError("同一个区的数据存储被选了两次（数据存储标识相同），汇总会把它的数字算两遍。"
                                  "请检查所选的数据文件夹或服务器连接。", field="district")
        seen.add(d.store.store_id)


def combine(city_name: str, reports: Sequence[MonthlyReport]) -> MonthlyReport:
    """The districts' reports added column by column; each rate from its summed parts."""
    if not reports:
        raise ValidationError("没有可汇总的区报表。", field="district")
    first = reports[0]
    names = [r.unit_name for r in reports]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValidationError(f"{'、'.join(twice)}出现了两次：同一个区的数字不能汇总两遍。", field="district")
    for r in reports[1:]:
        if (r.date_from, r.date_to) != (first.date_from, first.date_to):
            raise ValidationError(f"{r.unit_name}的报表时段（{r.period_text}）与{first.unit_name}的（{first.period_text}）"
                                  "不同，不能汇总。", field="period")
        if _shape(r) != _shape(first):
            raise ValidationError(f"{r.unit_name}的报表格式与{first.unit_name}的不同（两处程序版本不一致？），"
                                  "不能逐栏相加。请先将各区升级到同一版本。", field="district")
    for r in reports:
        wrong = failures(r)
        if wrong:
            raise ValidationError(f"{r.unit_name}的报表数据核对不符（{wrong[0].text()}等 {len(wrong)} 处），"
                                  "不能汇入全市报表：相加后各区的差错会互相抵消、看不出来。请该区先查明原因。",
                                  field="district")
    sections = []
    for i, section in enumerate(first.sections):
        parts = [r.sections[i] for r in reports]
        templates = _union_of_rows(parts)
        by_key = [{r.key: r for r in p.rows} for p in parts]
        summed = {row.key: _sum_row(row, [rows.get(row.key) for rows in by_key])
                  for row in templates if row.kind != RATE}
        rows = tuple(summed.get(row.key) or _rate_row(section.key, row, summed) for row in templates)
        notes = section.notes
        if i == 0:
            notes = (f"本表由{'、'.join(names)}共 {len(reports)} 个区的报表逐栏相加；各比率按相加后的分子、"
                     "分母重新计算，不取各区比率的平均数。",) + notes
        sections.append(StatSection(section.key, section.title, rows, notes))
    return MonthlyReport(CITY_UNIT_ID, city_name, first.date_from, first.date_to, tuple(sections))


def _shape(report: MonthlyReport) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """The report's fixed rows: a category row ("dispute:邻里") shows only where the data has the category, so
    two districts' reports may differ in those and still add up; any other difference is another program."""
    return tuple((s.key, tuple((r.key, r.kind) for r in s.rows if not _is_category(r))) for s in report.sections)


def _is_category(row: StatRow) -> bool:
    return ":" in row.key and row.kind == COUNT


def _union_of_rows(sections: list[StatSection]) -> list[StatRow]:
    """Every row of the first district's section in its order; a row only a later district has goes where that
    district's own report puts it — after the row before it there —, past other districts' extra rows of its group
    that sort before it (unlisted categories in name order), and a group's 未分类 row after all of them."""
    rows = list(sections[0].rows)
    keys = {r.key for r in rows}
    for section in sections[1:]:
        own = {r.key for r in section.rows}
        previous: str | None = None
        for row in section.rows:
            if row.key not in keys:
                at = 0 if previous is None else next(i for i, r in enumerate(rows) if r.key == previous) + 1
                while at < len(rows) and _passes(rows[at], row, own):
                    at += 1
                rows.insert(at, row)
                keys.add(row.key)
            previous = row.key
    return rows


def _passes(there: StatRow, new: StatRow, own: set[str]) -> bool:
    """`new` goes after `there`: another district's extra row of the same group, ahead of it in name order (or
    `new` is the group's 未分类 row)."""
    if there.group != new.group or there.key in own or _is_blank(there):
        return False
    return _is_blank(new) or there.key < new.key


def _is_blank(row: StatRow) -> bool:
    """A category group's row for records with no category ("type:", "channel::件")."""
    return row.key.endswith(":") or "::" in row.key


def _sum_row(row: StatRow, same_rows: list[StatRow | None]) -> StatRow:
    assert row.kind in (COUNT, MONEY)
    values = tuple(sum(int(r.values[c] or 0) for r in same_rows if r is not None) for c in range(len(COLUMN_KEYS)))
    return replace(row, values=values)


def _rate_row(section: str, row: StatRow, summed: dict[str, StatRow]) -> StatRow:
    parts = RATES.get(section, {}).get(row.key)
    if parts is None:   # a rate no identity names cannot be worked out again: shown as — rather than guessed
        return replace(row, values=(None,) * len(COLUMN_KEYS))
    numerators, denominator = parts
    values = []
    for c in range(len(COLUMN_KEYS)):
        num = sum(int(summed[n].values[c] or 0) for n in numerators)
        den = int(summed[denominator].values[c] or 0)
        values.append(num / den if den else None)
    return replace(row, values=tuple(values))


__all__ = ["District", "CityReport", "build_city_report", "combine", "district_report", "export_city_report"]
