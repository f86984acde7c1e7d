"""PDF documents from templates, with WeasyPrint (Pango and HarfBuzz shape Khmer and Thai).

The fonts come from the installed fontpkg packages, the same files the pages serve. Rendering never
leaves the machine: the URL fetcher opens only those font files, so nothing a user typed into a case
can make the server fetch a URL while it prints. WeasyPrint is imported when a document is printed, so
a server without Pango still serves every page (and `manage.py check` says what is missing).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.checks import CheckMessage, Warning, register
from django.template.loader import render_to_string
from django.utils import translation

from corridor.core.staticfiles import FONT_FAMILIES, installed_fonts

STYLESHEET = Path(__file__).resolve().parents[2] / "static" / "css" / "print.css"


def _font_faces() -> tuple[str, set[str]]:
    rules, urls = [], set()
    for name, path in installed_fonts().items():
        url = path.resolve().as_uri()
        urls.add(url)
        rules.append(f'@font-face {{ font-family: "{FONT_FAMILIES[name]}"; src: url("{url}"); }}')
    return "\n".join(rules), urls


def _local_fonts_only(allowed: set[str]) -> Any:
    from weasyprint.urls import URLFetcher

    class LocalFontsOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url not in allowed:
                raise ValueError(f"not fetched while printing: {url}")
            return super().fetch(url, headers)

    return LocalFontsOnly(allowed_protocols=["file"], allow_redirects=False)


def render_pdf(template_name: str, context: dict[str, Any], *, language: str) -> bytes:
    """The template rendered in `language` and printed to PDF bytes."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    with translation.override(language):
        html = render_to_string(template_name, {**context, "LANGUAGE_CODE": language})
    faces, urls = _font_faces()
    fetcher = _local_fonts_only(urls)
    fonts = FontConfiguration()
    stylesheets = [
        CSS(string=faces, font_config=fonts, url_fetcher=fetcher),
        CSS(filename=str(STYLESHEET), font_config=fonts, url_fetcher=fetcher),
    ]
    document = HTML(string=html, base_url=None, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=stylesheets, font_config=fonts) or b""


@register()
def printing_available(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        import weasyprint  # noqa: F401
    except OSError as error:
        return [
            Warning(
                f"PDF printing is unavailable: {error}",
                hint="Install Pango: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 (make run does it as root).",
                id="corridor.W010",
            )
        ]
    return []
