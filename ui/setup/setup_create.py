"""What the setup wizard creates, creating it off the UI thread, and the page that does so."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING


from fulian_desktop.domain.enums import Tier
from fulian_desktop.security.keyfile import KdfParams
from fulian_desktop.security.keyring_vault import KeyringVault
from fulian_desktop.services.accounts import orgunits
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.accounts.setup import FirstAccount, TownSpec, initialise
from fulian_desktop.store.paths import StorePaths
from fulian_desktop.store.store import CreatedStore, create_store

from ..i18n import tr
from .store_creating_page import StoreCreatingPage

if TYPE_CHECKING:
    from .setup_wizard import SetupWizard

# --- what the wizard creates ------------------------------------------------------------------------

@dataclass(frozen=True)
class SetupPlan:
    district: str
    case_prefix: str
    towns: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]  # (town, prefix, ((village, prefix), …))
    admin_username: str
    admin_name: str
    admin_password: str
    passphrase: str | None
    use_keyring: bool
    supervisor: FirstAccount | None = None  # the first district supervisor: it makes the staff accounts


def plan_prefixes(case_prefix: str, towns: list[tuple[str, list[str]]]):  # noqa: ANN201
    """Give every town and village a case-number prefix no other unit uses."""
    taken = {case_prefix}
    planned = []
    for town, villages in towns:
        town_prefix = orgunits.suggest_prefix(town, case_prefix, taken)
        taken.add(town_prefix)
        planned_villages = []
        for village in villages:
            prefix = orgunits.suggest_prefix(village, town_prefix, taken)
            taken.add(prefix)
            planned_villages.append((village, prefix))
        planned.append((town, town_prefix, tuple(planned_villages)))
    return tuple(planned)


def create_and_initialise(data_dir: Path, plan: SetupPlan, vault: KeyringVault, kdf: KdfParams) -> CreatedStore:
    """Runs off the UI thread. If anything after the store's creation fails, the new files (and the
    keyring entry) are removed again, so the wizard can simply be retried."""
    created = create_store(data_dir, passphrase=plan.passphrase, vault=vault, use_keyring=plan.use_keyring, kdf=kdf)
    store = created.store
    try:
        initialise(store, district=plan.district, case_prefix=plan.case_prefix, admin_username=plan.admin_username,
                   admin_name=plan.admin_name, admin_password=plan.admin_password, supervisor=plan.supervisor,
                   towns=tuple(TownSpec(name, (), prefix) for name, prefix, _v in plan.towns))
        actor = system_actor(store, "初始化向导")
        with store.uow(write=True) as uow:
            town_ids = {u.name: u.id for u in orgunits.list_units(uow, actor) if u.tier == Tier.TOWN}
            for town, _prefix, villages in plan.towns:
                for village, prefix in villages:
                    orgunits.create_unit(uow, actor, name=village, tier=Tier.VILLAGE, parent_id=town_ids[town],
                                         case_prefix=prefix)
    except BaseException:
        store.close()
        paths = StorePaths(Path(data_dir))
        for path in [paths.database, paths.keyfile, *paths.sidecars()]:
            path.unlink(missing_ok=True)
        if created.uses_keyring:
            vault.delete(store.store_id)
        raise
    return created


class CreatePage(StoreCreatingPage):
    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__(wizard, "create_error")
        self.setTitle(tr("创建数据存储"))
        self.setSubTitle(tr("请核对以下内容，然后点击“创建数据存储”。"))

    def initializePage(self) -> None:
        w = self._wizard
        plan = w.plan()
        villages = sum(len(v) for _t, _p, v in plan.towns)
        first = plan.supervisor
        supervisor = escape(f"{first.display_name}（{first.username}）") if first else "—"
        protection = ((tr("系统钥匙串，另设口令") if plan.passphrase else tr("系统钥匙串")) if plan.use_keyring
                      else tr("口令"))
        self.summary.setText(
            tr("<table cellspacing=6><tr><td>数据文件夹</td><td><code>{data_dir}</code></td></tr><tr><td>区</td><td>{district}（案号前缀：{case_prefix}）</td></tr><tr><td>街镇 / 村社区</td><td>{n} 个街镇，{villages} 个村社区</td></tr><tr><td>系统管理员</td><td>{admin_name}（{admin_username}）</td></tr><tr><td>督导</td><td>{supervisor}</td></tr><tr><td>密钥保护</td><td>{protection}</td></tr></table>").format(data_dir=escape(str(w.data_dir)), district=escape(plan.district), case_prefix=escape(plan.case_prefix), n=len(plan.towns), villages=villages, admin_name=escape(plan.admin_name), admin_username=escape(plan.admin_username), supervisor=supervisor, protection=protection))
        self.error.clear()

    def start(self) -> None:
        w = self._wizard
        self.begin(tr("正在创建加密数据存储并写入组织机构，请稍候…"))
        w.tasks.run(create_and_initialise, w.data_dir, w.plan(), w.vault, w.kdf,
                    on_done=self._created, on_error=self._failed)

    def _created(self, created: CreatedStore) -> None:
        self._wizard.created = created
        self._wizard.store = created.store
        self._wizard.admin_username = self._wizard.plan().admin_username
        self.succeeded(tr("已创建。"))

    def _failed(self, exc: BaseException) -> None:
        self.failed(exc, tr("{message}请点击“上一步”设置口令后再创建。"),
                    tr("创建数据存储时遇到意外错误，没有留下任何文件。详细信息已记入日志；"
                       "请检查文件夹是否可写、磁盘空间是否充足后重试。"))
