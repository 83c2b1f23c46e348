"""Evidence printed inside the case file: after the evidence list, each image and each PDF attachment in the
list's order, numbered as in the list (附件 n).

A PDF attachment is laid out as blank pages carrying the file's header and footer, one per page of the PDF, so
the page total and the contents' page numbers count them like any other page; once the file is built, each
attachment page is scaled into the body of its blank page (pypdf), under the unit's name, the case number and
"第 X 页 共 Y 页". The result is written with a fixed document id, so the same data still gives the same bytes.

An attached PDF is hostile input: 69 KB can hold one content stream that inflates to 70 MB, shared by every page.
So its page contents are never parsed: each page is placed whole as a form XObject (its content bytes copied as
they are, still compressed), which costs the same for any content. Before that, `check_pdf` inflates each page's
content with a counter and refuses the file past MAX_PAGE_CONTENT per page or MAX_PDF_CONTENT in all; a refused
PDF gets a placeholder page saying why, and stays in the case's attachments.

A page that would not print the same everywhere is printed as a picture instead: one that uses a font the file does
not embed (a viewer or printer without that font shows an empty page, or boxes), or one too heavy to print quickly
(more than HEAVY_PAGE_CONTENT of drawing instructions). PDFium (pypdfium2) renders it at RASTER_DPI and the image
takes the page's place, so no page of the case file depends on a font it does not carry.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, PageBreak, Spacer

from ..domain.attachments import clean_filename
from .data import AttachmentData, CaseData
from .layout import BODY_W, Anchor, para

IMAGE_TYPES = ("image/jpeg", "image/png")
PDF_TYPE = "application/pdf"
MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PDF_PAGES = 200               # a longer PDF is listed, not printed (it would bury the file)
MAX_PAGE_CONTENT = 8 * 1024 * 1024    # one page's drawing instructions, inflated (a dense scan of text: < 1 MB)
MAX_PDF_CONTENT = 32 * 1024 * 1024    # all pages together, a stream counted once per page that uses it
MAX_IMAGE_PIXELS = 100 * 10**6        # an A4 page scanned at 600 dpi is 35 million pixels
NOT_PRINTED_SENSITIVE = "（敏感材料，未打印）"
NOT_PRINTED_REFUSED = "（内容异常，未打印，见说明页）"
HEAVY_PAGE_CONTENT = 2 * 1024 * 1024   # above this a page is printed as a picture
RASTER_DPI = 150
MAX_PICTURE_PIXELS = 8 * 10**6     # a page's picture: A4 at 150 dpi is 2.2 million; a poster-sized page is scaled down
_SAFE_FILTERS = ("/FlateDecode", "/ASCII85Decode", "/ASCIIHexDecode")   # the ASCII ones never expand


EVIDENCE_ORDER = ("身份证明", "授权委托书", "调查笔录", "来信", "证据材料", "告诫书", "保护令", "医疗记录", "扫描件",
                  "其他", "履行凭证", "司法确认材料")
_TYPE_LABELS = {"evidence": "证据材料", "id_proof": "身份证明", "power_of_attorney": "授权委托书",
                "performance_proof": "履行凭证", "police_warning": "告诫书", "protection_order": "保护令",
                "letter": "来信", "scan": "扫描件", "medical": "医疗记录", "other": "其他",
                "investigation": "调查笔录", "judicial_confirmation": "司法确认材料"}
# Where each kind of attachment is filed (DOMAIN.md): ID proof and power of attorney after the rights notice, then
# investigation records, then the evidence; proof of performance after the agreement; judicial-confirmation
# papers after the follow-up records. (key -> section title, type labels)
GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "identity": ("身份证明、授权委托书", ("身份证明", "授权委托书")),
    "investigation": ("调查笔录", ("调查笔录",)),
    "evidence": ("证据材料目录", ("来信", "证据材料", "告诫书", "保护令", "医疗记录", "扫描件", "其他")),
    "performance": ("履行凭证", ("履行凭证",)),
    "confirmation": ("司法确认材料", ("司法确认材料",)),
}


def group_of(a: AttachmentData) -> str:
    label = type_label(a.doc_type)
    return next((key for key, (_t, labels) in GROUPS.items() if label in labels), "evidence")


def type_label(code: str) -> str:
    return _TYPE_LABELS.get(code, code)


def rank(a: AttachmentData) -> int:
    label = type_label(a.doc_type)
    return EVIDENCE_ORDER.index(label) if label in EVIDENCE_ORDER else len(EVIDENCE_ORDER)


def listed(d: CaseData, group: str | None = None) -> list[AttachmentData]:
    """The attachments in the case file's order (DOMAIN.md: by type, then as received); with `group`, only
    those filed in that place of the case file (GROUPS)."""
    return sorted((a for a in d.attachments if group is None or group_of(a) == group),
                  key=lambda a: (rank(a), a.added_at, a.sha256))


def printable_images(d: CaseData) -> list[AttachmentData]:
    """Image attachments printed as pages of the file (sensitive ones only for those who may see them)."""
    return [a for a in listed(d) if a.media_type in IMAGE_TYPES and a.viewable and a.size <= MAX_IMAGE_BYTES]


def printable_pdfs(d: CaseData) -> list[AttachmentData]:
    """PDF attachments whose pages are appended (sensitive ones only for those who may see them)."""
    return [a for a in listed(d) if a.media_type == PDF_TYPE and a.viewable and a.size <= MAX_PDF_BYTES]


@dataclass(frozen=True)
class PdfCheck:
    """What printing one attached PDF would give: its pages, or 0 and (when refused by a limit) why."""
    pages: int
    refused: str | None = None
    pictures: frozenset[int] = frozenset()   # pages (from 0) printed as pictures: a font not embedded, or heavy


def check_pdf(data: bytes) -> PdfCheck:
    """Pages of an attached PDF; 0 when it cannot be printed (damaged, password-protected, too long), with a
    reason when its contents inflate past the limits (counted as they inflate, never held whole)."""
    from pypdf import PdfReader
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return PdfCheck(0)
        count = len(reader.pages)
        if not 0 < count <= MAX_PDF_PAGES:
            return PdfCheck(0)
        total = 0
        pictures: set[int] = set()
        for number, page in enumerate(reader.pages, 1):
            size = _content_size(page, MAX_PAGE_CONTENT)
            if isinstance(size, str):
                return PdfCheck(0, f"第 {number} 页{size}")
            if size > MAX_PAGE_CONTENT:
                return PdfCheck(0, f"第 {number} 页的内容解压后超过 {MAX_PAGE_CONTENT >> 20} MB（疑似异常或恶意文件）")
            total += size
            if total > MAX_PDF_CONTENT:
                return PdfCheck(0, f"全部页面的内容解压后超过 {MAX_PDF_CONTENT >> 20} MB（疑似异常或恶意文件）")
            if size > HEAVY_PAGE_CONTENT or not fonts_embedded(page):
                pictures.add(number - 1)
    except Exception:  # noqa: BLE001 - any unreadable file is listed as not printed, never a failed print
        return PdfCheck(0)
    return PdfCheck(count, pictures=frozenset(pictures))


def fonts_embedded(page) -> bool:  # noqa: ANN001 - a pypdf PageObject
    """Whether every font the page (or a form it draws) uses carries its glyphs in the file. Type 3 fonts are
    drawings, so they count as embedded; a font without a FontFile (the 14 standard fonts, STSong-Light) does not."""
    seen: set[int] = set()
    pending = [page.get("/Resources")]
    while pending and len(seen) < 10_000:
        resources = pending.pop()
        resources = resources.get_object() if resources is not None else None
        if not isinstance(resources, dict):
            continue
        fonts = resources.get("/Font")
        fonts = fonts.get_object() if fonts is not None else None
        for ref in (fonts.values() if isinstance(fonts, dict) else ()):
            font = ref.get_object()
            if id(font) in seen or not isinstance(font, dict):
                continue
            seen.add(id(font))
            if not _font_embedded(font):
                return False
        xobjects = resources.get("/XObject")
        xobjects = xobjects.get_object() if xobjects is not None else None
        for ref in (xobjects.values() if isinstance(xobjects, dict) else ()):
            xobject = ref.get_object()
            if id(xobject) not in seen and isinstance(xobject, dict) and xobject.get("/Subtype") == "/Form":
                seen.add(id(xobject))
                pending.append(xobject.get("/Resources"))
    return True


def _font_embedded(font) -> bool:  # noqa: ANN001 - a pypdf DictionaryObject
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True
    if subtype == "/Type0":
        descendants = font.get("/DescendantFonts")
        descendants = descendants.get_object() if descendants is not None else None
        if not descendants:
            return False
        font = descendants[0].get_object()
    descriptor = font.get("/FontDescriptor")
    descriptor = descriptor.get_object() if descriptor is not None else None
    return isinstance(descriptor, dict) and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


_PICTURES: dict[tuple[bytes, int], bytes] = {}


def page_picture(data: bytes, index: int) -> bytes:
    """Page `index` of an attached PDF rendered by PDFium at RASTER_DPI, as it is viewed (rotation applied), as a
    JPEG. The same page gives the same bytes; the last few are kept (a batch prints the same evidence often)."""
    key = (hashlib.sha256(data).digest(), index)
    done = _PICTURES.get(key)
    if done is not None:
        return done
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        page = document[index]
        width, height = page.get_size()           # points, as viewed
        scale = min(RASTER_DPI / 72, 0.99 * (MAX_PICTURE_PIXELS / max(1.0, width * height)) ** 0.5)   # pixels round up
        image = page.render(scale=scale, may_draw_forms=True).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85, optimize=True)
    picture = out.getvalue()
    if len(_PICTURES) >= 32:
        _PICTURES.pop(next(iter(_PICTURES)))
    _PICTURES[key] = picture
    return picture


def page_count(data: bytes) -> int:
    """Pages of an attached PDF, 0 when it cannot be printed (see check_pdf)."""
    return check_pdf(data).pages


def _content_size(page, limit: int) -> int | str:  # noqa: ANN001 - a pypdf PageObject
    """The inflated size of what a viewer draws for the page — its content streams and the forms they use, each
    form once — counted up to just past `limit`; or why it is refused without inflating: a filter that could
    expand without bound, an image larger than MAX_IMAGE_PIXELS."""
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    streams = list(contents) if isinstance(contents, list) else ([contents] if contents is not None else [])
    seen: set[int] = set()
    pending = [page.get("/Resources")]
    while pending and len(seen) < 10_000:   # forms used by the page, and the forms those use
        resources = pending.pop()
        resources = resources.get_object() if resources is not None else None
        xobjects = resources.get("/XObject") if isinstance(resources, dict) else None
        xobjects = xobjects.get_object() if xobjects is not None else None
        for ref in (xobjects.values() if isinstance(xobjects, dict) else ()):
            xobject = ref.get_object()
            if id(xobject) in seen or not isinstance(xobject, dict):
                continue
            seen.add(id(xobject))
            if xobject.get("/Subtype") == "/Image":
                if int(xobject.get("/Width", 0)) * int(xobject.get("/Height", 0)) > MAX_IMAGE_PIXELS:
                    return f"的图片超过 {MAX_IMAGE_PIXELS // 10**6} 百万像素（疑似异常或恶意文件）"
            elif xobject.get("/Subtype") == "/Form":
                streams.append(xobject)
                pending.append(xobject.get("/Resources"))
    total = 0
    for ref in streams:
        stream = ref.get_object()
        filters = stream.get("/Filter")
        filters = [str(f) for f in (filters if isinstance(filters, list) else [filters] if filters else [])]
        if any(f not in _SAFE_FILTERS for f in filters):
            return f"的内容使用了本程序不展开的压缩方式（{'、'.join(filters)[:40]}）"
        raw = stream._data   # noqa: SLF001 - the encoded bytes; pypdf has no public accessor that does not inflate
        size = _inflated_size(raw, filters, limit - total + 1)
        total += size
        if total > limit:
            break
    return total


def _inflated_size(raw: bytes, filters: list[str], budget: int) -> int:
    import zlib

    from pypdf.filters import ASCII85Decode, ASCIIHexDecode
    data = raw
    for name in filters:
        if name == "/FlateDecode":
            unzip, size = zlib.decompressobj(), 0
            try:
                while data and size <= budget:
                    size += len(unzip.decompress(data, 1 << 20))
                    data = unzip.unconsumed_tail
            except zlib.error:
                pass            # a damaged tail: what inflated so far is what counts
            return size         # Flate is the last step that can grow; what follows it here cannot
        data = (ASCII85Decode if name == "/ASCII85Decode" else ASCIIHexDecode).decode(data)
    return len(data)


def print_note(d: CaseData, a: AttachmentData) -> str:
    """What the evidence list says about printing one attachment."""
    if not a.viewable:
        return NOT_PRINTED_SENSITIVE
    if a.media_type in IMAGE_TYPES and a.id in d.extra.get("images", {}):
        return "附后"
    if a.media_type == PDF_TYPE and a.id in d.extra.get("pdfs", {}):
        check = _checked(d, a.id)
        if check.refused:
            return NOT_PRINTED_REFUSED
        return f"附后（{check.pages} 页）" if check.pages else "（无法读取，未打印）"
    return "另行保存"


def _checked(d: CaseData, attachment_id: str) -> PdfCheck:
    """check_pdf once per attachment and print (the evidence list, the pages and the contents all ask)."""
    checks = d.extra.setdefault("pdf_checks", {})
    if attachment_id not in checks:
        checks[attachment_id] = check_pdf(d.extra["pdfs"][attachment_id])
        d.extra.setdefault("pdf_pages", {})[attachment_id] = checks[attachment_id].pages
    return checks[attachment_id]


@dataclass
class Slot:
    """Where one attachment page goes: filled in when the blank page is drawn."""
    attachment_id: str
    index: int
    page: int = 0
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)   # x, y, width, height on the page


class SlotBox(Flowable):
    """The rest of the frame, left blank for an attachment page (records its page and box); or, for a page printed
    as a picture, showing that picture in the box (aspect kept, centred)."""

    def __init__(self, slot: Slot, picture: bytes | None = None) -> None:
        super().__init__()
        self.slot = slot
        self.picture = picture

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = availWidth, availHeight - 1
        return self.width, self.height

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: ANN001, N802, N803
        self.slot.page = canvas.getPageNumber()
        self.slot.box = (x, y, self.width, self.height)
        if self.picture is not None:
            reader = ImageReader(io.BytesIO(self.picture))
            w, h = reader.getSize()
            scale = min(self.width / w, self.height / h)
            canvas.drawImage(reader, x + (self.width - w * scale) / 2, y + self.height - h * scale,
                             width=w * scale, height=h * scale)


def attachment_pages(d: CaseData, anchors: dict[str, int], slots: list[Slot],
                     group: str | None = None) -> list[Flowable]:
    """The printed attachments, each after a page break with its number, type and name; `slots` collects the
    blank boxes for PDF pages, `anchors` the first page of each attachment (for the contents list)."""
    images: dict[str, bytes] = d.extra.get("images", {})
    pdfs: dict[str, bytes] = d.extra.get("pdfs", {})
    out: list[Flowable] = []
    numbers = {a.id: n for n, a in enumerate(listed(d), 1)}   # one numbering through the whole file
    for a in listed(d, group):
        n = numbers[a.id]
        caption = f"附件 {n}：{type_label(a.doc_type)}　{clean_filename(a.filename)}"
        if a.viewable and a.media_type in IMAGE_TYPES and a.id in images:
            reader = ImageReader(io.BytesIO(images[a.id]))
            w, h = reader.getSize()
            scale = min(BODY_W / w, 20 * cm / h, 1.0 if w > 600 else 2.0)
            out += [PageBreak(), Anchor(f"att_{a.id}", anchors), para(caption, "h2", "附件名称"),
                    para(a.description, "small", "附件说明"), Spacer(1, 6),
                    Image(io.BytesIO(images[a.id]), width=w * scale, height=h * scale)]
        elif a.viewable and a.media_type == PDF_TYPE and a.id in pdfs:
            check = _checked(d, a.id)
            if check.refused:
                out += [PageBreak(), Anchor(f"att_{a.id}", anchors), para(caption, "h2", "附件名称"),
                        para(a.description, "small", "附件说明"), Spacer(1, 12),
                        para(f"此附件未打印：{check.refused}。为保证卷宗能正常生成和打开，本程序不打印该文件的页面。"
                             "原件仍完整保存在本案附件中，可在程序中另行查看或交技术人员核查。", "body", "未打印说明")]
                continue
            pages = check.pages
            for i in range(pages):
                slot = Slot(a.id, i)
                picture = page_picture(pdfs[a.id], i) if i in check.pictures else None
                if picture is None:
                    slots.append(slot)
                out += [PageBreak(), *([Anchor(f"att_{a.id}", anchors)] if i == 0 else []),
                        para(f"{caption}（第 {i + 1} 页，共 {pages} 页）", "small", "附件名称"),
                        SlotBox(slot, picture)]
    return out


def contents_rows(d: CaseData, group: str | None = None) -> list[tuple[str, str]]:
    """(anchor key, title) of each printed attachment, for the contents list under its section."""
    rows = []
    numbers = {a.id: n for n, a in enumerate(listed(d), 1)}
    for a in listed(d, group):
        n = numbers[a.id]
        check = _checked(d, a.id) if a.media_type == PDF_TYPE and a.id in d.extra.get("pdfs", {}) else None
        printed = (a.media_type in IMAGE_TYPES and a.id in d.extra.get("images", {})) or (
            check is not None and (check.pages > 0 or check.refused is not None))
        if a.viewable and printed:
            rows.append((f"att_{a.id}", f"　附件 {n}：{clean_filename(a.filename)}"))
    return rows


def merge_pdf_pages(pdf: bytes, slots: list[Slot], pdfs: dict[str, bytes]) -> bytes:
    """Scale each attachment page into its blank box (aspect kept, centred, turned upright as it is viewed); the
    file's own furniture stays on top of nothing it covers since the box lies inside the body margins.

    Each attachment page becomes a form XObject drawn once on its blank page: its content bytes are copied as
    they are (never inflated or parsed), so the time per page does not depend on what the page holds."""
    if not slots:
        return pdf
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    sources = {key: PdfReader(io.BytesIO(pdfs[key])) for key in {s.attachment_id for s in slots}}
    for n, slot in enumerate(slots):
        source = sources[slot.attachment_id].pages[slot.index]
        _place(writer, writer.pages[slot.page - 1], source, slot.box, f"/FulianAtt{n}")
    digest = hashlib.sha256(pdf + b"".join(hashlib.sha256(pdfs[k]).digest() for k in sorted(sources))).digest()[:16]
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])  # no public API; never random
    writer.add_metadata({"/Producer": "ReportLab; pypdf"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _upright(rotation: int, left: float, bottom: float, right: float, top: float) -> tuple[float, ...]:
    """The matrix (a b c d e f) taking the page's crop box to its upright view with the origin at 0,0."""
    return {0: (1, 0, 0, 1, -left, -bottom), 90: (0, -1, 1, 0, -bottom, right),
            180: (-1, 0, 0, -1, right, top), 270: (0, 1, -1, 0, top, -left)}[rotation % 360]


def _place(writer, page, source, box: tuple[float, float, float, float], name: str) -> None:  # noqa: ANN001
    from pypdf.generic import (
        ArrayObject, DecodedStreamObject, DictionaryObject, EncodedStreamObject, FloatObject, NameObject,
    )
    crop = source.cropbox
    left, bottom, right, top = (float(v) for v in (crop.left, crop.bottom, crop.right, crop.top))
    turn = int(source.get("/Rotate", 0) or 0)
    rotation = turn % 360 if turn % 90 == 0 else 0
    width, height = right - left, top - bottom
    view_w, view_h = (height, width) if rotation % 180 else (width, height)
    x, y, w, h = box
    scale = min(w / view_w, h / view_h)
    a, b, c, d, e, f = _upright(rotation, left, bottom, right, top)
    matrix = (a * scale, b * scale, c * scale, d * scale, e * scale + x + (w - view_w * scale) / 2,
              f * scale + y + (h - view_h * scale) / 2)

    form = EncodedStreamObject()
    contents = source.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if contents is not None and not isinstance(contents, list):
        form._data = contents._data   # noqa: SLF001 - the encoded bytes, copied without inflating them
        for key in ("/Filter", "/DecodeParms"):
            if key in contents:
                form[NameObject(key)] = contents[key].clone(writer)
    else:   # several streams (already counted by check_pdf): joined, then compressed again
        joined = b"\n".join(s.get_object().get_data() for s in (contents or []))
        plain = DecodedStreamObject()
        plain.set_data(joined)
        form = plain.flate_encode()
    form.update({
        NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (left, bottom, right, top)]),
    })
    resources = source.get("/Resources")
    if resources is not None:
        form[NameObject("/Resources")] = resources.get_object().clone(writer)
    form_ref = writer._add_object(form)   # noqa: SLF001 - pypdf's way to add a free-standing object

    own = page.get("/Resources")
    own = DictionaryObject(own.get_object()) if own is not None else DictionaryObject()
    xobjects = own.get("/XObject")
    xobjects = DictionaryObject(xobjects.get_object()) if xobjects is not None else DictionaryObject()
    xobjects[NameObject(name)] = form_ref
    own[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = own
    draw = DecodedStreamObject()
    draw.set_data(("q " + " ".join(f"{v:.6f}" for v in matrix) + f" cm {name} Do Q").encode("ascii"))
    existing = page.get("/Contents")
    existing = existing.get_object() if existing is not None else None
    streams = list(existing) if isinstance(existing, list) else ([page.raw_get("/Contents")] if existing else [])
    page[NameObject("/Contents")] = ArrayObject(streams + [writer._add_object(draw.flate_encode())])  # noqa: SLF001
