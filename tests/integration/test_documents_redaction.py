"""Free text typed by staff on papers for the other side: the victim's phone, ID number, address and shelter
are masked on a respondent's copy even when a statement quotes them; batch printing on several processes
gives the same bytes and the same audit entries as one process."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fulian_bench.documents_bench import T0, VICTIM_ADDRESS, VICTIM_PHONE
from fulian_desktop.documents.api import DocumentKind, Recipient, render, render_batch
from fulian_desktop.documents.redact import MASK
from fulian_desktop.domain.enums import PartyRole, Role
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.intake import intake
from fulian_desktop.services.mediation import mediation
from fulian_desktop.store.models import AuditEntry
from fulian_desktop.store.store import Store
from tests.integration.test_documents_world import flat, pdftotext
from tests.support.stores import add_user, build_org, first_login, new_store

VICTIM_ID = make_id_number("430122", date(1990, 6, 1), 226)
SHELTER = "望城区妇女儿童临时庇护中心"
OTHER_MOBILE = "136 0073 1999"          # a relative's number, typed with spaces
STRANGER_ID = make_id_number("430104", date(1979, 2, 3), 411)


@dataclass
class Small:
    store: Store
    mediator: Actor
    case_id: str


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    store = new_store(tmp_path_factory.mktemp("redaction") / "s").store
    org = build_org(store)
    add_user(store, "tiaojie", Role.MEDIATOR, org.district, display_name="陈晓燕")
    actor = first_login(store, "tiaojie")
    with store.uow(write=True) as uow:
        case_id = intake.register_contact(uow, actor, IntakeInput(
            name="王春梅", channel=Channel.VISIT, decision=IntakeDecision.ACCEPT, received_at=T0,
            request=f"丈夫打人，要求调解；我的电话是{VICTIM_PHONE}", sex="female", age=35,
            facts=f"当事人现住{VICTIM_ADDRESS}，丈夫常来纠缠。", category="婚姻家庭", sub_category="家庭暴力",
            id_number=VICTIM_ID, phone=VICTIM_PHONE, address=VICTIM_ADDRESS)).case_id
    with store.uow(write=True) as uow:
        wife = next(p.id for p in cases.get_case(uow, actor, case_id).parties if p.role == PartyRole.APPLICANT)
        husband = cases.add_party(uow, actor, case_id, PersonInput(name="李强", sex="male"), PartyRole.RESPONDENT).id
        crisis.log_action(uow, actor, case_id, "shelter", at=T0 + timedelta(hours=2), detail="安置三天",
                          data={"shelter": SHELTER, "period": "3 天"})
        session = mediation.schedule(uow, actor, case_id, T0 + timedelta(days=2), "高塘岭街道人民调解室",
                                     [actor.user_id], "陈晓燕", [wife, husband])
        mediation.record_session(uow, actor, session.id, T0 + timedelta(days=2, hours=1), [wife, husband],
                                 ["rights_duties"], [
                                     (wife, f"我现在住在{SHELTER}，以前住郭亮村五组12号。有事打我电话{VICTIM_PHONE}，"
                                            f"或者打我姐姐{OTHER_MOBILE}。我的身份证号是{VICTIM_ID}。"),
                                     (husband, f"我的身份证号{STRANGER_ID}，我愿意调解。"),
                                     ("mediator", "请双方冷静陈述。")], "continue")
    yield Small(store, actor, case_id)
    store.close()


def _text(small: Small, kind: DocumentKind, recipient: Recipient, tmp: Path) -> str:
    with small.store.uow(write=True) as uow:
        return flat(pdftotext(render(uow, small.mediator, small.case_id, kind, recipient), tmp))


def test_a_statement_quoting_the_victims_phone_address_and_shelter_is_masked_for_the_respondent(
        small: Small, tmp_path: Path) -> None:
    text = _text(small, DocumentKind.MEDIATION_RECORD, Recipient.RESPONDENT, tmp_path)
    assert "我愿意调解" in text and "王春梅" in text            # the statement itself is printed
    for secret in (VICTIM_PHONE, flat(VICTIM_ADDRESS), "郭亮村五组12号", SHELTER, VICTIM_ID, flat(OTHER_MOBILE),
                   STRANGER_ID):
        assert secret not in text, secret
    assert text.count(MASK) >= 6
    file_copy = _text(small, DocumentKind.MEDIATION_RECORD, Recipient.FILE, tmp_path)
    for said in (VICTIM_PHONE, "郭亮村五组12号", SHELTER, flat(OTHER_MOBILE)):
        assert said in file_copy, said                          # the file copy is as entered
    assert MASK not in file_copy


def test_the_complainants_own_copy_is_printed_as_entered(small: Small, tmp_path: Path) -> None:
    text = _text(small, DocumentKind.MEDIATION_RECORD, Recipient.PARTY, tmp_path)
    assert SHELTER in text and VICTIM_PHONE in text and MASK not in text


def test_a_batch_on_worker_processes_gives_the_same_bytes_and_audit(small: Small, tmp_path: Path) -> None:
    with small.store.uow(write=True) as uow:
        one = render(uow, small.mediator, small.case_id, DocumentKind.MEDIATION_RECORD, Recipient.RESPONDENT)
    with small.store.uow() as uow:
        printed = uow.s.execute(select(func.count()).select_from(AuditEntry)
                                .where(AuditEntry.action == "print")).scalar()
    seen: list[int] = []
    result = render_batch(lambda: small.store.uow(write=True), small.mediator, [small.case_id] * 16,
                          DocumentKind.MEDIATION_RECORD, tmp_path / "pool", recipient=Recipient.RESPONDENT,
                          workers=2, progress=lambda done, total: seen.append(done) or True)
    assert result.done == 16 and not result.failures and not result.cancelled and seen == list(range(17))
    assert result.files[0].read_bytes() == one
    with small.store.uow() as uow:
        assert uow.s.execute(select(func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "print")).scalar() == printed + 16
    stopped = render_batch(lambda: small.store.uow(write=True), small.mediator, [small.case_id] * 16,
                           DocumentKind.MEDIATION_RECORD, tmp_path / "stop", recipient=Recipient.RESPONDENT,
                           workers=2, progress=lambda done, total: done < 3)
    assert stopped.cancelled and stopped.done == 3
    assert not list((tmp_path / "stop").glob("*.part"))
