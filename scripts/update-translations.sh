#!/usr/bin/env bash
# Refresh the English translation source from every tr("…") in ui/, then compile it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t sources < <(find ui -name '*.py' | sort)
.venv/bin/pyside6-lupdate "${sources[@]}" -ts resources/translations/fulian_en.ts -no-obsolete
.venv/bin/pyside6-lrelease resources/translations/fulian_en.ts -qm resources/translations/fulian_en.qm
