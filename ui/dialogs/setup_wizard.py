"""First start: create the encrypted store, the district's towns and villages and the first
administrator, then show the recovery code once (print or copy it, tick that it is kept)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QKeySequence, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QFileDialog, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QProgressBar, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from fulian_desktop.domain.enums import Tier
from fulian_desktop.domain.errors import FulianError, KeyUnavailable, ValidationError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.security.keyfile import KdfParams
from fulian_desktop.security.keyring_vault import KeyringVault
from fulian_desktop.security.passwords import check_password_policy
from fulian_desktop.services import orgunits, users
from fulian_desktop.services.auth import system_actor
from fulian_desktop.services.setup import TownSpec, initialise
from fulian_desktop.store.paths import StorePaths
from fulian_desktop.store.store import CreatedStore, Store, create_store

from ..errors import messages
from ..i18n import tr
from ..tasks import TaskRunner

KIND_ROLE = Qt.UserRole  # "town" or "village" on each tree item
MAX_NAME = 50
MIN_PASSPHRASE = 8
_HEADER_WORDS = {"街镇", "街道", "乡镇", "镇街", "街镇名称", "街道/乡镇", "街道（乡镇）"}  # file contents, not UI text


# --- the towns-and-villages file --------------------------------------------------------------------

def parse_towns(text: str) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """Lines `街镇,村社区` (a line may name a town alone). Commas may be ASCII or Chinese, or tabs;
    blank lines and lines starting with # are skipped, as is a header line. Returns the towns in
    file order with their villages (duplicates dropped), and one Chinese message per bad line."""
    towns: dict[str, list[str]] = {}
    errors: list[str] = []
    seen_data = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.replace("，", ",").replace("\t", ",")
        fields = [f.strip().strip("\u3000").strip() for f in next(csv.reader([line]))]
        while fields and not fields[-1]:
            fields.pop()
        if not seen_data and fields and fields[0] in _HEADER_WORDS:
            seen_data = True
            continue
        seen_data = True
        if len(fields) > 2:
            errors.append(tr("第 {number} 行：有 {n} 列，应为“街镇,村社区”两列（如：高塘岭街道,新康村）。").format(number=number, n=len(fields)))
            continue
        town = fields[0] if fields else ""
        village = fields[1] if len(fields) > 1 else ""
        if not town:
            errors.append(tr("第 {number} 行：缺少街镇名称。").format(number=number))
            continue
        too_long = next((n for n in (town, village) if len(n) > MAX_NAME), None)
        if too_long:
            errors.append(tr("第 {number} 行：名称“{too_long}…”过长（最多 {max} 字）。").format(number=number, too_long=too_long[:12], max=MAX_NAME))
            continue
        villages = towns.setdefault(town, [])
        if village and village not in villages:
            villages.append(village)
    return list(towns.items()), errors


def read_towns_file(path: Path) -> tuple[list[tuple[str, list[str]]], list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [tr("无法读取文件：{path}（{strerror}）").format(path=path, strerror=exc.strerror or exc)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Excel on a Chinese Windows saves "CSV" as GBK
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            return [], [tr("文件编码无法识别，请另存为 UTF-8 编码的文本或 CSV 文件。")]
    towns, errors = parse_towns(text)
    if not towns and not errors:
        errors.append(tr("文件中没有任何街镇（每行格式：街镇,村社区）。"))
    return towns, errors


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
                   admin_name=plan.admin_name, admin_password=plan.admin_password,
                   towns=tuple(TownSpec(name, (), prefix) for name, prefix, _v in plan.towns))
        actor = system_actor(store)
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


# --- small widgets ----------------------------------------------------------------------------------

def _error_label(name: str = "") -> QLabel:
    label = QLabel("")
    label.setObjectName(name or "error")
    label.setStyleSheet("color:#b3261e")
    label.setWordWrap(True)
    return label


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _field_grid(rows: list[tuple[str, QWidget, QLabel | None]]) -> QGridLayout:
    """label | field | message beside the field."""
    grid = QGridLayout()
    grid.setColumnStretch(1, 2)
    grid.setColumnStretch(2, 3)
    grid.setColumnMinimumWidth(1, 240)
    for row, (text, widget, error) in enumerate(rows):
        grid.addWidget(_buddy(text, widget), row, 0)
        grid.addWidget(widget, row, 1)
        if error is not None:
            grid.addWidget(error, row, 2)
    return grid


# --- pages --------------------------------------------------------------------------------------------

class WelcomePage(QWizardPage):
    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.setTitle(tr("欢迎使用幸福号"))
        self.setSubTitle(tr("首次使用，需要先创建本机的数据存储。"))
        text = QLabel(
            tr("<p>本向导将依次完成：</p><ol>"
            "<li>设置区名称和案号前缀，录入街镇和村（社区）——可逐个添加，也可从文件导入；</li>"
            "<li>创建第一个系统管理员账号；</li>"
            "<li>选择数据存储的保护方式（系统钥匙串或口令）；</li>"
            "<li>创建加密的数据存储，并<b>显示一次恢复码</b>，请打印或抄写后妥善保管。</li></ol>"
            "<p>所有案件和个人信息都加密保存在本机的以下文件夹中：</p>"))
        text.setWordWrap(True)
        where = QLabel(f"<code>{escape(str(data_dir))}</code>")
        where.setObjectName("data_dir")
        where.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        where.setWordWrap(True)
        files = QLabel(tr("其中 fulian.db 是加密的数据库，keystore.json 是受保护的密钥文件，两者缺一不可，"
                       "备份时请一并保存。以后如需更换文件夹，可用 --data-dir 参数或环境变量 FULIAN_DATA_DIR 指定。"))
        files.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(where)
        layout.addWidget(files)
        layout.addStretch(1)


class _TownTree(QTreeWidget):
    sig_delete = Signal()
    """() — the Delete key was pressed on an item (not while renaming it)."""

    def keyPressEvent(self, event) -> None:  # noqa: ANN001
        if event.matches(QKeySequence.Delete) and self.state() != QAbstractItemView.EditingState:
            self.sig_delete.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class OrgPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("区和街镇、村（社区）"))
        self.setSubTitle(tr("案号形如（2026）望婚调字第1号，其中“望”是区的案号前缀；街镇和村社区的前缀自动生成，"
                         "以后可在“组织机构”中继续添加单位。"))
        self.district = QLineEdit("望城区", objectName="district_name")
        self.district.setMaxLength(MAX_NAME)
        self.prefix = QLineEdit("望", objectName="case_prefix")
        self.prefix.setMaxLength(8)
        self.prefix.setMaximumWidth(120)
        self.district_error = _error_label("district_error")
        self.prefix_error = _error_label("prefix_error")

        self.tree = _TownTree(objectName="towns_tree")
        self.tree.setHeaderLabels([tr("名称"), tr("层级"), tr("案号前缀")])
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditKeyPressed | QAbstractItemView.DoubleClicked)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.sig_delete.connect(self.remove_selected)

        self.add_town_button = QPushButton(tr("添加街镇(&T)"))
        self.add_village_button = QPushButton(tr("添加村社区(&V)"))
        self.rename_button = QPushButton(tr("重命名(&R)"))
        self.remove_button = QPushButton(tr("删除(&E)"))
        self.import_button = QPushButton(tr("从文件导入(&I)…"))
        self.add_town_button.clicked.connect(lambda: self._start_editing(self.add_town()))
        self.add_village_button.clicked.connect(self._add_village_clicked)
        self.rename_button.clicked.connect(self._rename_clicked)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self._import_clicked)
        buttons = QVBoxLayout()
        for button in (self.add_town_button, self.add_village_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        hint = QLabel(tr("导入文件：UTF-8 编码的文本或 CSV，每行“街镇,村社区”，如 <code>高塘岭街道,新康村</code>；"
                      "只有街镇名的行表示该街镇暂无村社区。"))
        hint.setWordWrap(True)
        self.tree_error = _error_label("tree_error")

        tree_row = QHBoxLayout()
        tree_row.addWidget(self.tree, 1)
        tree_row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(_field_grid([(tr("区名称(&D)"), self.district, self.district_error),
                                      (tr("区案号前缀(&P)"), self.prefix, self.prefix_error)]))
        layout.addWidget(_buddy(tr("街镇和村（社区）(&L)"), self.tree))
        layout.addLayout(tree_row, 1)
        layout.addWidget(hint)
        layout.addWidget(self.tree_error)
        self.prefix.textChanged.connect(lambda _t: self.refresh_prefixes())
        self._update_buttons()

    # tree editing
    def _new_item(self, name: str, kind: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([name, Tier.TOWN.label if kind == "town" else Tier.VILLAGE.label, ""])
        item.setData(0, KIND_ROLE, kind)
        item.setFlags(item.flags() | Qt.ItemIsEditable)
        return item

    def _unused(self, base: str, siblings: list[QTreeWidgetItem]) -> str:
        names = {s.text(0) for s in siblings}
        n, name = 1, base
        while name in names:
            n += 1
            name = f"{base}{n}"
        return name

    def towns(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def add_town(self, name: str | None = None) -> QTreeWidgetItem:
        item = self._new_item(name or self._unused("新街镇", self.towns()), "town")
        self.tree.blockSignals(True)
        self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        self.tree.setCurrentItem(item)
        self.refresh_prefixes()
        return item

    def add_village(self, town: QTreeWidgetItem, name: str | None = None) -> QTreeWidgetItem:
        siblings = [town.child(i) for i in range(town.childCount())]
        item = self._new_item(name or self._unused("新村社区", siblings), "village")
        self.tree.blockSignals(True)
        town.addChild(item)
        self.tree.blockSignals(False)
        town.setExpanded(True)
        self.tree.setCurrentItem(item)
        self.refresh_prefixes()
        return item

    def _selected_town(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return item if item.data(0, KIND_ROLE) == "town" else item.parent()

    def _add_village_clicked(self) -> None:
        town = self._selected_town()
        if town is None:
            self._tree_message(tr("请先选中一个街镇，再添加其下的村社区。"))
            return
        self._start_editing(self.add_village(town))

    def _tree_message(self, text: str, ok: bool = False) -> None:
        self.tree_error.setStyleSheet("color:#1b5e20" if ok else "color:#b3261e")
        self.tree_error.setText(text)

    def _start_editing(self, item: QTreeWidgetItem) -> None:
        self._tree_message("")
        self.tree.setFocus()
        self.tree.scrollToItem(item)
        self.tree.editItem(item, 0)

    def _rename_clicked(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._start_editing(item)

    def remove_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        if item.childCount() and not messages.confirm(
                self, tr("删除街镇"), tr("“{name}”下还有 {n} 个村社区，一并删除吗？").format(name=item.text(0), n=item.childCount())):
            return
        parent = item.parent()
        self.tree.blockSignals(True)
        if parent is None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        else:
            parent.removeChild(item)
        self.tree.blockSignals(False)
        self.refresh_prefixes()
        self._update_buttons()

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            stripped = item.text(0).strip()
            if stripped != item.text(0):
                self.tree.blockSignals(True)
                item.setText(0, stripped)
                self.tree.blockSignals(False)
            self.refresh_prefixes()

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        for button in (self.rename_button, self.remove_button):
            button.setEnabled(item is not None)
        self.add_village_button.setEnabled(self._selected_town() is not None)

    # import
    def _import_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, tr("导入街镇和村社区"), str(Path.home()),
                                                    tr("文本或 CSV 文件 (*.csv *.txt);;所有文件 (*)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        towns, errors = read_towns_file(path)
        if errors:
            shown = errors[:8] + ([tr("……另有 {n} 行有误。").format(n=len(errors) - 8)] if len(errors) > 8 else [])
            self._tree_message(tr("未导入，请修改文件后重试：\n{errors}").format(errors="\n".join(shown)))
            return False
        if self.tree.topLevelItemCount() and not messages.confirm(
                self, tr("导入"), tr("导入的内容将替换当前列表中的街镇和村社区，继续吗？")):
            return False
        self.set_towns(towns)
        villages = sum(len(v) for _t, v in towns)
        self._tree_message(tr("已导入 {n} 个街镇、{villages} 个村社区（{name}）。").format(n=len(towns), villages=villages, name=path.name), ok=True)
        return True

    def set_towns(self, towns: list[tuple[str, list[str]]]) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for town, villages in towns:
            item = self._new_item(town, "town")
            self.tree.addTopLevelItem(item)
            for village in villages:
                item.addChild(self._new_item(village, "village"))
        self.tree.blockSignals(False)
        self.tree.expandAll()
        self.refresh_prefixes()
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()

    # results
    def town_list(self) -> list[tuple[str, list[str]]]:
        return [(t.text(0).strip(), [t.child(i).text(0).strip() for i in range(t.childCount())]) for t in self.towns()]

    def refresh_prefixes(self) -> None:
        planned = plan_prefixes(self.prefix.text().strip(), self.town_list())
        self.tree.blockSignals(True)
        for item, (_name, prefix, villages) in zip(self.towns(), planned):
            item.setText(2, prefix)
            for i, (_v, v_prefix) in enumerate(villages):
                item.child(i).setText(2, v_prefix)
        self.tree.blockSignals(False)

    def validatePage(self) -> bool:
        self.district_error.clear()
        self.prefix_error.clear()
        self._tree_message("")
        ok = True
        if not self.district.text().strip():
            self.district_error.setText(tr("请填写区名称。"))
            ok = False
        if not self.prefix.text().strip():
            self.prefix_error.setText(tr("请填写案号前缀（通常是区名的第一个字）。"))
            ok = False
        if not ok:
            (self.district if self.district_error.text() else self.prefix).setFocus()
            return False
        problem = self._tree_problem()
        if problem:
            item, text = problem
            self._tree_message(text)
            self.tree.setCurrentItem(item)
            self.tree.setFocus()
            return False
        return True

    def _tree_problem(self) -> tuple[QTreeWidgetItem, str] | None:
        seen_towns: set[str] = set()
        for town in self.towns():
            name = town.text(0).strip()
            if not name:
                return town, tr("有街镇没有填写名称。")
            if name in seen_towns:
                return town, tr("街镇“{name}”重复。").format(name=name)
            seen_towns.add(name)
            seen: set[str] = set()
            for i in range(town.childCount()):
                village = town.child(i).text(0).strip()
                if not village:
                    return town.child(i), tr("“{name}”下有村社区没有填写名称。").format(name=name)
                if village in seen:
                    return town.child(i), tr("“{name}”下的村社区“{village}”重复。").format(name=name, village=village)
                seen.add(village)
        return None


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("第一个系统管理员"))
        self.setSubTitle(tr("系统管理员负责添加用户、维护组织机构和系统设置。其他工作人员的账号以后由管理员创建。"))
        self.username = QLineEdit("admin", objectName="admin_username")
        self.name = QLineEdit(objectName="admin_name", placeholderText=tr("如：张敏"))
        self.password = QLineEdit(objectName="admin_password", echoMode=QLineEdit.Password)
        self.again = QLineEdit(objectName="admin_password_again", echoMode=QLineEdit.Password)
        self.errors = {key: _error_label(f"{key}_error") for key in ("username", "name", "password", "again")}
        rule = QLabel(tr("密码至少 8 位，须含字母、数字、符号中的至少两类，且不能与用户名相同。"))
        rule.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(_field_grid([(tr("用户名(&U)"), self.username, self.errors["username"]),
                                      (tr("姓名(&M)"), self.name, self.errors["name"]),
                                      (tr("密码(&W)"), self.password, self.errors["password"]),
                                      (tr("再次输入密码(&A)"), self.again, self.errors["again"])]))
        layout.addWidget(rule)
        layout.addStretch(1)
        self.password.textEdited.connect(lambda _t: self._check_password(live=True))
        self.again.textEdited.connect(lambda _t: self._check_again(live=True))

    def _check_password(self, live: bool = False) -> bool:
        label = self.errors["password"]
        if live and not self.password.text():
            label.clear()
            return False
        try:
            check_password_policy(self.password.text(), username=self.username.text().strip())
        except ValidationError as exc:
            label.setText(exc.message)
            return False
        label.clear()
        return True

    def _check_again(self, live: bool = False) -> bool:
        label = self.errors["again"]
        text = self.again.text()
        if live and (not text or self.password.text().startswith(text)):
            label.clear()
            return False
        if text != self.password.text():
            label.setText(tr("两次输入的密码不一致。"))
            return False
        label.clear()
        return True

    def validatePage(self) -> bool:
        for label in self.errors.values():
            label.clear()
        first_bad: QLineEdit | None = None
        try:
            self.username.setText(users.normalise_username(self.username.text()))
        except ValidationError as exc:
            self.errors["username"].setText(exc.message)
            first_bad = self.username
        if not self.name.text().strip():
            self.errors["name"].setText(tr("请填写管理员姓名。"))
            first_bad = first_bad or self.name
        if not self._check_password():
            first_bad = first_bad or self.password
        elif not self._check_again():
            first_bad = first_bad or self.again
        if first_bad is not None:
            first_bad.setFocus()
            first_bad.selectAll()
            return False
        return True


class ProtectionPage(QWizardPage):
    def __init__(self, vault: KeyringVault, tasks: TaskRunner) -> None:
        super().__init__()
        self.setTitle(tr("保护数据存储"))
        self.setSubTitle(tr("数据库用随机生成的密钥加密。请选择这把密钥在本机如何保存。"))
        self.vault, self.tasks = vault, tasks
        self.keyring_available: bool | None = None  # None while probing
        self.keyring_failed = False  # creating found the keyring unusable after all
        self.status = QLabel(tr("正在检查本机的系统钥匙串…"))
        self.status.setWordWrap(True)
        self.optional = QCheckBox(tr("另外设置一个口令（钥匙串不可用时，可用口令打开）(&O)"))
        self.optional.setVisible(False)
        self.optional.toggled.connect(self._update_fields)
        self.passphrase = QLineEdit(objectName="passphrase", echoMode=QLineEdit.Password)
        self.again = QLineEdit(objectName="passphrase_again", echoMode=QLineEdit.Password)
        self.error = _error_label("passphrase_error")
        self.again_error = _error_label("passphrase_again_error")
        self.fields = QWidget()
        grid = _field_grid([(tr("口令(&K)"), self.passphrase, self.error), (tr("再次输入口令(&G)"), self.again, self.again_error)])
        grid.setContentsMargins(0, 0, 0, 0)
        self.fields.setLayout(grid)
        self.note = QLabel(tr("请记住口令：忘记口令时只能用恢复码打开。恢复码将在创建后显示。"))
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.optional)
        layout.addWidget(self.fields)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._probe_started = False

    def initializePage(self) -> None:
        if self._probe_started:
            self._update_fields()
            return
        self._probe_started = True
        self._update_fields()
        self.tasks.run(lambda: (self.vault.available(), self.vault.describe()), on_done=self._probed,
                       on_error=lambda _exc: self._probed((False, "")))

    def _probed(self, result: tuple[bool, str]) -> None:
        self.keyring_available, name = result
        self._describe = name
        self._update_fields()
        self.completeChanged.emit()

    def mark_keyring_failed(self) -> None:
        """Creating found the keyring unusable after all: a passphrase becomes required."""
        self.keyring_failed = True
        self._update_fields()

    def needs_passphrase(self) -> bool:
        return not self.keyring_available or self.keyring_failed

    def wants_passphrase(self) -> bool:
        return self.needs_passphrase() or self.optional.isChecked()

    def _update_fields(self) -> None:
        if self.keyring_available is None:
            self.fields.setEnabled(False)
            return
        if self.keyring_failed:
            self.status.setText(tr("<b>系统钥匙串无法保存密钥。</b>请设置一个口令（至少 8 位），每次打开程序时输入。"))
        elif self.keyring_available:
            self.status.setText(tr("密钥将保存在本机的系统钥匙串（{describe}）中，登录本机账户后打开程序无需输入口令。").format(describe=escape(self._describe)))
        else:
            self.status.setText(tr("<b>本机没有可用的系统钥匙串。</b>请设置一个口令（至少 8 位）来保护数据存储，"
                                "每次打开程序时需要输入。"))
        self.optional.setVisible(bool(self.keyring_available) and not self.keyring_failed)
        enabled = self.wants_passphrase()
        self.fields.setEnabled(enabled)
        self.note.setVisible(enabled)
        if not enabled:
            self.error.clear()
            self.again_error.clear()

    def isComplete(self) -> bool:
        return self.keyring_available is not None

    def validatePage(self) -> bool:
        self.error.clear()
        self.again_error.clear()
        if not self.wants_passphrase():
            return True
        if len(self.passphrase.text()) < MIN_PASSPHRASE:
            self.error.setText(tr("口令至少需要 {MIN_PASSPHRASE} 位。").format(MIN_PASSPHRASE=MIN_PASSPHRASE))
            self.passphrase.setFocus()
            return False
        if self.again.text() != self.passphrase.text():
            self.again_error.setText(tr("两次输入的口令不一致。"))
            self.again.setFocus()
            self.again.selectAll()
            return False
        return True

    def chosen(self) -> tuple[str | None, bool]:
        """(passphrase or None, use the keyring)."""
        passphrase = self.passphrase.text() if self.wants_passphrase() else None
        return passphrase, bool(self.keyring_available) and not self.keyring_failed


class CreatePage(QWizardPage):
    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__()
        self.setTitle(tr("创建数据存储"))
        self.setSubTitle(tr("请核对以下内容，然后点击“创建数据存储”。"))
        self.setCommitPage(True)
        self._wizard = wizard
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.state = QLabel("")
        self.error = _error_label("create_error")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.state)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        self.running = False
        self.finished = False

    def initializePage(self) -> None:
        w = self._wizard
        plan = w.plan()
        villages = sum(len(v) for _t, _p, v in plan.towns)
        protection = ((tr("系统钥匙串，另设口令") if plan.passphrase else tr("系统钥匙串")) if plan.use_keyring
                      else tr("口令"))
        self.summary.setText(
            tr("<table cellspacing=6><tr><td>数据文件夹</td><td><code>{data_dir}</code></td></tr><tr><td>区</td><td>{district}（案号前缀：{case_prefix}）</td></tr><tr><td>街镇 / 村社区</td><td>{n} 个街镇，{villages} 个村社区</td></tr><tr><td>系统管理员</td><td>{admin_name}（{admin_username}）</td></tr><tr><td>密钥保护</td><td>{protection}</td></tr></table>").format(data_dir=escape(str(w.data_dir)), district=escape(plan.district), case_prefix=escape(plan.case_prefix), n=len(plan.towns), villages=villages, admin_name=escape(plan.admin_name), admin_username=escape(plan.admin_username), protection=protection))
        self.error.clear()

    def isComplete(self) -> bool:
        return not self.running

    def validatePage(self) -> bool:
        if self.finished:
            return True
        if not self.running:
            self.start()
        return False

    def start(self) -> None:
        w = self._wizard
        self.running = True
        self.error.clear()
        self.state.setText(tr("正在创建加密数据存储并写入组织机构，请稍候…"))
        self.busy.setVisible(True)
        self.completeChanged.emit()
        w.button(QWizard.CancelButton).setEnabled(False)
        w.button(QWizard.BackButton).setEnabled(False)
        w.tasks.run(create_and_initialise, w.data_dir, w.plan(), w.vault, w.kdf,
                    on_done=self._created, on_error=self._failed)

    def _created(self, created: CreatedStore) -> None:
        self.running, self.finished = False, True
        self.busy.setVisible(False)
        self.state.setText(tr("已创建。"))
        self._wizard.created = created
        self._wizard.store = created.store
        self._wizard.admin_username = self._wizard.plan().admin_username
        self._wizard.button(QWizard.CancelButton).setEnabled(True)
        self.completeChanged.emit()
        self._wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.busy.setVisible(False)
        self.state.clear()
        w = self._wizard
        w.button(QWizard.CancelButton).setEnabled(True)
        w.button(QWizard.BackButton).setEnabled(True)
        if isinstance(exc, KeyUnavailable):
            w.protection_page.mark_keyring_failed()
            self.error.setText(tr("{message}请点击“上一步”设置口令后再创建。").format(message=exc.message))
        elif isinstance(exc, FulianError):
            self.error.setText(exc.message)
        else:
            import logging
            import traceback

            logging.getLogger(__name__).error("setup failed: %s", "".join(traceback.format_exception(exc)))
            self.error.setText(tr("创建数据存储时遇到意外错误，没有留下任何文件。详细信息已记入日志；"
                               "请检查文件夹是否可写、磁盘空间是否充足后重试。"))
        self.completeChanged.emit()


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__()
        self.setTitle(tr("恢复码（只显示这一次）"))
        self.setSubTitle(tr("换电脑、重装系统或忘记口令时，只有用恢复码才能打开数据存储。请现在打印或抄写，"
                         "与电脑分开、妥善保管。"))
        self._wizard = wizard
        self.code = QLabel(objectName="recovery_code")
        font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        font.setPointSize(20)
        font.setWeight(QFont.DemiBold)
        font.setLetterSpacing(QFont.AbsoluteSpacing, 1.0)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.code.setStyleSheet("QLabel{background:#fff8e1;border:1px solid #d7b45a;border-radius:4px;padding:14px;}")
        self.print_button = QPushButton(tr("打印恢复码(&P)…"))
        self.copy_button = QPushButton(tr("复制(&C)"))
        self.print_button.clicked.connect(self.print_recovery)
        self.copy_button.clicked.connect(self.copy_code)
        self.note = QLabel("")
        self.note.setObjectName("recovery_note")
        self.saved = QCheckBox(tr("我已抄写或打印恢复码(&S)"), objectName="recovery_saved")
        self.saved.toggled.connect(lambda _c: self.completeChanged.emit())
        self.where = QLabel()
        self.where.setWordWrap(True)
        reading = QLabel(tr("恢复码共 32 个字符，不区分大小写；不含字母 I、L、O、U，其中的“0”都是数字零。"))
        reading.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addSpacing(8)
        layout.addWidget(self.code)
        layout.addWidget(reading)
        layout.addLayout(buttons)
        layout.addWidget(self.where)
        layout.addStretch(1)
        layout.addWidget(self.saved)

    def initializePage(self) -> None:
        w = self._wizard
        assert w.created is not None
        self.code.setText(w.created.recovery_code)
        how = tr("系统钥匙串") if w.created.uses_keyring else tr("口令")
        self.where.setText(tr("数据存储已创建在 {data_dir}，密钥由{how}保护。恢复码不会保存在这台电脑上，关闭本页后无法再次查看。").format(data_dir=w.data_dir, how=how))
        w.setOption(QWizard.NoCancelButton, True)
        self.saved.setFocus()

    def isComplete(self) -> bool:
        return self.saved.isChecked()

    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self.code.text())
        self.note.setText(tr("已复制。粘贴保存到安全的地方后，请清空剪贴板。"))

    def choose_printer(self, printer: QPrinter) -> bool:
        """Asks the user for a printer; tests replace this to print into a PDF file without a dialog."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("打印恢复码"))
        return dialog.exec() == QPrintDialog.Accepted

    def print_recovery(self) -> bool:
        printer = QPrinter(QPrinter.HighResolution)
        printer.setDocName(tr("幸福号恢复码"))
        if not self.choose_printer(printer):
            return False
        render_recovery_sheet(printer, self.code.text(), self._wizard.data_dir, self.font())
        self.note.setText(tr("已发送打印。请确认打印清楚后再勾选下方的确认框。"))
        return True


def recovery_sheet_html(code: str, data_dir: Path, when: datetime) -> str:
    return (
        tr("<h2 style='text-align:center'>幸福号 · 数据存储恢复码</h2><p>创建日期：{when:%Y年%m月%d日 %H:%M}</p><p>数据存储位置：{data_dir}</p><p>恢复码：</p><p style='font-family:monospace;font-size:16pt;font-weight:bold;text-align:center;white-space:nowrap'>{code}</p><p>（共 32 个字符，不区分大小写；不含字母 I、L、O、U，看到的“0”都是数字零。）</p><p>换电脑、重装系统、系统钥匙串失效或忘记口令时，用此恢复码打开数据存储。任何人拿到恢复码和数据文件，就能读取其中的个人信息：请存放在上锁的柜子中，不要拍照、不要发到聊天软件，不要与电脑放在一起。</p><p>保管人：______________　　日期：______________</p>").format(when=when, data_dir=escape(str(data_dir)), code=escape(code)))


def render_recovery_sheet(printer: QPrinter, code: str, data_dir: Path, font: QFont | None = None) -> None:
    doc = QTextDocument()
    if font is not None:
        base = QFont(font)
        base.setPointSize(12)
        doc.setDefaultFont(base)
    doc.setHtml(recovery_sheet_html(code, data_dir, datetime.now(LOCAL_TZ)))
    doc.print_(printer)


# --- the wizard ----------------------------------------------------------------------------------------

class SetupWizard(QWizard):
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
        self.protection_page = ProtectionPage(self.vault, self.tasks)
        self.create_page = CreatePage(self)
        self.recovery_page = RecoveryPage(self)
        for page in (self.welcome_page, self.org_page, self.admin_page, self.protection_page, self.create_page,
                     self.recovery_page):
            self.addPage(page)
        self.setMinimumSize(820, 600)
        self.resize(880, 640)

    def plan(self) -> SetupPlan:
        org, admin = self.org_page, self.admin_page
        prefix = org.prefix.text().strip()
        passphrase, use_keyring = self.protection_page.chosen()
        return SetupPlan(district=org.district.text().strip(), case_prefix=prefix,
                         towns=plan_prefixes(prefix, org.town_list()),
                         admin_username=admin.username.text().strip().lower(), admin_name=admin.name.text().strip(),
                         admin_password=admin.password.text(), passphrase=passphrase, use_keyring=use_keyring)

    def reject(self) -> None:
        if self.create_page.running:
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
