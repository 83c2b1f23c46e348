"""Refusals of sync bundles: every one leaves the store unchanged."""
from __future__ import annotations

from ..domain.errors import FulianError


class SyncError(FulianError):
    code = "sync"


class BundleDamaged(SyncError):
    code = "bundle_damaged"  # truncated, half copied, or not a bundle at all


class BundleTampered(SyncError):
    code = "bundle_tampered"  # signature or encryption check failed


class BundleForeign(SyncError):
    code = "bundle_foreign"  # addressed to another station, or from a station we do not know


class BundleOutOfOrder(SyncError):
    code = "bundle_gap"  # an earlier bundle is missing


class BundleTooLarge(SyncError):
    code = "bundle_too_large"  # the file, its inflated payload or its row count passes the limits


class SenderOverreach(SyncError):
    """A bundle that changes what its sender may not change: refused whole."""

    code = "bundle_overreach"

    def __init__(self, message: str, *, table: str, record_id: str, reason: str) -> None:
        super().__init__(message)
        self.table, self.record_id, self.reason = table, record_id, reason
