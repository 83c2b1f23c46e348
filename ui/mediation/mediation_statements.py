"""The 调解笔录 as an editable list of statements: who spoke (the mediator or a party of the case) and what they
said. A new statement's speaker follows on from the previous one (调解员 → 申请人 → 被申请人 → 调解员 …)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from fulian_desktop.domain.mediation_rules import MEDIATOR_SPEAKER
from fulian_desktop.services.mediation.mediation_sessions import PartyRef

from ..i18n import tr
from .mediation_rows import EditorRow, RowListEditor


class StatementsEditor(RowListEditor):
    def __init__(self, parties: tuple[PartyRef, ...], parent: QWidget | None = None) -> None:
        self.speakers: list[tuple[str, str]] = [(MEDIATOR_SPEAKER, tr("调解员"))] + [
            (p.id, tr("{name}（{role}）").format(name=p.name, role=p.role_label)) for p in parties]
        super().__init__(tr("添加发言"), parent)
        self.setObjectName("statements_editor")

    def build_row(self, row: EditorRow) -> None:
        row.speaker = QComboBox(objectName="statement_speaker")
        for code, label in self.speakers:
            row.speaker.addItem(label, code)
        row.speaker.setAccessibleName(tr("发言人"))
        row.speaker.setMinimumWidth(150)
        row.text = QPlainTextEdit(objectName="statement_text")
        row.text.setTabChangesFocus(True)
        row.text.setPlaceholderText(tr("陈述内容（如实记录发言要点）"))
        row.text.setAccessibleName(tr("陈述内容"))
        row.text.setFixedHeight(row.text.fontMetrics().lineSpacing() * 3 + 14)
        row.grid.addWidget(row.speaker, 0, 0, Qt.AlignTop)
        row.grid.addWidget(row.text, 0, 1)
        row.grid.setColumnStretch(1, 1)
        row.speaker.currentIndexChanged.connect(self.changed)
        row.text.textChanged.connect(self.changed)

    def row_values(self, row: EditorRow) -> tuple[str, str]:
        return row.speaker.currentData(), row.text.toPlainText()

    def set_row_values(self, row: EditorRow, values: tuple[str, str]) -> None:
        speaker, text = values
        index = row.speaker.findData(speaker)
        row.speaker.setCurrentIndex(max(index, 0))
        if row.text.toPlainText() != text:
            row.text.setPlainText(text)

    def default_values(self, index: int) -> tuple[str, str]:
        if index == 0 or len(self.rows) < 2:
            return MEDIATOR_SPEAKER, ""
        previous = self.rows[index - 1].speaker.currentIndex()
        return self.speakers[(previous + 1) % len(self.speakers)][0], ""

    def first_field(self, row: EditorRow) -> QWidget:
        return row.text

    def empty_text(self) -> str:
        return tr("尚无发言：点“添加发言”记录调解员和各方当事人的陈述。")

    def statements(self) -> list[tuple[str, str]]:
        """The statements with text (blank ones are left out, as the core does)."""
        return [(speaker, text.strip()) for speaker, text in self.values() if text.strip()]
