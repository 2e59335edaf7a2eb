"""How far a profile is filled in, and the concrete next steps (Danish msgids)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.kit.i18n import N_
from app.models import AccommodationNeeds, FlexjobberProfile, Visibility


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    action: str  # what to do next, shown while the step is not done


STEPS: tuple[Step, ...] = (
    Step("om-mig", N_("Om mig"), N_("Skriv lidt om dig selv")),
    Step("jobmaal", N_("Jobmål"), N_("Tilføj de job, du gerne vil have")),
    Step("kompetencer", N_("Kompetencer og sprog"), N_("Tilføj dine kompetencer")),
    Step("erfaring", N_("Erfaring"), N_("Tilføj din erhvervserfaring")),
    Step("uddannelse", N_("Uddannelse"), N_("Tilføj din uddannelse")),
    Step("timer", N_("Timer og arbejdstider"), N_("Skriv hvor mange timer du kan arbejde")),
    Step("sted", N_("Hvor vil du arbejde"), N_("Skriv dit postnummer og hvor langt du kan rejse")),
    Step("skaanehensyn", N_("Skånehensyn"), N_("Fortæl om dine skånehensyn")),
    Step("synlighed", N_("Hvem kan se min profil"), N_("Vælg hvem der kan se din profil")),
    Step("cv", N_("CV"), N_("Upload dit CV (frivilligt)")),
)
STEP_BY_SLUG = {step.slug: step for step in STEPS}
# The CV is optional and does not count towards the percentage.
_COUNTED = tuple(step.slug for step in STEPS if step.slug != "cv")


@dataclass(frozen=True)
class StepStatus:
    slug: str
    title: str
    action: str
    done: bool


@dataclass(frozen=True)
class Completeness:
    percent: int
    steps: list[StepStatus]

    @property
    def missing(self) -> list[StepStatus]:
        return [step for step in self.steps if not step.done and step.slug in _COUNTED]


def _done(slug: str, profile: FlexjobberProfile, needs: AccommodationNeeds | None) -> bool:
    checks = {
        "om-mig": bool(profile.headline.strip() and profile.about.strip()),
        "jobmaal": bool(profile.wished_jobs),
        "kompetencer": bool(profile.skills),
        "erfaring": bool(profile.experience),
        "uddannelse": bool(profile.education),
        "timer": profile.hours_min is not None and profile.hours_max is not None,
        "sted": bool(profile.postcode) or profile.remote_only,
        # Saving the page (even with no needs) creates the row: the question is answered.
        "skaanehensyn": needs is not None,
        "synlighed": profile.visibility != Visibility.HIDDEN,
        "cv": bool(profile.cv_storage_key),
    }
    return checks[slug]


def completeness(profile: FlexjobberProfile, needs: AccommodationNeeds | None) -> Completeness:
    steps = [
        StepStatus(step.slug, step.title, step.action, _done(step.slug, profile, needs))
        for step in STEPS
    ]
    done = sum(1 for step in steps if step.done and step.slug in _COUNTED)
    return Completeness(percent=round(100 * done / len(_COUNTED)), steps=steps)


def enough_to_match(profile: FlexjobberProfile, needs: AccommodationNeeds | None) -> bool:
    """Complete enough to match: every counted part is filled in (100 %; the CV is optional),
    so the matcher has what it ranks on and companies can find the person."""
    return profile.deleted_at is None and not completeness(profile, needs).missing


def mark_readiness(
    profile: FlexjobberProfile, needs: AccommodationNeeds | None, now: datetime
) -> None:
    """Keeps ``match_ready_at``: set when the profile becomes complete enough, kept while it
    stays so, cleared when it no longer is."""
    if not enough_to_match(profile, needs):
        profile.match_ready_at = None
    elif profile.match_ready_at is None:
        profile.match_ready_at = now
