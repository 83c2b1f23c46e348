"""Test files for the evidence tests: a JPEG-headed file and a valid one-page PDF, both carrying a marker that
must never be found in plain bytes on disk once the file is attached."""
from __future__ import annotations

import os

from fulian_desktop.domain.attachments import CHUNK_SIZE

MARKER = b"FULIAN-EVIDENCE-MARKER-7f3a9c"
MARKER_CN = "王秀兰伤情照片左臂淤青".encode("utf-8")


def jpeg_bytes(size: int = 2 * CHUNK_SIZE + 12345) -> bytes:
    """A JPEG-headed file of `size` bytes with the markers in a comment segment, in the middle and at the end
    (so they fall in different stored chunks); the rest random, so nothing compresses it away."""
    head = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    comment = MARKER + MARKER_CN
    head += b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    tail = MARKER + b"\xff\xd9"
    body = bytearray(os.urandom(size - len(head) - len(tail)))
    middle = len(body) // 2
    body[middle:middle + len(MARKER)] = MARKER
    return head + bytes(body) + tail


def pdf_bytes() -> bytes:
    """A small valid PDF whose page text (an uncompressed stream) carries the marker."""
    text = MARKER.decode()
    content = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n%" + MARKER + b"\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
