"""The fixed demo data set: jobcentres, staff, companies. Development only."""

from __future__ import annotations

DEMO_PASSWORD = "Fleksbro-demo-2026"  # noqa: S105 - printed by scripts/run, development only

JOBCENTRES = [
    ("Jobcenter Gentofte", "157"),
    ("Jobcenter Aarhus", "751"),
    ("Jobcenter Odense", "461"),
]

# (email, display name, role, kommune code of the jobcentre or None)
STAFF = [
    ("admin@fleksbro.example", "Admin Fleksbro", "admin", None),
    (
        "konsulent@gentofte.fleksbro.example",
        "Mette Lund (virksomhedskonsulent)",
        "consultant",
        "157",
    ),
    ("sagsbehandler@gentofte.fleksbro.example", "Jonas Holm (sagsbehandler)", "consultant", "157"),
    ("konsulent@aarhus.fleksbro.example", "Fatima Ali (fleksjobambassadør)", "consultant", "751"),
    ("konsulent@odense.fleksbro.example", "Henrik Juul (jobkonsulent)", "consultant", "461"),
    ("leder@gentofte.fleksbro.example", "Birgitte Vang (jobcenterchef)", "leader", "157"),
]

# (kommune code, team name, e-mails of its consultants): Gentofte's leader follows two teams.
TEAMS = [
    ("157", "Team Virksomhed", ["konsulent@gentofte.fleksbro.example"]),
    ("157", "Team Borger", ["sagsbehandler@gentofte.fleksbro.example"]),
]

# Demo phone numbers: 8 digits starting with 1, a range Danish subscribers are never given,
# so nobody is rung by mistake. (kommune code or e-mail) -> number.
JOBCENTRE_PHONES = {"157": "12 00 01 57", "751": "12 00 07 51", "461": "12 00 04 61"}
STAFF_PHONES = {
    "konsulent@gentofte.fleksbro.example": "12 34 56 01",
    "sagsbehandler@gentofte.fleksbro.example": "12 34 56 02",
    "konsulent@aarhus.fleksbro.example": "12 34 56 03",
    "konsulent@odense.fleksbro.example": "12 34 56 04",
}

FLEXJOBBERS = [
    ("borger@fleksbro.example", "Anne Sørensen", "157"),
    ("borger2@fleksbro.example", "Peter Kjær", "157"),
    ("borger3@fleksbro.example", "Lone Østergaard", "751"),
]

# (company name, street address, postcode, kommune code of the jobcentre that follows it)
COMPANIES = [
    ("Hellerup Kontorservice ApS", "Strandvejen 112", "2900", "157"),
    ("Gentofte Havecenter A/S", "Ordrupvej 60", "2920", "157"),
    ("Charlottenlund Bageri ApS", "Jægersborg Allé 14", "2920", "157"),
    ("Nordsjællands Lager & Logistik A/S", "Industrivej 8", "3400", "157"),
    ("Lyngby IT-support ApS", "Lyngby Hovedgade 55", "2800", "157"),
    ("Klampenborg Kantine I/S", "Dyrehavevej 3", "2930", "157"),
    ("Vangede Rengøring ApS", "Vangedevej 180", "2870", "157"),
    ("Søborg Cykler ApS", "Søborg Hovedgade 99", "2860", "157"),
    ("Østerbro Tryk & Design ApS", "Østerbrogade 74", "2100", "157"),
    ("Nørrebro Genbrug A/S", "Nørrebrogade 120", "2200", "157"),
    ("Valby Autoværksted ApS", "Valby Langgade 40", "2500", "157"),
    ("Frederiksberg Plejecenter Aps", "Falkoner Allé 30", "2000", "157"),
    ("Roskilde Kirkegårdsgartneri A/S", "Køgevej 10", "4000", "157"),
    ("Helsingør Havneservice ApS", "Havnegade 2", "3000", "157"),
    ("Hillerød Bogføring ApS", "Slotsgade 21", "3400", "157"),
    ("Aarhus Lagerhotel A/S", "Sletvej 30", "8310", "751"),
    ("Trøjborg Kaffebar ApS", "Tordenskjoldsgade 12", "8200", "751"),
    ("Viby Rengøringsservice ApS", "Skanderborgvej 190", "8260", "751"),
    ("Risskov Regnskab ApS", "Vejlby Centervej 46", "8240", "751"),
    ("Brabrand Gartneri A/S", "Silkeborgvej 500", "8220", "751"),
    ("Aarhus Cykelkurerer ApS", "Jægergårdsgade 80", "8000", "751"),
    ("Marselisborg Kantineservice I/S", "Ørneredevej 3", "8000", "751"),
    ("Skejby IT-drift A/S", "Olof Palmes Allé 20", "8200", "751"),
    ("Randers Møbelsnedkeri ApS", "Tørvebryggen 5", "8900", "751"),
    ("Silkeborg Papir & Kontor A/S", "Vestergade 17", "8600", "751"),
    ("Horsens Vaskeri ApS", "Nørregade 40", "8700", "751"),
    ("Skanderborg Dyreklinik ApS", "Adelgade 70", "8660", "751"),
    ("Viborg Boghandel ApS", "Sct. Mathias Gade 8", "8800", "751"),
    ("Odense Kontorhjælp ApS", "Vestergade 60", "5000", "461"),
    ("Fynsk Frugt og Grønt A/S", "Rugårdsvej 200", "5210", "461"),
    ("Svendborg Bådeværft ApS", "Havnepladsen 1", "5700", "461"),
    ("Middelfart Pakkeservice ApS", "Algade 22", "5500", "461"),
    ("Nyborg Café & Catering I/S", "Nørrevoldgade 9", "5800", "461"),
    ("Faaborg Blomster ApS", "Torvet 4", "5600", "461"),
    ("Aalborg Arkivservice A/S", "Hobrovej 90", "9000", "751"),
    ("Esbjerg Havne-Logistik A/S", "Auktionsgade 10", "6700", "461"),
    ("Vejle Grafisk ApS", "Dæmningen 34", "7100", "751"),
    ("Herning Tekstil ApS", "Bredgade 50", "7400", "751"),
    ("Kolding Genbrugsbutik ApS", "Låsbybanke 11", "6000", "461"),
    ("Frederikssund Turistservice ApS", "Jernbanegade 1", "3600", "157"),
]

# One company user per company, plus a second user for the first two companies.
EXTRA_COMPANY_USERS = [
    ("virksomhed@fleksbro.example", "Karin Madsen", 0),
    ("virksomhed2@fleksbro.example", "Ole Bach", 1),
]
