"""Fill a store with realistic, reproducible demo data: org tree, staff, people and cases.

Everything is drawn from one `random.Random(seed)`, so the same seed on the same starting
store gives the same rows (ids included). Rows go in with Core executemany, one transaction
per chunk of cases, in opening order: a cancelled run leaves whole cases, gap-free numbers
and counters that match.
"""
from __future__ import annotations

import random
import time
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from itertools import accumulate
from typing import Any, Callable

from sqlalchemy import Connection, bindparam, func, select, update

from ..domain.enums import CaseKind, CaseSource, CaseStatus
from ..domain.workflow import Transition
from ..security.passwords import hash_password
from ..services.search import spaced
from ..store.models import Case, CaseCounter, CaseSearchDoc, OrgUnit
from . import narratives as nv
from .dice import Dice, cumulative
from .names import NameMaker
from .orgtree import Unit, create_tree, create_users, load_units
from .people import PeopleMaker, Pers
from .writer import Writer, drop_secondary_indexes, fast_bulk_session, has_search_index, recreate_indexes

DEMO_PASSWORD = "Demo2026!"
# The demo's "now": fixed, so a seed always gives the same data whatever the clock says.
DEMO_NOW = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)  # 10:00 in Changsha
SETUP_AT = datetime(2022, 1, 4, 1, 30, tzinfo=timezone.utc)
CHUNK = 500  # cases per executemany flush and progress report (about 4,000 rows)
TX_CASES = 10_000  # cases per transaction
BULK_MIN_CASES = 5_000  # from this many cases on (into a smaller store), load as one transaction

_UTC = timezone.utc
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)
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


class _Story(dict):  # type: ignore[type-arg]
    """Template values; the random ones are drawn only when a template asks for them."""

    def __init__(self, dice: Dice, age: int, child_age: int | None) -> None:
        super().__init__(AGE=age)
        self._dice, self._child_age = dice, child_age

    def __missing__(self, key: str) -> Any:
        ri = self._dice.ri
        if key == "Y":
            value: Any = ri(1, max(1, min(35, self["AGE"] - 21)))
        elif key == "CAGE":
            value = self._child_age if self._child_age is not None else ri(8, 16)
        elif key == "K":
            value = self._dice.pick(nv.KIDS)
        elif key == "M":
            value = f"{ri(2, 60) / 2:g}"
        elif key == "N":
            value = ri(2, 18)
        elif key == "D":
            value = ri(1, 20)
        else:
            raise KeyError(key)
        self[key] = value
        return value


@dataclass(frozen=True)
class DemoSummary:
    units: int
    users: int
    persons: int
    cases: int
    seconds: float


def _id_maker(rng: random.Random) -> Callable[[], str]:
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


def _load_counters(conn: Connection, units: list[Unit]) -> dict[tuple[int, int, int], int]:
    """Highest sequence already used per (unit, kind, year), from counters and from cases."""
    ix = {u.id: n for n, u in enumerate(units)}
    kx = {k.value: n for n, k in enumerate(KINDS)}
    found: dict[tuple[int, int, int], int] = {}
    c, f = CaseCounter.__table__, Case.__table__
    rows = list(conn.execute(select(c.c.owner_unit_id, c.c.kind, c.c.year, c.c.last_seq)).all())
    rows += conn.execute(select(f.c.owner_unit_id, f.c.kind, f.c.case_year, func.max(f.c.case_seq))
                         .group_by(f.c.owner_unit_id, f.c.kind, f.c.case_year)).all()
    for owner, kind, year, seq in rows:
        if owner in ix and kind in kx:
            key = (ix[owner], kx[kind], year)
            found[key] = max(found.get(key, 0), seq or 0)
    return found


class _CaseMaker:
    """Builds the rows of one case at a time into chunk buffers (tuples in writer column order)."""

    def __init__(self, dice: Dice, units: list[Unit], new_id: Callable[[], str], people: PeopleMaker,
                 seqs: dict[tuple[int, int, int], int], writer: Writer, next_doc: int) -> None:
        self.dice, self.units, self.new_id, self.people, self.seqs = dice, units, new_id, people, seqs
        self.writer = writer
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
        opened = self.writer.ts(ts)
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
        second_role = "other" if sc.key in _NOT_ADVERSARIAL or (kv == "counselling" and not sc.dv) else None
        has_victim = any(role == "victim" for role, _, _ in cast)
        involves_minor = sc.key in _MINOR_SCENARIOS
        applicant = respondent = victim = child = None
        parties = self.parties
        names: list[str] = []
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
            parties.append((new_id(), case_id, person.id, role, confidential, unit_id, opened, opened, 1, None))
            names.append(person.surname + person.given)
        assert applicant is not None and respondent is not None
        if victim is not None and sc.cast in _MINOR_VICTIM_CASTS:
            child = victim
        title, summary = self._story(sc, unit, applicant, respondent, victim, child)

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
        status, _, last = self._timeline(ts, kv, unit_id, case_id, case_no, source, handler, desk)
        self.cases.append((
            case_id, case_no, year, seq, kv, title, unit.tier, status, sc.category, sc.sub,
            sc.dispute if kv == "mediation" else None, source.value, urgency, major, involves_minor, dv,
            handler[0], summary, opened, last if status == "closed" else None, unit_id, opened, last, 1, None,
        ))
        if self.writer.search:
            self.docs.append((self.next_doc, case_id, spaced(" ".join((title, summary, *names)))))
            self.next_doc += 1

    def _story(self, sc: nv.Scenario, unit: Unit, applicant: Pers, respondent: Pers, victim: Pers | None,
               child: Pers | None) -> tuple[str, str]:
        """Title and 2-4 sentence summary from the scenario's templates."""
        dice = self.dice
        rand, pick = dice.random, dice.pick
        people = self.people
        a_age = people.age(applicant)
        ctx = _Story(dice, a_age, people.age(child) if child else None)
        a, r = applicant.masked, respondent.masked
        v = victim.masked if victim else a
        if a == r:  # 王某甲 and 王某乙, as case papers tell same-named parties apart
            a, r = applicant.surname + "某甲", respondent.surname + "某乙"
        if victim and victim.surname in (applicant.surname, respondent.surname) and victim is not applicant:
            v = victim.surname + "某丙"
        ctx["A"], ctx["R"], ctx["V"], ctx["P"] = a, r, v, unit.name
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
        return title, "".join(parts).format_map(ctx)

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
            steps = [("accept", None), ("start", None), ("request_closure", pick(nv.CLOSINGS[kv]))]
        elif status == "closed":
            steps = [("accept", None), ("request_closure", pick(nv.CLOSINGS[kv])), ("close", None)]
        else:  # terminated
            steps = [("accept", None), ("start", None), ("terminate", pick(nv.TERMINATIONS))]

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
        ts_value, new_id, rows, json = self.writer.ts, self.new_id, self.events, self.writer.json
        prev, last = ts, None
        status_now = "registered"
        for i, at_ts in enumerate(times):
            if i:  # later events: office hours, in order, never after the demo's "now"
                at_ts = min(_office_hours(at_ts), _NOW_TS - 1)
                if at_ts <= prev:
                    at_ts = prev + 60 if prev + 60 < _NOW_TS else prev + 1
            prev = at_ts
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
                           json((status_now, target), {"from": status_now, "to": target}))
                    status_now = target
            rows.append(row + (unit_id, last, last, 1, None))
        assert status_now == status, (status_now, status)
        return status, prev, last

    def flush(self, conn: Connection, known_counters: set[tuple[int, int, int]]) -> None:
        writer, people = self.writer, self.people
        writer.insert(conn, "person", people.rows)
        writer.insert(conn, "case_file", self.cases)
        writer.insert(conn, "case_party", self.parties)
        writer.insert(conn, "case_event", self.events)
        writer.index_search(conn, self.docs)
        new, old = [], []
        for key in sorted(self.touched):
            u, k, year = key
            row = {"b_unit": self.units[u].id, "b_kind": KINDS[k].value, "b_year": year, "b_seq": self.seqs[key]}
            (old if key in known_counters else new).append(row)
        t = CaseCounter.__table__
        if new:
            conn.execute(t.insert(), [{"owner_unit_id": r["b_unit"], "kind": r["b_kind"], "year": r["b_year"],
                                       "last_seq": r["b_seq"]} for r in new])
        if old:
            conn.execute(update(t).where(t.c.owner_unit_id == bindparam("b_unit"), t.c.kind == bindparam("b_kind"),
                                         t.c.year == bindparam("b_year")).values(last_seq=bindparam("b_seq")), old)
        known_counters.update(self.touched)
        people.rows.clear()
        self.cases.clear()
        self.parties.clear()
        self.events.clear()
        self.docs.clear()
        self.touched.clear()


def generate_demo(store: Any, *, cases: int, seed: int = 2026,
                  progress: Callable[[int, int], bool] | None = None) -> DemoSummary:
    """Add `cases` demo cases (with the org tree and staff if missing) to `store`.

    `progress(done, total)` is called after each committed chunk; returning False stops
    there, leaving whole cases. Returns what was written.
    """
    started = time.perf_counter()
    rng = random.Random(seed)
    dice = Dice(rng)
    new_id = _id_maker(rng)
    names = NameMaker(dice)
    password_hash = hash_password(DEMO_PASSWORD)  # once: hashing is deliberately slow
    engine = store.write_engine

    with engine.begin() as conn:
        if conn.execute(select(func.count()).select_from(OrgUnit.__table__)).scalar_one() == 0:
            create_tree(conn, new_id, SETUP_AT)
        units = load_units(conn)
        users = create_users(conn, units, rng, names, new_id, password_hash, SETUP_AT)
        numbered = [u for u in units if u.numbered]
        seqs = _load_counters(conn, numbered)
        existing_cases = conn.execute(select(func.count()).select_from(Case.__table__)).scalar_one()
        search_index = has_search_index(conn)
        next_doc = (conn.execute(select(func.max(CaseSearchDoc.__table__.c.doc))).scalar() or 0) + 1
    known_counters = set(seqs)

    skeleton = _skeleton(rng, numbered, cases) if numbered and cases > 0 else []
    done = persons = 0
    total = len(skeleton)
    stop = False
    with engine.connect() as conn:
        writer = Writer(conn, search_index=search_index)
        # A big load into a small store runs as one transaction with the plain indexes
        # rebuilt at the end; otherwise one transaction per TX_CASES cases.
        big = writer.fast and total >= BULK_MIN_CASES and existing_cases < total
        tx_cases = max(total, 1) if big else TX_CASES
        with fast_bulk_session(conn, big=big):
            people = PeopleMaker(dice, names, new_id, writer.day)
            maker = _CaseMaker(dice, numbered, new_id, people, seqs, writer, next_doc)
            for tx_start in range(0, total, tx_cases):
                # Flushed and reported every CHUNK cases; a stop commits the whole cases so far.
                with conn.begin():
                    dropped = drop_secondary_indexes(conn) if big else []
                    for start in range(tx_start, min(tx_start + tx_cases, total), CHUNK):
                        for ts, _, u, k, year in skeleton[start:min(start + CHUNK, total)]:
                            maker.make(ts, u, k, year)
                        persons += len(people.rows)
                        maker.flush(conn, known_counters)
                        done = min(start + CHUNK, total)
                        if progress is not None and progress(done, total) is False:
                            stop = True
                            break
                    recreate_indexes(conn, dropped)
                if stop:
                    break
    return DemoSummary(units=len(units), users=users, persons=persons, cases=done,
                       seconds=round(time.perf_counter() - started, 3))
