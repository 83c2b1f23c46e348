"""The danger assessment form (危险性评估): the checklist, grouped with the eight red flags first, and the
level computed as it is filled — domain.risk.assess() runs on every toggle, so score, level badge and
the red flags that forced 高 are always what the core will store.

Professional judgement may only RAISE the level: the override list offers the levels above the computed
one (none once it is 高), and needs a reason. `sig_submit` carries what the service needs; the panel that
owns the form calls the service.

Two widgets for the owner to place: `checklist` (the relationship choice above a scroll area) and `result`
(score, level, override, time, buttons). The questions fit the relationship (intimate partner, elder, child,
other family member: `domain.risk.risk_set`). A form with nothing ticked shows 未评估, never 低风险: a level
is only shown once someone has answered.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
    QVBoxLayout, QWidget,
)

from fulian_desktop.domain import risk
from fulian_desktop.domain.risk import Relationship, RiskLevel

from ..i18n import language, tr
from ..common.crisis_common import LevelBadge, aware, datetime_edit, hint_label, now, set_datetime

def question_text(item: risk.RiskItem) -> str:
    """The item's question in the screen's language (the reviewed English of the set, not a tr() key)."""
    return item.question_in(language())


def short_text(item: risk.RiskItem) -> str:
    """The item's short name (red flags, the history's details) in the screen's language."""
    return item.short_in(language())


def flag_names(codes: tuple[str, ...] | list[str]) -> str:
    """Short names of the items `codes`, in the screen's language, as one list."""
    items = risk.all_items()
    return tr("、").join(short_text(items[c]) for c in codes if c in items)


QUESTION_WIDTH = 560
"""Pixels a question's line may take: a checkbox does not wrap, and the case page's checklist column is narrow.
Longer questions (English ones: Chinese fits) are broken between words onto a second line."""


def wrapped(text: str, font: QFont, width: int = QUESTION_WIDTH) -> str:
    """`text` with line breaks between words so that no line is wider than `width` in `font`; text without
    spaces (Chinese) is returned as it is."""
    metrics = QFontMetrics(font)
    if metrics.horizontalAdvance(text) <= width or " " not in text:
        return text
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if line and metrics.horizontalAdvance(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return "\n".join(lines)


RED_STYLE = "QCheckBox { color:#b3261e; font-weight:bold; } QCheckBox:disabled { color:#c98a85; }"


def groups(relationship: Relationship = Relationship.PARTNER) -> list[tuple[str, tuple[str, ...]]]:
    """(heading, item codes): the red flags in DOMAIN.md's order, then the weighted items by theme.
    An item the themes do not name is shown under 其他 (the checklist never loses one). The sets for an
    elder, a child or another family member: their red flags, then their other items."""
    checklist = risk.risk_set(relationship)
    red_heading = tr("红色警示（任一项为“是”即定为高风险）")
    if relationship != Relationship.PARTNER:
        others = tuple(i.code for i in checklist.items if not i.red_flag)
        return [(red_heading, checklist.red_flags), (tr("其他项目"), others)]
    themed = [
        (tr("暴力与伤害"), ("serious_injury", "forced_sex", "property_pets", "violence_outside")),
        (tr("威胁与控制"), ("believes_can_kill", "controlling", "jealousy", "violated_order", "weapon_access")),
        (tr("加害人情况"), ("abuser_suicide_threat", "abuser_substance", "abuser_unemployed", "prior_police")),
        (tr("受害人与家庭"), ("victim_suicidal", "stepchild")),
    ]
    named = set(risk.RED_FLAGS) | {c for _h, codes in themed for c in codes}
    rest = tuple(i.code for i in risk.ITEMS if i.code not in named)
    out = [(tr("红色警示（任一项为“是”即定为高风险）"), risk.RED_FLAGS), *themed]
    if rest:
        out.append((tr("其他"), rest))
    return [(h, tuple(c for c in codes if c in risk.ITEMS_BY_CODE)) for h, codes in out]


class RiskForm(QWidget):
    sig_submit = Signal(object, object, object, object)
    """(answers: dict[str, bool], override level: RiskLevel | None, reason: str | None, assessed_at: datetime)."""
    sig_result = Signal(object)
    """(domain.risk.Assessment) — the live result after every change."""

    def __init__(self, parent: QWidget | None = None, relationship: Relationship = Relationship.PARTNER) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.previous: dict[str, bool] | None = None
        self.busy = False
        self.editable = True
        self.relationship = Relationship(relationship)
        self.result_now: risk.Assessment = risk.assess({}, relationship=self.relationship)
        self._build_checklist()
        self._build_result()
        self.hide()   # holds the state; its two parts are placed by the owner
        self.recompute()

    # --- layout ------------------------------------------------------------------------------------
    def _build_checklist(self) -> None:
        self.relation = QComboBox(objectName="risk_relationship")
        for rel in Relationship:
            self.relation.addItem(tr(rel.label), rel.value)
        self.relation.setCurrentIndex(self.relation.findData(self.relationship.value))
        self.relation.currentIndexChanged.connect(lambda _i: self.set_relationship(self.relation.currentData()))
        relation_label = QLabel(tr("受害人与施暴者的关系(&G)"))
        relation_label.setBuddy(self.relation)
        top = QHBoxLayout()
        top.addWidget(relation_label)
        top.addWidget(self.relation, 1)
        self.scroll = QScrollArea(objectName="risk_checklist_scroll")
        self.scroll.setWidgetResizable(True)
        self.checklist = QWidget(objectName="risk_checklist_column")
        outer = QVBoxLayout(self.checklist)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(top)
        outer.addWidget(self.scroll, 1)
        self._fill_checklist()

    def set_relationship(self, relationship: Relationship | str) -> None:
        """Another question set: the ticks of the old one are dropped (its questions do not apply)."""
        rel = Relationship(relationship)
        if rel == self.relationship:
            return
        self.relationship = rel
        self.relation.blockSignals(True)
        self.relation.setCurrentIndex(self.relation.findData(rel.value))
        self.relation.blockSignals(False)
        self._fill_checklist()
        self.set_editable(self.editable)

    def _fill_checklist(self) -> None:
        self.boxes = {}
        checklist = risk.risk_set(self.relationship)
        by_code = checklist.items_by_code
        inner = QWidget(objectName="risk_checklist")
        column = QVBoxLayout(inner)
        notice = hint_label(checklist.notice_in(language()), "risk_notice")
        column.addWidget(notice)
        for index, (heading, codes) in enumerate(groups(self.relationship)):
            box = QGroupBox(heading)
            red = index == 0
            box.setObjectName("risk_group_red" if red else "risk_group")
            if red:
                box.setStyleSheet("QGroupBox#risk_group_red { border:1px solid #b3261e; border-radius:4px;"
                                  " margin-top:12px; } QGroupBox#risk_group_red::title { color:#b3261e;"
                                  " subcontrol-origin: margin; left:8px; }")
            rows = QVBoxLayout(box)
            rows.setSpacing(2)
            for code in codes:
                item = by_code[code]
                flag = "⚑ " if item.red_flag else ""
                check = QCheckBox(objectName=f"risk_{code}")
                font = QFont(check.font())
                font.setBold(item.red_flag)   # RED_STYLE makes the red flags bold
                room = QUESTION_WIDTH - QFontMetrics(font).horizontalAdvance(flag)
                check.setText(flag + wrapped(question_text(item), font, room))   # the flag never on a line alone
                check.setAccessibleName(flag + question_text(item))
                check.setToolTip(tr("{short}：{weight} 分").format(short=short_text(item), weight=item.weight)
                                 + (tr("；红色警示，选“是”即为高风险") if item.red_flag else ""))
                if item.red_flag:
                    check.setStyleSheet(RED_STYLE)
                check.toggled.connect(self.recompute)
                self.boxes[code] = check
                rows.addWidget(check)
            column.addWidget(box)
        column.addStretch(1)
        self.scroll.setWidget(inner)   # the old column is deleted with its boxes
        self.recompute()

    def _build_result(self) -> None:
        self.result = QGroupBox(tr("本次评估"), objectName="risk_result")
        self.badge = LevelBadge(big=True)
        self.badge.setObjectName("risk_live_level")
        self.score = QLabel(objectName="risk_score")
        self.score.setWordWrap(True)   # the 未评估 hint is a sentence: it wraps in a narrow result box
        self.forced = QLabel(objectName="risk_forced")
        self.forced.setWordWrap(True)
        self.forced.setStyleSheet("color:#b3261e")
        self.override = QComboBox(objectName="risk_override")
        self.override.currentIndexChanged.connect(self._update_ok)
        self.reason = QLineEdit(objectName="risk_override_reason")
        self.reason.setPlaceholderText(tr("调高等级的理由（必填），如：昨晚扬言放火烧房"))
        self.reason.setMaxLength(500)
        self.reason.textChanged.connect(self._update_ok)
        self.assessed_at = datetime_edit(object_name="risk_assessed_at")
        self.save_button = QPushButton(tr("保存评估(&S)"), objectName="risk_save")
        self.save_button.clicked.connect(self.submit)
        self.clear_button = QPushButton(tr("清空"), objectName="risk_clear")
        self.clear_button.clicked.connect(self.clear)
        self.repeat_button = QPushButton(tr("按上次评估填写"), objectName="risk_repeat")
        self.repeat_button.setToolTip(tr("复评时先带出上次的回答，再逐项向当事人核实"))
        self.repeat_button.clicked.connect(self.fill_previous)
        self.problem = hint_label(object_name="risk_problem")

        head = QHBoxLayout()
        head.addWidget(self.badge)
        head.addWidget(self.score, 1)
        form = QFormLayout()
        override_label = QLabel(tr("专业判断(&J)"))
        override_label.setBuddy(self.override)
        reason_label = QLabel(tr("调整理由(&R)"))
        reason_label.setBuddy(self.reason)
        time_label = QLabel(tr("评估时间"))
        time_label.setBuddy(self.assessed_at)
        form.addRow(override_label, self.override)
        form.addRow(reason_label, self.reason)
        form.addRow(time_label, self.assessed_at)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.repeat_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.result)
        layout.addLayout(head)
        layout.addWidget(self.forced)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.override.setToolTip(tr("专业判断只能调高风险等级，不能调低；评估为“高”即标记为重大案事件。"))

    # --- the live computation ------------------------------------------------------------------------
    def answers(self) -> dict[str, bool]:
        return {code: box.isChecked() for code, box in self.boxes.items()}

    def answered(self) -> bool:
        """Has anything been ticked? Until then the form shows 未评估, not a level."""
        return any(box.isChecked() for box in self.boxes.values())

    def recompute(self) -> None:
        if not hasattr(self, "badge"):
            return   # the checklist is built before the result box
        checklist = risk.risk_set(self.relationship)
        self.result_now = result = risk.assess(self.answers(), relationship=self.relationship)
        self.badge.set_level(result.computed_level if self.answered() else None)
        if self.answered():
            self.score.setText(tr("得分 {score} / {max}（中风险自 {medium} 分，高风险自 {high} 分）").format(
                score=result.score, max=result.max_score, medium=checklist.medium_from, high=checklist.high_from))
        else:
            self.score.setText(tr("尚未勾选任何项目。逐项询问后勾选回答“是”的项目；全部为“否”时保存为低风险。"))
        if result.red_flags:
            text = tr("红色警示：{flags}").format(flags=flag_names(result.red_flags))
            if result.forced_by_red_flag:
                text += tr("（得分未到高风险，由红色警示定为高风险）")
            self.forced.setText(text)
        else:
            self.forced.setText("")
        self.forced.setVisible(bool(result.red_flags))
        self._fill_override(result.computed_level)
        self.sig_result.emit(result)

    def _fill_override(self, computed: RiskLevel) -> None:
        """Only levels above the computed one are offered; a choice no longer above it is dropped."""
        chosen = self.override.currentData()
        self.override.blockSignals(True)
        self.override.clear()
        if self.answered():
            self.override.addItem(tr("不调整（按评估结果：{level}）").format(level=tr(computed.label)), None)
        else:
            self.override.addItem(tr("不调整（按评估结果）"), None)   # no level before an answer
        for level in RiskLevel:
            if level.rank > computed.rank:
                self.override.addItem(tr("调高为“{level}”").format(level=tr(level.label)), level.value)
        index = self.override.findData(chosen) if chosen else 0
        self.override.setCurrentIndex(max(index, 0))
        self.override.blockSignals(False)
        self.override.setEnabled(self.override.count() > 1 and self.editable)
        self._update_ok()

    def override_level(self) -> RiskLevel | None:
        value = self.override.currentData()
        return RiskLevel(value) if value else None

    def final_level(self) -> RiskLevel:
        return self.override_level() or self.result_now.computed_level

    def _problem(self) -> str:
        if not self.editable:
            return tr("您的角色不能登记评估，或案件已办结。")
        if self.busy:
            return tr("正在保存…")
        if self.override_level() is not None and not self.reason.text().strip():
            return tr("调高风险等级须写明理由。")
        return ""

    def _update_ok(self) -> None:
        overriding = self.override_level() is not None
        self.reason.setEnabled(overriding and self.editable)
        if overriding:
            self.badge.set_level(self.override_level(), tr("{level}风险（专业判断）").format(
                level=tr(self.override_level().label)))
        else:
            self.badge.set_level(self.result_now.computed_level if self.answered() else None)
        problem = self._problem()
        self.save_button.setEnabled(not problem)
        self.save_button.setToolTip(problem)
        self.problem.setText(problem if problem and not self.busy else "")
        self.problem.setVisible(bool(self.problem.text()))

    # --- state from the owner ------------------------------------------------------------------------
    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for box in self.boxes.values():
            box.setEnabled(editable)
        for widget in (self.assessed_at, self.clear_button):
            widget.setEnabled(editable)
        self.repeat_button.setEnabled(editable and self.previous is not None)
        self.recompute()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_ok()

    def set_previous(self, answers: dict[str, bool] | None) -> None:
        self.previous = answers
        self.repeat_button.setEnabled(self.editable and answers is not None)

    def fill_previous(self) -> None:
        if self.previous is not None:
            self.set_relationship(risk.relationship_of(self.previous))
            self._set_answers(self.previous)

    def clear(self) -> None:
        self._set_answers({})
        self.override.setCurrentIndex(0)
        self.reason.clear()
        set_datetime(self.assessed_at, now())

    def _set_answers(self, answers: dict[str, bool]) -> None:
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(bool(answers.get(code)))
            box.blockSignals(False)
        self.recompute()

    def submit(self) -> None:
        if self._problem():
            return
        level = self.override_level()
        reason = self.reason.text().strip() if level is not None else None
        self.sig_submit.emit(self.answers(), level, reason, aware(self.assessed_at))

    def relationship_value(self) -> Relationship:
        return self.relationship
