"""Printing from the GUI on a real encrypted store: the preview shows the PDF (QtPdf), save-as writes it, printing
paints its pages on a printer, batch printing writes one PDF per case and cancelling stops it; every step is audited."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from fulian_desktop.documents.api import DocumentKind
from fulian_desktop.store.models import AuditEntry, Case
from tests.support.stats_world import StatsWorld, build_stats_world
from ui.documents.batch_print import BatchPrintDialog
from ui.documents.document_preview import DocumentPreviewDialog
from ui.errors import messages
from ui.cases.case_list import CaseListPage
from ui.session import AppSession
from ui.tasks import TaskRunner

WAIT = 60_000


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> StatsWorld:  # noqa: ANN001
    w = build_stats_world(Path(tmp_path_factory.mktemp("print")) / "s")
    yield w
    w.store.close()


@pytest.fixture
def session(qtbot, world: StatsWorld):  # noqa: ANN001, ANN201
    messages.auto_answer = True
    messages.recorded.clear()
    session = AppSession(world.store, TaskRunner())
    session.set_actor(world.sup)
    yield session
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=WAIT)
    session.tasks.wait_idle()
    messages.auto_answer = None


def _audits(world: StatsWorld, action: str) -> int:
    with world.store.uow() as uow:
        return uow.s.execute(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "document", AuditEntry.action == action)).scalar_one()


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(ln for ln in info.splitlines() if ln.startswith("Pages:")).split()[1])


@pytest.fixture
def preview(qtbot, session: AppSession, world: StatsWorld) -> DocumentPreviewDialog:  # noqa: ANN001
    dialog = DocumentPreviewDialog(session, world.case_ids["M1"], "M1")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=WAIT)
    return dialog


def test_preview_shows_the_case_file_and_save_as_writes_it(qtbot, preview: DocumentPreviewDialog,  # noqa: ANN001
                                                           world: StatsWorld, tmp_path: Path) -> None:
    kinds = [preview.kind.itemData(i) for i in range(preview.kind.count())]
    assert DocumentKind.CASE_FILE.value in kinds
    assert preview.view.document() is preview.document and preview.print_button.isEnabled()
    pages = preview.document.pageCount()
    assert "共 {pages} 页".format(pages=pages) in preview.status.text()
    before = _audits(world, "export")
    out = tmp_path / "卷宗.pdf"
    with qtbot.waitSignal(preview.sig_saved, timeout=WAIT):
        preview.save_to(str(out))
    assert out.read_bytes() == preview.data  # the saved file is the previewed document, byte for byte
    assert _pages(out) == pages and _audits(world, "export") == before + 1


def test_switching_the_paper_renders_it_again(qtbot, preview: DocumentPreviewDialog) -> None:  # noqa: ANN001
    first = preview.data
    other = next(i for i in range(preview.kind.count()) if preview.kind.itemData(i) != preview.kind.currentData())
    with qtbot.waitSignal(preview.sig_rendered, timeout=WAIT):
        preview.kind.setCurrentIndex(other)
    assert preview.data != first and preview.document.pageCount() > 0


def test_printing_paints_every_page_and_is_audited_as_a_print(qtbot, preview: DocumentPreviewDialog,  # noqa: ANN001
                                                             world: StatsWorld, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    before = _audits(world, "print")
    with qtbot.waitSignal(preview.sig_printed, timeout=WAIT) as printed:
        preview.print_with(printer)
    assert printed.args[0] == preview.document.pageCount() == _pages(out)
    assert _audits(world, "print") == before + 1


def _case_ids(world: StatsWorld) -> list[str]:
    with world.store.uow() as uow:
        return list(uow.s.execute(select(Case.id).order_by(Case.case_no)).scalars())


def test_batch_print_writes_one_pdf_per_case(qtbot, session: AppSession, world: StatsWorld, tmp_path: Path) -> None:  # noqa: ANN001
    ids = _case_ids(world)[:4]
    dialog = BatchPrintDialog(session, ids)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.sig_finished, timeout=WAIT) as finished:
        dialog.start_button.click()
    result = finished.args[0]
    assert not result.cancelled and len(result.files) == 4 and not result.failures
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in result.files)
    assert all(p.read_bytes().startswith(b"%PDF") for p in result.files)
    assert dialog.progress.value() == 4 and "完成" in dialog.status.text()


def test_batch_print_to_a_printer_prints_every_page_as_one_job(qtbot, session: AppSession, world: StatsWorld,  # noqa: ANN001
                                                               tmp_path: Path) -> None:
    ids = _case_ids(world)[:3]
    dialog = BatchPrintDialog(session, ids)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "files"))
    dialog.to_printer.setChecked(True)
    dialog.printer = QPrinter(QPrinter.HighResolution)   # as if chosen in the print dialog
    dialog.printer.setOutputFormat(QPrinter.PdfFormat)
    dialog.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    before = _audits(world, "print")
    with qtbot.waitSignal(dialog.sig_finished, timeout=WAIT) as finished:
        dialog.start_button.click()
    result = finished.args[0]
    assert len(result.files) == 3
    assert dialog.pages_printed == sum(_pages(p) for p in result.files) == _pages(tmp_path / "printed.pdf")
    assert _audits(world, "print") == before + 3 and "已送打印机" in dialog.status.text()


def test_cancelling_a_batch_stops_it(qtbot, session: AppSession, world: StatsWorld, tmp_path: Path) -> None:  # noqa: ANN001
    ids = _case_ids(world) * 5   # enough work that it is still running when cancelled
    dialog = BatchPrintDialog(session, ids)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "cancelled"))
    with qtbot.waitSignal(dialog.sig_finished, timeout=WAIT) as finished:
        dialog.start_button.click()
        dialog.cancel_button.click()
    result = finished.args[0]
    assert result.cancelled and len(result.files) < len(ids)
    assert "已取消" in dialog.status.text()


def test_the_case_list_offers_batch_print_of_its_cases(qtbot, session: AppSession, world: StatsWorld) -> None:  # noqa: ANN001
    page = CaseListPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text().startswith("共"), timeout=WAIT)
    button = page.findChild(QPushButton, "case_list_batch_print")
    assert button.isVisible()
    button.click()
    assert isinstance(page.batch_dialog, BatchPrintDialog)
    assert sorted(page.batch_dialog.case_ids) == sorted(_case_ids(world))
    page.batch_dialog.reject()
