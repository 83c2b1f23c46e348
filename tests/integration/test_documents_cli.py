"""`fulian pdf`: the case file by default, a single paper with --doc, a respondent copy with --for."""
from __future__ import annotations

from pathlib import Path

import pytest

from fulian_bench.documents_bench import VICTIM_PHONE, build_full_case
from fulian_desktop import cli
from fulian_desktop.domain.enums import Role
from fulian_desktop.services.accounts import auth
from fulian_desktop.store.models import Case
from tests.integration.test_documents_world import flat, pdftotext
from tests.support.stores import PASSPHRASE, add_user, build_org, new_store


@pytest.fixture
def store_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    root = tmp_path / "store"
    with new_store(root).store as store:
        org = build_org(store)
        add_user(store, "tiaojie", Role.MEDIATOR, org.district, display_name="陈晓燕")
        case_id = build_full_case(store, auth.system_actor(store))
        with store.uow() as uow:
            case_no = uow.s.get(Case, case_id).case_no
    monkeypatch.setenv("FULIAN_DATA_DIR", str(root))
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    return root, case_no


def test_pdf_writes_the_case_file_and_a_respondent_copy(store_root, tmp_path: Path,  # noqa: ANN001
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    _root, case_no = store_root
    out = tmp_path / "卷宗.pdf"
    assert cli.main(["pdf", case_no, "-o", str(out)]) == 0
    assert "已生成" in capsys.readouterr().out
    text = flat(pdftotext(out.read_bytes(), tmp_path))
    assert "卷内目录" in text and VICTIM_PHONE in text
    resp = tmp_path / "resp.pdf"
    assert cli.main(["pdf", case_no, "--doc", "agreement", "--for", "respondent", "-o", str(resp)]) == 0
    text = flat(pdftotext(resp.read_bytes(), tmp_path))
    assert "人民调解协议书" in text and VICTIM_PHONE not in text
    assert cli.main(["pdf", case_no, "--list", "-o", str(tmp_path / "x.pdf")]) == 0
    assert "case_file" in capsys.readouterr().out


def test_pdf_refuses_a_respondent_case_file_and_an_unknown_number(store_root, tmp_path: Path,  # noqa: ANN001
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    _root, case_no = store_root
    assert cli.main(["pdf", case_no, "--for", "respondent", "-o", str(tmp_path / "a.pdf")]) == 1
    assert "不能出具给" in capsys.readouterr().err
    assert cli.main(["pdf", "（2026）望妇信字第999号", "-o", str(tmp_path / "b.pdf")]) == 1
    assert "找不到" in capsys.readouterr().err
    assert not (tmp_path / "a.pdf").exists()
