"""The program's idea of the newest schema must match the migration scripts it ships."""
from fulian_desktop.store import migrate


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    assert migrate.head_revision() == migrate.scripts_head()
    assert migrate.head_revision() in migrate.known_revisions()
