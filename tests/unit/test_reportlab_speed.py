"""The ReportLab work the documents do once instead of again (documents/rl_speed.py, layout._Bound.wrap) must not
change a byte of any paper: the same story laid out with and without them, each in a fresh interpreter. The font
programs' faster compression changes bytes, never what a reader gets: every stream inflates to the same bytes."""
from __future__ import annotations

import base64
import re
import subprocess
import sys
import zlib
from pathlib import Path

_LAY_OUT = r"""
import hashlib, sys, zlib
from datetime import datetime, timezone
from fulian_desktop.documents import fonts, layout, rl_speed
if sys.argv[1] == "zlib-default":
    fonts.FONT_LEVEL = zlib.Z_DEFAULT_COMPRESSION
if sys.argv[1] == "plain":
    from reportlab.platypus import KeepTogether
    rl_speed.install = lambda: None
    layout._Bound.wrap = KeepTogether.wrap
from fulian_desktop.documents.layout import (
    LETTER, PageBreak, PageMeta, bold, build_pdf, field_table, grid_table, heading, para, rich, seal_block, sheet,
    signature_lines, title_block)
from fulian_desktop.documents.fonts import markup

# More distinct characters than one embedded subset holds (256), so lines cross subsets; a rare character in the
# fallback font; a no-break space; line breaks; closing punctuation at line ends.
many = "".join(chr(0x4E00 + 23 * i) for i in range(700))
prose = ("经查，张建国多次对刘桂兰实施家庭暴力并拒付女儿抚养费属实。依据《反家庭暴力法》第二十三条、"
         "《民法典》第一千零八十五条，来访人要求制止家庭暴力、支付抚养费的诉求予以支持。") * 6
story = [*title_block("望城区妇女联合会", "人民调解协议书", "（2026）望妇调字第7号"), heading("一、基本情况"),
         field_table([[("姓名", "刘桂兰"), ("性别", "女")], [("住址", "望城区高塘岭街道郭亮村五组12号")],
                      [("备注", "王䶮（曾用名）\n第二行\xa0备注")]]),
         para(prose, "prose"), para(many, "body"), rich(bold("加粗：") + markup("当事人王䶮同意。"), "body"),
         grid_table(("序号", "材料名称", "说明"),
                    [(str(n), f"证据材料{n}", many[n * 7:n * 7 + 40]) for n in range(60)], (1, 3, 5)),
         # Paragraphs drawn line by line: centred and right-aligned over several lines (their moves are merged),
         # indented, Latin words with spaces and a no-break space justified, a word wider than its cell.
         para("关于刘桂兰与张建国婚姻家庭纠纷及女儿抚养费、探望安排的人民调解协议书及相关材料", "title"),
         para(prose[:150], "right"), para(prose[:200], "indented"), para(prose[:90], "center"),
         para("Case ref. WC-2026-0007 filed under art. 23 and art. 1085; see the attached list. " * 6, "prose"),
         para("第一项\xa0第二项 Latin words and\xa0no-break spaces, justified over two lines or more. " * 4, "body"),
         grid_table(("编号", "说明"), [("W" * 60, "超出单元格宽度的长编号")], (1, 6)),
         para("共同签名", "right"), signature_lines([("当事人（签名）", "刘桂兰"), ("当事人（签名）", "张建国")],
                                                  "二〇二六年三月七日"),
         PageBreak()]
with sheet(LETTER):
    story += [para(prose, "prose"), para("此致", "body"), seal_block("望城区妇女联合会", "二〇二六年三月八日")]
meta = PageMeta(unit_name="望城区妇女联合会", case_no="（2026）望妇调字第7号", title="测试",
                as_of=datetime(2026, 3, 8, 2, 0, tzinfo=timezone.utc))
pdf, pages = build_pdf(meta, story)
if len(sys.argv) > 2:
    open(sys.argv[2], "wb").write(pdf)
print(pages, hashlib.sha256(pdf).hexdigest())
"""


def _lay_out(mode: str, out: Path | None = None) -> str:
    done = subprocess.run([sys.executable, "-c", _LAY_OUT, mode, *([str(out)] if out else [])], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)


def _inflated(pdf: bytes) -> tuple[bytes, list[bytes]]:
    """The PDF without its stream data, lengths and offsets; and each stream, decoded (ASCII85, then Flate)."""
    streams = []
    for found in _STREAM.finditer(pdf):
        data = found.group(1)
        if data.rstrip().endswith(b"~>"):
            data = base64.a85decode(data.rstrip(), adobe=True)
        inflate = zlib.decompressobj()
        streams.append(inflate.decompress(data) + inflate.flush())
        assert inflate.eof
    rest = re.sub(rb"/Length \d+", b"/Length", _STREAM.sub(b"stream", pdf))
    return rest[:rest.rindex(b"\nxref\n")], streams


def test_the_speed_patches_give_the_same_bytes_as_reportlab() -> None:
    fast, plain = _lay_out("fast"), _lay_out("plain")
    assert int(plain.split()[0]) >= 3, "the story must run over several pages to split tables and text"
    assert fast == plain


def test_font_programs_compressed_faster_inflate_to_what_the_default_level_gives(tmp_path: Path) -> None:
    fast, default = tmp_path / "fast.pdf", tmp_path / "default.pdf"
    _lay_out("fast", fast)
    _lay_out("zlib-default", default)
    a, b = fast.read_bytes(), default.read_bytes()
    assert a != b, "the font programs are compressed at another level"
    rest_a, streams_a = _inflated(a)
    rest_b, streams_b = _inflated(b)
    assert rest_a == rest_b
    assert len(streams_a) > 3 and streams_a == streams_b
    assert len(a) < len(b) * 1.1
