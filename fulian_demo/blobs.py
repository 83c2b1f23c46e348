"""The few small files demo attachments point at: a photo and a scan (PNG, drawn here) and a
one-page document (PDF, ReportLab). Each is stored once (content-addressed, like
services.attachments.attachment_blobs), however many demo cases attach it; the bytes are the same every run.
"""
from __future__ import annotations

import hashlib
import io
import struct
import zlib
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, insert, select

from fulian_desktop.domain.attachments import CHUNK_SIZE
from fulian_desktop.store.models_evidence import AttachmentBlob, AttachmentChunk

# The body face of the product's papers (documents/fonts.py reads the same folder).
DEMO_FONT = "FulianDemoSong"
DEMO_FONT_FILE = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "FulianSong-Regular.ttf"


def _png(width: int, height: int, pixel) -> bytes:  # noqa: ANN001 - (x, y) -> (r, g, b)
    rows = b"".join(b"\x00" + bytes(c for x in range(width) for c in pixel(x, y)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def _photo() -> bytes:
    """A soft skin-toned gradient with a darker patch: stands in for an injury photo."""
    def pixel(x: int, y: int) -> tuple[int, int, int]:
        d = (x - 100) ** 2 + (y - 60) ** 2
        shade = 60 if d < 500 else 30 if d < 900 else 0
        return 225 - shade - y // 8, 190 - shade - y // 6, 170 - shade // 2 - y // 6
    return _png(160, 120, pixel)


def _scan() -> bytes:
    """A grey page with ruled text lines: stands in for a scanned letter or ID copy."""
    def pixel(x: int, y: int) -> tuple[int, int, int]:
        ink = 12 <= x <= 108 and y % 10 in (0, 1) and 14 <= y <= 140 and (x * 7 + y * 3) % 23 > 4
        v = 70 if ink else 238
        return v, v, v - 4
    return _png(120, 160, pixel)


def _pdf() -> bytes:
    """A one-page 回执 in Chinese, in the product's document font (FulianSong, TrueType, embedded as a subset,
    so the page prints and renders anywhere: `pdffonts` lists every font as embedded); invariant, so the bytes
    repeat. Only the one face is loaded, not documents.fonts.register_fonts: that takes seconds, this a tenth."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if DEMO_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(DEMO_FONT, str(DEMO_FONT_FILE)))
    buf = io.BytesIO()
    page = canvas.Canvas(buf, pagesize=A5, invariant=1, initialFontName=DEMO_FONT)
    page.setTitle("演示材料")
    width, height = A5
    page.setFont(DEMO_FONT, 16)
    page.drawCentredString(width / 2, height - 60, "演示材料（复印件）")
    page.setFont(DEMO_FONT, 10)
    lines = ("本文件为演示数据自动生成，仅用于培训和试用。", "文书名称：告诫书 / 保护令 / 转账凭证（示例）",
             "出具单位：长沙市望城区（示例）", "本复印件与原件核对无误。")
    for n, line in enumerate(lines):
        page.drawString(40, height - 100 - 18 * n, line)
    page.rect(40, 60, width - 80, 60)
    page.drawString(50, 95, "经办人（签名）：            日期：")
    page.showPage()
    page.save()
    return buf.getvalue()


def demo_blobs() -> list[tuple[str, bytes, str]]:
    """(kind, bytes, media type) of every demo file."""
    return [("png_photo", _photo(), "image/png"), ("png_scan", _scan(), "image/png"),
            ("pdf", _pdf(), "application/pdf")]


def store_blobs(conn: Connection, blobs: list[tuple[str, bytes, str]], at: datetime) -> list[tuple[str, str, int, str]]:
    """Store the files not stored yet; (kind, sha256, size, media type) of each."""
    b, c = AttachmentBlob.__table__, AttachmentChunk.__table__
    out = []
    for kind, data, media in blobs:
        sha = hashlib.sha256(data).hexdigest()
        out.append((kind, sha, len(data), media))
        if conn.execute(select(b.c.sha256).where(b.c.sha256 == sha)).first() is not None:
            continue
        parts = [data[i:i + CHUNK_SIZE] for i in range(0, len(data), CHUNK_SIZE)]
        conn.execute(insert(b).values(sha256=sha, size=len(data), chunk_count=len(parts), created_at=at))
        for seq, part in enumerate(parts):
            conn.execute(insert(c).values(sha256=sha, seq=seq, data=part))
    return out
