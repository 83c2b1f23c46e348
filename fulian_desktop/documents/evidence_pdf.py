"""Evidence printed inside the case file: after the evidence list, each image and each PDF attachment in the
list's order, numbered as in the list (附件 n).

A PDF attachment is laid out as blank pages carrying the file's header and footer, one per page of the PDF, so
the page total and the contents' page numbers count them like any other page; once the file is built, each
attachment page is scaled into the body of its blank page (pypdf), under the unit's name, the case number and
"第 X 页 共 Y 页". The result is written with a fixed document id, so the same data still gives the same bytes.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, PageBreak, Spacer

from .data import AttachmentData, CaseData
from .layout import BODY_W, Anchor, para

IMAGE_TYPES = ("image/jpeg", "image/png")
PDF_TYPE = "application/pdf"
MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PDF_PAGES = 200               # a longer PDF is listed, not printed (it would bury the file)
NOT_PRINTED_SENSITIVE = "（敏感材料，未打印）"


def listed(d: CaseData) -> list[AttachmentData]:
    """The attachments in the evidence list's order (DOMAIN.md: by type, then as received)."""
    from .case_file import rank
    return sorted(d.attachments, key=lambda a: (rank(a), a.added_at, a.sha256))


def printable_images(d: CaseData) -> list[AttachmentData]:
    """Image attachments printed as pages of the file (sensitive ones only for those who may see them)."""
    return [a for a in listed(d) if a.media_type in IMAGE_TYPES and a.viewable and a.size <= MAX_IMAGE_BYTES]


def printable_pdfs(d: CaseData) -> list[AttachmentData]:
    """PDF attachments whose pages are appended (sensitive ones only for those who may see them)."""
    return [a for a in listed(d) if a.media_type == PDF_TYPE and a.viewable and a.size <= MAX_PDF_BYTES]


def page_count(data: bytes) -> int:
    """Pages of an attached PDF, 0 when it cannot be printed (damaged, password-protected, too long)."""
    from pypdf import PdfReader
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return 0
        count = len(reader.pages)
    except Exception:  # noqa: BLE001 - any unreadable file is listed as not printed, never a failed print
        return 0
    return count if 0 < count <= MAX_PDF_PAGES else 0


def print_note(d: CaseData, a: AttachmentData) -> str:
    """What the evidence list says about printing one attachment."""
    if not a.viewable:
        return NOT_PRINTED_SENSITIVE
    if a.media_type in IMAGE_TYPES and a.id in d.extra.get("images", {}):
        return "附后"
    if a.media_type == PDF_TYPE and a.id in d.extra.get("pdfs", {}):
        pages = d.extra.setdefault("pdf_pages", {}).setdefault(a.id, page_count(d.extra["pdfs"][a.id]))
        return f"附后（{pages} 页）" if pages else "（无法读取，未打印）"
    return "另行保存"


@dataclass
class Slot:
    """Where one attachment page goes: filled in when the blank page is drawn."""
    attachment_id: str
    index: int
    page: int = 0
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)   # x, y, width, height on the page


class SlotBox(Flowable):
    """The rest of the frame, left blank for an attachment page (records its page and box)."""

    def __init__(self, slot: Slot) -> None:
        super().__init__()
        self.slot = slot

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = availWidth, availHeight - 1
        return self.width, self.height

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: ANN001, N802, N803
        self.slot.page = canvas.getPageNumber()
        self.slot.box = (x, y, self.width, self.height)


def attachment_pages(d: CaseData, anchors: dict[str, int], slots: list[Slot]) -> list[Flowable]:
    """The printed attachments, each after a page break with its number, type and name; `slots` collects the
    blank boxes for PDF pages, `anchors` the first page of each attachment (for the contents list)."""
    from .case_file import type_label
    images: dict[str, bytes] = d.extra.get("images", {})
    pdfs: dict[str, bytes] = d.extra.get("pdfs", {})
    out: list[Flowable] = []
    for n, a in enumerate(listed(d), 1):
        caption = f"附件 {n}：{type_label(a.doc_type)}　{a.filename}"
        if a.viewable and a.media_type in IMAGE_TYPES and a.id in images:
            reader = ImageReader(io.BytesIO(images[a.id]))
            w, h = reader.getSize()
            scale = min(BODY_W / w, 20 * cm / h, 1.0 if w > 600 else 2.0)
            out += [PageBreak(), Anchor(f"att_{a.id}", anchors), para(caption, "h2", "附件名称"),
                    para(a.description, "small", "附件说明"), Spacer(1, 6),
                    Image(io.BytesIO(images[a.id]), width=w * scale, height=h * scale)]
        elif a.viewable and a.media_type == PDF_TYPE and a.id in pdfs:
            pages = d.extra.setdefault("pdf_pages", {}).setdefault(a.id, page_count(pdfs[a.id]))
            for i in range(pages):
                slot = Slot(a.id, i)
                slots.append(slot)
                out += [PageBreak(), *([Anchor(f"att_{a.id}", anchors)] if i == 0 else []),
                        para(f"{caption}（第 {i + 1} 页，共 {pages} 页）", "small", "附件名称"), SlotBox(slot)]
    return out


def contents_rows(d: CaseData) -> list[tuple[str, str]]:
    """(anchor key, title) of each printed attachment, for the contents list under the evidence list."""
    rows = []
    for n, a in enumerate(listed(d), 1):
        printed = (a.media_type in IMAGE_TYPES and a.id in d.extra.get("images", {})) or (
            a.media_type == PDF_TYPE and d.extra.get("pdf_pages", {}).get(a.id, 0) > 0)
        if a.viewable and printed:
            rows.append((f"att_{a.id}", f"　附件 {n}：{a.filename}"))
    return rows


def merge_pdf_pages(pdf: bytes, slots: list[Slot], pdfs: dict[str, bytes]) -> bytes:
    """Scale each attachment page into its blank box (aspect kept, centred); the file's own furniture stays on top
    of nothing it covers since the box lies inside the body margins."""
    if not slots:
        return pdf
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import ArrayObject, ByteStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    sources = {key: PdfWriter(clone_from=PdfReader(io.BytesIO(pdfs[key]))) for key in {s.attachment_id for s in slots}}
    for slot in slots:
        source = sources[slot.attachment_id].pages[slot.index]
        if source.rotation:
            source.transfer_rotation_to_content()    # a landscape scan printed upright as it is viewed
        box = source.cropbox
        width, height = float(box.width), float(box.height)
        x, y, w, h = slot.box
        scale = min(w / width, h / height)
        dx = x + (w - width * scale) / 2 - float(box.left) * scale
        dy = y + (h - height * scale) / 2 - float(box.bottom) * scale
        page = writer.pages[slot.page - 1]
        page.merge_transformed_page(source, Transformation().scale(scale, scale).translate(dx, dy), over=True)
        page.compress_content_streams()
    digest = hashlib.sha256(pdf + b"".join(hashlib.sha256(pdfs[k]).digest() for k in sorted(sources))).digest()[:16]
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])  # no public API; never random
    writer.add_metadata({"/Producer": "ReportLab; pypdf"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
