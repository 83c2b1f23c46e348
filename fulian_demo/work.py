"""The later work on a demo case, as the services would have recorded it: intake records, referrals,
screening registers, online leads and attachments here; mediation in work_mediation.py; crisis
intervention and counselling in work_crisis.py.

Pure Python like cases.py: `WorkMaker.add(ctx)` appends row tuples (work_tables.py column order)
and timeline events for one case, all inside the case's life: work starts when the case is
accepted and stops when closure is requested, it is terminated or transferred, or at the demo's
"now". Enum values, JSON shapes and event texts follow the services that write the same records.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, Callable

from fulian_desktop.domain.attachments import format_size
from fulian_desktop.domain.clocks import RULES, ClockKind, ClockState, due
from fulian_desktop.domain.enums import CaseSource
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.referral_rules import (
    SHAREABLE_ITEMS, AgencyStatus, AgencyType, Consent, TierDirection, TierStatus, check_shared_items,
)
from fulian_desktop.domain.screening_rules import RiskLevel as ScreenLevel
from fulian_desktop.domain.screening_rules import next_visit_due
from fulian_desktop.domain.workcalendar import WorkCalendar
from . import narratives_work as nw
from . import work_crisis, work_mediation
from .dice import Dice
from .orgtree import Unit
from .people import Pers
from .places import landline, mobile
from .work_time import DAY, day_ts, fmt, iso, local_day, office
from .writer import Values, ts_datetime
from .work_tables import WORK_TABLES

SIGNING_ROLES = ("applicant", "respondent", "victim")
_MARITAL_YOUNG = ("single", "single", "married", "unknown")
_MARITAL_OLDER = ("married", "married", "married", "divorced", "widowed", "unknown")
# Cases closed longer ago than this get no sessions, assessments … written out: the demo is a year of
# work in detail on top of older, closed files (the detail roughly doubles the time to make the rows).
FULL_WORK_DAYS = 365


class Ctx:
    """What the work of one case needs to know about it (set by cases.CaseMaker)."""

    __slots__ = ("id", "no", "kind", "status", "unit", "uid", "handler", "desk", "opened", "lo", "hi", "end", "end_note",
                 "parties", "sc", "source", "family", "title", "summary", "outcome", "major", "dv", "facts", "request",
                 "settled")

    def __init__(self, **kw: Any) -> None:
        for key in self.__slots__:
            setattr(self, key, kw.get(key))

    def party(self, *roles: str) -> tuple[str, Pers, str] | None:
        return next((p for p in self.parties if p[2] in roles), None)

    @property
    def signatories(self) -> list[tuple[str, Pers, str]]:
        return [p for p in self.parties if p[2] in SIGNING_ROLES]

    @property
    def is_open(self) -> bool:
        return self.end is None


class WorkMaker:
    """Builds the work rows of each case into per-table buffers; the case maker owns the event list."""

    def __init__(self, dice: Dice, new_id: Callable[[], str], values: Values, units: list[Unit],
                 blobs: list[tuple[str, str, int, str]], now_ts: int, events: Callable[[], list]) -> None:
        self.dice, self.new_id, self.values, self.units = dice, new_id, values, units
        self.blobs = {kind: (sha, size, media) for kind, sha, size, media in blobs}
        self.now = now_ts
        self._events = events  # the case maker's current event buffer
        self.cal = WorkCalendar()
        self._due: dict[tuple[str, date], int] = {}  # day-counted deadlines by (kind, start day): the calendar is slow
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in WORK_TABLES}
        self.clocks: list[tuple[Any, ...]] = []
        self.by_id = {u.id: u for u in units}
        self.state: dict[str, Any] = {"expiring_order": False}  # one protection order due to lapse soon
        self.targets: dict[str, str] = {}  # this case's records a file may be attached to (order, agreement …)

    # --- shared helpers ------------------------------------------------------------------------------
    def rec(self, ctx: Ctx, ts: int) -> tuple[Any, ...]:
        v = self.values.ts(ts)
        return (ctx.uid, v, v, 1, None)

    def add(self, table: str, ctx: Ctx, ts: int, *row: Any) -> None:
        self.rows[table].append(row + self.rec(ctx, ts))

    def event(self, ctx: Ctx, ts: int, kind: str, summary: str, data: dict[str, Any] | None = None,
              actor: tuple[str | None, str] | None = None) -> None:
        who = actor or ctx.handler
        v = self.values.ts(ts)
        self._events().append((self.new_id(), ctx.id, kind, v, who[0], who[1], summary,
                               self.values.js(data), ctx.uid, v, v, 1, None))

    def points(self, lo: int, hi: int, n: int) -> list[int]:
        """n increasing office-hour moments strictly inside (lo, hi)."""
        ri = self.dice.ri
        if hi - lo < 2 * n + 2:
            return [lo + i + 1 for i in range(n)]
        raw = sorted(ri(lo + 1, hi - 1) for _ in range(n))
        out, prev = [], lo
        for t in raw:
            t = min(max(office(t), prev + 1), hi - (n - len(out)))
            out.append(t)
            prev = t
        return out

    def clock(self, ctx: Ctx, kind: ClockKind, started: int, *, urgent: bool = False, stop: int | None = None,
              note: str | None = None, last_day: date | None = None) -> str:
        """A clock row as services.clocks.clocks._start makes it; `last_day` fixes a court's shorter deadline."""
        start = ts_datetime(started)
        override = None
        if last_day is not None:
            override = datetime.combine(last_day, time(0), tzinfo=LOCAL_TZ).timestamp() + DAY
            due_ts = int(override)
        else:
            if RULES[kind].unit == "hours":
                due_ts = int(due(ClockState(kind, start, urgent=urgent), self.cal).due_at.timestamp())
            else:
                key = (kind.value, local_day(started))
                due_ts = self._due.get(key)  # type: ignore[assignment]
                if due_ts is None:
                    due_ts = self._due[key] = int(due(ClockState(kind, key[1]), self.cal).due_at.timestamp())
        ts = self.values.ts
        clock_id = self.new_id()
        self.clocks.append((clock_id, ctx.id, kind.value, ts(started), urgent, None, 0, 0, ts(due_ts),
                            ts(stop) if stop is not None else None, note if stop is not None else None,
                            ts(int(override)) if override is not None else None) + self.rec(ctx, started))
        return clock_id

    def take(self) -> tuple[dict[str, list[tuple[Any, ...]]], list[tuple[Any, ...]]]:
        rows, clocks = self.rows, self.clocks
        self.rows = {name: [] for name in WORK_TABLES}
        self.clocks = []
        return rows, clocks

    # --- one case ------------------------------------------------------------------------------------
    def make(self, ctx: Ctx) -> None:
        rand = self.dice.random
        self.targets = {}
        self._intake(ctx)
        if ctx.sc.dv:
            self._minor_note(ctx)
        if ctx.end is not None and ctx.end < self.now - FULL_WORK_DAYS * DAY:
            # An old case, long closed: how it came in (register, screening, lead) is kept, and a mediation's
            # sessions and agreement (what its closing reason speaks of); the rest of its day-to-day work is
            # not, which keeps a 100,000-case demo quick to make (see FULL_WORK_DAYS).
            if ctx.kind == "mediation" and ctx.status in ("closed", "terminated"):
                work_mediation.mediate(self, ctx, lean=True)
            self._screening(ctx, from_case_only=True)
            self._lead(ctx, from_case_only=True)
            return
        worked = ctx.status in ("in_progress", "pending_closure", "closed", "terminated", "accepted")
        if worked:
            if ctx.kind == "mediation":
                work_mediation.mediate(self, ctx)
            if ctx.sc.dv or ctx.kind == "crisis":
                work_crisis.intervene(self, ctx)
            if ctx.kind == "counselling" or (ctx.sc.dv and rand() < 0.2) or ctx.sc.key == "suicide_risk":
                work_crisis.counsel(self, ctx)
            self._agency_referral(ctx)
        self._tier_referral(ctx)
        self._screening(ctx)
        self._lead(ctx)
        # A handful of small files: more often where there are papers to keep (orders, letters, receipts).
        if worked and rand() < (0.4 if self.targets else 0.03):
            self._attachment(ctx)

    # --- 信访接待登记 --------------------------------------------------------------------------------
    def _intake(self, ctx: Ctx) -> None:
        """Petitions from the desk open their case through the register (accepted, rejected or
        transferred at once); other applications are registered and joined to the case they opened.
        Now and then the same desk also answers a caller or visitor without a case."""
        dice, rand = self.dice, self.dice.random
        if rand() < 0.3 and ctx.opened >= self.now - FULL_WORK_DAYS * DAY:
            self._desk_answer(ctx)
        if ctx.source not in (CaseSource.APPLICATION, CaseSource.PETITION):
            return
        a = ctx.party("applicant")
        assert a is not None
        pid, person, _ = a
        joined = ctx.kind != "petition"
        if ctx.kind == "petition":
            decision = {"rejected": IntakeDecision.REJECT, "transferred": IntakeDecision.TRANSFER}.get(
                ctx.status, IntakeDecision.ACCEPT)
            if decision == IntakeDecision.ACCEPT and ctx.status == "registered":
                return  # registered by hand, not yet decided: no register entry
        else:
            decision = IntakeDecision.ACCEPT
        r = rand()
        channel = Channel.VISIT if r < 0.62 else Channel.CALL if r < 0.82 else Channel.ONLINE if r < 0.94 \
            else Channel.LETTER
        group = ctx.kind == "petition" and channel == Channel.VISIT and rand() < 0.05
        count = dice.ri(3, 12) if group else 1
        reps = [person.surname + person.given] + [self._any_name() for _ in range(min(count, 5) - 1)] if group else []
        at = ctx.opened + (0 if not joined else dice.ri(120, 1800))
        note = None
        transfer_to = None
        if decision == IntakeDecision.REJECT:
            note = dice.pick(("不属于妇联职责范围，已告知向有关部门反映。", "该事项已进入诉讼程序，不予受理。"))
        elif decision == IntakeDecision.TRANSFER:
            transfer_to = dice.pick(nw.TRANSFER_TO)
        age = (local_day(ctx.opened).toordinal() - person.birth) // 365
        # 婚姻状况 and 联系方式 as on the person's record; 事实和理由 as told at the desk, the request apart.
        marital = person.marital or "unknown"
        contact = person.phone or landline(dice)
        self.add("intake_record", ctx, at, self.new_id(), channel.value, self.values.ts(at), person.id,
                 person.surname + person.given, "male" if person.male else "female", age, marital, person.address,
                 contact, count, group, self.values.js(reps or None), ctx.request, ctx.facts, ctx.sc.category,
                 ctx.sc.sub,
                 decision.value, note, False, ctx.id, ctx.desk[0], transfer_to)
        marks = [channel.label, f"{count}人"] + (["集体访"] if group else [])
        head = "信访接待登记并入本案" if joined else "信访接待登记"
        self.event(ctx, at + 1, "intake", f"{head}（{'，'.join(marks)}）：{decision.label}",
                   {"intake_id": self.rows["intake_record"][-1][0], "channel": channel.value,
                    "decision": decision.value, "transfer_to": transfer_to}, actor=ctx.desk)

    def _minor_note(self, ctx: Ctx) -> None:
        """A child in a home with violence is written down on the case at once, with what the law asks
        (反家庭暴力法第十四条: a report to the police); the report itself is the handler's task."""
        child = ctx.party("minor_child") or (ctx.party("victim") if ctx.sc.cast == "dv_child" else None)
        if child is None:
            return
        person = child[1]
        age = (local_day(ctx.opened).toordinal() - person.birth) // 365
        hurt = child[2] == "victim"
        what = "遭受家庭暴力" if hurt else "生活在有家庭暴力的家庭中（目睹暴力）"
        at = min(ctx.lo + 1, self.now - 1)
        self.event(ctx, at, "note",
                   f"未成年人{person.surname}某（{age}岁）{what}。依《反家庭暴力法》第十四条，"
                   "学校、医疗机构、居（村）民委员会等发现无民事行为能力人、限制民事行为能力人遭受或疑似遭受家庭暴力的，"
                   "应当及时向公安机关报案；承办人已记录，跟进报告和儿童的安全安排。",
                   {"minor_party_id": child[0], "minor_age": age, "kind": "minor_in_dv_home"})

    def _desk_answer(self, ctx: Ctx) -> None:
        """当场答复 / 咨询 at the same desk: counted in the register, no case, no person on file."""
        dice = self.dice
        at = office(ctx.opened + dice.ri(-20, 20) * DAY)
        if at >= self.now or at < ctx.opened - 30 * DAY:
            return
        n = int(dice.random() * len(nw.CONSULTATIONS))
        text, category, sub = nw.CONSULTATIONS[n]
        consult = dice.random() < 0.55
        decision = IntakeDecision.CONSULTATION if consult else IntakeDecision.ANSWERED
        channel = Channel.CALL if dice.random() < 0.55 else Channel.VISIT
        male = dice.random() < 0.2
        age = dice.ri(22, 70)
        # What the visitor says of herself; a caller's number is on the desk phone even when she gives no name.
        marital = dice.pick(_MARITAL_YOUNG if age < 30 else _MARITAL_OLDER)
        contact = mobile(dice) if age < 65 or dice.random() < 0.6 else landline(dice)
        self.add("intake_record", ctx, at, self.new_id(), channel.value, self.values.ts(at), None,
                 self._any_name(male) if dice.random() < 0.7 else "匿名", "male" if male else "female",
                 age, marital, None, contact, 1, False, None, text, nw.CONSULTATION_FACTS[n], category, sub,
                 decision.value, dice.pick(nw.ANSWERS), False, None, ctx.desk[0], None)

    def _any_name(self, male: bool = False) -> str:
        from .names import SURNAMES
        dice = self.dice
        given = dice.pick(("秀英", "桂兰", "丽", "芳", "敏", "静", "海燕", "红梅", "志强", "建军", "伟", "勇"))
        return dice.pick(SURNAMES[:60]) + (given if not male else dice.pick(("志强", "建军", "伟", "勇", "国平")))

    # --- referrals -----------------------------------------------------------------------------------
    def _tier_referral(self, ctx: Ctx) -> None:
        """上报 to the parent unit: waiting, sent back, or taken back by the sender."""
        unit = ctx.unit
        if unit.tier == "district" or unit.parent_id not in self.by_id or ctx.kind == "counselling":
            return
        dice = self.dice
        if dice.random() > (0.1 if unit.tier == "village" else 0.06):
            return
        lo, hi = ctx.lo, ctx.hi
        if hi - lo < 3600:
            return
        parent = self.by_id[unit.parent_id]
        sent = self.points(lo, hi, 1)[0]
        reason = dice.pick(nw.ESCALATE_REASONS)
        if ctx.is_open and self.now - sent < 12 * DAY:
            status, responded, note = TierStatus.PENDING, None, None
        elif dice.random() < 0.8:
            status = TierStatus.RETURNED
            responded, note = min(sent + dice.ri(3600, 5 * DAY), hi - 1), dice.pick(nw.RETURN_REASONS)
        else:
            status = TierStatus.WITHDRAWN
            responded, note = min(sent + dice.ri(3600, 3 * DAY), hi - 1), dice.pick(nw.WITHDRAW_REASONS)
        if responded is not None and responded <= sent:
            return
        rid = self.new_id()
        receiver = dice.pick(parent.handlers) if parent.handlers else (None, parent.name)
        is_return = status == TierStatus.RETURNED
        self.add("referral", ctx, sent, rid, ctx.id, "tier", ctx.uid, parent.id, None, None, status.value, reason,
                 Consent.NOT_NEEDED.value, None, None, ctx.handler[0], ctx.handler[1], self.values.ts(sent),
                 receiver[1] if is_return else None, self.values.ts(responded) if is_return else None,
                 note if is_return else None, None)
        direction = TierDirection.ESCALATE
        self.event(ctx, sent, "referral_sent", f"{direction.label}给{parent.name}（待接收）：{reason}",
                   {"referral_id": rid, "status": TierStatus.PENDING.value, "direction": direction.value,
                    "from_unit_id": ctx.uid, "to_unit_id": parent.id, "reason": reason})
        if status == TierStatus.RETURNED:
            self.event(ctx, responded, "referral_returned",
                       f"{parent.name}退回转介，案件仍由{unit.name}办理：{note}",
                       {"referral_id": rid, "status": status.value, "reason": note}, actor=receiver)
        elif status == TierStatus.WITHDRAWN:
            self.event(ctx, responded, "referral_withdrawn", f"撤回给{parent.name}的转介：{note}",
                       {"referral_id": rid, "status": status.value, "reason": note})

    def _agency_referral(self, ctx: Ctx) -> None:
        """部门转介 with the person's consent, and the agency's answer and feedback."""
        dice, rand = self.dice, self.dice.random
        kind, sc = ctx.kind, ctx.sc
        if kind == "legal_aid":
            chance, types = 0.7, ("legal_aid",)
        elif sc.dv:
            chance, types = 0.45, ("police", "legal_aid", "civil_affairs", "court", "health")
        elif kind == "counselling":
            chance, types = 0.1, ("counselling", "education")
        elif kind == "petition":
            chance, types = 0.12, ("legal_aid", "justice_office", "court")
        else:
            chance, types = 0.05, ("legal_aid", "justice_office")
        if rand() > chance or ctx.hi - ctx.lo < 7200:
            return
        agency = AgencyType(dice.pick(types))
        names, reasons, feedbacks = nw.AGENCIES[agency.value]
        town = ctx.unit if ctx.unit.tier == "town" else self.by_id.get(ctx.unit.parent_id or "", ctx.unit)
        short = town.name if town.tier == "town" else "高塘岭街道"
        name = dice.pick(names).format(S=short.replace("街道", "").replace("镇", "") + "派出所"
                                       if agency == AgencyType.POLICE else short)
        reason = dice.pick(reasons).rstrip("。")
        items = ["基本情况", "案情摘要"] + (["联系方式"] if rand() < 0.5 else []) + \
            (["危险评估"] if sc.dv else []) + (["身份证明"] if agency == AgencyType.LEGAL_AID else [])
        items = list(check_shared_items(i for i in items if i in SHAREABLE_ITEMS))
        sent = self.points(ctx.lo, ctx.hi, 1)[0]
        override = rand() < 0.04 and ctx.unit.supervisors
        consent = Consent.OVERRIDE if override else Consent.GIVEN
        if override:
            items = [i for i in items if i != "联系方式"]
            who = ctx.unit.supervisors[0]
            consent_note = f"督导 {who[1]} 于 {fmt(sent)} 决定未经当事人同意转介：当事人情绪失控无法表达意愿，情况紧急。"
        else:
            consent_note = f"当事人同意转介及共享所列内容（{ctx.handler[1]} 于 {fmt(sent)} 登记）"
        r = rand()
        answered = min(office(sent + dice.ri(1800, 3 * DAY)), self.now - 60)
        if answered <= sent:
            answered = sent + 1800
        if (self.now - sent < 2 * DAY and ctx.is_open) or answered >= self.now - 60:
            status = AgencyStatus.SENT
        elif r < 0.08:
            status = AgencyStatus.REFUSED
        elif r < 0.3:
            status = AgencyStatus.RECEIVED
        else:
            status = AgencyStatus.FEEDBACK
        contact = self._any_name(dice.random() < 0.4)
        refused = status == AgencyStatus.REFUSED
        note = dice.pick(nw.REFUSALS) if refused else None
        feedback = dice.pick(feedbacks) if status == AgencyStatus.FEEDBACK else None
        rid = self.new_id()
        self.add("referral", ctx, sent, rid, ctx.id, "agency", ctx.uid, None, agency.value, name, status.value,
                 reason, consent.value, consent_note, self.values.js(items), ctx.handler[0], ctx.handler[1],
                 self.values.ts(sent), contact if status != AgencyStatus.SENT else None,
                 self.values.ts(answered) if status != AgencyStatus.SENT else None, note, feedback)
        consent_text = "当事人同意" if consent == Consent.GIVEN else "督导决定免于同意"
        self.event(ctx, sent, "referral_sent",
                   f"转介至{name}（{agency.label}）：{reason}；共享：{'、'.join(items)}；{consent_text}",
                   {"referral_id": rid, "status": AgencyStatus.SENT.value, "agency_type": agency.value,
                    "agency_name": name, "reason": reason, "shared_items": items, "consent": consent.value})
        if status == AgencyStatus.SENT:
            return
        first = AgencyStatus.REFUSED if refused else AgencyStatus.RECEIVED
        hours = (answered - sent) / 3600
        self.event(ctx, answered, "referral_" + first.value,
                   f"{name}{first.label}转介（答复人：{contact}，用时 {hours:.1f} 小时）" + (f"：{note}" if note else ""),
                   {"referral_id": rid, "status": first.value, "note": note, "responded_by": contact,
                    "responded_at": iso(answered)})
        if feedback:
            at = min(answered + dice.ri(DAY, 10 * DAY), self.now - 30)
            self.event(ctx, max(at, answered + 1), "referral_feedback", f"{name}反馈：{feedback}",
                       {"referral_id": rid, "status": AgencyStatus.FEEDBACK.value, "feedback": feedback})

    # --- 矛盾纠纷排查 and 网络舆情 -----------------------------------------------------------------------
    def _screening(self, ctx: Ctx, from_case_only: bool = False) -> None:
        """A case found by screening comes from an entry on its village's register (已转案件, its
        history copied onto the timeline); villages also keep entries that are still visited or resolved."""
        if ctx.unit.tier != "village":
            return
        dice = self.dice
        if ctx.source == CaseSource.SCREENING:
            self._entry(ctx, from_case=True)
        if not from_case_only and dice.random() < 0.3:
            self._entry(ctx, from_case=False)

    def _entry(self, ctx: Ctx, *, from_case: bool) -> None:
        dice, rand = self.dice, self.dice.random
        unit = ctx.unit
        who = dice.pick(unit.handlers) if unit.handlers else ctx.handler
        every = dice.pick((30, 30, 30, 14, 60))
        if from_case:
            a = ctx.party("applicant")
            assert a is not None
            person = a[1]
            subject, person_id, address = person.surname + person.given, person.id, person.address
            reason = ctx.title + "，列入重点关注。"
            category = ctx.sc.dispute
            start = ctx.opened - dice.ri(20, 120) * DAY
            stop = ctx.opened - 3600
        else:
            subject = self._any_name(rand() < 0.5)[:1] + dice.pick(("某某家", "某某户", "某家"))
            subject = subject + "（" + dice.pick(("夫妻", "兄弟", "婆媳", "父子", "邻里")) + "）"
            person_id, address = None, unit.base + f"{dice.ri(1, 15)}组"
            reason, category = dice.pick(nw.SCREEN_REASONS)
            start = ctx.opened + dice.ri(0, 10) * DAY
            stop = self.now
        if start >= self.now - DAY:
            return
        start = office(start)
        level = dice.pick((ScreenLevel.HIGH, ScreenLevel.MEDIUM, ScreenLevel.MEDIUM, ScreenLevel.LOW))
        visits: list[tuple[date, str, str, str]] = []
        day = local_day(start)
        last_allowed = local_day(stop)
        resolved_on = None
        recent = self.now - start < 300 * DAY
        n_max = dice.ri(1, 3) if from_case else dice.ri(1, 6)  # a case is opened after a few visits
        while len(visits) < n_max:
            day = next_visit_due(day, every) + timedelta(days=dice.ri(-5, 6))
            if day >= last_allowed:
                break
            if rand() < 0.35:
                level = {ScreenLevel.HIGH: ScreenLevel.MEDIUM, ScreenLevel.MEDIUM: ScreenLevel.LOW}.get(level, level)
            elif rand() < 0.1:
                level = ScreenLevel.HIGH
            method = "phone" if rand() < 0.3 else "visit"
            visits.append((day, dice.pick(nw.VISIT_FINDINGS[level.value]), level.value, method))
        if from_case:
            status = "case_opened"
        elif not recent or (level == ScreenLevel.LOW and visits and rand() < 0.6):
            status = "resolved"
            resolved_on = (visits[-1][0] if visits else local_day(start)) + timedelta(
                days=dice.ri(1, 20))
            if resolved_on >= local_day(self.now):
                resolved_on, status = None, "active"
        else:
            status = "active"
        base = visits[-1][0] if visits else local_day(start)
        entry_id = self.new_id()
        first_level = visits[0][2] if visits else level.value
        self.add("screening_entry", ctx, start, entry_id, subject, person_id, address,
                 level.value, reason, who[0], who[1], every, self.values.day(next_visit_due(base, every)), status,
                 ctx.id if from_case else None, category, self.values.day(resolved_on) if resolved_on else None,
                 dice.pick(nw.RESOLUTIONS) if resolved_on else None)
        for vday, findings, vlevel, _method in visits:
            at = day_ts(vday, 10)
            self.add("screening_visit", ctx, at, self.new_id(), entry_id, self.values.day(vday), who[1], findings,
                     vlevel, method)
        if not from_case:
            return
        # open_case_from_entry copies the register history onto the new case's timeline.
        labels = {"high": "高", "medium": "中", "low": "低"}
        self.event(ctx, min(start, ctx.opened - 2), "screening_entry",
                   f"列入矛盾纠纷排查台账（风险{labels[first_level]}）：{reason}",
                   {"entry_id": entry_id}, actor=(who[0], who[1]))
        for vday, findings, vlevel, _method in visits:
            self.event(ctx, min(day_ts(vday, 10), ctx.opened - 1), "screening_visit",
                       f"排查走访（{vday.isoformat()}，风险{labels[vlevel]}）：{findings}", {"entry_id": entry_id},
                       actor=(who[0], who[1]))
        self.event(ctx, ctx.opened, "from_screening", f"由矛盾纠纷排查台账转为案件：{subject}",
                   {"entry_id": entry_id}, actor=ctx.desk)

    def _lead(self, ctx: Ctx, from_case_only: bool = False) -> None:
        dice, rand = self.dice, self.dice.random
        place = ctx.unit.name
        if ctx.source == CaseSource.ONLINE_OPINION:
            seen = local_day(ctx.opened) - timedelta(days=dice.ri(0, 2))
            lead_id = self.new_id()
            self.add("online_lead", ctx, ctx.opened, lead_id, dice.pick(nw.LEAD_PLACES),
                     dice.pick(nw.LEADS).format(P=place), self.values.day(seen), ctx.id, "case_opened", None)
            self.event(ctx, ctx.opened, "from_online_lead", "由网络舆情线索立案", {"lead_id": lead_id},
                       actor=ctx.desk)
        elif not from_case_only and rand() < 0.025:
            at = office(ctx.opened + dice.ri(0, 5) * DAY)
            if at >= self.now:
                return
            recent = self.now - at < 20 * DAY
            status, outcome = ("open", None) if recent and rand() < 0.7 else ("dismissed", dice.pick(nw.LEAD_DISMISSALS))
            self.add("online_lead", ctx, at, self.new_id(), dice.pick(nw.LEAD_PLACES),
                     dice.pick(nw.LEADS).format(P=place), self.values.day(local_day(at)), None, status, outcome)

    # --- attachments ---------------------------------------------------------------------------------
    def _attachment(self, ctx: Ctx) -> None:
        """A small file or two: the same few demo files (one blob each), named for this case."""
        if not self.blobs:
            return
        dice = self.dice
        options = ["id_proof", "evidence"] + (["letter"] if ctx.kind == "petition" else [])
        target = self.targets
        if "order" in target:
            options.append("protection_order")
        if "warning" in target:
            options.append("police_warning")
        if "agreement" in target:
            options.append("performance_proof")
        doc_type = dice.pick(options)
        blob_kind = {"id_proof": "png_scan", "letter": "png_scan", "evidence": "png_photo"}.get(doc_type, "pdf")
        if blob_kind not in self.blobs:
            return
        sha, size, media = self.blobs[blob_kind]
        stems, descriptions = nw.ATTACHMENT_WORDS[doc_type]
        a = ctx.party("applicant")
        owner = (a[1].surname + a[1].given) if a else ""
        ext = ".png" if media == "image/png" else ".pdf"
        filename = f"{dice.pick(stems)}_{owner}{ext}"
        at = self.points(ctx.lo, ctx.hi, 1)[0] if ctx.hi - ctx.lo > 10 else ctx.lo
        tkind, tid = {"protection_order": ("action", target.get("order")),
                      "police_warning": ("action", target.get("warning")),
                      "performance_proof": ("agreement", target.get("agreement")),
                      "id_proof": ("party", a[0] if a else None)}.get(doc_type, (None, None))
        if tid is None:
            tkind = None
        label = {"evidence": "证据材料", "id_proof": "身份证明", "letter": "来信", "police_warning": "告诫书",
                 "protection_order": "保护令", "performance_proof": "履行凭证"}[doc_type]
        row_id = self.new_id()
        self.add("attachment", ctx, at, row_id, ctx.id, tkind, tid, doc_type, dice.pick(descriptions), filename,
                 media, size, sha, False, ctx.handler[0], ctx.handler[1])
        kb = format_size(size)
        self.event(ctx, at, "attachment_added", f"添加{label}：{filename}（{kb}）",
                   {"attachment_id": row_id, "doc_type": doc_type})
