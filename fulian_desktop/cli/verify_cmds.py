"""`fulian verify FILE.pdf` / `fulian verify --code ABCD-EFGH-JKMN-PQRS`: does a paper match what this store issued?

Exit code 0 for 一致, 2 for 不一致, 3 for 未登记 (so a script can tell them apart); 1 for an error."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.errors import ValidationError
from .common import open_for_cli

EXIT_CODES = {"match": 0, "mismatch": 2, "unknown": 3}


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("verify", help="核验文书：PDF 文件或纸面上的核验码是否与本系统出具的一致")
    p.add_argument("file", nargs="?", help="要核验的 PDF 文件")
    p.add_argument("--code", help="纸面上的核验码（16 位，可带连字符），或扫描二维码得到的文字")
    p.set_defaults(func=cmd_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    from ..documents.verify import verify_code, verify_pdf
    from ..services.accounts import auth

    if bool(args.file) == bool(args.code):
        raise ValidationError("请给出要核验的 PDF 文件，或用 --code 给出核验码（二者选一）。")
    pdf = b""
    if args.file:
        path = Path(args.file)
        if not path.is_file():
            raise ValidationError(f"找不到文件“{path}”。")
        pdf = path.read_bytes()
    with open_for_cli(args) as store:
        actor = auth.system_actor(store)
        with store.uow() as uow:
            result = verify_pdf(uow, actor, pdf) if args.file else verify_code(uow, actor, args.code)
    print("\n".join(result.lines()))
    return EXIT_CODES[result.verdict.value]
