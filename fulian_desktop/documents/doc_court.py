"""Papers that go to a court: the 人身安全保护令申请书 (反家庭暴力法) and the 司法确认 application packet.

人身安全保护令申请书: in writing (第二十四条), by the victim or on her behalf (第二十三条第二款: 妇联 among those who may
apply for her, according to her wishes), naming the respondent and the concrete requests (第二十七条), and stating
that the court decides within 72 hours, 24 hours when urgent (第二十八条).

司法确认申请材料 (人民调解法第三十三条; 最高人民法院关于人民调解协议司法确认程序的若干规定（2011）第三条): the joint
application of both parties, the agreement, the list of identity papers and the evidence list, with the 30-day
window from the agreement's effective date. An agreement with a term on a marriage, parentage or adoption is
refused whole (第四条): the error names the terms.
"""
from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from ..domain.confirmation_rules import check_confirmable
from ..domain.enums import PartyRole
from ..domain.errors import NotFound
from .data import AgreementData, CaseData, OrderData, PartyData, cn_date, cn_datetime
from .doc_mediation import agreement_pages
from .layout import field_table, grid_table, heading, para, seal_block, signature_lines, title_block

# 反家庭暴力法第二十八条, as printed on every application.
DECISION_LIMIT = ("人民法院受理申请后，应当在七十二小时内作出人身安全保护令或者驳回申请；情况紧急的，应当在二十四小时内作出"
                  "（《中华人民共和国反家庭暴力法》第二十八条）。")


def _party_rows(p: PartyData) -> list[list[tuple[str, str]]]:
    return [[("姓名", p.name), ("性别", p.sex)],
            [("出生日期", cn_date(p.birth_date)), ("民族", p.ethnicity)],
            [("身份证号码", p.id_number)], [("住所", p.address)], [("联系电话", p.phone), ("职业", p.occupation)]]


# --- 人身安全保护令申请书 ----------------------------------------------------------------------------------

def has_order_application(d: CaseData) -> bool:
    return bool(d.order_details)


def order_application(d: CaseData) -> list[Flowable]:
    out: list[Flowable] = []
    for n, order in enumerate(d.order_details, 1):
        if n > 1:
            out.append(PageBreak())
        out += _application(d, order)
    return out


def _application(d: CaseData, o: OrderData) -> list[Flowable]:
    victims = d.by_role(PartyRole.VICTIM, PartyRole.APPLICANT)
    respondents = d.by_role(PartyRole.RESPONDENT)
    out = [*title_block("", "人身安全保护令申请书", d.case_no), heading("申请人")]
    out += [field_table(_party_rows(v)) for v in victims] or [para("（未登记申请人）", "body")]
    if o.on_behalf_by:
        out += [heading("代为申请人"),
                para(f"{o.on_behalf_by}。申请人因遭受强制、威吓等原因或者因无民事行为能力、限制民事行为能力无法自行申请，"
                     "根据《中华人民共和国反家庭暴力法》第二十三条第二款" + ("、依申请人意愿" if o.consent else "")
                     + "代为申请。", "prose", "代为申请人")]
    elif o.consent:
        out += [Spacer(1, 4), para(f"本申请由申请人本人提出，{d.unit_name}依申请人意愿协助办理（反家庭暴力法第二十三条）。",
                        "small", "协助单位")]
    out.append(heading("被申请人"))
    if respondents:
        out += [field_table([[("姓名", r.name), ("性别", r.sex)], [("出生日期", cn_date(r.birth_date)),
                                                                  ("与申请人关系", "")],
                             [("住所", r.address)]]) for r in respondents]
    else:
        out.append(para("（本案未登记被申请人。人身安全保护令须有明确的被申请人（反家庭暴力法第二十七条），"
                        "请补充被申请人后再提交。）", "prose", "被申请人"))
    out.append(heading("请求事项"))
    measures = o.measures or ("禁止被申请人实施家庭暴力",)
    out += [para(f"{n}．{m}。", "prose", "请求事项") for n, m in enumerate(measures, 1)]
    out.append(heading("事实与理由"))
    facts = [r.facts for r in d.intakes if r.facts] or [d.summary or d.title]
    out += [para(f, "prose", "事实与理由") for f in dict.fromkeys(facts)]
    if d.risk:
        out.append(para(f"经{d.unit_name}危险评估，风险等级为“{d.risk}”。", "prose", "危险评估"))
    out.append(para("申请人遭受家庭暴力或者面临家庭暴力的现实危险，为保护申请人的人身安全，根据《中华人民共和国反家庭暴力法》"
                    "第二十三条、第二十七条、第二十九条的规定，特向贵院申请人身安全保护令。", "prose"))
    evidence = [a for a in d.attachments if a.viewable]
    out.append(heading("证据材料"))
    rows = [(str(n), a.doc_type and _type(a.doc_type), a.filename, a.description) for n, a in enumerate(evidence, 1)]
    rows.append((str(len(rows) + 1), "求助记录", f"{d.unit_name}受理登记表（{d.case_no}）",
                 "妇女联合会收到投诉、求助的记录（法释〔2022〕17号第六条第八项）"))
    out.append(grid_table(("序号", "类别", "材料名称", "说明"), rows, (0.8, 1.6, 3.6, 4.0)))
    out += [heading("申请方式与作出期限"),
            para("本申请以书面方式提出（《中华人民共和国反家庭暴力法》第二十四条）。" + DECISION_LIMIT, "prose", "期限"),
            para("本案情况紧急，请求人民法院在二十四小时内作出人身安全保护令。" if o.urgent
                 else "请求人民法院在七十二小时内作出人身安全保护令。", "prose", "期限"),
            Spacer(1, 6), para("此致", "body"), para(o.court, "body", "法院"), Spacer(1, 4)]
    pairs = [("申请人（签名/按指印）：", v.name) for v in victims] or [("申请人（签名/按指印）：", "")]
    if o.on_behalf_by:
        pairs.append(("代为申请人（签名/盖章）：", o.on_behalf_by))
    out.append(signature_lines(pairs, cn_date(o.applied_at)))
    out.append(para(f"提交时间：{cn_datetime(o.applied_at)}", "small", "日期"))
    return out


def _type(code: str) -> str:
    from .evidence_pdf import type_label
    return type_label(code)


# --- 司法确认申请材料 ---------------------------------------------------------------------------------------

def confirmable_agreement(d: CaseData) -> AgreementData | None:
    """The latest agreement in effect: the one a packet is made from."""
    return next((a for a in reversed(d.agreements) if a.effective_on), None)


def has_confirmation_packet(d: CaseData) -> bool:
    return confirmable_agreement(d) is not None


def confirmation_packet(d: CaseData) -> list[Flowable]:
    a = confirmable_agreement(d)
    if a is None:
        raise NotFound("本案没有已生效的调解协议，不能生成司法确认申请材料。", code="no_document_data")
    check_confirmable([(t.seq, t.content) for t in a.terms])
    signers = d.by_role(PartyRole.APPLICANT, PartyRole.VICTIM, PartyRole.RESPONDENT)
    court = a.court or "＿＿＿＿＿＿＿＿人民法院"
    committee = d.committee or f"{d.unit_name}人民调解委员会"
    window = (f"本协议于{cn_date(a.effective_on)}生效，申请期限至{cn_date(a.confirm_by)}"
              "（自协议生效之日起三十日内，《中华人民共和国人民调解法》第三十三条）。")
    out: list[Flowable] = [*title_block("", "司法确认申请书", d.case_no), heading("申请人")]
    for n, p in enumerate(signers, 1):
        out += [para(f"申请人{n}（{p.role_label}）", "body", "申请人"), field_table(_party_rows(p)), Spacer(1, 4)]
    out += [heading("请求事项"),
            para(f"请求人民法院确认申请人于{cn_date(a.effective_on)}经{committee}主持调解达成的{a.form}有效。",
                 "prose", "请求事项"),
            heading("事实和理由"),
            para(f"申请人之间因{d.dispute_type or d.category or '民间'}纠纷，经{committee}主持调解，于{cn_date(a.effective_on)}"
                 f"自愿达成调解协议（附后）。该协议是申请人的真实意思表示，内容不违反法律、行政法规的强制性规定，不损害国家利益、"
                 "社会公共利益和案外人的合法权益，也不涉及确认身份关系、收养关系或者婚姻关系。申请人根据《中华人民共和国人民调解法》"
                 "第三十三条和《最高人民法院关于人民调解协议司法确认程序的若干规定》第一条、第三条的规定，共同申请司法确认。",
                 "prose", "事实和理由"),
            para(window, "prose", "申请期限"),
            heading("申请人承诺"),
            para("申请人保证提交的证明材料真实、合法，知悉人民法院确认调解协议有效后，一方当事人拒绝履行或者未全部履行的，"
                 "对方当事人可以向人民法院申请强制执行；知悉虚假陈述、恶意串通损害他人合法权益应承担的法律责任。"
                 "申请人确认上列住所为送达地址，联系电话为有效联系方式。", "prose"),
            heading("附件"),
            para("1．调解协议书一份；2．申请人身份证明材料（见清单）；3．与调解协议相关的证据材料（见清单）。", "prose"),
            Spacer(1, 4), para("此致", "body"), para(court, "body", "法院")]
    out.append(signature_lines([("申请人（签名/按指印）：", p.name) for p in signers]
                               or [("申请人（签名/按指印）：", "")], "　　年　　月　　日"))
    out += [PageBreak(), *agreement_pages(d, a), PageBreak(), *title_block("", "申请人身份证明材料清单", d.case_no)]
    ids = [x for x in d.attachments if _type(x.doc_type) in ("身份证明", "授权委托书")]
    rows = [(str(n), p.name, p.role_label, "居民身份证" + (f"（{p.id_number}）" if p.id_number else ""),
             "复印件一份，核对原件") for n, p in enumerate(signers, 1)]
    rows += [(str(len(signers) + n), "", _type(x.doc_type), x.filename, x.description or "已附卷")
             for n, x in enumerate(ids, 1)]
    out += [grid_table(("序号", "申请人", "身份", "证件名称", "提交方式"), rows, (0.7, 1.3, 1.3, 5.2, 2.2)),
            Spacer(1, 4), para("委托他人代为申请的，须另附委托人签名或者盖章的授权委托书（司法确认规定第三条）。", "small"),
            Spacer(1, 10), *title_block("", "证据材料清单", d.case_no)]
    evidence = [x for x in d.attachments if x.viewable and _type(x.doc_type) not in ("身份证明", "授权委托书")]
    rows = [(str(n), _type(x.doc_type), x.filename, x.description, cn_date(x.added_at))
            for n, x in enumerate(evidence, 1)]
    out.append(grid_table(("序号", "类别", "材料名称", "证明内容/说明", "收到日期"),
                          rows or [("", "", "（无）", "", "")], (0.8, 1.6, 3.2, 3.4, 1.8)))
    out += [Spacer(1, 8), para(f"以上材料由{committee}整理，{window}", "small", "申请期限"),
            seal_block(committee, cn_date(a.effective_on))]
    return out
