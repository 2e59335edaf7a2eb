from __future__ import annotations

from app.matches.forms import linkify


def test_text_is_escaped_and_only_http_links_become_anchors() -> None:
    html = str(linkify('Se https://a.dk/x?y=1&z=2. <b>"fed"</b>\njavascript:alert(1) ftp://b.dk'))
    assert '<a href="https://a.dk/x?y=1&amp;z=2" rel="noopener nofollow">' in html
    assert "</a>. &lt;b&gt;&#34;fed&#34;&lt;/b&gt;<br>\n" in html
    assert "javascript:alert(1)" in html and 'href="javascript' not in html
    assert 'href="ftp' not in html


def test_quotes_in_urls_cannot_break_out_of_the_attribute() -> None:
    html = str(linkify('http://a.dk/"onmouseover="x'))
    assert 'onmouseover="x' not in html
    assert html.startswith('<a href="http://a.dk/" rel="noopener nofollow">')
