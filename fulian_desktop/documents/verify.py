"""Verifiable prints: the register of issued papers, and checking a paper in hand against it.

Every paper carries a verification code in its footer (and as a QR code, and in the PDF's Keywords): 16 base32
characters of a digest of what its pages show (layout.content_digest), so the same data always gives the same code
and the same bytes. When a paper is printed or exported its code, the sha256 of the whole file and what it is
(case number, kind, recipient, who, when) are entered here, signed with the station's Ed25519 key.

    verify_code(uow, actor, "ABCD-EFGH-JKLM-NPQR")   # a code typed or scanned from paper
    verify_pdf(uow, actor, pdf_bytes)                # a PDF file: its code, its digest, the signature

A verdict is 一致 (this store issued exactly this), 不一致 (the code is ours but the file or the record was changed)
or 未登记 (this store never issued it: another store's paper, or no code at all).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select

from ..domain.localtime import to_local
from ..security.actor import Actor
from ..security.permissions import Permission, require
from ..store.models import Case, OrgUnit
from ..store.models_papers import IssuedPaper
from ..store.models_sync import SyncPeer
from ..store.uow import UnitOfWork
from .kinds import DocumentKind, PrintPurpose, Recipient
from .layout import CODE_MARK, group_code

_CODE_IN_PDF = re.compile(re.escape(CODE_MARK).encode() + rb"([A-Z2-7]{16})")
_B32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
# What people mistype for base32's letters (the alphabet has no 0, 1, 8 or 9).
_LOOKALIKE = str.maketrans({"0": "O", "1": "I", "8": "B", "9": "G"})


class Verdict(str, Enum):
    MATCH = "match"
    MISMATCH = "mismatch"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {"match": "一致", "mismatch": "不一致", "unknown": "未登记"}[self.value]


@dataclass(frozen=True)
class VerifyResult:
    verdict: Verdict
    message: str                 # one Chinese sentence saying what was found
    code: str = ""
    case_no: str = ""
    kind: str = ""               # the paper's kind, as printed (e.g. 人民调解协议书)
    recipient: str = ""
    issued_at: datetime | None = None
    unit_name: str = ""

    def lines(self) -> list[str]:
        """The verdict and what the register holds, for the CLI and the dialog."""
        out = [f"核验结果：{self.verdict.label}", self.message]
        if self.code:
            out.append(f"核验码：{group_code(self.code)}")
        if self.case_no:
            out += [f"案号：{self.case_no}", f"文书：{self.kind}", f"出具对象：{self.recipient}"]
        if self.issued_at is not None:
            out.append(f"出具时间：{to_local(self.issued_at):%Y-%m-%d %H:%M}")
        if self.unit_name:
            out.append(f"出具单位：{self.unit_name}")
        return out


def code_in_pdf(pdf: bytes) -> str | None:
    """The verification code a PDF carries in its Keywords, or None. The marker is searched for in the bytes (a
    case file is large: parsing it would cost more than the code); when more than one code turns up (an attached
    PDF may carry another paper's marker in its own objects) the Keywords entry is read properly."""
    found = {str(m.decode("ascii")) for m in _CODE_IN_PDF.findall(pdf)}
    if len(found) == 1:
        return found.pop()
    return keywords_code(pdf) if found else None


def keywords_code(pdf: bytes) -> str | None:
    """The code in the document's own Keywords (its Info dictionary), read by a PDF parser; None if unreadable."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        meta = PdfReader(io.BytesIO(pdf)).metadata
        keywords = str(meta.get("/Keywords") or "") if meta is not None else ""
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError):
        return None
    found = _CODE_IN_PDF.fullmatch(keywords.strip().encode("ascii", "replace"))
    return found.group(1).decode("ascii") if found else None


def normalize_code(text: str) -> str | None:
    """A typed or scanned code as stored: the QR's prefix, dashes, spaces and case dropped; None if not a code."""
    raw = text.strip().upper()
    if raw.startswith(CODE_MARK):
        raw = raw[len(CODE_MARK):]
    raw = re.sub(r"[\s\-－—_]", "", raw).translate(_LOOKALIKE)
    return raw if len(raw) == 16 and set(raw) <= _B32 else None


def _signed_text(p: IssuedPaper) -> bytes:
    return "|".join(["fulian-issued-paper-v1", p.code, p.sha256, p.case_id, p.case_no, p.kind, p.recipient,
                     p.purpose, p.owner_unit_id, p.station_id, to_utc_text(p.issued_at)]).encode("utf-8")


def to_utc_text(at: datetime) -> str:
    return at.astimezone(timezone.utc).isoformat(timespec="seconds")


def register_paper(uow: UnitOfWork, actor: Actor, case: Case, kind: DocumentKind, recipient: Recipient,
                   purpose: PrintPurpose, pdf: bytes, case_no: str) -> str | None:
    """Enter an issued paper in the register, signed with the station key; returns its code (None: no code).
    `case_no`: the number the paper prints."""
    from ..domain.clock import now_utc
    from ..sync.identity import ensure_identity

    code = code_in_pdf(pdf)
    if code is None:
        return None
    ident = ensure_identity(uow)
    row = IssuedPaper(code=code, sha256=hashlib.sha256(pdf).hexdigest(), case_id=case.id, case_no=case_no,
                      kind=kind.value, recipient=recipient.value, purpose=purpose.value,
                      owner_unit_id=case.owner_unit_id, issued_by=actor.username,
                      issued_at=now_utc().replace(microsecond=0), station_id=ident.station_id, signature=b"")
    row.signature = Ed25519PrivateKey.from_private_bytes(ident.sign_private).sign(_signed_text(row))
    uow.s.add(row)
    return code


def _signature_holds(uow: UnitOfWork, row: IssuedPaper) -> bool:
    from ..sync.bundle import public_keys
    from ..sync.identity import identity

    mine = identity(uow)
    if mine is not None and mine.station_id == row.station_id:
        public = public_keys(mine.sign_private, mine.box_private)[0]
    else:
        peer = uow.s.get(SyncPeer, row.station_id)
        if peer is None:
            return False
        public = peer.sign_public
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(row.signature, _signed_text(row))
    except (InvalidSignature, ValueError):
        return False
    return True


def _described(uow: UnitOfWork, verdict: Verdict, message: str, row: IssuedPaper) -> VerifyResult:
    try:
        kind = DocumentKind(row.kind).label
    except ValueError:
        kind = row.kind
    try:
        recipient = Recipient(row.recipient).label
    except ValueError:
        recipient = row.recipient
    unit = uow.s.get(OrgUnit, row.owner_unit_id)
    return VerifyResult(verdict, message, row.code, row.case_no, kind, recipient, row.issued_at,
                        unit.name if unit else "")


def _issued(uow: UnitOfWork, code: str) -> list[IssuedPaper]:
    return list(uow.s.execute(select(IssuedPaper).where(IssuedPaper.code == code)
                              .order_by(IssuedPaper.issued_at, IssuedPaper.id)).scalars())


def verify_code(uow: UnitOfWork, actor: Actor, text: str) -> VerifyResult:
    """A code typed or scanned from a paper: 一致 when this store issued a paper with it (and its record's
    signature holds), 不一致 when the record was altered, 未登记 when it never issued one."""
    require(actor, Permission.CASE_READ)
    code = normalize_code(text)
    if code is None:
        return VerifyResult(Verdict.UNKNOWN, "输入的不是幸福号的核验码：核验码为 16 位字母和数字，例如 ABCD-EFGH-JKMN-PQRS。")
    rows = _issued(uow, code)
    if not rows:
        return VerifyResult(Verdict.UNKNOWN, "本系统没有出具过带此核验码的文书。", code)
    good = [r for r in rows if _signature_holds(uow, r)]
    if not good:
        return _described(uow, Verdict.MISMATCH, "登记记录的签名不符：登记内容已被改动，请勿采信。", rows[-1])
    return _described(uow, Verdict.MATCH, "本系统出具过此文书，请核对纸面上的案号和文书名称与下列一致。", good[-1])


def verify_pdf(uow: UnitOfWork, actor: Actor, pdf: bytes) -> VerifyResult:
    """A PDF file: its code must be registered here, and the file's sha256 must be one issued under that code."""
    require(actor, Permission.CASE_READ)
    code = keywords_code(pdf) or code_in_pdf(pdf)    # a file brought in is parsed; the bytes are the fallback
    if code is None:
        return VerifyResult(Verdict.UNKNOWN, "此文件没有幸福号的核验码，不是本系统出具的文书。")
    rows = _issued(uow, code)
    if not rows:
        return VerifyResult(Verdict.UNKNOWN, "本系统没有出具过此文书（核验码未登记），可能来自其他数据存储。", code)
    digest = hashlib.sha256(pdf).hexdigest()
    same = [r for r in rows if r.sha256 == digest]
    if not same:
        return _described(uow, Verdict.MISMATCH, "文件内容与出具时不一致：文件在出具后被改动过。", rows[-1])
    good = [r for r in same if _signature_holds(uow, r)]
    if not good:
        return _described(uow, Verdict.MISMATCH, "登记记录的签名不符：登记内容已被改动，请勿采信。", same[-1])
    return _described(uow, Verdict.MATCH, "文件与本系统出具的文书逐字节一致。", good[-1])
