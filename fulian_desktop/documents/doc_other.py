"""转介函 (only what consent allows), 安全计划 and 结案报告."""
from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from ..domain.enums import CaseKind, PartyRole
from ..domain.referral_rules import CONTACT_ITEM
from .kinds import Recipient
from .data import CaseData, ReferralData, cn_date, cn_datetime
from .doc_intake import opinion_outcome
from .layout import field_table, grid_table, heading, para, seal_block, signature_lines, title_block


def has_referral_letter(d: CaseData) -> bool:
    return bool(d.referrals)


def referral_letter(d: CaseData) -> list[Flowable]:
    out: list[Flowable] = []
    for n, r in enumerate(d.referrals, 1):
        if n > 1:
            out.append(PageBreak())
        out += _letter(d, r)
    return out


def _subject(d: CaseData):  # noqa: ANN202 - the person the referral is about
    people = d.by_role(PartyRole.VICTIM, PartyRole.APPLICANT)
    return people[0] if people else (d.parties[0] if d.parties else None)


def _letter(d: CaseData, r: ReferralData) -> list[Flowable]:
    person = _subject(d)
    out = [*title_block(d.unit_name, "转介函", d.case_no), para(f"{r.agency_name}：", "body", "接收单位"),
           para(f"我单位在工作中受理了一起需要贵单位协助处理的事项（{d.category or d.kind.label}）。"
                f"转介理由：{r.reason}。现依当事人意愿转介贵单位，请予接洽办理，并将办理情况反馈我单位。",
                "prose", "转介理由")]
    rows: list[list[tuple[str, str]]] = []
    if person and "基本情况" in r.shared_items:
        age = ""
        if person.birth_date:
            ref = d.as_of.date()
            age = str(ref.year - person.birth_date.year
                      - ((ref.month, ref.day) < (person.birth_date.month, person.birth_date.day)))
        rows += [[("当事人", person.name), ("性别", person.sex)], [("年龄", age), ("身份", person.role_label)]]
    if person and "身份证明" in r.shared_items:
        rows.append([("身份证号码", person.id_number)])
    if person and CONTACT_ITEM in r.shared_items:
        rows.append([("联系方式", "；".join(x for x in (person.phone, person.address) if x)
                      or "（本单位无权提供，请经本单位联系）")])
    if "案情摘要" in r.shared_items:
        rows.append([("案情摘要", d.summary or d.title)])
    if "危险评估" in r.shared_items and d.risk:
        rows.append([("危险评估", f"风险等级：{d.risk}")])
    if "调解记录" in r.shared_items and d.sessions:
        rows.append([("调解情况", "；".join(f"{cn_date(s.held_at)} {s.outcome}" for s in d.sessions))])
    if rows:
        out += [heading("转介材料（经当事人同意共享的内容）"), field_table(rows)]
    withheld = [x for x in ("基本情况", CONTACT_ITEM, "身份证明", "案情摘要", "危险评估", "调解记录")
                if x not in r.shared_items]
    if withheld:
        out.append(para(f"未经当事人同意，以下内容不予提供：{'、'.join(withheld)}。", "small"))
    out += [para(f"当事人意愿：{r.consent}。{r.consent_note}", "small", "同意情况"),
            para(f"联系人：{r.sent_by}　　转介日期：{cn_date(r.sent_at)}", "body", "联系人"),
            seal_block(d.unit_name, cn_date(r.sent_at)), Spacer(1, 14),
            para("- - - - - - - - - - - - - - - - （沿此线剪下） - - - - - - - - - - - - - - - -", "center"),
            *title_block(r.agency_name, "转介回执"),
            para(f"{d.unit_name}：", "body", "单位名称"),
            para(f"你单位转介的案件（案号：{d.case_no}）我单位已于　　年　　月　　日收到，将依法办理并反馈。", "prose"),
            signature_lines([("接收人（签名）：", ""), ("接收单位（盖章）：", "")], "　　年　　月　　日")]
    return out


def has_safety_plan(d: CaseData) -> bool:
    return bool(d.safety_plan)


def safety_plan(d: CaseData) -> list[Flowable]:
    person = _subject(d)
    out = [*title_block(d.unit_name, "安全计划", d.case_no),
           para("本计划仅供当事人本人及承办人员使用，内含行踪和联系方式，切勿交给被申请人或其亲友。", "small"),
           field_table([[("当事人", person.name if person else ""), ("风险等级", d.risk or "（未评估）")],
                        [("制定/复核日期", cn_date(d.safety_reviewed_on)), ("承办人", d.handler)]])]
    for heading_text, text in d.safety_plan or ():
        out += [heading(heading_text), para(text, "indented", heading_text)]
    out.append(signature_lines([("当事人（签名）：", ""), ("承办人（签名）：", d.handler)],
                               cn_date(d.safety_reviewed_on)))
    return out


def _n(number: int) -> str:
    return "一二三四五六七八九十"[number - 1]


def has_closing_report(d: CaseData) -> bool:
    return d.closed_at is not None or bool(d.closing_notes)


def closing_report(d: CaseData) -> list[Flowable]:
    applicant = "、".join(p.name for p in d.by_role(PartyRole.APPLICANT, PartyRole.VICTIM))
    respondent = "、".join(p.name for p in d.by_role(PartyRole.RESPONDENT))
    out = [*title_block(d.unit_name, "结案报告", d.case_no),
           field_table([[("案件名称", d.title)],
                        [("案件类型", d.kind.label), ("类别", d.category or d.dispute_type)],
                        [("申请人/来访人", applicant), ("被申请人", respondent)],
                        [("案件来源", d.source), ("承办人", d.handler)],
                        [("受理日期", cn_date(d.opened_at)), ("结案日期", cn_date(d.closed_at))],
                        [("风险等级", d.risk or "—"),
                         ("处理意见", opinion_outcome(d) or "—") if d.kind is CaseKind.PETITION
                         else ("调解结果", d.mediation_outcome or "—")]]),
           heading(f"{_n(1)}、基本案情"), para(d.summary or d.title, "prose", "基本案情")]
    n = 1
    if d.recipient is Recipient.FILE and d.timeline:
        n += 1
        out += [heading(f"{_n(n)}、办理经过"),
                grid_table(("时间", "经过"), [(cn_datetime(t), text) for t, text in d.timeline], (2.9, 7.1))]
    if d.orders:
        n += 1
        out += [heading(f"{_n(n)}、保护措施"), *[para(o, "prose", "保护令") for o in d.orders]]
    if d.agreements:
        a = d.agreements[-1]
        n += 1
        out += [heading(f"{_n(n)}、调解协议及履行"),
                para(f"{a.form}，生效日期：{cn_date(a.effective_on) or '未生效'}。" + (a.confirmation or ""),
                     "prose", "调解协议")]
        out += [para(f"{t.seq}．{t.obligor}：{t.content}（{t.performance}）", "prose", "协议内容") for t in a.terms]
    out += [heading(f"{_n(n + 1)}、结案意见"), para("；".join(d.closing_notes) or "（尚未结案）", "prose", "结案意见"),
            signature_lines([("承办人（签名）：", d.handler), ("审核人（签名）：", "")], cn_date(d.closed_at or d.as_of))]
    return out
