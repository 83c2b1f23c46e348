"""Shared world for the document tests: one real encrypted store with a fully documented case whose
applicant's name holds two rare characters (䶮 in Extension A, 𠮷 in Extension B), plus PDF helpers."""
from __future__ import annotations

import re
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from fulian_bench.documents_bench import T0, build_full_case
from fulian_desktop.domain.enums import Role
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.counselling import counselling
from tests.support.stores import DISTRICT, VILLAGE_A1, add_user, build_org, first_login, new_store

RARE_NAME = "刘䶮𠮷"
COUNSELLING_NOTE = "疏导笔记：童年创伤与自责情绪（仅限咨询师）"


def pdftotext(pdf: bytes, tmp: Path, layout: bool = False) -> str:
    path = tmp / "doc.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")


def pages_text(pdf: bytes, tmp: Path) -> list[str]:
    return pdftotext(pdf, tmp).split("\f")[:-1]


def pdffonts(pdf: bytes, tmp: Path) -> list[list[str]]:
    path = tmp / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True).stdout.decode()
    return [re.split(r"\s+", line.strip()) for line in out.splitlines()[2:] if line.strip()]


def printed_in_cell(needle: str, text: str, slack: int = 120) -> bool:
    """`needle` printed inside a table cell: its characters in order, each within `slack` characters of the one
    before (a cell's wrapped lines come out interleaved with the cells beside it)."""
    flat_text, at = flat(text), -1
    for n, ch in enumerate(flat(needle)):
        found = flat_text.find(ch, at + 1)
        if found < 0 or (n and found - at > slack):
            return False
        at = found
    return True


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


class World:
    def __init__(self, root: Path) -> None:
        self.store = new_store(root / "s").store
        org = build_org(self.store)
        add_user(self.store, "tiaojie", Role.MEDIATOR, org.district, display_name="陈晓燕")
        add_user(self.store, "zixun", Role.COUNSELLOR, org.district, display_name="周心怡")
        add_user(self.store, "jiedai", Role.RECEPTION, org.district, display_name="接待员小王")
        add_user(self.store, "cunzhan", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="村调解员")
        self.system = auth.system_actor(self.store)
        self.mediator = first_login(self.store, "tiaojie")
        self.counsellor = first_login(self.store, "zixun")
        self.reception = first_login(self.store, "jiedai")
        self.village = first_login(self.store, "cunzhan")
        self.case_id = build_full_case(self.store, self.mediator, applicant=RARE_NAME, approver=self.system)
        with self.store.uow(write=True) as uow:
            counselling.add_session(uow, self.counsellor, self.case_id, T0 + timedelta(days=2), "face_to_face",
                                    COUNSELLING_NOTE)
        assert DISTRICT


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    w = World(tmp_path_factory.mktemp("documents"))
    yield w
    w.store.close()
