"""The CSV import in Danish: column names and values as a Danish consultant writes them
(``titel``, ``timer_min``, ``Ingen tunge løft``, ``offentliggjort``, 01.03.2026), beside the
English names and codes. Read by app/jobs/csv_import.py, shown by its example file and page."""

from __future__ import annotations

from matching.accommodations import ACCOMMODATIONS

# The Danish name of every column, in the order of csv_import.COLUMNS.
DANISH_COLUMNS = {
    "company_cvr": "cvr",
    "title": "titel",
    "description": "beskrivelse",
    "tasks": "opgaver",
    "required_skills": "krævede_kompetencer",
    "nice_skills": "ønskede_kompetencer",
    "hours_min": "timer_min",
    "hours_max": "timer_maks",
    "hourly_wage": "timeløn",
    "postcode": "postnummer",
    "remote": "hjemmearbejde",
    "accommodations": "skånehensyn",
    "job_type": "jobtype",
    "start_date": "startdato",
    "deadline": "ansøgningsfrist",
    "status": "status",
}
# Other spellings met in practice; spaces and hyphens read as underscores.
_MORE = {
    "cvr_nummer": "company_cvr", "cvr_nr": "company_cvr", "virksomhedens_cvr": "company_cvr",
    "jobtitel": "title", "stillingsbetegnelse": "title", "arbejdsopgaver": "tasks",
    "timer_max": "hours_max", "postnr": "postcode", "frist": "deadline", "type": "job_type",
    "kraevede_kompetencer": "required_skills", "oenskede_kompetencer": "nice_skills",
    "timeloen": "hourly_wage", "skaanehensyn": "accommodations",
    "ansoegningsfrist": "deadline",
}  # fmt: skip
_COLUMN = {danish: english for english, danish in DANISH_COLUMNS.items()} | _MORE

_STATUS = {"kladde": "draft", "offentliggjort": "published", "offentlig": "published",
           "udgivet": "published"}  # fmt: skip
_JOB_TYPE = {"fleksjob": "fleksjob", "praktik": "praktik", "småjob": "few_hours",
             "småjob (få timer)": "few_hours", "ordinært job": "ordinary",
             "ordinært": "ordinary"}  # fmt: skip
_ACCOMMODATION = {a.label_da.lower(): a.code for a in ACCOMMODATIONS}


def column(name: str) -> str:
    """The import's own (English) name for a header cell in Danish or English."""
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    return _COLUMN.get(key, key)


def values(row: dict[str, str]) -> dict[str, str]:
    """The row with Danish values (status, job type, accommodation names) as the codes."""
    out = dict(row)
    for name, words in (("status", _STATUS), ("job_type", _JOB_TYPE)):
        if name in out:
            out[name] = words.get(out[name].strip().lower(), out[name])
    if out.get("accommodations"):
        items = [item.strip() for item in out["accommodations"].split("|")]
        out["accommodations"] = "|".join(_ACCOMMODATION.get(i.lower(), i) for i in items)
    return out
