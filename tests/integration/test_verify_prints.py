"""Verifiable prints: every paper carries a verification code (footer, QR, PDF Keywords) entered in the register
when it is issued; a code typed from paper or a PDF file is checked against the register (一致 / 不一致 / 未登记)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_bench.documents_bench import build_full_case
from fulian_desktop import cli
from fulian_desktop.documents.api import DocumentKind, PrintPurpose, Recipient, render
from fulian_desktop.documents.layout import group_code
from fulian_desktop.domain.enums import Role
from fulian_desktop.documents.verify import Verdict, code_in_pdf, verify_code, verify_pdf
from fulian_desktop.services.accounts import auth
from fulian_desktop.store.models import Case
from fulian_desktop.store.models_papers import IssuedPaper
from tests.integration.test_documents_world import flat, pdftotext
from tests.support.stores import PASSPHRASE, add_user, build_org, new_store


def _case(store, applicant: str = "刘桂兰"):  # noqa: ANN001, ANN202
    org = build_org(store)
    add_user(store, "tiaojie", Role.MEDIATOR, org.district, display_name="陈晓燕")
    actor = auth.system_actor(store)
    return actor, build_full_case(store, actor, applicant=applicant)


def _print(store, actor, case_id: str, kind: DocumentKind = DocumentKind.AGREEMENT,  # noqa: ANN001
           recipient: Recipient = Recipient.PARTY) -> bytes:
    with store.uow(write=True) as uow:
        return render(uow, actor, case_id, kind, recipient, purpose=PrintPurpose.PRINT)


def test_a_printed_paper_shows_its_code_and_verifies_by_code_and_by_file(tmp_path: Path) -> None:
    with new_store(tmp_path / "a").store as store:
        actor, case_id = _case(store)
        pdf = _print(store, actor, case_id)
        code = code_in_pdf(pdf)
        assert code is not None and len(code) == 16
        text = flat(pdftotext(pdf, tmp_path))
        assert f"核验码{group_code(code)}" in text.replace(" ", "")
        assert _print(store, actor, case_id) == pdf           # the same data still gives the same bytes
        with store.uow() as uow:
            case_no = uow.s.get(Case, case_id).case_no
            rows = list(uow.s.execute(select(IssuedPaper).where(IssuedPaper.code == code)).scalars())
            assert len(rows) == 2 and rows[0].sha256 == hashlib.sha256(pdf).hexdigest()
            assert "刘桂兰" not in "".join(f"{r.code}{r.case_no}{r.kind}{r.recipient}" for r in rows)
            by_code = verify_code(uow, actor, group_code(code).lower())      # typed by hand, lower case
            by_scan = verify_code(uow, actor, f"FULIAN-VERIFY:{code}")       # what the QR holds
            by_file = verify_pdf(uow, actor, pdf)
        for result in (by_code, by_scan, by_file):
            assert result.verdict is Verdict.MATCH and result.verdict.label == "一致"
            assert result.case_no == case_no and result.kind == "人民调解协议书"
            assert "一致" in "\n".join(result.lines())


def test_a_changed_byte_a_forged_record_and_another_stores_paper_do_not_verify(tmp_path: Path) -> None:
    with new_store(tmp_path / "b").store as other:
        other_actor, other_case = _case(other, applicant="王秀英")
        foreign = _print(other, other_actor, other_case)
    with new_store(tmp_path / "a").store as store:
        actor, case_id = _case(store)
        pdf = _print(store, actor, case_id)
        code = code_in_pdf(pdf)
        assert code is not None
        at = pdf.index(b"/Title")
        changed = pdf[:at] + b"/Title" + bytes([pdf[at + 6] ^ 1]) + pdf[at + 7:]
        with store.uow() as uow:
            assert verify_pdf(uow, actor, changed).verdict is Verdict.MISMATCH
            assert verify_pdf(uow, actor, changed).verdict.label == "不一致"
            unknown = verify_pdf(uow, actor, foreign)
            assert unknown.verdict is Verdict.UNKNOWN and unknown.verdict.label == "未登记" and not unknown.case_no
            assert verify_code(uow, actor, "AAAA-BBBB-CCCC-DDDD").verdict is Verdict.UNKNOWN
            assert verify_code(uow, actor, "不是核验码").verdict is Verdict.UNKNOWN
            assert verify_pdf(uow, actor, b"%PDF-1.4 nothing here").verdict is Verdict.UNKNOWN
        with store.uow(write=True) as uow:       # someone with the database edits the register: the signature breaks
            for row in uow.s.execute(select(IssuedPaper).where(IssuedPaper.code == code)).scalars():
                row.case_no = "（2026）望婚调字第1号"
        with store.uow() as uow:
            assert verify_code(uow, actor, code).verdict is Verdict.MISMATCH
            assert verify_pdf(uow, actor, pdf).verdict is Verdict.MISMATCH


def test_fulian_verify_cli_says_it_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "store"
    with new_store(root).store as store:
        actor, case_id = _case(store)
        with store.uow() as uow:
            case_no = uow.s.get(Case, case_id).case_no
    monkeypatch.setenv("FULIAN_DATA_DIR", str(root))
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    out = tmp_path / "协议.pdf"
    assert cli.main(["pdf", case_no, "--doc", "agreement", "--for", "party", "-o", str(out)]) == 0
    capsys.readouterr()
    assert cli.main(["verify", str(out)]) == 0
    said = capsys.readouterr().out
    assert "核验结果：一致" in said and case_no in said and "人民调解协议书" in said
    code = code_in_pdf(out.read_bytes())
    assert code is not None
    assert cli.main(["verify", "--code", group_code(code)]) == 0
    assert "核验结果：一致" in capsys.readouterr().out
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x20
    bad = tmp_path / "改过.pdf"
    bad.write_bytes(bytes(data))
    assert cli.main(["verify", str(bad)]) == 2
    assert "核验结果：不一致" in capsys.readouterr().out
    assert cli.main(["verify", "--code", "AAAA-BBBB-CCCC-DDDD"]) == 3
    assert "核验结果：未登记" in capsys.readouterr().out
    assert cli.main(["verify"]) == 1
    assert "二者选一" in capsys.readouterr().err


def test_a_second_marker_in_the_bytes_does_not_replace_the_papers_own_code(tmp_path: Path) -> None:
    """An attached PDF may carry another paper's marker in its objects: the paper's code is its Keywords entry."""
    with new_store(tmp_path / "a").store as store:
        actor, case_id = _case(store)
        pdf = _print(store, actor, case_id)
        code = code_in_pdf(pdf)
        assert code is not None
        smuggled = pdf + b"\n% FULIAN-VERIFY:AAAABBBBCCCCDDDD\n"
        assert code_in_pdf(smuggled) == code
        with store.uow() as uow:
            result = verify_pdf(uow, actor, smuggled)
            assert result.verdict is Verdict.MISMATCH and result.code == code
            assert verify_pdf(uow, actor, b"%PDF-1.7\n" + b"\x00" * 64 + b"FULIAN-VERIFY:AAAABBBBCCCCDDDD").verdict \
                is Verdict.UNKNOWN


def test_batch_printed_case_files_are_registered_and_verify(tmp_path: Path) -> None:
    from fulian_desktop.documents.api import render_batch

    with new_store(tmp_path / "a").store as store:
        actor, case_id = _case(store)
        result = render_batch(lambda: store.uow(write=True), actor, [case_id], DocumentKind.CASE_FILE,
                              tmp_path / "out", workers=1)
        assert len(result.files) == 1
        pdf = result.files[0].read_bytes()
        with store.uow() as uow:
            verdict = verify_pdf(uow, actor, pdf)
        assert verdict.verdict is Verdict.MATCH and verdict.kind == "卷宗"
