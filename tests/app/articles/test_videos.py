"""Videos in articles: a consultant uploads a video with its required captions and a poster
(checked by content), readers get it with HTTP range requests under the article's own rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.demo.articles import MEDIA
from app.models import ArticleVideo, User
from app.settings import Settings
from tests.support.personas import Personas
from tests.support.web import csrf, login

VIDEO = (MEDIA / "fleksbro-demo.webm").read_bytes()
CAPTIONS = (MEDIA / "fleksbro-demo.da.vtt").read_bytes()
POSTER = (MEDIA / "fleksbro-demo-poster.png").read_bytes()


@pytest.fixture
def data_dir(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(settings, "data_dir", tmp_path)
    return tmp_path


def _as(app: FastAPI, user: User) -> TestClient:
    client = TestClient(app, base_url="https://testserver", raise_server_exceptions=False)
    assert login(client, user.email).status_code == 303
    return client


def _article(client: TestClient, action: str = "publish") -> int:
    data = {
        "csrf_token": csrf(client, "/artikler/ny"),
        "title": "Video om Fleksbro",
        "body": "Se videoen herunder.",
        "audience": "flexjobbers",
        "action": action,
    }
    response = client.post("/artikler/ny", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    return int(response.headers["location"].split("/")[2])


def _upload(client: TestClient, article_id: int, **files: tuple[str, bytes, str]):  # type: ignore[no-untyped-def]
    parts = {
        "video": ("film.webm", VIDEO, "video/webm"),
        "captions": ("film.vtt", CAPTIONS, "text/vtt"),
        "poster": ("plakat.png", POSTER, "image/png"),
    } | files
    data = {"csrf_token": csrf(client, "/artikler"), "video_title": "Velkommen"}
    return client.post(
        f"/artikler/{article_id}/videoer",
        data=data,
        files={k: v for k, v in parts.items() if v[1]},
        follow_redirects=False,
    )


def test_upload_play_with_ranges_and_remove(
    app: FastAPI, db: Session, personas: Personas, data_dir: Path
) -> None:
    consultant = _as(app, personas.consultant)
    article_id = _article(consultant)
    assert _upload(consultant, article_id).status_code == 303
    video = db.scalar(select(ArticleVideo).where(ArticleVideo.article_id == article_id))
    assert video is not None and video.content_type == "video/webm" and video.size == len(VIDEO)

    reader = _as(app, personas.flexjobber)
    page = reader.get(f"/artikler/{article_id}").text
    base = f"/artikler/{article_id}/videoer/{video.id}"
    assert f'<source src="{base}/fil" type="video/webm">' in page
    assert f'<track kind="captions" src="{base}/tekstning" srclang="da"' in page
    assert f'poster="{base}/plakat"' in page

    whole = reader.get(f"{base}/fil")
    assert whole.status_code == 200 and whole.content == VIDEO
    assert whole.headers["content-type"] == "video/webm"
    assert whole.headers["accept-ranges"] == "bytes"
    part = reader.get(f"{base}/fil", headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and part.content == VIDEO[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(VIDEO)}"
    tail = reader.get(f"{base}/fil", headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.content == VIDEO[-10:]
    assert reader.get(f"{base}/fil", headers={"Range": f"bytes={len(VIDEO)}-"}).status_code == 416
    captions = reader.get(f"{base}/tekstning")
    assert captions.headers["content-type"].startswith("text/vtt")
    assert captions.content == CAPTIONS
    assert reader.get(f"{base}/plakat").content == POSTER
    assert reader.get(f"{base}/andet").status_code == 404
    (listed,) = reader.get(f"/api/v1/articles/{article_id}").json()["videos"]
    assert listed["video_url"] == f"{base}/fil" and listed["captions_url"] == f"{base}/tekstning"
    assert listed["content_type"] == "video/webm" and listed["captions_language"] == "da"

    # Readers outside the article's audience or jobcentre: as if it did not exist.
    for outsider in (personas.company_user, personas.outsider):
        assert _as(app, outsider).get(f"{base}/fil").status_code == 404
    # Only the jobcentre's consultants change it.
    response = reader.post(f"{base}/slet", data={"csrf_token": csrf(reader, "/artikler")})
    assert response.status_code in (403, 404)

    files = sorted(p.name for p in (data_dir / "videos").iterdir())
    assert len(files) == 3
    delete = consultant.post(
        f"{base}/slet", data={"csrf_token": csrf(consultant, "/artikler")}, follow_redirects=False
    )
    assert delete.status_code == 303
    assert list((data_dir / "videos").iterdir()) == []
    assert reader.get(f"{base}/fil").status_code == 404


def test_a_draft_articles_video_is_not_served_to_readers(
    app: FastAPI, db: Session, personas: Personas, data_dir: Path
) -> None:
    consultant = _as(app, personas.consultant)
    article_id = _article(consultant, action="save")
    assert _upload(consultant, article_id).status_code == 303
    video_id = db.scalar(select(ArticleVideo.id).where(ArticleVideo.article_id == article_id))
    path = f"/artikler/{article_id}/videoer/{video_id}/fil"
    assert consultant.get(path).status_code == 200
    assert _as(app, personas.flexjobber).get(path).status_code == 404


@pytest.mark.parametrize(
    ("files", "field", "message"),
    [
        ({"video": ("film.webm", POSTER, "video/webm")}, "video", "MP4- eller WebM-fil"),
        ({"video": ("film.mp4", b"<html>hej</html>", "video/mp4")}, "video", "MP4- eller WebM-fil"),
        ({"captions": ("", b"", "text/vtt")}, "captions", "Tekstningen er påkrævet"),
        ({"captions": ("t.vtt", b"1\n00:00 --> 00:01\nhej", "text/vtt")}, "captions", "WebVTT"),
        ({"captions": ("t.vtt", b"WEBVTT\n\nuden tider", "text/vtt")}, "captions", "WebVTT"),
        ({"captions": ("t.vtt", b"WEBVTT\n\xff\xfe-->", "text/vtt")}, "captions", "WebVTT"),
        ({"poster": ("p.svg", b"<svg onload=alert(1)/>", "image/svg+xml")}, "poster", "PNG-"),
        ({"poster": ("", b"", "image/png")}, "poster", "Vælg et billede"),
    ],
)
def test_wrong_files_are_refused_and_nothing_is_kept(
    app: FastAPI,
    db: Session,
    personas: Personas,
    data_dir: Path,
    files: dict[str, tuple[str, bytes, str]],
    field: str,
    message: str,
) -> None:
    consultant = _as(app, personas.consultant)
    article_id = _article(consultant)
    response = _upload(consultant, article_id, **files)
    assert response.status_code == 422
    assert message in response.text
    assert f'id="{field}-error"' in response.text
    assert db.scalar(select(func.count()).select_from(ArticleVideo)) == 0
    assert not (data_dir / "videos").exists() or not list((data_dir / "videos").iterdir())


def test_a_video_title_is_required(app: FastAPI, personas: Personas, data_dir: Path) -> None:
    consultant = _as(app, personas.consultant)
    article_id = _article(consultant)
    data = {"csrf_token": csrf(consultant, "/artikler"), "video_title": " "}
    files = {
        "video": ("film.webm", VIDEO, "video/webm"),
        "captions": ("film.vtt", CAPTIONS, "text/vtt"),
        "poster": ("plakat.png", POSTER, "image/png"),
    }
    response = consultant.post(f"/artikler/{article_id}/videoer", data=data, files=files)
    assert response.status_code == 422 and "Skriv, hvad videoen viser." in response.text
