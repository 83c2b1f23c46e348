"""A unit's monthly report sent up the tiers (上报): frozen figures, the station's signature, its review.

Synced like every record: it travels up with the unit's bundles, and the reviewer's verdict travels back down.
What a station may change of it is checked on the way in (sync/report_authority.py)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, OwnedRecord, UTCDateTime


class UnitReport(OwnedRecord, Base):
    """One unit's report for one month; `owner_unit_id` is the reporting unit. The figures and the fields the
    signature covers (domain/unit_reports.signed_bytes) change only when the unit resubmits a returned report."""

    __tablename__ = "unit_report"
    __table_args__ = (UniqueConstraint("owner_unit_id", "period"),)
    period: Mapped[str] = mapped_column(String(7), index=True)            # "2026-11"
    status: Mapped[str] = mapped_column(String(16))                       # submitted | returned | accepted
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)
    submission_no: Mapped[int] = mapped_column(Integer, default=1)        # 1, then one more per resubmission
    submitted_by: Mapped[str] = mapped_column(String(200))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    station_id: Mapped[str] = mapped_column(String(36))                   # the signing station
    signature: Mapped[str] = mapped_column(String(128))                   # Ed25519, base64
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    return_reason: Mapped[str | None] = mapped_column(Text)
