"""`fulian sync` at the command line: the district provisions a village station, the station joins with the
one-time code, a case travels up as a bundle file, a bundle for someone else is refused with exit code 1."""
from __future__ import annotations

import pytest

from fulian_desktop.cli.main import main
from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.services.cases import cases
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.store import Unlock, open_store
from tests.support.stores import PASSPHRASE, NoKeyringVault


def _run(capsys, *argv: str) -> tuple[int, str, str]:  # noqa: ANN001
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def env(monkeypatch, tmp_path):  # noqa: ANN001, ANN201
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FULIAN_ADMIN_PASSWORD", "Admin-Start-1")
    monkeypatch.setattr("fulian_desktop.cli.store_cmds.KeyringVault", NoKeyringVault)
    monkeypatch.setattr("fulian_desktop.cli.sync_cmds.KeyringVault", NoKeyringVault)
    return tmp_path


def test_provision_join_export_import_at_the_command_line(env, capsys, monkeypatch) -> None:  # noqa: ANN001
    district, village = str(env / "district"), str(env / "village")
    assert _run(capsys, "--data-dir", district, "init", "--no-keyring")[0] == 0
    assert _run(capsys, "--data-dir", district, "orgunit", "add", "高塘岭街道", "--tier", "town", "--parent", "望城区")[0] == 0
    assert _run(capsys, "--data-dir", district, "orgunit", "add", "郭亮村", "--tier", "village", "--parent", "高塘岭街道")[0] == 0

    package = str(env / "郭亮村.provision")
    code, out, _ = _run(capsys, "--data-dir", district, "sync", "provision", "--unit", "郭亮村", "-o", package)
    assert code == 0 and "开通码" in out
    one_time = out.strip().splitlines()[-1].strip()
    monkeypatch.setenv("FULIAN_PROVISION_CODE", "0000-" + one_time[5:])
    code, _, err = _run(capsys, "--data-dir", village, "sync", "join", package, "--no-keyring")
    assert code == 1 and "开通码不正确" in err
    assert not (env / "village").exists()          # refused before any store was created
    monkeypatch.setenv("FULIAN_PROVISION_CODE", one_time)
    code, out, _ = _run(capsys, "--data-dir", str(env / "village2"), "sync", "join", package, "--no-keyring")
    assert code == 0 and "已开通站点：郭亮村" in out

    with open_store(env / "village2", Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        actor = system_actor(store)
        with store.uow(write=True) as uow:
            from fulian_desktop.sync.identity import identity

            unit = identity(uow).unit_id
            cases.create_case(uow, actor, cases.NewCase(title="命令行同步的案件", kind=CaseKind.PETITION, unit_id=unit))

    bundle = str(env / "up.fsync")
    code, out, _ = _run(capsys, "--data-dir", str(env / "village2"), "sync", "export", "--to", bundle)
    assert code == 0 and "发往望城区" in out
    code, out, _ = _run(capsys, "--data-dir", district, "sync", "import", bundle)
    assert code == 0 and "无冲突" in out
    code, out, _ = _run(capsys, "--data-dir", district, "case", "list")
    assert "命令行同步的案件" in out
    code, out, _ = _run(capsys, "--data-dir", district, "sync", "import", bundle)
    assert code == 0 and "已导入过" in out
    # The district's answer is for the village: importing it back at the district is refused.
    down = str(env / "down.fsync")
    assert _run(capsys, "--data-dir", district, "sync", "export", "--to", down, "--for", "郭亮村")[0] == 0
    code, _, err = _run(capsys, "--data-dir", district, "sync", "import", down)
    assert code == 1 and "不是发给" in err
    code, out, _ = _run(capsys, "--data-dir", district, "sync", "conflicts")
    assert "没有待处理的同步冲突" in out
