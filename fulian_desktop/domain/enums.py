"""Enumerations shared by the whole core.

Values are stable ASCII codes (stored in the database and in sync bundles);
`label` gives the Chinese text shown to users.
"""
from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A StrEnum whose members carry a Chinese label as a second value."""

    label: str

    def __new__(cls, value: str, label: str = ""):  # the default only tells type checkers that Kind(value) looks a member up
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label  # type: ignore[attr-defined]
        return obj

    @classmethod
    def from_label(cls, label: str):
        for member in cls:
            if member.label == label:  # type: ignore[attr-defined]
                return member
        raise ValueError(label)


class Tier(Labelled):
    DISTRICT = "district", "区"
    TOWN = "town", "街镇"
    VILLAGE = "village", "村社区"

    @property
    def child(self) -> "Tier | None":
        return {Tier.DISTRICT: Tier.TOWN, Tier.TOWN: Tier.VILLAGE}.get(self)


class Role(Labelled):
    RECEPTION = "reception", "接待员"
    MEDIATOR = "mediator", "调解员"
    COUNSELLOR = "counsellor", "心理咨询师"
    STATION_ADMIN = "station_admin", "站点管理员"
    SUPERVISOR = "supervisor", "督导"
    SYSTEM_ADMIN = "system_admin", "系统管理员"
    AUDITOR = "auditor", "审计员"


class CaseStatus(Labelled):
    REGISTERED = "registered", "登记"
    ACCEPTED = "accepted", "受理"
    IN_PROGRESS = "in_progress", "办理中"
    PENDING_CLOSURE = "pending_closure", "待结案审核"
    CLOSED = "closed", "已结案"
    REJECTED = "rejected", "不予受理"
    TRANSFERRED = "transferred", "转办"
    TERMINATED = "terminated", "终止"


class CaseKind(Labelled):
    """What kind of work opened the case; it picks the case-number word (婚调, 信访 …)."""

    PETITION = "petition", "信访接待"
    MEDIATION = "mediation", "婚姻调解"
    LEGAL_AID = "legal_aid", "法律援助"
    COUNSELLING = "counselling", "心理疏导"
    CRISIS = "crisis", "危机干预"

    @property
    def number_word(self) -> str:
        return {
            CaseKind.PETITION: "妇信",
            CaseKind.MEDIATION: "婚调",
            CaseKind.LEGAL_AID: "妇援",
            CaseKind.COUNSELLING: "心疏",
            CaseKind.CRISIS: "危干",
        }[self]


class PetitionOutcome(Labelled):
    """The 处理意见 of a petition, given when its case is closed (信访事项处理意见书)."""

    SUPPORT = "support", "支持"
    EXPLAIN = "explain", "解释说明"
    NOT_SUPPORT = "not_support", "不予支持"


class CaseSource(Labelled):
    APPLICATION = "application", "当事人申请"
    INITIATIVE = "initiative", "主动调解"
    ASSIGNED_FROM_ABOVE = "assigned", "上级交办"
    REPORTED_FROM_BELOW = "reported", "下级上报"
    POLICE = "police", "公安移交"
    COURT = "court", "法院委托"
    PETITION = "petition", "信访转办"
    SCREENING = "screening", "排查发现"
    ONLINE_OPINION = "online_opinion", "网络舆情"


class PartyRole(Labelled):
    APPLICANT = "applicant", "申请人/来访人"
    RESPONDENT = "respondent", "被申请人"
    VICTIM = "victim", "受害人"
    MINOR_CHILD = "minor_child", "未成年子女"
    AGENT = "agent", "代理人"
    WITNESS = "witness", "证人"
    OTHER = "other", "其他"


class Sex(Labelled):
    MALE = "male", "男"
    FEMALE = "female", "女"
    UNKNOWN = "unknown", "未知"


class Urgency(Labelled):
    NORMAL = "normal", "一般"
    URGENT = "urgent", "紧急"
    CRITICAL = "critical", "特急"


# Federation complaint categories (DOMAIN.md) — top level -> sub-types.
COMPLAINT_CATEGORIES: dict[str, tuple[str, ...]] = {
    "婚姻家庭": ("家庭纠纷", "干涉婚姻", "配偶外遇/重婚/同居", "离婚问题", "家庭暴力", "赡养", "抚养", "其它"),
    "人身权益": (),
    "财产权益": ("继承", "拆迁", "土地/集体收益"),
    "劳动和社会保障": ("劳动权益", "社会保障", "性别歧视"),
    "政治权利": (),
    "文化教育": (),
    "综合": (),
}

# People's-mediation dispute types (人民调解).
DISPUTE_TYPES: tuple[str, ...] = (
    "婚姻家庭", "邻里", "房屋宅基地", "合同", "生产经营", "损害赔偿", "山林土地", "征地拆迁",
    "环境污染", "劳动争议", "医疗", "道路交通事故", "物业", "消防", "其他",
)
