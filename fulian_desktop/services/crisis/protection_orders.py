"""人身安全保护令: applied for, decided, issued, served, varied, extended, violated — with their clocks.

Rules (reference/laws/anti-domestic-violence-law-2015.md, spc-protection-order-2022.md):
- 第二十三条 and 法释〔2022〕17号第二条: the federation may apply on the victim's behalf, according to her
  wishes. So an application needs her consent on record, unless she is without (or with limited) civil
  capacity or cannot apply because of coercion or intimidation — then the reason must be written down.
- 第二十八条: the court decides within 72 hours of accepting the application, 24 hours if urgent. The
  decision clock starts at ``applied_at`` (the moment the court accepted it) and stops at ``decided_at``.
- 第三十条: the order is valid at most six months and takes effect the day it is made; the six months
  are counted by 民法典第二百零一、二百零二条 (issued 2026-03-10 → valid through 2026-09-10). The default
  expiry is exactly that; a longer one is refused. The expiry clock alerts 14 days before (its rule's
  warn_days). Before it lapses the court may revoke, vary or extend it on application. The expiry is NOT
  moved off a rest day (民法典第二百零三条 would move the last day of a period to the next working day): we
  keep the earlier day on purpose, so the warning can only come early, never late; the screens and
  docs/domain-terms.md say so (issue 18).
- Extension: neither the law nor 法释〔2022〕17号 says how long an extension may be. We treat the
  extension ruling like any other ruling under 第三十条: the new expiry is at most six months after the day
  the extension was decided, and the extension must be decided before the order lapses (“失效前”).
- 第三十四条: a violation is for the court (训诫, fine, detention) and the police; here it is logged as a
  crisis action and makes the case a major incident at once.

The expiry clock is a ``CaseClock`` of kind PROTECTION_ORDER_EXPIRY, started on the day the order (or
its extension) was made. Its rule is six months; for a shorter order the court's last day is stored as
the clock's ``due_override_at``, so its countdown, the tasks and the supervisor's queue show the order's
real last day. (Clocks started before that column existed were started six months before the expiry,
padded with ``paused_days``; they still read right.) The order's own dates are the truth;
``order_status`` computes the alert from ``expires_on``.

Who applied: ``applied_on_behalf_by`` names whoever applied for her (第二十三条第二款: 近亲属, 公安机关,
妇女联合会, 居委会/村委会, 救助管理机构 …); None means she applied herself, helped by the federation.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select

from ...access.cases import load_case, record_event
from ...domain.clocks import RULES, ClockKind, ClockStatus, countdown_text, status
from ...domain.enums import Labelled
from ...domain.errors import NotFound, ValidationError, WorkflowError
from ...domain.localtime import LOCAL_TZ, format_local, local_date
from ...domain.periods import Deadline, add_months, end_of_day
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.base import utcnow
from ...store.models import Case, CaseClock, OrgUnit, ProtectionOrder
from ...store.uow import UnitOfWork
from ..clocks import clocks as clock_service
from .crisis import ActionKind, require_aware, log_crisis_action, mark_domestic_violence, require_open_case

ORDER_MONTHS = 6
MAJOR_REASON_VIOLATION = "违反人身安全保护令"


class OrderStatus(Labelled):
    APPLIED = "applied", "已申请，待法院裁定"
    REJECTED = "rejected", "法院驳回申请"
    GRANTED = "granted", "法院准予，待登记保护令"
    ISSUED = "issued", "已作出"
    SERVED = "served", "已送达"


# 反家庭暴力法第二十九条 and 法释〔2022〕17号第十条; anything else is kept as free text (其他措施).
MEASURES: dict[str, str] = {
    "no_violence": "禁止被申请人实施家庭暴力",
    "no_harassment": "禁止被申请人骚扰、跟踪、接触申请人及其相关近亲属",
    "move_out": "责令被申请人迁出申请人住所",
    "no_threat_messages": "禁止被申请人以电话、短信、即时通讯工具、电子邮件等方式侮辱、诽谤、威胁申请人及其相关近亲属",
    "keep_away": "禁止被申请人在申请人及其相关近亲属的住所、学校、工作单位等经常出入场所的一定范围内"
                 "从事可能影响其正常生活、学习、工作的活动",
}

REVIEW_HINT = "对驳回申请不服的，申请人可以自裁定生效之日起五日内向作出裁定的人民法院申请复议一次（反家庭暴力法第三十一条）。"


def latest_expiry(made_on: date) -> date:
    """The last day of validity of an order (or extension) made on ``made_on``: six months later."""
    return add_months(made_on, ORDER_MONTHS)


def measure_label(measure: str) -> str:
    return MEASURES.get(measure, measure)


def _measures(measures: Sequence[str] | None) -> list[str]:
    if isinstance(measures, str):
        measures = [measures]
    items = [str(m).strip() for m in (measures or ()) if str(m).strip()]
    if not items:
        raise ValidationError("请至少写明一项请求的保护措施（反家庭暴力法第二十七条：有具体的请求）。",
                              code="measures_required", field="measures")
    if any(len(m) > 300 for m in items):
        raise ValidationError("每项保护措施不能超过 300 字。", field="measures")
    return list(dict.fromkeys(items))


# --- views -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OrderView:
    id: str
    case_id: str
    court: str
    applied_at: datetime
    urgent: bool
    consent_recorded: bool
    on_behalf: str                      # consent | lacks_capacity
    applied_on_behalf_by: str | None    # who applied for her (第二十三条); None: she applied herself
    capacity_note: str | None           # why she could not consent or apply herself
    status: OrderStatus
    status_label: str                   # "已失效" once past the expiry
    decided_at: datetime | None
    issued_on: date | None
    served_on: date | None
    expires_on: date | None
    measures: tuple[str, ...]
    measure_labels: tuple[str, ...]
    decision_clock: clock_service.ClockView | None
    expiry_clock: clock_service.ClockView | None
    expiry_status: ClockStatus | None   # from expires_on with the 14-day warning window
    expiry_alert: bool                  # DUE_SOON or DUE_TODAY: time to ask the court for an extension
    expiry_text: str | None             # “剩 10 天（2026-09-10 到期）”
    in_force: bool
    expired: bool
    violations: int
    history: tuple[dict[str, Any], ...]
    review_hint: str | None             # after a rejection: the right to ask for review


def _events(order: ProtectionOrder, name: str) -> list[dict[str, Any]]:
    return [h for h in (order.history or []) if h.get("event") == name]


def _clock_from(uow: UnitOfWork, order: ProtectionOrder, key: str) -> CaseClock | None:
    ids = [h[key] for h in (order.history or []) if h.get(key)]
    return uow.s.get(CaseClock, ids[-1]) if ids else None


def _clock_view(clock: CaseClock | None, cal: Any, now: datetime) -> clock_service.ClockView | None:
    """A stopped clock is shown as it stood when it stopped (met in time or not), not as of today."""
    if clock is None:
        return None
    return clock_service.clock_view(clock, cal, min(now, clock.stopped_at) if clock.stopped_at else now)


def _view(uow: UnitOfWork, order: ProtectionOrder, now: datetime) -> OrderView:
    cal = clock_service.load_calendar(uow)
    decision = _clock_from(uow, order, "decision_clock_id")
    expiry = _clock_from(uow, order, "expiry_clock_id")
    state = OrderStatus(order.status)
    expiry_status = expiry_text = None
    expired = False
    if order.expires_on is not None and state in (OrderStatus.ISSUED, OrderStatus.SERVED):
        deadline = Deadline(last_day=order.expires_on, due_at=end_of_day(order.expires_on))
        expiry_status = status(deadline, now, warn_days=RULES[ClockKind.PROTECTION_ORDER_EXPIRY].warn_days)
        expiry_text = countdown_text(deadline, now)
        expired = expiry_status == ClockStatus.OVERDUE
    applied = (_events(order, "applied") or [{}])[0]
    measures = tuple(order.measures or ())
    return OrderView(
        id=order.id, case_id=order.case_id, court=order.court, applied_at=order.applied_at, urgent=order.urgent,
        consent_recorded=order.consent_recorded, on_behalf=applied.get("on_behalf", "consent"),
        applied_on_behalf_by=order.applied_on_behalf_by, capacity_note=applied.get("capacity_note"), status=state,
        status_label="已失效" if expired else state.label, decided_at=order.decided_at, issued_on=order.issued_on,
        served_on=order.served_on, expires_on=order.expires_on, measures=measures,
        measure_labels=tuple(measure_label(m) for m in measures),
        decision_clock=_clock_view(decision, cal, now), expiry_clock=_clock_view(expiry, cal, now),
        expiry_status=expiry_status, expiry_alert=expiry_status in (ClockStatus.DUE_SOON, ClockStatus.DUE_TODAY),
        expiry_text=expiry_text,
        in_force=state in (OrderStatus.ISSUED, OrderStatus.SERVED) and not expired
        and order.issued_on is not None and local_date(now) >= order.issued_on,
        expired=expired, violations=len(_events(order, "violated")), history=tuple(order.history or ()),
        review_hint=REVIEW_HINT if state == OrderStatus.REJECTED else None)


def order_status(uow: UnitOfWork, actor: Actor, case_id: str, now: datetime | None = None) -> list[OrderView]:
    """The case's protection orders, oldest application first, with their clocks and the expiry alert."""
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    now = require_aware(now, "now") if now else utcnow()
    rows = uow.s.execute(select(ProtectionOrder).where(ProtectionOrder.case_id == case.id,
                                                       ProtectionOrder.deleted_at.is_(None))
                         .order_by(ProtectionOrder.applied_at, ProtectionOrder.created_at)).scalars()
    return [_view(uow, o, now) for o in rows]


def get_order(uow: UnitOfWork, actor: Actor, order_id: str, now: datetime | None = None) -> OrderView:
    require(actor, Permission.CASE_READ)
    order, _case = _load_order(uow, actor, order_id)
    return _view(uow, order, require_aware(now, "now") if now else utcnow())


# --- helpers -----------------------------------------------------------------------------------------

def _load_order(uow: UnitOfWork, actor: Actor, order_id: str) -> tuple[ProtectionOrder, Case]:
    order = uow.s.get(ProtectionOrder, order_id)
    if order is None or order.deleted_at is not None:
        raise NotFound("人身安全保护令记录不存在。")
    return order, load_case(uow, actor, order.case_id)


def _for_change(uow: UnitOfWork, actor: Actor, order_id: str, allowed: tuple[OrderStatus, ...],
                doing: str) -> tuple[ProtectionOrder, Case]:
    require(actor, Permission.CASE_EDIT)
    order, case = _load_order(uow, actor, order_id)
    require_open_case(case)
    if OrderStatus(order.status) not in allowed:
        raise WorkflowError(f"保护令当前为“{OrderStatus(order.status).label}”，不能{doing}。", code="order_state")
    return order, case


def _append(order: ProtectionOrder, actor: Actor, event: str, at: datetime | date, **extra: Any) -> None:
    entry = {"event": event, "at": at.isoformat(), "by": actor.display_name, "recorded_at": utcnow().isoformat()}
    entry.update({k: v for k, v in extra.items() if v is not None})
    order.history = [*(order.history or []), entry]     # a new list: JSON columns track assignment only


def _audit(uow: UnitOfWork, actor: Actor, case: Case, order: ProtectionOrder, action: str,
           detail: dict[str, Any]) -> None:
    audit.record(uow.s, actor, action, entity="protection_order", entity_id=order.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id, detail=detail)


def _stop_at(uow: UnitOfWork, actor: Actor, case: Case, clock: CaseClock | None, at: datetime, note: str) -> None:
    """Stop a clock at the moment the thing happened (not when it was typed in)."""
    if clock is None or clock.stopped_at is not None:
        return
    if clock.paused_since is not None:
        clock.paused_days += clock_service._paused_for(clock, at)
        clock.paused_since = None
    clock.stopped_at, clock.stop_note = at, note[:200]
    view = clock_service.clock_view(clock, clock_service.load_calendar(uow), at)
    met = at < view.deadline.due_at
    record_event(uow, actor, case, "clock_stopped", f"停止计时：{view.label}（{note}，{'按时' if met else '超期'}）",
           data={"kind": clock.kind, "met": met})


def _start_expiry_clock(uow: UnitOfWork, actor: Actor, case: Case, made_on: date, expires_on: date) -> CaseClock:
    """The six-month clock from the day the order was made; a shorter order fixes its own last day."""
    kind = ClockKind.PROTECTION_ORDER_EXPIRY
    for running in clock_service.running_clocks(uow, case.id):
        if running.kind != kind.value or running.stopped_at is not None:
            continue
        if running.due_at is not None and running.due_at <= end_of_day(made_on):
            _stop_at(uow, actor, case, running, running.due_at, "保护令已到期失效")   # an old order, lapsed
        else:
            raise WorkflowError("本案另一份人身安全保护令仍在有效期内，其到期时限正在计时。", code="clock_running")
    override = end_of_day(expires_on) if expires_on != latest_expiry(made_on) else None
    view = clock_service.start_clock_on(uow, actor, case, kind, datetime.combine(made_on, time(12), LOCAL_TZ),
                                due_override_at=override)
    assert view.deadline.last_day == expires_on, (view.deadline, expires_on)
    clock = uow.s.get(CaseClock, view.id)
    assert clock is not None
    return clock


def _check_expiry(made_on: date, expires_on: date | None, what: str) -> date:
    latest = latest_expiry(made_on)
    if expires_on is None:
        return latest
    if expires_on < made_on:
        raise ValidationError(f"到期日不能早于{what}日期。", code="expiry_before_start", field="expires_on")
    if expires_on > latest:
        raise ValidationError(
            f"人身安全保护令的有效期不超过六个月（反家庭暴力法第三十条）：{what}于 {made_on.isoformat()}，"
            f"最迟到 {latest.isoformat()}。", code="order_too_long", field="expires_on")
    return expires_on


# --- the steps ---------------------------------------------------------------------------------------

def apply_for_order(uow: UnitOfWork, actor: Actor, case_id: str, court: str, applied_at: datetime,
                    urgent: bool = False, consent_recorded: bool = False, measures: Sequence[str] = (), *,
                    lacks_capacity: bool = False, capacity_note: str | None = None,
                    applied_on_behalf_by: str | None = None, note: str | None = None) -> OrderView:
    """Record an application (made or helped by the federation) and start the 72 h / 24 h decision clock.

    ``consent_recorded``: the victim agreed to the federation applying for her. Without it the
    application is refused, unless ``lacks_capacity`` with ``capacity_note`` saying why she cannot apply
    herself (无/限制民事行为能力, 受强制或威吓 — 反家庭暴力法第二十三条第二款).

    ``applied_on_behalf_by``: who applied for her (近亲属、公安机关、妇联 …). Needed when she cannot
    apply herself; it then defaults to the actor's unit (the federation)."""
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    require_open_case(case)
    court = (court or "").strip()
    if not court:
        raise ValidationError("请填写受理申请的人民法院。", field="court")
    applied_at = require_aware(applied_at, "applied_at")
    why = (capacity_note or "").strip()
    if not consent_recorded:
        if not lacks_capacity:
            raise ValidationError("妇联代为申请人身安全保护令须取得受害人同意，请先登记其同意。",
                                  code="consent_required", field="consent_recorded")
        if not why:
            raise ValidationError("受害人无法表示同意时，须写明原因（如无民事行为能力、限制民事行为能力，"
                                  "或因受强制、威吓无法申请）。", code="capacity_note_required", field="capacity_note")
    behalf = (applied_on_behalf_by or "").strip() or None
    if behalf is None and not consent_recorded:
        unit = uow.s.get(OrgUnit, actor.unit_id) if actor.unit_id else None
        behalf = unit.name if unit is not None else None
        if behalf is None:
            raise ValidationError("受害人无法自行申请时，须写明代为申请的机关、组织或近亲属（反家庭暴力法第二十三条）。",
                                  code="on_behalf_required", field="applied_on_behalf_by")
    if behalf is not None and len(behalf) > 200:
        raise ValidationError("代为申请人过长（最多 200 个字）。", field="applied_on_behalf_by")
    items = _measures(measures)
    pending = uow.s.execute(select(ProtectionOrder.id).where(
        ProtectionOrder.case_id == case.id, ProtectionOrder.status == OrderStatus.APPLIED.value,
        ProtectionOrder.deleted_at.is_(None))).first()
    if pending is not None:
        raise WorkflowError("本案已有一份保护令申请待法院裁定。", code="order_pending")
    order = ProtectionOrder(case_id=case.id, court=court, applied_at=applied_at, urgent=bool(urgent),
                            consent_recorded=bool(consent_recorded), applied_on_behalf_by=behalf,
                            status=OrderStatus.APPLIED.value,
                            measures=items, history=[], owner_unit_id=case.owner_unit_id)
    uow.s.add(order)
    uow.flush()
    clock = clock_service.start_clock_on(uow, actor, case, ClockKind.PROTECTION_ORDER_DECISION, applied_at, bool(urgent))
    on_behalf = "consent" if consent_recorded else "lacks_capacity"
    _append(order, actor, "applied", applied_at, decision_clock_id=clock.id, on_behalf=on_behalf,
            capacity_note=why or None, note=(note or "").strip() or None)
    uow.flush()
    hours = 24 if urgent else 72
    log_crisis_action(uow, actor, case, ActionKind.ORDER_APPLIED, applied_at, (note or "").strip() or None, order.id,
         summary=f"{(behalf + '代为') if behalf else ''}向{court}申请人身安全保护令（{'情况紧急，' if urgent else ''}"
                 f"法院应在 {hours} 小时内裁定；{'受害人同意' if consent_recorded else '受害人无法表示同意，已记录原因'}）",
         data={k: v for k, v in (("court", court), ("applied_on_behalf_by", behalf)) if v})
    mark_domestic_violence(uow, actor, case, "申请人身安全保护令")
    _audit(uow, actor, case, order, audit.Action.CREATE,
           {"court": court, "urgent": bool(urgent), "on_behalf": on_behalf, "applied_on_behalf_by": behalf,
            "applied_at": applied_at.isoformat(),
            "measures": len(items)})
    return _view(uow, order, utcnow())


def decide_order(uow: UnitOfWork, actor: Actor, order_id: str, granted: bool, decided_at: datetime,
                 note: str | None = None) -> OrderView:
    """The court's ruling: granted or rejected. Stops the decision clock at ``decided_at``."""
    order, case = _for_change(uow, actor, order_id, (OrderStatus.APPLIED,), "登记裁定")
    decided_at = require_aware(decided_at, "decided_at")
    if decided_at < order.applied_at:
        raise ValidationError("裁定时间不能早于法院受理申请的时间。", field="decided_at")
    _stop_at(uow, actor, case, _clock_from(uow, order, "decision_clock_id"), decided_at,
             "法院作出保护令" if granted else "法院驳回申请")
    order.status = (OrderStatus.GRANTED if granted else OrderStatus.REJECTED).value
    order.decided_at = decided_at
    _append(order, actor, "decided", decided_at, granted=bool(granted), note=(note or "").strip() or None)
    uow.flush()
    log_crisis_action(uow, actor, case, ActionKind.ORDER_DECIDED, decided_at, (note or "").strip() or None, order.id,
         summary=f"{order.court}{'作出人身安全保护令' if granted else '驳回人身安全保护令申请'}（{format_local(decided_at)}）",
         data={"result": "准予" if granted else "驳回"})
    _audit(uow, actor, case, order, audit.Action.UPDATE,
           {"changes": {"status": [OrderStatus.APPLIED.value, order.status]}, "decided_at": decided_at.isoformat()})
    return _view(uow, order, utcnow())


def issue_order(uow: UnitOfWork, actor: Actor, order_id: str, issued_on: date | None = None,
                expires_on: date | None = None, measures: Sequence[str] | None = None,
                note: str | None = None) -> OrderView:
    """Register the order as made: its date (default: the day of the ruling), its expiry (default and
    maximum: six months later) and the measures the court ordered (default: those applied for).
    Starts the expiry clock, which warns 14 days before the last day."""
    order, case = _for_change(uow, actor, order_id, (OrderStatus.GRANTED,), "登记保护令")
    assert order.decided_at is not None
    made_on = issued_on or local_date(order.decided_at)
    if made_on < local_date(order.applied_at):
        raise ValidationError("保护令作出日期不能早于申请日期。", field="issued_on")
    last = _check_expiry(made_on, expires_on, "作出")
    if measures is not None:
        order.measures = _measures(measures)
    order.issued_on, order.expires_on = made_on, last
    order.status = OrderStatus.ISSUED.value
    clock = _start_expiry_clock(uow, actor, case, made_on, last)
    _append(order, actor, "issued", made_on, expires_on=last.isoformat(), expiry_clock_id=clock.id,
            note=(note or "").strip() or None)
    uow.flush()
    # Known by its day only: noon, but never before the ruling it follows (the log reads in order).
    log_crisis_action(uow, actor, case, ActionKind.ORDER_ISSUED, max(datetime.combine(made_on, time(12), LOCAL_TZ), order.decided_at),
         (note or "").strip() or None, order.id,
         summary=f"人身安全保护令自 {made_on.isoformat()} 起生效，有效期至 {last.isoformat()}",
         data={"issued_on": made_on.isoformat(), "expires_on": last.isoformat()})
    _audit(uow, actor, case, order, audit.Action.UPDATE,
           {"changes": {"status": [OrderStatus.GRANTED.value, OrderStatus.ISSUED.value]},
            "issued_on": made_on.isoformat(), "expires_on": last.isoformat()})
    return _view(uow, order, utcnow())


def serve_order(uow: UnitOfWork, actor: Actor, order_id: str, served_on: date, note: str | None = None) -> OrderView:
    """Served on the applicant, the respondent, the police and the village committee (第三十二条)."""
    order, case = _for_change(uow, actor, order_id, (OrderStatus.ISSUED,), "登记送达")
    assert order.issued_on is not None
    if served_on < order.issued_on:
        raise ValidationError("送达日期不能早于保护令作出日期。", field="served_on")
    order.served_on = served_on
    order.status = OrderStatus.SERVED.value
    _append(order, actor, "served", served_on, note=(note or "").strip() or None)
    uow.flush()
    log_crisis_action(uow, actor, case, ActionKind.ORDER_SERVED, datetime.combine(served_on, time(12), LOCAL_TZ),
         (note or "").strip() or None, order.id, summary=f"人身安全保护令已于 {served_on.isoformat()} 送达",
         data={"served_on": served_on.isoformat()})
    _audit(uow, actor, case, order, audit.Action.UPDATE,
           {"changes": {"status": [OrderStatus.ISSUED.value, OrderStatus.SERVED.value]},
            "served_on": served_on.isoformat()})
    return _view(uow, order, utcnow())


def _check_in_force(order: ProtectionOrder, on: date, doing: str) -> None:
    assert order.issued_on is not None and order.expires_on is not None
    if on < order.issued_on:
        raise ValidationError(f"{doing}日期不能早于保护令作出日期（{order.issued_on.isoformat()}）。", field="on")
    if on > order.expires_on:
        raise ValidationError(f"保护令已于 {order.expires_on.isoformat()} 期满失效，不能再{doing}；"
                              "如需保护，请重新申请。", code="order_expired", field="on")


def vary_order(uow: UnitOfWork, actor: Actor, order_id: str, measures: Sequence[str], note: str,
               varied_on: date | None = None) -> OrderView:
    """The court varied the measures before the order lapsed (第三十条)."""
    order, case = _for_change(uow, actor, order_id, (OrderStatus.ISSUED, OrderStatus.SERVED), "变更")
    on = varied_on or local_date(utcnow())
    _check_in_force(order, on, "变更")
    text = (note or "").strip()
    if not text:
        raise ValidationError("请说明变更的内容或理由。", code="note_required", field="note")
    old, new = list(order.measures or ()), _measures(measures)
    order.measures = new
    _append(order, actor, "varied", on, note=text, old_measures=old, new_measures=new)
    uow.flush()
    log_crisis_action(uow, actor, case, ActionKind.ORDER_VARIED, datetime.combine(on, time(12), LOCAL_TZ), text, order.id,
         summary=f"法院于 {on.isoformat()} 变更人身安全保护令的措施（现 {len(new)} 项）")
    _audit(uow, actor, case, order, audit.Action.UPDATE,
           {"changes": {"measures": [len(old), len(new)]}, "varied_on": on.isoformat()})
    return _view(uow, order, utcnow())


def extend_order(uow: UnitOfWork, actor: Actor, order_id: str, new_expires_on: date, decided_on: date,
                 note: str | None = None) -> OrderView:
    """The court extended the order before it lapsed; the new expiry is at most six months after the
    extension was decided (see the module notes). The expiry clock restarts on the new date."""
    order, case = _for_change(uow, actor, order_id, (OrderStatus.ISSUED, OrderStatus.SERVED), "延长")
    _check_in_force(order, decided_on, "延长")
    old = order.expires_on
    assert old is not None
    if new_expires_on <= old:
        raise ValidationError(f"延长后的到期日须晚于原到期日（{old.isoformat()}）。", field="new_expires_on")
    last = _check_expiry(decided_on, new_expires_on, "延长裁定")
    _stop_at(uow, actor, case, _clock_from(uow, order, "expiry_clock_id"),
             datetime.combine(decided_on, time(12), LOCAL_TZ), "保护令已延长")
    order.expires_on = last
    clock = _start_expiry_clock(uow, actor, case, decided_on, last)
    _append(order, actor, "extended", decided_on, old_expires_on=old.isoformat(), expires_on=last.isoformat(),
            expiry_clock_id=clock.id, note=(note or "").strip() or None)
    uow.flush()
    log_crisis_action(uow, actor, case, ActionKind.ORDER_EXTENDED, datetime.combine(decided_on, time(12), LOCAL_TZ),
         (note or "").strip() or None, order.id,
         summary=f"法院于 {decided_on.isoformat()} 延长人身安全保护令，有效期由 {old.isoformat()} 延至 {last.isoformat()}",
         data={"old_expires_on": old.isoformat(), "expires_on": last.isoformat()})
    _audit(uow, actor, case, order, audit.Action.UPDATE,
           {"changes": {"expires_on": [old.isoformat(), last.isoformat()]}, "decided_on": decided_on.isoformat()})
    return _view(uow, order, utcnow())


def record_violation(uow: UnitOfWork, actor: Actor, order_id: str, at: datetime, note: str) -> OrderView:
    """The respondent broke the order: logged as a crisis action and a timeline event, and the case
    becomes a major incident at once (the supervisor sees it at the top of the queue)."""
    order, case = _for_change(uow, actor, order_id, (OrderStatus.ISSUED, OrderStatus.SERVED), "登记违反")
    at = require_aware(at, "at")
    _check_in_force(order, local_date(at), "登记违反")
    text = (note or "").strip()
    if not text:
        raise ValidationError("请写明违反保护令的情况（时间、地点、行为、是否报警）。", code="note_required", field="note")
    _append(order, actor, "violated", at, note=text)
    uow.flush()
    log_crisis_action(uow, actor, case, ActionKind.ORDER_VIOLATED, at, text, order.id,
         summary=f"被申请人违反人身安全保护令（{format_local(at)}）")
    _audit(uow, actor, case, order, audit.Action.UPDATE,
           {"violation_at": at.isoformat(), "violations": len(_events(order, "violated"))})
    from ..cases.workflow import set_major_incident

    set_major_incident(uow, actor, case.id, True, MAJOR_REASON_VIOLATION)
    return _view(uow, order, utcnow())


__all__ = [
    "MEASURES", "ORDER_MONTHS", "OrderStatus", "OrderView", "apply_for_order", "decide_order", "extend_order",
    "get_order", "issue_order", "latest_expiry", "measure_label", "order_status", "record_violation",
    "serve_order", "vary_order",
]
