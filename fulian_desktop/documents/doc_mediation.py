"""当事人权利义务告知书, 调解记录 (笔录), 人民调解协议书 and 回访记录 (人民调解法)."""
from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from ..domain.dv_mediation import SAFETY_STATEMENT
from ..domain.enums import CaseKind, PartyRole
from .data import AgreementData, CaseData, SessionData, cn_date, cn_datetime
from .doc_intake import party_table
from .layout import BODY_W, bold, field_table, grid_table, heading, para, rich, seal_block, signature_lines, title_block

COMMITTEE = "人民调解委员会"

RIGHTS = (
    "选择或者接受人民调解员；", "接受调解、拒绝调解或者要求终止调解；", "要求调解公开进行或者不公开进行；",
    "自主表达意愿、自愿达成调解协议。")
DUTIES = (
    "如实陈述纠纷事实；", "遵守调解现场秩序，尊重人民调解员；", "尊重对方当事人行使权利。")


def _signers(d: CaseData) -> list:
    return d.by_role(PartyRole.APPLICANT, PartyRole.VICTIM, PartyRole.RESPONDENT)


def has_rights_notice(d: CaseData) -> bool:
    return d.kind is CaseKind.MEDIATION or bool(d.sessions or d.agreements)


def rights_notice(d: CaseData) -> list[Flowable]:
    out = [*title_block(d.unit_name, "当事人权利义务告知书", d.case_no),
           para("根据《中华人民共和国人民调解法》第二十三条、第二十四条的规定，当事人在人民调解活动中享有下列权利、"
                "承担下列义务：", "prose"), heading("一、当事人享有下列权利")]
    out += [para(f"（{n}）{text}", "prose") for n, text in enumerate(RIGHTS, 1)]
    out.append(heading("二、当事人履行下列义务"))
    out += [para(f"（{n}）{text}", "prose") for n, text in enumerate(DUTIES, 1)]
    out += [heading("三、其他告知事项"),
            para("人民调解不收取任何费用。调解不成的，当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。"
                 "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行；双方当事人可以自调解协议"
                 "生效之日起三十日内共同向人民法院申请司法确认。当事人认为人民调解员与本纠纷有利害关系的，可以申请回避。",
                 "prose"),
            Spacer(1, 10), para("以上内容我已阅知。", "prose")]
    pairs = [(f"{p.role_label}（签名/按指印）：", p.name) for p in _signers(d)] or [("当事人（签名/按指印）：", "")]
    out += [signature_lines(pairs, "　　年　　月　　日"),
            seal_block(d.unit_name, cn_date(d.sessions[0].held_at if d.sessions else d.opened_at))]
    return out


def has_mediation_record(d: CaseData) -> bool:
    return bool(d.sessions)


def mediation_record(d: CaseData) -> list[Flowable]:
    out: list[Flowable] = []
    for n, s in enumerate(d.sessions, 1):
        if n > 1:
            out.append(PageBreak())
        out += _session(d, s, n)
    return out


def _session(d: CaseData, s: SessionData, n: int) -> list[Flowable]:
    title = "调解记录" + (f"（第 {n} 次）" if len(d.sessions) > 1 else "")
    out = [*title_block(d.unit_name, title, d.case_no),
           field_table([[("时间", cn_datetime(s.held_at)), ("地点", s.place)],
                        [("调解员", s.mediators), ("记录人", s.recorder)],
                        [("到场当事人", s.present)],
                        [("告知事项", "；".join(s.notices) or "（未记录）")]]),
           Spacer(1, 6), heading("记录内容")]
    for speaker, text in s.statements:
        out.append(rich(f"{bold(speaker, '发言人')}：{_m(text, '笔录内容')}", "body"))
    if not s.statements:
        out.append(para("（本次未记录发言）", "body"))
    out += [Spacer(1, 4), rich(f"{bold('调解结果')}：{_m(s.outcome, '调解结果')}", "body"), Spacer(1, 6),
            para("以上记录我已看过（向我宣读过），与我所说的相符。", "prose")]
    pairs = [("当事人（签名/按指印）：", name) for name in s.present.split("、") if name]
    pairs += [("调解员（签名）：", s.mediators), ("记录人（签名）：", s.recorder)]
    out.append(signature_lines(pairs, cn_date(s.held_at)))
    return out


def _m(text: str, field: str) -> str:
    from .fonts import markup
    return markup(text, field)


def has_agreement(d: CaseData) -> bool:
    return bool(d.agreements)


def agreement(d: CaseData) -> list[Flowable]:
    out: list[Flowable] = []
    for n, a in enumerate(d.agreements, 1):
        if n > 1:
            out.append(PageBreak())
        out += _agreement(d, a)
    return out


def _agreement(d: CaseData, a: AgreementData) -> list[Flowable]:
    title = "口头调解协议记录" if a.oral else "人民调解协议书"
    out = [*title_block(d.unit_name, title, d.case_no), heading("当事人基本情况"), _parties(d), Spacer(1, 4),
           heading("纠纷主要事实、争议事项"), para(a.facts, "prose", "纠纷事实")]
    if a.disputes:
        out.append(rich(f"{bold('争议事项')}：{_m(a.disputes, '争议事项')}", "prose"))
    out += [heading("各方责任"), para(a.responsibility or "无", "prose", "责任")]   # always stated (人民调解法第二十九条)
    out.append(heading("经调解，自愿达成如下协议"))
    rows = [(f"{t.seq}", t.obligor, t.content, t.manner, cn_date(t.deadline)) for t in a.terms]
    out.append(grid_table(("序号", "履行人", "协议内容", "履行方式", "履行期限"), rows, (0.6, 1.4, 4.6, 2.4, 1.8),
                          ("序号", "履行人", "协议内容", "履行方式", "履行期限")))
    committee = d.committee or COMMITTEE
    if a.oral:   # 人民调解法第二十八条、第三十条
        rule = (f"以上为当事人以口头方式达成的调解协议，由{committee}人民调解员记录在卷。根据《中华人民共和国人民调解法》"
                "第三十条，口头调解协议自各方当事人达成协议之日起生效"
                + (f"（{cn_date(a.effective_on)}）" if a.effective_on else "") + "。履行协议的方式、期限按上表执行。")
        out += [Spacer(1, 6), para(rule, "prose", "口头协议")]
    else:
        out += [Spacer(1, 6),
                para("履行协议的方式、地点、期限按上表执行。本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖"
                     "人民调解委员会印章之日起生效（《中华人民共和国人民调解法》第二十九条）。当事人可以自协议生效之日起"
                     "三十日内共同向人民法院申请司法确认（第三十三条）。", "prose")]
    if d.dv_mediation:
        out.append(rich(f"{bold('特别声明')}：{_m(SAFETY_STATEMENT, '特别声明')}", "prose"))
    if not a.oral:
        out.append(para(f"本协议一式 {a.copies} 份，当事人各执一份，{committee}留存一份。", "prose", "份数"))
    if a.confirmation:
        out.append(para(f"司法确认：{a.confirmation}", "prose", "司法确认"))
    elif a.confirm_by and not a.oral:
        out.append(para(f"共同申请司法确认的期限：自{cn_date(a.effective_on)}协议生效之日起三十日内，至{cn_date(a.confirm_by)}止。",
                        "prose", "司法确认"))
    out += [Spacer(1, 6), _signature_grid(a), Spacer(1, 6), _mediator_and_seal(d, a)]
    return out


def agreement_pages(d: CaseData, a: AgreementData) -> list[Flowable]:
    """One agreement's pages (the 司法确认 packet carries the agreement it asks the court to confirm)."""
    return _agreement(d, a)


def _parties(d: CaseData) -> Flowable:
    rows = [(p.role_label, p.name, p.sex, p.id_number, "；".join(x for x in (p.address, p.phone) if x))
            for p in _signers(d)]
    return grid_table(("身份", "姓名", "性别", "身份证号码", "住址、联系方式"), rows or [("", "", "", "", "")],
                      (1.9, 1.6, 0.7, 4.6, 7.4))


def _signature_grid(a: AgreementData) -> Flowable:
    """One line per party: signature, fingerprint box and date, filled in by hand on the paper."""
    rows = [(f"{role}：{name}", "", "", how and f"{how} {cn_date(at)}" or "　　年　　月　　日")
            for role, name, how, at in a.signatures]
    table = grid_table(("当事人", "签名（盖章）", "按指印", "日期／已登记签署"), rows or [("", "", "", "")],
                       (2.6, 2.6, 1.6, 3.0))
    table.setStyle(TableStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [None]),
                               *[("BOTTOMPADDING", (0, r), (-1, r), 22) for r in range(1, len(rows) + 1)]]))
    return KeepTogether([table])


def _mediator_and_seal(d: CaseData, a: AgreementData) -> Flowable:
    left = [para("人民调解员（签名）：", "body"), Spacer(1, 26),
            para(f"签名日期：{cn_date(a.mediator_signed_at) or '　　年　　月　　日'}", "body", "日期")]
    right = [para(f"{d.committee or d.unit_name + COMMITTEE}（印）", "body", "调解委员会"), Spacer(1, 26),
             para(f"{cn_date(a.seal_applied_at or a.effective_on) or '　　年　　月　　日'}", "body", "日期")]
    seal = Table([[left, right]], colWidths=[BODY_W / 2, BODY_W / 2],
                 style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (1, 0), (1, 0), 0.4, "grey")]))
    extra = [para(f"生效日期：{cn_date(a.effective_on)}", "right", "生效日期")] if a.effective_on else []
    return KeepTogether([seal, *extra])


def has_follow_up(d: CaseData) -> bool:
    return bool(d.follow_ups)


def follow_up_record(d: CaseData) -> list[Flowable]:
    out = [*title_block(d.unit_name, "回访记录", d.case_no),
           field_table([[("案件名称", d.title)], [("当事人", "、".join(p.name for p in _signers(d)))]])]
    if d.agreements:
        out += [Spacer(1, 6), heading("协议履行情况"),
                grid_table(("序号", "履行人", "协议内容", "履行情况"),
                           [(str(t.seq), t.obligor, t.content, t.performance) for t in d.agreements[-1].terms],
                           (0.6, 1.4, 5.4, 1.6))]
    for n, v in enumerate(d.follow_ups, 1):
        out += [Spacer(1, 6), heading(f"第 {n} 次回访"),
                field_table([[("回访时间", cn_datetime(v.visited_at)), ("回访方式", v.method)],
                             [("回访人", v.visitor), ("满意程度", v.satisfaction)],
                             [("履行情况", v.performance)], [("备注", v.note)]])]
    out.append(signature_lines([("回访人（签名）：", d.follow_ups[-1].visitor if d.follow_ups else ""),
                                ("被回访人（签名）：", "")], cn_date(d.follow_ups[-1].visited_at)))
    return out


__all__ = ["agreement", "follow_up_record", "mediation_record", "rights_notice", "cm", "party_table"]
