"""Articles in the browser: a consultant writes a Markdown article, adds a captioned video,
publishes it, and a flexjobber reads and plays it from "Nyt fra jobcentret" on their home page.
Axe at 1280 and 320 px."""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import Page, expect

from app.demo.articles import MEDIA
from tests.browser.a11y import check_at_both_widths
from tests.browser.helpers import log_in, submit, visit

pytestmark = pytest.mark.browser


def test_a_published_article_reaches_the_flexjobbers_home(page: Page, new_context) -> None:  # type: ignore[no-untyped-def]
    title = f"Gode råd {uuid.uuid4().hex[:6]}"
    log_in(page, "konsulent@gentofte.fleksbro.example")
    visit(page, "/artikler")
    main = page.locator("main")
    submit(page, main.get_by_role("link", name="Skriv en artikel"))
    check_at_both_widths(page)
    main.get_by_label("Titel", exact=True).fill(title)
    main.get_by_label("Tekst", exact=True).fill(
        "## Kom godt i gang\n\n**Husk** at udfylde dine timer. <script>alert(1)</script>"
    )
    main.get_by_label("Hvem er artiklen for?").select_option("flexjobbers")
    submit(page, main.get_by_role("button", name="Gem og offentliggør"))
    expect(main.get_by_text("Artiklen er offentliggjort.")).to_be_visible()
    check_at_both_widths(page)

    # A video without captions is refused; with them it is added.
    main.get_by_label("Hvad viser videoen?").fill("Velkommen til Fleksbro")
    main.get_by_label("Videofil").set_input_files(str(MEDIA / "fleksbro-demo.webm"))
    main.get_by_label("Billede før start").set_input_files(str(MEDIA / "fleksbro-demo-poster.png"))
    submit(page, main.get_by_role("button", name="Læg videoen op"))
    expect(main.locator("#captions-error")).to_contain_text("Tekstningen er påkrævet")
    check_at_both_widths(page)
    main.get_by_label("Videofil").set_input_files(str(MEDIA / "fleksbro-demo.webm"))
    main.locator("#captions").set_input_files(str(MEDIA / "fleksbro-demo.da.vtt"))
    main.get_by_label("Billede før start").set_input_files(str(MEDIA / "fleksbro-demo-poster.png"))
    submit(page, main.get_by_role("button", name="Læg videoen op"))
    expect(main.get_by_text("Videoen er lagt op.")).to_be_visible()

    reader = new_context().new_page()
    log_in(reader, "borger@fleksbro.example")
    news = reader.locator("main section", has_text="Nyt fra jobcentret")
    expect(news.get_by_role("link", name=title)).to_be_visible()
    check_at_both_widths(reader)
    submit(reader, news.get_by_role("link", name=title))
    article = reader.locator("main")
    expect(article.get_by_role("heading", level=2, name="Kom godt i gang")).to_be_visible()
    expect(article.locator("strong", has_text="Husk")).to_be_visible()
    expect(article.locator("script")).to_have_count(0)
    video = article.locator("video")
    expect(video).to_have_count(1)
    expect(video.locator('track[kind="captions"][srclang="da"]')).to_have_count(1)
    # The browser's own player loads the file and its captions (range requests included).
    reader.wait_for_function(
        "() => { const v = document.querySelector('main video');"
        " return v && v.readyState >= 1 && v.textTracks.length === 1; }"
    )
    assert video.evaluate("v => v.duration") > 5
    check_at_both_widths(reader)
