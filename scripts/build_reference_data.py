"""Derive the compact reference data that `matching` ships from ../shared (ESCO, GeoNames).

The product must not read ../shared at run time, so this script writes everything it needs into
`matching/data/`. Run from the project root:

    .venv/bin/python scripts/build_reference_data.py [--shared ../shared]

Outputs (deterministic, sorted, gzip without timestamps so rebuilding gives identical bytes):
- occupations.jsonl.gz: every ESCO occupation with ISCO code, Danish + English labels and its
  essential / optional skills (English preferred labels).
- skills.tsv.gz: every ESCO skill's preferred label and alternative labels, so that differently
  worded skills can be normalised to the same concept.
- isco_groups.tsv.gz: ISCO-08 group codes with English and Danish labels.
- postcodes.csv: all Danish postcodes with name, kommune, lat, lon.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "matching" / "data"


def split_labels(cell: str) -> list[str]:
    return sorted({x.strip() for x in (cell or "").split("\n") if x.strip()})


def write_gz(path: Path, text: str) -> None:
    buf = io.BytesIO()
    # mtime=0 keeps the output byte-identical across rebuilds (commit-friendly).
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as fh:
        fh.write(text.encode("utf-8"))
    path.write_bytes(buf.getvalue())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    esco = Path(args.shared) / "data" / "esco"
    csv.field_size_limit(10**8)

    skills: dict[str, tuple[str, list[str]]] = {}
    with open(esco / "skills_en.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            skills[row["conceptUri"]] = (
                row["preferredLabel"].strip(),
                split_labels(row["altLabels"]),
            )

    da_pref: dict[str, str] = {}
    da_alt: dict[str, set[str]] = defaultdict(set)
    with open(esco / "occupation_labels_da.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            label = row["label"].strip()
            if row["preferred"] == "1":
                da_pref[row["uri"]] = label
            else:
                da_alt[row["uri"]].add(label)

    relations: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    with open(esco / "occupationSkillRelations.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["skillUri"] in skills:
                label = skills[row["skillUri"]][0]
                relations[row["occupationUri"]][row["relationType"]].add(label)

    lines = []
    with open(esco / "occupations_en.csv", encoding="utf-8") as fh:
        for row in sorted(csv.DictReader(fh), key=lambda r: r["conceptUri"]):
            uri = row["conceptUri"]
            en = row["preferredLabel"].strip()
            rec = {
                "uri": uri,
                "isco": row["iscoGroup"].strip(),
                "da": da_pref.get(uri, ""),
                "da_alt": sorted(da_alt.get(uri, set()) - {da_pref.get(uri, "")}),
                "en": en,
                "en_alt": [x for x in split_labels(row["altLabels"]) if x != en],
                "essential": sorted(relations[uri]["essential"]),
                "optional": sorted(relations[uri]["optional"]),
            }
            lines.append(json.dumps(rec, ensure_ascii=False))
    write_gz(OUT / "occupations.jsonl.gz", "\n".join(lines) + "\n")

    skill_lines = [
        pref + "\t" + "|".join(a.replace("|", " ") for a in alts if a != pref)
        for pref, alts in sorted(skills.values())
    ]
    write_gz(OUT / "skills.tsv.gz", "\n".join(skill_lines) + "\n")

    isco_rows = []
    with open(esco / "ISCOGroups_en.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            uri = row["conceptUri"]
            isco_rows.append(
                f"{row['code']}\t{row['preferredLabel'].strip()}\t{da_pref.get(uri, '')}"
            )
    write_gz(OUT / "isco_groups.tsv.gz", "\n".join(sorted(isco_rows)) + "\n")

    with open(Path(args.shared) / "data" / "postcodes_dk.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with open(OUT / "postcodes.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["postcode", "name", "kommune", "lat", "lon", "non_geographic"])
        for r in sorted(rows, key=lambda r: r["postnr"]):
            w.writerow(
                [r["postnr"], r["navn"], r["kommunenavn"], r["lat"], r["lon"], r["ikke_geografisk"]]
            )
    print(
        f"wrote {len(lines)} occupations, {len(skills)} skills, {len(isco_rows)} ISCO groups, "
        f"{len(rows)} postcodes to {OUT}"
    )


if __name__ == "__main__":
    main()
