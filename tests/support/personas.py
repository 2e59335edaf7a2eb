"""The personas every test can use: two flexjobbers, two company users of different companies,
a consultant, a consultant of another jobcentre (the outsider) and an admin."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import Company, CompanyMember, Jobcentre, Role, User

PASSWORD = "Korrekt-hest-batteri-1"


@dataclass
class Personas:
    jobcentre: Jobcentre
    other_jobcentre: Jobcentre
    flexjobber: User
    flexjobber2: User
    company_user: User
    company_user2: User
    company: Company
    company2: Company
    consultant: User
    outsider: User
    admin: User

    def all_users(self) -> dict[str, User]:
        return {
            "flexjobber": self.flexjobber,
            "flexjobber2": self.flexjobber2,
            "company_user": self.company_user,
            "company_user2": self.company_user2,
            "consultant": self.consultant,
            "outsider": self.outsider,
            "admin": self.admin,
        }


def create_personas(db: Session, password_hash: str) -> Personas:
    centre = Jobcentre(name="Jobcenter Testrup", kommune_code="901")
    other = Jobcentre(name="Jobcenter Andetsted", kommune_code="902")
    db.add_all([centre, other])
    db.flush()

    def user(email: str, name: str, role: Role, jobcentre: Jobcentre | None) -> User:
        person = User(
            email=email,
            display_name=name,
            role=role,
            jobcentre_id=jobcentre.id if jobcentre else None,
            password_hash=password_hash,
            active=True,
        )
        db.add(person)
        return person

    personas = Personas(
        jobcentre=centre,
        other_jobcentre=other,
        flexjobber=user("fleks1@test.example", "Anna Fleks", Role.FLEXJOBBER, centre),
        flexjobber2=user("fleks2@test.example", "Bo Fleks", Role.FLEXJOBBER, centre),
        company_user=user("firma1@test.example", "Carl Firma", Role.COMPANY, None),
        company_user2=user("firma2@test.example", "Dorte Firma", Role.COMPANY, None),
        company=Company(
            name="Testfirma ApS", cvr="12345674", postcode="2900", jobcentre_id=centre.id
        ),
        company2=Company(
            name="Andetfirma A/S", cvr="87654321", postcode="8000", jobcentre_id=centre.id
        ),
        consultant=user("konsulent@test.example", "Eva Konsulent", Role.CONSULTANT, centre),
        outsider=user("fremmed@test.example", "Finn Fremmed", Role.CONSULTANT, other),
        admin=user("admin@test.example", "Gitte Admin", Role.ADMIN, None),
    )
    db.add_all([personas.company, personas.company2])
    db.flush()
    db.add_all(
        [
            CompanyMember(company_id=personas.company.id, user_id=personas.company_user.id),
            CompanyMember(company_id=personas.company2.id, user_id=personas.company_user2.id),
        ]
    )
    db.flush()
    return personas
