"""Building blocks for the demo flexjobber profiles and job postings (natural Danish texts).

Each job family (families.json) holds what a person in that field would write about themselves and what a
company in that field would post. The loader combines them with a fixed seed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Family:
    key: str
    wished: tuple[str, ...]  # Danish occupation labels; ESCO URI added where the label matches
    skills: tuple[str, ...]
    headlines: tuple[str, ...]
    intros: tuple[str, ...]  # first sentence of "about", in the person's own words
    jobs: tuple[str, ...]  # experience titles
    employers: tuple[str, ...]
    educations: tuple[str, ...]
    needs: tuple[str, ...]  # typical accommodation codes
    titles: tuple[str, ...]  # posting titles
    posting_intro: tuple[str, ...]
    tasks: tuple[str, ...]
    offered: tuple[str, ...]  # accommodations a workplace in the field often can offer
    remote: bool = False


def _families() -> tuple[Family, ...]:
    """The job families, from families.json next to this module (data, not code)."""
    raw = json.loads(resources.files("app.demo").joinpath("families.json").read_text("utf-8"))
    families = []
    for family in raw:
        remote = bool(family.pop("remote", False))
        lists = {name: tuple(values) for name, values in family.items() if name != "key"}
        families.append(Family(key=family["key"], remote=remote, **lists))
    return tuple(families)


FAMILIES: tuple[Family, ...] = _families()

FAMILY_BY_KEY = {f.key: f for f in FAMILIES}

# Which families a demo company posts in, by words in its name.
COMPANY_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Kontorservice", ("office",)),
    ("Kontorhjælp", ("office",)),
    ("Havecenter", ("garden", "retail")),
    ("Gartneri", ("garden",)),
    ("Blomster", ("garden", "retail")),
    ("Bageri", ("kitchen", "retail")),
    ("Kantine", ("kitchen",)),
    ("Kaffebar", ("kitchen",)),
    ("Café", ("kitchen",)),
    ("Frugt", ("retail", "warehouse")),
    ("Lager", ("warehouse",)),
    ("Logistik", ("warehouse", "transport")),
    ("Pakkeservice", ("warehouse",)),
    ("IT", ("it",)),
    ("Rengøring", ("cleaning",)),
    ("Vaskeri", ("cleaning",)),
    ("Cykler", ("craft", "retail")),
    ("Cykelkurerer", ("transport",)),
    ("Autoværksted", ("craft",)),
    ("Snedkeri", ("craft",)),
    ("Bådeværft", ("craft",)),
    ("Tryk", ("creative",)),
    ("Grafisk", ("creative",)),
    ("Tekstil", ("creative", "craft")),
    ("Genbrug", ("retail",)),
    ("Boghandel", ("retail",)),
    ("Papir", ("retail", "office")),
    ("Plejecenter", ("care",)),
    ("Dyreklinik", ("care",)),
    ("Havneservice", ("transport", "craft")),
    ("Turistservice", ("office", "retail")),
    ("Bogføring", ("bookkeeping",)),
    ("Regnskab", ("bookkeeping",)),
    ("Arkivservice", ("office",)),
)

FIRST_NAMES = (
    "Anders",
    "Birgitte",
    "Camilla",
    "Dorthe",
    "Erik",
    "Frederik",
    "Gitte",
    "Hanne",
    "Ib",
    "Jens",
    "Karen",
    "Lars",
    "Maja",
    "Niels",
    "Ole",
    "Pia",
    "Rasmus",
    "Susanne",
    "Torben",
    "Ulla",
    "Vibeke",
    "Yasmin",
    "Zainab",
    "Åse",
    "Søren",
    "Bente",
    "Kim",
    "Lotte",
    "Mads",
    "Mette",
    "Henrik",
    "Tina",
    "Jørgen",
    "Bjørn",
    "Ahmed",
    "Fatma",
    "Mikkel",
    "Louise",
    "Helle",
    "Per",
)
LAST_NAMES = (
    "Hansen",
    "Jensen",
    "Nielsen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Østergaard",
    "Bøgh",
    "Ærenlund",
    "Yilmaz",
    "Holm",
)

STRENGTHS = (
    "Mine kolleger siger, at jeg er stabil og altid møder op med godt humør.",
    "Jeg er mødestabil og holder, hvad jeg lover.",
    "Jeg er nysgerrig og lærer hurtigt nye ting, når jeg får lov at prøve mig frem.",
    "Jeg er god til at samarbejde, men kan også arbejde selvstændigt.",
    "Jeg er grundig og vil hellere gøre tingene ordentligt end hurtigt.",
    "Jeg har et lyst sind og er god til at få kunder og kolleger til at føle sig velkomne.",
    "Jeg har styr på detaljerne og opdager hurtigt, hvis noget ikke stemmer.",
    "Jeg er rolig, også når der er travlt omkring mig.",
)
FLEX_LINES = (
    "Efter en arbejdsulykke arbejder jeg nu på nedsat tid, og det fungerer godt med faste rammer.",
    "Jeg har fået tilkendt fleksjob og glæder mig til at bruge mine kræfter på en arbejdsplads igen.",
    "Jeg har brug for, at dagen er forudsigelig, men så leverer jeg også stabilt.",
    "Jeg arbejder bedst om formiddagen og vil gerne starte roligt op.",
    "Jeg har været væk fra arbejdsmarkedet et stykke tid og vil gerne tilbage i et godt fællesskab.",
    "Med de rette hensyn kan jeg give meget igen, og jeg er ærlig om, hvad jeg kan.",
    "Jeg ønsker et fleksjob, hvor jeg kan bidrage med min erfaring uden at gå ned med stress.",
)
NOTES = (
    "Jeg har kroniske smerter i ryggen og skal kunne skifte mellem at sidde og stå.",
    "Jeg har haft stress og har brug for ro og få forstyrrelser.",
    "Jeg har slidgigt i knæene og kan ikke gå langt.",
    "Jeg har en hjerneskade efter en ulykke og bliver hurtigt træt, så pauser hjælper.",
    "Jeg har sklerose og har gode og dårlige dage.",
    "Jeg har angst og har det bedst med en fast kontaktperson.",
    "Jeg har fibromyalgi og skal kunne tilpasse tempoet.",
    "Jeg har en skulderskade og kan ikke løfte over skulderhøjde.",
    "",
)
LANGUAGES = ("Dansk", "Engelsk", "Tysk", "Arabisk", "Tyrkisk", "Polsk")
GENERAL_EDUCATION = ("Folkeskolens afgangsprøve", "HF", "Studentereksamen (STX)")
POSTING_OUTROS = (
    "Vi er en lille arbejdsplads med en uformel tone, hvor der er plads til forskellighed.",
    "Vi har gode erfaringer med fleksjob og tilrettelægger gerne arbejdet efter dine behov.",
    "Du bliver en del af et hold, der hjælper hinanden, og du får en fast kontaktperson.",
    "Arbejdstiden aftales efter dine skånehensyn, og vi starter gerne roligt op.",
    "Vi lægger vægt på trivsel og tager hensyn til den enkeltes behov.",
)
TITLE_SUFFIXES = ("", " (fleksjob)", " på få timer", " i dagtimerne", " – rolig arbejdsplads")
