"""CI check: the km and th catalogues are complete (no untranslated or fuzzy entries), compiled
(.mo matches .po), and contain every string the code marks for translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("km", "th")


def catalogue_problems(language: str) -> list[str]:
    po_path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    mo_path = po_path.with_suffix(".mo")
    if not po_path.exists():
        return [f"{po_path} is missing"]
    po = polib.pofile(str(po_path))
    problems = [f"{language}: untranslated: {entry.msgid!r}" for entry in po.untranslated_entries()]
    problems += [f"{language}: fuzzy: {entry.msgid!r}" for entry in po.fuzzy_entries()]
    if not mo_path.exists():
        return [*problems, f"{mo_path} is missing: run `make messages`"]
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in polib.mofile(str(mo_path))
    }
    source = {(e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in po.translated_entries()}
    if compiled != source:
        problems.append(f"{mo_path} is out of date with its .po: run `make messages`")
    return problems


def _msgids(root: Path) -> set[str]:
    return {entry.msgid for entry in polib.pofile(str(root / "locale" / "km" / "LC_MESSAGES" / "django.po"))}


def missing_from_catalogue() -> list[str]:
    """Strings in the code that `makemessages` would add: run it on a copy of the catalogues and
    compare, restoring the originals whatever happens."""
    before = _msgids(ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        backup = Path(scratch) / "locale"
        shutil.copytree(ROOT / "locale", backup)
        try:
            result = subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "makemessages",
                    "-l",
                    "km",
                    "--no-obsolete",
                    "--add-location",
                    "file",
                    "-i",
                    ".venv/*",
                    "-i",
                    ".tools/*",
                    "-i",
                    "tests/*",
                    "-i",
                    "*/tests/*",
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                return [f"makemessages failed: {result.stderr.strip()}"]
            after = _msgids(ROOT)
        finally:
            shutil.rmtree(ROOT / "locale")
            shutil.copytree(backup, ROOT / "locale")
    return [f"not in the catalogues (run `make messages` and translate): {msgid!r}" for msgid in sorted(after - before)]


def main() -> int:
    problems = [problem for language in LANGUAGES for problem in catalogue_problems(language)]
    problems += missing_from_catalogue()
    for problem in problems[:200]:
        print(problem)
    if problems:
        print(f"{len(problems)} translation problem(s).")
        return 1
    print("Translations: km and th complete and compiled.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
