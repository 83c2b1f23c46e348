"""The setup wizard's page for the district, its towns and villages (edited in a tree or imported
from a file)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWizardPage,
)

from fulian_desktop.domain.enums import Tier

from ..errors import messages
from ..i18n import tr
from .setup_create import plan_prefixes
from .setup_import import MAX_NAME, read_towns_file
from .setup_pages import buddy, error_label, field_grid

KIND_ROLE = Qt.UserRole  # "town" or "village" on each tree item


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
        self.district_error = error_label("district_error")
        self.prefix_error = error_label("prefix_error")

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
        self.tree_error = error_label("tree_error")

        tree_row = QHBoxLayout()
        tree_row.addWidget(self.tree, 1)
        tree_row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(field_grid([(tr("区名称(&D)"), self.district, self.district_error),
                                      (tr("区案号前缀(&P)"), self.prefix, self.prefix_error)]))
        layout.addWidget(buddy(tr("街镇和村（社区）(&L)"), self.tree))
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

