"""Crisis intervention and counselling on a demo case: danger assessments (levels computed by
domain.risk.assess from the stored answers), the safety plan, the action log, protection orders
with their decision and expiry clocks, and counselling sessions — as services.crisis.crisis,
services.crisis.protection_orders and services.counselling.counselling write them.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from fulian_desktop.domain import risk
from fulian_desktop.domain import safety_plan as plan_rules
from fulian_desktop.domain.clocks import ClockKind
from fulian_desktop.domain.periods import add_months
from . import narratives_work as nw
from .places import mobile

from .work_time import DAY, day_ts, fmt, iso, local_day, office

if TYPE_CHECKING:
    from .work import Ctx, WorkMaker

_WEIGHTED = tuple(item.code for item in risk.ITEMS if not item.red_flag)
_ACTION_LABELS = {"police_called": "已报警", "warning_letter": "公安告诫书", "shelter": "临时庇护", "medical": "医疗救治",
                  "mandatory_report": "强制报告", "other": "其他"}
_MEASURES = ("no_harassment", "move_out", "no_threat_messages", "keep_away")
ORDER_MONTHS = 6  # 反家庭暴力法第三十条 (services.crisis.protection_orders.ORDER_MONTHS)


def intervene(m: WorkMaker, c: Ctx) -> None:
    if c.hi - c.lo < 120:
        return
    rand = m.dice.random
    times = iter(m.points(c.lo, c.hi, 24))
    if not c.sc.dv:  # a crisis that is not domestic violence (suicide risk …): the action log only
        for kind in ("police_called", "medical", "other"):
            if rand() < 0.4:
                _action(m, c, next(times), kind)
        return
    _assessments(m, c, times)
    if rand() < 0.7:
        _safety_plan(m, c, next(times), next(times) if rand() < 0.2 else None)
    if rand() < 0.55:
        _action(m, c, next(times), "police_called")
        if rand() < 0.45:
            m.targets["warning"] = _action(m, c, next(times), "warning_letter")
    if rand() < 0.25:
        _action(m, c, next(times), "medical")
    if rand() < 0.08:
        _action(m, c, next(times), "shelter")
    if c.sc.key == "dv_child" and rand() < 0.8:
        _action(m, c, next(times), "mandatory_report")
    if rand() < 0.25:
        _action(m, c, next(times), "other")
    forced = _wants_expiring_order(m, c)
    if forced or rand() < (0.45 if c.kind == "crisis" else 0.15) and c.hi - c.lo > 2 * DAY:
        _protection_order(m, c, next(times), forced)


# --- danger assessments ----------------------------------------------------------------------------

def _answers(m: WorkMaker, target: str) -> dict[str, bool]:
    dice = m.dice
    yes: set[str] = set()
    if target == "high":
        yes.update(dice.pick(risk.RED_FLAGS) for _ in range(dice.ri(1, 3)))
        yes.update(dice.pick(_WEIGHTED) for _ in range(dice.ri(2, 4)))
    elif target == "medium":
        while sum(risk.ITEMS_BY_CODE[c].weight for c in yes) < risk.MEDIUM_FROM:
            yes.add(dice.pick(_WEIGHTED))
        while sum(risk.ITEMS_BY_CODE[c].weight for c in yes) >= risk.HIGH_FROM:
            yes.discard(max(yes, key=lambda c: risk.ITEMS_BY_CODE[c].weight))
    else:
        for code in ("prior_police", "property_pets", "controlling"):
            if dice.random() < 0.4:
                yes.add(code)
    return {item.code: item.code in yes for item in risk.ITEMS}


def _calmer(m: WorkMaker, answers: dict[str, bool]) -> dict[str, bool]:
    """A later assessment after the intervention took hold: some yes answers no longer hold."""
    out = dict(answers)
    for code, value in answers.items():
        if value and code not in ("prior_police", "recent_separation") and m.dice.random() < 0.6:
            out[code] = False
    return out


def _worse(m: WorkMaker, answers: dict[str, bool]) -> dict[str, bool]:
    out = dict(answers)
    out["escalation"] = True
    out[m.dice.pick(_WEIGHTED)] = True
    return out


def _assessments(m: WorkMaker, c: Ctx, times: Any) -> None:
    rand = m.dice.random
    r = rand()
    target = "high" if r < 0.35 else "medium" if r < 0.78 else "low"
    answers = _answers(m, target)
    rounds = [answers]
    if rand() < 0.4:
        rounds.append(_worse(m, answers) if rand() < 0.2 else _calmer(m, answers))
        if rand() < 0.35:
            rounds.append(_calmer(m, rounds[-1]))
    previous = None
    first = next(times)
    for n, answers in enumerate(rounds):
        # Reassessed some days later, as the intervention goes on (spread over the rest of the case).
        at = first if n == 0 else min(max(office(first + (c.hi - first) * n // len(rounds)), first + n), c.hi - 1)
        override = None
        if rand() < 0.06:
            override = (risk.RiskLevel.HIGH, m.dice.pick(nw.OVERRIDE_REASONS))
        result = risk.assess(answers)
        if override and override[0] != result.computed_level:
            result = risk.override(result, override[0], override[1])
        aid = m.new_id()
        assessor = c.handler[1]
        m.add("risk_assessment", c, at, aid, c.id, m.values.ts(at), assessor, m.values.js(result.answers()),
              result.score, result.computed_level.value, m.values.js(list(result.red_flags)),
              result.final_level.value, result.override_reason)
        text = f"危险评估：{result.final_level.label}风险（得分 {result.score}"
        if result.red_flags:
            text += "；红色警示：" + "、".join(result.red_flag_labels)
        text += "）"
        if result.overridden:
            text += f"；专业判断由“{result.computed_level.label}”调高为“{result.final_level.label}”，理由：{result.override_reason}"
        trend = risk.compare(previous, result.final_level)
        if trend is not None:
            text += f"；较上次{trend.label}"
        m.event(c, at, "risk_assessed", text,
                {"assessment_id": aid, "level": result.final_level.value, "score": result.score})
        if result.final_level == risk.RiskLevel.HIGH:
            _major(m, c, at, "危险评估为高")
        previous = result.final_level


def _major(m: WorkMaker, c: Ctx, at: int, reason: str) -> None:
    """services.cases.workflow.set_major_incident: raised at once, with its timeline note."""
    if not c.dv:
        c.dv = True
        m.event(c, at, "flag_raised", f"标记为家庭暴力案件：{reason}")
    if not c.major:
        c.major = True
        m.event(c, at, "flag_raised", f"标记为重大案事件：{reason}")


# --- safety plan -----------------------------------------------------------------------------------

def _safety_plan(m: WorkMaker, c: Ctx, at: int, revised: int | None) -> None:
    dice = m.dice
    phone = mobile(dice)  # a block in use (phonenumbers), never a 194 or 154 number
    contact = f"{m._any_name()}（{dice.pick(nw.SAFE_CONTACT_RELATIONS)}）{phone}"
    first = {
        "safe_contacts": [contact],
        "code_word": dice.pick(nw.SAFETY_WORDS["code_word"]),
        "escape_route": dice.pick(nw.SAFETY_WORDS["escape_route"]),
        "go_bag": [s for s in plan_rules.SECTIONS_BY_CODE["go_bag"].suggestions if dice.random() < 0.5] or ["身份证"],
        "emergency_numbers": list(plan_rules.SECTIONS_BY_CODE["emergency_numbers"].suggestions[:3]),
        "evidence_diary": nw.SAFETY_WORDS["evidence_diary"][0] if dice.random() < 0.7 else "",
        "phone_safety": nw.SAFETY_WORDS["phone_safety"][0] if dice.random() < 0.6 else "",
        "protection_order_plan": nw.SAFETY_WORDS["protection_order_plan"][0] if dice.random() < 0.5 else "",
        "work_school": nw.SAFETY_WORDS["work_school"][0] if c.party("minor_child") else "",
    }
    sections = plan_rules.normalise(first)
    saved_at, by = at, c.handler[1]
    previous: list[dict[str, Any]] = []
    version = 1
    events = [(at, "制定安全计划（第 1 版）：" + "、".join(
        plan_rules.SECTIONS_BY_CODE[s].label for s in plan_rules.filled(sections)))]
    if revised is not None:
        later = dict(sections, protection_order_plan=nw.SAFETY_WORDS["protection_order_plan"][0],
                     phone_safety=nw.SAFETY_WORDS["phone_safety"][0])
        later = plan_rules.normalise(later)
        changed = plan_rules.changed_sections(sections, later)
        if changed:
            previous.append({"version": 1, "saved_at": iso(at), "saved_by": by, "sections": sections})
            sections, saved_at, version = later, revised, 2
            events.append((revised, "修改安全计划（第 2 版）：" + "、".join(
                plan_rules.SECTIONS_BY_CODE[s].label for s in changed)))
    pid = m.new_id()
    contents = {"sections": sections, "saved_by": by, "saved_at": iso(saved_at), "previous": previous}
    created, updated = m.values.ts(at), m.values.ts(saved_at)
    m.rows["safety_plan"].append((pid, c.id, m.values.js(contents), m.values.day(local_day(saved_at)),
                                  c.uid, created, updated, version, None))
    for n, (when, summary) in enumerate(events, start=1):
        m.event(c, when, "safety_plan_saved", summary, {"safety_plan_id": pid, "version": n})


# --- the action log --------------------------------------------------------------------------------

def _action(m: WorkMaker, c: Ctx, at: int, kind: str, *, order_id: str | None = None, summary: str | None = None,
            data: dict[str, str] | None = None, note: str | None = None) -> str:
    dice = m.dice
    if data is None:
        police = dice.pick(nw.POLICE_UNITS)
        year = local_day(at).year
        victim = c.party("victim", "minor_child") or c.party("applicant")
        data = {
            "police_called": {"police_unit": police, "receipt_no": f"{dice.ri(430112, 430112)}{year}{dice.ri(10000, 99999)}"},
            "warning_letter": {"issued_by": f"长沙市公安局望城分局{police}",
                               "letter_no": f"望公（{police[:2]}）告字〔{year}〕{dice.ri(1, 60)}号"},
            "shelter": {"shelter": dice.pick(nw.SHELTERS), "period": f"{dice.ri(3, 10)} 天"},
            "medical": {"hospital": dice.pick(nw.HOSPITALS), "injury": dice.pick(nw.INJURIES)},
            "mandatory_report": {"concerns": (victim[1].surname + victim[1].given + "（未成年人）") if victim else "未成年人",
                                 "reported_to": police},
            "other": {},
        }[kind]
        note = dice.pick(nw.ACTION_NOTES[kind])
    action_id = m.new_id()
    m.add("crisis_action", c, at, action_id, c.id, kind, m.values.ts(at), c.handler[1], note, order_id,
          m.values.js(data or None))
    label = _ACTION_LABELS.get(kind, kind)
    m.event(c, at, f"crisis_{kind}", summary or f"危机干预：{label}（{fmt(at)}）",
            {"action_id": action_id, "kind": kind, "protection_order_id": order_id})
    return action_id


# --- protection orders -----------------------------------------------------------------------------

def _wants_expiring_order(m: WorkMaker, c: Ctx) -> bool:
    """One order in the demo lapses within 14 days of "now", so the alert shows (the first DV case
    whose life allows it)."""
    return not m.state["expiring_order"] and m.now - 170 * DAY < c.lo and c.hi - c.lo > DAY


def _protection_order(m: WorkMaker, c: Ctx, applied: int, forced: bool) -> None:
    dice, rand = m.dice, m.dice.random
    js, ts, day = m.values.js, m.values.ts, m.values.day
    today = local_day(m.now)
    court = dice.pick(nw.COURTS)
    urgent = rand() < 0.3
    consent = forced or rand() < 0.95
    behalf = None if consent else c.unit.name
    capacity_note = None if consent else "受害人受加害人威吓，无法自行申请"
    measures = ["no_violence"] + [x for x in _MEASURES if rand() < 0.4]
    oid = m.new_id()
    history: list[dict[str, Any]] = []
    actor = c.handler[1]

    def log(event: str, at_text: str, when: int, **extra: Any) -> None:
        entry = {"event": event, "at": at_text, "by": actor, "recorded_at": iso(when)}
        entry.update({k: v for k, v in extra.items() if v is not None})
        history.append(entry)

    pending = c.is_open and m.now - applied < 2 * DAY and not forced
    limit = 24 if urgent else 72
    decided = None if pending else office(applied + dice.ri(2 * 3600, (limit - 1) * 3600))
    if decided is not None and decided <= applied:
        decided = applied + 3600
    if decided is not None and decided >= c.hi:  # the ruling is logged while the case is open
        decided = (applied + c.hi) // 2 if c.hi - applied > 600 else None
    granted = decided is not None and (forced or rand() < 0.85)
    decision_clock = m.clock(c, ClockKind.PROTECTION_ORDER_DECISION, applied, urgent=urgent, stop=decided,
                             note=("法院作出保护令" if granted else "法院驳回申请") if decided else None)
    log("applied", iso(applied), applied, decision_clock_id=decision_clock,
        on_behalf="consent" if consent else "lacks_capacity", capacity_note=capacity_note)
    _action(m, c, applied, "order_applied", order_id=oid,
            summary=f"{(behalf + '代为') if behalf else ''}向{court}申请人身安全保护令（{'情况紧急，' if urgent else ''}"
                    f"法院应在 {24 if urgent else 72} 小时内裁定；{'受害人同意' if consent else '受害人无法表示同意，已记录原因'}）",
            data={k: v for k, v in (("court", court), ("applied_on_behalf_by", behalf)) if v})
    status, issued_on, served_on, expires_on = "applied", None, None, None
    if decided is not None:
        status = "granted" if granted else "rejected"
        log("decided", iso(decided), decided, granted=granted)
        _action(m, c, decided, "order_decided", order_id=oid,
                summary=f"{court}{'作出人身安全保护令' if granted else '驳回人身安全保护令申请'}（{fmt(decided)}）",
                data={"result": "准予" if granted else "驳回"})
    if granted:
        issued_on = local_day(decided)
        latest = add_months(issued_on, ORDER_MONTHS)
        expires_on = latest if rand() < 0.85 else add_months(issued_on, 3)
        if forced:
            expires_on = today + timedelta(days=dice.ri(3, 12))
            if not issued_on < expires_on <= latest:
                expires_on = latest
            else:
                m.state["expiring_order"] = True
        status = "issued"
        clock_start = day_ts(issued_on, 12)
        expiry_clock = _expiry_clock(m, c, clock_start, issued_on, expires_on, None)
        log("issued", issued_on.isoformat(), clock_start, expires_on=expires_on.isoformat(),
            expiry_clock_id=expiry_clock[0])
        _action(m, c, clock_start, "order_issued", order_id=oid,
                summary=f"人身安全保护令自 {issued_on.isoformat()} 起生效，有效期至 {expires_on.isoformat()}",
                data={"issued_on": issued_on.isoformat(), "expires_on": expires_on.isoformat()})
        m.targets["order"] = m.rows["crisis_action"][-1][0]
        served = issued_on + timedelta(days=dice.ri(0, 3))
        if rand() < 0.75 and served < today and day_ts(served, 12) < c.hi:
            served_on, status = served, "served"
            log("served", served.isoformat(), day_ts(served, 12))
            _action(m, c, day_ts(served, 12), "order_served", order_id=oid,
                    summary=f"人身安全保护令已于 {served.isoformat()} 送达", data={"served_on": served.isoformat()})
        last_in_force = min(expires_on, today - timedelta(days=1), local_day(c.hi))
        span = (last_in_force - (served_on or issued_on)).days
        if not forced and span > 10 and rand() < 0.08:
            on = (served_on or issued_on) + timedelta(days=dice.ri(5, span))
            note = dice.pick(nw.VIOLATIONS)
            at = office(day_ts(on, 12))
            log("violated", iso(at), at, note=note)
            _action(m, c, at, "order_violated", order_id=oid, summary=f"被申请人违反人身安全保护令（{fmt(at)}）",
                    data={}, note=note)
            _major(m, c, at, "违反人身安全保护令")
        elif not forced and span > 20 and rand() < 0.1:
            on = (served_on or issued_on) + timedelta(days=dice.ri(10, span))
            new_last = add_months(on, ORDER_MONTHS)
            at = day_ts(on, 12)
            _stop_clock(m, expiry_clock, at, "保护令已延长")
            old = expires_on
            expires_on = new_last
            expiry_clock = _expiry_clock(m, c, at, on, new_last, None)
            log("extended", on.isoformat(), at, old_expires_on=old.isoformat(), expires_on=new_last.isoformat(),
                expiry_clock_id=expiry_clock[0])
            _action(m, c, at, "order_extended", order_id=oid,
                    summary=f"法院于 {on.isoformat()} 延长人身安全保护令，有效期由 {old.isoformat()} 延至 {new_last.isoformat()}",
                    data={"old_expires_on": old.isoformat(), "expires_on": new_last.isoformat()})
        if c.end is not None:
            _stop_clock(m, expiry_clock, c.end, c.end_note)
    m.add("protection_order", c, applied, oid, c.id, court, ts(applied), urgent, consent, behalf, status,
          ts(decided) if decided else None, day(issued_on) if issued_on else None,
          day(served_on) if served_on else None, day(expires_on) if expires_on else None, js(measures),
          js(history))


def _expiry_clock(m: WorkMaker, c: Ctx, start: int, made_on: date, expires_on: date, _: None) -> list[Any]:
    """services.crisis.protection_orders._start_expiry_clock: six months, or the court's own shorter last day."""
    latest = add_months(made_on, ORDER_MONTHS)
    clock_id = m.clock(c, ClockKind.PROTECTION_ORDER_EXPIRY, start,
                       last_day=None if expires_on == latest else expires_on)
    return [clock_id, len(m.clocks) - 1]


def _stop_clock(m: WorkMaker, clock: list[Any], at: int, note: str) -> None:
    row = list(m.clocks[clock[1]])
    if row[9] is not None:
        return
    row[9], row[10] = m.values.ts(at), note
    m.clocks[clock[1]] = tuple(row)


# --- counselling -----------------------------------------------------------------------------------

def counsel(m: WorkMaker, c: Ctx) -> None:
    if c.hi - c.lo < 600:
        return
    dice, rand = m.dice, m.dice.random
    who = dice.pick(c.unit.counsellors) if c.unit.counsellors else c.handler
    n = dice.ri(2, 6) if c.kind == "counselling" else dice.ri(1, 2)
    held = m.points(c.lo, c.hi, n)
    notes = nw.COUNSELLING_NOTES
    for i, at in enumerate(held):
        face = rand() < 0.7
        form, label = ("face_to_face", "面谈") if face else ("phone", "电话")
        if i < n - 1 or c.is_open or n == 1:
            text = notes[min(i, len(notes) - 2)]
        else:  # the last session of a finished course
            text = notes[-1] if not face else nw.COUNSELLING_END_FACE
        nxt = held[i + 1] if i + 1 < n else (office(m.now + dice.ri(2, 10) * DAY) if c.is_open and rand() < 0.5
                                             else None)
        sid = m.new_id()
        m.add("counselling_session", c, at, sid, c.id, who[0], who[1], m.values.ts(at), form, text,
              m.values.ts(nxt) if nxt else None)
        summary = f"心理疏导（{label}，{fmt(at)}，{who[1]}）"
        if nxt:
            summary += f"；下次预约 {fmt(nxt)}"
        m.event(c, at, "counselling_session", summary, {"session_id": sid, "form": form}, actor=who)
