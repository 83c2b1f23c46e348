"""A station and the district exchange through one folder (the USB drive): a referral goes down to the
village and its acceptance comes back; a second exchange skips what was imported; a tampered or foreign
file in the folder is named, refused, and changes nothing. A new station's store exists only when the
one-time code is right."""
from __future__ import annotations

import pytest

from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.services.cases import cases
from fulian_desktop.services.referral import referrals
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.models import Case, Referral
from fulian_desktop.sync.errors import BundleTampered
from fulian_desktop.sync.folder import exchange_folder
from fulian_desktop.sync.provision import create_station_store, provision_station
from tests.support.stores import (
    FAST_KDF, PASSPHRASE, TOWN_A, VILLAGE_A1, VILLAGE_A2, NoKeyringVault, add_user, build_org, first_login, new_store,
)
from tests.support.sync_stations import fingerprint, make_stations, without_audit


def test_referral_down_and_acceptance_back_through_one_folder(tmp_path) -> None:  # noqa: ANN001
    st = make_stations(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    try:
        add_user(st.district, "sup", Role.SUPERVISOR, st.org.district, display_name="区督导")
        add_user(st.district, "jie", Role.MEDIATOR, st.unit(TOWN_A), display_name="街道调解员")
        sup = first_login(st.district, "sup")
        with st.district.uow(write=True) as uow:
            case_id = cases.create_case(uow, sup, cases.NewCase(title="李某家庭纠纷", kind=CaseKind.PETITION,
                                                                unit_id=st.org.district)).row.id
            ref = referrals.refer_to_tier(uow, sup, case_id, st.unit(TOWN_A), "就近调解。")
        district, town = system_actor(st.district), system_actor(st.town)
        down = exchange_folder(st.district, district, usb, TOWN_A)
        assert down.records_out > 0 and not down.imported and len(down.written) == 1
        assert down.written[0][0].endswith(".fsync") and TOWN_A in down.written[0][0]

        up = exchange_folder(st.town, town, usb)          # at the town: import, accept, answer
        assert len(up.imported) == 1 and up.records_in > 0 and not up.refused
        jie = first_login(st.town, "jie")
        with st.town.uow(write=True) as uow:
            assert [i.referral_id for i in referrals.inbox(uow, jie)] == [ref.id]
            referrals.accept(uow, jie, ref.id, "街道接收")
        again = exchange_folder(st.town, town, usb)
        assert not again.imported and len(again.skipped) == 1 and "已导入过" in again.summary()

        back = exchange_folder(st.district, district, usb, TOWN_A)
        assert len(back.imported) == 1 and len(back.skipped) == 1  # its own old one is not for it; the first is
        with st.district.uow() as uow:
            assert uow.s.get(Referral, ref.id).status == "accepted"
            assert uow.s.get(Case, case_id).owner_unit_id == st.unit(TOWN_A)
        assert "收到 1 个同步包" in back.summary()
    finally:
        st.close()


def test_tampered_and_foreign_files_are_named_and_change_nothing(tmp_path) -> None:  # noqa: ANN001
    st = make_stations(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    try:
        district = system_actor(st.district)
        made = exchange_folder(st.village, system_actor(st.village), usb)
        good = usb / made.written[0][0]
        raw = bytearray(good.read_bytes())
        raw[-80] ^= 0x01   # inside the sealed payload
        (usb / "改过的.fsync").write_bytes(bytes(raw))
        (usb / "照片.fsync").write_bytes(b"\xff\xd8\xff\xe0 not a bundle")
        good.unlink()
        exchange_folder(st.town, system_actor(st.town), usb)          # the town's bundle is for the district too
        before = without_audit(fingerprint(st.village))
        res = exchange_folder(st.village, system_actor(st.village), usb)  # nothing in it for the village
        assert not res.imported and res.others == 2 and [b.name for b in res.refused] == ["照片.fsync"]
        assert "不完整" in res.refused[0].message
        after = without_audit(fingerprint(st.village))
        assert {k: v for k, v in after.items() if not k.startswith("sync_")} == \
            {k: v for k, v in before.items() if not k.startswith("sync_")}
        before = without_audit(fingerprint(st.district))
        res = exchange_folder(st.district, district, usb, VILLAGE_A1)
        names = {b.name: b.message for b in res.refused}
        assert "改过的.fsync" in names and "签名校验失败" in names["改过的.fsync"]
        assert sorted(r.sender for r in res.imported) == sorted([VILLAGE_A1, TOWN_A])   # the genuine ones
        assert "照片.fsync" in names
    finally:
        st.close()


def test_a_station_store_exists_only_when_the_code_is_right(tmp_path) -> None:  # noqa: ANN001
    district = new_store(tmp_path / "district").store
    try:
        build_org(district)
        made = provision_station(district, system_actor(district), VILLAGE_A2, kdf=FAST_KDF)
        target = tmp_path / "station"
        with pytest.raises(BundleTampered, match="开通码不正确"):
            create_station_store(target, made.package, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
                                 passphrase=PASSPHRASE, vault=NoKeyringVault(), use_keyring=False,
                                 kdf=FAST_KDF)
        assert not target.exists() or not any(target.iterdir())
        joined = create_station_store(target, made.package, made.code, passphrase=PASSPHRASE,
                                      vault=NoKeyringVault(), use_keyring=False, kdf=FAST_KDF)
        with joined.created.store as store:
            assert joined.unit_name == VILLAGE_A2 and joined.created.recovery_code
            with store.uow() as uow:
                assert uow.s.get(Case, "nothing") is None
    finally:
        district.close()


def test_exchange_and_retire_at_the_command_line(tmp_path, capsys, monkeypatch) -> None:  # noqa: ANN001
    from fulian_desktop.cli.main import main

    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    st = make_stations(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    roots = {name: str(tmp_path / name) for name in ("district", "town", "village")}
    st.close()
    assert main(["--data-dir", roots["village"], "sync", "exchange", str(usb)]) == 0
    assert "发出 1 个同步包" in capsys.readouterr().out
    assert main(["--data-dir", roots["district"], "sync", "peer", "retire", VILLAGE_A1]) == 0
    assert "已停用站点" in capsys.readouterr().out
    assert main(["--data-dir", roots["district"], "sync", "exchange", str(usb), "--for", TOWN_A]) == 0
    out = capsys.readouterr().out
    assert "收到 0 个同步包" in out and "已停用的站点" in out
