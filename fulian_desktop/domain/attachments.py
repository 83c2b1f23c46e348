"""Rules for evidence and attachments: the document types, which are sensitive, what a file is (sniffed from
its first bytes, not trusted from its name), a safe file name, and the size limit."""
from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath, PureWindowsPath

from .enums import Labelled
from .errors import ValidationError

CHUNK_SIZE = 1024 * 1024          # bytes per stored chunk: a 50 MB file is 50 rows, never one giant value
SNIFF_BYTES = 1024                 # how much of the head media-type sniffing needs
DEFAULT_LIMIT_MB = 50
MAX_FILENAME_CHARS = 120


class AttachmentType(Labelled):
    """What a file is to the case (卷宗 order: ID proof, power of attorney, evidence, … proof of performance)."""

    EVIDENCE = "evidence", "证据材料"
    ID_PROOF = "id_proof", "身份证明"
    POWER_OF_ATTORNEY = "power_of_attorney", "授权委托书"
    PERFORMANCE_PROOF = "performance_proof", "履行凭证"
    POLICE_WARNING = "police_warning", "告诫书"
    PROTECTION_ORDER = "protection_order", "保护令"
    LETTER = "letter", "来信"
    SCAN = "scan", "扫描件"
    MEDICAL = "medical", "医疗记录"
    INVESTIGATION = "investigation", "调查笔录"
    JUDICIAL_CONFIRMATION = "judicial_confirmation", "司法确认材料"
    OTHER = "other", "其他"

    @property
    def sensitive_by_default(self) -> bool:
        """Medical records need the sensitive-records right unless the user says otherwise."""
        return self is AttachmentType.MEDICAL


class TargetKind(Labelled):
    """What inside the case a file belongs to, besides the case itself."""

    PARTY = "party", "当事人"
    SESSION = "session", "调解记录"
    AGREEMENT = "agreement", "调解协议"
    ACTION = "action", "处置措施"


def parse_type(value: AttachmentType | str) -> AttachmentType:
    if isinstance(value, AttachmentType):
        return value
    for member in AttachmentType:
        if value in (member.value, member.label):
            return member
    raise ValidationError(f"未知的材料类型：{value}", field="doc_type")


def parse_target(value: TargetKind | str | None) -> TargetKind | None:
    if value is None or value == "":
        return None
    try:
        return TargetKind(value)
    except ValueError:
        raise ValidationError(f"未知的关联对象类型：{value}", field="target_kind") from None


# --- what a file is --------------------------------------------------------------------------------

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)

_BY_EXTENSION = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif", ".bmp": "image/bmp",
    ".tif": "image/tiff", ".tiff": "image/tiff", ".webp": "image/webp", ".pdf": "application/pdf",
    ".txt": "text/plain", ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".wps": "application/vnd.ms-works", ".ofd": "application/ofd", ".mp3": "audio/mpeg", ".m4a": "audio/mp4",
    ".amr": "audio/amr", ".wav": "audio/wav", ".mp4": "video/mp4", ".mov": "video/quicktime",
    ".zip": "application/zip", ".rar": "application/vnd.rar",
}
OCTET_STREAM = "application/octet-stream"
PREVIEW_IMAGES = frozenset({"image/jpeg", "image/png", "image/gif", "image/bmp", "image/webp"})
PDF = "application/pdf"


def sniff_media_type(head: bytes, filename: str = "") -> str:
    """The media type from the file's first bytes (JPEG, PNG, PDF …); by the name's extension only when the
    bytes say nothing. A PDF may start after some junk, so its marker is looked for in the first kilobyte."""
    for magic, media in _MAGIC:
        if head.startswith(magic):
            return media
    if head[:12].startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp"
    if b"%PDF-" in head[:SNIFF_BYTES]:
        return PDF
    return _BY_EXTENSION.get(PurePath(filename).suffix.lower(), OCTET_STREAM)


def preview_kind(media_type: str) -> str:
    """'image', 'pdf' or 'external' (opened with the system's viewer after a warning)."""
    if media_type in PREVIEW_IMAGES:
        return "image"
    if media_type == PDF:
        return "pdf"
    return "external"


# --- file names ------------------------------------------------------------------------------------

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}


def _visible(name: str) -> str:
    """`name` without invisible format characters (category Cf: bidi overrides such as U+202E, zero-width
    spaces, BOM) and line/paragraph separators. "证据\\u202egpj.exe" shows as "证据exe.jpg" in a file list;
    stripped, it is "证据gpj.exe": the extension reads as it really is."""
    return "".join(ch for ch in name if unicodedata.category(ch) not in ("Cf", "Zl", "Zp"))


def clean_filename(name: str, fallback: str = "附件") -> str:
    """A name safe to show and to write in a temp folder on any system: no folders, no control, bidi or
    reserved characters, no trailing dots or spaces, not a Windows device name, at most 120 characters (the
    extension kept)."""
    base = PureWindowsPath(_visible(unicodedata.normalize("NFC", name or ""))).name   # drops C:\… and a/b/
    base = _FORBIDDEN.sub("_", base).strip().strip(".").strip()
    if not base or set(base) <= {"_", " "}:
        base = fallback
    stem, dot, ext = base.rpartition(".")
    if not dot or not stem:
        stem, ext = base, ""
    if stem.upper() in _WINDOWS_RESERVED:
        stem = f"_{stem}"
    ext = ext[:16]
    room = MAX_FILENAME_CHARS - (len(ext) + 1 if ext else 0)
    stem = stem[:room].rstrip(" .") or fallback
    return f"{stem}.{ext}" if ext else stem


# --- size ------------------------------------------------------------------------------------------

def format_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def limit_bytes(limit_mb: int) -> int:
    return int(limit_mb) * 1024 * 1024


def check_size(size: int, limit_mb: int, filename: str) -> None:
    """Refuse an empty file or one over the limit, before anything is read or written."""
    if size <= 0:
        raise ValidationError(f"文件“{filename}”是空文件，未添加。", code="attachment_empty", field="file")
    if size > limit_bytes(limit_mb):
        raise ValidationError(
            f"文件“{filename}”大小为 {format_size(size)}，超过了每个文件 {limit_mb} MB 的上限，未添加。"
            "请压缩或拆分后再添加；如确需更大的文件，请系统管理员在设置中调整“附件大小上限”。",
            code="attachment_too_large", field="file")
