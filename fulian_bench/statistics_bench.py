"""`fulian bench` rows for the statistics: the monthly report and the year to date through the service (targets
0.5 s and 1 s), the dashboard (0.5 s), and each section of the report beside ONE hand-written SQL statement that
counts the same figures on a raw connection to the same file (target: within 2×).

The hand-written statement of a section groups by the owner's tier (a join to org_unit) and counts both windows
(the month and 1 January to its end) with conditional sums. It covers the section's figures that plain SQL
states directly (listed in `FIGURES`); the bench checks each of them equals the service's row, so the pair
compares the same work. Figures that need Python (the first day a case succeeded, distinct persons of the
prevention cases) are left to the service side.
"""
from __future__ import annotations

import statistics as stats
import time
from datetime import date, datetime, time as dtime, timedelta, timezone
from typing import Any, Callable

from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.security.actor import Actor
from fulian_desktop.store.store import Store
from .timing import BenchRow, paired

TIERS = ("district", "town", "village")
_TS = "%Y-%m-%d %H:%M:%S.%f"


def _utc(d: date) -> str:
    """A local midnight as the store's UTC text (as the ORM binds it)."""
    return datetime.combine(d, dtime(), LOCAL_TZ).astimezone(timezone.utc).strftime(_TS)


def _params(date_from: date, date_to: date) -> dict[str, str]:
    end = date_to + timedelta(days=1)
    return {"p0": _utc(date_from), "y0": _utc(date(date_to.year, 1, 1)), "e": _utc(end),
            "p0d": date_from.isoformat(), "y0d": date(date_to.year, 1, 1).isoformat(), "ed": date_to.isoformat(),
            "e_d": end.isoformat()}


def _win(col: str, cond: str = "1") -> str:
    """Two sums: the month and the year to date, of rows whose moment `col` falls in them and `cond` holds."""
    return (f"sum(CASE WHEN {col} >= :p0 AND {col} < :e AND ({cond}) THEN 1 ELSE 0 END), "
            f"sum(CASE WHEN {col} >= :y0 AND {col} < :e AND ({cond}) THEN 1 ELSE 0 END)")


def _win_sum(col: str, cond: str, value: str) -> str:
    return (f"sum(CASE WHEN {col} >= :p0 AND {col} < :e AND ({cond}) THEN {value} ELSE 0 END), "
            f"sum(CASE WHEN {col} >= :y0 AND {col} < :e AND ({cond}) THEN {value} ELSE 0 END)")


def _day_win(col: str, cond: str = "1") -> str:
    return (f"sum(CASE WHEN {col} >= :p0d AND {col} <= :ed AND ({cond}) THEN 1 ELSE 0 END), "
            f"sum(CASE WHEN {col} >= :y0d AND {col} <= :ed AND ({cond}) THEN 1 ELSE 0 END)")


_SUCCESS = "('reconciled', 'withdrawn_persuaded', 'guided_divorce', 'agreement')"
_LIVE = "EXISTS (SELECT 1 FROM case_file lc WHERE lc.id = {t}.case_id AND lc.deleted_at IS NULL)"
_ENDED = "('closed', 'rejected', 'transferred', 'terminated')"
# A screening entry resolved before the local midnight {m} (its day {d}): on its resolution day, or (older entries
# without that day) at its last change.
_RESOLVED_BEFORE = ("(e.status = 'resolved' AND (e.resolved_on < {d} OR (e.resolved_on IS NULL AND e.updated_at < {m})))")
_AT_END = ("e.created_at < :e AND NOT " + _RESOLVED_BEFORE.format(m=":e", d=":e_d"))

# One statement per section: (part, tier, key, month, ytd[, month, ytd …]) rows.
SQL = {
    "mediation": f"""
SELECT 'type', o.tier, c.dispute_type, {_win('c.opened_at')} FROM case_file c JOIN org_unit o ON o.id = c.owner_unit_id
 WHERE c.kind = 'mediation' AND c.deleted_at IS NULL AND c.status != 'rejected' AND c.opened_at >= :y0 AND c.opened_at < :e
 GROUP BY o.tier, c.dispute_type
UNION ALL
SELECT 'source', o.tier, c.source, {_win('c.opened_at')} FROM case_file c JOIN org_unit o ON o.id = c.owner_unit_id
 WHERE c.kind = 'mediation' AND c.deleted_at IS NULL AND c.status != 'rejected' AND c.opened_at >= :y0 AND c.opened_at < :e
 GROUP BY o.tier, c.source
UNION ALL
SELECT 'closed', o.tier, NULL, {_win('c.closed_at')} FROM case_file c JOIN org_unit o ON o.id = c.owner_unit_id
 WHERE c.kind = 'mediation' AND c.deleted_at IS NULL AND c.status = 'closed' AND c.closed_at >= :y0 AND c.closed_at < :e
 GROUP BY o.tier
UNION ALL
SELECT 'closed_successful', o.tier, NULL, {_win('c.closed_at', f"c.mediation_outcome IN {_SUCCESS} OR EXISTS (SELECT 1 FROM agreement a WHERE a.case_id = c.id AND a.deleted_at IS NULL AND a.effective_on IS NOT NULL)")}
 FROM case_file c JOIN org_unit o ON o.id = c.owner_unit_id
 WHERE c.kind = 'mediation' AND c.deleted_at IS NULL AND c.status = 'closed' AND c.closed_at >= :y0 AND c.closed_at < :e
 GROUP BY o.tier
UNION ALL
SELECT 'paper', o.tier, a.form, {_day_win('a.effective_on')} FROM agreement a JOIN org_unit o ON o.id = a.owner_unit_id
 WHERE a.deleted_at IS NULL AND {_LIVE.format(t='a')} AND a.effective_on >= :y0d AND a.effective_on <= :ed GROUP BY o.tier, a.form
UNION ALL
SELECT 'confirm', o.tier, a.confirmation_result = 'confirmed', {_day_win('a.confirmation_applied_on')}
 FROM agreement a JOIN org_unit o ON o.id = a.owner_unit_id
 WHERE a.deleted_at IS NULL AND {_LIVE.format(t='a')} AND a.confirmation_applied_on >= :y0d AND a.confirmation_applied_on <= :ed
 GROUP BY o.tier, a.confirmation_result = 'confirmed'
UNION ALL
SELECT 'stop_group', o.tier, NULL, {_win('c.closed_at')} FROM case_file c JOIN org_unit o ON o.id = c.owner_unit_id
 WHERE c.deleted_at IS NULL AND c.status = 'closed' AND c.stopped_group_petition = 1 AND c.closed_at >= :y0 AND c.closed_at < :e
 GROUP BY o.tier""",
    "petition": f"""
SELECT 'intake', o.tier, i.channel || '|' || coalesce(i.category, '') || '|' || coalesce(i.sub_category, ''),
 {_win('i.received_at')}, {_win_sum('i.received_at', '1', 'i.people_count')},
 {_win('i.received_at', 'i.is_group = 1')}, {_win_sum('i.received_at', 'i.is_group = 1', 'i.people_count')},
 {_win('i.received_at', 'i.is_repeat = 1')}, {_win_sum('i.received_at', 'i.is_repeat = 1', 'i.people_count')},
 {_win('i.received_at', f"i.decision IN ('answered', 'consultation', 'transfer', 'reject') OR EXISTS (SELECT 1 FROM case_file c WHERE c.id = i.case_id AND c.status IN {_ENDED})")}
 FROM intake_record i JOIN org_unit o ON o.id = i.owner_unit_id
 WHERE i.deleted_at IS NULL AND i.received_at >= :y0 AND i.received_at < :e GROUP BY o.tier, 3
UNION ALL
SELECT 'accept', o.tier, NULL, {_win('k.stopped_at')}, {_win('k.stopped_at', 'k.due_at IS NOT NULL AND k.stopped_at < k.due_at')},
 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
 FROM case_clock k JOIN org_unit o ON o.id = k.owner_unit_id
 WHERE k.kind = 'petition_acceptance' AND k.deleted_at IS NULL AND {_LIVE.format(t='k')}
 AND k.stopped_at >= :y0 AND k.stopped_at < :e GROUP BY o.tier
UNION ALL
SELECT 'concluded', o.tier, NULL, {_win('c.closed_at')}, {_win('c.closed_at', "EXISTS (SELECT 1 FROM case_clock k WHERE k.case_id = c.id AND k.deleted_at IS NULL AND k.kind = 'petition_conclusion' AND k.due_at IS NOT NULL AND c.closed_at < k.due_at)")},
 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
 FROM case_file c JOIN org_unit o ON o.id = c.owner_unit_id
 WHERE c.kind = 'petition' AND c.deleted_at IS NULL AND c.status = 'closed' AND c.closed_at >= :y0 AND c.closed_at < :e
 GROUP BY o.tier""",
    "marriage": f"""
SELECT 'consultations', o.tier, NULL, {_win('i.received_at')} FROM intake_record i JOIN org_unit o ON o.id = i.owner_unit_id
 WHERE i.deleted_at IS NULL AND i.decision = 'consultation' AND i.category = '婚姻家庭' AND i.received_at >= :y0 AND i.received_at < :e
 GROUP BY o.tier
UNION ALL
SELECT 'subtype', o.tier, c.sub_category, {_win('c.opened_at')} FROM case_file c JOIN org_unit o ON o.id = c.owner_unit_id
 WHERE c.deleted_at IS NULL AND c.kind = 'mediation' AND c.status NOT IN ('rejected', 'registered')
 AND (c.dispute_type = '婚姻家庭' OR c.category = '婚姻家庭') AND c.opened_at >= :y0 AND c.opened_at < :e
 GROUP BY o.tier, c.sub_category
UNION ALL
SELECT 'counselling', o.tier, NULL, {_win('s.held_at')} FROM counselling_session s JOIN org_unit o ON o.id = s.owner_unit_id
 WHERE s.deleted_at IS NULL AND {_LIVE.format(t='s')} AND s.held_at >= :y0 AND s.held_at < :e GROUP BY o.tier""",
    "crisis": f"""
SELECT 'cases', o.tier, NULL, {_win('c.opened_at', "c.kind = 'crisis'")}, {_win('c.opened_at', 'c.domestic_violence = 1')},
 {_win('c.opened_at', 'c.major_incident = 1')}
 FROM case_file c JOIN org_unit o ON o.id = c.owner_unit_id
 WHERE c.deleted_at IS NULL AND c.opened_at >= :y0 AND c.opened_at < :e GROUP BY o.tier
UNION ALL
SELECT 'risk', o.tier, r.final_level, {_win('r.assessed_at')}, 0, 0, 0, 0 FROM risk_assessment r JOIN org_unit o ON o.id = r.owner_unit_id
 WHERE r.deleted_at IS NULL AND {_LIVE.format(t='r')} AND r.assessed_at >= :y0 AND r.assessed_at < :e GROUP BY o.tier, r.final_level
UNION ALL
SELECT 'orders_applied', o.tier, NULL, {_win('p.applied_at')}, 0, 0, 0, 0 FROM protection_order p JOIN org_unit o ON o.id = p.owner_unit_id
 WHERE p.deleted_at IS NULL AND {_LIVE.format(t='p')} AND p.applied_at >= :y0 AND p.applied_at < :e GROUP BY o.tier
UNION ALL
SELECT 'orders_issued', o.tier, NULL, {_day_win('p.issued_on')}, 0, 0, 0, 0 FROM protection_order p JOIN org_unit o ON o.id = p.owner_unit_id
 WHERE p.deleted_at IS NULL AND {_LIVE.format(t='p')} AND p.issued_on >= :y0d AND p.issued_on <= :ed GROUP BY o.tier
UNION ALL
SELECT 'action', o.tier, a.kind, {_win('a.at')}, 0, 0, 0, 0 FROM crisis_action a JOIN org_unit o ON o.id = a.owner_unit_id
 WHERE a.deleted_at IS NULL AND {_LIVE.format(t='a')} AND a.at >= :y0 AND a.at < :e GROUP BY o.tier, a.kind""",
    "screening": f"""
SELECT 'visits', o.tier, NULL, {_day_win('v.visited_on')}, 0, 0, 0, 0, 0, 0 FROM screening_visit v
 JOIN screening_entry e ON e.id = v.entry_id JOIN org_unit o ON o.id = e.owner_unit_id
 WHERE v.deleted_at IS NULL AND e.deleted_at IS NULL AND v.visited_on >= :y0d AND v.visited_on <= :ed GROUP BY o.tier
UNION ALL
SELECT 'entries', o.tier, NULL,
 sum(CASE WHEN (e.created_at >= :p0 AND e.created_at < :e) OR EXISTS (SELECT 1 FROM screening_visit v WHERE v.entry_id = e.id
   AND v.deleted_at IS NULL AND v.visited_on >= :p0d AND v.visited_on <= :ed) THEN 1 ELSE 0 END),
 sum(CASE WHEN (e.created_at >= :y0 AND e.created_at < :e) OR EXISTS (SELECT 1 FROM screening_visit v WHERE v.entry_id = e.id
   AND v.deleted_at IS NULL AND v.visited_on >= :y0d AND v.visited_on <= :ed) THEN 1 ELSE 0 END),
 sum(CASE WHEN e.created_at < :e AND NOT {_RESOLVED_BEFORE.format(m=':p0', d=':p0d')} THEN 1 ELSE 0 END),
 sum(CASE WHEN e.created_at < :e AND NOT {_RESOLVED_BEFORE.format(m=':y0', d=':y0d')} THEN 1 ELSE 0 END),
 sum(CASE WHEN {_RESOLVED_BEFORE.format(m=':e', d=':e_d')} AND NOT {_RESOLVED_BEFORE.format(m=':p0', d=':p0d')}
   THEN 1 ELSE 0 END),
 sum(CASE WHEN {_RESOLVED_BEFORE.format(m=':e', d=':e_d')} AND NOT {_RESOLVED_BEFORE.format(m=':y0', d=':y0d')}
   THEN 1 ELSE 0 END),
 sum(CASE WHEN e.case_id IN (SELECT c.id FROM case_file c WHERE c.opened_at >= :p0 AND c.opened_at < :e) THEN 1 ELSE 0 END),
 sum(CASE WHEN e.case_id IN (SELECT c.id FROM case_file c WHERE c.opened_at >= :y0 AND c.opened_at < :e) THEN 1 ELSE 0 END)
 FROM screening_entry e JOIN org_unit o ON o.id = e.owner_unit_id WHERE e.deleted_at IS NULL GROUP BY o.tier
UNION ALL
SELECT 'level', o.tier, r.level, count(*), count(*), 0, 0, 0, 0, 0, 0 FROM (
 SELECT e.owner_unit_id, coalesce((SELECT v.risk_level FROM screening_visit v WHERE v.entry_id = e.id
   AND v.deleted_at IS NULL AND v.visited_on <= :ed ORDER BY v.visited_on DESC, v.created_at DESC LIMIT 1),
   e.risk_level) AS level
 FROM screening_entry e WHERE e.deleted_at IS NULL AND {_AT_END}) r
 JOIN org_unit o ON o.id = r.owner_unit_id GROUP BY o.tier, r.level
UNION ALL
SELECT 'persons', o.tier, NULL, sum(k.n), sum(k.n), 0, 0, 0, 0, 0, 0 FROM (
 SELECT e.owner_unit_id, count(DISTINCT e.person_id) AS n FROM screening_entry e
 WHERE e.deleted_at IS NULL AND e.person_id IS NOT NULL AND {_AT_END} GROUP BY e.owner_unit_id) k
 JOIN org_unit o ON o.id = k.owner_unit_id GROUP BY o.tier""",
}


def _cells(found: dict[tuple[str, Any], list[int]], key: tuple[str, Any], at: int = 0) -> tuple[int, ...]:
    """(district, town, village, subtotal, ytd) of a part/key from rows keyed (part, key) -> {tier: [m, y …]}."""
    by_tier = found.get(key, {})
    month = [by_tier.get(t, [0] * (at + 2))[at] for t in TIERS]
    return (*month, sum(month), sum(v[at + 1] for v in by_tier.values()))


def _gather(rows: list[tuple]) -> dict:
    found: dict = {}
    for part, tier, key, *values in rows:
        slot = found.setdefault((part, key), {}).setdefault(tier, [0] * len(values))
        for i, v in enumerate(values):
            slot[i] += int(v or 0)
    return found


def _merge(found: dict, part: str, keys: Callable[[Any], Any]) -> dict:
    """Fold the keys of one part (e.g. channel|category|sub_category -> channel)."""
    out: dict = {}
    for (p, key), by_tier in found.items():
        if p != part:
            continue
        for tier, values in by_tier.items():
            slot = out.setdefault((part, keys(key)), {}).setdefault(tier, [0] * len(values))
            for i, v in enumerate(values):
                slot[i] += v
    return out


def expected(section: str, rows: list[tuple]) -> dict[str, tuple[int, ...]]:
    """The service's row keys and values the hand-written statement gives."""
    f = _gather(rows)
    out: dict[str, tuple[int, ...]] = {}
    if section == "mediation":
        for (part, key) in f:
            if part in ("type", "source") and key is not None:
                out[f"{part}:{key}"] = _cells(f, (part, key))
        out["closed"] = _cells(f, ("closed", None))
        out["closed_successful"] = _cells(f, ("closed_successful", None))
        out["oral"], out["written"] = _cells(f, ("paper", "oral")), _cells(f, ("paper", "written"))
        applied = _merge(f, "confirm", lambda _k: None)
        out["confirm_applied"] = _cells(applied, ("confirm", None))
        out["confirmed"] = _cells(f, ("confirm", 1))
        out["stop_group"] = _cells(f, ("stop_group", None))
    elif section == "petition":
        total = _merge(f, "intake", lambda _k: None)
        for at, key in enumerate(("matters", "persons", "group", "group_persons", "repeat", "repeat_persons",
                                  "handled")):
            out[key] = _cells(total, ("intake", None), 2 * at)
        channels = _merge(f, "intake", lambda k: k.split("|")[0])
        for (_p, channel) in channels:
            out[f"channel:{channel}:件"] = _cells(channels, ("intake", channel))
            out[f"channel:{channel}:人"] = _cells(channels, ("intake", channel), 2)
        out["accept_decided"], out["accept_timely"] = _cells(f, ("accept", None)), _cells(f, ("accept", None), 2)
        out["concluded"], out["concluded_on_time"] = _cells(f, ("concluded", None)), _cells(f, ("concluded", None), 2)
    elif section == "marriage":
        out["consultations"] = _cells(f, ("consultations", None))
        out["accepted"] = _cells(_merge(f, "subtype", lambda _k: None), ("subtype", None))
        out["counselling_sessions"] = _cells(f, ("counselling", None))
    elif section == "crisis":
        for at, key in enumerate(("crisis_cases", "dv_cases", "major_incidents")):
            out[key] = _cells(f, ("cases", None), 2 * at)
        for level in ("high", "medium", "low"):
            out[f"risk:{level}"] = _cells(f, ("risk", level))
        out["orders_applied"], out["orders_issued"] = _cells(f, ("orders_applied", None)), _cells(f, ("orders_issued", None))
        for kind in ("warning_letter", "shelter", "mandatory_report"):
            out[f"action:{kind}"] = _cells(f, ("action", kind))
    elif section == "screening":
        out["visits"] = _cells(f, ("visits", None))
        for at, key in enumerate(("screened", "on_register", "resolved", "cases_opened")):
            out[key] = _cells(f, ("entries", None), 2 * at)
        for (part, level) in f:
            if part == "level" and level is not None:
                out[f"risk:{level}"] = _cells(f, (part, level))
        out["key_persons"] = _cells(f, ("persons", None))
    return out


def run(store: Store, raw: Any, actor: Actor, date_from: date, date_to: date, repeat: int = 7) -> list[BenchRow]:
    """`raw`: a DB-API connection to the same file (keyed). Every pair is alternated in this process."""
    from fulian_desktop.services.accounts.orgunits import root_unit, subtree_ids
    from fulian_desktop.services.statistics import dashboard, statistics, statistics_sections
    from fulian_desktop.services.statistics.dashboard_period import Preset, preset_period
    from fulian_desktop.services.statistics.statistics_prefix import forget
    from fulian_desktop.services.statistics.statistics_tally import Tally

    sections = {"mediation": ("一、人民调解", statistics.mediation_section),
                "petition": ("二、信访接待", statistics.petition_section),
                "marriage": ("三、婚姻家庭", statistics_sections.marriage_section),
                "crisis": ("四、危机干预", statistics_sections.crisis_section),
                "screening": ("五、矛盾纠纷排查", statistics_sections.screening_section)}
    params = _params(date_from, date_to)
    rows: list[BenchRow] = []

    def timed(fn: Callable[[], object], before: Callable[[], object] | None = None) -> tuple[float, float]:
        """Medians of wall and CPU time of `fn`; `before` runs ahead of each call, untimed."""
        walls, cpus = [], []
        fn()
        for _ in range(repeat):
            if before is not None:
                before()
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        return stats.median(walls), stats.median(cpus)

    def report(first: date) -> Callable[[], object]:
        def call() -> object:
            with store.uow() as uow:
                return statistics.monthly_report(uow, actor, first, date_to)
        return call

    for label, first, target in ((f"统计月报（{date_from:%Y-%m}）", date_from, 500.0),
                                 (f"统计年报（{date_to.year} 年 1–{date_to.month} 月）", date(date_to.year, 1, 1), 1000.0)):
        wall, cpu = timed(report(first))
        rows.append(BenchRow(label, wall, target_ms=target, note=f"CPU {cpu:,.0f} ms；服务层全部五节"))
    # The monthly report above uses the year's earlier months kept from the report before it (statistics_prefix,
    # SQLCipher). A new session finds them in the store (0028); the first report of a unit and month ever, or the
    # first after work dated in those months, counts them.
    month = report(date_from)
    wall, cpu = timed(month, before=lambda: forget(store.engine, memory_only=True))
    rows.append(BenchRow(f"统计月报（{date_from:%Y-%m}，新会话首份：本年前几个月取自库中保存）", wall, target_ms=500.0,
                         note=f"CPU {cpu:,.0f} ms；服务层全部五节"))
    wall, cpu = timed(month, before=lambda: forget(store.engine))
    rows.append(BenchRow(f"统计月报（{date_from:%Y-%m}，首次：本年前几个月未保留）", wall,
                         note=f"CPU {cpu:,.0f} ms；服务层全部五节"))
    # The dashboard opens on 本年 with 去年同期 beside it (ui/statistics/dashboard.py): both periods.
    dash_from, dash_to = preset_period(Preset.THIS_YEAR, date_to)

    def board() -> object:
        with store.uow() as uow:
            return dashboard.compared(uow, actor, dash_from, dash_to)
    wall, cpu = timed(board)
    rows.append(BenchRow("统计看板（本年，含去年同期）", wall, target_ms=500.0, note=f"CPU {cpu:,.0f} ms"))

    for name, (label, section) in sections.items():
        def service(section=section) -> Any:  # noqa: ANN001
            with store.uow() as uow:
                unit = root_unit(uow.s)
                return section(Tally(uow, subtree_ids(uow.s, unit.id), date_from, date_to))

        def hand(name=name) -> list[tuple]:  # noqa: ANN001
            return raw.execute(SQL[name], params).fetchall()

        got = {r.key: tuple(r.values) for r in service().rows}
        want = expected(name, hand())
        wrong = [k for k, v in want.items() if got.get(k, (0, 0, 0, 0, 0)) != v]
        pair = paired(service, hand, repeat)
        check = f"{len(want)} 项与服务层一致" if not wrong else f"{len(wrong)}/{len(want)} 项不一致：{', '.join(wrong[:3])}"
        rows.append(BenchRow(f"统计·{label}", pair.a_ms, raw_ms=pair.b_ms, pair_ratio=pair.ratio, target_ratio=2.0,
                             note=f"CPU 比值 {pair.cpu_ratio:.2f}；手写 SQL 一条；{check}"))
    return rows
