"""Cross-checks of the monthly report: identities its figures must satisfy before it goes up a tier.

A report sent to the town or the district is read against itself: the tier columns add up to the subtotal,
the rows of a breakdown add up to their total, a part (successes, 已办结 …) never exceeds its whole, a rate
is its numerator over its denominator on ONE cohort (so never above 100 %), and the year to date is never
below the month. `failures(report)` lists every identity that does not hold (empty when all do), and
`check_line(report)` is the sentence printed under the report (PDF and workbook), so a reader sees that the
figures were checked and how many identities were.

Kept beside ``statistics_views`` and importing only it: the documents import this module.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ...domain.enums import COMPLAINT_CATEGORIES
from .statistics_views import (
    COLUMN_KEYS, COLUMN_LABELS, COUNT, MONEY, RATE, TIER_KEYS, MonthlyReport, StatRow, StatSection,
)

# A breakdown: the rows picked by the predicate add up to the total row, column by column.
Pick = Callable[[StatRow], bool]


def _prefix(start: str, end: str = "") -> Pick:
    return lambda r: r.key.startswith(start) and r.key.endswith(end)


def _keys(*keys: str) -> Pick:
    return lambda r: r.key in keys


# section -> [(total row, which rows are its parts, what the breakdown is)]
SUMS: dict[str, tuple[tuple[str, Pick, str], ...]] = {
    "mediation": (("mediated", _prefix("type:"), "按纠纷类型"), ("mediated", _prefix("source:"), "按案件来源"),
                  ("perf_due", _keys("perf_full", "perf_partial", "perf_none"), "协议履行情况")),
    "petition": (("matters", _prefix("channel:", ":件"), "按渠道件次"), ("persons", _prefix("channel:", ":人"), "按渠道人次"),
                 ("matters", _prefix("category:", ":件"), "按类别件次"),
                 ("persons", _prefix("category:", ":人"), "按类别人次"),
                 *((f"category:{c}:件", _prefix(f"subcategory:{c}:"), f"{c}各子类")
                   for c, subs in COMPLAINT_CATEGORIES.items() if subs),
                 ("concluded", _keys("eval_satisfied", "eval_basically", "eval_unsatisfied", "eval_none"),
                  "信访人评价（含未评价）"),
                 ("evaluated", _keys("eval_satisfied", "eval_basically", "eval_unsatisfied"), "有评价的各项"),
                 ("evaluated_satisfied", _keys("eval_satisfied", "eval_basically"), "满意和基本满意")),
    "marriage": (("outcomes", _keys("reconciled", "persuaded", "guided_divorce", "agreement", "failed"), "各调处结果"),
                 ("accepted", _prefix("subtype:"), "按子类")),
    "screening": (("risk_total", _prefix("risk:"), "按风险等级"),),
}

# section -> [(part row, whole row)]: the part never exceeds the whole.
AT_MOST: dict[str, tuple[tuple[str, str], ...]] = {
    "mediation": (("closed_successful", "closed"), ("confirmed", "confirm_applied")),
    "petition": (("group", "matters"), ("repeat", "matters"), ("handled", "matters"), ("group_persons", "persons"),
                 ("repeat_persons", "persons"), ("satisfied", "visits"), ("accept_timely", "accept_decided"),
                 ("concluded_on_time", "concluded"), ("evaluated", "concluded"),
                 ("evaluated_satisfied", "evaluated")),
    "screening": (("resolved", "on_register"),),
}

# section -> [(cases row, persons row)]: every case counted concerns at least one person.
PERSONS: dict[str, tuple[tuple[str, str], ...]] = {
    "mediation": (("prevent_crime", "prevent_crime_persons"), ("prevent_suicide", "prevent_suicide_persons"),
                  ("stop_group", "stop_group_persons")),
}

# section -> {rate row: (numerator rows, denominator row)}: the rate is their quotient in every column.
RATES: dict[str, dict[str, tuple[tuple[str, ...], str]]] = {
    "mediation": {"success_rate": (("closed_successful",), "closed")},
    "petition": {"handling_rate": (("handled",), "matters"), "satisfaction_rate": (("satisfied",), "visits"),
                 "timely_acceptance_rate": (("accept_timely",), "accept_decided"),
                 "on_time_rate": (("concluded_on_time",), "concluded"),
                 "petitioner_satisfaction_rate": (("eval_satisfied", "eval_basically"), "evaluated")},
    "marriage": {"reconciliation_rate": (("reconciled", "persuaded"), "outcomes")},
    "screening": {"resolved_rate": (("resolved",), "on_register")},
}


@dataclass(frozen=True)
class Failure:
    section: str
    rule: str
    detail: str

    def text(self) -> str:
        return f"{self.section}：{self.rule}（{self.detail}）"


def _n(value: int | float | None) -> float:
    return float(value or 0)


def _section_checks(report: MonthlyReport, s: StatSection) -> Iterator[tuple[bool, str, str]]:
    """(holds, rule, detail) for every identity of one section."""
    same_year = report.date_from.year == report.date_to.year
    ytd = COLUMN_KEYS.index("ytd")
    for r in s.rows:
        if r.kind in (COUNT, MONEY):
            tiers = sum(_n(r.value(c)) for c in TIER_KEYS)
            yield tiers == _n(r.value("subtotal")), "各层级之和等于小计", f"{r.label}：{tiers:g}≠{_n(r.value('subtotal')):g}"
            yield all(_n(v) >= 0 for v in r.values), "数字不为负", r.label
            if same_year:
                yield (_n(r.values[ytd]) >= _n(r.value("subtotal")), "本年累计不低于本期",
                       f"{r.label}：{_n(r.values[ytd]):g}＜{_n(r.value('subtotal')):g}")
        elif r.kind == RATE:
            yield all(v is None or 0 <= v <= 1 for v in r.values), "比率在0%至100%之间", r.label
    rows = {r.key: r for r in s.rows}
    for total, pick, what in SUMS.get(s.key, ()):
        parts = [r for r in s.rows if pick(r)]
        if total not in rows or not parts:
            yield False, "分项之和等于合计", f"缺少“{what}”的行"
            continue
        for i in range(len(COLUMN_KEYS)):
            got = sum(_n(r.values[i]) for r in parts)
            want = _n(rows[total].values[i])
            yield got == want, "分项之和等于合计", f"{what}之和{got:g}≠{rows[total].label}{want:g}（{COLUMN_LABELS[i]}）"
    for part, whole in AT_MOST.get(s.key, ()):
        if part not in rows or whole not in rows:
            yield False, "部分不超过整体", f"缺少行 {part} 或 {whole}"
            continue
        for i in range(len(COLUMN_KEYS)):
            p, w = _n(rows[part].values[i]), _n(rows[whole].values[i])
            yield p <= w, "部分不超过整体", f"{rows[part].label}{p:g}＞{rows[whole].label}{w:g}（{COLUMN_LABELS[i]}）"
    for cases, persons in PERSONS.get(s.key, ()):
        if cases not in rows or persons not in rows:
            yield False, "人数不少于件数", f"缺少行 {cases} 或 {persons}"
            continue
        for i in range(len(COLUMN_KEYS)):
            c, p = _n(rows[cases].values[i]), _n(rows[persons].values[i])
            yield p >= c, "人数不少于件数", f"{rows[persons].label}{p:g}＜{rows[cases].label}{c:g}（{COLUMN_LABELS[i]}）"
    for key, (numerators, denominator) in RATES.get(s.key, {}).items():
        if key not in rows or denominator not in rows or any(n not in rows for n in numerators):
            yield False, "比率＝分子÷分母（同一批案件）", f"缺少 {key} 的分子或分母"
            continue
        for i in range(len(COLUMN_KEYS)):
            num = sum(_n(rows[n].values[i]) for n in numerators)
            den = _n(rows[denominator].values[i])
            rate = rows[key].values[i]
            ok = (rate is None) if den == 0 else (rate is not None and abs(rate - num / den) < 1e-9)
            yield ok, "比率＝分子÷分母（同一批案件）", f"{rows[key].label}（{COLUMN_LABELS[i]}）"


def checks(report: MonthlyReport) -> list[tuple[bool, Failure]]:
    return [(ok, Failure(s.title, rule, detail)) for s in report.sections for ok, rule, detail in _section_checks(report, s)]


def failures(report: MonthlyReport) -> list[Failure]:
    """Every identity of every section that does not hold; empty when the report is consistent."""
    return [f for ok, f in checks(report) if not ok]


def check_line(report: MonthlyReport) -> str:
    """The sentence printed at the end of the report."""
    done = checks(report)
    bad = [f for ok, f in done if not ok]
    rules = ("各层级之和等于小计、分项之和等于合计、部分不超过整体、人数不少于件数、比率＝分子÷分母且不超过100%、"
             "本年累计不低于本期")
    if not bad:
        return f"数据核对：已逐栏核对 {len(done)} 项（{rules}），全部相符。"
    shown = "；".join(f.text() for f in bad[:5])
    more = f"等 {len(bad)} 处" if len(bad) > 5 else ""
    return f"数据核对：已核对 {len(done)} 项，发现不符：{shown}{more}。请勿上报，先查明原因。"


__all__ = ["Failure", "checks", "failures", "check_line", "SUMS", "AT_MOST", "PERSONS", "RATES"]
