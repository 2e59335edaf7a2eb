"""CSV import for consultants: preview with per-row errors, all-or-nothing confirm, the API."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.jobs import csv_danish, csv_import
from app.models import AuditEvent, JobPosting, PostingStatus, User
from tests.support.personas import Personas
from tests.support.web import csrf, login

HEADER = (
    "company_cvr;title;description;tasks;required_skills;nice_skills;hours_min;hours_max;"
    "postcode;remote;accommodations;job_type;start_date;deadline;status"
)
SOON = (date.today() + timedelta(days=20)).isoformat()
LATER = (date.today() + timedelta(days=40)).isoformat()


def csv_text(*rows: str, header: str = HEADER) -> bytes:
    return ("\r\n".join([header, *rows]) + "\r\n").encode("utf-8")


def good_row(title: str = "Importeret kontorjob", cvr: str = "12345674") -> str:
    return (
        f"{cvr};{title};Beskrivelse;Opgaver;bogføring|Excel;;10;15;2900;nej;"
        f"extra_breaks|remote_work;fleksjob;{LATER};{SOON};published"
    )


def bad_row() -> str:
    return "12345674;Dårlig række;;;;;0;40;0000;nej;flying_carpet;slavery;2026-13-01;;maybe"


def postings(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(JobPosting)) or 0


def upload(client: TestClient, content: bytes, name: str = "opslag.csv"):
    return client.post(
        "/konsulent/import",
        data={"csrf_token": csrf(client, "/konsulent/import")},
        files={"file": (name, content, "text/csv")},
    )


def pieces(html: str) -> list[str]:
    return re.findall(r'name="upload" value="([^"]+)"', html)


def test_example_file_is_offered_and_valid(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    page = client.get("/konsulent/import")
    assert page.status_code == 200 and "/konsulent/import/eksempel.csv" in page.text
    example = client.get("/konsulent/import/eksempel.csv")
    assert example.status_code == 200 and example.headers["content-type"].startswith("text/csv")
    header = example.text.splitlines()[0].split(";")
    assert header == [csv_danish.DANISH_COLUMNS[name] for name in csv_import.COLUMNS]
    assert "offentliggjort" in example.text and "Ingen tunge løft" in example.text
    result = csv_import.parse(db, personas.consultant, example.content)
    assert len(result.rows) == 2 and not result.rejected
    first, second = result.rows
    assert first.status == "published" and second.status == "draft"
    assert first.clean["accommodations_offered"] == ["no_heavy_lifting", "quiet_environment"]
    assert second.clean["job_type"].value == "few_hours"
    assert "på dansk eller engelsk" in page.text


def test_danish_and_english_columns_and_values_read_the_same(
    db: Session, personas: Personas
) -> None:
    english = (
        "company_cvr;title;hours_min;hours_max;postcode;remote;accommodations;job_type;"
        "start_date;status\n"
        "12345674;Kok;10;15;2900;no;no_heavy_lifting;praktik;2099-03-01;published\n"
    )
    danish = (
        "CVR;Titel;Timer min;Timer maks;Postnummer;Hjemmearbejde;Skånehensyn;Jobtype;"
        "Startdato;Status\n"
        "12345674;Kok;10;15;2900;nej;Ingen tunge løft;Praktik;01.03.2099;offentliggjort\n"
    )
    rows = [
        csv_import.parse(db, personas.consultant, text.encode()).rows[0]
        for text in (english, danish)
    ]
    assert [r.errors for r in rows] == [{}, {}]
    assert rows[0].clean == rows[1].clean and rows[0].status == rows[1].status == "published"


def test_preview_shows_per_row_errors_then_confirm_imports_valid_rows(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    before = postings(db)
    content = csv_text(
        good_row(),
        bad_row(),
        good_row("Andet job", cvr="87654321"),
        good_row("Fremmed", cvr="11111111"),
    )
    preview = upload(client, content)
    assert preview.status_code == 200
    text = preview.text
    assert "2 af 4 rækker er gyldige" in text
    for message in (
        "mellem 1 og 37",
        "Postnummeret findes ikke",
        "skånehensyn",
        "jobtype",
        "gyldig dato",
        "draft eller published",
        "8 cifre og gyldigt",  # 11111111 fails the check digit
    ):
        assert message in text, message
    assert postings(db) == before  # the preview stores nothing

    done = client.post(
        "/konsulent/import/bekraeft",
        data={"csrf_token": csrf(client, "/konsulent/import"), "upload": pieces(text)},
    )
    assert done.status_code == 200
    assert "2 jobopslag er importeret" in done.text
    assert "Afviste rækker" in done.text and "Dårlig række" in done.text and "Fremmed" in done.text
    assert postings(db) == before + 2
    assert "Importeret kontorjob" not in done.text.split("Afviste rækker", 1)[1]
    posting = db.scalar(select(JobPosting).where(JobPosting.title == "Importeret kontorjob"))
    assert posting is not None
    assert posting.status == PostingStatus.PUBLISHED and posting.published_at is not None
    assert posting.required_skills == ["bogføring", "Excel"]
    assert posting.accommodations_offered == ["extra_breaks", "remote_work"]
    assert "testfirma" in posting.search_text
    event = db.scalar(select(AuditEvent).where(AuditEvent.subject_id == posting.id))
    assert event is not None and event.action == "job.import"
    assert event.actor_id == personas.consultant.id


def test_comma_separated_with_bom_and_fewer_columns(
    client: TestClient, db: Session, personas: Personas
) -> None:
    content = (
        '\ufeffcompany_cvr,title,hours_min,hours_max,postcode\n12345674,"Pedel, deltid",8,12,2900\n'
    )
    result = csv_import.parse(db, personas.consultant, content.encode("utf-8"))
    assert [row.title for row in result.valid] == ["Pedel, deltid"]


def test_confirm_is_all_or_nothing(
    client: TestClient, db: Session, personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    login(client, personas.consultant.email)
    before = postings(db)
    preview = upload(client, csv_text(good_row("Første"), good_row("Anden"), good_row("Tredje")))
    calls = {"n": 0}
    real_record = csv_import.record

    def failing_record(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("database went away")
        return real_record(*args, **kwargs)

    monkeypatch.setattr(csv_import, "record", failing_record)
    failed = client.post(
        "/konsulent/import/bekraeft",
        data={"csrf_token": csrf(client, "/konsulent/import"), "upload": pieces(preview.text)},
    )
    assert failed.status_code == 500
    db.expire_all()
    assert postings(db) == before
    assert db.scalar(select(JobPosting).where(JobPosting.title == "Første")) is None


def test_tampered_or_foreign_upload_is_refused(
    client: TestClient, db: Session, personas: Personas, settings
) -> None:
    login(client, personas.consultant.email)
    preview = upload(client, csv_text(good_row()))
    token = "".join(pieces(preview.text))
    issued, body, _signature = token.split(".")
    forged = csv_import.pack("another-secret", personas.consultant, csv_text(good_row("Snyd")))
    for bad in (f"{issued}.{body}.{'0' * 64}", forged, "rubbish"):
        response = client.post(
            "/konsulent/import/bekraeft",
            data={"csrf_token": csrf(client, "/konsulent/import"), "upload": bad},
        )
        assert response.status_code == 403
    outsider = db.get(User, personas.outsider.id)
    assert outsider is not None
    with pytest.raises(Exception, match="udløbet"):
        csv_import.unpack(settings.secret_key, outsider, token)
    old = csv_import.pack(settings.secret_key, personas.consultant, b"x", now=0)
    with pytest.raises(Exception, match="udløbet"):
        csv_import.unpack(settings.secret_key, personas.consultant, old)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Filen er tom"),
        (b"\xff\xfe\x00bad", "UTF-8"),
        (b"navn;titel\n1;2\n", "Overskriftsrækken passer ikke"),
        (HEADER.encode(), "ingen rækker"),
        (b"company_cvr;title\n" + b"12345674;x\n" * 2001, "højst være 2.000"),
        (b"x" * (csv_import.MAX_BYTES + 1), "højst være 2 MB"),
    ],
)
def test_file_level_errors(
    client: TestClient, personas: Personas, content: bytes, message: str
) -> None:
    login(client, personas.consultant.email)
    response = upload(client, content)
    assert response.status_code == 422
    assert message in response.text


def test_only_consultants_import(client: TestClient, personas: Personas) -> None:
    login(client, personas.company_user.email)
    assert upload(client, csv_text(good_row())).status_code == 403


def test_api_dry_run_and_import(client: TestClient, db: Session, personas: Personas) -> None:
    login(client, personas.consultant.email)
    token = csrf(client, "/hjem")
    headers = {"x-csrf-token": token}
    files = {"file": ("a.csv", csv_text(good_row("API-job"), bad_row()), "text/csv")}
    before = postings(db)
    dry = client.post("/api/v1/jobs/import?dry_run=true", files=files, headers=headers)
    assert dry.status_code == 200
    body = dry.json()
    assert body["dry_run"] is True and body["valid_rows"] == 1 and body["imported_ids"] == []
    assert body["rejected_rows"][0]["line"] == 3
    assert {"hours_min", "hours_max", "postcode", "job_type"} <= set(
        body["rejected_rows"][0]["errors"]
    )
    assert postings(db) == before
    real = client.post("/api/v1/jobs/import", files=files, headers=headers)
    assert real.status_code == 200 and len(real.json()["imported_ids"]) == 1
    assert postings(db) == before + 1
    nothing = client.post(
        "/api/v1/jobs/import",
        files={"file": ("b.csv", csv_text(bad_row()), "text/csv")},
        headers=headers,
    )
    assert nothing.status_code == 422
    assert nothing.json()["error"]["code"] == "validation_failed"
    assert postings(db) == before + 1


def test_confirming_the_same_preview_twice_imports_once(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    before = postings(db)
    preview = upload(client, csv_text(good_row("Engangsjob")))
    form = {"csrf_token": csrf(client, "/konsulent/import"), "upload": pieces(preview.text)}
    first = client.post("/konsulent/import/bekraeft", data=form)
    assert first.status_code == 200 and "1 jobopslag er importeret" in first.text
    again = client.post("/konsulent/import/bekraeft", data=form)  # a reload of the confirm step
    assert again.status_code == 200
    assert "allerede importeret (1 jobopslag)" in again.text
    assert postings(db) == before + 1


def test_uploading_the_same_file_again_shows_and_skips_existing_rows(
    client: TestClient, db: Session, personas: Personas
) -> None:
    login(client, personas.consultant.email)
    content = csv_text(good_row("Gentaget job"), good_row("Helt nyt job"))
    first = upload(client, csv_text(good_row("Gentaget job")))
    client.post(
        "/konsulent/import/bekraeft",
        data={"csrf_token": csrf(client, "/konsulent/import"), "upload": pieces(first.text)},
    )
    before = postings(db)
    preview = upload(client, content)
    assert "1 række findes allerede som jobopslag" in preview.text
    assert "Findes allerede" in preview.text
    done = client.post(
        "/konsulent/import/bekraeft",
        data={"csrf_token": csrf(client, "/konsulent/import"), "upload": pieces(preview.text)},
    )
    assert "1 jobopslag er importeret" in done.text
    assert postings(db) == before + 1
    same = db.scalars(select(JobPosting).where(JobPosting.title == "Gentaget job")).all()
    assert len(same) == 1
    # asked for, the existing row is imported once more
    preview = upload(client, csv_text(good_row("Gentaget job")))
    done = client.post(
        "/konsulent/import/bekraeft",
        data={
            "csrf_token": csrf(client, "/konsulent/import"),
            "upload": pieces(preview.text),
            "include_duplicates": "1",
        },
    )
    assert "1 jobopslag er importeret" in done.text


def test_the_example_file_imports_for_any_jobcentre(
    client: TestClient, db: Session, personas: Personas
) -> None:
    """The outsider's jobcentre has none of the personas' companies: its example names one of
    its own."""
    from app.models import Company

    db.add(Company(name="Andet Center ApS", cvr="11223344", postcode="8000",
                   jobcentre_id=personas.outsider.jobcentre_id))  # fmt: skip
    db.flush()
    login(client, personas.outsider.email)
    example = client.get("/konsulent/import/eksempel.csv")
    assert "11223344" in example.text
    preview = upload(client, example.content)
    assert "2 af 2 rækker er gyldige" in preview.text
    done = client.post(
        "/konsulent/import/bekraeft",
        data={"csrf_token": csrf(client, "/konsulent/import"), "upload": pieces(preview.text)},
    )
    assert "2 jobopslag er importeret" in done.text
