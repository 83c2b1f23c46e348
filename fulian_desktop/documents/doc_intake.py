"""受理登记表, 来访登记回执, 受理告知书, 不予受理告知书 and 信访事项处理意见书."""
from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from ..domain.enums import CaseKind, CaseStatus, PartyRole
from ..domain.intake_rules import IntakeDecision
from .data import CaseData, IntakeData, cn_date, cn_datetime
from .layout import field_table, grid_table, heading, para, seal_block, title_block

OUTCOMES = ("支持", "解释说明", "不予支持")


def party_table(d: CaseData) -> Flowable:
    rows = [(p.role_label, p.name, p.sex, p.id_number or "", p.phone or "", p.address or "") for p in d.parties]
    return grid_table(("身份", "姓名", "性别", "身份证号码", "联系电话", "住址"), rows or [("", "", "", "", "", "")],
                      (2.0, 1.5, 1.1, 4.9, 2.9, 3.8))   # cm: 被申请人, 性别, 18-digit IDs and 11-digit phones on one line


def has_register(d: CaseData) -> bool:
    return bool(d.intakes or d.parties)


def intake_register(d: CaseData) -> list[Flowable]:
    out = title_block(d.unit_name, "受理登记表", d.case_no)
    for n, r in enumerate(d.intakes or (None,), 1):
        if r is None:
            out += [field_table([[("登记日期", cn_date(d.opened_at)), ("案件类别", d.category or d.kind.label)],
                                 [("案件名称", d.title)], [("来源", d.source)], [("基本案情", d.summary or "（未填写）")]])]
            break
        if len(d.intakes) > 1:
            out.append(heading(f"第 {n} 次登记"))
        out.append(_register_table(r))
    out += [Spacer(1, 8), heading("当事人基本情况"), party_table(d), Spacer(1, 10),
            para(f"登记人：{d.handler}　　　　登记日期：{cn_date(d.intakes[0].received_at if d.intakes else d.opened_at)}",
                 "right")]
    return out


def has_receipt(d: CaseData) -> bool:
    return bool(d.intakes)


# The time limits a petitioner is told at the desk (信访工作条例 2022; DOMAIN.md's table).
RECEIPT_LIMITS: tuple[tuple[str, str, str], ...] = (
    ("是否受理", "收到信访事项之日起 15 日内决定是否受理，并书面告知你", "第二十三条"),
    ("办理期限", "受理之日起 60 日内办结；情况复杂的，经批准可延长，延长不超过 30 日，并告知你延期理由", "第三十四条"),
    ("请求复查", "对处理意见不服的，可自收到之日起 30 日内请求原办理机关的上一级机关复查；复查机关 30 日内答复",
     "第三十五条"),
    ("请求复核", "对复查意见不服的，可自收到之日起 30 日内请求复查机关的上一级机关复核；复核机关 30 日内答复",
     "第三十六条"),
)


def _next_steps(r: IntakeData, d: CaseData) -> str:
    """What happens next, by the desk's decision, in the words a petitioner reads."""
    match r.decision:
        case IntakeDecision.ACCEPT:
            return ("本单位已予受理，将自受理之日起 60 日内办结，并将处理意见书面告知你。"
                    f"承办人：{d.handler or '（待指派）'}。办理期间你可凭本回执查询办理情况。")
        case IntakeDecision.REJECT:
            return ("本单位将自收到之日起 15 日内作出是否受理的决定；决定不予受理的，将书面告知你理由，"
                    "并告知你可以向有权处理的机关反映或通过法定途径解决。")
        case IntakeDecision.TRANSFER:
            where = f"转送{r.transfer_to}" if r.transfer_to else "转送有权处理的机关"
            return (f"该事项不属于本单位职责范围，已{where}。有权处理的机关应自收到之日起 15 日内决定是否受理，"
                    "并书面告知你。")
        case _:
            return "本单位已登记，处理情况将告知你。"


def intake_receipt(d: CaseData) -> list[Flowable]:
    """The paper handed to the petitioner at the desk right after registering: the case number, what
    happens next and the statutory time limits. The latest register entry is the one it answers."""
    r = d.intakes[-1]
    rows = [(what, limit, f"《信访工作条例》{art}") for what, limit, art in RECEIPT_LIMITS]
    return [*title_block(d.unit_name, "来访登记回执", d.case_no),
            para(f"{r.visitor_name}：", "body", "当事人"),
            para(f"你于{cn_datetime(r.received_at)}以{r.channel}方式反映的“{r.request}”事项，本单位已登记，"
                 f"编号为 {d.case_no}。请妥善保管本回执，查询办理情况或再次来访时请出示。", "prose", "反映事项"),
            heading("接下来"), para(_next_steps(r, d), "prose", "处理情况"),
            heading("办理时限"), grid_table(("事项", "时限", "依据"), rows, (2.2, 11.0, 3.4)),
            Spacer(1, 6),
            para("如遇人身危险，请立即拨打 110 报警；妇女维权公益服务热线 12338。本回执不代表对反映事项作出结论。",
                 "small"),
            *([para(f"承办人：{d.handler}", "right")] if d.handler else []),
            seal_block(d.unit_name, cn_date(r.received_at))]


def _register_table(r: IntakeData) -> Flowable:
    group = f"{r.people_count} 人" + (f"（代表：{r.representatives}）" if r.representatives else "")
    decision = (r.decision.label if r.decision else "") + (f"：{r.decision_note}" if r.decision_note else "")
    if r.transfer_to:
        decision += f"（转送：{r.transfer_to}）"
    return field_table([
        [("来访时间", cn_datetime(r.received_at)), ("反映方式", r.channel)],
        [("姓名", r.visitor_name), ("性别", r.sex)],
        [("年龄", r.age), ("婚姻状况", r.marital_status)],
        [("住址", r.address)],
        [("联系方式", r.contact), ("来访人数", group)],
        [("问题类别", r.category), ("重复访", "是" if r.is_repeat else "否")],
        [("诉求", r.request)],
        [("事实和理由", r.facts)],
        [("处理意见", decision)],
    ])


def _applicant(d: CaseData) -> str:
    people = d.by_role(PartyRole.APPLICANT, PartyRole.VICTIM)
    if people:
        return people[0].name
    return d.intakes[0].visitor_name if d.intakes else "当事人"


def _matter(d: CaseData) -> tuple[str, str, str]:
    """(when, how, what) of the request the notice answers."""
    if d.intakes:
        r = d.intakes[0]
        return cn_date(r.received_at), r.channel, r.request
    return cn_date(d.opened_at), "申请", d.title


def has_acceptance(d: CaseData) -> bool:
    accepted = any(r.decision is IntakeDecision.ACCEPT for r in d.intakes)
    return accepted or d.status not in (CaseStatus.REGISTERED, CaseStatus.REJECTED, CaseStatus.TRANSFERRED)


def acceptance_notice(d: CaseData) -> list[Flowable]:
    when, how, what = _matter(d)
    if d.kind is CaseKind.PETITION:
        body = (f"你于{when}以{how}方式反映的“{what}”事项，经审查，属于本单位职责范围，根据《信访工作条例》"
                "第二十三条的规定，决定予以受理。本单位将自受理之日起六十日内办结，情况复杂的，经批准可以适当延长"
                "办理期限，但延长期限不超过三十日，并将延期理由告知你。")
    else:
        body = (f"你于{when}以{how}方式提出的“{what}”事项，经审查，符合受理条件，本单位决定予以受理，"
                f"承办人：{d.handler or '（待指派）'}。办理过程中，你有权了解办理进展，并应如实提供情况和材料。")
    return [*title_block(d.unit_name, "受理告知书", d.case_no), para(f"{_applicant(d)}：", "body", "当事人"),
            para(body, "prose", "反映事项"), para("特此告知。", "prose"),
            seal_block(d.unit_name, cn_date(_decided_on(d)))]


def has_rejection(d: CaseData) -> bool:
    return d.status is CaseStatus.REJECTED or any(r.decision is IntakeDecision.REJECT for r in d.intakes)


def rejection_notice(d: CaseData) -> list[Flowable]:
    when, how, what = _matter(d)
    reasons = [r.decision_note for r in d.intakes if r.decision is IntakeDecision.REJECT and r.decision_note]
    reasons += [n for n in d.rejection_notes if n]
    reason = "；".join(reasons) or "该事项不属于本单位受理范围"
    return [*title_block(d.unit_name, "不予受理告知书", d.case_no), para(f"{_applicant(d)}：", "body", "当事人"),
            para(f"你于{when}以{how}方式反映的“{what}”事项，经审查，决定不予受理。理由如下：", "prose", "反映事项"),
            para(reason, "prose", "不予受理理由"),
            para("你可以依法向有权处理的机关反映，或者通过诉讼、仲裁、行政复议等法定途径解决。"
                 "对本告知有异议的，可以自收到之日起三十日内向本单位或其上级机关提出。", "prose"),
            para("特此告知。", "prose"), seal_block(d.unit_name, cn_date(_decided_on(d)))]


def _decided_on(d: CaseData):  # noqa: ANN202 - a date or datetime
    return d.intakes[0].received_at if d.intakes else d.opened_at


def opinion_outcome(d: CaseData) -> str:
    """The outcome stored when the closure was approved; for a case closed before the store kept it, inferred
    from the closure notes."""
    if d.petition_outcome:
        return d.petition_outcome
    text = "".join(d.closing_notes)
    if "不予支持" in text or "不支持" in text:      # "不支持" also contains "支持"
        return "不予支持"
    return next((word for word in ("解释说明", "支持") if word in text), "")


def has_petition_opinion(d: CaseData) -> bool:
    return d.kind is CaseKind.PETITION and d.status is CaseStatus.CLOSED


def petition_opinion(d: CaseData) -> list[Flowable]:
    """信访工作条例第三十二条: the request, its facts and reasons, the facts found, the opinion and its legal basis;
    第三十五条: the review body and the 30 days. Issued by the organ (d.issuer), never by a village station."""
    when, how, what = _matter(d)
    issuer = d.issuer or d.unit_name
    outcome = opinion_outcome(d)
    ticks = "　".join(("■" if o == outcome else "□") + o for o in OUTCOMES)
    claimed = "；".join(dict.fromkeys(r.facts.rstrip("。；，") for r in d.intakes if r.facts))
    facts = d.petition_facts or "（结案时未单独登记查明的事实，见处理意见。）"
    basis = d.petition_basis or "；".join(d.closing_notes) or "（未登记）"
    review = (f"向{d.review_body}请求复查" if d.review_body else f"向{issuer}的上一级机关、单位请求复查")
    out = [*title_block(issuer, "信访事项处理意见书", d.case_no), para(f"{_applicant(d)}：", "body", "当事人"),
           para(f"你于{when}以{how}方式反映的“{what}”信访事项，本机关已依法受理并办理完毕，现将处理意见告知如下。",
                "prose", "反映事项")]
    if issuer != d.unit_name:
        out.append(para(f"（承办单位：{d.unit_name}）", "small", "单位名称"))
    out += [heading("一、信访人的请求、事实和理由"), para(f"请求：{what}。" + (f"事实和理由：{claimed}。" if claimed else ""),
                                                     "prose", "反映事项"),
            heading("二、查明的事实"), para(facts, "prose", "事实"),
            heading("三、处理意见"), para(ticks, "body"), para(basis, "prose", "处理意见"),
            heading("四、依据")]
    for citation, text in d.petition_articles:
        out.append(para(f"{citation}：{text}".replace("\n", ""), "prose", "依据"))
    out += [heading("五、复查权利"),
            para(f"你对本处理意见不服的，可以自收到本意见书之日起三十日内，{review}"
                 "（《信访工作条例》第三十五条）。", "prose", "复查机关"),
            seal_block(issuer, cn_date(d.closed_at or d.as_of))]
    return out
