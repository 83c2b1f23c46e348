"""What each paper must say by law, read back from the PDF (pdftotext): the petition opinion (信访工作条例第三十二、
三十五条), the mediation agreement (人民调解法第二十九、三十条), the closing report, the register, the case file's
order (DOMAIN.md), the protection-order application (反家庭暴力法第二十三、二十四、二十七、二十八条), the court referral
and the judicial confirmation packet (人民调解法第三十三条; 司法确认规定（2011）第三、四条).

The case is filed by a village work station (郭亮村), so the opinion must be issued by the town federation above it,
and the review body is the district federation above that."""
from __future__ import annotations

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest

from fulian_bench.documents_bench import T0, build_full_case
from fulian_desktop.documents.api import DocumentKind, Recipient, render
from fulian_desktop.domain.confirmation_rules import blocked_terms
from fulian_desktop.domain.enums import CaseKind, CaseStatus, PartyRole, Role
from fulian_desktop.domain.errors import ValidationError, WorkflowError
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.statutes import by_code
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.attachments import attachments
from fulian_desktop.services.accounts import auth, settings
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.intake import intake
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.referral import referrals
from fulian_desktop.services.mediation.mediation import TermInput
from fulian_desktop.store.models import Case
from tests.integration.test_documents_world import flat, pages_text, pdftotext, printed_in_cell
from tests.support.stores import DISTRICT, TOWN_A, VILLAGE_A1, add_user, build_org, first_login, new_store

COMMITTEE = "望城区高塘岭街道郭亮村人民调解委员会"
FACTS = "经走访核实，来访人反映的情况属实。"       # what build_full_case gives as the facts found


class LawWorld:
    def __init__(self, root: Path) -> None:
        self.store = new_store(root / "s").store
        org = build_org(self.store)
        self.village_id = org.units[VILLAGE_A1]
        add_user(self.store, "cun", Role.MEDIATOR, self.village_id, display_name="陈晓燕")
        add_user(self.store, "sup", Role.SUPERVISOR, org.district, display_name="区督导")
        self.med, self.sup = first_login(self.store, "cun"), first_login(self.store, "sup")
        system = auth.system_actor(self.store)
        with self.store.uow(write=True) as uow:
            settings.put_for_unit(uow, system, "mediation_committee", self.village_id, COMMITTEE)
        self.case_id = build_full_case(self.store, self.med, approver=self.sup)

    def text(self, kind: DocumentKind, tmp: Path, recipient: Recipient = Recipient.FILE,
             case_id: str | None = None) -> str:
        with self.store.uow(write=True) as uow:
            pdf = render(uow, self.med, case_id or self.case_id, kind, recipient)
        return flat(pdftotext(pdf, tmp))

    def parties(self, case_id: str | None = None) -> dict[PartyRole, str]:
        with self.store.uow(write=True) as uow:
            return {p.role: p.id for p in cases.get_case(uow, self.med, case_id or self.case_id).parties}


@pytest.fixture(scope="module")
def law(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    w = LawWorld(tmp_path_factory.mktemp("law"))
    yield w
    w.store.close()


# --- 信访事项处理意见书 ------------------------------------------------------------------------------------

def test_the_opinion_states_facts_found_basis_articles_and_review_body_and_is_issued_by_an_organ(law, tmp_path):  # noqa
    text = law.text(DocumentKind.PETITION_OPINION, tmp_path, Recipient.PARTY)
    assert "信访事项处理意见书" in text
    assert "二、查明的事实" + flat(FACTS) in text                       # the handler's facts, not the complaint
    assert "上月掐其脖子" in text.split("二、查明的事实")[0]             # the complaint stays the petitioner's account
    procedure = by_code("xf32")
    assert procedure is not None and "《信访工作条例》第三十二条：" + flat(procedure.text)[:40] in text
    for code in ("fb13", "mf1085"):                                     # the articles chosen, each with its text
        article = by_code(code)
        assert article is not None and flat(f"{article.citation}：{article.text}")[:60] in text
    assert "第三十三条" not in text                                     # art. 33 is about mediation
    # Issued by the town federation above the village station; reviewed by the district federation above it.
    assert f"{TOWN_A}妇女联合会（盖章）" in text and f"{VILLAGE_A1}妇联调解工作站（盖章）" not in text
    assert f"三十日内，向{DISTRICT}妇女联合会请求复查（《信访工作条例》第三十五条）" in text
    assert "上一级机关" not in text


def test_closure_approval_is_refused_without_facts_found_and_nothing_changes(law) -> None:
    with law.store.uow(write=True) as uow:
        case_id = cases.create_case(uow, law.med, cases.NewCase(title="王某反映宅基地分配", kind=CaseKind.PETITION)).row.id
        workflow.transition(uow, law.med, case_id, T.ACCEPT)
        workflow.transition(uow, law.med, case_id, T.REQUEST_CLOSURE, reason="已答复", petition_outcome="explain",
                            petition_basis="已向来访人解释宅基地审批政策。")
    with law.store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, law.sup, case_id=case_id, pending_only=True)
    with pytest.raises(WorkflowError) as err, law.store.uow(write=True) as uow:
        workflow.decide(uow, law.sup, pending.id, True, "同意")
    assert err.value.code == "petition_facts_missing" and "查明的事实" in err.value.message
    with law.store.uow() as uow:
        case = uow.s.get(Case, case_id)
        assert case.status == CaseStatus.PENDING_CLOSURE.value and case.petition_outcome is None
    with pytest.raises(ValidationError) as bad, law.store.uow(write=True) as uow:   # an unknown article is named
        workflow.transition(uow, law.med, case_id, T.RETURN_FOR_WORK, reason="补充")
        workflow.transition(uow, law.med, case_id, T.REQUEST_CLOSURE, reason="已答复", petition_outcome="explain",
                            petition_basis="解释", petition_facts="查明", petition_articles=["xx99"])
    assert "xx99" in bad.value.message


def test_a_statute_article_list_holds_the_texts_of_the_reference_laws() -> None:
    article = by_code("fq55")
    assert article is not None and article.citation == "《中华人民共和国妇女权益保障法》第五十五条"
    assert article.text.startswith("妇女在农村集体经济组织成员身份确认")


# --- 人民调解协议书 ----------------------------------------------------------------------------------------

def test_the_agreement_names_the_station_committee_on_its_seal_and_states_responsibility(law, tmp_path) -> None:
    text = law.text(DocumentKind.AGREEMENT, tmp_path, Recipient.PARTY)
    assert "各方责任张建国对家庭暴力及未付抚养费负全部责任" in text
    assert f"{COMMITTEE}（印）" in text and f"{COMMITTEE}留存一份" in text
    assert "人民调解法》第二十九条" in text
    assert "自2026年3月7日协议生效之日起三十日内，至2026年4月7日止" in text      # 人民调解法第三十三条


def test_an_oral_agreement_cites_article_30_and_prints_no_responsibility_as_none(law, tmp_path) -> None:
    with law.store.uow(write=True) as uow:
        case_id = cases.create_case(uow, law.med, cases.NewCase(title="邻里漏水纠纷", kind=CaseKind.MEDIATION)).row.id
        workflow.transition(uow, law.med, case_id, T.ACCEPT)
        cases.add_party(uow, law.med, case_id, PersonInput(name="李梅", sex="female"), PartyRole.APPLICANT)
        cases.add_party(uow, law.med, case_id, PersonInput(name="赵强", sex="male"), PartyRole.RESPONDENT)
    with law.store.uow(write=True) as uow:
        mediation.create_agreement(uow, law.med, case_id, "oral", "楼上漏水浸湿楼下天花板。", None, None,
                                   [TermInput("赵强", "三日内修好防水层", "自行维修")], agreed_at=T0)
    text = law.text(DocumentKind.AGREEMENT, tmp_path, Recipient.PARTY, case_id)
    assert "口头调解协议记录" in text and "各方责任无" in text
    assert "第三十条，口头调解协议自各方当事人达成协议之日起生效" in text and "人民调解员记录在卷" in text
    assert "签名、盖章或者按指印，人民调解员签名并加盖" not in text      # the written agreement's rule


# --- 结案报告, 受理登记表 ----------------------------------------------------------------------------------

def test_the_closing_report_tells_the_work_done_not_the_workflow(law, tmp_path) -> None:
    text = law.text(DocumentKind.CLOSING_REPORT, tmp_path)
    work = text.split("办理经过")[1]
    for done in ("来访登记", "陈晓燕在高塘岭街道人民调解室主持调解", "共3项，2026年3月7日生效", "陈晓燕上门回访：",
                 "转介望城区法律援助中心", "协助向望城区人民法院申请人身安全保护令", "出具信访事项处理意见书"):
        assert done in work, done
    assert "→" not in text and "待结案审核" not in text
    assert "结案意见协议已履行，回访满意。审核意见：材料齐全，同意结案（区督导）。" in text


def test_the_register_fills_what_the_desk_left_empty_from_the_person_record(law, tmp_path) -> None:
    with law.store.uow(write=True) as uow:
        first = intake.register_contact(uow, law.med, IntakeInput(
            name="何秀英", channel=Channel.VISIT, request="丈夫不给生活费", decision=IntakeDecision.ACCEPT,
            received_at=T0, sex="female", marital_status="已婚", phone="13874125896", category="婚姻家庭",
            facts="丈夫半年未给家用，孩子学费无着。"))
    with law.store.uow(write=True) as uow:
        person_id = next(p.person_id for p in cases.get_case(uow, law.med, first.case_id).parties)
        intake.register_contact(uow, law.med, IntakeInput(       # the desk left marital status, phone and facts empty
            name="何秀英", channel=Channel.CALL, request="询问调解进展", decision=IntakeDecision.ACCEPT,
            received_at=T0 + timedelta(days=3), person_id=person_id, join_case_id=first.case_id,
            category="婚姻家庭"))
    with law.store.uow(write=True) as uow:
        pdf = render(uow, law.med, first.case_id, DocumentKind.INTAKE_REGISTER, Recipient.FILE)
    second = pdftotext(pdf, tmp_path, layout=True).split("第 2 次登记")[1]
    assert re.search(r"婚姻状况\s+已婚", second), second
    assert re.search(r"联系方式\s+13874125896", second)                 # from her person record
    assert "丈夫半年未给家用" in second                              # her facts and reasons, not a blank


# --- 卷宗 order ---------------------------------------------------------------------------------------------

def test_the_case_file_puts_each_kind_of_paper_in_its_prescribed_place(law, tmp_path) -> None:
    for doc_type, name in (("履行凭证", "抚养费转账凭证.txt"), ("身份证明", "身份证复印件.txt"),
                           ("调查笔录", "走访邻居调查笔录.txt"), ("司法确认材料", "司法确认决定书.txt"),
                           ("证据材料", "伤情照片说明.txt")):
        with law.store.uow(write=True) as uow:
            attachments.attach(uow, law.med, law.case_id, io.BytesIO(name.encode()), doc_type=doc_type, filename=name)
    with law.store.uow(write=True) as uow:
        pdf = render(uow, law.med, law.case_id, DocumentKind.CASE_FILE, Recipient.FILE)
    contents = flat(pages_text(pdf, tmp_path)[1])         # the contents list, page 2
    assert "卷内目录" in contents
    order = ["受理登记表", "当事人权利义务告知书", "身份证明、授权委托书", "调查笔录", "证据材料目录", "调解记录",
             "人民调解协议书", "履行凭证", "回访记录", "司法确认材料", "结案报告", "卷内备考表"]
    at = [contents.find(title) for title in order]
    assert all(i >= 0 for i in at) and at == sorted(at), list(zip(order, at))
    pages = [flat(p) for p in pages_text(pdf, tmp_path)]
    agreement = next(n for n, p in enumerate(pages) if "人民调解协议书（2026）" in p)
    proof = next(n for n, p in enumerate(pages) if "工作站履行凭证（2026）" in p and printed_in_cell("抚养费转账凭证", p))
    follow_up = next(n for n, p in enumerate(pages) if "回访记录（2026）" in p)
    assert agreement < proof < follow_up                     # proof of performance after the agreement


# --- 人身安全保护令申请书, 转介函 -------------------------------------------------------------------------------

def test_the_protection_order_application_is_in_writing_names_the_respondent_and_states_the_limit(law, tmp_path):  # noqa
    text = law.text(DocumentKind.ORDER_APPLICATION, tmp_path, Recipient.PARTY)
    assert "人身安全保护令申请书" in text and "此致望城区人民法院" in text
    assert "张建国" in text.split("被申请人")[1][:30]                      # 第二十七条: a definite respondent
    assert "请求事项1．禁止被申请人实施家庭暴力。2．禁止被申请人骚扰、跟踪、接触申请人及其相关近亲属。" in text
    assert "以书面方式提出（《中华人民共和国反家庭暴力法》第二十四条）" in text
    assert "应当在七十二小时内作出人身安全保护令或者驳回申请；情况紧急的，应当在二十四小时内作出" in text
    assert "第二十八条" in text and "本案情况紧急，请求人民法院在二十四小时内作出" in text
    assert "反家庭暴力法第二十三条" in text


def test_the_referral_letter_to_the_court_names_the_respondent(law, tmp_path) -> None:
    with law.store.uow(write=True) as uow:
        case_id = cases.create_case(uow, law.med, cases.NewCase(title="周某家暴求助", kind=CaseKind.CRISIS)).row.id
        workflow.transition(uow, law.med, case_id, T.ACCEPT)
        cases.add_party(uow, law.med, case_id, PersonInput(name="周红", sex="female"), PartyRole.VICTIM)
        cases.add_party(uow, law.med, case_id, PersonInput(name="钱军", sex="male"), PartyRole.RESPONDENT)
        referrals.refer_to_agency(uow, law.med, case_id, "court", "望城区人民法院", "协助申请人身安全保护令",
                                  ["基本情况"], "given", "当面同意")
    text = law.text(DocumentKind.REFERRAL_LETTER, tmp_path, Recipient.AGENCY, case_id)
    assert "被申请人钱军（男）" in text and "第二十七条" in text and "七十二小时" in text


# --- 司法确认申请材料 ---------------------------------------------------------------------------------------

def test_the_confirmation_packet_holds_the_joint_application_agreement_ids_evidence_and_window(law, tmp_path):  # noqa
    with law.store.uow(write=True) as uow:
        window = cases.get_case(uow, law.med, law.case_id).confirmation_window
    # Effective 2026-03-07; day 30 is 2026-04-06, a 清明 holiday, so the period ends on the next working day.
    assert window is not None and "协议2026年3月7日生效，可于2026年4月7日（含当日）前共同向人民法院申请司法确认" in window
    with law.store.uow(write=True) as uow:
        attachments.attach(uow, law.med, law.case_id, io.BytesIO(b"110"), doc_type="证据材料", filename="出警记录.txt")
    text = law.text(DocumentKind.CONFIRMATION_PACKET, tmp_path)
    assert "司法确认申请书" in text and "申请人1（申请人）" in text and "申请人2（被申请人）" in text
    assert f"请求人民法院确认申请人于2026年3月7日经{COMMITTEE}主持调解达成的书面协议（调解协议书）有效" in text
    assert "申请期限至2026年4月7日（自协议生效之日起三十日内" in text
    assert text.count("申请人（签名/按指印）") == 2                  # both parties apply jointly
    assert "人民调解协议书" in text and printed_in_cell("每月支付女儿张小雨抚养费人民币1500元", text)
    assert "申请人身份证明材料清单" in text and "居民身份证" in text
    assert "证据材料清单" in text and "出警记录" in text
    assert "第三条" in text


def test_a_packet_for_a_marriage_or_adoption_term_is_refused_and_the_case_warns(law) -> None:
    with law.store.uow(write=True) as uow:
        case_id = cases.create_case(uow, law.med, cases.NewCase(title="孙某婚姻纠纷", kind=CaseKind.MEDIATION)).row.id
        workflow.transition(uow, law.med, case_id, T.ACCEPT)
        wife = cases.add_party(uow, law.med, case_id, PersonInput(name="孙丽", sex="female"), PartyRole.APPLICANT).id
        husband = cases.add_party(uow, law.med, case_id, PersonInput(name="吴刚", sex="male"), PartyRole.RESPONDENT).id
    with law.store.uow(write=True) as uow:
        agreement = mediation.create_agreement(
            uow, law.med, case_id, "written", "双方感情破裂。", "是否离婚及财产分割", "双方均有责任",
            [TermInput("孙丽、吴刚", "双方自愿离婚", "到婚姻登记机关办理"),
             TermInput("吴刚", "支付孙丽财产补偿款人民币2万元", "一次性转账")])
        for party in (wife, husband):
            mediation.sign_party(uow, law.med, agreement.id, party, "signed", T0)
        mediation.mediator_sign(uow, law.med, agreement.id, T0)
        mediation.apply_seal(uow, law.med, agreement.id, T0 + timedelta(minutes=5))
    with pytest.raises(ValidationError) as err, law.store.uow(write=True) as uow:
        render(uow, law.med, case_id, DocumentKind.CONFIRMATION_PACKET, Recipient.FILE)
    assert err.value.code == "not_confirmable"
    assert "第1项“双方自愿离婚”涉及确认婚姻关系" in err.value.message and "第四条" in err.value.message
    assert "第2项" not in err.value.message
    with law.store.uow(write=True) as uow:
        window = cases.get_case(uow, law.med, case_id).confirmation_window
    assert window is not None and "双方自愿离婚" in window and "不予受理" in window


def test_only_terms_on_marriage_parentage_or_adoption_are_blocked() -> None:
    terms = [(1, "离婚后女儿由母亲直接抚养，父亲每月支付抚养费800元"), (2, "确认张某为孩子的生父"), (3, "孩子送养给其姑姑"),
             (4, "双方解除婚姻关系"), (5, "共同房产归女方所有")]
    assert [(b.seq, b.relation) for b in blocked_terms(terms)] == [(2, "身份关系"), (3, "收养关系"), (4, "婚姻关系")]


def test_the_issuing_organ_and_review_body_follow_the_org_tree_and_settings(law) -> None:
    from fulian_desktop.documents.organs import petition_organs
    from fulian_desktop.store.models import OrgUnit

    with law.store.uow(write=True) as uow:
        village = uow.s.get(OrgUnit, law.village_id)
        town = uow.s.get(OrgUnit, village.parent_id)
        district = uow.s.get(OrgUnit, town.parent_id)
        assert petition_organs(uow, village, "") == (f"{TOWN_A}妇女联合会", f"{DISTRICT}妇女联合会")
        assert petition_organs(uow, town, "") == (f"{TOWN_A}妇女联合会", f"{DISTRICT}妇女联合会")
        assert petition_organs(uow, district, "") == (f"{DISTRICT}妇女联合会", "")
        settings.put(uow, auth.system_actor(law.store), "petition_review_body", "长沙市妇女联合会")
        assert petition_organs(uow, district, "长沙市望城区妇女联合会") == ("长沙市望城区妇女联合会", "长沙市妇女联合会")
        assert petition_organs(uow, village, "长沙市望城区妇女联合会")[0] == f"{TOWN_A}妇女联合会"


def test_an_application_made_on_her_behalf_says_who_applied_and_why(law, tmp_path) -> None:
    from fulian_desktop.services.crisis import protection_orders as po

    with law.store.uow(write=True) as uow:
        case_id = cases.create_case(uow, law.med, cases.NewCase(title="吴某（智力残疾）遭受家暴", kind=CaseKind.CRISIS)).row.id
        workflow.transition(uow, law.med, case_id, T.ACCEPT)
        cases.add_party(uow, law.med, case_id, PersonInput(name="吴兰", sex="female"), PartyRole.VICTIM)
        cases.add_party(uow, law.med, case_id, PersonInput(name="郑海", sex="male"), PartyRole.RESPONDENT)
        po.apply_for_order(uow, law.med, case_id, "望城区人民法院", T0, False, False, ["no_violence"],
                           lacks_capacity=True, capacity_note="受害人为限制民事行为能力人",
                           applied_on_behalf_by="望城区妇女联合会")
    text = law.text(DocumentKind.ORDER_APPLICATION, tmp_path, Recipient.FILE, case_id)
    assert "代为申请人望城区妇女联合会" in text and "第二十三条第二款代为申请" in text
    assert "代为申请人（签名/盖章）" in text
    assert "请求人民法院在七十二小时内作出人身安全保护令" in text          # not urgent: the 72-hour limit
    assert "郑海" in text.split("被申请人")[1][:30]
