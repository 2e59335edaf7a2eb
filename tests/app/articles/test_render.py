"""Markdown sanitising with hostile input: nothing executable survives, wanted formatting does."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from app.articles.render import TAGS, to_html

HOSTILE = [
    "<script>alert(1)</script>",
    "[ok](https://fleksbro.example) <b onmouseover=alert(1)>x</b>",
    '[t](https://example.dk "title" onclick=alert(1))',
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "[klik](javascript:alert(1))",
    "[klik](<javascript:alert(1)>)",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](&#106;avascript:alert(1))",
    "[klik](java\tscript:alert(1))",
    '<a href="javascript:alert(1)">klik</a>',
    "<img src=x onerror=alert(1)>",
    '<p onclick="alert(1)">tekst</p>',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](https://tracker.example/pixel.png)",
    "![x](//tracker.example/pixel.png)",
    "[x](vbscript:msgbox(1))",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
]


class _Tags(HTMLParser):
    """Every real tag and attribute in the output (escaped text is only text)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("markdown", HOSTILE)
def test_hostile_markdown_renders_nothing_executable(markdown: str) -> None:
    html = to_html(markdown)
    for tag, attrs in _tags(html):
        assert tag in TAGS, (markdown, html)
        for name, value in attrs:
            assert not name.startswith("on") and name in {"href", "src", "alt", "title", "rel"}
            if name == "href":
                assert (value or "").startswith(("https://", "http://", "mailto:")), html
            if name == "src":
                assert re.fullmatch(r"/artikler/\d+/billeder/\d+", value or ""), html


def test_wanted_formatting_survives() -> None:
    html = to_html(
        "# Om fleksjob\n\n**Fed** og *kursiv*, [STAR](https://star.dk) og "
        "[skriv](mailto:jobcenter@example.dk).\n\n- et\n- to\n\n"
        "![Kaffemøde i jobcentret](/artikler/7/billeder/3)"
    )
    assert "<h2>Om fleksjob</h2>" in html  # the page's h1 is the article's title
    assert "<strong>Fed</strong>" in html and "<em>kursiv</em>" in html
    assert '<a href="https://star.dk" rel="noopener noreferrer nofollow">STAR</a>' in html
    assert 'href="mailto:jobcenter@example.dk"' in html
    assert "<li>et</li>" in html
    assert '<img src="/artikler/7/billeder/3" alt="Kaffemøde i jobcentret">' in html
