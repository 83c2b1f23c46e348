"""Referrals: a case sent up or down the tiers, or out to another agency.

Pure rules, no database: the statuses and which change may follow which, where a case may be
sent between tiers, what may be shared with an agency and when consent is needed.

Between tiers (层级转介): a village escalates (上报) to its own town, a town to the district; the
district or a town assigns (交办) to a direct child. 待接收 → 已接收 | 已退回 | 已撤回.
To an agency (部门转介): 已发送 → 已接收 | 已拒绝; 已接收 → 已反馈; 已撤回 from 已发送 or 已接收.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .enums import Tier, Labelled
from .errors import ValidationError, WorkflowError


class ReferralKind(Labelled):
    TIER = "tier", "层级转介"
    AGENCY = "agency", "部门转介"


class TierDirection(Labelled):
    ESCALATE = "escalate", "上报"   # to the parent unit
    ASSIGN = "assign", "交办"       # to a direct child unit


class TierStatus(Labelled):
    PENDING = "pending", "待接收"
    ACCEPTED = "accepted", "已接收"
    RETURNED = "returned", "已退回"
    WITHDRAWN = "withdrawn", "已撤回"


class AgencyStatus(Labelled):
    SENT = "sent", "已发送"
    RECEIVED = "received", "已接收"
    REFUSED = "refused", "已拒绝"
    FEEDBACK = "feedback", "已反馈"
    WITHDRAWN = "withdrawn", "已撤回"


class Consent(Labelled):
    GIVEN = "given", "当事人同意"
    OVERRIDE = "override", "督导决定（未经当事人同意）"
    NOT_NEEDED = "not_needed", "无需同意（系统内转介）"


class AgencyType(Labelled):
    LEGAL_AID = "legal_aid", "法律援助中心"
    POLICE = "police", "公安"
    COURT = "court", "法院"
    PROCURATORATE = "procuratorate", "检察院"
    CIVIL_AFFAIRS = "civil_affairs", "民政/庇护"
    HEALTH = "health", "卫健/医疗"
    EDUCATION = "education", "教育"
    JUSTICE_OFFICE = "justice_office", "司法所"
    COUNSELLING = "counselling", "心理咨询机构"
    OTHER = "other", "其他"


# What may be shared with an agency. Anything else stays with the federation.
CONTACT_ITEM = "联系方式"
SHAREABLE_ITEMS: tuple[str, ...] = ("基本情况", CONTACT_ITEM, "案情摘要", "身份证明", "证据材料", "调解记录",
                                    "危险评估")


@dataclass(frozen=True)
class Change:
    label: str                  # the verb shown to users: 接收, 退回 …
    needs_reason: bool = False


# (kind, from status, to status) -> the change. Anything not listed is refused.
_T, _A = TierStatus, AgencyStatus
TRANSITIONS: dict[tuple[ReferralKind, str, str], Change] = {
    (ReferralKind.TIER, _T.PENDING, _T.ACCEPTED): Change("接收"),
    (ReferralKind.TIER, _T.PENDING, _T.RETURNED): Change("退回", needs_reason=True),
    (ReferralKind.TIER, _T.PENDING, _T.WITHDRAWN): Change("撤回", needs_reason=True),
    (ReferralKind.AGENCY, _A.SENT, _A.RECEIVED): Change("登记对方已接收"),
    (ReferralKind.AGENCY, _A.SENT, _A.REFUSED): Change("登记对方拒绝", needs_reason=True),
    (ReferralKind.AGENCY, _A.RECEIVED, _A.FEEDBACK): Change("登记反馈", needs_reason=True),
    (ReferralKind.AGENCY, _A.SENT, _A.WITHDRAWN): Change("撤回", needs_reason=True),
    (ReferralKind.AGENCY, _A.RECEIVED, _A.WITHDRAWN): Change("撤回", needs_reason=True),
}

INITIAL_STATUS = {ReferralKind.TIER: TierStatus.PENDING, ReferralKind.AGENCY: AgencyStatus.SENT}


def status_enum(kind: ReferralKind | str) -> type[TierStatus] | type[AgencyStatus]:
    return TierStatus if ReferralKind(kind) == ReferralKind.TIER else AgencyStatus


def status_label(kind: ReferralKind | str, status: str) -> str:
    try:
        return status_enum(kind)(status).label
    except ValueError:
        return status


def sources(kind: ReferralKind | str, target: str) -> frozenset[str]:
    """The statuses from which `target` may be reached."""
    kind = ReferralKind(kind)
    return frozenset(str(src) for (k, src, dst) in TRANSITIONS if k == kind and dst == target)


def allowed(kind: ReferralKind | str, status: str) -> list[str]:
    kind = ReferralKind(kind)
    return [TRANSITIONS[key].label for key in TRANSITIONS if key[0] == kind and key[1] == status]


def check_transition(kind: ReferralKind | str, current: str, target: str, reason: str | None = None) -> Change:
    """The change from `current` to `target`, or a WorkflowError saying why it cannot happen."""
    kind = ReferralKind(kind)
    change = TRANSITIONS.get((kind, current, target))
    if change is None:
        can = "、".join(allowed(kind, current)) or "无（已办结）"
        raise WorkflowError(f"转介当前为“{status_label(kind, current)}”，不能改为“{status_label(kind, target)}”。"
                            f"此时可以：{can}。", code="illegal_referral_change")
    if change.needs_reason and not (reason or "").strip():
        raise WorkflowError(f"“{change.label}”须填写理由或说明。", code="reason_required", field="reason")
    return change


# --- where a case may go between tiers --------------------------------------------------------------

@dataclass(frozen=True)
class UnitInfo:
    id: str
    name: str
    tier: Tier
    parent_id: str | None


def tier_direction(units: Mapping[str, UnitInfo], from_id: str, to_id: str) -> TierDirection:
    """Up to the parent (上报) or down to a direct child (交办); anything else is refused, with why."""
    src, dst = units[from_id], units[to_id]
    if src.id == dst.id:
        raise WorkflowError(f"案件已在{src.name}，不能转介给本单位。", code="referral_same_unit")
    if dst.id == src.parent_id:
        return TierDirection.ESCALATE
    if dst.parent_id == src.id:
        return TierDirection.ASSIGN
    hint = _where_to(units, src)
    if _is_ancestor(units, dst.id, src.id):
        raise WorkflowError(f"不能越级上报：{src.name}的上级是{units[src.parent_id].name}，"
                            f"不能直接转介给{dst.name}。{hint}", code="referral_skips_tier")
    if _is_ancestor(units, src.id, dst.id):
        raise WorkflowError(f"不能越级交办：{dst.name}不是{src.name}的直属下级单位。{hint}",
                            code="referral_skips_tier")
    if src.tier == dst.tier:
        raise WorkflowError(f"不能平级转介：{src.name}与{dst.name}同为{src.tier.label}级单位。{hint}",
                            code="referral_sideways")
    raise WorkflowError(f"{dst.name}不是{src.name}的上级或直属下级单位，不能转介。{hint}",
                        code="referral_other_branch")


def _is_ancestor(units: Mapping[str, UnitInfo], ancestor_id: str, unit_id: str) -> bool:
    parent = units[unit_id].parent_id
    while parent is not None:
        if parent == ancestor_id:
            return True
        parent = units[parent].parent_id if parent in units else None
    return False


def _where_to(units: Mapping[str, UnitInfo], src: UnitInfo) -> str:
    up = units[src.parent_id].name if src.parent_id in units else None
    has_children = any(u.parent_id == src.id for u in units.values())
    if up and has_children:
        return f"只能上报给{up}，或交办给本单位直属的下级单位。"
    if up:
        return f"只能上报给{up}。"
    return "只能交办给直属的下级单位。"


# --- sharing with agencies -----------------------------------------------------------------------------

def check_shared_items(items: Iterable[str]) -> tuple[str, ...]:
    """The items in the fixed order of SHAREABLE_ITEMS, each once; unknown items are refused."""
    wanted = [str(i).strip() for i in items or () if str(i).strip()]
    unknown = [i for i in wanted if i not in SHAREABLE_ITEMS]
    if unknown:
        raise ValidationError(f"不能共享：{'、'.join(unknown)}。可共享的内容只有：{'、'.join(SHAREABLE_ITEMS)}。",
                              field="shared_items")
    if not wanted:
        raise ValidationError("请选择要共享给对方单位的内容。", field="shared_items")
    return tuple(i for i in SHAREABLE_ITEMS if i in wanted)
