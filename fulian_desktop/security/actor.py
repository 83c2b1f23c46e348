"""Who is acting: the logged-in user, or the key holder at the command line."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from ..domain.enums import Role


@dataclass(frozen=True)
class Actor:
    user_id: str | None
    username: str
    display_name: str
    role: Role
    unit_id: str
    # The acting user's unit and every unit below it: the only units whose records it may touch.
    scope_unit_ids: frozenset[str] = field(default_factory=frozenset)
    must_change_password: bool = False
    is_system: bool = False
    # True when the actor's unit is the district itself: every unit is in scope, now and later.
    sees_everything: bool = False
    logged_in_at: datetime | None = None
    # The password this session logged in with (a fingerprint of its hash) and the audit seq of that login:
    # a password set by someone else after it ends the session (security/audit.py). None: not checked.
    credentials_mark: str | None = None
    session_seq: int | None = None

    @property
    def audit_name(self) -> str:
        if self.is_system:
            return self.display_name  # 密钥持有人（命令行）: no account behind it
        return f"{self.display_name}（{self.username}）"

    def in_scope(self, unit_id: str | None) -> bool:
        return unit_id is not None and (self.sees_everything or unit_id in self.scope_unit_ids)


def credentials_mark(password_hash: str) -> str:
    """A short fingerprint of a stored password hash: tells a session its password changed without keeping the hash."""
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()[:16]
