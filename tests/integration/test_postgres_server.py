"""The district server: several desks on one PostgreSQL store (only with a server: FULIAN_TEST_PG_URL)."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from fulian_desktop import cli
from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.domain.errors import ConflictError, StoreError
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import case_queries, cases, search
from fulian_desktop.store.models import Case
from fulian_desktop.store.server import create_server_store
from fulian_desktop.store.server_profile import ServerProfile
from fulian_desktop.store.store import Store, open_store
from tests.support import pg
from tests.support.stores import FAST_KDF, PASSPHRASE, VILLAGE_A1, NoKeyringVault, build_org

pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(not pg.server_url(), reason="FULIAN_TEST_PG_URL not set")]


def _empty_database() -> str:
    cluster = pg.cluster()
    name = cluster.new_database()
    cluster.drop([name])
    cluster._exec(f'CREATE DATABASE "{name}"')  # truly empty: the migrations run on PostgreSQL here
    cluster.created.append(name)
    return name


@pytest.fixture
def district(tmp_path: Path):  # noqa: ANN201
    cluster = pg.cluster()
    created = create_server_store(tmp_path / "desk1", cluster.profile(_empty_database()), vault=NoKeyringVault(),
                                  passphrase=PASSPHRASE, kdf=FAST_KDF)
    with created.store as store:
        org = build_org(store)
    yield tmp_path, org
    cluster.drop([n for n in list(cluster.created) if n != cluster.base])


def _desk(root: Path) -> Store:
    return open_store(root, vault=NoKeyringVault())


def test_cli_init_on_the_server_and_a_second_desk_connects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    cluster = pg.cluster()
    name = _empty_database()
    url = f"postgresql://{cluster.url.username}@{cluster.url.host}:{cluster.url.port}/{name}?sslmode=prefer"
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FULIAN_ADMIN_PASSWORD", "Admin-Start-1")
    monkeypatch.setenv("FULIAN_PG_PASSWORD", cluster.url.password or "")
    try:
        assert cli.main(["--data-dir", str(tmp_path / "desk1"), "init", "--server", url]) == 0
        assert "恢复码" in capsys.readouterr().out
        assert (tmp_path / "desk1" / "server.json").exists() and not (tmp_path / "desk1" / "fulian.db").exists()
        assert "pw" not in (tmp_path / "desk1" / "server.json").read_text() or not cluster.url.password
        assert cli.main(["--data-dir", str(tmp_path / "desk2"), "server", "set", url]) == 0
        assert cli.main(["--data-dir", str(tmp_path / "desk2"), "info", "--json"]) == 0
        assert '"backend": "postgresql"' in capsys.readouterr().out
        # A second init on the same database refuses rather than overwriting the district's store.
        assert cli.main(["--data-dir", str(tmp_path / "desk3"), "init", "--server", url]) == 1
        assert "已有数据存储" in capsys.readouterr().err
        monkeypatch.setenv("FULIAN_PG_PASSWORD", "不对的密码")
        assert cli.main(["--data-dir", str(tmp_path / "desk2"), "info"]) == 1
        assert "用户名或密码不正确" in capsys.readouterr().err
    finally:
        cluster.drop([name])


def test_profile_refuses_bad_settings_with_a_field() -> None:
    profile, password = ServerProfile.from_url("postgresql://fulian:s3cret@db.wangcheng.gov:6543/fulian?sslmode=verify-full")
    assert (profile.host, profile.port, profile.database, profile.user, profile.sslmode, password) == (
        "db.wangcheng.gov", 6543, "fulian", "fulian", "verify-full", "s3cret")
    with pytest.raises(Exception) as err:
        ServerProfile.from_url("postgresql://fulian@db/fulian?sslmode=sometimes")
    assert getattr(err.value, "field", None) == "sslmode"


def test_case_numbers_stay_unique_and_gap_free_across_desks(district) -> None:  # noqa: ANN001
    root, org = district
    desks = [_desk(root / "desk1"), _desk(root / "desk1")]
    errors: list[BaseException] = []
    start = threading.Barrier(len(desks))

    def work(store: Store) -> None:
        actor = auth.system_actor(store)
        start.wait()
        try:
            for i in range(12):
                with store.uow(write=True) as uow:
                    cases.create_case(uow, actor, cases.NewCase(title=f"并发{i}", kind=CaseKind.MEDIATION,
                                                                unit_id=org.units[VILLAGE_A1]))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(d,)) for d in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    try:
        assert not errors, errors
        with desks[0].uow() as uow:
            seqs = sorted(uow.s.execute(select(Case.case_seq).where(Case.owner_unit_id == org.units[VILLAGE_A1]))
                          .scalars())
            numbers = uow.s.execute(select(Case.case_no)).scalars().all()
        assert seqs == list(range(1, 25))
        assert len(set(numbers)) == len(numbers)
    finally:
        for d in desks:
            d.close()


def test_a_stale_save_from_another_desk_is_a_clear_conflict(district) -> None:  # noqa: ANN001
    root, _org = district
    desk_a, desk_b = _desk(root / "desk1"), _desk(root / "desk1")
    try:
        actor = auth.system_actor(desk_a)
        with desk_a.uow(write=True) as uow:
            case = cases.create_case(uow, actor, cases.NewCase(title="宅基地纠纷", kind=CaseKind.MEDIATION))
        loaded, saved = threading.Event(), threading.Event()
        outcome: dict[str, object] = {}

        def slow_desk() -> None:
            try:
                with desk_b.uow(write=True) as uow:
                    uow.s.execute(select(Case).where(Case.id == case.row.id)).scalar_one()
                    loaded.set()
                    saved.wait(30)  # the other desk saves meanwhile
                    cases.update_case(uow, actor, case.row.id, case.version, {"title": "宅基地纠纷（乙）"})
                outcome["b"] = "saved"
            except ConflictError as exc:
                outcome["b"] = exc.message

        t = threading.Thread(target=slow_desk)
        t.start()
        loaded.wait(30)
        with desk_a.uow(write=True) as uow:
            cases.update_case(uow, actor, case.row.id, case.version, {"title": "宅基地纠纷（甲）"})
        saved.set()
        t.join(60)
        assert "其他用户修改" in str(outcome["b"]) and "输入已保留" in str(outcome["b"])
        with desk_a.uow() as uow:
            assert uow.s.get(Case, case.row.id).title == "宅基地纠纷（甲）"
    finally:
        desk_a.close()
        desk_b.close()


def test_search_on_the_server_matches_words_case_insensitively_and_literally(district) -> None:  # noqa: ANN001
    root, _org = district
    with _desk(root / "desk1") as store:
        actor = auth.system_actor(store)
        with store.uow(write=True) as uow:
            for title in ("张三赡养纠纷", "ABC 物业纠纷", "百分之百_案", "李四婚姻家庭纠纷"):
                cases.create_case(uow, actor, cases.NewCase(title=title, kind=CaseKind.MEDIATION))
        with store.uow() as uow:
            def found(q: str) -> list[str]:
                return sorted(r.title for r in search.free_text(uow, actor, q))

            assert found("赡养") == ["张三赡养纠纷"]
            assert found("abc") == ["ABC 物业纠纷"]
            assert found("纠纷 张三") == ["张三赡养纠纷"]
            assert found("之_") == []  # a typed underscore is not a wildcard (it would match 之百)
            assert found("百_案") == ["百分之百_案"]
            # Two characters (the index of character pairs): letter case, a literal underscore, a name
            assert found("ab") == ["ABC 物业纠纷"]
            assert found("_案") == ["百分之百_案"]
            assert found("张三") == ["张三赡养纠纷"]
            assert found("纠纷") == ["ABC 物业纠纷", "张三赡养纠纷", "李四婚姻家庭纠纷"]
            assert found("纷 张") == ["张三赡养纠纷"]     # one character: read from the tables
            assert uow.s.execute(text("select current_setting('server_version_num')::int")).scalar() > 0


def test_the_case_list_holds_every_id_in_display_order_even_one_with_a_comma(district) -> None:  # noqa: ANN001
    """The server joins the ids into one value; an id holding the separator (a row from another station) makes the
    list fall back to reading them row by row, whole."""
    root, _org = district
    with _desk(root / "desk1") as store:
        actor = auth.system_actor(store)
        with store.uow(write=True) as uow:
            made = [cases.create_case(uow, actor, cases.NewCase(title=f"赡养纠纷{i}", kind=CaseKind.MEDIATION))
                    for i in range(3)]
        listed = "SELECT id FROM case_file WHERE deleted_at IS NULL ORDER BY {} DESC, id DESC"
        with store.uow() as uow:
            ids = case_queries.list_case_ids(uow, actor)
            assert ids == list(uow.s.execute(text(listed.format("opened_at"))).scalars())
            assert len(ids) == 3 and set(ids) == {c.row.id for c in made}
            by_title = case_queries.list_case_ids(uow, actor, sort="title")
            assert by_title == list(uow.s.execute(text(listed.format("title"))).scalars())
        with store.uow(write=True) as uow:
            source = uow.s.get(Case, made[0].row.id)
            copy = {a.key: getattr(source, a.key) for a in inspect(Case).column_attrs}
            uow.s.add(Case(**{**copy, "id": "外站,甲", "case_no": source.case_no + "-外"}))
        with store.uow() as uow:
            ids = case_queries.list_case_ids(uow, actor)
            assert "外站,甲" in ids and len(ids) == 4
            assert ids == list(uow.s.execute(text(listed.format("opened_at"))).scalars())


def test_an_unreachable_server_is_named(tmp_path: Path) -> None:
    profile = ServerProfile(host="127.0.0.1", port=1, database="fulian", user="fulian", sslmode="disable")
    with pytest.raises(StoreError) as err:
        create_server_store(tmp_path / "d", profile, vault=NoKeyringVault(), passphrase=PASSPHRASE, kdf=FAST_KDF)
    assert "无法连接数据库服务器 127.0.0.1:1" in err.value.message
    assert not (tmp_path / "d").exists()
