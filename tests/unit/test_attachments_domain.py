"""Attachment rules: what a file is (by its bytes, not its name), safe file names, the size rule, the types."""
from __future__ import annotations

import pytest

from fulian_desktop.domain.attachments import (
    AttachmentType, check_size, clean_filename, format_size, parse_type, preview_kind, sniff_media_type,
)
from fulian_desktop.domain.errors import ValidationError


@pytest.mark.parametrize(("head", "name", "media"), [
    (b"\xff\xd8\xff\xe1\x00\x10Exif", "IMG_0001.JPG", "image/jpeg"),
    (b"\xff\xd8\xff\xe0", "伤情.png", "image/jpeg"),                 # the bytes win over a wrong name
    (b"\x89PNG\r\n\x1a\n\x00\x00", "截图", "image/png"),
    (b"%PDF-1.7\n", "诊断.jpg", "application/pdf"),
    (b"\xef\xbb\xbf  \n%PDF-1.4", "scan", "application/pdf"),        # a PDF after some junk
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a", "image/webp"),
    (b"PK\x03\x04", "调解协议.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (b"hello", "来信.TXT", "text/plain"),
    (b"\x00\x01", "录音", "application/octet-stream"),
])
def test_media_type_is_sniffed_then_guessed_by_extension(head: bytes, name: str, media: str) -> None:
    assert sniff_media_type(head, name) == media


def test_preview_kinds() -> None:
    assert [preview_kind(m) for m in ("image/jpeg", "image/png", "application/pdf", "text/plain", "image/tiff")] \
        == ["image", "image", "pdf", "external", "external"]


@pytest.mark.parametrize(("raw", "clean"), [
    ("C:\\Users\\王\\Desktop\\告诫书.pdf", "告诫书.pdf"),
    ("../../etc/passwd", "passwd"),
    ('伤情<照片>:"1"?.jpg', "伤情_照片___1__.jpg"),
    ("CON.txt", "_CON.txt"),
    ("  报告. ", "报告"),
    ("\x00\x1f", "附件"),
    ("", "附件"),
    (".bashrc", "bashrc"),
])
def test_file_names_are_cleaned(raw: str, clean: str) -> None:
    assert clean_filename(raw) == clean


def test_long_names_keep_their_extension() -> None:
    cleaned = clean_filename("很" * 300 + ".pdf")
    assert len(cleaned) == 120 and cleaned.endswith("很.pdf")


def test_size_rule() -> None:
    check_size(50 * 1024 * 1024, 50, "a.pdf")                       # exactly the limit is allowed
    with pytest.raises(ValidationError) as over:
        check_size(60 * 1024 * 1024, 50, "录像.mp4")
    assert over.value.code == "attachment_too_large"
    assert over.value.message.startswith("文件“录像.mp4”大小为 60.0 MB，超过了每个文件 50 MB 的上限，未添加。")
    with pytest.raises(ValidationError, match="空文件"):
        check_size(0, 50, "a.txt")
    assert [format_size(n) for n in (512, 2048, 5 * 1024 * 1024)] == ["512 B", "2.0 KB", "5.0 MB"]


def test_types_and_the_medical_default() -> None:
    assert [t.label for t in AttachmentType] == ["证据材料", "身份证明", "授权委托书", "履行凭证", "告诫书", "保护令",
                                                "来信", "扫描件", "医疗记录", "调查笔录", "司法确认材料", "其他"]
    assert [t for t in AttachmentType if t.sensitive_by_default] == [AttachmentType.MEDICAL]
    assert parse_type("保护令") is parse_type("protection_order") is AttachmentType.PROTECTION_ORDER
    with pytest.raises(ValidationError):
        parse_type("照片")
