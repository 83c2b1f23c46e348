"""The single exception tree of the core.

Every error the core raises on purpose derives from ``FulianError`` so the UI
can catch one type and show ``message`` (Chinese, user-facing) while logs and
tests match on ``code`` (stable, English, never translated).
"""

from __future__ import annotations

from datetime import datetime


class FulianError(Exception):
    """Base of all deliberate core errors."""

    code: str = "error"  # subclasses override; instances may override again

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code  # instance attribute shadows the class default
        self.field = field  # form field to highlight, if the error is about one

    def __str__(self) -> str:
        return self.message

    @property
    def message_code(self) -> str | None:
        """The code of this message's template in the message catalogue (domain/error_catalogue.py), by which
        the UI shows it in the user's language; None for a message built some other way."""
        from .message_catalogue import identify

        found = identify(self.message)
        return found.code if found is not None else None


class ValidationError(FulianError):
    code = "invalid"


class InvalidIdNumber(ValidationError):
    code = "invalid_id_number"


class InvalidPhone(ValidationError):
    code = "invalid_phone"


class NotFound(FulianError):
    code = "not_found"


class PermissionDenied(FulianError):
    code = "permission_denied"


class ConflictError(FulianError):
    code = "conflict"  # stale version: someone else saved first


class WorkflowError(FulianError):
    code = "workflow"  # transition not allowed from current state


class StoreError(FulianError):
    code = "store"


class StoreNotFound(StoreError):
    code = "store_not_found"


class StoreExists(StoreError):
    code = "store_exists"


class NotAStore(StoreError):
    code = "not_a_store"


class WrongKey(StoreError):
    code = "wrong_key"


class KeyUnavailable(StoreError):
    code = "key_unavailable"


class StoreLocked(StoreError):
    code = "store_locked"  # another app instance holds the store


class MigrationError(StoreError):
    code = "migration"


class DiskFull(StoreError):
    code = "disk_full"


class AuthError(FulianError):
    code = "auth"


class BadCredentials(AuthError):
    code = "bad_credentials"


class AccountLocked(AuthError):
    code = "account_locked"

    def __init__(self, message: str, *, until: datetime, code: str | None = None,
                 field: str | None = None) -> None:
        super().__init__(message, code=code, field=field)
        self.until = until  # so the UI can say when to retry


class PasswordChangeRequired(AuthError):
    code = "password_change_required"


class AccountDisabled(AuthError):
    code = "account_disabled"


class SessionExpired(AuthError):
    code = "session_expired"  # e.g. an administrator reset the password after this session logged in
