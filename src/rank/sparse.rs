//! The similarity graph of a large input: a few strong neighbours per sentence, not all pairs.
//!
//! Candidate neighbours come from an inverted index over the *informative* terms only (terms
//! in at most [`MAX_POSTINGS`] sentences): their partial dot products are accumulated, the best
//! [`CANDIDATES`] are scored by the exact cosine, and the [`NEIGHBOURS`] most similar at or
//! above the threshold are kept. The graph is the union of those lists, so it stays symmetric
//! like the full one. The work is bounded by `MAX_POSTINGS` x the number of term occurrences,
//! linear in the input, and each sentence's list is built independently, in parallel.

use rayon::prelude::*;

use super::tfidf::{SparseVec, cosine};

/// Terms carried by more sentences than this do not propose neighbours (they still count in
/// the cosine): a word in every tenth sentence says little about which sentences agree.
pub const MAX_POSTINGS: usize = 100;
/// Candidates per sentence scored by the exact cosine.
pub const CANDIDATES: usize = 48;
/// Neighbours kept per sentence (before symmetrising).
pub const NEIGHBOURS: usize = 20;

/// Adjacency lists (neighbour, cosine), neighbours in ascending order, self-loops excluded:
/// each sentence's top [`NEIGHBOURS`] at or above `threshold`, symmetrised.
pub fn knn_edges(vectors: &[SparseVec], threshold: f64) -> Vec<Vec<(usize, f64)>> {
    let n = vectors.len();
    let mut postings: Vec<Vec<(u32, f64)>> = Vec::new();
    for (i, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            let t = t as usize;
            if postings.len() <= t {
                postings.resize(t + 1, Vec::new());
            }
            postings[t].push((i as u32, w));
        }
    }
    for p in &mut postings {
        if p.len() > MAX_POSTINGS {
            *p = Vec::new();
        }
    }
    let top: Vec<Vec<(usize, f64)>> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0.0f64; n], Vec::new()),
            |(acc, touched), i| neighbours(vectors, &postings, i, threshold, acc, touched),
        )
        .collect();
    // Symmetrise in place: the reverse edges are gathered first, so no second copy of the
    // lists is needed.
    let reverse: Vec<(usize, usize, f64)> = top
        .iter()
        .enumerate()
        .flat_map(|(i, list)| list.iter().map(move |&(j, w)| (j, i, w)))
        .collect();
    let mut edges = top;
    for (j, i, w) in reverse {
        edges[j].push((i, w));
    }
    edges.par_iter_mut().for_each(|e| {
        e.sort_by_key(|&(j, _)| j);
        e.dedup_by_key(|&mut (j, _)| j);
    });
    edges
}

/// The top neighbours of sentence `i`, most similar first (ties: lower index first).
fn neighbours(
    vectors: &[SparseVec],
    postings: &[Vec<(u32, f64)>],
    i: usize,
    threshold: f64,
    acc: &mut [f64],
    touched: &mut Vec<usize>,
) -> Vec<(usize, f64)> {
    touched.clear();
    for &(t, w) in &vectors[i] {
        for &(j, wj) in &postings[t as usize] {
            let j = j as usize;
            if j == i {
                continue;
            }
            if acc[j] == 0.0 {
                touched.push(j);
            }
            acc[j] += w * wj;
        }
    }
    let mut cands: Vec<(f64, usize)> = touched.iter().map(|&j| (acc[j], j)).collect();
    touched.iter().for_each(|&j| acc[j] = 0.0);
    let by_score = |a: &(f64, usize), b: &(f64, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if cands.len() > CANDIDATES {
        cands.select_nth_unstable_by(CANDIDATES, by_score);
        cands.truncate(CANDIDATES);
    }
    let mut scored: Vec<(f64, usize)> = cands
        .into_iter()
        .map(|(_, j)| (cosine(&vectors[i], &vectors[j]), j))
        .filter(|&(sim, _)| sim >= threshold)
        .collect();
    scored.sort_unstable_by(by_score);
    scored.truncate(NEIGHBOURS);
    scored.into_iter().map(|(sim, j)| (j, sim)).collect()
}

/// Power iteration over a symmetric graph, pulling from neighbours so that each sentence's
/// sum runs in a fixed order on any number of threads.
pub fn power_iteration(
    edges: &[Vec<(usize, f64)>],
    damping: f64,
    iterations: usize,
    tolerance: f64,
) -> Vec<f64> {
    let n = edges.len();
    let out_weight: Vec<f64> = edges
        .iter()
        .map(|e| e.iter().map(|(_, w)| w).sum())
        .collect();
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..iterations {
        let share: Vec<f64> = rank
            .iter()
            .zip(&out_weight)
            .map(|(r, &o)| if o == 0.0 { 0.0 } else { r / o })
            .collect();
        let dangling: f64 = rank
            .iter()
            .zip(&out_weight)
            .filter(|&(_, &o)| o == 0.0)
            .map(|(r, _)| r)
            .sum();
        let base = (1.0 - damping) / n as f64 + damping * dangling / n as f64;
        let next: Vec<f64> = edges
            .par_iter()
            .map(|e| base + damping * e.iter().map(|&(i, w)| share[i] * w).sum::<f64>())
            .collect();
        let delta: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = next;
        if delta < tolerance {
            break;
        }
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_are_symmetric_and_above_threshold() {
        let v: Vec<SparseVec> = (0..50)
            .map(|i| vec![(i % 5, 0.6), (100 + i % 7, 0.8)])
            .collect();
        let e = knn_edges(&v, 0.1);
        for (i, list) in e.iter().enumerate() {
            assert!(list.len() <= 2 * NEIGHBOURS);
            for &(j, w) in list {
                assert!(w >= 0.1 && j != i);
                assert!(e[j].iter().any(|&(k, _)| k == i));
            }
        }
    }
}
