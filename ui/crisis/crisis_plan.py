"""The 安全计划 sub-tab: one editor per section (domain.safety_plan.SECTIONS: label, hint as placeholder,
list sections one line per item with the usual lines offered), the plan's version, and 保存.

Saving passes the version that was opened; when someone else saved in between the core refuses
(ConflictError): the input stays, a bar offers to load the latest version or to save this text over it
(after re-reading which version that is). The plan is read only when the sub-tab is first shown.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QMenu, QPlainTextEdit, QPushButton, QScrollArea, QToolButton,
    QVBoxLayout, QWidget,
)

from fulian_desktop.domain import safety_plan as rules
from fulian_desktop.domain.errors import ConflictError
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.crisis.crisis import SafetyPlanView

from ..errors import present_error
from ..i18n import tr
from ..session import AppSession
from ..common.crisis_common import banner, date_edit, day_of, hint_label, set_banner_kind, set_date, today
from .crisis_data import PlanData, load_plan
from ..common.guard import while_alive


def _text(section: rules.Section, value: Any) -> str:
    if section.kind == "list":
        return "\n".join(value or [])
    return value or ""


class SafetyPlanEditor(QWidget):
    sig_saved = Signal(object)
    """(SafetyPlanView) — a version was saved."""

    def __init__(self, session: AppSession, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.plan: SafetyPlanView | None = None
        self.latest: SafetyPlanView | None = None     # after a conflict: the version saved meanwhile
        self.loaded = self.loading = self.saving = False
        self.allowed = True
        self.editable = False
        self.overwrite_version: int | None = None   # after a conflict: the version to save over
        self.editors: dict[str, QPlainTextEdit] = {}
        self._build()

    def _build(self) -> None:
        self.status = QLabel(objectName="plan_status")
        self.status.setWordWrap(True)
        self.missing = hint_label(object_name="plan_missing")
        self.conflict = banner("warn", "plan_conflict")
        self.load_latest_button = QPushButton(tr("放弃我的修改，载入最新版本"), objectName="plan_load_latest")
        self.load_latest_button.clicked.connect(self._load_latest)
        self.overwrite_button = QPushButton(tr("用我的内容保存为新版本"), objectName="plan_overwrite")
        self.overwrite_button.clicked.connect(lambda: self.save(overwrite=True))
        conflict_buttons = QHBoxLayout()
        conflict_buttons.addWidget(self.load_latest_button)
        conflict_buttons.addWidget(self.overwrite_button)
        conflict_buttons.addStretch(1)
        self.conflict_row = QWidget()
        self.conflict_row.setLayout(conflict_buttons)
        self.conflict_row.hide()
        self.denied = banner("info", "plan_denied")

        grid_host = QWidget(objectName="plan_sections")
        grid = QGridLayout(grid_host)
        for index, section in enumerate(rules.SECTIONS):
            label = QLabel(f"<b>{section.label}</b>" + (tr("（每行一项）") if section.kind == "list" else ""))
            editor = QPlainTextEdit(objectName=f"plan_{section.code}")
            editor.setPlaceholderText(section.hint)
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(74)
            editor.setToolTip(section.hint)
            editor.textChanged.connect(self._update_buttons)
            label.setBuddy(editor)
            self.editors[section.code] = editor
            head = QHBoxLayout()
            head.addWidget(label, 1)
            if section.suggestions:
                head.addWidget(self._suggestions(section, editor))
            cell = QVBoxLayout()
            cell.addLayout(head)
            cell.addWidget(editor)
            grid.addLayout(cell, index // 2, index % 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(grid_host)
        self.sections = scroll

        self.reviewed_on = date_edit(object_name="plan_reviewed_on")
        self.reviewed_on.dateChanged.connect(self._update_buttons)
        self.save_button = QPushButton(tr("保存安全计划(&S)"), objectName="plan_save")
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button = QPushButton(tr("撤销修改"), objectName="plan_revert")
        self.revert_button.clicked.connect(lambda: self.show_plan(self.plan))
        bottom = QHBoxLayout()
        reviewed = QLabel(tr("复核日期"))
        reviewed.setBuddy(self.reviewed_on)
        bottom.addWidget(reviewed)
        bottom.addWidget(self.reviewed_on)
        bottom.addStretch(1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.denied)
        layout.addWidget(self.status)
        layout.addWidget(self.missing)
        layout.addWidget(self.conflict)
        layout.addWidget(self.conflict_row)
        layout.addWidget(self.sections, 1)
        layout.addLayout(bottom)

    def _suggestions(self, section: rules.Section, editor: QPlainTextEdit) -> QToolButton:
        button = QToolButton(objectName=f"plan_suggest_{section.code}")
        button.setText(tr("常用项"))
        button.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(button)
        for line in section.suggestions:
            menu.addAction(line, lambda text=line, e=editor: self._append_line(e, text))
        button.setMenu(menu)
        return button

    @staticmethod
    def _append_line(editor: QPlainTextEdit, line: str) -> None:
        lines = [x for x in editor.toPlainText().splitlines() if x.strip()]
        if line not in lines:
            lines.append(line)
        editor.setPlainText("\n".join(lines))

    # --- loading -----------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if not self.loaded and not self.loading:
            self.reload()

    def reload(self) -> None:
        self.loading = True
        self.session.write(load_plan, self.case_id, on_done=while_alive(self, self._loaded),
                           on_error=while_alive(self, self._load_failed))

    def _loaded(self, data: PlanData) -> None:
        self.loading, self.loaded = False, True
        self.allowed = data.allowed
        self.denied.setText(tr("您的角色无权查看安全计划：其中有安全联系人、去向等保密信息。"))
        self.denied.setVisible(not data.allowed)
        for widget in (self.status, self.missing, self.sections, self.reviewed_on, self.save_button,
                       self.revert_button):
            widget.setVisible(data.allowed)
        if data.allowed:
            self.show_plan(data.plan)

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        present_error(self, exc)

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for editor in self.editors.values():
            editor.setReadOnly(not editable)
        self._update_buttons()

    def show_plan(self, plan: SafetyPlanView | None) -> None:
        self.plan = plan
        self.overwrite_version = None
        self.conflict.hide()
        self.conflict_row.hide()
        sections = plan.sections if plan else rules.empty_plan()
        for section in rules.SECTIONS:
            self.editors[section.code].setPlainText(_text(section, sections.get(section.code)))
        set_date(self.reviewed_on, plan.reviewed_on if plan and plan.reviewed_on else today())
        if plan is None:
            self.status.setText(tr("尚未制定安全计划。与当事人逐项商量后填写，至少填写一栏即可保存。"))
        else:
            text = tr("第 {version} 版，{who}保存于 {at}").format(version=plan.version, who=plan.saved_by or "",
                                                                 at=format_local(plan.saved_at))
            if plan.previous:
                text += tr("（之前的 {n} 个版本已留存）").format(n=len(plan.previous))
            self.status.setText(text)
        missing = [rules.SECTIONS_BY_CODE[c].label for c in (plan.missing if plan else ())]
        self.missing.setText(tr("尚未填写：{sections}").format(sections="、".join(missing)) if missing else "")
        self.missing.setVisible(bool(missing))
        self._update_buttons()

    # --- editing and saving --------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for section in rules.SECTIONS:
            text = self.editors[section.code].toPlainText()
            out[section.code] = [x.strip() for x in text.splitlines() if x.strip()] if section.kind == "list" \
                else text.strip()
        return out

    def is_dirty(self) -> bool:
        before = self.plan.sections if self.plan else rules.empty_plan()
        return bool(rules.changed_sections(before, self.values())) or (
            self.plan is not None and self.plan.reviewed_on != day_of(self.reviewed_on))

    def _update_buttons(self) -> None:
        dirty = self.loaded and self.is_dirty()
        filled = bool(rules.filled(self.values()))
        ok = self.editable and self.allowed and dirty and filled and not self.saving
        self.save_button.setEnabled(ok)
        self.save_button.setToolTip("" if ok else tr("无权修改或案件已办结。") if not self.editable else
                                    tr("请至少填写一栏。") if not filled else tr("没有需要保存的修改。"))
        self.revert_button.setEnabled(dirty and not self.saving)

    def save(self, overwrite: bool = False) -> None:
        if not self.save_button.isEnabled() and not (overwrite and self.overwrite_version is not None):
            return
        expected = self.overwrite_version if overwrite else (self.plan.version if self.plan else 0)
        self.saving = True
        self._update_buttons()
        self.session.write(crisis.save_safety_plan, self.case_id, self.values(), expected_version=expected,
                           reviewed_on=day_of(self.reviewed_on), on_done=while_alive(self, self._saved),
                           on_error=while_alive(self, self._save_failed))

    def _saved(self, plan: SafetyPlanView) -> None:
        self.saving = False
        self.show_plan(plan)
        self.sig_saved.emit(plan)

    def _save_failed(self, exc: BaseException) -> None:
        self.saving = False
        self._update_buttons()
        if not isinstance(exc, ConflictError):
            present_error(self, exc)
            return
        # Someone saved first: keep the input, find out which version is there now.
        self.session.write(load_plan, self.case_id, on_done=while_alive(self, self._conflict_with),
                           on_error=while_alive(self, lambda e: present_error(self, e)))

    def _conflict_with(self, data: PlanData) -> None:
        latest = data.plan
        self.latest = latest
        self.overwrite_version = latest.version if latest else 0
        who = (latest.saved_by or "") if latest else ""
        set_banner_kind(self.conflict, "warn")
        self.conflict.setText(tr("保存冲突：安全计划已被{who}修改（现为第 {version} 版）。您的输入仍在下方，尚未保存。"
                                 "可以载入最新版本，或核对后用您的内容保存为新版本。").format(
            who=who, version=latest.version if latest else 0))
        self.conflict.show()
        self.conflict_row.show()

    def _load_latest(self) -> None:
        self.show_plan(self.latest)
