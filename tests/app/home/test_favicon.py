"""Every page links the icon, and /favicon.ico (which browsers ask for anyway) is served."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_the_icon_is_linked_and_served(client: TestClient) -> None:
    page = client.get("/login")
    assert page.status_code == 200
    links = re.findall(r'<link rel="icon" href="([^"]+)"', page.text)
    assert "/favicon.ico" in links and len(links) == 2
    for href in links:
        icon = client.get(href)
        assert icon.status_code == 200, href
        assert icon.headers["content-type"].startswith("image/")
    ico = client.get("/favicon.ico")
    assert ico.headers["content-type"] == "image/x-icon"
    assert ico.content[:4] == b"\x00\x00\x01\x00"  # an ICO file, not a page
