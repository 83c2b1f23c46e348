"""Entry point: parse, run one command, turn domain errors into a message and an exit code."""
from __future__ import annotations

import argparse
import sys

from ..domain.errors import FulianError
from . import admin_cmds, calendar_cmds, case_cmds, intake_cmds, stats_cmds, store_cmds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fulian", description="幸福号 命令行工具")
    parser.add_argument("--data-dir", help="数据存储所在文件夹（也可用环境变量 FULIAN_DATA_DIR）")
    parser.add_argument("--key-file", help="从文件读取口令或恢复码（非交互使用）")
    sub = parser.add_subparsers(dest="command", required=True)
    store_cmds.register(sub)
    admin_cmds.register(sub)
    case_cmds.register(sub)
    intake_cmds.register(sub)
    calendar_cmds.register(sub)
    from . import backup_cmds, server_cmds  # backups and the district server (issue 7)

    backup_cmds.register(sub)
    server_cmds.register(sub)
    from . import pdf_cmds
    pdf_cmds.register(sub)
    stats_cmds.register(sub)
    from . import sync_cmds  # noqa: E402 - station sync (issue 7)

    sync_cmds.register(sub)
    try:
        from . import demo_cmds
    except ImportError:  # demo/bench arrive with their own module
        pass
    else:
        demo_cmds.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
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
