"""`fulian calendar show|set`: an administrator enters a year the calendar package does not know yet."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from fulian_desktop import cli
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.services.cases import cases
from fulian_desktop.services.clocks import clocks
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.store import Unlock, open_store
from tests.support.stores import (
    PASSPHRASE, VILLAGE_A1, NoKeyringVault, add_user, build_org, first_login, new_store,
)

CALENDAR_2027 = """# 2027 年元旦（示例）
2027-01-01 休
2027-01-04 休   # 假设顺延一天
2027-02-07 班
"""


@pytest.fixture
def store_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    root = tmp_path / "store"
    with new_store(root).store as store:
        org = build_org(store)
        add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1])
        med = first_login(store, "med")
        with store.uow(write=True) as uow:  # 信访告知: last day 2027-01-04, a year nobody knows yet
            case_id = cases.create_case(uow, med, cases.NewCase(
                title="孙某反映家庭纠纷", kind=CaseKind.PETITION,
                opened_at=datetime(2026, 12, 20, 10, 0, tzinfo=LOCAL_TZ))).row.id
    monkeypatch.setenv("FULIAN_DATA_DIR", str(root))
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    return root, case_id


def _countdown(root: Path, case_id: str) -> tuple[str, str]:
    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        actor = system_actor(store)
        with store.uow() as uow:
            (view,) = clocks.case_clocks(uow, actor, case_id, now=datetime(2026, 12, 28, 9, tzinfo=LOCAL_TZ))
    return view.countdown, view.deadline.last_day.isoformat()


def test_set_then_show_and_clocks_move(store_root, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, case_id = store_root
    countdown, last_day = _countdown(root, case_id)
    assert last_day == "2027-01-04" and "暂定：2027 年" in countdown

    assert cli.main(["calendar", "show", "2027"]) == 0
    out = capsys.readouterr().out
    assert "2027 年：暂定" in out and "尚未录入" in out
    assert "# 暂定 2027-02-05 休 春节" in out and "# 暂定 2027-02-10 休 春节补假" in out

    file = tmp_path / "2027.txt"
    file.write_text(CALENDAR_2027, encoding="utf-8")
    assert cli.main(["calendar", "set", "2027", str(file), "--complete"]) == 0
    out = capsys.readouterr().out
    assert "已保存 2027 年工作日历：录入 3 天，已声明完整" in out
    assert "1 个进行中的时限已重新计算" in out

    countdown, last_day = _countdown(root, case_id)
    assert last_day == "2027-01-05" and "日历未知" not in countdown

    assert cli.main(["calendar", "show", "2027"]) == 0
    out = capsys.readouterr().out
    assert "由管理员录入，已声明完整（3 天）" in out
    assert out.splitlines()[1:] == ["2027-01-01 休", "2027-01-04 休", "2027-02-07 班"]


def test_a_bad_line_is_refused_with_its_number(store_root, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "bad.txt"
    file.write_text("2027-01-01 休\n\n2027-13-01 休\n", encoding="utf-8")
    assert cli.main(["calendar", "set", "2027", str(file), "--complete"]) == 1
    assert "第 3 行" in capsys.readouterr().err
    file.write_text("2027-01-01 休\n2028-01-01 休\n", encoding="utf-8")
    assert cli.main(["calendar", "set", "2027", str(file)]) == 1
    assert "2028-01-01 不属于 2027 年" in capsys.readouterr().err
    assert cli.main(["calendar", "show", "2027"]) == 0
    assert "尚未录入" in capsys.readouterr().out  # nothing was saved


NOTICES = Path(__file__).resolve().parents[1] / "support" / "holiday_notices"


def test_notice_is_shown_then_confirmed(store_root, capsys: pytest.CaptureFixture[str]) -> None:
    root, case_id = store_root
    file = NOTICES / "2027_made_up.txt"
    assert cli.main(["calendar", "notice", "2027", str(file)]) == 0
    out = capsys.readouterr().out
    assert "春节：2027-02-05 至 2027-02-12 放假，共 8 天；2027-01-31、2027-02-20 上班" in out
    assert "尚未保存" in out
    assert _countdown(root, case_id)[1] == "2027-01-04"  # nothing saved yet

    assert cli.main(["calendar", "notice", "2027", str(file), "--confirm"]) == 0
    out = capsys.readouterr().out
    assert "已按通知确认 2027 年工作日历（放假与调休上班共 33 天）" in out
    assert "0 个进行中的时限已重新计算" in out  # 2027-01-04 is a working day in the notice too
    countdown, last_day = _countdown(root, case_id)
    assert last_day == "2027-01-04" and "暂定" not in countdown
    assert cli.main(["calendar", "show", "2027"]) == 0
    out = capsys.readouterr().out
    assert "由管理员录入，已声明完整（33 天）" in out and "2027-02-05 休" in out and "# 暂定" not in out


def test_a_notice_of_another_year_is_refused(store_root, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["calendar", "notice", "2027", str(NOTICES / "2026_state_council.txt"), "--confirm"]) == 1
    assert "粘贴的是 2026 年的通知，不是 2027 年的" in capsys.readouterr().err
    assert cli.main(["calendar", "show", "2027"]) == 0
    assert "2027 年：暂定" in capsys.readouterr().out
