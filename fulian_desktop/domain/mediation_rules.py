"""People's mediation (人民调解法): the pure rules behind sessions, agreements and outcomes.

Sessions (第十七、二十二至二十七条)
- A held session's record (调解笔录) must hold the time it was held, at least one party present, the
  rights-and-duties notice (第二十三、二十四条) and at least one statement (`missing_record_items`).
- Outcomes 调解不成 / 当事人撤回 / 一方拒绝调解 end the mediation (第十七条: 当事人一方明确拒绝调解的，不得调解;
  第二十六条: 调解不成的，应当终止调解, and the parties are told the other routes, so 调解不成 also needs the
  `OTHER_ROUTES` notice).
- Which routes they are told depends on the dispute (`other_routes`): 仲裁法第三条 excludes 婚姻、收养、监护、
  扶养、继承纠纷 from arbitration, so for a marriage or family dispute the routes are 行政处理 and 诉讼 only;
  telling them of arbitration would mislead them.

Agreements (第二十八至三十三条)
- Signatories: every party of the case whose role is in `SIGNATORY_ROLES` (申请人, 被申请人, and 受害人, who is the
  applicant side in a domestic-violence case), plus any other party named as a signatory when the agreement is
  made (e.g. a parent-in-law who takes on an obligation). Minor children and witnesses never sign.
- A written agreement (调解协议书) takes effect on the local date of the LAST of: every signatory's signature, seal or
  fingerprint, the mediator's signature, the committee's seal (第二十九条). Until all are in, it has no date.
- An oral agreement takes effect on the day the parties reached it (第三十条: 口头调解协议自各方当事人达成协议之日起
  生效). The mediator records it (第二十八条) with the moment of assent; that assent is stored as every signatory's
  "oral" signature, so the same rule yields the date. No seal, no mediator signature, no papers.
- Judicial confirmation (第三十三条): a joint application within 30 days of the effective date, counted as the
  statutory clock JUDICIAL_CONFIRMATION counts it (the day after the effective day is day 1; a last day that is a
  rest day moves to the next working day).
- Terms that confirm, void or dissolve a marriage, parentage or adoption cannot be confirmed (民诉法解释第三百五十五条;
  司法确认规定第四条): `non_confirmable`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from .clocks import ClockKind, ClockState, due
from .enums import PartyRole, Labelled
from .errors import ValidationError
from .localtime import local_date
from .periods import Deadline
from .workcalendar import WorkCalendar


class SessionStatus(Labelled):
    SCHEDULED = "scheduled", "已安排"
    HELD = "held", "已调解"
    CANCELLED = "cancelled", "已取消"


class SessionOutcome(Labelled):
    CONTINUE = "continue", "继续调解"
    AGREEMENT = "agreement", "达成协议"
    FAILED = "failed", "调解不成"
    WITHDRAWN = "withdrawn", "当事人撤回"
    REFUSED = "refused", "一方拒绝调解"

    @property
    def ends_mediation(self) -> bool:
        return self in (SessionOutcome.FAILED, SessionOutcome.WITHDRAWN, SessionOutcome.REFUSED)


class Notice(Labelled):
    RIGHTS_DUTIES = "rights_duties", "告知权利义务"
    RECUSAL = "recusal", "告知可申请回避"
    VOLUNTARY = "voluntary", "告知自愿原则"
    CONFIDENTIALITY = "confidentiality", "告知保密"
    OTHER_ROUTES = "other_routes", "告知可依法通过其他途径维护权利"


class AgreementForm(Labelled):
    WRITTEN = "written", "书面协议（调解协议书）"
    ORAL = "oral", "口头协议"


class SignatureHow(Labelled):
    SIGNED = "signed", "签名"
    SEALED = "sealed", "盖章"
    FINGERPRINT = "fingerprint", "按指印"
    ORAL = "oral", "口头同意"   # oral agreements only: the assent the mediator recorded


class Performance(Labelled):
    PENDING = "pending", "待履行"
    PARTIAL = "partial", "部分履行"
    DONE = "done", "已履行"
    BREACHED = "breached", "未按约履行"


class AgreementPerformance(Labelled):
    """An agreement's 履行情况, from its terms: all performed, some (a term done or partly done), none."""

    FULL = "full", "全部履行"
    PARTIAL = "partial", "部分履行"
    NONE = "none", "未履行"


def agreement_performance(performances: Iterable[str]) -> AgreementPerformance:
    """From the terms' performances: every term done -> 全部履行; any done or partly done -> 部分履行; else (pending,
    breached, or no term) -> 未履行."""
    values = list(performances)
    if values and all(v == Performance.DONE.value for v in values):
        return AgreementPerformance.FULL
    if any(v in (Performance.DONE.value, Performance.PARTIAL.value) for v in values):
        return AgreementPerformance.PARTIAL
    return AgreementPerformance.NONE


class FollowUpMethod(Labelled):
    VISIT = "visit", "上门回访"
    PHONE = "phone", "电话回访"


class Satisfaction(Labelled):
    SATISFIED = "satisfied", "满意"
    BASICALLY = "basically", "基本满意"
    UNSATISFIED = "unsatisfied", "不满意"


class MarriageOutcome(Labelled):
    RECONCILED = "reconciled", "调和"
    WITHDRAWN_PERSUADED = "withdrawn_persuaded", "劝回"
    GUIDED_DIVORCE = "guided_divorce", "指导协议离婚"
    AGREEMENT = "agreement", "调解成功"
    FAILED = "failed", "调解不成"


class OtherRoute(Labelled):
    """第二十六条: 告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利."""

    ARBITRATION = "arbitration", "仲裁"
    ADMINISTRATIVE = "administrative", "行政处理"
    LITIGATION = "litigation", "诉讼"


class ConfirmationResult(Labelled):
    CONFIRMED = "confirmed", "确认有效"
    NOT_CONFIRMED = "not_confirmed", "不予确认"
    NOT_ACCEPTED = "not_accepted", "不予受理"
    WITHDRAWN = "withdrawn", "撤回申请"

    @property
    def allows_reapplication(self) -> bool:
        return self in (ConfirmationResult.NOT_ACCEPTED, ConfirmationResult.WITHDRAWN)


SIGNATORY_ROLES = frozenset({PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.VICTIM})
NEVER_SIGN_ROLES = frozenset({PartyRole.MINOR_CHILD, PartyRole.WITNESS})
MEDIATOR_SPEAKER = "mediator"


def parse_enum(enum: type[Labelled], value: Any, what: str, field: str) -> Any:
    """Accept a member, its code or its Chinese label; otherwise a ValidationError naming the choices."""
    if isinstance(value, enum):
        return value
    for member in enum:
        if value == member.value or value == member.label:  # type: ignore[attr-defined]
            return member
    choices = "、".join(m.label for m in enum)  # type: ignore[attr-defined]
    raise ValidationError(f"{what}无效：{value!r}（可选：{choices}）。", field=field)


# --- the session record ------------------------------------------------------------------------------

def missing_record_items(held_at: datetime | None, parties_present: Iterable[str],
                         notices_given: Iterable[str], statements: Iterable[Any],
                         outcome: str | None) -> list[str]:
    """What a held session's record still lacks, in the order a mediator fills the form."""
    missing = []
    if held_at is None:
        missing.append("调解时间")
    if not list(parties_present):
        missing.append("到场当事人（至少一人）")
    notices = set(notices_given)
    if Notice.RIGHTS_DUTIES.value not in notices:
        missing.append("告知权利义务")
    if not list(statements):
        missing.append("调解笔录（至少一条陈述）")
    if not outcome:
        missing.append("调解结果")
    elif outcome == SessionOutcome.FAILED.value and Notice.OTHER_ROUTES.value not in notices:
        missing.append("调解不成时告知可依法通过其他途径维护权利（人民调解法第二十六条）")
    return missing


# --- the routes told after 调解不成 -------------------------------------------------------------------

# 仲裁法第三条第一项: 婚姻、收养、监护、扶养、继承纠纷 cannot be arbitrated. By the case's classification: the
# people's-mediation type 婚姻家庭, the federation category 婚姻家庭 (家庭纠纷, 离婚, 赡养, 抚养 …) and 继承.
NOT_ARBITRABLE_DISPUTE_TYPES = frozenset({"婚姻家庭"})
NOT_ARBITRABLE_CATEGORIES = frozenset({"婚姻家庭"})
NOT_ARBITRABLE_SUB_CATEGORIES = frozenset({"继承", "赡养", "抚养", "离婚问题", "家庭暴力", "干涉婚姻",
                                           "配偶外遇/重婚/同居", "家庭纠纷"})
ARBITRATION_EXCLUDED_BASIS = "婚姻、收养、监护、扶养、继承纠纷不能仲裁（仲裁法第三条）"


def arbitration_excluded(dispute_type: str | None, category: str | None = None,
                         sub_category: str | None = None) -> bool:
    """True for a marriage or family dispute (仲裁法第三条), by any of the case's classifications."""
    return (dispute_type in NOT_ARBITRABLE_DISPUTE_TYPES or category in NOT_ARBITRABLE_CATEGORIES
            or sub_category in NOT_ARBITRABLE_SUB_CATEGORIES)


def other_routes(dispute_type: str | None, category: str | None = None,
                 sub_category: str | None = None) -> tuple[OtherRoute, ...]:
    """The routes the parties must be told of when mediation fails (人民调解法第二十六条), for this dispute:
    every route, except arbitration for a marriage or family dispute (仲裁法第三条)."""
    if arbitration_excluded(dispute_type, category, sub_category):
        return tuple(r for r in OtherRoute if r != OtherRoute.ARBITRATION)
    return tuple(OtherRoute)


def check_routes_told(told: Iterable[OtherRoute], required: Iterable[OtherRoute]) -> None:
    """Every required route told, and arbitration not told when it is excluded (it would mislead)."""
    told, required = set(told), tuple(required)
    if OtherRoute.ARBITRATION in told and OtherRoute.ARBITRATION not in required:
        raise ValidationError(f"本案属婚姻家庭纠纷，不能告知当事人申请仲裁：{ARBITRATION_EXCLUDED_BASIS}。",
                              code="arbitration_excluded", field="routes_told")
    untold = [r for r in required if r not in told]
    if untold:
        names = "、".join(r.label for r in required)
        raise ValidationError(f"调解不成的，须告知当事人可以依法通过{names}等途径维护自己的权利"
                              f"（人民调解法第二十六条）。尚未确认告知：{'、'.join(r.label for r in untold)}。",
                              code="routes_not_told", field="routes_told")


# --- signatures and the effective date ---------------------------------------------------------------

def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def signature_moment(entry: Mapping[str, Any] | None) -> datetime | None:
    return _moment(entry.get("at")) if entry else None


def missing_signatures(form: AgreementForm | str, signatories: Iterable[str],
                       party_signatures: Mapping[str, Any] | None, mediator_signed_at: datetime | None,
                       seal_applied_at: datetime | None) -> list[str]:
    """Codes of what is still needed: party ids, then "mediator", then "seal" (written only)."""
    form = AgreementForm(form)
    sigs = party_signatures or {}
    missing = [pid for pid in signatories if signature_moment(sigs.get(pid)) is None]
    if form == AgreementForm.WRITTEN:
        if mediator_signed_at is None:
            missing.append("mediator")
        if seal_applied_at is None:
            missing.append("seal")
    return missing


def effective_moment(form: AgreementForm | str, signatories: Iterable[str],
                     party_signatures: Mapping[str, Any] | None, mediator_signed_at: datetime | None,
                     seal_applied_at: datetime | None) -> datetime | None:
    """The moment of the last required signature or seal, or None while any is missing (第二十九、三十条)."""
    signatories = list(signatories)
    if not signatories:
        return None
    if missing_signatures(form, signatories, party_signatures, mediator_signed_at, seal_applied_at):
        return None
    sigs = party_signatures or {}
    moments = [signature_moment(sigs[pid]) for pid in signatories]
    if AgreementForm(form) == AgreementForm.WRITTEN:
        moments += [mediator_signed_at, seal_applied_at]
    return max(m for m in moments if m is not None)


def effective_date(form: AgreementForm | str, signatories: Iterable[str],
                   party_signatures: Mapping[str, Any] | None, mediator_signed_at: datetime | None,
                   seal_applied_at: datetime | None) -> date | None:
    moment = effective_moment(form, signatories, party_signatures, mediator_signed_at, seal_applied_at)
    return local_date(moment) if moment else None


def default_copies(signatory_count: int) -> int:
    """第二十九条: 当事人各执一份，人民调解委员会留存一份."""
    return signatory_count + 1


# --- judicial confirmation ---------------------------------------------------------------------------

def confirmation_deadline(effective_on: date, cal: WorkCalendar) -> Deadline:
    """The last day to apply (第三十三条), counted exactly as the JUDICIAL_CONFIRMATION clock counts."""
    return due(ClockState(ClockKind.JUDICIAL_CONFIRMATION, effective_on), cal)


def check_confirmation_application(effective_on: date | None, applied_on: date, cal: WorkCalendar,
                                   today: date | None = None) -> Deadline:
    if effective_on is None:
        raise ValidationError("调解协议尚未生效，不能申请司法确认（人民调解法第三十三条：自调解协议生效之日起三十日内）。",
                              code="agreement_not_effective")
    if applied_on < effective_on:
        raise ValidationError(f"申请日期（{applied_on.isoformat()}）早于协议生效日期（{effective_on.isoformat()}）。",
                              field="applied_on")
    if today is not None and applied_on > today:
        raise ValidationError("申请日期不能晚于今天。", field="applied_on")
    deadline = confirmation_deadline(effective_on, cal)
    if deadline.last_day is not None and applied_on > deadline.last_day:
        raise ValidationError(
            f"已超过司法确认申请期限：协议于 {effective_on.isoformat()} 生效，应于 {deadline.last_day.isoformat()} 前"
            f"（含当日）共同申请，申请日期为 {applied_on.isoformat()}（人民调解法第三十三条）。"
            "当事人可就协议履行或内容向人民法院提起诉讼（第三十二条）。",
            code="confirmation_window_passed", field="applied_on")
    return deadline


# --- terms a court cannot confirm --------------------------------------------------------------------

_LAW = "身份关系事项不能申请司法确认（民诉法解释第三百五十五条）"
_GAP = r"[^，。；;,、：:！!？?]"   # stays inside one clause


def _near(n: int) -> str:
    return f"{_GAP}{{0,{n}}}"


# (pattern, what the term does). Checked on the text with spaces removed, in this order.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), what) for p, what in (
    # marriage
    (rf"解除{_near(8)}婚姻关系|婚姻关系{_near(4)}(解除|终止)", "解除婚姻关系"),
    (rf"婚姻{_near(4)}(无效|撤销)|撤销{_near(6)}婚姻", "确认婚姻无效或撤销婚姻"),
    (rf"(确认|认定|维持|继续|恢复){_near(8)}婚姻关系|婚姻关系{_near(4)}(有效|成立|合法)|复婚",
     "确认或维持婚姻关系"),
    (r"(办理|补办)?结婚(登记|手续)|登记结婚", "成立婚姻关系（结婚登记）"),
    # parentage
    (r"亲子关系", "确认或否认亲子关系"),
    (rf"(确认|否认|承认|认定|系|是|为|非|不是){_near(8)}(亲生|生父|生母|血缘)", "确认或否认亲子关系"),
    (rf"(断绝|解除|脱离|终止){_near(4)}(父子|父女|母子|母女|亲子|父母子女)关系", "解除父母子女关系"),
    # adoption
    (r"收养关系", "确认或解除收养关系"),
    (rf"(解除|终止|撤销){_near(4)}收养|收养{_near(2)}(无效|有效|登记|手续)|送养", "成立、确认或解除收养关系"),
    (rf"(断绝|解除|终止){_near(4)}(养父|养母|养子|养女){_near(4)}关系", "解除收养关系"),
    (r"身份关系", "确认身份关系"),
))

# "婚姻关系存续期间" only dates a debt or an asset: it neither confirms nor dissolves anything.
_MARRIAGE_PERIOD = re.compile(r"婚姻(关系)?存续期[间内]")

# "离婚" is the act itself unless it only dates or conditions another duty (离婚后每月支付抚养费),
# describes a threat (不得以离婚相威胁) or a suit being withdrawn (撤回离婚起诉).
_DIVORCE = re.compile(r"离婚")
_DIVORCE_TEMPORAL = re.compile(r"(后|时|前|以[后前来]|之[后前日]|期间|当[日天月]|次月|冷静期)")
_DIVORCE_PROCEDURAL_BEFORE = re.compile(r"(撤回|撤诉|以)" + _near(4) + r"$")
_DIVORCE_NEGATED_BEFORE = re.compile(r"(不|不再|暂不|放弃|不得)" + _near(4) + r"$")


def _divorce_reason(text: str) -> str | None:
    for m in _DIVORCE.finditer(text):
        after = text[m.end():]
        if _DIVORCE_TEMPORAL.match(after):
            continue
        before = text[max(0, m.start() - 8):m.start()]
        if _DIVORCE_PROCEDURAL_BEFORE.search(before):
            continue
        if _DIVORCE_NEGATED_BEFORE.search(before):
            return "约定不离婚、维持婚姻关系"
        return "解除婚姻关系（离婚）"
    return None


def non_confirmable(term_text: str | None) -> str | None:
    """Why a term cannot be judicially confirmed, or None.

    Flags terms that confirm, void or dissolve a marriage, parentage or adoption: 离婚 / 解除婚姻关系 / 婚姻无效 /
    复婚 / 结婚登记, 确认或否认亲子关系 (亲生, 生父 …), 断绝父子关系, 收养关系 / 解除收养 / 送养. Support, custody,
    visitation, property and bride-price terms are not flagged even when they mention a divorce as their time
    or condition (离婚后男方每月支付抚养费, 子女由女方抚养, 退还彩礼). Keyword based: it warns, a person decides.
    """
    text = _MARRIAGE_PERIOD.sub("婚内", re.sub(r"\s+", "", term_text or ""))
    if not text:
        return None
    for pattern, what in _RULES:
        if pattern.search(text):
            return f"{what}：{_LAW}"
    what = _divorce_reason(text)
    return f"{what}：{_LAW}" if what else None


__all__ = [
    "SessionStatus", "SessionOutcome", "Notice", "AgreementForm", "SignatureHow", "Performance",
    "FollowUpMethod", "Satisfaction", "MarriageOutcome", "OtherRoute", "ConfirmationResult",
    "SIGNATORY_ROLES", "NEVER_SIGN_ROLES", "MEDIATOR_SPEAKER", "parse_enum", "missing_record_items",
    "ARBITRATION_EXCLUDED_BASIS", "arbitration_excluded", "other_routes", "check_routes_told",
    "signature_moment", "missing_signatures", "effective_moment", "effective_date", "default_copies",
    "confirmation_deadline", "check_confirmation_application", "non_confirmable",
]
