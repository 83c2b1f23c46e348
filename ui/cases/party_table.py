"""The parties of one case as a table. Redacted contacts read （保密）, never blank."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor

from fulian_desktop.domain.enums import Sex
from fulian_desktop.domain.phone import format_phone
from fulian_desktop.services.cases.views import PartyView

from ..i18n import tr

CONFIDENTIAL = QT_TRANSLATE_NOOP("", "（保密）")
COLUMNS: list[tuple[str, str]] = [
    ("role", QT_TRANSLATE_NOOP("", "角色")), ("name", QT_TRANSLATE_NOOP("", "姓名")), ("sex", QT_TRANSLATE_NOOP("", "性别")), ("birth_date", QT_TRANSLATE_NOOP("", "出生日期")), ("id_number", QT_TRANSLATE_NOOP("", "身份证号")),
    ("phone", QT_TRANSLATE_NOOP("", "联系电话")), ("address", QT_TRANSLATE_NOOP("", "住址")), ("note", QT_TRANSLATE_NOOP("", "备注")),
]


def _sex(value: str) -> str:
    try:
        return tr(Sex(value).label)
    except ValueError:
        return value or ""


def cell(party: PartyView, key: str) -> str:
    match key:
        case "role":
            return tr(party.role.label)
        case "name":
            return party.name
        case "sex":
            return _sex(party.sex)
        case "birth_date":
            return party.birth_date.isoformat() if party.birth_date else ""
        case "id_number":
            return party.id_number or ""
        case "phone":
            return tr(CONFIDENTIAL) if party.redacted else format_phone(party.phone or "")  # grouped: 138 1234 5678
        case "address":
            return tr(CONFIDENTIAL) if party.redacted else party.address or ""
        case "note":
            return tr("联系方式保密") if party.contact_confidential else ""
    return ""


class PartyTableModel(QAbstractTableModel):
    PARTY_ROLE = Qt.UserRole + 1

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.parties: list[PartyView] = []

    def set_parties(self, parties: tuple[PartyView, ...] | list[PartyView]) -> None:
        self.beginResetModel()
        self.parties = list(parties)
        self.endResetModel()

    def party_at(self, row: int) -> PartyView | None:
        return self.parties[row] if 0 <= row < len(self.parties) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.parties)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: ANN201
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return tr(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole):  # noqa: ANN201
        party = self.party_at(index.row()) if index.isValid() else None
        if party is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.DisplayRole:
            return cell(party, key)
        if role == self.PARTY_ROLE:
            return party
        if role == Qt.ForegroundRole and (key == "note" or (party.redacted and key in ("phone", "address"))):
            return QBrush(QColor("#7b1fa2"))
        if role == Qt.ToolTipRole and party.redacted and key in ("phone", "address", "id_number"):
            return tr("该当事人的联系方式保密，您的角色无权查看。")
        return None
