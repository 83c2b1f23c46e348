"""The supervisor's review queue for a unit's subtree.

Major incidents first (a 高-risk case must be seen at once), then overdue clocks, pending
approvals, clocks due within three days, and cases with no activity for thirty days.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from ...domain.clocks import ClockKind
from ...domain.enums import Role
from ...domain.errors import NotFound
from ...domain.localtime import LOCAL_TZ, local_date
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.base import utcnow
from ...store.models import ApprovalRequest, AuditEntry, Case, CaseClock, CaseEvent, OrgUnit, UserAccount
from ...store.uow import UnitOfWork
from ...access.case_rows import CASE_ROW_SELECT, case_row, scoped
from ..clocks.clocks import open_case_statuses
from .views import CaseRow

DUE_SOON_DAYS = 3
IDLE_DAYS = 30


class Reason:
    MAJOR = "major"
    OVERDUE = "overdue"
    APPROVAL = "approval"
    DUE_SOON = "due_soon"
    IDLE = "idle"
    LABELS = {"major": "重大案事件", "overdue": "已超期", "approval": "待审批", "due_soon": "3 天内到期",
              "idle": "30 天无进展"}
    ORDER = ("major", "overdue", "approval", "due_soon", "idle")


@dataclass(frozen=True)
class QueueNote:
    """One reason a case is in the queue, as fields a screen can put in its own language (``detail`` is the
    Chinese line for reports and the command line): the clock or approval named by its Chinese label (the key
    the UI translates), who asked, and the day."""

    reason: str                     # a Reason code
    subject: str = ""               # ClockKind label (overdue, due soon) or ApprovalKind label (approval)
    who: str = ""                   # who asked for the approval
    day: date | None = None         # the clock's last day, or the day of the last activity (idle)


@dataclass(frozen=True)
class QueueItem:
    case: CaseRow
    reasons: tuple[str, ...]        # Reason codes, most urgent first
    detail: str                     # one line in Chinese: which clock, which approval, since when
    due_at: datetime | None
    approval_requested_by: tuple[str, ...] = ()   # user ids of who asked for the pending approvals
    notes: tuple[QueueNote, ...] = ()             # `detail` as fields, in the same order

    @property
    def labels(self) -> str:
        return "、".join(Reason.LABELS[r] for r in self.reasons)


def review_queue(uow: UnitOfWork, actor: Actor, now: datetime | None = None) -> list[QueueItem]:
    require(actor, Permission.CASE_APPROVE)
    now = now or utcnow()
    open_statuses = open_case_statuses()
    reasons: dict[str, list[str]] = {}
    details: dict[str, list[str]] = {}
    notes: dict[str, list[QueueNote]] = {}
    due: dict[str, datetime] = {}

    def note(case_id: str, reason: str, text: str, when: datetime | None = None, *, subject: str = "",
             who: str = "", day: date | None = None) -> None:
        reasons.setdefault(case_id, []).append(reason)
        details.setdefault(case_id, []).append(text)
        notes.setdefault(case_id, []).append(QueueNote(reason, subject, who, day))
        if when is not None and (case_id not in due or when < due[case_id]):
            due[case_id] = when

    s = uow.s
    scoped_cases = scoped(actor, select(Case.id)).where(Case.status.in_(open_statuses))
    for case_id, in s.execute(scoped_cases.where(Case.major_incident.is_(True))):
        note(case_id, Reason.MAJOR, "重大案事件")
    # "Within 3 days" in calendar days: a clock whose last day is today + 3 or earlier.
    soon = datetime.combine(local_date(now) + timedelta(days=DUE_SOON_DAYS + 1), datetime.min.time(), LOCAL_TZ)
    clocks = (select(CaseClock.case_id, CaseClock.kind, CaseClock.due_at)
              .where(CaseClock.stopped_at.is_(None), CaseClock.deleted_at.is_(None), CaseClock.due_at <= soon,
                     CaseClock.case_id.in_(scoped_cases)))
    for case_id, kind, due_at in s.execute(clocks):
        if kind == ClockKind.PROTECTION_ORDER_EXPIRY.value and due_at <= now:
            continue  # a lapsed order is not late work; the crisis tab shows it as 已失效
        label = ClockKind(kind).label
        day = local_date(due_at - timedelta(microseconds=1))
        if due_at <= now:
            note(case_id, Reason.OVERDUE, f"{label}已于 {day:%Y-%m-%d} 到期", due_at, subject=label, day=day)
        else:
            note(case_id, Reason.DUE_SOON, f"{label} {day:%Y-%m-%d} 到期", due_at, subject=label, day=day)
    requesters: dict[str, list[str]] = {}
    approvals = (select(ApprovalRequest.case_id, ApprovalRequest.kind, ApprovalRequest.requested_by_name,
                        ApprovalRequest.requested_by)
                 .where(ApprovalRequest.status == "pending", ApprovalRequest.case_id.in_(scoped(actor, select(Case.id)))))
    from .workflow import ApprovalKind

    for case_id, kind, who, who_id in s.execute(approvals):
        kind_label = ApprovalKind.LABELS.get(kind, kind)
        note(case_id, Reason.APPROVAL, f"{who}申请{kind_label}", subject=kind_label, who=who or "")
        if who_id:
            requesters.setdefault(case_id, []).append(who_id)
    idle_since = now - timedelta(days=IDLE_DAYS)
    # Only the open cases' events: scanning every event of a 100,000-case store took seconds.
    last_activity = (select(CaseEvent.case_id, func.max(CaseEvent.occurred_at).label("last"))
                     .where(CaseEvent.case_id.in_(scoped_cases)).group_by(CaseEvent.case_id).subquery())
    idle = (scoped_cases.add_columns(last_activity.c.last)
            .join(last_activity, last_activity.c.case_id == Case.id)
            .where(last_activity.c.last < idle_since))
    for case_id, last in s.execute(idle):
        note(case_id, Reason.IDLE, f"最后进展 {last.astimezone(LOCAL_TZ):%Y-%m-%d}",
             day=last.astimezone(LOCAL_TZ).date())

    rows = {r.id: r for r in (case_row(x) for x in s.execute(CASE_ROW_SELECT.where(Case.id.in_(list(reasons)))))}
    items = [QueueItem(rows[cid], tuple(sorted(set(rs), key=Reason.ORDER.index)), "；".join(details[cid]),
                       due.get(cid), tuple(requesters.get(cid, ())), tuple(notes[cid]))
             for cid, rs in reasons.items() if cid in rows]
    far = datetime.max.replace(tzinfo=LOCAL_TZ)
    items.sort(key=lambda i: (Reason.ORDER.index(i.reasons[0]), i.due_at or far, i.case.opened_at))
    return items


# --- accounts the key holder took over ---------------------------------------------------------------------------
# Whoever holds the store key can set any account's password at the command line (`fulian user passwd`); the
# supervisors see each such reset here until one of them acknowledges it, or for two weeks.
RESET_NOTICE_DAYS = 14
ACKNOWLEDGE = "acknowledge"   # audit action: a supervisor has seen the notice (entity_id: the reset's audit id)


@dataclass(frozen=True)
class AccountNotice:
    entry_id: str                   # the reset's audit entry
    at: datetime
    username: str
    display_name: str
    role: Role
    unit_name: str
    unit_id: str

    @property
    def text(self) -> str:
        return (f"{self.at.astimezone(LOCAL_TZ):%Y-%m-%d %H:%M} 密钥持有人在命令行重置了{self.role.label}"
                f"{self.display_name}（{self.username}，{self.unit_name}）的密码。如非本人申请，请立即核实。")


def _key_holder_resets(since: datetime):  # noqa: ANN202
    # A password entry about an account with no acting account behind it: the key holder's reset.
    return (select(AuditEntry.id, AuditEntry.at, UserAccount.username, UserAccount.display_name, UserAccount.role,
                   OrgUnit.name, UserAccount.owner_unit_id)
            .join(UserAccount, UserAccount.id == AuditEntry.entity_id)
            .join(OrgUnit, OrgUnit.id == UserAccount.owner_unit_id)
            .where(AuditEntry.action == audit.Action.PASSWORD, AuditEntry.entity == "user",
                   AuditEntry.actor_id.is_(None), AuditEntry.at >= since)
            .order_by(AuditEntry.seq.desc()))


def account_notices(uow: UnitOfWork, actor: Actor, now: datetime | None = None) -> list[AccountNotice]:
    """Passwords of accounts in the actor's subtree reset by the key holder in the last two weeks and not yet
    acknowledged, newest first."""
    require(actor, Permission.CASE_APPROVE)
    since = (now or utcnow()) - timedelta(days=RESET_NOTICE_DAYS)
    rows = [r for r in uow.s.execute(_key_holder_resets(since)) if actor.in_scope(r[6])]
    if not rows:
        return []
    seen = set(uow.s.execute(select(AuditEntry.entity_id).where(AuditEntry.action == ACKNOWLEDGE,
                                                               AuditEntry.entity_id.in_([r[0] for r in rows])))
               .scalars())
    return [AccountNotice(entry_id, at, username, name, Role(role), unit, owner)
            for entry_id, at, username, name, role, unit, owner in rows if entry_id not in seen]


def acknowledge_notice(uow: UnitOfWork, actor: Actor, entry_id: str) -> None:
    """A supervisor has seen (and checked) one reset: it leaves every supervisor's queue. Audited."""
    notice = next((n for n in account_notices(uow, actor) if n.entry_id == entry_id), None)
    if notice is None:
        raise NotFound("该提醒已处理或不在您的管辖范围内。")
    audit.record(uow.s, actor, ACKNOWLEDGE, entity="audit", entity_id=entry_id, owner_unit_id=notice.unit_id,
                 detail={"notice": "key_holder_password_reset", "username": notice.username})
