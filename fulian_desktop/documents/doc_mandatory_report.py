"""强制报告登记表: the mandatory report to the police (反家庭暴力法第十四条), one page per person at risk.

It states the basis, the person at risk (as the disclosure rule lets this copy show her), the facts found, the
reporting unit, when and how the report was made and who received it. The reporter's identity is printed only
where data.py left it (the internal file copy, for an actor who may see it); elsewhere the paper says it is kept
confidential. A report not yet made prints with blank lines, to be filled in and taken to the police station.
"""
from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from ..domain.mandatory_report_rules import SHORT_BASIS
from .data import CaseData, MandatoryReportData, PartyData, cn_date, cn_datetime
from .layout import field_table, heading, para, title_block

BLANK = "　" * 8
CONFIDENTIAL_NOTE = "报告人信息依《中华人民共和国反家庭暴力法》第十四条予以保密，本件不予载明，另行存档。"


def has_mandatory_report(d: CaseData) -> bool:
    return bool(d.mandatory_reports)


def mandatory_report(d: CaseData) -> list[Flowable]:
    out: list[Flowable] = []
    for n, r in enumerate(d.mandatory_reports, 1):
        if n > 1:
            out.append(PageBreak())
        out += _form(d, r)
    return out


def _person(d: CaseData, r: MandatoryReportData) -> PartyData | None:
    return next((p for p in d.parties if p.id == r.party_id), None)


def _form(d: CaseData, r: MandatoryReportData) -> list[Flowable]:
    p = _person(d, r)
    to = r.police_unit or "　　　　　　　　公安（分）局　　　　　　派出所"
    capacity = f"{r.ground}；{r.ground_note}" if r.ground_note else r.ground
    out: list[Flowable] = [
        *title_block(d.unit_name, "强制报告登记表", d.case_no),
        para(f"{to}：", "body", "接受报告的公安机关"),
        para(f"我单位在工作中发现下列{_kind(r)}遭受或者疑似遭受家庭暴力，依照《中华人民共和国反家庭暴力法》"
             "第十四条的规定，现向你单位报案，请依法及时出警、制止家庭暴力、调查取证，并对报案人的信息予以保密。",
             "prose", "报告事由"),
        heading("一、报告对象"),
        field_table([[("姓名", r.subject_name), ("性别", p.sex if p else "")],
                     [("出生日期", cn_date(p.birth_date) if p and p.birth_date else ""),
                      ("身份证号码", p.id_number if p else "")],
                     [("民事行为能力", capacity)],
                     [("与本案关系", p.role_label if p else ""), ("住址", p.address if p else "")]]),
        heading("二、发现的情况"),
        para(r.facts or "（请如实填写发现的时间、地点、伤情及家庭暴力的事实）", "prose", "发现的情况"),
        heading("三、报告情况"),
        field_table([[("报告单位", d.unit_name), ("发现日期", cn_date(r.raised_at))],
                     [("报告时间", cn_datetime(r.reported_at) or BLANK), ("报告方式", r.method or "□电话 □书面 □当面")],
                     [("受理公安机关", r.police_unit or BLANK), ("接报民警", r.officer or BLANK)],
                     [("回执编号", r.receipt_no or BLANK)]])]
    # The reporter's lines, the basis and the seal stay on one page: never a seal alone at a page top. (The seal
    # lines are laid out here rather than by layout.seal_block: a KeepTogether inside another one is measured as
    # a whole frame and pushed to the next page.)
    date_text = cn_date(r.reported_at) or "　　年　　月　　日"
    closing = [*_reporter(r), para(SHORT_BASIS, "small", "依据"), Spacer(1, 18),
               para(f"{d.unit_name}（盖章）", "right", "单位名称"), Spacer(1, 4), para(date_text, "right", "日期")]
    return out + [KeepTogether(closing)]


def _kind(r: MandatoryReportData) -> str:
    return "无民事行为能力人" if "无民事行为能力" in r.ground else "限制民事行为能力人"


def _reporter(r: MandatoryReportData) -> list[Flowable]:
    if r.reporter_name:
        who = r.reporter_name + (f"（{r.reporter_post}）" if r.reporter_post else "")
        return [heading("四、报告人（仅存本单位卷宗，不得向当事人、被申请人或其他单位提供）"),
                field_table([[("报告人", who), ("联系电话", r.reporter_phone)]])]
    if r.reporter_withheld or r.reported:
        return [heading("四、报告人"), para(CONFIDENTIAL_NOTE, "body", "保密提示")]
    return [heading("四、报告人（报告单位存档，公安机关应当予以保密）"),
            field_table([[("报告人", ""), ("联系电话", "")]])]
