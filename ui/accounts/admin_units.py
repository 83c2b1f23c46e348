"""The organisation tree: district → towns/streets → villages/communities, with tier and case prefix."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.enums import Tier
from fulian_desktop.services.accounts import orgunits
from fulian_desktop.services.accounts.orgunits import OrgUnitView

from ..errors import domain_message, present_error
from ..i18n import tr
from ..session import AppSession

ID_ROLE = Qt.UserRole


def _error_label(name: str) -> QLabel:
    label = QLabel("", objectName=name)
    label.setStyleSheet("color:#b3261e")
    label.setWordWrap(True)
    return label


class AddUnitDialog(QDialog):
    """Name and case prefix of a new town (under the district) or village (under a town)."""

    def __init__(self, session: AppSession, parent_unit: OrgUnitView, used_prefixes: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_unit = parent_unit
        self.tier = parent_unit.tier.child or Tier.VILLAGE
        self.used = used_prefixes
        self.created: OrgUnitView | None = None
        self._prefix_edited = False
        self.setWindowTitle(tr("新增{label}").format(label=tr(self.tier.label)))
        self.name = QLineEdit(objectName="name", placeholderText=tr("如：高塘岭街道") if self.tier == Tier.TOWN else tr("如：新康村"))
        self.prefix = QLineEdit(objectName="case_prefix")
        self.prefix.setMaxLength(16)
        self.name_error = _error_label("name_error")
        self.prefix_error = _error_label("prefix_error")
        self.sample = QLabel("", objectName="sample")
        self.name.textChanged.connect(self._name_changed)
        self.prefix.textEdited.connect(self._prefix_edited_by_user)
        self.prefix.textChanged.connect(self._check_prefix)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(1, 240)
        grid.setColumnMinimumWidth(2, 180)
        grid.addWidget(QLabel(tr("上级单位")), 0, 0)
        grid.addWidget(QLabel(tr("<b>{name}</b>（{tier}）").format(name=parent_unit.name, tier=tr(parent_unit.tier.label))), 0, 1)
        for row, (text, widget, error) in enumerate(((tr("{label}名称(&N)").format(label=tr(self.tier.label)), self.name, self.name_error),
                                                     (tr("案号前缀(&P)"), self.prefix, self.prefix_error)), start=1):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1)
            grid.addWidget(error, row, 2)
        grid.addWidget(self.sample, 3, 1, 1, 2)
        self.error = _error_label("error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(tr("添加"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._name_changed("")
        self.resize(600, 220)

    def _suggest(self) -> str:
        return orgunits.suggest_prefix(self.name.text(), self.parent_unit.case_prefix, self.used)

    def _name_changed(self, _text: str) -> None:
        self.name_error.clear()
        if not self._prefix_edited:
            self.prefix.setText(self._suggest() if self.name.text().strip() else "")

    def _prefix_edited_by_user(self, text: str) -> None:
        self._prefix_edited = bool(text.strip())

    def _check_prefix(self, text: str) -> bool:
        prefix = text.strip()
        self.sample.setText(tr("案号示例：（2026）{prefix}婚调字第1号").format(prefix=prefix) if prefix else "")
        owner = self.used.get(prefix)
        if owner:
            self.prefix_error.setText(tr("已被“{owner}”使用，案号会重复，请换一个。").format(owner=owner))
            return False
        self.prefix_error.clear()
        return True

    def submit(self) -> None:
        self.error.clear()
        name = self.name.text().strip()
        if not name:
            self.name_error.setText(tr("请填写名称。"))
            self.name.setFocus()
            return
        if not self.prefix.text().strip():
            self.prefix_error.setText(tr("请填写案号前缀。"))
            self.prefix.setFocus()
            return
        if not self._check_prefix(self.prefix.text()):
            self.prefix.setFocus()
            self.prefix.selectAll()
            return
        self.buttons.setEnabled(False)
        self.session.write(orgunits.create_unit, name=name, tier=self.tier, parent_id=self.parent_unit.id,
                           case_prefix=self.prefix.text().strip(), on_done=self._done,
                           on_error=self._failed)  # the page reselects the new unit, then reloads on the org change

    def _done(self, unit: OrgUnitView) -> None:
        self.buttons.setEnabled(True)
        self.created = unit
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        message = domain_message(exc)
        if message is None:
            present_error(self, exc)
        else:
            (self.name_error if domain_message(exc, field="name") else self.error).setText(message)


class UnitsPage(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.units: list[OrgUnitView] = []
        self.used: dict[str, str] = {}
        self.dialog: AddUnitDialog | None = None
        self._reselect: str | None = None

        self.tree = QTreeWidget(objectName="units_tree")
        self.tree.setHeaderLabels([tr("名称"), tr("层级"), tr("案号前缀")])
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        header.resizeSection(0, 320)
        header.resizeSection(1, 90)
        header.setStretchLastSection(True)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_town_button = QPushButton(tr("新增街镇(&T)…"))
        self.add_village_button = QPushButton(tr("新增村社区(&V)…"))
        self.refresh_button = QPushButton(tr("刷新"))
        self.add_town_button.clicked.connect(self.open_add_town)
        self.add_village_button.clicked.connect(self.open_add_village)
        self.refresh_button.clicked.connect(self.reload)
        self.count = QLabel(tr("正在加载…"))
        hint = QLabel(tr("案号由单位的案号前缀、案件类型和年度顺序号组成，如（2026）望高婚调字第1号。"
                      "各单位的前缀不能重复。"))
        hint.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.add_town_button, self.add_village_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addWidget(self.count)
        self.session.changes.subscribe(self, {"org"}, self.reload)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        def load(uow, actor):  # noqa: ANN001, ANN202
            return orgunits.list_units(uow, actor), orgunits.used_prefixes(uow)

        self.session.read(load, on_done=self._fill, on_error=lambda exc: present_error(self, exc))

    def _fill(self, result: tuple[list[OrgUnitView], dict[str, str]]) -> None:
        self.units, self.used = result
        current = self.current_unit()
        target = self._reselect or (current.id if current else None)
        self._reselect = None
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for unit in self.units:
            item = QTreeWidgetItem([unit.name, unit.tier.label, unit.case_prefix])
            item.setData(0, ID_ROLE, unit.id)
            parent = items.get(unit.parent_id or "")
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[unit.id] = item
        for i in range(self.tree.topLevelItemCount()):
            self.tree.topLevelItem(i).setExpanded(True)
        if target in items:
            self.tree.setCurrentItem(items[target])
            self.tree.scrollToItem(items[target])
        elif self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        towns = sum(u.tier == Tier.TOWN for u in self.units)
        villages = sum(u.tier == Tier.VILLAGE for u in self.units)
        self.count.setText(tr("共 {towns} 个街镇、{villages} 个村社区").format(towns=towns, villages=villages))
        self._update_buttons()

    def current_unit(self) -> OrgUnitView | None:
        item = self.tree.currentItem()
        unit_id = item.data(0, ID_ROLE) if item else None
        return next((u for u in self.units if u.id == unit_id), None)

    def _unit(self, unit_id: str | None) -> OrgUnitView | None:
        return next((u for u in self.units if u.id == unit_id), None)

    def _town_for_village(self) -> OrgUnitView | None:
        unit = self.current_unit()
        if unit is None:
            return None
        if unit.tier == Tier.TOWN:
            return unit
        if unit.tier == Tier.VILLAGE:
            return self._unit(unit.parent_id)
        return None

    def _district(self) -> OrgUnitView | None:
        return next((u for u in self.units if u.tier == Tier.DISTRICT), None)

    def _update_buttons(self) -> None:
        self.add_town_button.setEnabled(self._district() is not None)
        self.add_village_button.setEnabled(self._town_for_village() is not None)

    def _open(self, parent_unit: OrgUnitView | None) -> AddUnitDialog | None:
        if parent_unit is None:
            return None
        dialog = AddUnitDialog(self.session, parent_unit, self.used, self)
        self.dialog = dialog
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._added(dialog.created))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def open_add_town(self) -> AddUnitDialog | None:
        return self._open(self._district())

    def open_add_village(self) -> AddUnitDialog | None:
        return self._open(self._town_for_village())

    def _added(self, unit: OrgUnitView | None) -> None:
        if unit is not None:
            self._reselect = unit.id
