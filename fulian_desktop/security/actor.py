"""Who is acting: the logged-in user, or the key holder at the command line."""
from __future__ import annotations

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

    @property
    def audit_name(self) -> str:
        return f"{self.display_name}（{self.username}）"

    def in_scope(self, unit_id: str | None) -> bool:
        return unit_id is not None and (self.sees_everything or unit_id in self.scope_unit_ids)
