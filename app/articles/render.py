"""Article Markdown to safe HTML: markdown-it-py (CommonMark, raw HTML off) renders, then nh3
(the Rust ammonia sanitiser) keeps a small safe subset. Two locks, so a mistake in one is not
a hole: raw HTML is never passed through by the renderer, and whatever HTML comes out is
cleaned again — no scripts, event handlers, styles, SVG or iframes; links only to http(s) and
mailto; images only from this app's own article image route."""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    "table"
)
TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Images come only from the app itself (no tracking pixels, no data: URLs, no other hosts).
_OWN_IMAGE = re.compile(r"^/artikler/\d{1,10}/billeder/\d{1,10}$")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        return value if _OWN_IMAGE.match(value) else None
    if tag == "a" and attribute == "href" and value.startswith("//"):
        return None  # protocol-relative: another host under our page's scheme
    return value


def to_html(markdown: str) -> str:
    # Headings start at h2: the article's title is the page's one h1.
    rendered = _MD.render(re.sub(r"^(#)(?=\s)", "##", markdown, flags=re.MULTILINE))
    return nh3.clean(
        rendered,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_attribute_filter,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
