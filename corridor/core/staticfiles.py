"""Serve the Noto Sans Khmer and Thai fonts straight from their installed Python packages.

The font files stay in site-packages (nothing vendored in the repository); this finder exposes them
under stable static paths, `fonts/NotoSansKhmer.ttf` and `fonts/NotoSansThai.ttf`, so that the
development server serves them and `collectstatic` copies them like any other static file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import fontpkg
from django.contrib.staticfiles import utils
from django.contrib.staticfiles.finders import BaseFinder, searched_locations
from django.core.checks import CheckMessage, Error
from django.core.files.storage import FileSystemStorage

PREFIX = "fonts"
# Static file name → font family as the fontpkg packages register it.
FONT_FAMILIES = {
    "NotoSansKhmer.ttf": "Noto Sans Khmer",
    "NotoSansThai.ttf": "Noto Sans Thai",
}


def installed_fonts() -> dict[str, Path]:
    """The font files that are installed, by their static file name."""
    found = {}
    for name, family in FONT_FAMILIES.items():
        try:
            found[name] = fontpkg.path(family)
        except fontpkg.FontpkgError:
            continue
    return found


class FontPackageStorage(FileSystemStorage):
    """Read-only view of the font files under their short names (the packages name theirs
    `NotoSansKhmer[wdth,wght].ttf`, in different directories)."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files
        self.prefix = PREFIX
        super().__init__(location=str(next(iter(files.values())).parent) if files else None)

    def path(self, name: str) -> str:
        try:
            return str(self.files[name])
        except KeyError:
            raise FileNotFoundError(name) from None

    def exists(self, name: str) -> bool:
        return name in self.files

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        return ([], sorted(self.files)) if path in {"", "."} else ([], [])


class FontPackageFinder(BaseFinder):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.files = installed_fonts()
        self.storage = FontPackageStorage(self.files)
        super().__init__(*args, **kwargs)

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        return [
            Error(
                f"The font family {family!r} is not installed.",
                hint="Install the project's dependencies (uv sync): the fontpkg-noto-sans-* packages.",
                obj=self,
                id="corridor.E001",
            )
            for name, family in FONT_FAMILIES.items()
            if name not in self.files
        ]

    def find(self, path: str, find_all: bool = False) -> str | list[str]:  # type: ignore[override]
        # Like Django's own finders: the path on a match, an empty list otherwise (None would be
        # collected by finders.find() as a match).
        directory, _, name = path.replace("\\", "/").rpartition("/")
        if directory != PREFIX or name not in self.files:
            return []
        match = str(self.files[name])
        searched_locations.append(str(Path(match).parent))
        return [match] if find_all else match

    def list(self, ignore_patterns: Iterable[str] | None) -> Iterator[tuple[str, FileSystemStorage]]:
        for name in self.files:
            if not utils.matches_patterns(name, list(ignore_patterns or [])):
                yield name, self.storage
