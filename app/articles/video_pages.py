"""Video upload and removal on an article's edit page, and the files a player fetches (with
HTTP range requests, so the browser's own player can seek)."""

from __future__ import annotations

from typing import Annotated

from fastapi import File, Form, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response

from app.articles import service, video_service
from app.articles.pages import _form
from app.errors import ValidationFailed
from app.kit import limits
from app.web.deps import CurrentUser, SessionDep, SettingsDep
from app.web.routers import page_router

router = page_router()


def _read(upload: UploadFile | None, cap: int) -> bytes:
    return upload.file.read(cap + 1) if upload is not None else b""


@router.post("/artikler/{article_id}/videoer")
def upload_video(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    user: CurrentUser,
    article_id: int,
    video_title: Annotated[str, Form(max_length=1000)] = "",
    captions_language: Annotated[str, Form(max_length=10)] = "da",
    video: Annotated[UploadFile | None, File()] = None,
    captions: Annotated[UploadFile | None, File()] = None,
    poster: Annotated[UploadFile | None, File()] = None,
) -> Response:
    upload = video_service.VideoUpload(
        title=video_title,
        video=_read(video, limits.MAX_VIDEO_BYTES),
        captions=_read(captions, limits.MAX_CAPTIONS_BYTES),
        poster=_read(poster, limits.MAX_IMAGE_BYTES),
        language=captions_language,
    )
    try:
        video_service.add_video(db, settings.data_dir, user, article_id, upload)
    except ValidationFailed as exc:
        article = service.get_for_edit(db, user, article_id)
        values = {name: getattr(article, name) for name in service.FIELDS}
        values |= {"video_title": video_title, "captions_language": captions_language}
        return _form(request, db, values, article, errors=exc.fields, status_code=422)
    return RedirectResponse(f"/artikler/{article_id}/rediger?udfoert=video", status_code=303)


@router.post("/artikler/{article_id}/videoer/{video_id}/slet")
def delete_video(
    db: SessionDep, settings: SettingsDep, user: CurrentUser, article_id: int, video_id: int
) -> Response:
    video_service.remove_video(db, settings.data_dir, user, article_id, video_id)
    return RedirectResponse(f"/artikler/{article_id}/rediger?udfoert=video-slettet", 303)


@router.get("/artikler/{article_id}/videoer/{video_id}/{part}")
def video_file(
    db: SessionDep,
    settings: SettingsDep,
    user: CurrentUser,
    article_id: int,
    video_id: int,
    part: str,
) -> Response:
    path, kind = video_service.file_for(db, settings.data_dir, user, article_id, video_id, part)
    # Our sniffed type, never the uploader's claim; private, like the article's images.
    return FileResponse(
        path,
        media_type=kind,
        headers={"Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff"},
    )
