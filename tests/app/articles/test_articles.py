"""Articles: drafts, publishing and updating by a jobcentre's consultants, who reads what (pages
and API alike), "Nyt fra jobcentret" on the home page, and image uploads checked by content."""

from __future__ import annotations

import io
import struct
import zlib

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import Article, ArticleImage, User
from tests.support.personas import Personas
from tests.support.web import csrf, login

HOSTILE = (
    "Hej\n\n<script>alert(1)</script> [klik](javascript:alert(1)) <img src=x onerror=alert(1)>"
)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _as(app: FastAPI, user: User) -> TestClient:
    client = TestClient(app, base_url="https://testserver", raise_server_exceptions=False)
    assert login(client, user.email).status_code == 303
    return client


def _write(client: TestClient, **fields: str) -> int:
    data = {"csrf_token": csrf(client, "/artikler/ny"), **fields}
    response = client.post("/artikler/ny", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    return int(response.headers["location"].split("/")[2])


def test_draft_publish_update_and_who_reads_it(
    app: FastAPI, db: Session, personas: Personas
) -> None:
    consultant = _as(app, personas.consultant)
    article_id = _write(
        consultant, title="Sådan bruger du Fleksbro", summary="Kort om det hele",
        body=HOSTILE, audience="flexjobbers", action="save",
    )  # fmt: skip
    article = db.get(Article, article_id)
    assert article is not None and article.status == "draft"
    reader = _as(app, personas.flexjobber)
    assert reader.get(f"/artikler/{article_id}").status_code == 404  # a draft is not revealed
    assert reader.get(f"/api/v1/articles/{article_id}").status_code == 404
    assert "Sådan bruger du Fleksbro" not in reader.get("/hjem").text

    token = csrf(consultant, f"/artikler/{article_id}")
    published = consultant.post(
        f"/artikler/{article_id}/offentliggoer", data={"csrf_token": token}, follow_redirects=False
    )
    assert published.status_code == 303
    page = reader.get(f"/artikler/{article_id}")
    assert page.status_code == 200 and "Sådan bruger du Fleksbro" in page.text
    assert "<script>alert(1)" not in page.text and "<img src=x" not in page.text
    assert 'href="javascript:' not in page.text
    home = reader.get("/hjem")
    assert "Nyt fra jobcentret" in home.text and f'href="/artikler/{article_id}"' in home.text
    listed = reader.get("/api/v1/articles").json()["items"]
    assert [a["id"] for a in listed] == [article_id]
    assert "<script>" not in listed[0]["body_html"] and listed[0]["body_markdown"] == HOSTILE

    expected = {
        personas.company_user: (404, 404),  # the article is for flexjobbers
        personas.outsider: (404, 404),  # another jobcentre's consultant
        personas.admin: (404, 404),
        personas.flexjobber: (200, 403),  # reads, may not write
    }
    for user, (read, write) in expected.items():
        other = _as(app, user)
        assert other.get(f"/artikler/{article_id}").status_code == read, user.email
        assert other.get(f"/api/v1/articles/{article_id}").status_code == read, user.email
        assert other.get(f"/artikler/{article_id}/rediger").status_code == write, user.email
        edit = other.post(
            f"/artikler/{article_id}/rediger",
            data={"csrf_token": csrf(other, "/hjem"), "title": "Hacket", "body": "x",
                  "audience": "both"},
        )  # fmt: skip
        assert edit.status_code == write, user.email
    db.refresh(article)
    assert article.title == "Sådan bruger du Fleksbro"

    # The consultant updates the published article; bad input re-renders the form.
    token = csrf(consultant, f"/artikler/{article_id}/rediger")
    bad = consultant.post(
        f"/artikler/{article_id}/rediger",
        data={"csrf_token": token, "title": "", "body": "", "audience": "alle"},
    )
    assert bad.status_code == 422 and "Skriv artiklens titel." in bad.text
    good = consultant.post(
        f"/artikler/{article_id}/rediger",
        data={"csrf_token": token, "title": "Ny titel", "body": "Ny **tekst**",
              "audience": "both", "action": "save"},
        follow_redirects=False,
    )  # fmt: skip
    assert good.status_code == 303
    assert "Ny <strong>tekst</strong>" in reader.get(f"/artikler/{article_id}").text
    assert _as(app, personas.company_user).get(f"/artikler/{article_id}").status_code == 200


def test_images_are_checked_by_content_and_served_by_the_policy(
    app: FastAPI, db: Session, personas: Personas
) -> None:
    consultant = _as(app, personas.consultant)
    article_id = _write(
        consultant, title="Med billede", body="Se her", audience="flexjobbers", action="save"
    )
    path = f"/artikler/{article_id}/billeder"
    token = csrf(consultant, f"/artikler/{article_id}/rediger")
    refused = {
        "svg.png": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "page.jpg": b"<html><script>alert(1)</script></html>",
        "anim.gif": b"GIF89a\x01\x00\x01\x00",
        "tiny.webp": b"RIFF\x00\x00\x00\x00WEBQ",
        "huge.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * (2 * 1024 * 1024),
    }
    for name, data in refused.items():
        response = consultant.post(
            path, data={"csrf_token": token}, files={"image": (name, io.BytesIO(data), "image/png")}
        )
        assert response.status_code in (413, 422), name
    assert db.query(ArticleImage).filter_by(article_id=article_id).count() == 0

    png = _png()
    done = consultant.post(
        path,
        data={"csrf_token": token},
        files={"image": ("kaffe.txt", io.BytesIO(png), "text/plain")},
        follow_redirects=False,
    )
    assert done.status_code == 303
    image = db.query(ArticleImage).filter_by(article_id=article_id).one()
    url = f"/artikler/{article_id}/billeder/{image.id}"
    assert url in consultant.get(f"/artikler/{article_id}/rediger").text  # the snippet to paste
    served = consultant.get(url)
    assert served.status_code == 200 and served.content == png
    assert served.headers["content-type"] == "image/png"
    reader = _as(app, personas.flexjobber)
    assert reader.get(url).status_code == 404  # the article is still a draft
    flexjobber_upload = reader.post(
        path,
        data={"csrf_token": csrf(reader, "/hjem")},
        files={"image": ("a.png", io.BytesIO(png), "image/png")},
    )
    assert flexjobber_upload.status_code == 404
    token = csrf(consultant, f"/artikler/{article_id}")
    consultant.post(f"/artikler/{article_id}/offentliggoer", data={"csrf_token": token})
    assert reader.get(url).status_code == 200
    assert _as(app, personas.outsider).get(url).status_code == 404
    assert reader.get(f"/artikler/{article_id}/billeder/{image.id + 999}").status_code == 404
