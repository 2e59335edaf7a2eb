from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.companies.service import cvr_is_valid
from app.demo.loader import load_demo_data
from app.models import Company, Jobcentre, Role, User


def test_demo_data_is_complete_valid_and_idempotent(db: Session) -> None:
    load_demo_data(db)
    counts = (
        db.scalar(select(func.count()).select_from(Jobcentre)),
        db.scalar(select(func.count()).select_from(Company)),
        db.scalar(select(func.count()).select_from(User)),
    )
    load_demo_data(db)
    assert counts == (
        db.scalar(select(func.count()).select_from(Jobcentre)),
        db.scalar(select(func.count()).select_from(Company)),
        db.scalar(select(func.count()).select_from(User)),
    )
    assert counts[0] >= 2 and counts[1] >= 40
    consultants = db.scalar(
        select(func.count()).select_from(User).where(User.role == Role.CONSULTANT)
    )
    assert consultants >= 3
    companies = list(db.scalars(select(Company)))
    assert all(cvr_is_valid(c.cvr) for c in companies)
    assert len({c.postcode[0] for c in companies}) >= 5  # spread over Denmark
    for role in Role:
        assert db.scalar(select(func.count()).select_from(User).where(User.role == role)) >= 1
