"""The one error tree. Services raise these; one handler (app.web.error_handlers) renders them.

Messages are Danish msgids; the handler translates them for the reader.
"""

from __future__ import annotations

from app.kit.i18n import N_


class AppError(Exception):
    status_code = 400
    code = "bad_request"
    default_message = N_("Forespørgslen kunne ikke behandles.")

    def __init__(self, message: str | None = None, *, fields: dict[str, str] | None = None):
        self.message = message or self.default_message
        self.fields = fields or {}
        super().__init__(self.message)


class ValidationFailed(AppError):
    status_code = 422
    code = "validation_failed"
    default_message = N_("Nogle felter er ikke udfyldt korrekt.")


class NotAuthenticated(AppError):
    status_code = 401
    code = "not_authenticated"
    default_message = N_("Du skal logge ind for at se denne side.")


class Forbidden(AppError):
    status_code = 403
    code = "forbidden"
    default_message = N_("Du har ikke adgang til at gøre dette.")


class CsrfFailed(Forbidden):
    code = "csrf_failed"
    default_message = N_("Formularen er udløbet. Gå tilbage, genindlæs siden og prøv igen.")


class NotFound(AppError):
    status_code = 404
    code = "not_found"
    default_message = N_("Siden eller det du leder efter findes ikke.")


class Conflict(AppError):
    status_code = 409
    code = "conflict"
    default_message = N_("Det findes allerede.")


class TooManyAttempts(AppError):
    status_code = 429
    code = "too_many_attempts"
    default_message = N_(
        "For mange mislykkede forsøg. Vent et kvarter og prøv igen, eller få et login-link på e-mail."
    )


class PayloadTooLarge(AppError):
    status_code = 413
    code = "payload_too_large"
    default_message = N_("Det sendte er for stort. En fil må højst fylde 5 MB, en formular 1 MB.")


class LinkInvalid(AppError):
    status_code = 410
    code = "link_invalid"
    default_message = N_("Linket er allerede brugt eller udløbet.")
