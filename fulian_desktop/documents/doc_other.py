"""转介函 (only what consent allows), 安全计划 and 结案报告."""
from __future__ import annotations

from datetime import date, datetime, timezone

from reportlab.platypus import Flowable, PageBreak, Spacer

from ..domain.enums import CaseKind, PartyRole
from ..domain.referral_rules import CONTACT_ITEM, AgencyType
from .data import CaseData, ReferralData, cn_date
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
    to_court = r.agency_type == AgencyType.COURT.label
    if to_court:   # 反家庭暴力法第二十七条: an order needs a definite respondent; the court must know who he is
        respondents = d.by_role(PartyRole.RESPONDENT)
        rows.append([("被申请人", "、".join(f"{p.name}（{p.sex}）" if p.sex else p.name for p in respondents)
                      or "（本案未登记被申请人，请补充）")])
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
    if to_court:
        out.append(para("人身安全保护令须有明确的被申请人和具体的请求（《中华人民共和国反家庭暴力法》第二十七条）；"
                        "人民法院受理申请后，应当在七十二小时内作出人身安全保护令或者驳回申请，情况紧急的，应当在二十四小时内作出"
                        "（第二十八条）。", "small", "法律依据"))
    if rows:
        out += [heading("转介材料（被申请人及经当事人同意共享的内容）" if to_court
                        else "转介材料（经当事人同意共享的内容）"), field_table(rows)]
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
    work = work_done(d)
    if work:
        n += 1
        out += [heading(f"{_n(n)}、办理经过"), grid_table(("日期", "所做工作"), work, (2.9, 7.1))]
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
    out += [heading(f"{_n(n + 1)}、结案意见"), para(closing_opinion(d), "prose", "结案意见"),
            signature_lines([("承办人（签名）：", d.handler), ("审核人（签名）：", "")], cn_date(d.closed_at or d.as_of))]
    return out


def work_done(d: CaseData) -> list[tuple[str, str]]:
    """What was done on the case, by date: intake, sessions, agreement and its performance, follow-ups,
    referrals, protection orders, the petition opinion — not the workflow's state changes."""
    items: list[tuple[datetime, int, str]] = []
    for r in d.intakes:
        items.append((r.received_at, 0, f"{r.channel}登记，反映：{_bare(r.request)}" + (f"；{r.decision.label}"
                                                                                  if r.decision else "")))
    for s in d.sessions:
        who = f"调解员{s.mediators}" if s.mediators else "调解员"
        items.append((s.held_at, 1, f"{who}在{s.place or '调解室'}主持调解，到场：{s.present or '（未记录）'}；"
                                    f"结果：{s.outcome or '（未记录）'}"))
    for a in d.agreements:
        done = sum(1 for t in a.terms if t.performance in ("已履行", "履行完毕"))
        text = f"达成{a.form}，共 {len(a.terms)} 项" + (f"，{cn_date(a.effective_on)}生效" if a.effective_on else "，尚未生效")
        text += "；履行情况：" + ("、".join(f"第{t.seq}项{t.performance or '未登记'}" for t in a.terms) or "无条款")
        items.append((_at(a.effective_on) or a.created_at, 2, text + (f"（{done}项已履行）" if done else "")))
        if a.confirmation:
            items.append((a.created_at, 3, a.confirmation))
    for v in d.follow_ups:
        how = v.method if v.method.endswith("回访") else f"{v.method}回访"
        items.append((v.visited_at, 4, f"{v.visitor}{how}：履行情况{_bare(v.performance) or '未记录'}，"
                                       f"满意程度{v.satisfaction or '未记录'}" + (f"；{_bare(v.note)}" if v.note else "")))
    for r in d.referrals:
        items.append((r.sent_at, 5, f"转介{r.agency_name or r.agency_type}：{_bare(r.reason)}（{r.status}）"
                                    + (f"；对方反馈：{_bare(r.response)}" if r.response else "")))
    for o in d.order_details:
        items.append((o.applied_at, 6, f"协助向{o.court}申请人身安全保护令（{o.status}）"))
    if d.kind is CaseKind.PETITION and d.petition_outcome and d.closed_at:
        items.append((d.closed_at, 7, f"出具信访事项处理意见书，处理意见：{d.petition_outcome}"))
    items.sort(key=lambda x: (x[0], x[1]))
    return [(cn_date(at), text) for at, _k, text in items]


def _bare(text: str) -> str:
    """A sentence without its closing punctuation, to be joined into a longer one."""
    return (text or "").strip().rstrip("。；，,.;")


def _at(day: date | None) -> datetime | None:
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc) if day else None


def closing_opinion(d: CaseData) -> str:
    """The approved closure's reason and the approver's note; failing those, the closure notes without the
    workflow's "A → B" states."""
    if d.closing_reason:
        return d.closing_reason
    notes = []
    for note in d.closing_notes:
        text = note.split("（理由：", 1)[1].rsplit("）", 1)[0] if "（理由：" in note else ""
        if text:
            notes.append(text)
    return "；".join(dict.fromkeys(notes)) or ("（尚未结案）" if d.closed_at is None else "已办结。")
