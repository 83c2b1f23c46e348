"""First start: create the encrypted store, the district's towns and villages, the first
administrator and the first supervisor, then show the recovery code once (print or copy it, tick that it is kept)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from fulian_desktop.security.keyfile import KdfParams
from fulian_desktop.security.keyring_vault import KeyringVault
from fulian_desktop.services.accounts.setup import FirstAccount
from fulian_desktop.store.store import CreatedStore, Store

from ..errors import messages
from ..i18n import tr
from ..tasks import TaskRunner
from .setup_create import CreatePage, SetupPlan, create_and_initialise, plan_prefixes
from .setup_import import MAX_NAME, parse_towns, read_towns_file
from .setup_join import JoinCreatePage, JoinPackagePage
from .setup_org import KIND_ROLE, OrgPage
from .setup_pages import MIN_PASSPHRASE, AdminPage, ProtectionPage, SupervisorPage, WelcomePage
from .setup_recovery import RecoveryPage, recovery_sheet_html, render_recovery_sheet

__all__ = [  # re-exported: these used to live here
    "KIND_ROLE", "MAX_NAME", "MIN_PASSPHRASE", "AdminPage", "CreatePage", "OrgPage", "ProtectionPage", "RecoveryPage",
    "SetupPlan", "SetupWizard", "SupervisorPage", "WelcomePage", "create_and_initialise", "parse_towns", "plan_prefixes",
    "read_towns_file", "recovery_sheet_html", "render_recovery_sheet",
]


class SetupWizard(QWizard):
    """Two paths: a new (district) store, or a station joining from the district's package."""

    WELCOME, ORG, PROTECTION, CREATE, RECOVERY, JOIN, JOIN_CREATE = 0, 1, 4, 5, 6, 10, 11

    def __init__(self, data_dir: Path, parent: QWidget | None = None, vault=None, *,  # noqa: ANN001
                 kdf: KdfParams | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        if vault is None:
            vault = KeyringVault()
        elif not isinstance(vault, KeyringVault):
            vault = KeyringVault(vault)  # a keyring backend
        self.vault: KeyringVault = vault
        self.kdf = kdf or KdfParams()
        self.store: Store | None = None
        self.admin_username = ""
        self.created: CreatedStore | None = None
        self.tasks = TaskRunner(self)

        self.setWindowTitle(tr("幸福号 · 首次使用设置"))
        self.setWizardStyle(QWizard.ModernStyle)
        self.setOption(QWizard.NoBackButtonOnStartPage, True)
        for which, text in ((QWizard.NextButton, tr("下一步(&N)")), (QWizard.BackButton, tr("上一步(&B)")),
                            (QWizard.FinishButton, tr("完成(&F)")), (QWizard.CancelButton, tr("取消")),
                            (QWizard.CommitButton, tr("创建数据存储(&C)"))):
            self.setButtonText(which, text)
        self.welcome_page = WelcomePage(self.data_dir)
        self.org_page = OrgPage()
        self.admin_page = AdminPage()
        self.supervisor_page = SupervisorPage(self.admin_page)  # the staff accounts are the supervisor's
        self.protection_page = ProtectionPage(self.vault, self.tasks)
        self.create_page = CreatePage(self)
        self.recovery_page = RecoveryPage(self)
        self.join_page = JoinPackagePage(self)
        self.join_create_page = JoinCreatePage(self)
        self.joined_unit = ""
        for page_id, page in enumerate((self.welcome_page, self.org_page, self.admin_page, self.supervisor_page,
                                        self.protection_page, self.create_page, self.recovery_page)):
            self.setPage(page_id, page)
        self.setPage(self.JOIN, self.join_page)
        self.setPage(self.JOIN_CREATE, self.join_create_page)
        self.setMinimumSize(820, 600)
        self.resize(880, 640)
        from .server_settings import add_server_button  # a district desk joins the server's store (issue 7)

        add_server_button(self)

    def nextId(self) -> int:
        current = self.currentId()
        joining = self.welcome_page.joining()
        if current == self.WELCOME:
            return self.JOIN if joining else self.ORG
        if current == self.JOIN:
            return self.PROTECTION
        if current == self.PROTECTION:
            return self.JOIN_CREATE if joining else self.CREATE
        if current == self.JOIN_CREATE:
            return self.RECOVERY
        if current == self.RECOVERY:
            return -1   # the last page on both paths (the join pages have higher ids)
        return super().nextId()

    def done_message(self) -> str:
        """What the login window says after the wizard."""
        if self.joined_unit:
            return tr("已开通站点：{unit}。请用区里为您创建的账号登录。").format(unit=self.joined_unit)
        return tr("数据存储已创建，请用刚才设置的管理员账号登录。")

    def plan(self) -> SetupPlan:
        org, admin, supervisor = self.org_page, self.admin_page, self.supervisor_page
        prefix = org.prefix.text().strip()
        passphrase, use_keyring = self.protection_page.chosen()
        return SetupPlan(district=org.district.text().strip(), case_prefix=prefix,
                         towns=plan_prefixes(prefix, org.town_list()),
                         admin_username=admin.username.text().strip().lower(), admin_name=admin.name.text().strip(),
                         admin_password=admin.password.text(), passphrase=passphrase, use_keyring=use_keyring,
                         supervisor=FirstAccount(supervisor.username.text().strip().lower(),
                                                 supervisor.name.text().strip(), supervisor.password.text()))

    def reject(self) -> None:
        if self.create_page.running or self.join_create_page.running:
            return  # creating: the store must not be left half made
        if self.created is not None:
            if not self.recovery_page.saved.isChecked() and not messages.confirm(
                    self, tr("恢复码只显示这一次"),
                    tr("尚未确认已抄写或打印恢复码。关闭后将无法再查看恢复码。\n确定要关闭吗？")):
                return
            if self.store is not None:
                self.store.close()
            self.store = None
        self.tasks.wait_idle(10_000)
        super().reject()

    def accept(self) -> None:
        self.tasks.wait_idle(10_000)
        super().accept()
