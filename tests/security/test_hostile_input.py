"""Hostile input replayed through the real CLI and services on real stores (issue 13, "the rest"): weak passphrases,
absurd argon2 parameters in keystore.json, control and bidi characters in names and free text, deeply nested
intake JSON, world-readable output files, core dumps of a process holding the key.

Each test is the attack as it was reported, with what the user or attacker would notice; see
test_hostile_files.py for the inflating backup and PDF."""
from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fulian_desktop import cli
from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.security.keyfile import KdfParams
from fulian_desktop.services.attachments import attachments
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import cases
from fulian_desktop.services.intake import intake, leads
from fulian_desktop.store.models import Case, IntakeRecord, OnlineLead
from fulian_desktop.store.paths import StorePaths
from fulian_desktop.store.store import create_store
from tests.support.stores import (
    NEW_PASSWORD, PASSPHRASE, VILLAGE_A1, NoKeyringVault, add_user, assert_unchanged, build_org, first_login, new_store, snapshot,
)

REPO = Path(__file__).resolve().parents[2]
RLO = "\u202e"


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FULIAN_ADMIN_PASSWORD", "Admin-Start-1")
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    monkeypatch.setattr("fulian_desktop.cli.store_cmds.KeyringVault", NoKeyringVault)
    return monkeypatch


@pytest.fixture
def desk(tmp_path: Path, cli_env: pytest.MonkeyPatch):  # noqa: ANN201
    """A store with a village mediator and one case, the CLI pointed at it."""
    root = tmp_path / "store"
    with new_store(root).store as store:
        org = build_org(store)
        add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="周调解")
        add_user(store, "rec", Role.RECEPTION, org.units[VILLAGE_A1], display_name="接待员")
        med = first_login(store, "med")
        first_login(store, "rec")
        with store.uow(write=True) as uow:
            row = cases.create_case(uow, med, cases.NewCase(title="王秀兰家庭暴力求助", kind=CaseKind.CRISIS)).row
    cli_env.setenv("FULIAN_DATA_DIR", str(root))
    return root, row.id, row.case_no


def _count(root: Path, model) -> int:  # noqa: ANN001
    from fulian_desktop.store.store import Unlock, open_store

    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store, store.uow() as uow:
        return uow.s.execute(select(func.count()).select_from(model)).scalar_one()


# --- a store passphrase is as strong at the command line as in the setup wizard --------------------------------

@pytest.mark.parametrize("weak, why", [("1", "口令太短"), ("12345678", "常见口令"), ("asdfghjkl;", "键盘上相邻"),
                                       ("zhangsan1990", "含有年份")])
def test_cli_init_refuses_a_weak_passphrase(weak: str, why: str, tmp_path: Path, cli_env: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """FULIAN_PASSPHRASE=1 fulian init made a store whose key file falls to the second offline guess."""
    root = tmp_path / "fresh"
    cli_env.setenv("FULIAN_DATA_DIR", str(root))
    cli_env.setenv("FULIAN_PASSPHRASE", weak)
    assert cli.main(["init", "--no-keyring"]) == 1
    out, err = capsys.readouterr()
    assert why in err and "恢复码" not in out
    assert not root.exists() or not any(root.iterdir()), "nothing is created for a refused passphrase"


def test_the_core_refuses_a_weak_passphrase_for_every_caller(tmp_path: Path) -> None:
    """The wizard, `fulian init`, a station's and the server's init all create through create_store."""
    with pytest.raises(ValidationError, match="口令太"):
        create_store(tmp_path / "w", passphrase="password1", vault=NoKeyringVault(), use_keyring=False,
                     kdf=KdfParams(1, 8192, 1))
    assert not StorePaths(tmp_path / "w").exists()


# --- keystore.json is read as hostile: its argon2 parameters are bounded -------------------------------------

@pytest.mark.parametrize("field, value", [("m", 2 ** 40), ("m", -1), ("t", 0), ("t", 2 ** 31), ("p", 0),
                                          ("p", 1 << 24), ("m", "64k")])
def test_absurd_argon2_parameters_are_refused_before_deriving(field: str, value: object, desk,  # noqa: ANN001
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    root, _case_id, _case_no = desk
    paths = StorePaths(root)
    data = json.loads(paths.keyfile.read_text(encoding="utf-8"))
    data["slots"]["passphrase"][field] = value
    paths.keyfile.write_text(json.dumps(data), encoding="utf-8")
    before = snapshot(root)
    assert cli.main(["info"]) == 1          # a message and an exit code, not a traceback or a hang
    err = capsys.readouterr().err
    assert "密钥派生参数" in err and "超出允许范围" in err and "数据未作任何改变" in err
    assert_unchanged(before, snapshot(root))


# --- control and bidi characters: stripped from file names, refused in free text -----------------------------

def test_a_bidi_override_in_an_attachment_name_is_stripped_and_the_extension_shown(desk, tmp_path: Path) -> None:
    """`证据\\u202egpj.exe` showed as 证据exe.jpg in the list and then broke the case-file PDF."""
    root, case_id, case_no = desk
    hostile = tmp_path / f"证据{RLO}gpj.exe"
    hostile.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    from fulian_desktop.store.store import Unlock, open_store

    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        med = auth.login(store, "med", NEW_PASSWORD)
        with store.uow(write=True) as uow:
            view = attachments.attach(uow, med, case_id, hostile, doc_type="evidence", description="对方发来的文件")
        with store.uow() as uow:
            names = [a.filename for a in attachments.list_attachments(uow, med, case_id)]
    assert view.filename == "证据gpj.exe" and names == ["证据gpj.exe"]
    assert view.filename.endswith(".exe") and view.media_type == "application/octet-stream"
    out = tmp_path / "卷宗.pdf"
    assert cli.main(["pdf", case_no, "-o", str(out)]) == 0
    text = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True).stdout.decode()
    assert "证据gpj.exe" in text.replace(" ", "") and RLO not in text


def test_a_name_stored_before_the_rule_is_shown_and_opened_as_it_really_is(desk, tmp_path: Path) -> None:  # noqa: ANN001
    """An attachment row from an older version (or a synced station) may still hold U+202E: every place that shows
    or opens it uses the name without it, so the viewer is chosen by the real extension."""
    from sqlalchemy import update

    from fulian_desktop.store.models_evidence import Attachment
    from fulian_desktop.store.store import Unlock, open_store

    root, case_id, case_no = desk
    source = tmp_path / "note.txt"
    source.write_bytes("对方发来的文件".encode() * 20)
    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        med = auth.login(store, "med", NEW_PASSWORD)
        with store.uow(write=True) as uow:
            view = attachments.attach(uow, med, case_id, source, doc_type="evidence")
        with store.uow(write=True) as uow:   # as an old version stored it (a bulk statement, no text check)
            uow.s.execute(update(Attachment).where(Attachment.id == view.id).values(filename=f"证据{RLO}gpj.exe"))
        with store.uow(write=True) as uow:
            assert [a.filename for a in attachments.list_attachments(uow, med, case_id)] == ["证据gpj.exe"]
            with attachments.export_for_viewer(uow, med, view.id) as copy:
                assert copy.path.name == "证据gpj.exe"
    out = tmp_path / "卷宗.pdf"
    assert cli.main(["pdf", case_no, "-o", str(out)]) == 0
    text = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True).stdout.decode()
    assert RLO not in text and "证据gpj.exe" in "".join(text.split())

@pytest.mark.parametrize("bad", [RLO, "\x00", "\u2066"])
def test_cli_intake_refuses_control_and_bidi_characters_in_the_request(bad: str, desk, tmp_path: Path,  # noqa: ANN001
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    root, _case_id, _case_no = desk
    before = _count(root, IntakeRecord)
    path = tmp_path / "intake.json"
    path.write_text(json.dumps({"name": "刘桂兰", "channel": "visit", "decision": "consultation",
                                "request": f"要求丈夫停止殴打{bad}并支付抚养费"}, ensure_ascii=False), encoding="utf-8")
    assert cli.main(["intake", "add", str(path)]) == 1
    err = capsys.readouterr().err
    assert "诉求含有不可见的控制字符或文字方向控制符" in err and f"U+{ord(bad):04X}" in err
    assert _count(root, IntakeRecord) == before


def test_every_free_text_path_refuses_a_bidi_override(desk) -> None:  # noqa: ANN001
    """A path with no check of its own (an online lead's summary, the intake's facts) is held by the store."""
    root, _case_id, _case_no = desk
    from fulian_desktop.store.store import Unlock, open_store

    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        med = auth.login(store, "med", NEW_PASSWORD)
        rec = auth.login(store, "rec", NEW_PASSWORD)
        with pytest.raises(ValidationError, match="U\\+202E"), store.uow(write=True) as uow:
            leads.add_lead(uow, med, "微信群", f"有人转发{RLO}受害人住址", clock.today_local())
        data = IntakeInput(name="刘桂兰", channel=Channel.VISIT, decision=IntakeDecision.CONSULTATION,
                           request="咨询离婚手续", facts=f"丈夫{RLO}多次动手", sex="female",
                           received_at=clock.now_utc() - timedelta(minutes=5))
        with pytest.raises(ValidationError, match="事实和理由含有不可见"), store.uow(write=True) as uow:
            intake.register_contact(uow, rec, data)
        with store.uow() as uow:
            assert uow.s.execute(select(func.count()).select_from(OnlineLead)).scalar_one() == 0
            case_id, summary = uow.s.execute(select(Case.id, Case.summary)).first()
        with pytest.raises(ValidationError, match="不可见"), store.uow(write=True) as uow:   # an ORM write anywhere
            uow.s.get(Case, case_id).summary = f"案情{RLO}摘要\x00"
        with store.uow() as uow:
            assert uow.s.get(Case, case_id).summary == summary
        with store.uow(write=True) as uow:   # line breaks and tabs stay allowed in many-line text
            leads.add_lead(uow, med, "微信群", "第一行\n第二行\t完", clock.today_local())


# --- intake JSON: size and depth limited ---------------------------------------------------------------------

@pytest.mark.parametrize("text, message", [("[" * 100_000 + "]" * 100_000, "嵌套超过"),
                                           ('{"name": {"a": ' * 30_000 + "1" + "}" * 30_000 + "}", "嵌套超过"),
                                           ('{"request": "' + "长" * 700_000 + '"}', "过大")])
def test_cli_intake_refuses_deep_or_huge_json_with_a_message(text: str, message: str, desk,  # noqa: ANN001
                                                              tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Deeply nested JSON ended in a RecursionError traceback."""
    path = tmp_path / "deep.json"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["intake", "add", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


# --- files written outside the store are the owner's only ----------------------------------------------------

def test_cli_pdf_stats_and_station_files_are_owner_only(desk, tmp_path: Path) -> None:  # noqa: ANN001
    _root, _case_id, case_no = desk
    old = os.umask(0o022)
    try:
        pdf, xlsx, report = tmp_path / "卷宗.pdf", tmp_path / "统计.xlsx", tmp_path / "统计.pdf"
        pdf.write_bytes(b"an older, world-readable file of the same name")
        assert cli.main(["pdf", case_no, "-o", str(pdf)]) == 0
        assert cli.main(["stats", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(xlsx)]) == 0
        assert cli.main(["stats", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(report)]) == 0
        station = tmp_path / "郭亮村.fprov"   # a station's starting data, cases and accounts included
        assert cli.main(["sync", "provision", "--unit", VILLAGE_A1, "-o", str(station)]) == 0
    finally:
        os.umask(old)
    for path in (pdf, xlsx, report, station):
        assert path.stat().st_mode & 0o777 == 0o600, f"{path.name}: {oct(path.stat().st_mode & 0o777)}"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]



def test_batch_printing_writes_owner_only_files(desk, tmp_path: Path) -> None:  # noqa: ANN001
    """Batch print writes one case file per case into a folder the user picked (often a shared one)."""
    from fulian_desktop.documents.api import DocumentKind, render_batch
    from fulian_desktop.store.store import Unlock, open_store

    root, case_id, _case_no = desk
    old = os.umask(0o022)
    try:
        with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
            med = auth.login(store, "med", NEW_PASSWORD)
            result = render_batch(lambda: store.uow(write=True), med, [case_id], DocumentKind.CASE_FILE,
                                  tmp_path / "batch", workers=1)
    finally:
        os.umask(old)
    assert result.done == 1 and result.files
    assert [oct(f.stat().st_mode & 0o777) for f in result.files] == ["0o600"]

# --- no core dump of a process holding the key ----------------------------------------------------------------

def test_the_cli_process_cannot_dump_core_once_it_runs(desk) -> None:  # noqa: ANN001
    """After `fulian info` opened the store (the raw key is in memory), the process may not write a core file
    and is not dumpable (no core, no ptrace or /proc/PID/mem by other processes of the same user)."""
    root, _case_id, _case_no = desk
    probe = (
        "import ctypes, resource, sys\n"
        "from fulian_desktop.cli import main\n"
        "code = main(['--data-dir', sys.argv[1], 'info'])\n"
        "dumpable = ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)\n"
        "print(code, resource.getrlimit(resource.RLIMIT_CORE), dumpable)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "FULIAN_PASSPHRASE": PASSPHRASE}
    run = subprocess.run([sys.executable, "-c", probe, str(root)], cwd=REPO, env=env, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "0 (0, 0) 0"


def test_the_desktop_program_disables_core_dumps_before_anything_else() -> None:
    """The GUI's entry point does the same first thing (here it stops at --help, before any window or key)."""
    probe = (
        "import ctypes, resource\n"
        "from ui.app import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE), ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "(0, 0) 0"

def test_a_process_without_the_cli_is_still_dumpable() -> None:
    """The probe above can fail: a plain interpreter is dumpable (so the check measures the CLI's doing)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("prctl is Linux only")
    assert ctypes.CDLL(None).prctl(3, 0, 0, 0, 0) in (0, 1)  # pytest itself may have run the CLI in-process
    run = subprocess.run([sys.executable, "-c", "import ctypes; print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))"],
                         capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "1"
