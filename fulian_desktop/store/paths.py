"""Where a store lives: one data folder holds the database (or a PostgreSQL server profile), its key
file and backups."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "FULIAN_DATA_DIR"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("fulian-desktop", appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


@dataclass(frozen=True)
class StorePaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "fulian.db"

    @property
    def keyfile(self) -> Path:
        return self.root / "keystore.json"

    @property
    def server_profile(self) -> Path:
        """Present instead of the database when the store lives on a PostgreSQL server."""
        return self.root / "server.json"

    @property
    def backup_log(self) -> Path:
        """When this folder's store was last backed up and verified (read by the reminder)."""
        return self.backups / "last-backup.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def sidecars(self) -> list[Path]:
        return [self.root / "fulian.db-wal", self.root / "fulian.db-shm"]

    def exists(self) -> bool:
        return self.database.exists() or self.keyfile.exists() or self.server_profile.exists()

    def is_server(self) -> bool:
        return self.server_profile.exists()
