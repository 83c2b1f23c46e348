"""The register of issued papers: each printed or exported paper's verification code and file digest, so a paper in
hand (its code typed or scanned, or its PDF) can be checked against the case file.

Not synced: it is this store's record of what it issued, signed with its station key."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, new_id, utcnow


class IssuedPaper(Base):
    """One paper as issued. The code is a digest of the pages' content (the same data gives the same code); the
    sha256 is of the whole file as handed out. Nothing here names a person: the case number and the paper's kind."""

    __tablename__ = "issued_paper"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(32), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    case_no: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))
    recipient: Mapped[str] = mapped_column(String(16))
    purpose: Mapped[str] = mapped_column(String(16))
    owner_unit_id: Mapped[str] = mapped_column(String(36))
    issued_by: Mapped[str] = mapped_column(String(100))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    station_id: Mapped[str] = mapped_column(String(36))
    signature: Mapped[bytes] = mapped_column(LargeBinary)      # Ed25519 over signed_text(), the station's key
