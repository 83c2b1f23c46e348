"""Crisis intervention through the services on real stores: danger assessments, the supervisor's queue,
the safety plan, the action log and protection orders with their clocks."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain import clock
from fulian_desktop.domain.clocks import ClockKind, ClockStatus
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError, WorkflowError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.risk import RiskLevel, Trend
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.cases import cases, history, review
from fulian_desktop.services.clocks import clocks
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.crisis import protection_orders as po
from fulian_desktop.services.crisis.crisis import ActionKind
from fulian_desktop.services.cases.review import Reason
from fulian_desktop.store.models import AuditEntry, CaseClock, CaseEvent, CrisisAction
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store

SHELTER_ADDRESS = "望城区救助管理站东楼302"
CODE_WORD = "帮我收一下晾的被子"


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1])
    add_user(store, "rec", Role.RECEPTION, org.units[VILLAGE_A1])
    add_user(store, "sup", Role.SUPERVISOR, org.district)
    yield store, first_login(store, "med"), first_login(store, "rec"), first_login(store, "sup")
    store.close()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LOCAL_TZ)


def _case(store, actor, title="李某某遭受家庭暴力求助", kind=CaseKind.CRISIS, opened_at=None) -> str:  # noqa: ANN001
    with store.uow(write=True) as uow:
        return cases.create_case(uow, actor, cases.NewCase(title=title, kind=kind, opened_at=opened_at)).row.id


def _detail(store, actor, case_id):  # noqa: ANN001, ANN202
    with store.uow(write=True) as uow:
        return cases.get_case(uow, actor, case_id)


def _texts(store, case_id) -> str:  # noqa: ANN001
    """Everything a general view could show: timeline events (summary and data) and audit details."""
    with store.uow() as uow:
        events = uow.s.execute(select(CaseEvent).where(CaseEvent.case_id == case_id)).scalars().all()
        audits = uow.s.execute(select(AuditEntry).where(AuditEntry.case_id == case_id)).scalars().all()
        return "\n".join([f"{e.summary} {e.data}" for e in events] + [str(a.detail) for a in audits])


# --- danger assessments ----------------------------------------------------------------------------

def test_high_assessment_makes_a_major_incident_at_the_top_of_the_queue(world) -> None:  # noqa: ANN001
    store, med, _rec, sup = world
    now = clock.now_utc()
    overdue = _case(store, med, "逾期未告知的来访", kind=CaseKind.PETITION, opened_at=now - timedelta(days=40))
    case_id = _case(store, med)
    with store.uow() as uow:
        before = [i.case.id for i in review.review_queue(uow, sup)]
    assert before[0] == overdue and case_id not in before

    with store.uow(write=True) as uow:
        view = crisis.record_assessment(uow, med, case_id, {"strangulation": True, "controlling": True})
    assert view.final_level == RiskLevel.HIGH and view.red_flags == ("strangulation",) and view.trend is None

    row = _detail(store, med, case_id).row
    assert row.major_incident and row.domestic_violence
    with store.uow() as uow:
        queue = review.review_queue(uow, sup)
    assert queue[0].case.id == case_id and queue[0].reasons[0] == Reason.MAJOR
    assert [i.case.id for i in queue].index(overdue) > 0
    timeline = [e.summary for e in _detail(store, sup, case_id).events]
    assert any(s.startswith("危险评估：高风险") and "掐脖窒息" in s for s in timeline)
    assert "标记为重大案事件：危险评估为高" in timeline
    assert "标记为家庭暴力案件：危险评估为高" in timeline


def test_medium_assessment_is_no_major_incident_but_a_raised_one_is(world) -> None:  # noqa: ANN001
    store, med, _rec, _sup = world
    case_id = _case(store, med)
    medium = {"controlling": True, "abuser_substance": True, "abuser_unemployed": True}
    with store.uow(write=True) as uow:
        first = crisis.record_assessment(uow, med, case_id, medium)
    assert first.final_level == RiskLevel.MEDIUM and not _detail(store, med, case_id).row.major_incident

    with pytest.raises(ValidationError) as err:          # raising needs a reason; nothing is stored
        with store.uow(write=True) as uow:
            crisis.record_assessment(uow, med, case_id, medium, override_level=RiskLevel.HIGH)
    assert err.value.code == "override_reason"
    with pytest.raises(ValidationError) as err:          # lowering is refused
        with store.uow(write=True) as uow:
            crisis.record_assessment(uow, med, case_id, medium, RiskLevel.LOW, "她说最近好多了")
    assert err.value.code == "override_lower"

    with store.uow(write=True) as uow:
        raised = crisis.record_assessment(uow, med, case_id, medium, RiskLevel.HIGH, "他昨晚说要放火烧房子")
    assert (raised.computed_level, raised.final_level, raised.override_reason) == (
        RiskLevel.MEDIUM, RiskLevel.HIGH, "他昨晚说要放火烧房子")
    assert raised.trend == Trend.UP
    assert _detail(store, med, case_id).row.major_incident
    with store.uow(write=True) as uow:
        stored = crisis.assessments(uow, med, case_id)
    assert [a.final_level for a in stored] == [RiskLevel.MEDIUM, RiskLevel.HIGH]   # the refused ones left nothing
    assert stored[1].overridden and stored[1].answers["controlling"] and not stored[1].answers["weapon"]


def test_reassessment_shows_the_trend(world) -> None:  # noqa: ANN001
    store, med, rec, _sup = world
    case_id = _case(store, med)
    with store.uow(write=True) as uow:
        crisis.record_assessment(uow, rec, case_id, {"controlling": True, "abuser_substance": True,
                                                     "abuser_unemployed": True}, assessed_at=at("2026-03-01 10:00"))
        crisis.record_assessment(uow, med, case_id, {"threat_to_kill": True, "controlling": True},
                                 assessed_at=at("2026-03-08 10:00"))
        crisis.record_assessment(uow, med, case_id, {"threat_to_kill": True}, assessed_at=at("2026-03-20 10:00"))
        crisis.record_assessment(uow, med, case_id, {"controlling": True}, assessed_at=at("2026-05-20 10:00"))
    with store.uow(write=True) as uow:
        views = crisis.assessments(uow, med, case_id)
        assert crisis.current_level(uow, med, case_id) == RiskLevel.LOW
    assert [v.final_level.label for v in views] == ["中", "高", "高", "低"]
    assert [v.trend for v in views] == [None, Trend.UP, Trend.SAME, Trend.DOWN]
    assert [v.score_change for v in views] == [None, 1, -2, -3]
    assert views[0].assessor == "rec"
    with pytest.raises(RuntimeError):                     # an audited read in a read-only unit is a bug
        with store.uow() as uow:
            crisis.assessments(uow, med, case_id)


def test_assessment_on_a_closed_case_is_refused(world) -> None:  # noqa: ANN001
    store, med, _rec, sup = world
    from fulian_desktop.domain.workflow import Transition as T
    from fulian_desktop.services.cases import workflow

    case_id = _case(store, med)
    with store.uow(write=True) as uow:
        workflow.transition(uow, med, case_id, T.ACCEPT)
        workflow.transition(uow, med, case_id, T.REQUEST_CLOSURE, reason="已处置")
    with store.uow(write=True) as uow:
        (pending,) = workflow.list_approvals(uow, sup, case_id=case_id, pending_only=True)
        workflow.decide(uow, sup, pending.id, True)
    with pytest.raises(WorkflowError):
        with store.uow(write=True) as uow:
            crisis.record_assessment(uow, med, case_id, {"weapon": True})


# --- safety plan ------------------------------------------------------------------------------------

def test_safety_plan_is_versioned_confidential_and_kept_out_of_the_timeline(world) -> None:  # noqa: ANN001
    store, med, rec, sup = world
    case_id = _case(store, med)
    with store.uow(write=True) as uow:
        assert crisis.get_safety_plan(uow, med, case_id) is None
        v1 = crisis.save_safety_plan(uow, med, case_id, {
            "safe_contacts": ["姐姐 李某芳 13800000001", "  ", "邻居 王阿姨"],
            "code_word": CODE_WORD, "emergency_numbers": "110 报警\n12338 妇女维权热线\n" + SHELTER_ADDRESS})
    assert v1.version == 1 and v1.sections["safe_contacts"] == ["姐姐 李某芳 13800000001", "邻居 王阿姨"]
    assert v1.sections["emergency_numbers"][1] == "12338 妇女维权热线"
    assert "escape_route" in v1.missing and "code_word" not in v1.missing

    with store.uow(write=True) as uow:
        v2 = crisis.save_safety_plan(uow, sup, case_id, {**v1.sections, "escape_route": "从后门出，去村委会"},
                                     expected_version=v1.version)
    assert v2.version == 2 and v2.previous[0]["version"] == 1 and v2.previous[0]["sections"]["code_word"] == CODE_WORD
    with pytest.raises(ConflictError):                    # saved over by someone else since version 1
        with store.uow(write=True) as uow:
            crisis.save_safety_plan(uow, med, case_id, {"code_word": "别的暗号"}, expected_version=1)
    with pytest.raises(ValidationError):
        with store.uow(write=True) as uow:
            crisis.save_safety_plan(uow, med, case_id, {"secret_room": "x"})

    for call in (lambda uow: crisis.get_safety_plan(uow, rec, case_id),
                 lambda uow: crisis.save_safety_plan(uow, rec, case_id, {"code_word": "x"})):
        with pytest.raises(PermissionDenied):            # reception may not see confidential details
            with store.uow(write=True) as uow:
                call(uow)
    with store.uow(write=True) as uow:
        assert crisis.get_safety_plan(uow, med, case_id).sections["escape_route"] == "从后门出，去村委会"
    text = _texts(store, case_id)
    assert "安全计划" in text and CODE_WORD not in text and SHELTER_ADDRESS not in text and "李某芳" not in text
    with store.uow() as uow:
        views = uow.s.execute(select(AuditEntry).where(AuditEntry.entity == "safety_plan",
                                                       AuditEntry.action == "view")).scalars().all()
        assert len(views) == 2 and verify_chain(uow.s).ok   # the empty first look and the last one


# --- action log -------------------------------------------------------------------------------------

def test_action_log_is_append_only_and_keeps_sensitive_notes_out_of_general_views(world) -> None:  # noqa: ANN001
    store, med, rec, _sup = world
    case_id = _case(store, med)
    with store.uow(write=True) as uow:
        crisis.log_action(uow, rec, case_id, ActionKind.POLICE_CALLED, at=at("2026-03-09 22:10"),
                          detail="拨打110，高塘岭派出所出警")
        crisis.log_action(uow, med, case_id, "warning_letter", at=at("2026-03-10 09:00"), detail="望公(高)告字〔2026〕3号")
        crisis.log_action(uow, med, case_id, ActionKind.SHELTER, at=at("2026-03-10 11:00"), detail=SHELTER_ADDRESS)
        crisis.log_action(uow, med, case_id, ActionKind.MEDICAL, at=at("2026-03-10 08:00"), detail="左臂骨折")
    with pytest.raises(ValidationError) as err:
        with store.uow(write=True) as uow:
            crisis.log_action(uow, med, case_id, ActionKind.MANDATORY_REPORT, detail="已向派出所报案")
    assert err.value.code == "concerns_required"
    with pytest.raises(ValidationError) as err:
        with store.uow(write=True) as uow:
            crisis.log_action(uow, med, case_id, ActionKind.ORDER_VIOLATED, detail="x")
    assert err.value.code == "use_protection_order"
    with store.uow(write=True) as uow:
        report = crisis.log_action(uow, med, case_id, ActionKind.MANDATORY_REPORT, at=at("2026-03-10 12:00"),
                                   concerns="儿子 张小明（9岁，无民事行为能力人），疑似遭受殴打",
                                   detail="已向高塘岭派出所报案")
    assert report.data == {"concerns": "儿子 张小明（9岁，无民事行为能力人），疑似遭受殴打"}
    assert report.detail == "已向高塘岭派出所报案" and report.text.startswith("报告对象：儿子 张小明")

    with store.uow() as uow:
        for_med = crisis.actions(uow, med, case_id)
        for_rec = crisis.actions(uow, rec, case_id)
    assert [a.label for a in for_med] == ["已报警", "医疗救治", "公安告诫书", "临时庇护", "强制报告"]
    assert next(a for a in for_med if a.kind == ActionKind.SHELTER).detail == SHELTER_ADDRESS
    hidden = {a.kind: a for a in for_rec if a.redacted}
    assert set(hidden) == {ActionKind.SHELTER, ActionKind.MEDICAL, ActionKind.MANDATORY_REPORT}
    assert all(a.detail is None for a in hidden.values())
    assert next(a for a in for_rec if a.kind == ActionKind.POLICE_CALLED).detail == "拨打110，高塘岭派出所出警"

    text = _texts(store, case_id)
    assert "危机干预：临时庇护" in text and "危机干预：强制报告" in text
    for secret in (SHELTER_ADDRESS, "张小明", "骨折"):
        assert secret not in text
    assert not hasattr(crisis, "delete_action") and not hasattr(crisis, "update_action")


# --- protection orders ------------------------------------------------------------------------------

MEASURES = ["no_violence", "no_harassment", "禁止被申请人到申请人工作的超市"]


def _apply(store, actor, case_id, applied_at, urgent=False):  # noqa: ANN001, ANN202
    with store.uow(write=True) as uow:
        return po.apply_for_order(uow, actor, case_id, "望城区人民法院", applied_at, urgent, True, MEASURES)


def _orders(store, actor, case_id, now):  # noqa: ANN001, ANN202
    with store.uow() as uow:
        return po.order_status(uow, actor, case_id, now=now)


def test_application_needs_consent_unless_the_victim_lacks_capacity(world) -> None:  # noqa: ANN001
    store, med, _rec, _sup = world
    case_id = _case(store, med)
    with pytest.raises(ValidationError) as err:
        with store.uow(write=True) as uow:
            po.apply_for_order(uow, med, case_id, "望城区人民法院", at("2026-03-09 16:00"), False, False, MEASURES)
    assert err.value.code == "consent_required"
    with pytest.raises(ValidationError) as err:
        with store.uow(write=True) as uow:
            po.apply_for_order(uow, med, case_id, "望城区人民法院", at("2026-03-09 16:00"), False, False, MEASURES,
                               lacks_capacity=True)
    assert err.value.code == "capacity_note_required"
    with pytest.raises(ValidationError) as err:
        with store.uow(write=True) as uow:
            po.apply_for_order(uow, med, case_id, "望城区人民法院", at("2026-03-09 16:00"), False, True, [])
    assert err.value.code == "measures_required"
    with store.uow(write=True) as uow:
        order = po.apply_for_order(uow, med, case_id, "望城区人民法院", at("2026-03-09 16:00"), False, False, MEASURES,
                                   lacks_capacity=True, capacity_note="受害人为精神残疾二级，限制民事行为能力人")
    assert order.on_behalf == "lacks_capacity" and not order.consent_recorded
    assert order.history[0]["capacity_note"].startswith("受害人为精神残疾")
    assert order.measure_labels[0] == "禁止被申请人实施家庭暴力" and order.measure_labels[2] == MEASURES[2]
    assert _detail(store, med, case_id).row.domestic_violence
    with pytest.raises(WorkflowError):                    # one pending application at a time
        _apply(store, med, case_id, at("2026-03-09 18:00"))


def test_decision_clock_72_hours_stopped_by_the_ruling(world) -> None:  # noqa: ANN001
    store, med, _rec, _sup = world
    case_id = _case(store, med)
    accepted = at("2026-03-09 16:00")
    order = _apply(store, med, case_id, accepted)
    clock = order.decision_clock
    assert clock.kind == ClockKind.PROTECTION_ORDER_DECISION and clock.deadline.due_at == accepted + timedelta(hours=72)
    (view,) = _orders(store, med, case_id, accepted + timedelta(hours=10))
    assert view.decision_clock.status == ClockStatus.RUNNING and view.decision_clock.countdown == "剩 62 小时"
    (view,) = _orders(store, med, case_id, accepted + timedelta(hours=61))
    assert view.decision_clock.status == ClockStatus.DUE_SOON
    with store.uow() as uow:
        assert any(c.kind == ClockKind.PROTECTION_ORDER_DECISION for c in clocks.case_clocks(uow, med, case_id))

    with pytest.raises(ValidationError):
        with store.uow(write=True) as uow:
            po.decide_order(uow, med, order.id, True, accepted - timedelta(hours=1))
    decided = accepted + timedelta(hours=40)
    with store.uow(write=True) as uow:
        ruled = po.decide_order(uow, med, order.id, True, decided)
    assert ruled.status == po.OrderStatus.GRANTED and ruled.decision_clock.stopped_at == decided
    (later,) = _orders(store, med, case_id, accepted + timedelta(days=30))   # shown as it stood when stopped
    assert later.decision_clock.status == ClockStatus.RUNNING and later.decision_clock.countdown == "剩 32 小时"
    timeline = [e.summary for e in _detail(store, med, case_id).events]
    assert "停止计时：保护令作出期限（法院作出保护令，按时）" in timeline
    with pytest.raises(WorkflowError):
        with store.uow(write=True) as uow:
            po.decide_order(uow, med, order.id, False, decided)


def test_urgent_application_24_hours_and_a_late_rejection(world) -> None:  # noqa: ANN001
    store, med, _rec, _sup = world
    case_id = _case(store, med)
    accepted = at("2026-05-01 09:00")
    order = _apply(store, med, case_id, accepted, urgent=True)
    assert order.urgent and order.decision_clock.deadline.due_at == at("2026-05-02 09:00")   # hours never roll
    (view,) = _orders(store, med, case_id, at("2026-05-02 10:00"))
    assert view.decision_clock.status == ClockStatus.OVERDUE
    with store.uow(write=True) as uow:
        ruled = po.decide_order(uow, med, order.id, False, at("2026-05-02 11:00"), "证据不足")
    assert ruled.status == po.OrderStatus.REJECTED and "复议" in ruled.review_hint
    assert "停止计时：保护令作出期限（法院驳回申请，超期）" in [e.summary for e in _detail(store, med, case_id).events]
    with pytest.raises(WorkflowError):
        with store.uow(write=True) as uow:
            po.issue_order(uow, med, order.id)
    _apply(store, med, case_id, at("2026-05-06 09:00"))  # a new application once the first is decided


def _granted(store, actor, case_id) -> str:  # noqa: ANN001
    order = _apply(store, actor, case_id, at("2026-03-09 16:00"))
    with store.uow(write=True) as uow:
        po.decide_order(uow, actor, order.id, True, at("2026-03-10 10:00"))
    return order.id


def _issued(store, actor, case_id, expires_on=None):  # noqa: ANN001, ANN202
    order_id = _granted(store, actor, case_id)
    with store.uow(write=True) as uow:
        return po.issue_order(uow, actor, order_id, expires_on=expires_on)


def test_order_runs_six_months_with_an_alert_14_days_before(world) -> None:  # noqa: ANN001
    store, med, _rec, _sup = world
    case_id = _case(store, med)
    order_id = _granted(store, med, case_id)
    with pytest.raises(ValidationError) as err:           # longer than six months is refused
        with store.uow(write=True) as uow:
            po.issue_order(uow, med, order_id, expires_on=date(2026, 9, 11))
    assert err.value.code == "order_too_long" and "2026-09-10" in err.value.message

    with store.uow(write=True) as uow:
        order = po.issue_order(uow, med, order_id)
    assert (order.issued_on, order.expires_on) == (date(2026, 3, 10), date(2026, 9, 10))   # default: exactly 6 months
    assert order.expiry_clock.kind == ClockKind.PROTECTION_ORDER_EXPIRY
    assert order.expiry_clock.deadline.last_day == date(2026, 9, 10)

    def seen(now: datetime):  # noqa: ANN202
        (view,) = _orders(store, med, case_id, now)
        return view

    assert seen(at("2026-08-26 09:00")).expiry_status == ClockStatus.RUNNING          # 15 days left
    alert = seen(at("2026-08-27 09:00"))                                               # 14 days left
    assert alert.expiry_status == ClockStatus.DUE_SOON and alert.expiry_alert and alert.in_force
    assert alert.expiry_clock.status == ClockStatus.DUE_SOON
    assert alert.expiry_text == "剩 14 天（2026-09-10 到期）"
    assert seen(at("2026-09-10 23:00")).expiry_status == ClockStatus.DUE_TODAY
    gone = seen(at("2026-09-11 00:00"))
    assert gone.expired and not gone.in_force and gone.status_label == "已失效" and not gone.expiry_alert

    with store.uow(write=True) as uow:
        served = po.serve_order(uow, med, order.id, date(2026, 3, 11), "已送达双方、派出所和村委会")
    assert served.status == po.OrderStatus.SERVED and served.served_on == date(2026, 3, 11)
    with store.uow() as uow:
        assert [a.kind for a in crisis.actions(uow, med, case_id)] == [
            ActionKind.ORDER_APPLIED, ActionKind.ORDER_DECIDED, ActionKind.ORDER_ISSUED, ActionKind.ORDER_SERVED]


def test_shorter_orders_keep_their_real_last_day_on_the_clock(world) -> None:  # noqa: ANN001
    store, med, _rec, _sup = world
    three = _issued(store, med, _case(store, med), expires_on=date(2026, 6, 10))
    assert three.expiry_clock.deadline.last_day == date(2026, 6, 10)
    month_end = _issued(store, med, _case(store, med), expires_on=date(2026, 8, 31))   # no 31st six months before
    assert month_end.expiry_clock.deadline.last_day == date(2026, 8, 31)
    with store.uow() as uow:
        row = uow.s.get(CaseClock, month_end.expiry_clock.id)
        assert row.due_at == datetime(2026, 9, 1, tzinfo=LOCAL_TZ)   # what the supervisor's queue reads


def test_vary_and_extend_before_the_order_lapses(world) -> None:  # noqa: ANN001
    store, med, _rec, _sup = world
    case_id = _case(store, med)
    order = _issued(store, med, case_id)
    with pytest.raises(ValidationError):
        with store.uow(write=True) as uow:
            po.vary_order(uow, med, order.id, ["move_out"], "", varied_on=date(2026, 4, 1))
    with store.uow(write=True) as uow:
        varied = po.vary_order(uow, med, order.id, ["no_violence", "move_out"], "法院裁定责令迁出",
                               varied_on=date(2026, 4, 1))
    assert varied.measures == ("no_violence", "move_out") and varied.history[-1]["old_measures"] == MEASURES

    for new, decided, code in ((date(2027, 3, 2), date(2026, 9, 1), "order_too_long"),
                               (date(2027, 3, 1), date(2026, 9, 11), "order_expired")):
        with pytest.raises(ValidationError) as err:
            with store.uow(write=True) as uow:
                po.extend_order(uow, med, order.id, new, decided)
        assert err.value.code == code
    with pytest.raises(ValidationError):                  # must end later than it does now
        with store.uow(write=True) as uow:
            po.extend_order(uow, med, order.id, date(2026, 9, 5), date(2026, 9, 1))
    with store.uow(write=True) as uow:
        longer = po.extend_order(uow, med, order.id, date(2027, 3, 1), date(2026, 9, 1), "申请人申请延长")
    assert longer.expires_on == date(2027, 3, 1) and longer.expiry_clock.deadline.last_day == date(2027, 3, 1)
    assert longer.expiry_clock.id != order.expiry_clock.id
    (view,) = _orders(store, med, case_id, at("2026-09-20 09:00"))
    assert view.in_force and view.expiry_status == ClockStatus.RUNNING
    with store.uow() as uow:
        expiry = [c for c in clocks.case_clocks(uow, med, case_id) if c.kind == ClockKind.PROTECTION_ORDER_EXPIRY]
    assert len(expiry) == 2 and sum(c.stopped_at is None for c in expiry) == 1


def test_violation_is_logged_and_makes_a_major_incident(world) -> None:  # noqa: ANN001
    store, med, _rec, sup = world
    case_id = _case(store, med)
    order = _issued(store, med, case_id)
    assert not _detail(store, med, case_id).row.major_incident
    with pytest.raises(ValidationError):
        with store.uow(write=True) as uow:
            po.record_violation(uow, med, order.id, at("2026-04-02 21:00"), "  ")
    with pytest.raises(ValidationError) as err:           # after the order lapsed it is no violation of it
        with store.uow(write=True) as uow:
            po.record_violation(uow, med, order.id, at("2026-09-11 21:00"), "上门辱骂")
    assert err.value.code == "order_expired"
    with store.uow(write=True) as uow:
        view = po.record_violation(uow, med, order.id, at("2026-04-02 21:00"), "被申请人到超市门口辱骂申请人，已报警")
    assert view.violations == 1 and view.history[-1]["event"] == "violated"
    row = _detail(store, med, case_id).row
    assert row.major_incident
    with store.uow() as uow:
        logged = uow.s.execute(select(CrisisAction).where(CrisisAction.kind == "order_violated")).scalar_one()
        assert logged.protection_order_id == order.id and "超市门口" in logged.detail
        queue = review.review_queue(uow, sup)
        assert queue[0].case.id == case_id and queue[0].reasons[0] == Reason.MAJOR
    timeline = [e.summary for e in _detail(store, sup, case_id).events]
    assert "被申请人违反人身安全保护令（2026-04-02 21:00）" in timeline
    assert "标记为重大案事件：违反人身安全保护令" in timeline
    with store.uow() as uow:
        entries = history.case_history(uow, sup, case_id)
        assert any(e.entity == "protection_order" for e in entries)
        assert verify_chain(uow.s).ok


def test_nothing_outside_the_actors_scope(world) -> None:  # noqa: ANN001
    store, med, rec, sup = world
    district_case = _case(store, sup, "区级案件")
    with pytest.raises(PermissionDenied):
        with store.uow(write=True) as uow:
            crisis.record_assessment(uow, med, district_case, {"weapon": True})
    with pytest.raises(PermissionDenied):
        with store.uow() as uow:
            po.order_status(uow, rec, district_case)
