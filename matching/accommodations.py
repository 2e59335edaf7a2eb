"""The fixed list of accommodations (skånehensyn) a profile can need and a job can offer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Accommodation:
    code: str  # stable identifier stored by the app; never rename
    label_da: str
    label_en: str
    explanation_da: str


ACCOMMODATIONS: tuple[Accommodation, ...] = (
    Accommodation(
        "no_heavy_lifting",
        "Ingen tunge løft",
        "No heavy lifting",
        "Opgaverne kræver ikke, at man løfter tunge ting.",
    ),
    Accommodation(
        "limited_standing",
        "Begrænset stående arbejde",
        "Limited standing",
        "Man skal ikke stå op i lange perioder.",
    ),
    Accommodation(
        "limited_walking", "Begrænset gang", "Limited walking", "Arbejdet kræver kun lidt gang."
    ),
    Accommodation(
        "sit_stand_alternation",
        "Skift mellem at sidde og stå",
        "Sit/stand alternation",
        "Man kan skifte mellem at sidde og stå, fx ved et hæve-sænke-bord.",
    ),
    Accommodation(
        "varied_tasks",
        "Varierede opgaver",
        "Varied tasks",
        "Opgaverne skifter, så man undgår ensidigt gentaget arbejde.",
    ),
    Accommodation(
        "step_free_access",
        "Niveaufri adgang",
        "Step-free access",
        "Arbejdspladsen kan nås uden trapper, fx med elevator eller rampe.",
    ),
    Accommodation(
        "quiet_environment",
        "Roligt miljø",
        "Quiet environment",
        "Der er et roligt sted at arbejde med få forstyrrelser og lidt støj.",
    ),
    Accommodation(
        "low_time_pressure",
        "Lavt tidspres",
        "Low time pressure",
        "Der er god tid til opgaverne og få skarpe deadlines.",
    ),
    Accommodation(
        "clear_structure",
        "Klar struktur",
        "Clear structure",
        "Dagen og opgaverne er planlagt og forudsigelige.",
    ),
    Accommodation(
        "limited_customer_contact",
        "Begrænset kundekontakt",
        "Limited customer contact",
        "Man har kun lidt direkte kontakt med kunder eller borgere.",
    ),
    Accommodation(
        "flexible_hours",
        "Fleksible arbejdstider",
        "Flexible hours",
        "Man kan selv tilrettelægge, hvornår på dagen man arbejder.",
    ),
    Accommodation(
        "extra_breaks",
        "Ekstra pauser",
        "Extra breaks",
        "Man kan holde flere eller længere pauser efter behov.",
    ),
    Accommodation(
        "remote_work",
        "Hjemmearbejde",
        "Remote work",
        "Noget af eller hele arbejdet kan udføres hjemmefra.",
    ),
    Accommodation(
        "limited_screen_time",
        "Begrænset skærmtid",
        "Limited screen time",
        "Opgaverne kræver kun lidt arbejde ved skærm.",
    ),
    Accommodation(
        "gradual_start",
        "Gradvis opstart",
        "Gradual start",
        "Timetallet og opgaverne kan trappes langsomt op i starten.",
    ),
    Accommodation(
        "fixed_contact_person",
        "Fast kontaktperson",
        "Fixed contact person",
        "Man har én fast kollega eller leder at gå til.",
    ),
    Accommodation(
        "ergonomic_aids",
        "Ergonomiske hjælpemidler",
        "Ergonomic aids",
        "Arbejdspladsen stiller hjælpemidler til rådighed, fx særlig stol eller løftegrej.",
    ),
    Accommodation(
        "no_evening_night_work",
        "Intet aften- eller natarbejde",
        "No evening or night work",
        "Arbejdet ligger ikke om aftenen eller natten.",
    ),
)

ACCOMMODATION_BY_CODE: dict[str, Accommodation] = {a.code: a for a in ACCOMMODATIONS}
ACCOMMODATION_CODES: tuple[str, ...] = tuple(a.code for a in ACCOMMODATIONS)
