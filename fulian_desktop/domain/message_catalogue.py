"""Finds a core message in the catalogue, so the UI can show it in the user's language.

The core raises its errors with Chinese sentences (tests and logs read them; the core knows no Qt). Each sentence
comes from a template in `error_catalogue.MESSAGES` (generated from the raise statements by
scripts/i18n/extract_errors.py); `identify` gives back the template's code and the values that filled its fields,
and the UI translates the template and fills it again. A message not in the catalogue stays as it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .error_catalogue import MESSAGES

_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class CatalogueMessage:
    code: str
    template: str
    params: dict[str, str] = field(default_factory=dict)


def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    at = 0
    for match in _FIELD.finditer(template):
        parts.append(re.escape(template[at:match.start()].replace("{{", "{").replace("}}", "}")))
        parts.append(f"(?P<{match.group(1)}>.*?)")
        at = match.end()
    parts.append(re.escape(template[at:].replace("{{", "{").replace("}}", "}")))
    return re.compile("".join(parts), re.DOTALL)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    """Most literal text first: a template that says more wins over one that says less."""
    entries = sorted(MESSAGES.items(), key=lambda item: -len(_FIELD.sub("", item[1])))
    return [(code, template, _pattern(template)) for code, template in entries]


def identify(message: str) -> CatalogueMessage | None:
    """The catalogue entry `message` was made from, with its field values; None if it is not from the catalogue."""
    for code, template, pattern in _patterns():
        match = pattern.fullmatch(message)
        if match is not None:
            return CatalogueMessage(code, template, {k: v for k, v in match.groupdict().items()})
    return None


def template_for(code: str) -> str | None:
    return MESSAGES.get(code)
