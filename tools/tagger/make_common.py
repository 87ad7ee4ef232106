#!/usr/bin/env python3
"""Build src/extract/gazetteer/tagger_common.txt: ordinary words, those that unlabelled news
text writes in lower case.

    tools/tagger/make_common.py corpus.txt src/extract/gazetteer/tagger_common.txt

corpus.txt: the unlabelled text of tools/tagger/cluster_corpus.py (one tokenized sentence a
line; the words of the complete GMB export and of the wikigold, BTC and WNUT-17 files, no
CoNLL-2003 text). A word is listed (lowercased) when, away from the start of a sentence
(the first word, or after `.`, `:`, `"`, `!`, `?`), it is written in lower case at least
twice and at least five times as often as capitalised: "attendance", "practice", "second",
"total", not "bush", "mark" or "bank". Words of the tagger's place and given-name lists
(`tagger_places.txt`, `tagger_given.txt`, next to the output) are left out: "nice",
"reading" and "june" can be names. Letters only; one word a line, sorted.
"""
import collections
import os
import sys


def main(corpus, out_path):
    low = collections.Counter()
    cap = collections.Counter()
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            ws = line.split()
            for i, w in enumerate(ws):
                if i == 0 or not w[:1].isalpha() or ws[i - 1] in (".", '"', ":", "!", "?"):
                    continue
                if w.islower():
                    low[w] += 1
                elif w[0].isupper() and not w.isupper():
                    cap[w.lower()] += 1
    here = os.path.dirname(out_path)
    skip = set()
    for name in ("tagger_places.txt", "tagger_given.txt"):
        with open(os.path.join(here, name), encoding="utf-8") as f:
            skip.update(line.strip() for line in f)
    words = sorted(
        w
        for w, n in low.items()
        if n >= 2 and n >= 5 * cap[w] and w.isascii() and w.isalpha() and w not in skip
    )
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    print(out_path, len(words), file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
