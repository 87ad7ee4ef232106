#!/usr/bin/env python3
"""Unlabelled text for tools/tagger/make_clusters.py, one tokenized sentence a line.

Usage: cluster_corpus.py GMB_FULL.csv DATA OUT.txt

GMB_FULL.csv: the complete `ner_dataset.csv` of the Groningen Meaning Bank export (47,959
sentences of Voice of America news, public domain texts; Windows-1252 or UTF-8), only its
words are used. DATA: the training folder of train_tagger (`wikigold.conll.txt` and
`extra/*.conll`, CC-BY 4.0), only its words are used. No CoNLL-2003 text.
"""
import csv
import glob
import io
import os
import sys


def main(gmb, data, out_path):
    raw = open(gmb, "rb").read()
    try:
        txt = raw.decode("utf-8")
    except UnicodeDecodeError:
        txt = raw.decode("cp1252")
    n = toks = 0
    with open(out_path, "w", encoding="utf-8") as out:
        def emit(sent):
            nonlocal n, toks
            if sent:
                out.write(" ".join(sent) + "\n")
                n += 1
                toks += len(sent)

        sent = []
        rows = csv.reader(io.StringIO(txt))
        next(rows)
        for row in rows:
            if row[0].startswith("Sentence:"):
                emit(sent)
                sent = []
            sent.append(row[1])
        emit(sent)
        files = [os.path.join(data, "wikigold.conll.txt")]
        files += sorted(glob.glob(os.path.join(data, "extra", "*.conll")))
        for f in files:
            sent = []
            for line in open(f, encoding="utf-8", errors="replace"):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("-DOCSTART-"):
                    emit(sent)
                    sent = []
                    continue
                sent.append(line.rsplit(None, 1)[0] if ("\t" in line or " " in line) else line)
            emit(sent)
    print(f"{n} sentences, {toks} words", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
