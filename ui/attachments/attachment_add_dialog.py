"""添加证据材料: the chosen files, their type, whether they are sensitive, an optional party, and a description.

One dialog for all the files chosen (or dropped) at once. 医疗记录 ticks 敏感材料 by itself; the user may
tick it for any file (injury photos) or untick it.
"""
from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from fulian_desktop.domain.attachments import AttachmentType, format_size
from fulian_desktop.services.cases.views import PartyView

from ..i18n import tr
from ..common.case_actions_reason import ReasonDialog

# The type labels, for translation (shown as tr(label)).
TYPE_LABELS = (
    QT_TRANSLATE_NOOP("", "证据材料"), QT_TRANSLATE_NOOP("", "身份证明"), QT_TRANSLATE_NOOP("", "授权委托书"),
    QT_TRANSLATE_NOOP("", "履行凭证"), QT_TRANSLATE_NOOP("", "告诫书"), QT_TRANSLATE_NOOP("", "保护令"),
    QT_TRANSLATE_NOOP("", "来信"), QT_TRANSLATE_NOOP("", "扫描件"), QT_TRANSLATE_NOOP("", "医疗记录"),
    QT_TRANSLATE_NOOP("", "调查笔录"), QT_TRANSLATE_NOOP("", "司法确认材料"), QT_TRANSLATE_NOOP("", "其他"),
)


def _describe(paths: Sequence[str]) -> str:
    parts = []
    for path in paths[:5]:
        try:
            size = format_size(os.path.getsize(path))
        except OSError:
            size = "?"
        parts.append(f"{os.path.basename(path)}（{size}）")
    if len(paths) > 5:
        parts.append(tr("等 {n} 个文件").format(n=len(paths)))
    return "\n".join(parts)


class AddAttachmentDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, paths: Sequence[str], parties: Sequence[PartyView] = (),
                 limit_mb: int | None = None) -> None:
        super().__init__(parent, tr("添加证据材料"), tr("说明"), required=False, ok_text=tr("添加"), notice=" ",
                         placeholder=tr("例如：2026年3月2日拍摄的伤情照片；派出所出具的告诫书"), max_length=1000)
        self.setObjectName("attachment_add_dialog")
        self.paths = list(paths)
        self.files = QLabel(_describe(self.paths), objectName="attachment_files")
        self.files.setWordWrap(True)
        self.doc_type = QComboBox(objectName="attachment_type")
        for kind in AttachmentType:
            self.doc_type.addItem(tr(kind.label), kind.value)
        self.sensitive = QCheckBox(tr("敏感材料（仅有“查看敏感证据材料”权限的人员可打开）"),
                                   objectName="attachment_sensitive")
        self.party = QComboBox(objectName="attachment_party")
        self.party.addItem(tr("（整个案件）"), None)
        for party in parties:
            self.party.addItem(f"{party.name}（{tr(party.role.label)}）", party.id)
        self.doc_type.currentIndexChanged.connect(self._type_changed)
        self.add_row(tr("文件"), self.files)
        self.add_row(tr("材料类型"), self.doc_type)
        self.add_row(tr("关联当事人"), self.party)
        self.add_row("", self.sensitive)
        self.set_limit(limit_mb)
        self.resize(600, 420)

    def set_limit(self, limit_mb: int | None) -> None:
        notice = tr("文件加密保存在本机数据存储中，同一文件只保存一份。医疗记录等敏感材料只有有权限的人员可以打开。")
        if limit_mb:
            notice += tr("每个文件不超过 {mb} MB。").format(mb=limit_mb)
        self.notice.setText(notice)

    def _type_changed(self) -> None:
        self.sensitive.setChecked(AttachmentType(self.doc_type.currentData()).sensitive_by_default)

    def set_type(self, kind: AttachmentType) -> None:
        self.doc_type.setCurrentIndex(self.doc_type.findData(kind.value))

    def values(self) -> dict:
        party_id = self.party.currentData()
        return {"doc_type": self.doc_type.currentData(), "description": self.reason() or None,
                "sensitive": self.sensitive.isChecked(), "target_kind": "party" if party_id else None,
                "target_id": party_id}
