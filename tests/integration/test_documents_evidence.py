"""PDF evidence appended to the case file: its pages follow its entry, counted in "第 X 页 共 Y 页" and in the
contents, stamped with the case number; sensitive ones only for those with the right; bytes still reproducible."""
from __future__ import annotations

import io
import re
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from fulian_desktop.documents.api import DocumentKind, render
from fulian_desktop.services.attachments import attachments
from fulian_desktop.store.models import AuditEntry, Case
from tests.integration.test_documents_world import flat, pages_text, world  # noqa: F401 - the fixture

MARKER = "WARNING-LETTER-MARKER-4711"
SECRET_MARKER = "MEDICAL-REPORT-MARKER-0815"


def _pdf(marker: str, pages: int, landscape: bool = False) -> bytes:
    """Pages whose font is embedded (a PDF that uses a font it does not carry is printed as a picture:
    tests/integration/test_papers_look.py)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from fulian_desktop.documents.fonts import FONT_DIR
    if "EvidenceSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("EvidenceSerif", str(FONT_DIR / "FulianSong-Regular.ttf")))
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(842, 595) if landscape else (595, 842), invariant=1, initialFontName="EvidenceSerif")
    for n in range(1, pages + 1):
        c.setFont("EvidenceSerif", 20)
        c.drawString(60, 500, f"{marker} page {n} of {pages}")
        c.rect(30, 30, 500, 400)
        c.showPage()
    c.save()
    return buf.getvalue()


def _case_file(world, actor=None) -> bytes:  # noqa: ANN001
    with world.store.uow(write=True) as uow:
        return render(uow, actor or world.mediator, world.case_id, DocumentKind.CASE_FILE)


def _attach(world, data: bytes, doc_type: str, name: str, description: str) -> None:  # noqa: ANN001
    with world.store.uow(write=True) as uow:
        attachments.attach(uow, world.mediator, world.case_id, io.BytesIO(data), doc_type=doc_type, filename=name,
                           description=description)


def test_a_pdf_attachment_is_appended_after_its_entry_numbered_and_in_the_contents(world,  # noqa: ANN001
                                                                                   tmp_path: Path) -> None:
    before = pages_text(_case_file(world), tmp_path)
    _attach(world, _pdf(MARKER, 2), "police_warning", "告诫书.pdf", "高塘岭派出所出具的家庭暴力告诫书")
    pdf = _case_file(world)
    assert pdf == _case_file(world), "the same data must still give the same bytes"
    pages = [flat(p) for p in pages_text(pdf, tmp_path)]
    assert len(pages) == len(before) + 2
    with world.store.uow() as uow:
        case_no = uow.s.get(Case, world.case_id).case_no
    appended = [n for n, p in enumerate(pages, 1) if MARKER in p]
    assert len(appended) == 2 and appended[1] == appended[0] + 1
    evidence = next(n for n, p in enumerate(pages, 1) if n > 2 and "证据材料目录" in p[:60])
    assert appended[0] == evidence + 1, "the attachment follows the evidence list"
    for n in appended:
        assert f"{MARKER}page{n - appended[0] + 1}of2" in pages[n - 1]
        assert f"第{n}页共{len(pages)}页" in pages[n - 1] and flat(f"案号：{case_no}") in pages[n - 1]
    assert "告诫书.pdf" in pages[evidence - 1] and "附后（2页）" in pages[evidence - 1]
    contents = pages[1]
    assert f"附件1：告诫书.pdf{appended[0]}-{appended[1]}" in contents, contents
    mediation = next(n for n, p in enumerate(pages, 1) if n > 2 and "调解记录" in p[:60])
    assert mediation == appended[1] + 1 and re.search(rf"调解记录{mediation}(-\d+)?", contents)
    assert f"共{len(pages)}页（含封面" in pages[-2]
    with world.store.uow() as uow:   # reading the attachment for the print was audited
        entry = uow.s.execute(select(AuditEntry).where(AuditEntry.entity == "attachment")
                              .order_by(AuditEntry.seq.desc()).limit(1)).scalar_one()
        assert entry.detail["purpose"] == "case_file"


def test_a_sensitive_pdf_prints_only_for_those_who_may_see_it(world, tmp_path: Path) -> None:  # noqa: ANN001
    base = len(pages_text(_case_file(world), tmp_path))
    _attach(world, _pdf(SECRET_MARKER, 1), "medical", "病历.pdf", "区人民医院门诊病历")
    mediator = flat("".join(pages_text(_case_file(world), tmp_path)))
    assert SECRET_MARKER not in mediator and "病历.pdf" not in mediator and "区人民医院" not in mediator
    assert "（敏感材料，未打印）" in mediator
    assert len(pages_text(_case_file(world), tmp_path)) == base
    counsellor = [flat(p) for p in pages_text(_case_file(world, world.counsellor), tmp_path)]
    assert len(counsellor) == base + 1
    assert any(SECRET_MARKER in p for p in counsellor) and "附件" in "".join(counsellor)


def test_a_landscape_or_unreadable_pdf_does_not_break_the_file(world, tmp_path: Path) -> None:  # noqa: ANN001
    base = len(pages_text(_case_file(world), tmp_path))
    _attach(world, _pdf("LANDSCAPE-SCAN-MARKER", 1, landscape=True), "scan", "扫描件.pdf", "横向扫描")
    _attach(world, b"%PDF-1.4\n" + b"broken" * 50, "other", "损坏.pdf", "无法打开的文件")
    pages = [flat(p) for p in pages_text(_case_file(world), tmp_path)]
    assert len(pages) == base + 1
    assert any("LANDSCAPE-SCAN-MARKER" in p for p in pages)
    assert "（无法读取，未打印）" in "".join(pages)
