"""Evidence and attachments: file contents stored once per content hash, in chunks, inside the store.

Inside the store means the SQLCipher page encryption covers them; no plain file is ever written beside it.
Chunks keep a 50 MB file from being one giant value in memory and in a sync bundle.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, OwnedRecord, UTCDateTime, utcnow


class AttachmentBlob(Base):
    """The content of one file, named by its SHA-256: the same file attached twice is stored once."""

    __tablename__ = "attachment_blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    chunk_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AttachmentChunk(Base):
    __tablename__ = "attachment_chunk"
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_blob.sha256"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(OwnedRecord, Base):
    """A file attached to a case, optionally to one party, session, agreement or crisis action in it."""

    __tablename__ = "attachment"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    target_kind: Mapped[str | None] = mapped_column(String(32))   # party | session | agreement | action
    target_id: Mapped[str | None] = mapped_column(String(36), index=True)
    doc_type: Mapped[str] = mapped_column(String(32))             # 证据材料 身份证明 … (enum AttachmentType)
    description: Mapped[str | None] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_blob.sha256"), index=True)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)  # medical etc.: needs the sensitive-records right
    added_by_id: Mapped[str | None] = mapped_column(String(36))
    added_by_name: Mapped[str] = mapped_column(String(100))
