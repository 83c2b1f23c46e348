"""The setup wizard's towns-and-villages import file: pure parsing, no widgets."""
from __future__ import annotations

import csv
from pathlib import Path

from ..i18n import tr

MAX_NAME = 50
_HEADER_WORDS = {"街镇", "街道", "乡镇", "镇街", "街镇名称", "街道/乡镇", "街道（乡镇）"}  # file contents, not UI text


def parse_towns(text: str) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """Lines `街镇,村社区` (a line may name a town alone). Commas may be ASCII or Chinese, or tabs;
    blank lines and lines starting with # are skipped, as is a header line. Returns the towns in
    file order with their villages (duplicates dropped), and one Chinese message per bad line."""
    towns: dict[str, list[str]] = {}
    errors: list[str] = []
    seen_data = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.replace("，", ",").replace("\t", ",")
        fields = [f.strip().strip("\u3000").strip() for f in next(csv.reader([line]))]
        while fields and not fields[-1]:
            fields.pop()
        if not seen_data and fields and fields[0] in _HEADER_WORDS:
            seen_data = True
            continue
        seen_data = True
        if len(fields) > 2:
            errors.append(tr("第 {number} 行：有 {n} 列，应为“街镇,村社区”两列（如：高塘岭街道,新康村）。").format(number=number, n=len(fields)))
            continue
        town = fields[0] if fields else ""
        village = fields[1] if len(fields) > 1 else ""
        if not town:
            errors.append(tr("第 {number} 行：缺少街镇名称。").format(number=number))
            continue
        too_long = next((n for n in (town, village) if len(n) > MAX_NAME), None)
        if too_long:
            errors.append(tr("第 {number} 行：名称“{too_long}…”过长（最多 {max} 字）。").format(number=number, too_long=too_long[:12], max=MAX_NAME))
            continue
        villages = towns.setdefault(town, [])
        if village and village not in villages:
            villages.append(village)
    return list(towns.items()), errors


def read_towns_file(path: Path) -> tuple[list[tuple[str, list[str]]], list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [tr("无法读取文件：{path}（{strerror}）").format(path=path, strerror=exc.strerror or exc)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Excel on a Chinese Windows saves "CSV" as GBK
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            return [], [tr("文件编码无法识别，请另存为 UTF-8 编码的文本或 CSV 文件。")]
    towns, errors = parse_towns(text)
    if not towns and not errors:
        errors.append(tr("文件中没有任何街镇（每行格式：街镇,村社区）。"))
    return towns, errors
