"""核验文书 in the GUI: a code typed fast (as a USB scanner does) and Enter shows 一致 with the case number; an unknown
code shows 未登记; a changed PDF opened in the dialog shows 不一致; the dialog is reachable from the File menu."""
from __future__ import annotations

from pathlib import Path

import pytest

from fulian_bench.documents_bench import build_full_case
from fulian_desktop.documents.api import DocumentKind, PrintPurpose, Recipient, render
from fulian_desktop.documents.layout import group_code
from fulian_desktop.documents.verify import Verdict, code_in_pdf
from fulian_desktop.domain.enums import Role
from fulian_desktop.services.accounts import auth
from fulian_desktop.store.models import Case
from tests.support.stores import add_user, build_org, first_login, new_store
from ui.documents.verify_dialog import VerifyDialog
from ui.session import AppSession
from ui.tasks import TaskRunner

WAIT = 30_000


@pytest.fixture
def printed(tmp_path: Path):  # noqa: ANN201
    with new_store(tmp_path / "s").store as store:
        org = build_org(store)
        add_user(store, "tiaojie", Role.MEDIATOR, org.district, display_name="陈晓燕")
        case_id = build_full_case(store, auth.system_actor(store))
        actor = first_login(store, "tiaojie")
        with store.uow(write=True) as uow:
            pdf = render(uow, actor, case_id, DocumentKind.AGREEMENT, Recipient.PARTY, purpose=PrintPurpose.PRINT)
            case_no = uow.s.get(Case, case_id).case_no
        yield store, actor, pdf, case_no


def test_a_scanned_code_and_enter_show_the_verdict(qtbot, printed, tmp_path: Path) -> None:  # noqa: ANN001
    store, actor, pdf, case_no = printed
    session = AppSession(store, TaskRunner())
    session.set_actor(actor)
    dialog = VerifyDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    code = code_in_pdf(pdf)
    assert code is not None
    with qtbot.waitSignal(dialog.sig_verified, timeout=WAIT):
        qtbot.keyClicks(dialog.code, f"FULIAN-VERIFY:{code}")     # what the scanner types from the QR
        qtbot.keyClick(dialog.code, "\r")
    assert dialog.result is not None and dialog.result.verdict is Verdict.MATCH
    assert "一致" in dialog.verdict.text() and case_no in dialog.details.text()
    assert "人民调解协议书" in dialog.details.text()
    with qtbot.waitSignal(dialog.sig_verified, timeout=WAIT):     # the next scan replaces the selected code
        qtbot.keyClicks(dialog.code, "AAAA-BBBB-CCCC-DDDD")
        qtbot.keyClick(dialog.code, "\r")
    assert dialog.code.text() == "AAAA-BBBB-CCCC-DDDD"
    assert dialog.result.verdict is Verdict.UNKNOWN and "未登记" in dialog.verdict.text()
    assert case_no not in dialog.details.text()
    changed = tmp_path / "changed.pdf"
    at = pdf.index(b"/Title")
    changed.write_bytes(pdf[:at] + b"/Title" + bytes([pdf[at + 6] ^ 1]) + pdf[at + 7:])
    with qtbot.waitSignal(dialog.sig_verified, timeout=WAIT):
        dialog.check_file(changed)
    assert dialog.result.verdict is Verdict.MISMATCH and "不一致" in dialog.verdict.text()
    assert group_code(code) in dialog.details.text()
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=WAIT)
    session.tasks.wait_idle()


def test_the_file_menu_opens_the_dialog_with_the_cursor_in_the_code_field(qtbot, printed) -> None:  # noqa: ANN001
    from ui.errors import messages
    from ui.main_window import MainWindow

    store, actor, _pdf, _case_no = printed
    messages.auto_answer = True
    session = AppSession(store, TaskRunner())
    session.set_actor(actor)
    window = MainWindow(session, unit_name="望城区")
    qtbot.addWidget(window)
    try:
        file_menu = window.menuBar().actions()[0].menu()
        assert window.verify_action in file_menu.actions()
        window.show()
        window.verify_action.trigger()
        dialog = window.verify_dialog
        assert dialog.isVisible() and dialog.windowTitle() == "核验文书"
        assert dialog.focusWidget() is dialog.code       # a scanner types straight into it
    finally:
        qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=WAIT)
        session.tasks.wait_idle()
        messages.auto_answer = None
