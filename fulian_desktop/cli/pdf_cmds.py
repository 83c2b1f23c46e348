"""`fulian pdf CASE_NO [--doc KIND] [--for respondent] -o FILE`: print a case's paper to a PDF file."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.errors import NotFound
from ..security.private_files import write_private
from .common import open_for_cli


def register(sub: argparse._SubParsersAction) -> None:
    from ..documents.api import DocumentKind, Recipient

    kinds = ", ".join(f"{k.value}（{k.label}）" for k in DocumentKind)  # type: ignore[attr-defined]
    p = sub.add_parser("pdf", help="生成案件文书 PDF（默认：卷宗）")
    p.add_argument("case_no", help="案号，例如（2026）望婚调字第12号")
    p.add_argument("--doc", default=DocumentKind.CASE_FILE.value, choices=[k.value for k in DocumentKind],
                   metavar="KIND", help=f"文书种类：{kinds}")
    p.add_argument("--for", dest="recipient", default=Recipient.FILE.value, choices=[r.value for r in Recipient],
                   help="文书对象：file（存档，默认）、party（当事人）、respondent（被申请人）、agency（接收单位）")
    p.add_argument("-o", "--output", required=True, help="输出的 PDF 文件")
    p.add_argument("--list", action="store_true", help="只列出本案可生成的文书")
    p.set_defaults(func=cmd_pdf)


def cmd_pdf(args: argparse.Namespace) -> int:
    from ..documents.api import DocumentKind, PrintPurpose, Recipient, available_documents, render
    from ..services.accounts import auth
    from ..services.cases import case_queries

    with open_for_cli(args) as store:
        actor = auth.system_actor(store)
        with store.uow() as uow:
            row = case_queries.find_by_case_number(uow, actor, args.case_no)
        if row is None:
            raise NotFound(f"找不到案号为“{args.case_no}”的案件。")
        with store.uow(write=True) as uow:
            if args.list:
                for kind in available_documents(uow, actor, row.id):
                    print(f"{kind.value}\t{kind.label}")  # type: ignore[attr-defined]
                return 0
            pdf = render(uow, actor, row.id, DocumentKind(args.doc), Recipient(args.recipient),
                         purpose=PrintPurpose.EXPORT)
    out = Path(args.output)
    write_private(out, pdf)
    print(f"已生成 {out}（{len(pdf) // 1024} KB）")
    return 0
