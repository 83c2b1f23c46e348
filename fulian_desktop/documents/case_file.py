"""The case file (卷宗): cover, contents list with page numbers, the papers in DOMAIN.md's order, the
evidence list, the file note and the back cover, in one PDF with continuous page numbers.

Laid out once: the contents list's page numbers are PDF forms drawn on page 2 and defined at the end,
when every paper's first page is known."""
from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from ..domain.attachments import clean_filename
from ..domain.enums import CaseKind
from .kinds import DocumentKind
from .data import AttachmentData, CaseData, cn_date
from .layout import (
    BODY_H, BODY_W, FORM, Anchor, BarePage, FormRef, PageMeta, build_pdf, field_table, fill_form, grid_table, para,
    sheet, style, title_block,
)
from .evidence_pdf import GROUPS, Slot, attachment_pages, contents_rows, group_of, merge_pdf_pages, type_label
from .registry import DOCUMENTS, NOT_IN_CASE_FILE, documents_for, sheet_for

def retention(d: CaseData) -> str:
    return "长期（三十年）" if d.domestic_violence or d.major_incident or d.agreements else "定期（十年）"


def volume_name(d: CaseData) -> str:
    return {CaseKind.MEDIATION: "人民调解卷宗", CaseKind.PETITION: "信访事项卷宗"}.get(d.kind, f"{d.kind.label}卷宗")


def _cover(d: CaseData) -> list[Flowable]:
    lines = [("卷　　名", d.title), ("卷　　号", d.case_no), ("调 解 员", d.handler),
             ("立案日期", cn_date(d.opened_at)), ("结案日期", cn_date(d.closed_at) or "（未结案）"),
             ("立 卷 人", d.file_clerk), ("立卷日期", cn_date(d.as_of)), ("保管期限", retention(d))]
    rows = [[para(k, "cover_line"), para(v, "cover_line", k.replace("　", "").replace(" ", ""))] for k, v in lines]
    table = Table(rows, colWidths=[BODY_W * 0.28, BODY_W * 0.62], hAlign="CENTER",
                  style=TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, "black"),
                                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                    ("TOPPADDING", (0, 0), (-1, -1), 8)]))
    return [BarePage(), Spacer(1, 40), para(d.unit_name, "unit", "单位名称"), Spacer(1, 50),
            para(volume_name(d), "cover_title"), Spacer(1, 70), table, PageBreak()]


def _sections(d: CaseData) -> list[tuple[str, str, Callable[[CaseData], list[Flowable]]]]:
    """(key, title, builder) in the prescribed order: the papers, with the attachment sections in their places."""
    out = [(kind.value, kind.label, DOCUMENTS[kind].build) for kind in documents_for(d)
           if kind is not DocumentKind.CASE_FILE and kind not in NOT_IN_CASE_FILE and DOCUMENTS[kind].in_case_file]

    def place(after: tuple[str, ...], keys: list[str]) -> None:
        entries = [(key, GROUPS[key][0], _evidence) for key in keys]
        for anchor in after:
            at = next((i for i, (key, _t, _b) in enumerate(out) if key == anchor), None)
            if at is not None:
                out[at + 1:at + 1] = entries
                return
        out[0:0] = entries

    has = {key for key in GROUPS if any(group_of(a) == key for a in d.attachments)}
    place(("rights_notice", "rejection_notice", "acceptance_notice", "intake_register"),
          [k for k in ("identity", "investigation") if k in has] + ["evidence"])
    if "performance" in has:
        place(("agreement", "evidence"), ["performance"])
    if "confirmation" in has or any(a.confirmation for a in d.agreements):
        place(("follow_up_record", "performance", "agreement", "evidence"), ["confirmation"])
    out.append(("file_note", "卷内备考表", _file_note))
    return out


def _evidence(d: CaseData, group: str = "evidence") -> list[Flowable]:
    from .evidence_pdf import listed, print_note
    # the 打印 column holds "（敏感材料，未打印）" on one line, the date column a whole date
    numbers = {a.id: n for n, a in enumerate(listed(d), 1)}
    rows = [(str(numbers[a.id]), type_label(a.doc_type), clean_filename(a.filename), a.description,
             cn_date(a.added_at), _size(a), print_note(d, a)) for a in listed(d, group)]
    body: list[Flowable] = [*title_block(d.unit_name, GROUPS[group][0], d.case_no)]
    if group == "confirmation":
        body += [para(f"司法确认：{a.confirmation}。", "prose", "司法确认") for a in d.agreements if a.confirmation]
    if rows:
        body.append(grid_table(("序号", "类别", "材料名称", "说明", "收到日期", "大小", "打印"), rows,
                               (0.7, 1.4, 2.2, 1.9, 2.4, 1.1, 3.6)))
    elif group == "evidence":
        body.append(para("本案未附证据材料。", "prose"))
    body.append(para("图片和 PDF 材料按目录顺序附于本目录之后；其他电子文件（音视频等）由本单位另行保存，"
                     "如需调阅，请按规定办理手续。", "small"))
    return body


def _size(a: AttachmentData) -> str:
    return f"{a.size / 1048576:.1f} MB" if a.size >= 1048576 else f"{max(1, round(a.size / 1024))} KB"


def _file_note(d: CaseData, items: int) -> list[Flowable]:
    """The count line is a form filled in once the page total is known ("共 19 页", spaced as text is)."""
    text = f"另附证据材料 {len(d.attachments)} 件。心理疏导记录依规定单独保管，不入本卷。"
    return [*title_block(d.unit_name, "卷内备考表", d.case_no), FormRef("file_count", BODY_W, style("body").leading),
            para(text, "body"), Spacer(1, 8),
            field_table([[("立卷人", d.file_clerk), ("立卷日期", cn_date(d.as_of))],
                         [("检查人", ""), ("检查日期", "")], [("备注", "")]])]


def file_count_text(items: int, total: int) -> str:
    return f"本卷共有文书材料 {items} 件，共 {total} 页（含封面、目录和封底）。"


def _back_cover(d: CaseData) -> list[Flowable]:
    """The last page: no header, no page number, no title; the unit and the retention period at its foot."""
    return [PageBreak(), BarePage(), Spacer(1, BODY_H - 3 * style("body").leading),
            para(d.unit_name, "center", "单位名称"), para(f"保管期限：{retention(d)}", "center")]


def _sheet_of(key: str) -> str:
    try:
        return sheet_for(DocumentKind(key))
    except ValueError:
        return FORM


PAGE_COL = 1.7 / 9.0 * BODY_W - 10     # the contents list's page-number column, less its padding


def _story(d: CaseData, pages: dict[str, int], slots: list[Slot]) -> tuple[list[Flowable], list[str]]:
    """The story and the contents' keys in page order (the papers, each printed attachment under the evidence)."""
    sections = _sections(d)
    lists = {key: _evidence(d, key) for key, _t, _b in sections if key in GROUPS}   # first: they count PDF pages
    entries: list[tuple[str, str, str]] = []
    for n, (key, title, _b) in enumerate(sections, 1):
        entries.append((key, str(n), title))
        if key in GROUPS:
            entries += [(k, "", t) for k, t in contents_rows(d, key)]
    contents = grid_table(("序号", "文书材料名称", "页号"), [(n, t, "") for _k, n, t in entries], (0.8, 6.5, 1.7))
    for y, (key, _n, _t) in enumerate(entries, 1):
        contents._cellvalues[y][2] = FormRef(f"page_{key}", PAGE_COL)
    story = _cover(d) + [*title_block(d.unit_name, "卷内目录", d.case_no), contents, PageBreak()]
    for key, _title, build in sections:
        story.append(Anchor(key, pages))
        if key in GROUPS:
            story += lists[key] + attachment_pages(d, pages, slots, key)
        else:
            with sheet(_sheet_of(key)):
                story += build(d) if key != "file_note" else _file_note(d, len(sections))
        story.append(PageBreak())
    story.pop()
    story += _back_cover(d)
    return story, [key for key, _n, _t in entries]


def render_case_file(d: CaseData, meta: PageMeta) -> bytes:
    """One pass: the contents' page numbers and the page total are forms filled in once all pages exist."""
    pages: dict[str, int] = {}
    slots: list[Slot] = []
    story, keys = _story(d, pages, slots)

    def finish(canvas, total: int) -> None:  # noqa: ANN001
        starts = [pages[k] for k in keys]
        ends = [s - 1 for s in starts[1:]] + [total - 1]          # the back cover is the last page
        for key, start, end in zip(keys, starts, ends):
            fill_form(canvas, f"page_{key}", f"{start}" if start >= end else f"{start}-{end}", PAGE_COL)
        items = sum(1 for k in keys if not k.startswith("att_"))
        size = style("body").fontSize
        fill_form(canvas, "file_count", file_count_text(items, total), BODY_W, size=size, align="left",
                  baseline=style("body").leading - size)   # a body line's baseline

    pdf, _total = build_pdf(meta, story, finish)
    return merge_pdf_pages(pdf, slots, d.extra.get("pdfs", {}))


__all__ = ["render_case_file", "retention", "style"]
