"""The 证据材料 tab on a real encrypted store: files dropped on the case view are added through the type dialog and
previewed (an image fitted to the window, a PDF page by page); other types open as a temp copy that is gone once
the case is closed; a mediator sees a medical report listed but cannot open it; a file over the limit is refused.

Screenshots of the tab and the previews go to $FULIAN_SHOTS (default: the test's tmp folder)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor, QDragEnterEvent, QDropEvent, QFont, QImage, QImageIOHandler, QImageWriter, QPainter,
)
from PySide6.QtWidgets import QApplication

from fulian_desktop.domain.attachments import AttachmentType
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.attachments import attachments
from fulian_desktop.services.cases import cases
from fulian_desktop.store.models import AuditEntry
from tests.support.evidence_files import pdf_bytes
from tests.support.qt_input import type_chinese
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.cases.case_view import CaseViewPage
from ui.session import AppSession
from ui.tasks import TaskRunner
from ui.attachments.evidence_tab import EvidenceTab

WAIT = 15_000


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="周调解")
    actor = first_login(store, "med")
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, actor, cases.NewCase(title="王秀兰家庭暴力求助", kind=CaseKind.CRISIS)).row.id
        cases.add_party(uow, actor, case_id, PersonInput(name="王秀兰", sex="female"), PartyRole.VICTIM)
    yield store, actor, case_id, tmp_path
    store.close()


@pytest.fixture(autouse=True)
def answered_messages():  # noqa: ANN201
    messages.auto_answer = True
    messages.recorded.clear()
    yield messages
    messages.auto_answer = None
    messages.recorded.clear()


def open_page(qtbot, world, *, owned_by_test: bool = True) -> CaseViewPage:  # noqa: ANN001
    store, actor, case_id, _tmp = world
    session = AppSession(store, TaskRunner())
    session.set_actor(actor)
    view = CaseViewPage(session, case_id)
    if owned_by_test:
        qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=WAIT)
    return view


@pytest.fixture
def page(qtbot, world):  # noqa: ANN001, ANN201
    view = open_page(qtbot, world)
    tasks = view.session.tasks
    yield view
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=WAIT)
    tasks.wait_idle()


def shots_dir(tmp: Path) -> Path:
    folder = Path(os.environ.get("FULIAN_SHOTS") or tmp / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def photo(path: Path) -> Path:
    """A real JPEG: a drawn 'injury photo' with a caption."""
    image = QImage(1600, 1200, QImage.Format_RGB32)
    image.fill(QColor("#d9c3b0"))
    painter = QPainter(image)
    painter.setBrush(QColor("#6b3f69"))
    painter.drawEllipse(600, 400, 420, 260)
    painter.setFont(QFont("Noto Sans CJK SC", 48))
    painter.drawText(80, 140, "2026-03-02 左臂")
    painter.end()
    writer = QImageWriter(str(path), b"jpeg")
    writer.setTransformation(QImageIOHandler.TransformationRotate90)   # as a phone held upright stores it
    assert writer.write(image)
    return path


def drop(qtbot, target, paths: list[Path]) -> None:  # noqa: ANN001
    """Drag files from a file manager onto `target`: a drag-enter it must accept, then the drop."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPoint(target.width() // 2, target.height() // 2)
    enter = QDragEnterEvent(where, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(where), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(target, event)
    assert event.isAccepted()


def add_dropped(qtbot, page: CaseViewPage, paths: list[Path], kind: AttachmentType, note: str) -> EvidenceTab:  # noqa: ANN001
    tab = page.evidence
    drop(qtbot, page, paths)
    assert page.tabs.currentWidget() is tab
    dialog = tab.add_dialog
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=WAIT)
    dialog.set_type(kind)
    type_chinese(dialog.text, note)
    if os.environ.get("FULIAN_SHOTS"):
        dialog.grab().save(str(shots_dir(Path()) / f"evidence_add_{kind.value}.png"))
    before = len(tab.views)
    with qtbot.waitSignal(tab.sig_added, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(tab.views) == before + len(paths), timeout=WAIT)
    return tab


def preview_row(qtbot, tab: EvidenceTab, row: int):  # noqa: ANN001, ANN201
    tab.table.selectRow(row)
    with qtbot.waitSignal(tab.sig_preview, timeout=WAIT) as shown:
        qtbot.mouseClick(tab.preview_button, Qt.LeftButton)
    dialog = shown.args[0]   # a child of the tab, deleted when closed
    qtbot.waitExposed(dialog)
    return dialog


def test_drop_a_photo_on_the_case_view_then_preview_it(qtbot, page, world) -> None:  # noqa: ANN001
    store, _actor, case_id, tmp = world
    shots = shots_dir(tmp)
    tab = add_dropped(qtbot, page, [photo(tmp / "伤情照片.jpg")], AttachmentType.EVIDENCE, "左臂淤青，当日拍摄")
    cells = [tab.table.item(0, c).text() for c in range(tab.table.columnCount())]
    assert cells[:5] == ["证据材料", "左臂淤青，当日拍摄", "伤情照片.jpg", cells[3], "周调解"]
    assert cells[3].endswith("KB")
    qtbot.waitUntil(lambda: any("添加证据材料：伤情照片.jpg" in e.summary for e in page.detail.events),
                    timeout=WAIT)                                       # the timeline refreshed
    assert tab.grab().save(str(shots / "evidence_tab.png"))

    dialog = preview_row(qtbot, tab, 0)
    assert dialog.kind == "image" and dialog.image_view is not None
    pixmap = dialog.image_view.label.pixmap()
    viewport = dialog.image_view.viewport().size()
    assert not pixmap.isNull() and pixmap.width() <= viewport.width() and pixmap.height() <= viewport.height()
    qtbot.mouseClick(dialog.findChild(type(tab.preview_button), "preview_actual"), Qt.LeftButton)
    assert dialog.image_view.image.size().toTuple() == (1200, 1600)      # turned upright by its EXIF tag
    assert dialog.image_view.label.pixmap().width() == 1200               # 原始大小: the photo's own pixels
    qtbot.mouseClick(dialog.findChild(type(tab.preview_button), "preview_fit"), Qt.LeftButton)
    assert dialog.image_view.label.pixmap().width() <= viewport.width()
    assert dialog.grab().save(str(shots / "evidence_preview_image.png"))
    with store.uow() as uow:
        viewed = uow.s.query(AuditEntry).filter_by(entity="attachment", action="view", case_id=case_id).count()
    assert viewed == 1
    actor = page.session.actor
    page.session.set_actor(None)                                         # locking closes the preview
    qtbot.waitUntil(lambda: tab.preview_dialog is None or not shiboken6.isValid(tab.preview_dialog)
                    or not tab.preview_dialog.isVisible(), timeout=WAIT)
    page.session.set_actor(actor)


def test_a_dropped_pdf_is_previewed_page_by_page(qtbot, page, world) -> None:  # noqa: ANN001
    _store, _actor, _case, tmp = world
    letter = tmp / "告诫书.pdf"
    letter.write_bytes(pdf_bytes())
    tab = add_dropped(qtbot, page, [letter], AttachmentType.POLICE_WARNING, "望城区公安分局出具")
    dialog = preview_row(qtbot, tab, 0)
    assert dialog.kind == "pdf" and dialog.pdf.pageCount() == 1 and dialog.pdf_view is not None
    page_image = dialog.pdf.render(0, dialog.pdf.pagePointSize(0).toSize())   # the marker text is drawn
    assert any(page_image.pixelColor(x, y).lightness() < 128 for x in range(60, 400, 2) for y in range(55, 85))
    qtbot.wait(400)   # QPdfView renders pages in the background
    assert dialog.grab().save(str(shots_dir(tmp) / "evidence_preview_pdf.png"))
    dialog.close()


def test_other_types_open_a_temp_copy_that_goes_with_the_case(qtbot, world) -> None:  # noqa: ANN001
    _store, _actor, _case, tmp = world
    page = open_page(qtbot, world, owned_by_test=False)   # closed and deleted below, as the main window does
    tasks = page.session.tasks
    note = tmp / "来信.txt"
    note.write_text("王秀兰来信：请求帮助", encoding="utf-8")
    tab = add_dropped(qtbot, page, [note], AttachmentType.LETTER, "本人手写来信的录入稿")
    opened: list[QUrl] = []
    tab.open_url = lambda url: opened.append(url) or True
    tab.table.selectRow(0)
    assert tab.preview_button.text() == "用系统程序打开"
    qtbot.mouseClick(tab.preview_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    assert messages.recorded[-1][0] == "用系统程序打开"                    # warned first
    copy = Path(opened[0].toLocalFile())
    assert copy.read_text(encoding="utf-8") == "王秀兰来信：请求帮助" and copy.name == "来信.txt"
    actor = page.session.actor
    page.session.set_actor(None)                                         # locking removes it at once
    assert not copy.parent.exists()
    page.session.set_actor(actor)
    qtbot.mouseClick(tab.preview_button, Qt.LeftButton)                 # open again, then close the case
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=WAIT)
    copy = Path(opened[1].toLocalFile())
    assert copy.exists()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=WAIT)
    page.close()
    page.deleteLater()
    qtbot.waitUntil(lambda: not copy.parent.exists(), timeout=WAIT)


def test_sensitive_rows_and_the_size_limit(qtbot, page, world) -> None:  # noqa: ANN001
    store, actor, case_id, tmp = world
    with store.uow(write=True) as uow:
        attachments.attach(uow, actor, case_id, _write(tmp / "诊断.pdf"),
                           doc_type=AttachmentType.MEDICAL, description="骨折诊断")
    tab = page.evidence
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: len(tab.views) == 1, timeout=WAIT)
    tab.table.selectRow(0)
    assert tab.table.item(0, 0).text() == "医疗记录（敏感）" and tab.table.item(0, 2).text() == "（敏感材料）"
    assert "骨折" not in tab.table.item(0, 1).text()
    assert not tab.preview_button.isEnabled() and not tab.remove_button.isEnabled()
    assert page.grab().save(str(shots_dir(tmp) / "evidence_case_view_mediator.png"))

    big = tmp / "录像.mp4"
    with big.open("wb") as f:
        f.truncate(60 * 1024 * 1024)
    messages.recorded.clear()
    drop(qtbot, page, [big])                      # refused at once: no type dialog, nothing stored
    assert tab.add_dialog is None and len(tab.views) == 1
    assert any("60.0 MB，超过了每个文件 50 MB 的上限" in text for _title, text in messages.recorded)

    # Had the limit not been known yet, the service refuses the same way after the dialog.
    tab.limit_mb = None
    messages.recorded.clear()
    add_dropped_refused(qtbot, page, big)
    assert len(tab.views) == 1
    assert any("超过了每个文件 50 MB 的上限" in text for _title, text in messages.recorded)


def _write(path: Path) -> Path:
    path.write_bytes(pdf_bytes())
    return path


def add_dropped_refused(qtbot, page: CaseViewPage, path: Path) -> EvidenceTab:  # noqa: ANN001
    tab = page.evidence
    drop(qtbot, page, [path])
    dialog = tab.add_dialog
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=WAIT)
    with qtbot.waitSignal(tab.sig_loaded, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    return tab
