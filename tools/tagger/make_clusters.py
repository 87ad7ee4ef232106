#!/usr/bin/env python3
"""Hierarchical word clusters for the entity tagger (src/extract/gazetteer/tagger_clusters.txt).

Usage: make_clusters.py CORPUS.txt OUT.txt

CORPUS.txt is unlabelled text, one tokenized sentence a line (tokens separated by blanks).
Every word (lowercased) seen at least MIN_COUNT times gets a bit string: the path from the
root to its leaf in a binary tree built by splitting the words in two again and again
(bisecting spherical 2-means) over their distributional vectors: positive pointwise mutual
information with the CONTEXT most frequent words one and two places to the left and to the
right, reduced to DIMS dimensions by a truncated SVD. Words whose contexts are alike share
long prefixes (Turian et al. 2010's and Ratinov & Roth 2009's use of Brown clusters, with
a clustering that numpy alone can run). Deterministic: a fixed seed, ties broken by word.
Needs numpy.
"""
import collections
import sys

import numpy as np

MIN_COUNT = 3
CONTEXT = 1000
DIMS = 100
DEPTH = 16
MIN_LEAF = 2
SEED = 7


def main(corpus, out_path):
    sents = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            toks = [t.lower() for t in line.split()]
            if toks:
                sents.append(toks)
    counts = collections.Counter(t for s in sents for t in s)
    vocab = sorted((w for w, c in counts.items() if c >= MIN_COUNT and "\t" not in w),
                   key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:CONTEXT])}
    offsets = [-2, -1, 1, 2]
    m = np.zeros((len(vocab), CONTEXT * len(offsets)), dtype=np.float32)
    for s in sents:
        ids = [index.get(t, -1) for t in s]
        cids = [ctx.get(t, -1) for t in s]
        for i, wi in enumerate(ids):
            if wi < 0:
                continue
            for k, d in enumerate(offsets):
                j = i + d
                if 0 <= j < len(s) and cids[j] >= 0:
                    m[wi, k * CONTEXT + cids[j]] += 1.0
    total = m.sum()
    row = m.sum(axis=1, keepdims=True)
    col = m.sum(axis=0, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(m * total / (row @ np.ones_like(col)) / (np.ones_like(row) @ col))
    pmi[~np.isfinite(pmi)] = 0.0
    pmi = np.maximum(pmi, 0.0)
    # Truncated SVD, randomized (Halko et al. 2011): a fixed-seed range finder with two
    # power iterations, then an exact SVD of the small projected matrix.
    rng = np.random.RandomState(SEED)
    a = pmi.astype(np.float64)
    q, _ = np.linalg.qr(a @ rng.standard_normal((a.shape[1], DIMS + 20)))
    for _ in range(2):
        q, _ = np.linalg.qr(a.T @ q)
        q, _ = np.linalg.qr(a @ q)
    ub, s, _ = np.linalg.svd(q.T @ a, full_matrices=False)
    u = q @ ub
    x = u[:, :DIMS] * np.sqrt(s[:DIMS])
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    # Sign of each component fixed so the SVD's arbitrary signs cannot change the tree.
    signs = np.sign(x[np.argmax(np.abs(x), axis=0), np.arange(x.shape[1])])
    x *= signs
    paths = {}

    def split(ids, prefix):
        if len(prefix) >= DEPTH or len(ids) < 2 * MIN_LEAF:
            for i in ids:
                paths[vocab[i]] = prefix or "0"
            return
        pts = x[ids]
        # Start from the two most frequent words' directions, then spherical 2-means.
        c = pts[[0, int(np.argmin(pts @ pts[0]))]].copy()
        for _ in range(20):
            side = (pts @ c[1] > pts @ c[0])
            if side.all() or (~side).all():
                break
            new = np.stack([pts[~side].mean(axis=0), pts[side].mean(axis=0)])
            new /= np.maximum(np.linalg.norm(new, axis=1, keepdims=True), 1e-9)
            if np.allclose(new, c):
                break
            c = new
        side = (pts @ c[1] > pts @ c[0])
        if side.all() or (~side).all():
            for i in ids:
                paths[vocab[i]] = prefix or "0"
            return
        split([i for i, sd in zip(ids, side) if not sd], prefix + "0")
        split([i for i, sd in zip(ids, side) if sd], prefix + "1")

    split(list(range(len(vocab))), "")
    with open(out_path, "w", encoding="utf-8") as f:
        for w in sorted(paths):
            f.write(f"{w}\t{paths[w]}\n")
    print(f"{len(sents)} sentences, {sum(counts.values())} words, {len(paths)} clustered",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
