"""CV upload: checked by content and size, stored outside the web root, served by policy."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.kit.clock import utcnow
from app.models import Consent, FlexjobberProfile, Visibility
from app.profiles import cv_storage
from app.settings import Settings
from tests.app.profiles.support import post_form
from tests.support.personas import Personas
from tests.support.web import login

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def data_dir(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(settings, "data_dir", tmp_path)
    return tmp_path


def _upload(client: TestClient, path: str, name: str, data: bytes, ctype: str = "application/pdf"):
    return post_form(client, path, {}, files={"cv": (name, data, ctype)})


def _fresh(db: Session, public_id: int) -> FlexjobberProfile:
    db.expire_all()
    profile = db.scalar(select(FlexjobberProfile).where(FlexjobberProfile.public_id == public_id))
    assert profile is not None
    return profile


def test_upload_download_replace_and_delete(
    client: TestClient, db: Session, personas: Personas, data_dir: Path
) -> None:
    login(client, personas.flexjobber.email)
    pid = personas.profile.public_id
    assert _upload(client, "/profil/cv", "../../Mit CV.pdf", PDF).status_code == 303
    profile = _fresh(db, pid)
    assert profile.cv_content_type == cv_storage.PDF and profile.cv_size == len(PDF)
    assert profile.cv_filename == "Mit CV.pdf"
    stored = data_dir / "cv" / profile.cv_storage_key
    assert stored.read_bytes() == PDF
    download = client.get(f"/profiler/{pid}/cv")
    assert download.status_code == 200 and download.content == PDF
    assert download.headers["content-type"] == "application/pdf"
    assert download.headers["content-disposition"].startswith("attachment")

    assert (
        _upload(client, "/profil/cv", "cv.docx", _docx(), "application/octet-stream").status_code
        == 303
    )
    profile = _fresh(db, pid)
    assert profile.cv_content_type == cv_storage.DOCX
    assert not stored.exists()  # the old file is gone

    key = profile.cv_storage_key
    assert post_form(client, "/profil/cv", {"action": "delete"}).status_code == 303
    assert _fresh(db, pid).cv_storage_key is None
    assert not (data_dir / "cv" / key).exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cv.pdf", b"MZ\x90\x00 not a pdf"),  # wrong magic bytes
        ("cv.docx", b"PK\x03\x04broken zip"),  # broken file
        ("cv.docx", PDF),  # content and name disagree
        ("cv.exe", PDF),
        ("cv.pdf", b""),
        ("cv.pdf", b"%PDF-" + b"0" * cv_storage.MAX_CV_BYTES),  # more than 5 MB
    ],
)
def test_bad_files_are_refused_and_nothing_changes(
    client: TestClient, db: Session, personas: Personas, data_dir: Path, name: str, data: bytes
) -> None:
    login(client, personas.flexjobber.email)
    response = _upload(client, "/profil/cv", name, data)
    assert response.status_code == 422
    assert 'href="#cv"' in response.text
    assert _fresh(db, personas.profile.public_id).cv_storage_key is None
    assert not (data_dir / "cv").exists() or not any((data_dir / "cv").iterdir())


def test_zip_without_a_word_document_is_refused(
    client: TestClient, personas: Personas, data_dir: Path
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    login(client, personas.flexjobber.email)
    assert _upload(client, "/profil/cv", "cv.docx", buffer.getvalue()).status_code == 422


def test_who_may_download(
    app, client: TestClient, db: Session, personas: Personas, data_dir: Path
) -> None:
    """The CV follows the CV consent: a named profile alone does not hand it to companies."""
    login(client, personas.flexjobber.email)
    assert _upload(client, "/profil/cv", "cv.pdf", PDF).status_code == 303
    pid = personas.profile.public_id
    profile = _fresh(db, pid)
    profile.visibility = Visibility.NAMED
    db.flush()
    expected = {"consultant": 200, "company_user": 404, "outsider": 404, "flexjobber2": 404}
    for persona, status in expected.items():
        with TestClient(app, base_url="https://testserver") as other:
            login(other, getattr(personas, persona).email)
            assert other.get(f"/profiler/{pid}/cv").status_code == status, persona
    for share_cv, status in ((False, 404), (True, 200)):
        db.add(
            Consent(
                profile_id=profile.id,
                company_id=personas.company.id,
                share_identity=True,
                share_cv=share_cv,
                share_accommodations=False,
            )
        )
        db.flush()
        with TestClient(app, base_url="https://testserver") as company:
            login(company, personas.company_user.email)
            assert company.get(f"/profiler/{pid}/cv").status_code == status, share_cv
            login(company, personas.company_user2.email)
            assert company.get(f"/profiler/{pid}/cv").status_code == 404
        db.query(Consent).filter(Consent.profile_id == profile.id).update(
            {Consent.withdrawn_at: utcnow()}
        )
        db.flush()
    with TestClient(app, base_url="https://testserver") as company:
        login(company, personas.company_user.email)
        assert company.get(f"/profiler/{pid}/cv").status_code == 404  # withdrawn


def test_storage_keys_cannot_escape_the_folder(data_dir: Path) -> None:
    assert cv_storage.load(data_dir, "../../etc/passwd") is None
    assert cv_storage.load(data_dir, "") is None
    with pytest.raises(ValueError):
        cv_storage.remove(data_dir, "../secret")
