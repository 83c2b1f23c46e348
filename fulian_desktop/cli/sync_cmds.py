"""`fulian sync …`: station identity, bundles to and from the district, provisioning, conflicts."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..domain.errors import KeyUnavailable, ValidationError
from ..security.keyring_vault import KeyringVault
from ..security.private_files import write_private
from ..services.accounts.auth import system_actor
from ..store.store import create_store
from ..sync import conflicts, identity
from ..sync.bundle import check_size
from ..sync.exchange import export_bundle, import_bundle
from ..sync.provision import join_station, provision_station, read_package
from .common import ENV_PASSPHRASE, data_dir, emit, open_for_cli, read_new_passphrase

ENV_CODE = "FULIAN_PROVISION_CODE"


def register(sub: argparse._SubParsersAction) -> None:
    sync = sub.add_parser("sync", help="站点同步：同步包导出导入、开通站点、处理冲突")
    sync.add_argument("--server", help="区平台同步服务地址（https://主机:端口）：可连接时，不用同步包文件直接同步")
    sync.set_defaults(func=cmd_direct)
    cmds = sync.add_subparsers(dest="sync_cmd")

    p = cmds.add_parser("export", help="导出同步包（加密，只有收件站点能打开）")
    p.add_argument("--to", required=True, help="同步包文件")
    p.add_argument("--for", dest="unit", help="收件单位（登记了多个站点时必填）")
    p.add_argument("--full", action="store_true", help="发送收件单位范围内的全部记录（对方从旧备份恢复后使用）")
    p.set_defaults(func=cmd_export)

    p = cmds.add_parser("import", help="导入同步包（整体导入或整体拒绝；重复导入无影响）")
    p.add_argument("file")
    p.set_defaults(func=cmd_import)

    p = cmds.add_parser("exchange", help="与U盘（文件夹）交换：导入其中发给本站的同步包，再写入本站的同步包")
    p.add_argument("folder")
    p.add_argument("--for", dest="unit", help="收件单位（登记了多个站点时必填）")
    p.set_defaults(func=cmd_exchange)

    p = cmds.add_parser("provision", help="为新站点生成开通文件（在区里运行）")
    p.add_argument("--unit", required=True, help="站点所属单位名称")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_provision)

    p = cmds.add_parser("join", help="用开通文件在本机新建站点数据存储")
    p.add_argument("file")
    p.add_argument("--no-keyring", action="store_true")
    p.set_defaults(func=cmd_join)

    p = cmds.add_parser("card", help="导出本站名片（公钥），供对方登记")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_card)

    peer = cmds.add_parser("peer", help="登记的对方站点").add_subparsers(dest="peer_cmd", required=True)
    p = peer.add_parser("add", help="登记对方站点名片")
    p.add_argument("file")
    p.set_defaults(func=cmd_peer_add)
    p = peer.add_parser("retire", help="停用站点（换了电脑或丢失）：此后拒收它的同步包")
    p.add_argument("unit", help="站点所属单位名称")
    p.set_defaults(func=cmd_peer_retire)
    p = peer.add_parser("list", help="列出登记的站点")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_peer_list)

    p = cmds.add_parser("serve", help="区平台同步服务（在区服务器上运行）：站点经它交换同步包，不连接数据库")
    p.add_argument("--listen", required=True, help="监听地址 主机:端口，如 0.0.0.0:8443")
    p.add_argument("--cert", help="TLS 证书文件（PEM）")
    p.add_argument("--key", help="TLS 私钥文件（PEM）")
    p.set_defaults(func=cmd_serve)

    p = cmds.add_parser("conflicts", help="列出待处理的同步冲突")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)


def cmd_export(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store:
        data, result = export_bundle(store, system_actor(store), args.unit, _progress, full=args.full)
    write_private(args.to, data)  # 0600; never a half-written bundle under the final name
    print(f"已导出同步包 {args.to}：发往{result.receiver}，{result.records} 条记录，"
          f"{result.attachments} 个附件，{result.size // 1024} KB。")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        check_size(Path(args.file).stat().st_size)   # a huge file is refused before it is read
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise ValidationError(f"无法读取同步包 {args.file}：{exc.strerror}") from exc
    with open_for_cli(args) as store:
        result = import_bundle(store, system_actor(store), data, _progress)
    print(result.message)
    return 0


def cmd_exchange(args: argparse.Namespace) -> int:
    from ..sync.folder import exchange_folder

    with open_for_cli(args) as store:
        result = exchange_folder(store, system_actor(store), Path(args.folder), args.unit, _progress)
    print(result.summary())
    return 0


def cmd_provision(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store:
        made = provision_station(store, system_actor(store), args.unit)
    write_private(args.output, made.package)
    print(f"已为“{made.unit_name}”生成开通文件 {args.output}（{made.records} 条记录）。")
    print("开通码（只显示这一次；请另行告知站点，不要与文件一起传送）：")
    print(f"    {made.code}")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    package = Path(args.file).read_bytes()
    code = os.environ.get(ENV_CODE)
    if not code:
        if not sys.stdin.isatty():
            raise KeyUnavailable(f"请通过环境变量 {ENV_CODE} 提供开通码。", code="secret_required")
        code = input("请输入开通码：")
    body = read_package(package, code)  # a wrong code is refused before any store is created
    passphrase = None
    vault = KeyringVault()
    if args.no_keyring or not vault.available() or os.environ.get(ENV_PASSPHRASE):
        passphrase = read_new_passphrase("数据存储口令")
    created = create_store(data_dir(args), passphrase=passphrase, vault=vault, use_keyring=not args.no_keyring)
    with created.store as store:
        unit = join_station(store, body)
    print(f"已开通站点：{unit}（{data_dir(args)}）")
    print("恢复码（只显示这一次，请抄写或打印后妥善保管）：")
    print(f"    {created.recovery_code}")
    return 0


def cmd_card(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store, store.uow(write=True) as uow:
        card = identity.my_card(uow)
    write_private(args.output, card.to_json())
    print(f"已导出本站（{card.unit_name}）名片：{args.output}")
    return 0


def cmd_peer_add(args: argparse.Namespace) -> int:
    card = identity.StationCard.from_json(Path(args.file).read_text(encoding="utf-8"))
    with open_for_cli(args) as store, store.uow(write=True) as uow:
        view = identity.add_peer(uow, system_actor(store), card)
    print(f"已登记站点：{view.name}")
    return 0


def cmd_peer_retire(args: argparse.Namespace) -> int:
    from ..sync.stations import retire_station

    with open_for_cli(args) as store, store.uow(write=True) as uow:
        peer = identity.peer_for_unit(uow, args.unit)
        name = retire_station(uow, system_actor(store), peer.station_id)
    print(f"已停用站点：{name}。它此后交来的同步包将被拒收。")
    return 0


def cmd_peer_list(args: argparse.Namespace) -> int:
    from ..sync.anchors import flagged_stations

    with open_for_cli(args) as store, store.uow() as uow:
        peers = identity.list_peers(uow)
        flagged = {f.station_id: f.problem for f in flagged_stations(uow)}
    emit(args, [{**p.__dict__, "audit_flag": flagged.get(p.station_id)} for p in peers],
         "\n".join(f"{p.name}\t已确认到 {p.acked_seq}\t已收到 {p.received_seq}"
                   + (f"\t审计链异常：{flagged[p.station_id]}" if p.station_id in flagged else "")
                   for p in peers) or "（未登记站点）")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_for_cli(args) as store, store.uow() as uow:
        found = conflicts.list_conflicts(uow, system_actor(store))
    emit(args, [{"id": c.id, "table": c.table, "record": c.record_id, "title": c.title,
                 "fields": [f.name for f in c.differing]} for c in found],
         "\n".join(f"{c.table_label}\t{c.title}\t" + "、".join(f.label for f in c.differing) for c in found)
         or "没有待处理的同步冲突。")
    return 0


def cmd_direct(args: argparse.Namespace) -> int:
    if not args.server:
        print("请指定子命令（export、import、provision …）或 --server 地址。", file=sys.stderr)
        return 2
    from ..domain.sync_address import parse_sync_address
    from ..sync.direct import sync_with_server

    parse_sync_address(args.server, field="server")   # a database address is refused before the store is opened
    with open_for_cli(args) as local:
        result = sync_with_server(local, system_actor(local), args.server)
    print(result.sent.message)
    print(result.received.message)
    return 0


def _listen_address(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValidationError(f"监听地址应形如 主机:端口（如 0.0.0.0:8443），而不是“{text[:60]}”。", field="listen")
    return host, int(port)


def _stop(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt   # SIGTERM from the service manager: leave serve_forever, close the store


def cmd_serve(args: argparse.Namespace) -> int:
    """The district's sync service, until stopped (Ctrl-C or the service manager's SIGTERM)."""
    import logging
    import signal

    from ..domain.sync_address import is_loopback
    from ..sync.service import make_server, tls_context

    host, port = _listen_address(args.listen)
    if bool(args.cert) != bool(args.key):
        raise ValidationError("--cert 与 --key 须同时给出。", field="cert")
    tls = None
    if args.cert:
        try:
            tls = tls_context(args.cert, args.key)
        except (OSError, ValueError) as exc:
            raise ValidationError(f"无法读取 TLS 证书或私钥（{args.cert}、{args.key}）。", field="cert") from exc
    elif not is_loopback(host):
        print("警告：未使用 TLS。请只在本机回环地址上不加 --cert 运行，或放在终止 TLS 的反向代理之后。", file=sys.stderr)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    with open_for_cli(args) as store:
        try:
            server = make_server(store, system_actor(store, "同步服务"), host, port, tls)
        except OSError as exc:
            raise ValidationError(f"无法在 {host}:{port} 上监听：{exc.strerror}。", field="listen") from exc
        signal.signal(signal.SIGTERM, _stop)
        print(f"区平台同步服务已启动：{'https' if tls else 'http'}://{host}:{server.server_address[1]}", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    print("区平台同步服务已停止。")
    return 0


def open_server(url: str):  # noqa: ANN201 - Store
    """The district's PostgreSQL store, for the district's own tools (`fulian audit verify --against server`
    run by a district administrator); a station's sync never opens it (see sync/direct.py)."""
    from sqlalchemy import select
    from sqlalchemy.exc import DBAPIError

    from ..domain.errors import MigrationError, NotAStore
    from ..store import migrate
    from ..store.engine import make_engine
    from ..store.models import StoreMeta
    from ..store.server import connection_error, server_password
    from ..store.server_profile import ServerProfile
    from ..store.store import Store

    profile, password = ServerProfile.from_url(url)
    engine = make_engine(profile.url(password or server_password(profile, KeyringVault())), pool_pre_ping=True,
                         pool_size=2, max_overflow=2)
    try:
        try:
            with engine.connect() as conn:
                row = conn.execute(select(StoreMeta.store_id, StoreMeta.demo)).first()
        except DBAPIError as exc:
            raise connection_error(profile, exc) from exc
        if row is None:
            raise NotAStore("服务器上没有幸福号的数据存储。")
        if migrate.current_revision(engine) != migrate.head_revision():
            raise MigrationError("区服务器的数据结构版本与本程序不同，请先让区里升级，或改用同步包文件。")
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, store_id=row[0], paths=None, demo=bool(row[1]))
