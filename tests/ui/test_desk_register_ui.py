"""The paper register at the desk (setting 本处登记簿), with pytest-qt on a real encrypted store: after a save the
day's register line is previewed and printed with Enter (after the receipt when there is one), and the footer's
当日登记簿 prints every line of the day; the printer is a PDF file here, read back with pdftotext."""
from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import Role
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.services.accounts import auth, settings
from tests.support.qt_input import type_chinese
from tests.support.stores import NEW_PASSWORD, VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.intake.intake_form import IntakeFormPage
from ui.intake.receipt_dialog import ReceiptDialog
from ui.intake.register_dialog import DayRegisterDialog, RegisterLineDialog
from ui.session import AppSession
from ui.tasks import TaskRunner

TIMEOUT = 20_000
NOW = datetime(2026, 12, 7, 10, 30, tzinfo=LOCAL_TZ)
LATER = datetime(2026, 12, 7, 10, 45, tzinfo=LOCAL_TZ)


@pytest.fixture
def page(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[IntakeFormPage]:  # noqa: ANN001
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(messages, "auto_answer", True)
    monkeypatch.setattr(messages, "recorded", [])
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "rec", Role.RECEPTION, org.units[VILLAGE_A1], display_name="赵接待")
    first_login(store, "rec")
    with store.uow(write=True) as uow:
        settings.put(uow, auth.system_actor(store), "paper_register", True)
    with clock.frozen_at(NOW):
        session = AppSession(store, TaskRunner())
        session.set_actor(auth.login(store, "rec", NEW_PASSWORD))
        page = IntakeFormPage(session)
        qtbot.addWidget(page)
        page.resize(1400, 960)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is page.ed.name, timeout=TIMEOUT)
        page.printed = []   # the PDF files the desk's printer wrote, in order

        def pdf_printer() -> QPrinter:
            printer = QPrinter(QPrinter.HighResolution)
            printer.setOutputFormat(QPrinter.PdfFormat)
            path = tmp_path / f"printed{len(page.printed)}.pdf"
            printer.setOutputFileName(str(path))
            page.printed.append(path)
            return printer

        page.printer_factory = pdf_printer
        yield page
        qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=TIMEOUT)
    store.close()


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _save(qtbot, page: IntakeFormPage, name: str, decision: str):  # noqa: ANN001, ANN202
    ed = page.ed
    type_chinese(ed.name, name)
    type_chinese(ed.request, "婆媳矛盾，要求调解")
    ed.category.setCurrentIndex(ed.category.findData("婚姻家庭"))
    ed.decision.setCurrentIndex(ed.decision.findData(decision))
    qtbot.waitUntil(page.save_button.isEnabled, timeout=TIMEOUT)
    with qtbot.waitSignal(page.sig_saved, timeout=TIMEOUT) as saved:
        page.save()
    return saved.args[0]


def _print_with_enter(qtbot, page: IntakeFormPage, kind: type) -> str:  # noqa: ANN001
    """The previewed paper's text (read back from the PDF shown), once Enter has printed it (one page)."""
    qtbot.waitUntil(lambda: isinstance(page.after_save_dialog, kind), timeout=TIMEOUT)
    dialog = page.after_save_dialog
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled() and dialog.print_button.hasFocus(), timeout=TIMEOUT)
    text = " ".join(dialog.document.getAllText(0).text().split())
    with qtbot.waitSignal(dialog.sig_printed, timeout=TIMEOUT):
        QTest.keyClick(dialog.print_button, Qt.Key_Return)
    assert _pages(page.printed[-1]) == 1
    return text


def test_each_save_prints_its_register_line_and_the_day_prints_whole(qtbot, page: IntakeFormPage) -> None:  # noqa: ANN001
    # 当场答复: no case, no receipt, straight to the register line.
    _save(qtbot, page, "王小红", "answered")
    first = _print_with_enter(qtbot, page, RegisterLineDialog)
    assert "郭亮村 来访登记簿 2026年12月7日" in first
    assert "1 10:30 — 王小红 婚姻家庭 当场答复" in first, first
    qtbot.waitUntil(lambda: page.after_save_dialog is None, timeout=TIMEOUT)

    # 受理: the receipt first (not printed this time), then the line, numbered 2, with its case number.
    with clock.frozen_at(LATER):   # the form says 10:30 (its 接待时间, as the visitor arrived); saved later
        view = _save(qtbot, page, "刘桂兰", "accept")
    qtbot.waitUntil(lambda: isinstance(page.after_save_dialog, ReceiptDialog), timeout=TIMEOUT)
    receipt = page.after_save_dialog
    qtbot.waitUntil(receipt.print_button.isEnabled, timeout=TIMEOUT)
    receipt.reject()
    second = _print_with_enter(qtbot, page, RegisterLineDialog)
    assert f"2 10:30 {view.case_no} 刘桂兰 婚姻家庭 受理" in second, second
    assert "王小红" not in second
    qtbot.waitUntil(lambda: page.after_save_dialog is None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.ed.name, timeout=TIMEOUT)   # the next visitor

    # 当日登记簿 from the footer: both lines.
    qtbot.mouseClick(page.day_register_button, Qt.LeftButton)
    day = _print_with_enter(qtbot, page, DayRegisterDialog)
    assert "郭亮村 2026年12月7日 共 2 条" in day
    assert "1 10:30 — 王小红" in day and f"2 10:30 {view.case_no} 刘桂兰" in day, day
