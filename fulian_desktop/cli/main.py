"""Entry point: parse, run one command, turn domain errors into a message and an exit code."""
from __future__ import annotations

import argparse
import sys

from ..domain.errors import FulianError
from ..security.no_core_dumps import disable_core_dumps
from . import (
    admin_cmds, backup_cmds, calendar_cmds, case_cmds, demo_cmds, intake_cmds, pdf_cmds, server_cmds, stats_cmds,
    store_cmds, sync_cmds, verify_cmds,
)

# In the order `fulian --help` lists them.
COMMAND_MODULES = (store_cmds, server_cmds, admin_cmds, case_cmds, intake_cmds, calendar_cmds, pdf_cmds, verify_cmds,
                   stats_cmds, backup_cmds, sync_cmds, demo_cmds)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fulian", description="幸福号 命令行工具")
    parser.add_argument("--data-dir", help="数据存储所在文件夹（也可用环境变量 FULIAN_DATA_DIR）")
    parser.add_argument("--key-file", help="从文件读取口令或恢复码（非交互使用）")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    disable_core_dumps()   # before any key is unwrapped: a crash must not write the key to a core file
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except FulianError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
