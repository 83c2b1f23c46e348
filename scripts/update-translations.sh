#!/usr/bin/env bash
# Refresh the English translation source from every tr("…") in ui/ (and the core's error messages, collected by
# scripts/i18n/extract_errors.py), fill the English kept in scripts/i18n/*.json, then compile it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
.venv/bin/python scripts/i18n/extract_errors.py
mapfile -t sources < <(find ui -name '*.py' | sort)
.venv/bin/pyside6-lupdate "${sources[@]}" -ts resources/translations/fulian_en.ts -no-obsolete
.venv/bin/python scripts/i18n/fill_translations.py
.venv/bin/pyside6-lrelease resources/translations/fulian_en.ts -qm resources/translations/fulian_en.qm
