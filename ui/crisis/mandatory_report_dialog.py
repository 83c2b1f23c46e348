"""登记强制报告: recording the report made to the police (反家庭暴力法第十四条), from the case's 时限 tab.

The facts found go in the main field; the police unit, time, how, receipt number, officer and the reporter in the
rows above. The reporter is kept confidential (the notice says so); the core checks every field and answers in
Chinese, so the dialog only gathers them.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from fulian_desktop.domain.mandatory_report_rules import ReportMethod

from ..i18n import tr
from ..common.case_actions_reason import ReasonDialog
from ..common.crisis_common import aware, datetime_edit


class MandatoryReportDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, subject: str) -> None:
        super().__init__(parent, tr("登记强制报告"), tr("发现的情况（时间、地点、伤情及家庭暴力的事实）"),
                         ok_text=tr("登记报告"),
                         notice=tr("依《反家庭暴力法》第十四条，发现{subject}遭受或者疑似遭受家庭暴力，应当立即向公安机关报案。"
                                   "报告人信息予以保密：只有有权查看保密信息的人员可见，不写入时间线，不印在给当事人或外单位的文书上。"
                                   ).format(subject=subject))
        self.setObjectName("mandatory_report_dialog")
        self.police_unit = QLineEdit(objectName="report_police_unit", placeholderText=tr("如：望城区公安分局高塘岭派出所"))
        self.reported_at = datetime_edit(object_name="report_at")
        self.method = QComboBox(objectName="report_method")
        for method in ReportMethod:
            self.method.addItem(tr(method.label), method.value)
        self.receipt_no = QLineEdit(objectName="report_receipt_no", placeholderText=tr("书面或当面报案时必填"))
        self.officer = QLineEdit(objectName="report_officer", placeholderText=tr("姓名、警号"))
        self.reporter_name = QLineEdit(objectName="report_reporter_name")
        self.reporter_post = QLineEdit(objectName="report_reporter_post")
        self.reporter_phone = QLineEdit(objectName="report_reporter_phone")
        for label, widget in ((tr("受理公安机关"), self.police_unit), (tr("报告时间"), self.reported_at),
                              (tr("报告方式"), self.method), (tr("回执编号"), self.receipt_no),
                              (tr("接报民警"), self.officer), (tr("报告人（保密）"), self.reporter_name),
                              (tr("报告人职务"), self.reporter_post), (tr("报告人电话"), self.reporter_phone)):
            self.add_row(label, widget)

    def values(self) -> dict[str, Any]:
        """The keyword arguments of `mandatory_reports.record_report`."""
        return {"reported_at": aware(self.reported_at),
                "police_unit": self.police_unit.text(), "method": self.method.currentData(),
                "receipt_no": self.receipt_no.text(), "officer": self.officer.text(), "facts": self.reason(),
                "reporter_name": self.reporter_name.text(), "reporter_post": self.reporter_post.text(),
                "reporter_phone": self.reporter_phone.text()}
