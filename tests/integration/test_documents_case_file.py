"""The case file (卷宗) read back: fields, order, page numbers, fonts, rare characters, reproducible bytes."""
from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from fulian_bench.documents_bench import RESPONDENT_ADDRESS, VICTIM_ADDRESS, VICTIM_PHONE
from fulian_desktop.documents.api import DocumentKind, PrintPurpose, Recipient, available_documents, render
from fulian_desktop.store.models import AuditEntry
from tests.integration.test_documents_world import (  # noqa: F401 - the fixture
    COUNSELLING_NOTE, RARE_NAME, flat, pages_text, pdffonts, pdftotext, world,
)


def _case_file(world, actor=None) -> bytes:  # noqa: ANN001
    with world.store.uow(write=True) as uow:
        return render(uow, actor or world.mediator, world.case_id, DocumentKind.CASE_FILE)


def test_the_case_has_every_paper_and_the_case_file_prints_them_in_order(world, tmp_path: Path) -> None:  # noqa: ANN001
    with world.store.uow(write=True) as uow:
        kinds = available_documents(uow, world.mediator, world.case_id)
    for kind in (DocumentKind.INTAKE_REGISTER, DocumentKind.ACCEPTANCE_NOTICE, DocumentKind.RIGHTS_NOTICE,
                 DocumentKind.MEDIATION_RECORD, DocumentKind.AGREEMENT, DocumentKind.FOLLOW_UP_RECORD,
                 DocumentKind.REFERRAL_LETTER, DocumentKind.SAFETY_PLAN, DocumentKind.CLOSING_REPORT):
        assert kind in kinds
    assert kinds[-1] is DocumentKind.CASE_FILE
    pages = [flat(p) for p in pages_text(_case_file(world), tmp_path)]
    assert "卷名" in pages[0] and "保管期限" in pages[0] and "立卷人" in pages[0] and "陈晓燕" in pages[0]
    assert "卷内目录" in pages[1]
    titles = ["受理登记表", "受理告知书", "当事人权利义务告知书", "证据材料目录", "调解记录", "人民调解协议书",
              "回访记录", "转介函", "安全计划", "结案报告", "卷内备考表"]
    starts = [next(n for n, p in enumerate(pages, 1) if n > 2 and title in p[:60]) for title in titles]
    assert starts == sorted(starts), "papers out of the prescribed order"
    # the contents list names the page each paper starts on
    contents = pages[1]
    for title, start in zip(titles, starts):
        assert re.search(rf"{title}{start}(-\d+)?", contents), (title, start, contents)
    assert "保管期限" in pages[-1] and "封底" not in pages[-1]   # the back cover, which does not call itself so


def test_every_page_carries_the_unit_the_case_number_and_page_x_of_y(world, tmp_path: Path) -> None:  # noqa: ANN001
    """Every page but the covers, which carry neither header nor page number (tests/integration/test_papers_look.py)."""
    pdf = _case_file(world)
    pages = [flat(p) for p in pages_text(pdf, tmp_path)]
    assert len(pages) >= 10
    with world.store.uow() as uow:
        from fulian_desktop.store.models import Case
        case_no = uow.s.get(Case, world.case_id).case_no
    for n, page in list(enumerate(pages, 1))[1:-1]:
        assert f"第{n}页共{len(pages)}页" in page, n
        assert flat(f"案号：{case_no}") in page
        assert "望城区妇女联合会" in page


def test_fields_appear_where_they_should(world, tmp_path: Path) -> None:  # noqa: ANN001
    text = flat(pdftotext(_case_file(world), tmp_path))
    for expected in (RARE_NAME, "张建国", "张小雨", VICTIM_ADDRESS, VICTIM_PHONE, RESPONDENT_ADDRESS,
                     "丈夫多次殴打，要求保护；请求解决女儿的抚养费", "每月支付女儿张小雨抚养费人民币1500元",
                     "每月5日前转账至",
                     "本协议一式3份", "抚养费已按时支付，未再发生家庭暴力", "望城区法律援助中心", "妈，我想吃糖油粑粑",
                     "高塘岭街道人民调解室", "我同意每月五日前给一千五百元", "望城区人民法院", "协议已履行，回访满意"):
        assert flat(expected) in text, expected


def test_rare_name_characters_come_back_as_the_same_characters(world, tmp_path: Path) -> None:  # noqa: ANN001
    text = pdftotext(_case_file(world), tmp_path)
    assert RARE_NAME in text
    assert "\u4dae" in text and "\U00020bb7" in text


def test_fonts_are_embedded_subsets(world, tmp_path: Path) -> None:  # noqa: ANN001
    fonts = pdffonts(_case_file(world), tmp_path)
    assert fonts
    for row in fonts:
        name, emb, sub = row[0], row[-5], row[-4]
        assert emb == "yes" and sub == "yes", row
        assert "+" in name
    assert any("Bold" in row[0] for row in fonts), "headings need the real bold face"


def test_the_same_data_gives_identical_bytes(world) -> None:  # noqa: ANN001
    first, second = _case_file(world), _case_file(world)
    assert first == second
    with world.store.uow(write=True) as uow:
        again = render(uow, world.mediator, world.case_id, DocumentKind.AGREEMENT, Recipient.RESPONDENT)
    with world.store.uow(write=True) as uow:
        assert render(uow, world.mediator, world.case_id, DocumentKind.AGREEMENT, Recipient.RESPONDENT) == again


def test_counselling_notes_never_reach_the_case_file(world, tmp_path: Path) -> None:  # noqa: ANN001
    for actor in (world.mediator, world.counsellor, world.system):
        text = flat(pdftotext(_case_file(world, actor), tmp_path))
        assert flat(COUNSELLING_NOTE) not in text
        assert "心理疏导：" not in text


def test_each_print_is_audited_with_document_and_recipient(world) -> None:  # noqa: ANN001
    with world.store.uow(write=True) as uow:
        render(uow, world.mediator, world.case_id, DocumentKind.AGREEMENT, Recipient.RESPONDENT,
               purpose=PrintPurpose.PRINT)
    with world.store.uow() as uow:
        entry = uow.s.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).scalar_one()
        assert entry.action == "print" and entry.case_id == world.case_id
        assert entry.actor_id == world.mediator.user_id
        assert entry.detail["document"] == "agreement" and entry.detail["recipient"] == "respondent"
