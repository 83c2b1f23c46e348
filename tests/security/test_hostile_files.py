"""Files that inflate: a backup whose 256 KB payload deflates to 256 MB on disk before its checksum refuses it, and
a 70 KB PDF attachment whose one shared content stream inflates to 70 MB on every page of the case file.

Both run the real `fulian` in a child process: the backup under a file-size limit (RLIMIT_FSIZE, as a full disk
would stop it), the PDF under a time limit, so the attack shows as the user saw it — killed or hung — and the fix
as a clear message or a placeholder page within seconds."""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import resource
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from fulian_desktop.backup import service
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.services.attachments import attachments
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import case_queries, cases
from fulian_desktop.store.store import Unlock, open_store
from tests.integration.test_documents_world import printed_in_cell
from tests.support.stores import (
    NEW_PASSWORD, PASSPHRASE, VILLAGE_A1, NoKeyringVault, add_user, build_org, first_login, new_store,
)

REPO = Path(__file__).resolve().parents[2]
FILE_LIMIT = 32 << 20


def _fulian(*args: str, env: dict[str, str], timeout: float, file_limit: int | None = None,
            ) -> subprocess.CompletedProcess:
    def limit() -> None:
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run([sys.executable, "-m", "fulian_desktop", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=limit,
                          env={**os.environ, "PYTHONPATH": str(REPO), "FULIAN_PASSPHRASE": PASSPHRASE, **env})


# --- a backup that inflates ------------------------------------------------------------------------------------

def _bomb_from(real: Path, target: Path, inflated_mb: int) -> None:
    """The real backup's manifest and key file around a payload of zeros stored deflated, with the manifest and
    checksum list recomputed (they are no signature): every check that reads before it extracts passes."""
    with zipfile.ZipFile(real) as zf:
        manifest, keyfile = json.loads(zf.read("manifest.json")), zf.read("keystore.json")
    name = manifest["payload"]["name"]
    digest, block = hashlib.sha256(), bytes(1 << 20)
    for _ in range(inflated_mb):
        digest.update(block)
    manifest["payload"].update(sha256=digest.hexdigest(), size=inflated_mb << 20)
    manifest_bytes = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    checksum = "".join(f"{h}  {n}\n" for h, n in ((hashlib.sha256(manifest_bytes).hexdigest(), "manifest.json"),
                                                  (hashlib.sha256(keyfile).hexdigest(), "keystore.json"),
                                                  (digest.hexdigest(), name)))
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("manifest.json", manifest_bytes)
        zf.writestr("keystore.json", keyfile)
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as out:
            for _ in range(inflated_mb):
                out.write(block)
        zf.writestr("checksum.sha256", checksum)


@pytest.fixture
def bomb(tmp_path: Path) -> tuple[Path, str]:
    created = new_store(tmp_path / "data")
    with created.store as store:
        build_org(store)
        key = service.backup_key(store, Unlock(passphrase=PASSPHRASE), NoKeyringVault())
        service.take_backup(store, auth.system_actor(store), tmp_path / "real.fbk", key=key)
    _bomb_from(tmp_path / "real.fbk", tmp_path / "bomb.fbk", 256)
    assert (tmp_path / "bomb.fbk").stat().st_size < 2 << 20
    return tmp_path / "bomb.fbk", created.recovery_code


def test_a_deflated_backup_is_refused_before_it_fills_the_disk(bomb, tmp_path: Path) -> None:  # noqa: ANN001
    """`fulian backup verify` and `fulian restore` on 256 KB that inflates to 256 MB: a message, nothing written
    (the child may write at most 32 MB: the old code was killed by SIGXFSZ mid-extraction)."""
    path, code = bomb
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {"TMPDIR": str(scratch), "FULIAN_RECOVERY_CODE": code, "FULIAN_DATA_DIR": str(tmp_path / "none")}
    started = time.perf_counter()
    verify = _fulian("backup", "verify", str(path), env=env, timeout=120, file_limit=FILE_LIMIT)
    assert verify.returncode == 1, (verify.returncode, verify.stderr[-500:])
    assert "备份文件已损坏或不完整" in verify.stderr and "被压缩过" in verify.stderr
    restore = _fulian("restore", str(path), "--to", str(tmp_path / "restored"), env=env, timeout=120,
                      file_limit=FILE_LIMIT)
    assert restore.returncode == 1, (restore.returncode, restore.stderr[-500:])
    assert "被压缩过" in restore.stderr and "Traceback" not in restore.stderr
    assert time.perf_counter() - started < 30
    assert not (tmp_path / "restored").exists(), "a refused restore leaves nothing behind"
    assert list(scratch.iterdir()) == [], "no temporary copy is left"


def test_a_real_backup_still_verifies_and_restores_under_the_same_limits(bomb, tmp_path: Path) -> None:  # noqa: ANN001
    """The limits refuse the bomb, not backups: the genuine file passes the same commands."""
    _path, code = bomb
    env = {"FULIAN_RECOVERY_CODE": code, "FULIAN_DATA_DIR": str(tmp_path / "none")}
    assert _fulian("backup", "verify", str(tmp_path / "real.fbk"), env=env, timeout=120).returncode == 0
    restore = _fulian("restore", str(tmp_path / "real.fbk"), "--to", str(tmp_path / "restored"), env=env,
                      timeout=120)
    assert restore.returncode == 0, restore.stderr[-500:]


def test_a_logical_payload_that_inflates_is_stopped_while_it_inflates(tmp_path: Path) -> None:
    """The PostgreSQL backup's payload inflates inside its encrypted chunks: 100 MB of zeros sealed into ~100 KB
    (by someone holding the key) is stopped at 200 times its sealed size, counted chunk by chunk."""
    from fulian_desktop.backup import container

    key, payload = os.urandom(32), tmp_path / "data.fbk"
    with open(payload, "wb") as fh:
        writer = container.ChunkWriter(fh, key, "store-1")
        block = bytes(1 << 20)
        for _ in range(100):
            writer.write(block)
        writer.close()
    sealed = payload.stat().st_size
    assert sealed < 1 << 20
    seen = 0
    with open(payload, "rb") as fh, pytest.raises(container.BackupDamaged, match="异常庞大"):
        for part in container.read_chunks(fh, key, "store-1", sealed_size=sealed):
            seen += len(part)
            assert len(part) <= 1 << 20, "never more than a chunk at a time"
    assert seen <= max(sealed, 64 << 10) * container.MAX_LOGICAL_EXPANSION < 50 << 20

# --- a PDF attachment that inflates ---------------------------------------------------------------------------

def hostile_pdf(stream_mb: float, pages: int, fill: bytes = b"q Q\n", *, in_form: bool = False) -> bytes:
    """`pages` pages sharing one content stream of `stream_mb` MB of drawing operators, deflated (`in_form`: the
    stream is a form XObject that each page's own one-line content draws)."""
    content = fill * int(stream_mb * (1 << 20) // len(fill))
    packed = zlib.compress(content, 9)
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] " if in_form else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
               b"<< %s/Length %d /Filter /FlateDecode >>\nstream\n" % (form, len(packed)) + packed + b"\nendstream",
               b"<< /Length 6 >>\nstream\n/F0 Do\nendstream"]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /F0 3 0 R >> >> >>"
            if in_form else b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << >> >>")
    objects += [page] * pages
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _case_with(tmp_path: Path, pdf: bytes, name: str) -> tuple[Path, str]:
    root = tmp_path / "store"
    with new_store(root).store as store:
        org = build_org(store)
        add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="周调解")
        med = first_login(store, "med")
        with store.uow(write=True) as uow:
            row = cases.create_case(uow, med, cases.NewCase(title="王秀兰家庭暴力求助", kind=CaseKind.CRISIS)).row
            attachments.attach(uow, med, row.id, io.BytesIO(pdf), doc_type="evidence", filename=name,
                               description="对方发来的“证据”")
    return root, row.case_no


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, timeout=60).stdout
    return [re.sub(r"\s+", "", p) for p in text.decode("utf-8").split("\f")[:-1]]


def test_a_pdf_whose_content_inflates_to_70_mb_gets_a_placeholder_page(tmp_path: Path) -> None:
    """69 KB, one 70 MB content stream on all three pages: the case file took 81 s. Now it is refused by its
    inflated size, counted as it inflates, and the case file says so on a page of its own."""
    pdf = hostile_pdf(70, 3)
    assert len(pdf) < 100 * 1024
    root, case_no = _case_with(tmp_path, pdf, "聊天记录.pdf")
    out = tmp_path / "卷宗.pdf"
    started = time.perf_counter()
    run = _fulian("--data-dir", str(root), "pdf", case_no, "-o", str(out), env={}, timeout=120)
    seconds = time.perf_counter() - started
    assert run.returncode == 0, run.stderr[-500:]
    print(f"case file with the 70 MB PDF: {seconds:.1f} s")
    assert seconds < 40, f"{seconds:.1f} s"
    pages = _pages(out)
    evidence = next(p for p in pages[2:] if "证据材料目录" in p)
    assert "聊天记录.pdf" in evidence and printed_in_cell("（内容异常，未打印，见说明页）", evidence)
    placeholder = [p for p in pages if "此附件未打印" in p]
    assert len(placeholder) == 1 and "超过8MB" in placeholder[0] and "原件仍完整保存在本案附件中" in placeholder[0]


def test_a_pdf_within_the_limits_costs_the_same_whatever_its_pages_hold(tmp_path: Path) -> None:
    """3 MB of operators on each of four pages (inside the limits): printed, each page placed whole without
    parsing its content, so the case file takes seconds (the old merge parsed 12 MB of operators: minutes)."""
    root, case_no = _case_with(tmp_path, hostile_pdf(3, 4), "图纸.pdf")
    out = tmp_path / "卷宗.pdf"
    started = time.perf_counter()
    run = _fulian("--data-dir", str(root), "pdf", case_no, "-o", str(out), env={}, timeout=120)
    seconds = time.perf_counter() - started
    assert run.returncode == 0, run.stderr[-500:]
    print(f"case file with 4 x 3 MB pages: {seconds:.1f} s")
    assert seconds < 40, f"{seconds:.1f} s"
    pages = _pages(out)
    assert sum("图纸.pdf（第" in p for p in pages) == 4
    assert any("附后（4页）" in p for p in pages)
    assert out.stat().st_mode & 0o777 == 0o600


def test_a_bomb_hidden_in_a_form_xobject_is_counted_too(tmp_path: Path) -> None:
    """The same 70 MB, drawn through a form the page uses: what a viewer would inflate is counted (services)."""
    from fulian_desktop.documents.api import DocumentKind, render

    pdf = hostile_pdf(70, 2, in_form=True)
    root, case_no = _case_with(tmp_path, pdf, "表单.pdf")
    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        med = auth.login(store, "med", NEW_PASSWORD)
        with store.uow() as uow:
            case_id = case_queries.find_by_case_number(uow, med, case_no).id
        started = time.perf_counter()
        with store.uow(write=True) as uow:
            out = render(uow, med, case_id, DocumentKind.CASE_FILE)
        assert time.perf_counter() - started < 20
    (tmp_path / "卷宗.pdf").write_bytes(out)
    placeholder = [p for p in _pages(tmp_path / "卷宗.pdf") if "此附件未打印" in p]
    assert len(placeholder) == 1 and "超过8MB" in placeholder[0]
