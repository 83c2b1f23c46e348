"""The store on disk: encrypted, no personal data or key in any file, and every refusal leaves it untouched."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from fulian_desktop import cli
from fulian_desktop.domain.enums import CaseKind, PartyRole
from fulian_desktop.domain.errors import (
    KeyUnavailable, NotAStore, StoreExists, StoreNotFound, WrongKey,
)
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.keyring_vault import KeyringVault
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import cases
from fulian_desktop.store.paths import StorePaths
from fulian_desktop.store.store import Store, Unlock, create_store, open_store
from tests.support.memory_keyring import InMemoryKeyring
from tests.support.stores import (
    FAST_KDF, PASSPHRASE, SQLITE_HEADER, NoKeyringVault, all_files, assert_unchanged, build_org, copy_store,
    leaks, new_store, snapshot,
)

NAME = "欧阳秀英"
ID_NUMBER = "11010519491231002X"
PHONE = "13912345678"
ADDRESS = "望城区高塘岭街道郭亮村七组"
PERSONAL = {
    "name": NAME.encode("utf-8"),
    "id number": ID_NUMBER.encode("ascii"),
    "phone": PHONE.encode("ascii"),
    "address": ADDRESS.encode("utf-8"),
    "name pinyin": b"ouyangxiuying",
}


def _key_needles(key: bytes) -> dict[str, bytes]:
    return {"key hex": key.hex().encode(), "KEY HEX": key.hex().upper().encode(), "raw key": key}


def _add_person(store: Store) -> str:
    build_org(store)
    actor = auth.system_actor(store)
    with store.uow(write=True) as uow:
        case = cases.create_case(uow, actor, cases.NewCase(title="家庭纠纷调解", kind=CaseKind.MEDIATION))
        cases.add_party(uow, actor, case.row.id,
                        PersonInput(name=NAME, sex="female", id_number=ID_NUMBER, phone=PHONE, address=ADDRESS),
                        PartyRole.APPLICANT)
    return case.row.id


def _read_person(store: Store, case_id: str) -> tuple[str, str | None, str | None]:
    with store.uow(write=True) as uow:
        party = cases.get_case(uow, auth.system_actor(store), case_id).parties[0]
    return party.name, party.id_number, party.phone


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory):
    """Built once: a store made with a keyring and a passphrase, holding one person; closed."""
    vault = KeyringVault(InMemoryKeyring())
    root = tmp_path_factory.mktemp("encryption") / "data"
    created = create_store(root, passphrase=PASSPHRASE, vault=vault, kdf=FAST_KDF)
    assert created.uses_keyring
    with created.store as store:
        case_id = _add_person(store)
        store_id = store.store_id
    return root, created.recovery_code, case_id, store_id, vault.get(store_id)


@pytest.fixture
def populated(_template, tmp_path: Path, memory_vault: KeyringVault):
    """A private copy of the template store; memory_vault holds its key as the creating machine's keyring did."""
    template, recovery, case_id, store_id, key_hex = _template
    root = copy_store(template, tmp_path / "data")
    memory_vault.put(store_id, key_hex)
    return root, recovery, case_id, bytes.fromhex(key_hex)


def test_no_plaintext_in_any_file_while_open_and_after_close(tmp_path: Path, memory_vault: KeyringVault) -> None:
    root = tmp_path / "data"
    paths = StorePaths(root)
    created = create_store(root, passphrase=PASSPHRASE, vault=memory_vault, kdf=FAST_KDF)
    store = created.store
    key = bytes.fromhex(memory_vault.get(store.store_id))
    files = [paths.database, *paths.sidecars(), paths.keyfile]
    try:
        case_id = _add_person(store)
        # Still open, right after the commit: the WAL holds the new pages.
        wal = paths.sidecars()[0]
        assert wal.exists() and wal.stat().st_size > 0, "expected a write-ahead log with the new pages"
        assert leaks(files, PERSONAL) == []
        assert leaks(all_files(root), _key_needles(key)) == []
        assert _read_person(store, case_id) == (NAME, ID_NUMBER, PHONE)
    finally:
        store.close()

    with open(paths.database, "rb") as fh:
        assert fh.read(16) != SQLITE_HEADER
    assert leaks(files, PERSONAL) == []
    assert leaks(all_files(root), _key_needles(key)) == []
    # The key file holds wrapped keys only: no personal data, no key, no recovery code, no passphrase.
    keyfile_text = paths.keyfile.read_text(encoding="utf-8")
    json.loads(keyfile_text)
    assert PASSPHRASE not in keyfile_text
    assert created.recovery_code not in keyfile_text
    assert created.recovery_code.replace("-", "") not in keyfile_text
    # It opens again through the keyring it was created with.
    with open_store(root, vault=memory_vault) as store:
        assert _read_person(store, case_id) == (NAME, ID_NUMBER, PHONE)
    # The plain sqlite3 driver cannot read it.
    con = sqlite3.connect(paths.database)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            con.execute("select count(*) from sqlite_master").fetchone()
    finally:
        con.close()


def test_opens_with_keyring_recovery_code_and_passphrase(populated, memory_vault: KeyringVault) -> None:
    root, recovery, case_id, _key = populated
    unlocks = [
        ("keyring", None),
        ("recovery code", Unlock(recovery_code=recovery)),
        ("recovery code, lower case", Unlock(recovery_code=recovery.lower())),
        ("recovery code, no dashes", Unlock(recovery_code=recovery.replace("-", ""))),
        ("recovery code, lower case, no dashes", Unlock(recovery_code=recovery.replace("-", "").lower())),
        ("passphrase", Unlock(passphrase=PASSPHRASE)),
    ]
    for label, unlock in unlocks:
        with open_store(root, unlock, vault=memory_vault) as store:
            assert _read_person(store, case_id) == (NAME, ID_NUMBER, PHONE), label


def test_recovery_code_opens_on_a_machine_without_the_keyring_entry(populated) -> None:
    root, recovery, case_id, _key = populated
    with open_store(root, Unlock(recovery_code=recovery), vault=NoKeyringVault()) as store:
        assert _read_person(store, case_id)[0] == NAME


def _refused(root: Path, exc_type: type[Exception], unlock: Unlock | None, vault: KeyringVault) -> Exception:
    before = snapshot(root)
    with pytest.raises(exc_type) as info:
        open_store(root, unlock, vault=vault)
    assert_unchanged(before, snapshot(root))
    assert info.value.message  # a message the user can read
    return info.value


def test_wrong_secrets_are_refused_and_change_nothing(populated, memory_vault: KeyringVault) -> None:
    root, recovery, _case_id, _key = populated
    err = _refused(root, WrongKey, Unlock(passphrase=PASSPHRASE + "x"), memory_vault)
    assert err.code == "wrong_passphrase"
    wrong_code = ("0" if recovery[0] != "0" else "1") + recovery[1:]
    err = _refused(root, WrongKey, Unlock(recovery_code=wrong_code), memory_vault)
    assert err.code == "wrong_recovery"
    # Another machine: its keyring has no entry for this store.
    empty = KeyringVault(InMemoryKeyring())
    err = _refused(root, KeyUnavailable, None, empty)
    assert err.code == "keyring_entry_missing"
    assert empty.backend().entries == {}


def test_garbage_database_file_is_refused_and_unchanged(populated, memory_vault: KeyringVault) -> None:
    root, recovery, _case_id, _key = populated
    db = StorePaths(root).database
    db.write_bytes(bytes(range(256)) * 64)
    for unlock in (None, Unlock(passphrase=PASSPHRASE), Unlock(recovery_code=recovery)):
        _refused(root, NotAStore, unlock, memory_vault)


@pytest.mark.parametrize("size", [0, 1, 100, 4096])
def test_empty_or_truncated_database_file_is_refused_and_unchanged(populated, memory_vault: KeyringVault,
                                                                   size: int) -> None:
    """A copy cut short (disk full, an interrupted transfer) must not be taken for a new database."""
    root, _recovery, _case_id, _key = populated
    db = StorePaths(root).database
    db.write_bytes(db.read_bytes()[:size])
    _refused(root, NotAStore, Unlock(passphrase=PASSPHRASE), memory_vault)
    _refused(root, NotAStore, None, memory_vault)
    assert db.stat().st_size == size


def test_plain_sqlite_file_is_refused_and_unchanged(populated, memory_vault: KeyringVault) -> None:
    root, _recovery, _case_id, _key = populated
    db = StorePaths(root).database
    db.unlink()
    con = sqlite3.connect(db)
    con.execute("create table store_meta (id integer primary key, store_id text, created_at text, demo int)")
    con.execute("insert into store_meta values (1, 'x', '2026-01-01', 0)")
    con.commit()
    con.close()
    assert db.read_bytes()[:16] == SQLITE_HEADER
    _refused(root, NotAStore, None, memory_vault)
    _refused(root, NotAStore, Unlock(passphrase=PASSPHRASE), memory_vault)


def test_corrupted_key_file_is_refused_and_unchanged(populated, memory_vault: KeyringVault) -> None:
    root, recovery, _case_id, _key = populated
    keyfile = StorePaths(root).keyfile
    original = keyfile.read_bytes()
    keyfile.write_bytes(original[: len(original) // 2])  # cut off half-way, as by a bad copy
    for unlock in (None, Unlock(passphrase=PASSPHRASE), Unlock(recovery_code=recovery)):
        _refused(root, NotAStore, unlock, memory_vault)
    # Valid JSON, but a slot whose ciphertext was mangled.
    data = json.loads(original)
    data["slots"]["passphrase"]["ct"] = "not base64!"
    keyfile.write_text(json.dumps(data), encoding="utf-8")
    _refused(root, NotAStore, Unlock(passphrase=PASSPHRASE), memory_vault)


def test_no_store_at_all(tmp_path: Path, memory_vault: KeyringVault) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    _refused(empty, StoreNotFound, None, memory_vault)
    _refused(empty, StoreNotFound, Unlock(passphrase=PASSPHRASE), memory_vault)
    missing = tmp_path / "nowhere"
    with pytest.raises(StoreNotFound):
        open_store(missing, vault=memory_vault)
    assert not missing.exists()


def test_missing_database_or_key_file_is_refused(populated, memory_vault: KeyringVault) -> None:
    root, _recovery, _case_id, _key = populated
    paths = StorePaths(root)
    keyfile = paths.keyfile.read_bytes()
    paths.keyfile.unlink()
    _refused(root, NotAStore, Unlock(passphrase=PASSPHRASE), memory_vault)
    paths.keyfile.write_bytes(keyfile)
    paths.database.unlink()
    _refused(root, NotAStore, Unlock(passphrase=PASSPHRASE), memory_vault)


def test_create_over_an_existing_store_is_refused(populated, memory_vault: KeyringVault) -> None:
    root, _recovery, case_id, _key = populated
    before = snapshot(root)
    keyring_before = dict(memory_vault.backend().entries)
    for kwargs in ({"passphrase": "another passphrase 1"}, {"passphrase": None}):
        with pytest.raises(StoreExists):
            create_store(root, vault=memory_vault, kdf=FAST_KDF, **kwargs)
        assert_unchanged(before, snapshot(root))
    assert memory_vault.backend().entries == keyring_before
    # The original store still opens and still holds its data.
    with open_store(root, vault=memory_vault) as store:
        assert _read_person(store, case_id)[0] == NAME


def test_create_refused_when_only_the_key_file_is_left(tmp_path: Path) -> None:
    created = new_store(tmp_path / "data")
    created.store.close()
    StorePaths(tmp_path / "data").database.unlink()
    before = snapshot(tmp_path / "data")
    with pytest.raises(StoreExists):
        new_store(tmp_path / "data")
    assert_unchanged(before, snapshot(tmp_path / "data"))


def test_cli_init_on_an_existing_store(populated, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    root, _recovery, _case_id, _key = populated
    monkeypatch.setenv("FULIAN_DATA_DIR", str(root))
    monkeypatch.setenv("FULIAN_PASSPHRASE", "another passphrase 1")
    monkeypatch.setenv("FULIAN_ADMIN_PASSWORD", "Admin-Start-2")
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    before = snapshot(root)
    code = cli.main(["init", "--no-keyring"])
    out, err = capsys.readouterr()
    assert code != 0
    assert "已有数据存储" in err
    assert "恢复码" not in out
    assert_unchanged(before, snapshot(root))


def test_cli_init_creates_a_passphrase_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """The happy path of the same command, so the refusal above is not just a broken command."""
    import fulian_desktop.cli.store_cmds as store_cmds

    real_create = store_cmds.create_store
    monkeypatch.setattr(store_cmds, "create_store", lambda *a, **kw: real_create(*a, kdf=FAST_KDF, **kw))
    root = tmp_path / "fresh"
    monkeypatch.setenv("FULIAN_DATA_DIR", str(root))
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FULIAN_ADMIN_PASSWORD", "Admin-Start-2")
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    assert cli.main(["init", "--no-keyring"]) == 0
    out = capsys.readouterr().out
    assert "已创建数据存储" in out
    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        assert auth.login(store, "admin", "Admin-Start-2").must_change_password
    with open(StorePaths(root).database, "rb") as fh:
        assert fh.read(16) != SQLITE_HEADER
