"""Editing a case's own fields in place: title, category, sub-category, summary, flags."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget,
)

from fulian_desktop.domain.enums import COMPLAINT_CATEGORIES
from fulian_desktop.services.cases.views import CaseDetail

from ..i18n import tr

FLAGS = (("major_incident", QT_TRANSLATE_NOOP("", "重大案事件")), ("domestic_violence", QT_TRANSLATE_NOOP("", "家庭暴力")), ("involves_minor", QT_TRANSLATE_NOOP("", "涉及未成年人")))
FIELDS = ("title", "category", "sub_category", "summary") + tuple(key for key, _ in FLAGS)
NONE = QT_TRANSLATE_NOOP("", "（无）")


def values_of(detail: CaseDetail) -> dict[str, Any]:
    row = detail.row
    return {"title": row.title, "category": row.category, "sub_category": detail.sub_category,
            "summary": detail.summary, "major_incident": row.major_incident,
            "domestic_violence": row.domestic_violence, "involves_minor": row.involves_minor}


class CaseEditForm(QWidget):
    sig_changed = Signal()
    """() — any field was edited (for the unsaved-changes state)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(objectName="case_title")
        self.title.setMaxLength(200)
        self.category = QComboBox(objectName="case_category")
        self.sub_category = QComboBox(objectName="case_sub_category")
        self.summary = QPlainTextEdit(objectName="case_summary")
        self.summary.setFixedHeight(90)
        self.flags: dict[str, QCheckBox] = {}
        flag_row = QHBoxLayout()
        for key, label in FLAGS:
            box = QCheckBox(tr(label), objectName=f"case_{key}")
            self.flags[key] = box
            flag_row.addWidget(box)
            box.toggled.connect(self.sig_changed)
        flag_row.addStretch(1)
        self._fill_categories(None)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.title.textChanged.connect(self.sig_changed)
        self.sub_category.currentIndexChanged.connect(self.sig_changed)
        self.summary.textChanged.connect(self.sig_changed)
        categories = QHBoxLayout()
        categories.addWidget(self.category, 1)
        categories.addWidget(self.sub_category, 1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("案件名称"), self.title)
        form.addRow(tr("类别 / 子类"), categories)
        form.addRow(tr("简要案情"), self.summary)
        form.addRow(tr("标记"), flag_row)

    # --- values ------------------------------------------------------------------------------------
    def set_values(self, values: dict[str, Any]) -> None:
        self.title.setText(values.get("title") or "")
        self._fill_categories(values.get("category"))
        self._fill_sub_categories(values.get("category"), values.get("sub_category"))
        self.summary.setPlainText(values.get("summary") or "")
        for key, box in self.flags.items():
            box.setChecked(bool(values.get(key)))

    def values(self) -> dict[str, Any]:
        summary = self.summary.toPlainText().strip()
        return {"title": self.title.text().strip(), "category": self.category.currentData(),
                "sub_category": self.sub_category.currentData(), "summary": summary or None,
                **{key: box.isChecked() for key, box in self.flags.items()}}

    def changes(self, base: dict[str, Any]) -> dict[str, Any]:
        """Only what differs from `base` (the version the edit started from)."""
        return {k: v for k, v in self.values().items() if v != base.get(k)}

    # --- category combos ---------------------------------------------------------------------------
    def _fill_categories(self, current: str | None) -> None:
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(tr(NONE), None)
        for name in COMPLAINT_CATEGORIES:
            self.category.addItem(name, name)
        if current and self.category.findData(current) < 0:
            self.category.addItem(current, current)  # an older or imported value stays selectable
        self.category.setCurrentIndex(max(self.category.findData(current), 0))
        self.category.blockSignals(False)

    def _fill_sub_categories(self, category: str | None, current: str | None) -> None:
        self.sub_category.blockSignals(True)
        self.sub_category.clear()
        self.sub_category.addItem(tr(NONE), None)
        for name in COMPLAINT_CATEGORIES.get(category or "", ()):
            self.sub_category.addItem(name, name)
        if current and self.sub_category.findData(current) < 0:
            self.sub_category.addItem(current, current)
        self.sub_category.setCurrentIndex(max(self.sub_category.findData(current), 0))
        self.sub_category.setEnabled(self.sub_category.count() > 1)
        self.sub_category.blockSignals(False)

    def _category_changed(self) -> None:
        previous = self.sub_category.currentData()
        category = self.category.currentData()
        keep = previous if previous in COMPLAINT_CATEGORIES.get(category or "", ()) else None
        self._fill_sub_categories(category, keep)
        self.sig_changed.emit()
