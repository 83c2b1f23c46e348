"""The core's messages come from a catalogue the UI can translate: every raised Chinese literal is in it, each
template is found again from the sentence it produced, with the values that filled it."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from fulian_desktop.domain.error_catalogue import MESSAGES
from fulian_desktop.domain.message_catalogue import identify

ROOT = Path(__file__).resolve().parents[2]
FIELD = re.compile(r"\{(\w+)\}")


def _extractor():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("extract_errors", ROOT / "scripts" / "i18n" / "extract_errors.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_catalogue_holds_every_message_the_core_raises() -> None:
    """A new or changed `raise …Error("…")` needs scripts/update-translations.sh (which regenerates it)."""
    extractor = _extractor()
    raised = set(extractor.collect())
    assert len(raised) > 400
    assert raised == set(MESSAGES.values()), "run bash scripts/update-translations.sh"
    assert all(code == extractor.code_of(text) for code, text in MESSAGES.items())


def test_each_template_is_found_again_from_the_sentence_it_made() -> None:
    wrong = []
    for code, template in MESSAGES.items():
        names = FIELD.findall(template)
        values = {name: f"值{i}X" for i, name in enumerate(names)}
        sentence = template.format(**values)
        found = identify(sentence)
        # two raises may say the same with other field names (没有名为“{unit}”/“{name}”的单位): either will do
        if (found is None or list(found.params.values()) != list(values.values())
                or FIELD.sub("{}", found.template) != FIELD.sub("{}", template)):
            wrong.append((code, template, found))
    assert wrong == []


def test_a_sentence_not_from_the_catalogue_is_not_claimed() -> None:
    assert identify("这句话不是核心抛出的。") is None
    assert identify("") is None
