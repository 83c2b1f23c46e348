"""Referral inbox and outbox as tables."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.domain.referral_rules import TierDirection
from fulian_desktop.services.referral.referrals import InboxItem, ReferralView

from ..i18n import tr
from ..common.list_table import Column

MUTED = "#80868b"


def _muted(item: InboxItem) -> str | None:
    return None if item.can_accept else MUTED


INBOX_COLUMNS: list[Column[InboxItem]] = [
    Column("direction", QT_TRANSLATE_NOOP("", "方向"), lambda i: i.direction_label,
           colour=lambda i: ("#1565c0" if i.direction == TierDirection.ESCALATE else "#6a1b9a") if i.can_accept
           else MUTED),
    Column("case_no", QT_TRANSLATE_NOOP("", "案号"), lambda i: i.case_no, colour=_muted),
    Column("title", QT_TRANSLATE_NOOP("", "案件名称"), lambda i: i.case_title, colour=_muted),
    Column("from", QT_TRANSLATE_NOOP("", "来自"), lambda i: i.from_unit_name, colour=_muted),
    Column("to", QT_TRANSLATE_NOOP("", "接收单位"), lambda i: i.to_unit_name, colour=_muted),
    Column("reason", QT_TRANSLATE_NOOP("", "转介理由"), lambda i: i.reason, colour=_muted),
    Column("sent_at", QT_TRANSLATE_NOOP("", "发送时间"), lambda i: format_local(i.sent_at), colour=_muted),
    Column("sent_by", QT_TRANSLATE_NOOP("", "发送人"), lambda i: i.sent_by_name, colour=_muted),
]

_STATUS_COLOURS = {"pending": "#9a6700", "sent": "#9a6700", "received": "#1565c0", "accepted": "#1e8e3e",
                   "feedback": "#1e8e3e", "returned": "#b3261e", "refused": "#b3261e", "withdrawn": MUTED}


def _receiver(view: ReferralView) -> str:
    if view.to_unit_name:
        return view.to_unit_name
    return f"{view.agency_name or ''}（{view.agency_type_label}）" if view.agency_type_label else view.agency_name or ""


def _answer(view: ReferralView) -> str:
    parts = [p for p in (view.responded_by_name, format_local(view.responded_at) if view.responded_at else "",
                         view.response_note or "", tr("反馈：{feedback}").format(feedback=view.feedback) if view.feedback else "") if p]
    return " · ".join(parts)


OUTBOX_COLUMNS: list[Column[ReferralView]] = [
    Column("direction", QT_TRANSLATE_NOOP("", "方式"), lambda v: v.direction_label),
    Column("case_no", QT_TRANSLATE_NOOP("", "案号"), lambda v: v.case_no),
    Column("title", QT_TRANSLATE_NOOP("", "案件名称"), lambda v: v.case_title),
    Column("to", QT_TRANSLATE_NOOP("", "接收方"), _receiver),
    Column("status", QT_TRANSLATE_NOOP("", "状态"), lambda v: v.status_label, colour=lambda v: _STATUS_COLOURS.get(v.status)),
    Column("reason", QT_TRANSLATE_NOOP("", "转介理由"), lambda v: v.reason),
    Column("sent_at", QT_TRANSLATE_NOOP("", "发送时间"), lambda v: format_local(v.sent_at)),
    Column("sent_by", QT_TRANSLATE_NOOP("", "发送人"), lambda v: v.sent_by_name),
    Column("answer", QT_TRANSLATE_NOOP("", "答复"), _answer),
]
