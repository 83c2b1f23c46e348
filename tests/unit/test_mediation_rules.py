"""People's-mediation rules: the session record, signatures and the effective date, the confirmation
window, and terms a court cannot confirm (民诉法解释第三百五十五条)."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.mediation_rules import (
    AgreementForm, MarriageOutcome, Notice, OtherRoute, SessionOutcome, arbitration_excluded,
    check_confirmation_application, check_routes_told, confirmation_deadline, default_copies, effective_date,
    missing_record_items, missing_signatures, non_confirmable, other_routes, parse_enum,
)
from fulian_desktop.domain.workcalendar import WorkCalendar

CAL = WorkCalendar()


def _utc(y: int, mo: int, d: int, h: int = 2) -> datetime:
    return datetime(y, mo, d, h, tzinfo=timezone.utc)


# --- non-confirmable terms ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "双方自愿解除婚姻关系",
    "原被告双方于2026年10月20日前到民政局办理离婚登记手续",
    "双方同意离婚",
    "双方离婚。",
    "确认双方婚姻无效",
    "撤销双方的婚姻",
    "双方确认婚姻关系有效",
    "双方于下月复婚",
    "双方于年底前办理结婚登记",
    "确认王小明与张某之间存在亲子关系",
    "男方否认王小明系其亲生",
    "王小明系张某亲生子女",
    "双方同意断绝父子关系",
    "解除李某与王某之间的收养关系",
    "双方同意解除收养",
    "将孩子送养给其姑姑",
    "双方同意不离婚，继续共同生活",
    "确认双方身份关系",
])
def test_status_terms_are_flagged(text: str) -> None:
    reason = non_confirmable(text)
    assert reason is not None, text
    assert "第三百五十五条" in reason


@pytest.mark.parametrize("text", [
    "男方每月支付抚养费1500元",
    "离婚后男方每月5日前支付女儿抚养费1000元",
    "协议离婚后，孩子由女方抚养，男方每月支付抚养费800元",
    "离婚时双方共同财产中的存款平分",
    "婚姻关系存续期间的共同债务由男方偿还",
    "男方继续偿还婚姻关系存续期间的房贷",
    "子女王小明由女方直接抚养，男方每周六可探望一次",
    "因解除婚约，女方退还彩礼三万元",
    "男方不得以离婚相威胁，不得实施家庭暴力",
    "女方撤回离婚起诉",
    "结婚时女方带来的嫁妆归女方所有",
    "男方归还女方的身份证、结婚证",
    "儿子每月支付母亲赡养费500元",
    "男方陪孩子参加学校的亲子活动",
    "",
    None,
])
def test_support_custody_and_property_terms_are_not_flagged(text: str | None) -> None:
    assert non_confirmable(text) is None, text


def test_reasons_name_what_the_term_does() -> None:
    assert non_confirmable("双方自愿解除婚姻关系").startswith("解除婚姻关系")
    assert non_confirmable("确认亲子关系").startswith("确认或否认亲子关系")
    assert non_confirmable("解除收养关系").startswith("确认或解除收养关系")
    assert non_confirmable("双方同意不离婚").startswith("约定不离婚")


# --- the session record ------------------------------------------------------------------------------

def test_a_complete_record_lacks_nothing() -> None:
    assert missing_record_items(_utc(2026, 9, 1), ["p1"], ["rights_duties", "recusal"],
                                [{"speaker": "p1", "text": "……"}], "continue") == []


def test_every_missing_item_is_named() -> None:
    missing = missing_record_items(None, [], ["recusal"], [], None)
    assert missing == ["调解时间", "到场当事人（至少一人）", "告知权利义务", "调解笔录（至少一条陈述）", "调解结果"]


def test_failed_mediation_needs_the_other_routes_told() -> None:
    base = (_utc(2026, 9, 1), ["p1"], ["rights_duties"], [{"speaker": "p1", "text": "不同意"}])
    assert any("第二十六条" in m for m in missing_record_items(*base, "failed"))
    assert missing_record_items(base[0], base[1], ["rights_duties", "other_routes"], base[3], "failed") == []
    assert SessionOutcome.REFUSED.ends_mediation and not SessionOutcome.CONTINUE.ends_mediation


def test_enums_accept_code_label_or_member_and_refuse_others() -> None:
    assert parse_enum(Notice, "告知保密", "告知事项", "notices") == Notice.CONFIDENTIALITY
    assert parse_enum(MarriageOutcome, "guided_divorce", "结果", "outcome") == MarriageOutcome.GUIDED_DIVORCE
    with pytest.raises(ValidationError) as err:
        parse_enum(MarriageOutcome, "divorce", "调解结果", "outcome")
    assert "调和" in err.value.message and err.value.field == "outcome"


# --- signatures and the effective date ---------------------------------------------------------------

def _sig(at: datetime) -> dict[str, str]:
    return {"how": "signed", "at": at.isoformat()}


def test_written_agreement_needs_every_signature_and_takes_the_last_local_date() -> None:
    parties = ["a", "b"]
    full = {"a": _sig(_utc(2026, 9, 1)), "b": _sig(_utc(2026, 9, 2))}
    mediator, seal = _utc(2026, 9, 2), datetime(2026, 9, 2, 17, 30, tzinfo=timezone.utc)  # 9-3 01:30 in China
    assert effective_date("written", parties, full, mediator, seal) == date(2026, 9, 3)
    assert effective_date("written", parties, {"a": full["a"]}, mediator, seal) is None
    assert effective_date("written", parties, {"a": full["a"], "b": None}, mediator, seal) is None
    assert effective_date("written", parties, full, None, seal) is None
    assert effective_date("written", parties, full, mediator, None) is None
    assert effective_date("written", [], {}, mediator, seal) is None
    assert missing_signatures("written", parties, {"a": full["a"]}, None, None) == ["b", "mediator", "seal"]


def test_oral_agreement_is_effective_on_the_day_of_assent() -> None:
    assent = {"a": {"how": "oral", "at": _utc(2026, 9, 5).isoformat()},
              "b": {"how": "oral", "at": _utc(2026, 9, 5).isoformat()}}
    assert effective_date(AgreementForm.ORAL, ["a", "b"], assent, None, None) == date(2026, 9, 5)


def test_one_copy_per_party_plus_one_kept() -> None:
    assert default_copies(2) == 3


# --- the confirmation window -------------------------------------------------------------------------

def test_window_is_thirty_days_rolled_off_the_national_day_holiday() -> None:
    deadline = confirmation_deadline(date(2026, 9, 1), CAL)
    assert deadline.rolled_from == date(2026, 10, 1) and deadline.last_day == date(2026, 10, 8)
    assert check_confirmation_application(date(2026, 9, 1), date(2026, 10, 8), CAL).last_day == date(2026, 10, 8)


def test_late_early_and_premature_applications_are_refused() -> None:
    with pytest.raises(ValidationError) as err:
        check_confirmation_application(date(2026, 9, 1), date(2026, 10, 9), CAL)
    assert err.value.code == "confirmation_window_passed" and "2026-10-08" in err.value.message
    with pytest.raises(ValidationError):
        check_confirmation_application(date(2026, 9, 1), date(2026, 8, 31), CAL)
    with pytest.raises(ValidationError) as err:
        check_confirmation_application(None, date(2026, 9, 2), CAL)
    assert err.value.code == "agreement_not_effective"
    with pytest.raises(ValidationError):
        check_confirmation_application(date(2026, 9, 1), date(2026, 9, 20), CAL, today=date(2026, 9, 10))


# --- the routes told after 调解不成 (人民调解法第二十六条, 仲裁法第三条) ------------------------------------

def test_marriage_and_family_disputes_are_not_told_of_arbitration() -> None:
    every = (OtherRoute.ARBITRATION, OtherRoute.ADMINISTRATIVE, OtherRoute.LITIGATION)
    family = (OtherRoute.ADMINISTRATIVE, OtherRoute.LITIGATION)
    assert other_routes("婚姻家庭") == family
    assert other_routes(None, "婚姻家庭", "离婚问题") == family
    assert other_routes(None, "财产权益", "继承") == family            # 继承 is excluded too
    assert other_routes("合同") == every and other_routes("邻里") == every
    assert other_routes(None) == every                                # unclassified: every route
    assert arbitration_excluded("房屋宅基地", None, "赡养")


def test_telling_arbitration_for_a_family_dispute_is_refused_and_untold_routes_are_named() -> None:
    family = other_routes("婚姻家庭")
    check_routes_told(family, family)
    with pytest.raises(ValidationError) as err:
        check_routes_told(tuple(OtherRoute), family)
    assert err.value.code == "arbitration_excluded" and "仲裁法第三条" in err.value.message
    with pytest.raises(ValidationError) as err:
        check_routes_told([OtherRoute.LITIGATION], family)
    assert err.value.code == "routes_not_told" and "行政处理" in err.value.message and "仲裁" not in err.value.message
    with pytest.raises(ValidationError) as err:
        check_routes_told([OtherRoute.LITIGATION], other_routes("合同"))
    assert "仲裁" in err.value.message
