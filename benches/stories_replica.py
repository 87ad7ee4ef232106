#!/usr/bin/env python3
"""Story detection in Python, from the features the Rust bench dumps: a check of the Rust
method and the issue's classic baseline, for study and tuning (numpy only).

    BRIEF_STORIES_DUMP=1 cargo bench --bench stories -- duc2002 multinews ecbplus
    $HOME/evalenv/bin/python benches/stories_replica.py            # our method, then the baseline
    $HOME/evalenv/bin/python benches/stories_replica.py ours       # only ours
    $HOME/evalenv/bin/python benches/stories_replica.py ours losses  # and DUC's losses per story

The dump (`target/stories-NAME.tsv`) holds each article's gold story, path, date, the
original it copies and its raw feature counts (headline and lead already counted twice).
`ours` re-implements tf-idf with the prior, the 10-nearest graph with local scaling and
floor, and sparse average link (src/stories/); it matches the bench to about 0.001 F1.
`baseline` is the issue's classic method: the same tf-idf without the prior, cosine
locally scaled by each article's 3rd-nearest (no floor), and full average link over every
pair (dense, O(n^2) memory), at a grid of thresholds.
"""

import heapq
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SETS = ["duc2002", "multinews", "ecbplus"]


def load(name):
    rows = []
    for line in open(ROOT / f"target/stories-{name}.tsv", encoding="utf-8"):
        gold, path, date, dup, feats = line.rstrip("\n").split("\t")[:5]
        f = {}
        for kv in feats.split():
            k, _, v = kv.rpartition("=")
            f[k] = float(v)
        rows.append(dict(gold=gold, path=path, date=date, dup=int(dup) if dup else None, f=f))
    return rows


def vectors(rows, prior=40.0, names=1.5, numbers=1.5):
    df = Counter(k for r in rows for k in r["f"])
    n = len(rows) + prior
    ids, vecs = {}, []
    for r in rows:
        v = {}
        for k, tf in r["f"].items():
            if df[k] < 2 or tf <= 0:
                continue
            boost = names if k[0] in "np" else numbers if k[0] == "#" else 1.0
            w = (1 + math.log(tf)) * math.log((n + 1) / df[k]) * boost
            if w > 0:
                v[ids.setdefault(k, len(ids))] = w
        norm = math.sqrt(sum(w * w for w in v.values())) or 1.0
        vecs.append({i: w / norm for i, w in v.items()})
    return vecs, len(ids)


def cosines(vecs, nfeat, chunk=4000):
    n = len(vecs)
    s = np.zeros((n, n), dtype=np.float32)
    for c0 in range(0, nfeat, chunk):
        x = np.zeros((n, min(chunk, nfeat - c0)), dtype=np.float32)
        for i, v in enumerate(vecs):
            for j, w in v.items():
                if c0 <= j < c0 + chunk:
                    x[i, j - c0] = w
        s += x @ x.T
    np.fill_diagonal(s, 0)
    return s


def original(rows, i):
    steps = 0
    while rows[i]["dup"] is not None and rows[i]["dup"] != i and steps < len(rows):
        i, steps = rows[i]["dup"], steps + 1
    return i


def scaled(s, rank, floor):
    srt = -np.sort(-s, axis=1)
    sigma = np.maximum(srt[:, rank - 1] if len(s) > rank else 0.0, max(floor, 1e-6))
    return s / np.sqrt(np.outer(sigma, sigma))


def sparse_average_link(s, k=10, rank=3, floor=0.4, thr=0.3):
    """Ours: edges to the k nearest, scaled; average link where a non-edge counts 0."""
    n = len(s)
    w = scaled(s, rank, floor)
    near = np.argsort(-s, axis=1, kind="stable")[:, :k]
    links = [dict() for _ in range(n)]
    for a in range(n):
        for b in near[a]:
            b = int(b)
            if s[a, b] > 0 and a != b:
                links[a][b] = links[b][a] = float(w[a, b])
    size, parent, heap = [1] * n, list(range(n)), []
    for a in range(n):
        for b, x in links[a].items():
            if a < b:
                heapq.heappush(heap, (-x, a, b, x))
    while heap:
        _, a, b, score = heapq.heappop(heap)
        if score < thr:
            break
        total = links[a].get(b)
        if parent[a] != a or parent[b] != b or total is None or total / (size[a] * size[b]) != score:
            continue
        into, moved = links[a], links[b]
        links[b] = {}
        moved.pop(a, None)
        into.pop(b, None)
        for c, x in moved.items():
            into[c] = into.get(c, 0) + x
        parent[b] = a
        size[a] += size[b]
        for c in sorted(into):
            links[c].pop(b, None)
            links[c][a] = into[c]
            avg = into[c] / (size[a] * size[c])
            heapq.heappush(heap, (-avg, min(a, c), max(a, c), avg))
    return roots(parent)


def dense_average_link(s, rank=3, thr=0.5):
    """The baseline: full average link over every pair of locally scaled cosines."""
    n = len(s)
    w = scaled(s, rank, 0.0).astype(np.float64)
    np.fill_diagonal(w, -np.inf)
    size, alive, parent = np.ones(n), np.ones(n, bool), list(range(n))
    best, arg = w.max(axis=1), w.argmax(axis=1)
    while n:
        a = int(np.argmax(np.where(alive, best, -np.inf)))
        if not alive[a] or best[a] < thr:
            break
        b = int(arg[a])
        a, b = min(a, b), max(a, b)
        new = (size[a] * w[a] + size[b] * w[b]) / (size[a] + size[b])
        new[~alive] = new[a] = new[b] = -np.inf
        w[a], w[:, a] = new, new
        w[b], w[:, b] = -np.inf, -np.inf
        alive[b], best[b] = False, -np.inf
        size[a] += size[b]
        parent[b] = a
        best[a], arg[a] = w[a].max(), w[a].argmax()
        for r in np.where(alive & ((arg == a) | (arg == b)))[0]:
            best[r], arg[r] = w[r].max(), w[r].argmax()
        up = np.where(alive & (new > best))[0]
        best[up], arg[up] = new[up], a
    return roots(parent)


def roots(parent):
    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    return [find(i) for i in range(len(parent))]


def labels(rows, s, method):
    members = [i for i in range(len(rows)) if original(rows, i) == i]
    m = np.array(members)
    group = method(s[np.ix_(m, m)])
    of = {x: members[group[p]] for p, x in enumerate(members)}
    return [of[original(rows, i)] for i in range(len(rows))]


def bcubed(gold, found):
    pair, g, f = Counter(zip(gold, found)), Counter(gold), Counter(found)
    n = len(gold)
    p = sum(c * c / f[b] for (_, b), c in pair.items()) / n
    r = sum(c * c / g[a] for (a, _), c in pair.items()) / n
    return p, r, 2 * p * r / (p + r)


def losses(rows, lab):
    """Each gold story's share of the B3 recall and precision shortfall, largest first; and
    the F1 of the gold with copies joined but events of one type split as `lab` splits them."""
    gold = [x["gold"] for x in rows]
    n = len(gold)
    pair, g, f = Counter(zip(gold, lab)), Counter(gold), Counter(lab)
    loss = defaultdict(lambda: [0.0, 0.0])
    for a, b in zip(gold, lab):
        loss[a][0] += (1 - pair[(a, b)] / g[a]) / n
        loss[a][1] += (1 - pair[(a, b)] / f[b]) / n
    print("| gold story | recall lost | precision lost |")
    for k, (r, p) in sorted(loss.items(), key=lambda x: -sum(x[1]))[:20]:
        print(f"| {k} | {r:.4f} | {p:.4f} |")
    parent = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for i, r in enumerate(rows):
        if r["dup"] is not None:
            a, b = find(gold[i]), find(gold[r["dup"]])
            if a != b:
                parent[max(a, b)] = min(a, b)
    ceiling = [find(x) for x in gold]
    one_type = {"d093", "d105", "d111", "d119"}
    split = [f"{c}/{o}" if x in one_type else c for x, c, o in zip(gold, ceiling, lab)]
    print(f"ceiling {bcubed(gold, ceiling)[2]:.3f}; with d093, d105, d111, d119 split as found: "
          f"{bcubed(gold, split)[2]:.3f}")


def main():
    which = sys.argv[1:] or ["ours", "baseline"]
    data = {}
    for name in SETS:
        if not (ROOT / f"target/stories-{name}.tsv").exists():
            print(f"{name}: no dump; run BRIEF_STORIES_DUMP=1 cargo bench --bench stories first")
            continue
        data[name] = load(name)
    if "ours" in which:
        print("| mix | found | B3 P | B3 R | B3 F1 |  (ours: k 10, rank 3, floor 0.4, link 0.3, P 40)")
        for name, rows in data.items():
            s = cosines(*vectors(rows))
            lab = labels(rows, s, sparse_average_link)
            p, r, f = bcubed([x["gold"] for x in rows], lab)
            print(f"| {name} | {len(set(lab))} | {p:.3f} | {r:.3f} | {f:.3f} |")
            if "losses" in which and name == "duc2002":
                losses(rows, lab)
    if "baseline" in which:
        thresholds = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]
        table = defaultdict(dict)
        for name, rows in data.items():
            s = cosines(*vectors(rows, prior=0.0))
            gold = [x["gold"] for x in rows]
            for t in thresholds:
                lab = labels(rows, s, lambda m, t=t: dense_average_link(m, thr=t))
                table[t][name] = bcubed(gold, lab)[2]
        print("| baseline threshold | " + " | ".join(data) + " | mean |")
        for t in thresholds:
            row = [table[t][n] for n in data]
            print(f"| {t} | " + " | ".join(f"{x:.3f}" for x in row) + f" | {np.mean(row):.3f} |")


if __name__ == "__main__":
    main()
