"""Article pages: the list, a consultant's new/edit form (drafts, publish, update), an article's
page (Markdown rendered and sanitised), image upload and the images themselves."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, File, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup

from app.articles import policy, service, video_service
from app.articles.render import to_html
from app.errors import ValidationFailed
from app.events.pages import AUDIENCE_LABELS
from app.kit import limits
from app.kit.i18n import N_
from app.models import AUDIENCES, Article
from app.web.deps import CurrentUser, SessionDep, SettingsDep
from app.web.i18n import language_of, translations
from app.web.routers import page_router
from app.web.templating import render

router = page_router()

STATUS_LABELS = {"draft": N_("Kladde"), "published": N_("Offentliggjort")}
DONE = {
    "gemt": N_("Artiklen er gemt."),
    "offentliggjort": N_("Artiklen er offentliggjort."),
    "billede": N_("Billedet er lagt op. Sæt koden herunder ind i teksten, hvor det skal stå."),
    "video": N_("Videoen er lagt op. Den vises under artiklens tekst."),
    "video-slettet": N_("Videoen er fjernet."),
}


def _common(request: Request) -> dict[str, Any]:
    tr = translations(language_of(request)).gettext
    return {
        "audience_labels": AUDIENCE_LABELS,
        "status_labels": STATUS_LABELS,
        "audiences": [(a, tr(AUDIENCE_LABELS[a])) for a in AUDIENCES],
    }


def _done(request: Request) -> list[tuple[str, str]]:
    key = request.query_params.get("udfoert", "")
    return [("success", DONE[key])] if key in DONE else []


@router.get("/artikler")
def article_list(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    ctx = _common(request) | {
        "articles": service.visible(db, user),
        "may_write": policy.may_write(user),
    }
    return render(request, "articles/list.html", ctx)


async def _typed(request: Request) -> dict[str, str]:
    form = await request.form()
    names = (*service.FIELDS, "action")
    return {name: str(form.get(name) or "")[: service.MAX_BODY + 1] for name in names}


ArticleForm = Annotated[dict[str, str], Depends(_typed)]


def _form(
    request: Request,
    db: SessionDep,
    values: dict[str, str],
    article: Article | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    ctx = _common(request) | {
        "values": values,
        "errors": errors or {},
        "article": article,
        "images": service.images_of(db, article) if article else [],
        "videos": video_service.videos_of(db, article) if article else [],
        "action": f"/artikler/{article.id}/rediger" if article else "/artikler/ny",
        "messages": _done(request),
    }
    return render(request, "articles/form.html", ctx, status_code=status_code)


@router.get("/artikler/ny")
def new_article(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    policy.ensure_may_write(user)
    return _form(request, db, {"audience": "flexjobbers"})


@router.post("/artikler/ny")
def create_article(
    request: Request, db: SessionDep, user: CurrentUser, data: ArticleForm
) -> Response:
    publish = data["action"] == "publish"
    try:
        article = service.create(db, user, data, publish=publish)
    except ValidationFailed as exc:
        return _form(request, db, data, errors=exc.fields, status_code=422)
    done = "offentliggjort" if publish else "gemt"
    return RedirectResponse(f"/artikler/{article.id}/rediger?udfoert={done}", status_code=303)


@router.get("/artikler/{article_id}")
def article_page(request: Request, db: SessionDep, user: CurrentUser, article_id: int) -> Response:
    article = service.get(db, user, article_id)
    ctx = _common(request) | {
        "article": article,
        # Safe to mark: app.articles.render cleans it with nh3 to a small allowed subset.
        "body_html": Markup(to_html(article.body)),  # noqa: S704
        "may_edit": policy.can_manage(user, article),
        "videos": video_service.videos_of(db, article),
        "messages": _done(request),
    }
    return render(request, "articles/detail.html", ctx)


@router.get("/artikler/{article_id}/rediger")
def edit_article(request: Request, db: SessionDep, user: CurrentUser, article_id: int) -> Response:
    article = service.get_for_edit(db, user, article_id)
    values = {name: getattr(article, name) for name in service.FIELDS}
    return _form(request, db, values, article)


@router.post("/artikler/{article_id}/rediger")
def save_article(
    request: Request, db: SessionDep, user: CurrentUser, article_id: int, data: ArticleForm
) -> Response:
    publish = data["action"] == "publish"
    try:
        service.update(db, user, article_id, data, publish=publish)
    except ValidationFailed as exc:
        article = service.get_for_edit(db, user, article_id)
        return _form(request, db, data, article, errors=exc.fields, status_code=422)
    done = "offentliggjort" if publish else "gemt"
    return RedirectResponse(f"/artikler/{article_id}/rediger?udfoert={done}", status_code=303)


@router.post("/artikler/{article_id}/offentliggoer")
def publish_article(db: SessionDep, user: CurrentUser, article_id: int) -> Response:
    service.publish(db, user, article_id)
    return RedirectResponse(f"/artikler/{article_id}?udfoert=offentliggjort", status_code=303)


@router.post("/artikler/{article_id}/billeder")
def upload_image(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    user: CurrentUser,
    article_id: int,
    image: Annotated[UploadFile | None, File()] = None,
) -> Response:
    data = image.file.read(limits.MAX_IMAGE_BYTES + 1) if image is not None else b""
    try:
        service.add_image(db, settings.data_dir, user, article_id, data)
    except ValidationFailed as exc:
        article = service.get_for_edit(db, user, article_id)
        values = {name: getattr(article, name) for name in service.FIELDS}
        return _form(request, db, values, article, errors=exc.fields, status_code=422)
    return RedirectResponse(f"/artikler/{article_id}/rediger?udfoert=billede", status_code=303)


@router.get("/artikler/{article_id}/billeder/{image_id}")
def article_image(
    db: SessionDep, settings: SettingsDep, user: CurrentUser, article_id: int, image_id: int
) -> Response:
    image, data = service.image_for(db, settings.data_dir, user, article_id, image_id)
    # The type we sniffed, never the uploader's claim; private: drafts' images are not public.
    return Response(
        data,
        media_type=image.content_type,
        headers={"Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff"},
    )
