"""Papers of the demo store: the judicial confirmation packet of a demo agreement in effect, and the opinion letter of
a closed demo petition with the facts found and the articles the demo handler chose."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import select

from fulian_demo import generate_demo
from fulian_demo.narratives import PETITION_FACTS
from fulian_desktop.documents.api import DocumentKind, Recipient, render
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.mediation.confirmation import confirmation_window
from fulian_desktop.store.models import Agreement, Case
from fulian_desktop.store.store import Store
from tests.integration.test_documents_world import flat, pdftotext
from tests.support.stores import new_store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = new_store(tmp_path_factory.mktemp("demo_papers")).store
    generate_demo(store, cases=300, seed=7)
    yield store
    store.close()


def _cn(d) -> str:  # noqa: ANN001
    return f"{d.year}年{d.month}月{d.day}日"


def test_a_demo_agreement_gives_a_court_ready_packet(demo: Store, tmp_path: Path) -> None:
    system = auth.system_actor(demo)
    with demo.uow() as uow:  # the earliest written agreement a court may confirm (a divorce term may not)
        candidates = uow.s.execute(select(Agreement.case_id).join(Case, Case.id == Agreement.case_id)
                                   .where(Agreement.form == "written", Agreement.effective_on.is_not(None))
                                   .order_by(Agreement.effective_on, Case.case_no)).scalars().all()
        windows = ((cid, confirmation_window(uow, uow.s.get(Case, cid))) for cid in candidates)
        case_id, window = next((cid, w) for cid, w in windows if w is not None and not w.blocked)
    assert window is not None
    with demo.uow(write=True) as uow:
        text = flat(pdftotext(render(uow, system, case_id, DocumentKind.CONFIRMATION_PACKET, Recipient.FILE), tmp_path))
    assert "司法确认申请书" in text and "人民调解协议书" in text
    assert "申请人身份证明材料清单" in text and "证据材料清单" in text
    assert f"本协议于{_cn(window.effective_on)}生效，申请期限至{_cn(window.last_day)}" in text


def test_a_closed_demo_petition_prints_its_facts_found_and_articles(demo: Store, tmp_path: Path) -> None:
    system = auth.system_actor(demo)
    with demo.uow() as uow:
        case_id = uow.s.execute(select(Case.id).where(Case.kind == "petition", Case.status == "closed",
                                                      Case.petition_outcome == "support")
                                .order_by(Case.case_no).limit(1)).scalar_one()
    with demo.uow(write=True) as uow:
        text = flat(pdftotext(render(uow, system, case_id, DocumentKind.PETITION_OPINION, Recipient.PARTY), tmp_path))
    assert "二、查明的事实" + flat(PETITION_FACTS["support"]) in text
    assert "《信访工作条例》第三十二条" in text and "《中华人民共和国妇女权益保障法》第七十二条" in text
    assert "第三十五条" in text and "村妇联调解工作站（盖章）" not in text
