"""Fill the unfinished English of fulian_en.ts from the reviewed lists in scripts/i18n/*.json (Chinese → English).

update-translations.sh runs it after lupdate: a text whose English is kept in a list (the core's error messages,
scripts/i18n/errors_en.json) needs no hand editing of the .ts. Only unfinished entries are filled; an English
text already in the .ts is never replaced.
"""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "fulian_en.ts"
UNFINISHED = re.compile(r"(<source>(?P<source>[^<]*)</source>(?:\s*<comment>[^<]*</comment>)?\s*)"
                        r"<translation type=\"unfinished\"></translation>", re.DOTALL)


def _escape(text: str) -> str:
    """As lupdate writes it."""
    return html.escape(text, quote=False).replace('"', "&quot;").replace("'", "&apos;")


def main() -> int:
    english: dict[str, str] = {}
    for path in sorted((ROOT / "scripts" / "i18n").glob("*.json")):
        english.update(json.loads(path.read_text(encoding="utf-8")))
    text = TS.read_text(encoding="utf-8")
    filled = 0

    def fill(match: re.Match[str]) -> str:
        nonlocal filled
        source = html.unescape(match.group("source"))
        if source not in english:
            return match.group(0)
        filled += 1
        return match.group(1) + "<translation>" + _escape(english[source]) + "</translation>"

    TS.write_text(UNFINISHED.sub(fill, text), encoding="utf-8")
    print(f"filled {filled} translations", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
