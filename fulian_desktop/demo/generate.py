"""Fill a store with realistic, reproducible demo data: org tree, staff, people and cases.

Everything is drawn from one `random.Random(seed)`, so the same seed on the same starting
store gives the same rows (ids included). Rows go in with Core executemany, one transaction
per chunk of cases, in opening order: a cancelled run leaves whole cases, gap-free numbers
and counters that match.
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from itertools import accumulate
from typing import Any, Callable

from sqlalchemy import Connection, bindparam, func, select, update

from ..domain.enums import CaseKind, CaseSource
from ..security.passwords import hash_password
from ..store.models import Case, CaseCounter, OrgUnit
from . import narratives as nv
from .dice import Dice, cumulative
from .names import NameMaker
from .orgtree import Unit, create_tree, create_users, load_units
from .people import PeopleMaker
from .writer import Writer, fast_bulk_session

DEMO_PASSWORD = "Demo2026!"
# The demo's "now": fixed, so a seed always gives the same data whatever the clock says.
DEMO_NOW = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)  # 10:00 in Changsha
SETUP_AT = datetime(2022, 1, 4, 1, 30, tzinfo=timezone.utc)
CHUNK = 500  # cases per executemany flush and progress report (about 4,000 rows)
TX_CASES = 10_000  # cases per transaction

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
_TRANSFER_AGENCIES = ("区法律援助中心", "区人民法院诉讼服务中心", "公安望城分局", "区民政局", "区信访局")


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
        h = "%032x" % ((getrandbits(128) & clear) | setbits)
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
                 seqs: dict[tuple[int, int, int], int], writer: Writer) -> None:
        self.dice, self.units, self.new_id, self.people, self.seqs = dice, units, new_id, people, seqs
        self.writer = writer
        self.cases: list[tuple[Any, ...]] = []
        self.parties: list[tuple[Any, ...]] = []
        self.events: list[tuple[Any, ...]] = []
        self.touched: set[tuple[int, int, int]] = set()
        self._sources = {}
        for kind, weights in _SOURCE_WEIGHTS.items():
            for tier in ("district", "town", "village"):
                items = [(s, w) for s, w in weights.items()
                         if not (tier == "village" and s is CaseSource.REPORTED_FROM_BELOW)]
                self._sources[kind, tier] = (tuple(s for s, _ in items), cumulative(w for _, w in items))
        by_id = {u.id: u for u in units}
        self._transfer_to = {u.id: by_id[u.parent_id].name if u.parent_id in by_id else None for u in units}
        self._kind_words = [(k.value, k.number_word, k.label) for k in KINDS]
        self._created_texts = {(k.value, s): f"登记{k.label}案件，来源：{s.label}。" for k in KINDS for s in CaseSource}

    def make(self, ts: int, u: int, k: int, year: int) -> None:
        dice = self.dice
        rand, ri, pick = dice.random, dice.ri, dice.pick
        new_id = self.new_id
        unit = self.units[u]
        kv, number_word, _ = self._kind_words[k]
        key = (u, k, year)
        seq = self.seqs.get(key, 0) + 1
        self.seqs[key] = seq
        self.touched.add(key)
        ts_value = self.writer.ts
        opened = ts_value(ts)
        case_id = new_id()
        unit_id = unit.id

        scenarios, cum = nv.KIND_SCENARIOS[kv]
        sc = dice.wpick(scenarios, cum)
        home = pick(unit.homes) if unit.homes else (unit.base, False)
        people = self.people
        opened_ord = _EPOCH_ORD + (ts + _BEIJING) // _DAY
        people.begin_case(u, unit_id, home, opened_ord, opened, 0.12 if kv == "petition" else 0.04)
        cast = people.cast(sc.cast, sc.minor)

        # Parties.
        second_role = "other" if sc.key in _NOT_ADVERSARIAL or (kv == "counselling" and not sc.dv) else None
        has_victim = any(role == "victim" for role, _, _ in cast)
        involves_minor = sc.key in ("teen_counselling", "education") or sc.cast in _MINOR_VICTIM_CASTS
        applicant = respondent = victim = child = None
        parties = self.parties
        for role, person, confidential in cast:
            if role == "applicant":
                applicant = person
                confidential = confidential or (sc.dv and not has_victim)
            elif role in ("respondent", "other"):
                respondent = person
                if second_role and role == "respondent":
                    role = second_role
            elif role == "victim":
                victim = person
            elif role == "minor_child":
                child = person
                involves_minor = True
            parties.append((new_id(), case_id, person.id, role, confidential, unit_id, opened, opened, 1, None))
        assert applicant is not None and respondent is not None

        # Title and summary.
        a_age = people.age(applicant)
        minor_person = child or (victim if sc.cast in _MINOR_VICTIM_CASTS else None)
        ctx = {
            "A": applicant.masked, "R": respondent.masked, "V": (victim or applicant).masked,
            "Y": ri(1, max(1, min(35, a_age - 21))), "AGE": a_age,
            "CAGE": people.age(minor_person) if minor_person else ri(8, 16),
            "K": pick(nv.KIDS), "M": f"{ri(2, 60) / 2:g}", "N": ri(2, 18), "D": ri(1, 20), "P": unit.name,
        }
        title = pick(sc.titles).format_map(ctx)
        parts = [pick(sc.facts)]
        if rand() < 0.8:
            parts.append(pick(sc.details))
        parts.append(pick(sc.requests))
        if rand() < 0.25:
            extra = pick(sc.details)
            if extra not in parts:
                parts.insert(-1, extra)
        summary = "".join(parts).format_map(ctx)

        # Classification and flags.
        sources, source_cum = self._sources[kv, unit.tier if unit.tier in ("district", "town") else "village"]
        source = dice.wpick(sources, source_cum)
        dv = sc.dv
        r = rand()
        if dv or kv == "crisis":
            urgency = "critical" if r < 0.2 else "urgent" if r < 0.6 else "normal"
        else:
            urgency = "critical" if r < 0.03 else "urgent" if r < 0.13 else "normal"
        major = rand() < (0.07 if kv == "crisis" else 0.015 if dv else 0.004)
        if major:
            urgency = "critical"

        # Handler.
        if kv == "counselling" and unit.counsellors:
            handler = pick(unit.counsellors)
        elif unit.handlers:
            handler = pick(unit.handlers)
        else:
            handler = None
        reception = pick(unit.receptions) if unit.receptions else handler

        # Outcome and timeline.
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

        h_id, h_name = handler if handler else (None, "系统")
        c_id, c_name = reception if reception else (None, "系统")
        events: list[tuple[str, int, str | None, str, str]] = [
            ("created", ts, c_id, c_name, self._created_texts[kv, source])]
        if status == "rejected":
            events.append(("rejected", end, h_id, h_name, pick(nv.REJECTIONS)))
        elif status == "transferred":
            target = self._transfer_to.get(unit_id) or pick(_TRANSFER_AGENCIES)
            events.append(("transferred", end, h_id, h_name, f"经研判，转交{target}办理。"))
        elif status != "registered":
            span = limit - ts
            accepted = ts + min(ri(600, (14 if kv == "petition" else 3) * _DAY), span // 3)
            events.append(("accepted", accepted, h_id, h_name, f"经审查符合受理条件，予以受理，由{h_name}承办。"))
            notes = (ri(1, 2) if status == "in_progress" else 1 if status == "pending_closure"
                     else 0 if status == "accepted" else ri(0, 1))
            note_pool = nv.NOTES[kv]
            for at in sorted(ri(accepted + 1, limit - 1) for _ in range(notes)):
                events.append(("note", at, h_id, h_name, pick(note_pool)))
            if status == "pending_closure":
                at = ri(max(events[-1][1] + 1, limit - 3 * _DAY), limit - 1)
                events.append(("closure_requested", at, h_id, h_name, pick(nv.CLOSURE_REQUESTS)))
            elif status == "closed":
                events.append(("closed", end, h_id, h_name, pick(nv.CLOSINGS[kv])))
            elif status == "terminated":
                events.append(("terminated", end, h_id, h_name, pick(nv.TERMINATIONS)))
        last = opened
        for ev_kind, at_ts, actor, actor_name, text in events:
            last = ts_value(at_ts)
            self.events.append((new_id(), case_id, ev_kind, last, actor, actor_name, text,
                                unit_id, last, last, 1, None))

        self.cases.append((
            case_id, f"（{year}）{unit.prefix}{number_word}字第{seq}号", year, seq, kv, title, unit.tier,
            status, sc.category, sc.sub, sc.dispute if kv == "mediation" else None, source.value, urgency,
            major, involves_minor, dv, h_id, summary, opened, ts_value(end) if status == "closed" else None,
            unit_id, opened, last, 1, None,
        ))

    def flush(self, conn: Connection, known_counters: set[tuple[int, int, int]]) -> None:
        writer, people = self.writer, self.people
        writer.insert(conn, "person", people.rows)
        writer.insert(conn, "case_file", self.cases)
        writer.insert(conn, "case_party", self.parties)
        writer.insert(conn, "case_event", self.events)
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
    known_counters = set(seqs)

    skeleton = _skeleton(rng, numbered, cases) if numbered and cases > 0 else []
    done = persons = 0
    total = len(skeleton)
    stop = False
    with engine.connect() as conn, fast_bulk_session(conn):
        writer = Writer(conn)
        people = PeopleMaker(dice, names, new_id, writer.day)
        maker = _CaseMaker(dice, numbered, new_id, people, seqs, writer)
        for tx_start in range(0, total, TX_CASES):
            # One transaction per TX_CASES cases (random-key indexes make small commits costly),
            # flushed and reported every CHUNK cases; a stop commits the whole cases so far.
            with conn.begin():
                for start in range(tx_start, min(tx_start + TX_CASES, total), CHUNK):
                    for ts, _, u, k, year in skeleton[start:min(start + CHUNK, total)]:
                        maker.make(ts, u, k, year)
                    persons += len(people.rows)
                    maker.flush(conn, known_counters)
                    done = min(start + CHUNK, total)
                    if progress is not None and progress(done, total) is False:
                        stop = True
                        break
            if stop:
                break
    return DemoSummary(units=len(units), users=users, persons=persons, cases=done,
                       seconds=round(time.perf_counter() - started, 3))
