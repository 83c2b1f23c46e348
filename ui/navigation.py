"""Which pages each role sees, in order. Each later capability adds its pages here."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtWidgets import QWidget

from fulian_desktop.domain.enums import Role
from fulian_desktop.security.permissions import Permission, can

from .i18n import tr
from .session import AppSession


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    factory: Callable[[AppSession], QWidget]
    shortcut: str | None = None


def _home_title(role: Role) -> str:
    return {Role.RECEPTION: tr("接待台"), Role.MEDIATOR: tr("调解员工作台"), Role.COUNSELLOR: tr("心理疏导工作台"),
            Role.SUPERVISOR: tr("督导工作台"), Role.STATION_ADMIN: tr("站点工作台"),
            Role.SYSTEM_ADMIN: tr("系统管理"), Role.AUDITOR: tr("审计日志")}[role]


def pages_for(session: AppSession) -> list[PageSpec]:
    """The first page is the role's home: the intake form for reception, the review queue for
    supervisors, the greeting and case lists for everyone else."""
    from .cases.case_list import CaseListPage
    from .cases.home import HomePage
    from .referral.inbox import InboxPage
    from .intake.intake_form import IntakeFormPage
    from .review.review_home import ReviewHomePage
    from .review.review_queue import ReviewQueuePage

    actor = session.actor
    assert actor is not None
    if not can(actor, Permission.CASE_READ):
        return _admin_pages(actor)  # the system administrator and the auditor: no case pages at all
    intake = PageSpec("intake", tr("来访登记"), lambda s: IntakeFormPage(s), "Ctrl+N")
    if actor.role == Role.RECEPTION and can(actor, Permission.CASE_CREATE):
        home = intake
    elif actor.role == Role.SUPERVISOR and can(actor, Permission.CASE_APPROVE):
        home = PageSpec("review", tr("审核队列"), lambda s: ReviewHomePage(s), "Ctrl+1")
    elif actor.role == Role.COUNSELLOR:
        from .counselling.counsellor_home import CounsellorHomePanel

        home = PageSpec("home", _home_title(actor.role), lambda s: CounsellorHomePanel(s), "Ctrl+1")
    else:
        home = PageSpec("home", _home_title(actor.role), lambda s: HomePage(s), "Ctrl+1")
    pages = [
        home,
        PageSpec("my_cases", tr("我的案件"), lambda s: CaseListPage(s, settings_key="my_cases", mine_only=True), "Ctrl+2"),
        PageSpec("unit_cases", tr("本单位案件"), lambda s: CaseListPage(s, settings_key="unit_cases"), "Ctrl+3"),
    ]
    if home is not intake and can(actor, Permission.CASE_CREATE):
        pages.insert(1, intake)
    if home.key != "review" and can(actor, Permission.CASE_APPROVE):
        pages.insert(1, PageSpec("review", tr("审核队列"), lambda s: ReviewQueuePage(s)))
    if can(actor, Permission.CASE_APPROVE):
        from .statistics.dashboard import DashboardPage

        pages.append(PageSpec("dashboard", tr("统计看板"), lambda s: DashboardPage(s)))
        from .reporting.reporting_page import ReportingPage

        pages.append(PageSpec("reporting", tr("上报"), lambda s: ReportingPage(s)))
    if can(actor, Permission.CASE_EDIT):
        pages.append(PageSpec("inbox", tr("转介收件箱"), lambda s: InboxPage(s), "Ctrl+4"))
    if can(actor, Permission.CASE_EDIT):
        from .mediation.mediation_calendar import MediationCalendarPage

        pages.append(PageSpec("mediation_calendar", tr("调解日程"), lambda s: MediationCalendarPage(s)))
    if can(actor, Permission.CASE_READ) and actor.role != Role.SYSTEM_ADMIN:
        from .screening.screening_register import ScreeningRegisterPage

        pages.append(PageSpec("screening", tr("矛盾纠纷排查"), lambda s: ScreeningRegisterPage(s)))
    return pages + _admin_pages(actor)


def _admin_pages(actor) -> list[PageSpec]:  # noqa: ANN001
    """Accounts, org tree, settings, sync and the audit log, each for who may use it. For a role without case
    pages the first of them is its home (Ctrl+1): the users page for the system administrator, the audit log for
    the auditor."""
    pages: list[PageSpec] = []
    if can(actor, Permission.USER_MANAGE):
        from .accounts.admin_users import UsersPage

        pages.append(PageSpec("users", tr("用户管理"), lambda s: UsersPage(s)))
    if can(actor, Permission.ORG_MANAGE):
        from .accounts.admin_units import UnitsPage

        pages.append(PageSpec("units", tr("组织机构"), lambda s: UnitsPage(s)))
    if can(actor, Permission.SETTINGS_MANAGE):
        from .accounts.settings import SettingsPage

        pages.append(PageSpec("settings", tr("系统设置"), lambda s: SettingsPage(s)))
        from .sync.sync_stations_admin import StationsAdminPage

        pages.append(PageSpec("stations", tr("站点"), lambda s: StationsAdminPage(s)))
    if can(actor, Permission.SETTINGS_MANAGE) or can(actor, Permission.RESOLVE_CONFLICTS):
        from .sync.sync_station import SyncStationPage

        pages.append(PageSpec("sync", tr("站点同步"), lambda s: SyncStationPage(s)))
    if can(actor, Permission.RESOLVE_CONFLICTS):
        from .sync.sync_conflicts import SyncConflictsPage

        pages.append(PageSpec("sync_conflicts", tr("同步冲突"), lambda s: SyncConflictsPage(s)))
    if can(actor, Permission.AUDIT_READ):
        from .accounts.audit_log import AuditLogPage

        pages.append(PageSpec("audit", tr("审计日志"), lambda s: AuditLogPage(s)))
    if pages and not can(actor, Permission.CASE_READ):
        pages[0] = _admin_home(actor, pages[0])
    return pages


def _admin_home(actor, first: PageSpec) -> PageSpec:  # noqa: ANN001
    """The role's first page, inside a home with the greeting and the backup reminder."""
    from .accounts.admin_home import AdminHomePage

    return PageSpec("home", _home_title(actor.role), lambda s: AdminHomePage(s, first.factory(s)), "Ctrl+1")
