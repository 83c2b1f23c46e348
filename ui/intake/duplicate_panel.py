"""The duplicate warning at the reception desk: people on file who may be this visitor.

Each person is a card: name, sex, unit, why they match (coloured), masked ID number and phone, and
their cases with an 打开案件 button. 是同一人 links the visitor to that person; 取消 undoes it.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.cases.persons import REASON_LABELS, PersonCaseRef, PersonMatch

from ..i18n import status_text, tr

MAX_CASES = 4
# (background, text) per match reason: the ID number is near-certain, a phone is often shared by a family.
REASON_STYLE = {"id_number": ("#b3261e", "#ffffff"), "phone": ("#f6c343", "#3d2e00"),
                "name_birth": ("#e0e0e0", "#3c4043")}
HINT = QT_TRANSLATE_NOOP("", "输入身份证号、手机号，或姓名和出生日期后，这里会列出已登记的同一人及其案件。")


def _chip(text: str, background: str, colour: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"QLabel {{ background:{background}; color:{colour}; border-radius:4px; padding:1px 6px; }}")
    label.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
    return label


class MatchCard(QFrame):
    sig_same = Signal(object)
    """(PersonMatch) — 是同一人 was clicked."""
    sig_undo = Signal()
    """— 取消 was clicked on the chosen card."""
    sig_open_case = Signal(str)
    """(case id)"""

    def __init__(self, match: PersonMatch, chosen: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.match = match
        self.setObjectName(f"match_{match.person_id}")
        border = "#1e8e3e" if chosen else "#d0d4da"
        self.setStyleSheet(f"MatchCard {{ border:1px solid {border}; border-radius:6px; background:"
                           f"{'#f1f8f3' if chosen else '#ffffff'}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)

        name = QLabel(f"<b>{match.name}</b>　{_sex(match.sex)}　<span style='color:#5f6368'>{match.unit_name}</span>")
        name.setObjectName("match_name")
        name.setWordWrap(True)
        layout.addWidget(name)
        reasons = QHBoxLayout()
        reasons.setSpacing(4)
        for reason in match.reasons:
            background, colour = REASON_STYLE.get(reason, ("#e0e0e0", "#3c4043"))
            reasons.addWidget(_chip(REASON_LABELS.get(reason, reason), background, colour))
        reasons.addStretch(1)
        layout.addLayout(reasons)

        contacts = "　".join(part for part in (
            tr("身份证号 {id_number}").format(id_number=match.id_number) if match.id_number else "",
            tr("电话 {phone}").format(phone=match.phone) if match.phone else "",
            tr("出生 {birth_date:%Y-%m-%d}").format(birth_date=match.birth_date) if match.birth_date else "") if part)
        info = QLabel(contacts or tr("（未登记身份证号和电话）"))
        info.setObjectName("match_contacts")
        info.setStyleSheet("color:#3c4043")
        layout.addWidget(info)

        if match.cases:
            for ref in match.cases[:MAX_CASES]:
                layout.addLayout(self._case_row(ref))
            if len(match.cases) > MAX_CASES:
                more = QLabel(tr("另有 {n} 件案件").format(n=len(match.cases) - MAX_CASES))
                more.setStyleSheet("color:#5f6368")
                layout.addWidget(more)
        else:
            none = QLabel(tr("本辖区内没有其案件"))
            none.setStyleSheet("color:#5f6368")
            layout.addWidget(none)

        actions = QHBoxLayout()
        actions.addStretch(1)
        if chosen:
            done = QLabel(tr("✓ 已确认为同一人"))
            done.setObjectName("chosen_label")
            done.setStyleSheet("color:#1e8e3e; font-weight:bold")
            undo = QPushButton(tr("取消"), objectName="undo_same_person")
            undo.clicked.connect(self.sig_undo)
            actions.addWidget(done)
            actions.addWidget(undo)
        else:
            same = QPushButton(tr("是同一人(&Y)"), objectName="same_person")
            same.setToolTip(tr("把本次来访登记到这个人名下（不新建人员）。快捷键 Alt+Y"))
            same.clicked.connect(lambda: self.sig_same.emit(self.match))
            actions.addWidget(same)
        layout.addLayout(actions)

    def _case_row(self, ref: PersonCaseRef) -> QHBoxLayout:
        row = QHBoxLayout()
        text = QLabel(f"{ref.case_no}　{ref.title}<br><span style='color:#5f6368'>{status_text(ref.status.label)} · "
                      f"{ref.role.label} · {format_local(ref.opened_at, with_time=False)}</span>")
        text.setWordWrap(True)
        text.setObjectName("match_case")
        text.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        button = QPushButton(tr("打开案件"), objectName="open_case")
        button.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        button.clicked.connect(lambda: self.sig_open_case.emit(ref.case_id))
        row.addWidget(text, 1)
        row.addWidget(button, 0, Qt.AlignTop)
        return row


def _sex(code: str) -> str:
    return {"male": tr("男"), "female": tr("女")}.get(code, "")


class DuplicatePanel(QWidget):
    sig_same_person = Signal(object)
    """(PersonMatch | None) — the visitor was linked to this person (None: the link was undone)."""
    sig_open_case = Signal(str)
    """(case id) — the user asked to open one of a matching person's cases."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matches: list[PersonMatch] = []
        self.chosen: str | None = None
        self.cards: dict[str, MatchCard] = {}
        self.title = QLabel(objectName="duplicate_title")
        self.title.setWordWrap(True)
        self.hint = QLabel(tr(HINT), objectName="duplicate_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#5f6368")
        self.note = QLabel(objectName="error_person_id")  # the service's word on the link (warning or error)
        self.note.setWordWrap(True)
        self.note.hide()
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 4, 0)
        self.body_layout.setSpacing(8)
        self.body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(self.body)
        scroll.setStyleSheet("QScrollArea { background: transparent; }")
        scroll.viewport().setAutoFillBackground(False)
        self.body.setAutoFillBackground(False)
        self.body.setObjectName("duplicate_body")
        self.body.setStyleSheet("#duplicate_body { background: transparent; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        self._render()

    def set_matches(self, matches: list[PersonMatch]) -> None:
        # The chosen person stays listed even when the new lookup no longer finds them.
        kept = [m for m in self.matches if m.person_id == self.chosen and
                all(n.person_id != self.chosen for n in matches)]
        self.matches = kept + list(matches)
        self._render()

    def set_chosen(self, person_id: str | None) -> None:
        self.chosen = person_id
        self._render()

    def clear(self) -> None:
        self.matches, self.chosen = [], None
        self.set_note(None)
        self._render()

    def set_note(self, severity: str | None, text: str = "") -> None:
        self.note.setVisible(bool(severity))
        self.note.setText(text if severity else "")
        self.note.setStyleSheet("color:#b3261e" if severity == "error" else "color:#9a6700")

    def _render(self) -> None:
        for card in self.cards.values():
            card.setParent(None)
            card.deleteLater()
        self.cards = {}
        for match in self.matches:
            card = MatchCard(match, match.person_id == self.chosen)
            card.sig_same.connect(self._choose)
            card.sig_undo.connect(lambda: self._choose(None))
            card.sig_open_case.connect(self.sig_open_case)
            self.body_layout.insertWidget(self.body_layout.count() - 1, card)
            self.cards[match.person_id] = card
        self.hint.setVisible(not self.matches)
        if not self.matches:
            self.title.setText(tr("<b>查重</b>"))
            self.title.setStyleSheet("")
        elif self.chosen:
            self.title.setText(tr("<b>已确认为已登记人员</b>：本次来访将登记在其名下。"))
            self.title.setStyleSheet("QLabel { color:#1e8e3e; }")
        else:
            self.title.setText(tr("<b>可能已登记（{n} 人）</b>：请核对是否为同一人。").format(n=len(self.matches)))
            self.title.setStyleSheet("QLabel { color:#9a6700; }")

    def _choose(self, match: PersonMatch | None) -> None:
        self.set_chosen(match.person_id if match else None)
        self.sig_same_person.emit(match)
