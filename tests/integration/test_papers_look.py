"""Papers as a party, a judge and an archivist read them back (issue 14, layout): fonts embedded on every page of a
case file with merged evidence, evidence whose fonts are missing printed as a picture (never blank), signature lines
left blank with the printed name beside them, the seal on the same page as the text it closes, covers without
running header or page number, the file note's page count spaced as text."""
from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from reportlab.lib.units import mm

from fulian_desktop.documents import layout
from fulian_desktop.documents.api import DocumentKind, render
from fulian_desktop.services.attachments import attachments
from fulian_desktop.store.models import Case
from tests.integration.test_documents_world import (  # noqa: F401 - the fixture
    RARE_NAME, flat, pages_text, pdffonts, pdftotext, world,
)

RECEIPT = "转账凭证：张建国向刘桂兰转账人民币1500元"


def _unembedded_pdf() -> bytes:
    """A receipt set in STSong-Light, which ReportLab never embeds (as the demo's and many scanners' PDFs are),
    plus a line in Helvetica."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(420, 595), invariant=1)
    c.setFont("STSong-Light", 22)
    c.drawString(30, 500, RECEIPT[:11])
    c.setFont("Helvetica-Bold", 40)
    c.drawString(30, 420, "RMB 1500.00")
    c.showPage()
    c.save()
    return buf.getvalue()


def _render(world, kind: DocumentKind) -> bytes:  # noqa: ANN001
    with world.store.uow(write=True) as uow:
        return render(uow, world.mediator, world.case_id, kind)


def _layout_pages(pdf: bytes, tmp: Path) -> list[str]:
    return pdftotext(pdf, tmp, layout=True).split("\f")[:-1]


def _page_images(pdf: bytes, tmp: Path, page: int) -> int:
    path = tmp / "img.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfimages", "-list", "-f", str(page), "-l", str(page), str(path)], check=True,
                         capture_output=True).stdout.decode()
    return len(out.splitlines()[2:])


def _ink(pdf: bytes, page: int) -> float:
    """The share of dark pixels in the middle of a page, rendered as a viewer would."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    image = doc[page - 1].render(scale=0.5).to_pil().convert("L")
    w, h = image.size
    box = image.crop((w // 6, h // 6, w * 5 // 6, h * 5 // 6))
    dark = sum(1 for v in box.tobytes() if v < 128)
    doc.close()
    return dark / (box.size[0] * box.size[1])


def test_evidence_without_embedded_fonts_prints_as_a_picture_and_every_font_is_embedded(world,  # noqa: ANN001
                                                                                        tmp_path: Path) -> None:
    with world.store.uow(write=True) as uow:
        attachments.attach(uow, world.mediator, world.case_id, io.BytesIO(_unembedded_pdf()),
                           doc_type="performance_proof", filename="转账凭证.pdf", description="被申请人支付抚养费的转账凭证")
    pdf = _render(world, DocumentKind.CASE_FILE)
    assert pdf == _render(world, DocumentKind.CASE_FILE), "the same data must still give the same bytes"
    fonts = pdffonts(pdf, tmp_path)
    assert fonts, "no fonts listed"
    for row in fonts:
        name, emb = row[0], row[-5]
        assert emb == "yes", f"font not embedded: {row}"
        assert "STSong" not in name and "Helvetica" not in name, row
    pages = [flat(p) for p in pages_text(pdf, tmp_path)]
    page = next(n for n, p in enumerate(pages, 1) if "转账凭证.pdf（第1页，共1页）" in p)
    assert _page_images(pdf, tmp_path, page) == 1, "the receipt's page is placed as a picture"
    assert _ink(pdf, page) > 0.005, "the receipt's page prints something, not an empty box"
    # each page's own fonts, too (pdffonts -f/-l reads one page's resources)
    path = tmp_path / "whole.pdf"
    path.write_bytes(pdf)
    for n in range(1, len(pages) + 1):
        out = subprocess.run(["pdffonts", "-f", str(n), "-l", str(n), str(path)], check=True,
                             capture_output=True).stdout.decode()
        for line in out.splitlines()[2:]:
            assert re.split(r"\s+", line.strip())[-5] == "yes", (n, line)


def test_cover_and_back_cover_have_no_header_or_page_number_and_the_note_counts_pages(world,  # noqa: ANN001
                                                                                     tmp_path: Path) -> None:
    pdf = _render(world, DocumentKind.CASE_FILE)
    pages = [flat(p) for p in pages_text(pdf, tmp_path)]
    with world.store.uow() as uow:
        case_no = uow.s.get(Case, world.case_id).case_no
    for bare in (pages[0], pages[-1]):
        assert "案号：" not in bare and not re.search(r"第\d+页共\d+页", bare), bare
    assert "封底" not in pages[-1] and "保管期限" in pages[-1]
    assert f"第2页共{len(pages)}页" in pages[1] and flat(f"案号：{case_no}") in pages[1]
    note = _layout_pages(pdf, tmp_path)[-2]
    assert re.search(rf"共 {len(pages)} 页（含封面", note), note


def _signature_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "（签名" in line]


def test_signature_lines_are_blank_with_the_printed_name_beside_them(world, tmp_path: Path) -> None:  # noqa: ANN001
    for kind in (DocumentKind.RIGHTS_NOTICE, DocumentKind.MEDIATION_RECORD):
        text = pdftotext(_render(world, kind), tmp_path, layout=True)
        lines = _signature_lines(text)
        assert lines, kind
        for line in lines:
            # the label, then a blank stretch (the line to sign), then at most the printed name in brackets
            after = line.split("）：", 1)[1] if "）：" in line else ""
            assert re.match(r"^\s{6,}(（[^（）]+）)?\s*$", after) or not after.strip(), (kind, line)
        assert any(flat(f"（{RARE_NAME}）") in flat(line) for line in lines), (kind, lines)
        assert not any(re.search(r"）：\s{0,3}" + RARE_NAME[0], line) for line in lines), kind


def test_the_seal_stands_on_the_page_of_the_text_it_closes(world, tmp_path: Path) -> None:  # noqa: ANN001
    closing = {DocumentKind.ACCEPTANCE_NOTICE: ("特此告知", "（盖章）"),
               DocumentKind.RIGHTS_NOTICE: ("以上内容我已阅知", "（盖章）"),
               DocumentKind.AGREEMENT: ("本协议一式", "人民调解员（签名）"),
               DocumentKind.REFERRAL_LETTER: ("", "（盖章）")}
    for kind, (text, seal) in closing.items():
        pages = [flat(p) for p in pages_text(_render(world, kind), tmp_path)]
        where = [n for n, p in enumerate(pages) if flat(seal) in p]
        assert where, (kind, seal)
        page = pages[where[-1]]
        if text:
            assert text in page, f"{kind}: the seal block is not on the page of “{text}”"
        # never alone at the top: something other than the block itself precedes it on its page
        body = page.split(flat(seal))[0]
        body = re.sub(r"^.*?案号：[^第]*?号", "", body)
        assert len(body) > 20, (kind, page[:200])


def test_letters_follow_gb_t_9704() -> None:
    assert round(layout.BODY_W / mm) == 156 and round(layout.BODY_H / mm) == 225
    assert round(layout.LEFT / mm) == 28 and round(layout.TOP / mm) == 37
    with layout.sheet(layout.LETTER):
        body, title = layout.style("prose"), layout.style("title")
    assert 28 * body.fontSize <= layout.BODY_W < 29 * body.fontSize, "28 characters a line"
    assert 22 * body.leading <= layout.BODY_H < 23 * body.leading, "22 lines a page"
    assert title.fontSize == 22 and title.fontName.endswith("Bold")
    with layout.sheet(layout.FORM):
        assert layout.style("prose").fontSize < body.fontSize


def test_quotation_marks_are_full_width() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from fulian_desktop.documents.fonts import REGULAR, register_fonts
    register_fonts()
    for ch in "“”‘’":
        assert stringWidth(ch, REGULAR, 10) == stringWidth("中", REGULAR, 10), ch


def _drawing_pdf(strokes: int, size: tuple[float, float] = (595, 842)) -> bytes:
    """One page of many short strokes (no text): heavy to print, cheap to store. Its only font is embedded
    (ReportLab otherwise declares an unembedded Helvetica on the page, which alone sends it to be a picture)."""
    from reportlab.pdfgen.canvas import Canvas

    from fulian_desktop.documents.fonts import register_fonts
    regular, _bold = register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=size, invariant=1, initialFontName=regular)
    path = c.beginPath()
    for n in range(strokes):
        x, y = 50 + n % 400, 100 + (n // 400) % 600
        path.moveTo(x, y)
        path.lineTo(x + 1, y + 1)
    c.drawPath(path)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_heavy_page_is_printed_as_a_picture_and_a_huge_page_stays_small() -> None:
    from PIL import Image

    from fulian_desktop.documents.evidence_pdf import (
        HEAVY_PAGE_CONTENT, MAX_PICTURE_PIXELS, check_pdf, page_picture,
    )
    light = _drawing_pdf(1000)
    assert check_pdf(light).pictures == frozenset()
    heavy = _drawing_pdf(HEAVY_PAGE_CONTENT // 10)     # about 20 bytes a stroke: twice the limit
    assert check_pdf(heavy).pictures == frozenset({0})
    poster = _drawing_pdf(1000, size=(14000, 14000))     # 5 m square: at 150 dpi it would be 850 million pixels
    picture = Image.open(io.BytesIO(page_picture(poster, 0)))
    assert picture.size[0] * picture.size[1] <= MAX_PICTURE_PIXELS
