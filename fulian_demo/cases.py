"""Demo cases: what happens in each case (parties, story, timeline), made in chunks of rows.

Pure Python, no database: `produce(plan)` yields a `Batch` of row tuples per chunk of cases,
so it can run in this process or in a helper process while the rows are written.
"""
from __future__ import annotations

import random
import zlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from itertools import accumulate
from typing import Any, Callable, Iterator

from fulian_desktop.domain.enums import CaseKind, CaseSource, CaseStatus, PetitionOutcome
from fulian_desktop.domain.workflow import Transition
from . import narratives as nv
from . import narratives_work as nw_work
from .dice import Dice, cumulative
from .names import NameMaker
from .orgtree import Unit
from .people import PeopleMaker, Pers
from .work import Ctx, WorkMaker
from .writer import Values, search_body

# The demo's "now": fixed, so a seed always gives the same data whatever the clock says.
DEMO_NOW = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)  # 10:00 in Changsha

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_EPOCH_ORD = date(1970, 1, 1).toordinal()
_BEIJING = 8 * 3600
_DAY = 86400
_NOW_TS = int((DEMO_NOW - _EPOCH).total_seconds())

YEARS = (2022, 2023, 2024, 2025, 2026)
_YEAR_CUM = tuple(accumulate((14, 17, 20, 24, 25)))
KINDS = tuple(CaseKind)
_KIND_WEIGHTS = {  # petition, mediation, legal_aid, counselling, crisis
    "village": (30, 50, 6, 8, 6),
    "town": (32, 38, 12, 10, 8),
    "district": (30, 25, 18, 15, 12),
}
_UNIT_WEIGHT = {"district": 6.0, "town": 3.0, "village": 1.2}
_SOURCE_WEIGHTS: dict[str, dict[CaseSource, int]] = {
    "petition": {CaseSource.APPLICATION: 50, CaseSource.PETITION: 10, CaseSource.ASSIGNED_FROM_ABOVE: 10,
                 CaseSource.REPORTED_FROM_BELOW: 8, CaseSource.ONLINE_OPINION: 8, CaseSource.SCREENING: 4},
    "mediation": {CaseSource.APPLICATION: 45, CaseSource.INITIATIVE: 15, CaseSource.REPORTED_FROM_BELOW: 10,
                  CaseSource.ASSIGNED_FROM_ABOVE: 6, CaseSource.SCREENING: 12, CaseSource.COURT: 5,
                  CaseSource.POLICE: 4, CaseSource.PETITION: 3},
    "legal_aid": {CaseSource.APPLICATION: 60, CaseSource.REPORTED_FROM_BELOW: 10,
                  CaseSource.ASSIGNED_FROM_ABOVE: 10, CaseSource.PETITION: 10, CaseSource.COURT: 5,
                  CaseSource.POLICE: 5},
    "counselling": {CaseSource.APPLICATION: 50, CaseSource.REPORTED_FROM_BELOW: 15, CaseSource.SCREENING: 15,
                    CaseSource.ASSIGNED_FROM_ABOVE: 10, CaseSource.POLICE: 5, CaseSource.COURT: 5},
    "crisis": {CaseSource.POLICE: 35, CaseSource.SCREENING: 20, CaseSource.REPORTED_FROM_BELOW: 20,
               CaseSource.APPLICATION: 15, CaseSource.ONLINE_OPINION: 5, CaseSource.ASSIGNED_FROM_ABOVE: 5},
}
_DURATION = {"mediation": (2, 40), "petition": (5, 58), "legal_aid": (1, 15), "counselling": (10, 90),
             "crisis": (1, 20)}
_NOT_ADVERSARIAL = frozenset({"social_security", "postpartum", "general", "teen_counselling", "education"})
_MINOR_VICTIM_CASTS = frozenset({"dv_child"})
_MINOR_SCENARIOS = frozenset({"teen_counselling", "education", "dv_child"})
_STEPS = {t.value: (t.label, t.step.target.value) for t in Transition}
_APPROVED = frozenset(t.value for t in Transition if t.step.needs_approval)
_ENDED = frozenset({"closed", "rejected", "terminated", "transferred"})
_STATUS_LABELS = {s.value: s.label for s in CaseStatus}
_SOURCE_LABELS = {s: s.label for s in CaseSource}
_TRANSFER_AGENCIES = ("区法律援助中心", "区人民法院诉讼服务中心", "公安望城分局", "区民政局", "区信访局")


def _office_hours(t: int) -> int:
    """Move a UTC timestamp into 08:30-18:00 Beijing time of the same day."""
    day, sod = divmod(t + _BEIJING, _DAY)
    if sod < 30600 or sod > 64800:
        sod = 30600 + sod % 34200
    return day * _DAY + sod - _BEIJING


# The petitioner's evaluation recorded with a closed petition's opinion, in tenths by outcome (满意, 基本满意,
# 不满意; the rest 未评价). Drawn from the case's id, not the dice, so the rest of the demo stays as it was.
_EVALUATIONS = {"support": (6, 3, 0), "explain": (4, 3, 1), "not_support": (2, 3, 3)}


def petition_evaluation(case_id: str, outcome: str | None) -> str | None:
    if outcome is None:
        return None
    tenth = zlib.crc32(case_id.encode()) % 10
    for value, share in zip(("satisfied", "basically", "unsatisfied"), _EVALUATIONS.get(outcome, (0, 0, 0))):
        if tenth < share:
            return value
        tenth -= share
    return None


def closure_outcomes(case_id: str, kind: str, status: str, dv: bool, major: bool) -> tuple:
    """防止民转刑 / 防止自杀 / 制止群体性上访 recorded with a closed case, each (flag, persons): some violent or major
    cases prevented a crime, some crisis cases a suicide, a few petitions stopped a group petition. Drawn from the
    case's id, not the dice, so the rest of the demo stays as it was."""
    if status != "closed":
        return (False, None) * 3
    n = zlib.crc32(b"outcome:" + case_id.encode())
    crime = n % 10 < (6 if dv or major or kind == "crisis" else 1)
    suicide = n // 10 % 10 < (5 if kind == "crisis" else 1 if dv else 0)
    group = n // 100 % 10 < (2 if kind == "petition" else 1 if kind == "mediation" else 0)
    return (crime, 2 + n // 1000 % 2 if crime else None, suicide, 1 if suicide else None,
            group, 5 + n // 10_000 % 26 if group else None)


def id_maker(rng: random.Random) -> Callable[[], str]:
    """str(uuid.UUID(int=rng.getrandbits(128), version=4)), without building UUID objects."""
    getrandbits = rng.getrandbits
    clear = ~((0xF000 << 64) | (0xC000 << 48))
    setbits = (0x4000 << 64) | (0x8000 << 48)

    def new_id() -> str:
        h = ((getrandbits(128) & clear) | setbits).to_bytes(16, "big").hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    return new_id


def _skeleton(rng: random.Random, units: list[Unit], cases: int) -> list[tuple[int, int, int, int, int]]:
    """(opened ts, draw no., unit index, kind index, year) for every case, in opening order."""
    unit_cum = cumulative(_UNIT_WEIGHT.get(u.tier, 1.0) for u in units)
    kind_cum = {tier: cumulative(w) for tier, w in _KIND_WEIGHTS.items()}
    unit_ix = rng.choices(range(len(units)), cum_weights=unit_cum, k=cases)
    years = rng.choices(YEARS, cum_weights=_YEAR_CUM, k=cases)
    kind_range = range(len(KINDS))
    last_day = (DEMO_NOW + timedelta(seconds=_BEIJING)).date().toordinal() - 1
    spans = {y: (date(y, 1, 1).toordinal(), min(date(y, 12, 31).toordinal(), last_day)) for y in YEARS}
    out = []
    randrange, random_, choices = rng.randrange, rng.random, rng.choices
    for i in range(cases):
        u, year = unit_ix[i], years[i]
        k = choices(kind_range, cum_weights=kind_cum.get(units[u].tier, kind_cum["town"]))[0]
        first, last = spans[year]
        day = randrange(first, last + 1)
        if (day + 6) % 7 >= 5 and random_() < 0.8:  # weekend: most people come on a weekday
            day = randrange(first, last + 1)
        local = (day - _EPOCH_ORD) * _DAY + randrange(8 * 3600 + 1800, 17 * 3600 + 1800)
        out.append((local - _BEIJING, i, u, k, year))
    out.sort()
    return out


@dataclass
class Plan:
    """Everything the case maker needs, picklable: the random state right after the setup."""

    rng_state: Any
    units: list[Unit]  # the units that get cases (index = unit key)
    seqs: dict[tuple[int, int, int], int]  # highest sequence used per (unit, kind, year)
    next_doc: int  # next free row id of the free-text index
    cases: int
    chunk: int
    values: Values
    search: bool
    blobs: list[tuple[str, str, int, str]] = field(default_factory=list)  # demo files: (kind, sha256, size, type)


@dataclass
class Batch:
    """The rows of one chunk of whole cases, and the counters as they stand after it."""

    done: int  # cases made so far, this chunk included
    persons: list[tuple[Any, ...]]
    cases: list[tuple[Any, ...]]
    parties: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    docs: list[tuple[int, str, str]]  # free-text index rows (doc, case id, body)
    counters: list[tuple[int, int, int, int]] = field(default_factory=list)  # (unit, kind, year, last seq)
    work: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)  # work_tables name -> rows
    clocks: list[tuple[Any, ...]] = field(default_factory=list)  # clocks the work started (orders, agreements)


def produce(plan: Plan) -> Iterator[Batch]:
    rng = random.Random()
    rng.setstate(plan.rng_state)
    dice = Dice(rng)
    new_id = id_maker(rng)
    skeleton = _skeleton(rng, plan.units, plan.cases) if plan.units and plan.cases > 0 else []
    people = PeopleMaker(dice, NameMaker(dice), new_id, plan.values.day)
    maker = CaseMaker(dice, plan.units, new_id, people, dict(plan.seqs), plan.values, plan.next_doc, plan.search)
    maker.work = WorkMaker(dice, new_id, plan.values, plan.units, plan.blobs, _NOW_TS, lambda: maker.events)
    total = len(skeleton)
    for start in range(0, total, plan.chunk):
        for ts, _, u, k, year in skeleton[start:start + plan.chunk]:
            maker.make(ts, u, k, year)
        yield maker.take(min(start + plan.chunk, total))


class CaseMaker:
    """Builds the rows of one case at a time into chunk buffers (tuples in the writer's column order)."""

    def __init__(self, dice: Dice, units: list[Unit], new_id: Callable[[], str], people: PeopleMaker,
                 seqs: dict[tuple[int, int, int], int], values: Values, next_doc: int, search: bool) -> None:
        self.dice, self.units, self.new_id, self.people, self.seqs = dice, units, new_id, people, seqs
        self.values, self.search = values, search
        self.cases: list[tuple[Any, ...]] = []
        self.parties: list[tuple[Any, ...]] = []
        self.events: list[tuple[Any, ...]] = []
        self.docs: list[tuple[int, str, str]] = []  # free-text index rows (doc, case id, body)
        self.next_doc = next_doc
        self.touched: set[tuple[int, int, int]] = set()
        self._sources = {}
        for kind, weights in _SOURCE_WEIGHTS.items():
            for tier in {u.tier for u in units}:
                # Nothing is reported up to a village: it is the bottom tier.
                items = [(s, w) for s, w in weights.items()
                         if not (tier not in ("district", "town") and s is CaseSource.REPORTED_FROM_BELOW)]
                self._sources[kind, tier] = (tuple(s for s, _ in items), cumulative(w for _, w in items))
        by_id = {u.id: u for u in units}
        self._transfer_to = {u.id: by_id[u.parent_id].name if u.parent_id in by_id else None for u in units}
        self._kind_words = [(k.value, k.number_word) for k in KINDS]
        self._approver = next((u.supervisors[0] for u in units if u.supervisors), None)

    def make(self, ts: int, u: int, k: int, year: int) -> None:
        dice = self.dice
        rand = dice.random
        new_id = self.new_id
        unit = self.units[u]
        kv, number_word = self._kind_words[k]
        key = (u, k, year)
        seq = self.seqs.get(key, 0) + 1
        self.seqs[key] = seq
        self.touched.add(key)
        opened = self.values.ts(ts)
        case_id = new_id()
        unit_id = unit.id

        scenarios, cum = nv.KIND_SCENARIOS[kv]
        sc = scenarios[bisect_right(cum, rand() * cum[-1])]
        homes = unit.homes
        home = homes[int(rand() * len(homes))] if homes else (unit.base, False)
        people = self.people
        people.begin_case(u, unit_id, home, _EPOCH_ORD + (ts + _BEIJING) // _DAY, opened,
                          0.12 if kv == "petition" else 0.04)
        cast = people.cast(sc.cast, sc.minor)

        # Parties.
        # A mediation case always has two sides to mediate between (its sessions and agreement need them).
        second_role = "other" if kv != "mediation" and (
            sc.key in _NOT_ADVERSARIAL or (kv == "counselling" and not sc.dv)) else None
        has_victim = any(role == "victim" for role, _, _ in cast)
        involves_minor = sc.key in _MINOR_SCENARIOS
        applicant = respondent = victim = child = None
        parties = self.parties
        names: list[str] = []
        cast_ids: list[tuple[str, Pers, str]] = []
        for role, person, confidential in cast:
            if role == "applicant":
                applicant = person
                confidential = confidential or (sc.dv and not has_victim)
            elif role == "respondent" or role == "other":
                respondent = person
                if second_role:
                    role = second_role
            elif role == "victim":
                victim = person
            else:
                child = person
                involves_minor = True
            party_id = new_id()
            parties.append((party_id, case_id, person.id, role, confidential, unit_id, opened, opened, 1, None))
            cast_ids.append((party_id, person, role))
            names.append(person.surname + person.given)
        assert applicant is not None and respondent is not None
        self._cast_ids = cast_ids
        if victim is not None and sc.cast in _MINOR_VICTIM_CASTS:
            child = victim
        title, summary, told, request = self._story(sc, unit, applicant, respondent, victim, child)

        # Classification and flags.
        sources, source_cum = self._sources[kv, unit.tier]
        source = sources[bisect_right(source_cum, rand() * source_cum[-1])]
        dv = sc.dv
        r = rand()
        if dv or kv == "crisis":
            urgency = "critical" if r < 0.2 else "urgent" if r < 0.6 else "normal"
        else:
            urgency = "critical" if r < 0.03 else "urgent" if r < 0.13 else "normal"
        if rand() < (0.09 if kv == "crisis" else 0.015 if dv else 0.005):
            major, urgency = True, "critical"
        else:
            major = False

        # Handler and the person who registered the case.
        staff = unit.counsellors if kv == "counselling" and unit.counsellors else unit.handlers
        handler = staff[int(rand() * len(staff))] if staff else (None, "系统")
        desks = unit.receptions
        desk = desks[int(rand() * len(desks))] if desks else handler

        case_no = f"（{year}）{unit.prefix}{number_word}字第{seq}号"
        self._sc = sc
        status, _, last = self._timeline(ts, kv, unit_id, case_id, case_no, source, handler, desk)
        lo, hi, end, end_note = self._window
        ctx = Ctx(id=case_id, no=case_no, kind=kv, status=status, unit=unit, uid=unit_id, handler=handler,
                  desk=desk, opened=ts, lo=lo, hi=hi, end=end, end_note=end_note, parties=self._cast_ids, sc=sc,
                  source=source, family=nw_work.FAMILY.get(sc.key, "other"), title=title, summary=summary,
                  outcome=None, major=major, dv=dv, facts=told, request=request, settled=self._settled)
        self.work.make(ctx)
        if ctx.major and not major:
            urgency = "critical"  # a case raised to a major incident is handled as 特急
        self.cases.append((
            case_id, case_no, year, seq, kv, title, unit.tier, status, sc.category, sc.sub,
            sc.dispute if kv == "mediation" else None, source.value, urgency, ctx.major, involves_minor, ctx.dv,
            handler[0], summary, opened, last if status == "closed" else None, ctx.outcome, self._petition_outcome,
            petition_evaluation(case_id, self._petition_outcome),
            *closure_outcomes(case_id, kv, status, ctx.dv, ctx.major), unit_id, opened, last, 1, None,
        ))
        if self.search:
            self.docs.append((self.next_doc, case_id, search_body(title, summary, names)))
            self.next_doc += 1

    def _story(self, sc: nv.Scenario, unit: Unit, applicant: Pers, respondent: Pers, victim: Pers | None,
               child: Pers | None) -> tuple[str, str, str, str]:
        """Title, 2-4 sentence summary, the 事实和理由 told at the desk and the request, from the scenario's
        templates (the facts told are drawn apart from the summary's, with the grounds of the case's family)."""
        dice = self.dice
        rand, pick = dice.random, dice.pick
        people = self.people
        a_age = people.age(applicant)
        ri = dice.ri
        a, r = applicant.masked, respondent.masked
        v = victim.masked if victim else a
        if a == r:  # 王某甲 and 王某乙, as case papers tell same-named parties apart
            a, r = applicant.surname + "某甲", respondent.surname + "某乙"
        if victim and victim.surname in (applicant.surname, respondent.surname) and victim is not applicant:
            v = victim.surname + "某丙"
        ctx = {
            "A": a, "R": r, "V": v, "P": unit.name, "AGE": a_age, "Y": ri(1, max(1, min(35, a_age - 21))),
            "CAGE": people.age(child) if child else ri(8, 16), "K": pick(nv.KIDS), "M": f"{ri(2, 60) / 2:g}",
            "N": ri(2, 18), "D": ri(1, 20),
        }
        title = pick(sc.titles).format_map(ctx)
        facts, details = sc.facts, sc.details
        if rand() < 0.8:
            parts = [pick(facts), pick(details), pick(sc.requests)]
            if rand() < 0.25:
                extra = pick(details)
                if extra != parts[1]:
                    parts.insert(2, extra)
        else:
            parts = [pick(facts), pick(sc.requests)]
        told = [pick(facts), pick(details)]
        if rand() < 0.5:
            extra = pick(details)
            if extra != told[1]:
                told.append(extra)
        told.append(pick(nw_work.INTAKE_GROUNDS[nw_work.FAMILY.get(sc.key, "other")]))
        return title, "".join(parts).format_map(ctx), "".join(told).format_map(ctx), parts[-1].format_map(ctx)

    def _timeline(self, ts: int, kv: str, unit_id: str, case_id: str, case_no: str, source: CaseSource,
                  handler: tuple[str | None, str], desk: tuple[str | None, str]) -> tuple[str, int, Any]:
        """Pick the outcome from the case's age and write its events as the workflow service
        would (created, status_accept, status_start, ...); (status, last event ts, its value)."""
        dice = self.dice
        rand, ri, pick = dice.random, dice.ri, dice.pick
        lo, hi = _DURATION[kv]
        dur = ri(lo, hi) * _DAY + ri(-3 * 3600, 3 * 3600)
        if rand() < 0.10:
            dur *= 5  # a case that drags on
        r = rand()
        if r < 0.04 and kv in ("petition", "legal_aid", "mediation"):
            outcome, dur = "rejected", ri(1, 14) * _DAY
        elif r < 0.09:
            outcome, dur = "transferred", ri(1, 5) * _DAY
        elif r < 0.14 and kv in ("mediation", "counselling", "crisis"):
            outcome = "terminated"
        else:
            outcome = "closed"
        end = ts + max(dur, 3600)
        if end < _NOW_TS:
            status, limit = outcome, end
        else:
            frac = (_NOW_TS - ts) / (end - ts)
            limit = _NOW_TS
            if outcome in ("rejected", "transferred") or frac < 0.08:
                status = "registered"
            elif frac < 0.25:
                status = "accepted"
            elif frac < 0.85:
                status = "in_progress"
            else:
                status = "pending_closure"

        # How a mediation that has ended (or asks to close) ended: its closing reason says so, and its
        # sessions and agreement (work_mediation) follow the same choice.
        self._settled = None
        closing = None
        if kv == "mediation" and status in ("closed", "pending_closure", "terminated"):
            final, oral = self._mediation_end(status)
            self._settled = (final, oral)
            if status == "terminated":
                closing = nv.MEDIATION_TERMINATIONS[final]
            else:
                closing = pick(nv.MEDIATION_CLOSINGS["oral" if oral else "written" if final == "agreement" else final])
        elif status in ("closed", "pending_closure"):
            closing = pick(nv.CLOSINGS[kv])

        # (step, reason) after 'created'; the final step of an ended case happens at `end`.
        steps: list[tuple[str, str | None]]
        if status == "registered":
            steps = []
        elif status == "rejected":
            steps = [("reject", pick(nv.REJECTIONS))]
        elif status == "transferred":
            target = self._transfer_to.get(unit_id) or pick(_TRANSFER_AGENCIES)
            steps = ([("accept", None)] if rand() < 0.5 else []) + [("transfer", f"转交{target}办理")]
        elif status == "accepted":
            steps = [("accept", None)]
        elif status == "in_progress":
            steps = [("accept", None), ("start", None)] + ([("note", None)] if rand() < 0.6 else [])
        elif status == "pending_closure":
            steps = [("accept", None), ("start", None), ("request_closure", closing)]
        elif status == "closed":
            steps = [("accept", None), ("request_closure", closing), ("close", None)]
        else:  # terminated
            steps = [("accept", None), ("start", None), ("terminate", closing or pick(nv.TERMINATIONS))]

        times = [ts]
        if steps:
            ended = status in _ENDED
            before_final = len(steps) - ended  # steps before the one at `end` (if it has ended)
            if before_final:
                first = ts + min(ri(600, (14 if kv == "petition" else 3) * _DAY), (limit - ts) // 3)
                times.append(first)
                times += sorted(ri(first + 1, limit - 1) for _ in range(before_final - 1))
            if ended:
                times.append(end)

        h_id, h_name = handler
        approver = self._approver or handler
        ts_value, new_id, rows, status_json = self.values.ts, self.new_id, self.events, self.values.status_json
        prev, last = ts, None
        status_now = "registered"
        stamps: list[int] = []
        for i, at_ts in enumerate(times):
            if i:  # later events: office hours, in order, never after the demo's "now"
                at_ts = min(_office_hours(at_ts), _NOW_TS - 1)
                if at_ts <= prev:
                    at_ts = prev + 60 if prev + 60 < _NOW_TS else prev + 1
            prev = at_ts
            stamps.append(at_ts)
            last = ts_value(at_ts)
            if i == 0:
                row = (new_id(), case_id, "created", last, desk[0], desk[1],
                       f"登记案件 {case_no}（{_SOURCE_LABELS[source]}）", None)
            else:
                step, reason = steps[i - 1]
                if step == "note":
                    row = (new_id(), case_id, "note", last, h_id, h_name, pick(nv.NOTES[kv]), None)
                else:
                    label, target = _STEPS[step]
                    text = f"{label}：{_STATUS_LABELS[status_now]} → {_STATUS_LABELS[target]}"
                    if reason:
                        text += f"（理由：{reason.rstrip('。')}）"
                    actor = handler
                    if step in _APPROVED:
                        actor = approver
                        text += f"，经 {approver[1]} 批准"
                    row = (new_id(), case_id, "status_" + step, last, actor[0], actor[1], text,
                           status_json[status_now, target])
                    status_now = target
            rows.append(row + (unit_id, last, last, 1, None))
        assert status_now == status, (status_now, status)
        self._petition_outcome = None
        if kv == "petition" and status == "closed":  # the 处理意见 approved with the closure, a second later
            outcome = nv.PETITION_OUTCOMES[steps[-2][1]]
            basis, at_ts = nv.PETITION_BASES[outcome], stamps[-1] + 1
            facts, articles = nv.PETITION_FACTS[outcome], list(nv.PETITION_ARTICLES[outcome])
            self._petition_outcome, at = outcome, ts_value(at_ts)
            rows.append((new_id(), case_id, "petition_outcome", at, approver[0], approver[1],
                         f"信访处理意见：{PetitionOutcome(outcome).label}。事实和依据：{basis}",
                         self.values.js({"outcome": outcome, "previous": None, "basis": basis, "facts": facts,
                                        "articles": articles, "approval_id": None}),
                         unit_id, at, at, 1, None))
        self._window = self._work_window(ts, stamps, steps, status)
        return status, prev, last

    def _mediation_end(self, status: str) -> tuple[str, bool]:
        """(how the mediation ended: agreement / failed / withdrawn / refused, whether the agreement is oral)."""
        dice = self.dice
        rand = dice.random
        sc = self._sc
        if status == "terminated":
            return dice.pick(("failed", "refused", "withdrawn")), False
        final = "agreement" if rand() < 0.66 else "failed" if rand() < 0.6 else "withdrawn"
        # Oral agreements (人民调解法第二十八条) for simple matters settled on the spot; never where there was
        # violence: that agreement is written, with the statement that it does not settle the violence.
        family = nw_work.FAMILY.get(sc.key, "other")
        share = 0.3 if family in ("marriage", "elder", "neighbour", "other") else 0.1
        oral = final == "agreement" and not sc.dv and rand() < share
        return final, oral

    @staticmethod
    def _work_window(opened: int, stamps: list[int], steps: list[tuple[str, str | None]],
                     status: str) -> tuple[int, int, int | None, str | None]:
        """(from, to, ended at, the ending step's label): work happens after acceptance and before
        closure is asked for, the case is ended, or the demo's now."""
        lo, hi, end, end_note = opened, _NOW_TS, None, None
        for (step, _), at in zip(steps, stamps[1:]):
            if step == "accept":
                lo = at
            elif step in ("request_closure", "terminate", "transfer", "reject", "close"):
                hi = min(hi, at)
        if status in _ENDED:
            end, end_note = stamps[-1], _STEPS[steps[-1][0]][0]
        return lo, max(hi, lo + 1), end, end_note

    def take(self, done: int) -> Batch:
        """Hand over the rows made since the last call."""
        work, clocks = self.work.take()
        batch = Batch(done, self.people.rows, self.cases, self.parties, self.events, self.docs,
                      [(*key, self.seqs[key]) for key in sorted(self.touched)], work, clocks)
        self.people.rows = []
        self.cases, self.parties, self.events, self.docs = [], [], [], []
        self.touched = set()
        return batch
