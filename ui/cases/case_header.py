"""The top of a case screen: number, title, status line and coloured flag tags."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QSizePolicy, QVBoxLayout, QWidget

from fulian_desktop.domain.enums import CaseSource, Urgency
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.cases.views import CaseDetail

from ..i18n import status_text, tr

# (background, text) per tag; the major-incident red is the one colour nobody may miss.
TAG_STYLES = {
    "major": ("#b3261e", "#ffffff"),
    "dv": ("#7b1fa2", "#ffffff"),
    "minor": ("#1565c0", "#ffffff"),
    "kind": ("#e8eaed", "#202124"),
    "urgent": ("#e65100", "#ffffff"),
}


def tag(text: str, style: str, name: str = "") -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    background, colour = TAG_STYLES[style]
    label.setStyleSheet(f"QLabel {{ background: {background}; color: {colour}; border-radius: 4px;"
                        " padding: 2px 8px; }")
    label.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
    return label


def flag_tags(detail: CaseDetail) -> list[QLabel]:
    row = detail.row
    tags = [tag(tr(row.kind.label), "kind", "tag_kind")]
    if detail.urgency and detail.urgency != Urgency.NORMAL.value:
        tags.append(tag(tr(_label(Urgency, detail.urgency)), "urgent", "tag_urgency"))
    if row.major_incident:
        tags.append(tag(tr("重大案事件"), "major", "tag_major_incident"))
    if row.domestic_violence:
        tags.append(tag(tr("家庭暴力"), "dv", "tag_domestic_violence"))
    if row.involves_minor:
        tags.append(tag(tr("涉及未成年人"), "minor", "tag_involves_minor"))
    return tags


def _label(enum, value: str | None) -> str:  # noqa: ANN001
    if not value:
        return ""
    try:
        return enum(value).label
    except ValueError:
        return value


class CaseHeader(QWidget):
    """Call `set_detail(detail)`; `actions` is a layout on the right of the number for the page's buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_no = QLabel(tr("正在加载…"))
        self.case_no.setObjectName("case_no")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.case_no.setFont(font)
        self.case_no.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.tags = QHBoxLayout()
        self.tags.setSpacing(6)
        self.actions = QHBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.case_no)
        top.addSpacing(12)
        top.addLayout(self.tags)
        top.addStretch(1)
        top.addLayout(self.actions)

        self.title = QLabel()
        self.title.setObjectName("case_title_label")
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setObjectName("case_meta")
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet("color:#444")
        self.category = QLabel()
        self.category.setObjectName("case_category_label")
        self.category.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("case_summary_label")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        # A closed petition's 处理意见 (支持 / 解释说明 / 不予支持) and its facts and basis, as the opinion letter says.
        self.petition_opinion = QLabel()
        self.petition_opinion.setObjectName("case_petition_opinion")
        self.petition_opinion.setWordWrap(True)
        self.petition_opinion.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.petition_opinion.hide()
        # What the approved closure recorded: 防止民转刑 / 防止自杀 / 制止群体性上访 with persons (the report counts them).
        self.closure_outcomes = QLabel(objectName="case_closure_outcomes")
        self.closure_outcomes.setWordWrap(True)
        self.closure_outcomes.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.closure_outcomes.hide()
        # The agreement's 司法确认 window (30 days from its effective date) and a warning on terms a court refuses.
        self.confirmation_window = QLabel()
        self.confirmation_window.setObjectName("case_confirmation_window")
        self.confirmation_window.setWordWrap(True)
        self.confirmation_window.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.confirmation_window.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.category)
        layout.addWidget(self.summary)
        layout.addWidget(self.petition_opinion)
        layout.addWidget(self.closure_outcomes)
        layout.addWidget(self.confirmation_window)

    def set_detail(self, detail: CaseDetail) -> None:
        row = detail.row
        self.case_no.setText(row.case_no)
        self.title.setText(row.title)
        parts = [tr("状态：{label}").format(label=status_text(row.status.label)), tr("层级：{label}").format(label=tr(row.tier.label)), tr("承办单位：{unit_name}").format(unit_name=row.unit_name),
                 tr("承办人：{handler_name}").format(handler_name=row.handler_name or tr("未指定")), tr("登记时间：{opened_at}").format(opened_at=format_local(row.opened_at))]
        if detail.closed_at:
            parts.append(tr("结案时间：{closed_at}").format(closed_at=format_local(detail.closed_at)))
        self.meta.setText("　·　".join(parts))
        category = " / ".join(tr(x) for x in (row.category, detail.sub_category) if x) or tr("未分类")
        extra = [tr("类别：{category}").format(category=category)]
        if detail.dispute_type:
            extra.append(tr("纠纷类型：{dispute_type}").format(dispute_type=tr(detail.dispute_type)))
        if detail.source:
            extra.append(tr("来源：{label}").format(label=tr(_label(CaseSource, detail.source))))
        self.category.setText("　·　".join(extra))
        self.summary.setText(tr("简要案情：{summary}").format(summary=detail.summary) if detail.summary else tr("简要案情：（未填写）"))
        if detail.petition_outcome is not None:
            text = tr("信访处理意见：{label}").format(label=tr(detail.petition_outcome.label))
            if detail.petition_basis:
                text += tr("　事实和依据：{basis}").format(basis=detail.petition_basis)
            said = detail.petition_evaluation
            text += tr("　信访人评价：{evaluation}").format(evaluation=tr(said.label) if said else tr("未评价"))
            self.petition_opinion.setText(text)
        self.petition_opinion.setVisible(detail.petition_outcome is not None)
        outcomes = detail.closure_outcomes
        self.closure_outcomes.setText(tr("结案成效：{outcomes}").format(outcomes=tr("；").join(
            tr("{label} {persons} 人").format(label=tr(o.label), persons=n) for o, n in outcomes.persons)))
        self.closure_outcomes.setVisible(bool(outcomes))
        self.confirmation_window.setText(detail.confirmation_window or "")
        self.confirmation_window.setVisible(bool(detail.confirmation_window))
        _clear(self.tags)
        for label in flag_tags(detail):
            self.tags.addWidget(label)

    def set_editing(self, editing: bool) -> None:
        """While the case is edited in place, the form replaces the editable lines."""
        for widget in (self.title, self.category, self.summary):
            widget.setVisible(not editing)


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
