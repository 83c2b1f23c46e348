"""The structure of a bundle's payload, checked before a single row is read (a genuine peer always writes it
so: anything else is a damaged or foreign-made bundle)."""
from __future__ import annotations

from typing import Any

from .errors import BundleDamaged
from .rows import columns, ordered_tables


def check_shape(payload: Any) -> None:
    """The payload's structure (a genuine peer always writes it so): refused before a row is read."""
    ok = isinstance(payload, dict)
    changes = payload.get("changes") if ok else None
    refs = payload.get("refs") if ok else None
    ok = ok and isinstance(changes or {}, dict) and isinstance(refs or {}, dict)
    ok = ok and isinstance(payload.get("blobs") or [], list) and isinstance(payload.get("audit") or [], list)
    if ok:
        for name, body in (changes or {}).items():
            if not isinstance(body, dict) or not rows_ok(name, body.get("rows")):
                ok = False
                break
            lin = body.get("lineage")
            if lin is not None and not (isinstance(lin, list) and len(lin) == len(body["rows"])
                                        and all(isinstance(x, list) and all(isinstance(h, str) for h in x)
                                                for x in lin)):
                ok = False
                break
            by = body.get("by")
            if by is not None and not (isinstance(by, list) and len(by) == len(body["rows"])):
                ok = False
                break
        ok = ok and all(rows_ok(name, rows) for name, rows in (refs or {}).items())
        for blob in payload.get("blobs") or []:
            ok = ok and isinstance(blob, dict) and isinstance(blob.get("sha256"), str) \
                and isinstance(blob.get("chunks"), list) and all(isinstance(c, str) for c in blob["chunks"])
        for entry in payload.get("audit") or []:
            ok = ok and isinstance(entry, dict) and isinstance(entry.get("seq"), int) \
                and not isinstance(entry.get("seq"), bool) and entry["seq"] > 0
    if not ok:
        raise BundleDamaged("同步包内容的格式不正确（记录结构无效），无法导入。已拒绝导入，数据未改变。",
                            code="bundle_malformed")


def rows_ok(name: str, rows: Any) -> bool:
    if not isinstance(rows, list):
        return False
    if name not in table_names():
        return True  # a table this version does not sync: the importer never reads it
    # Widths may differ by a column or two between app versions (the importer zips by position, as before);
    # the id must be there and be text.
    key = columns(name).index("id")
    return all(isinstance(r, list) and len(r) > key and isinstance(r[key], str) and r[key] for r in rows)


def table_names() -> frozenset[str]:
    return frozenset(ordered_tables())
