"""Write or check the committed OpenAPI schema of the API (docs/openapi.json).

python scripts/openapi.py --write   # regenerate docs/openapi.json
python scripts/openapi.py --check   # exit 1 if docs/openapi.json is not what the code generates
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "docs" / "openapi.json"


def generate() -> str:
    """The schema as committed: sorted keys, two-space indent, a trailing newline, in English."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "corridor.settings.test")
    import django

    django.setup()
    from django.utils import translation

    from corridor.api.urls import api

    with translation.override("en"):
        schema = api.get_openapi_schema()
        # default=str renders lazy translations while English is active.
        text = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False, default=str)
    return text + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help=f"write {SCHEMA_FILE.relative_to(ROOT)}")
    mode.add_argument("--check", action="store_true", help="fail if the committed schema is out of date")
    args = parser.parse_args(argv)

    generated = generate()
    if args.write:
        SCHEMA_FILE.parent.mkdir(parents=True, exist_ok=True)
        SCHEMA_FILE.write_text(generated, encoding="utf-8")
        print(f"wrote {SCHEMA_FILE.relative_to(ROOT)}")
        return 0

    committed = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
    if committed == generated:
        print(f"{SCHEMA_FILE.relative_to(ROOT)} is up to date")
        return 0
    diff = difflib.unified_diff(
        committed.splitlines(keepends=True),
        generated.splitlines(keepends=True),
        fromfile=f"{SCHEMA_FILE.relative_to(ROOT)} (committed)",
        tofile="generated from the code",
        n=2,
    )
    sys.stderr.writelines(list(diff)[:80])
    sys.stderr.write(
        f"\n{SCHEMA_FILE.relative_to(ROOT)} is out of date with the API code. "
        "Run `make openapi` (scripts/openapi.py --write) and commit the result.\n"
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
