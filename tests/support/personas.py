"""The personas every test can use: two flexjobbers, two company users of different companies,
a consultant, a consultant of another jobcentre (the outsider) and an admin."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import (
    AccommodationNeeds,
    Company,
    CompanyMember,
    FlexjobberProfile,
    Jobcentre,
    JobPosting,
    JobType,
    PostingStatus,
    Role,
    User,
    Visibility,
)

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
    leader: User  # the leader of the persona jobcentre
    # flexjobber: a "named" profile with a must-have need and a note, NOT shared with companies
    profile: FlexjobberProfile
    # flexjobber2: a hidden profile
    profile2: FlexjobberProfile
    job: JobPosting  # published, by company
    draft_job: JobPosting  # draft, by company
    job2: JobPosting  # published, by company2

    def all_users(self) -> dict[str, User]:
        return {
            "flexjobber": self.flexjobber,
            "flexjobber2": self.flexjobber2,
            "company_user": self.company_user,
            "company_user2": self.company_user2,
            "consultant": self.consultant,
            "outsider": self.outsider,
            "admin": self.admin,
            "leader": self.leader,
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

    people: dict[str, object] = dict(
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
        leader=user("leder@test.example", "Hanne Leder", Role.LEADER, centre),
    )
    company, company2 = people["company"], people["company2"]
    assert isinstance(company, Company) and isinstance(company2, Company)
    db.add_all([company, company2])
    db.flush()
    db.add_all(
        [
            CompanyMember(company_id=company.id, user_id=people["company_user"].id),
            CompanyMember(company_id=company2.id, user_id=people["company_user2"].id),
        ]
    )
    profile = FlexjobberProfile(
        user_id=people["flexjobber"].id,
        jobcentre_id=centre.id,
        consultant_id=people["consultant"].id,
        pseudonym="Kandidat A-101",
        headline="Erfaren kontorassistent søger fleksjob",
        about="Jeg har styr på bogføring og fakturering.",
        wished_jobs=[{"label": "Kontorassistent", "uri": None}],
        skills=["bogføring", "fakturering"],
        experience=[
            {
                "title": "Bogholder",
                "employer": "Hemmelig Arbejdsgiver ApS",
                "start": "2015-01",
                "end": "2020-06",
                "description": "Bogføring",
            }
        ],
        hours_min=10,
        hours_max=15,
        postcode="2900",
        max_distance_km=20,
        visibility=Visibility.NAMED,
        share_accommodations=False,
        search_text="kontorassistent bogfoering fakturering",
    )
    profile2 = FlexjobberProfile(
        user_id=people["flexjobber2"].id,
        jobcentre_id=centre.id,
        consultant_id=people["consultant"].id,
        pseudonym="Kandidat B-202",
        headline="Skjult profil",
        visibility=Visibility.HIDDEN,
        search_text="skjult profil",
    )
    db.add_all([profile, profile2])
    db.flush()
    db.add(
        AccommodationNeeds(
            profile_id=profile.id,
            needs={"no_heavy_lifting": True, "quiet_environment": False},
            note="Dårlig ryg efter diskusprolaps",
        )
    )

    def job(company_id: int, title: str, status: PostingStatus) -> JobPosting:
        posting = JobPosting(
            company_id=company_id,
            title=title,
            description=f"{title} i en rolig virksomhed.",
            hours_min=10,
            hours_max=15,
            postcode="2900",
            accommodations_offered=["no_heavy_lifting", "quiet_environment"],
            job_type=JobType.FLEXJOB,
            status=status,
            search_text=title.lower(),
        )
        db.add(posting)
        return posting

    people["job"] = job(company.id, "Kontorassistent", PostingStatus.PUBLISHED)
    people["draft_job"] = job(company.id, "Lagermedarbejder", PostingStatus.DRAFT)
    people["job2"] = job(company2.id, "Regnskabsassistent", PostingStatus.PUBLISHED)
    db.flush()
    return Personas(
        jobcentre=centre, other_jobcentre=other, profile=profile, profile2=profile2, **people
    )  # type: ignore[arg-type]
