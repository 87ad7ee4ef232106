//! The similarity graph of a large input: a few strong neighbours per sentence, not all pairs.
//!
//! Candidate neighbours come from an inverted index over the *informative* terms only (terms
//! in at most [`MAX_POSTINGS`] sentences): their partial dot products are accumulated, the best
//! [`CANDIDATES`] are scored by the exact cosine, and the [`NEIGHBOURS`] most similar at or
//! above the threshold are kept. The graph is the union of those lists, so it stays symmetric
//! like the full one. The work is bounded by `MAX_POSTINGS` x the number of term occurrences,
//! linear in the input, and each sentence's list is built independently, in parallel.

use rayon::prelude::*;

use super::lexrank::{Graph, postings};
use super::tfidf::SparseVec;
#[cfg(doc)]
use super::tfidf::cosine;

/// Terms carried by more sentences than this do not propose neighbours (they still count in
/// the cosine): a word in every tenth sentence says little about which sentences agree.
pub const MAX_POSTINGS: usize = 100;
/// Candidates per sentence scored by the exact cosine.
pub const CANDIDATES: usize = 48;
/// Neighbours kept per sentence (before symmetrising).
pub const NEIGHBOURS: usize = 20;

/// Adjacency lists (neighbour, cosine), neighbours in ascending order, self-loops excluded:
/// each sentence's top [`NEIGHBOURS`] at or above `threshold`, symmetrised.
pub fn knn_edges(vectors: &[SparseVec], threshold: f64) -> Graph {
    let n = vectors.len();
    let postings = postings(vectors, MAX_POSTINGS);
    let terms = postings.len();
    let top: Vec<Vec<(u32, f64)>> = (0..n)
        .into_par_iter()
        .map_init(
            || Scratch {
                acc: vec![0.0; n],
                touched: Vec::new(),
                dense: vec![0.0; terms],
            },
            |scratch, i| neighbours(vectors, &postings, i, threshold, scratch),
        )
        .collect();
    // Symmetrise: each sentence's list plus the sentences that list it. Both copies of an
    // edge carry the same cosine (the same products in the same order), so which one is
    // kept does not matter.
    let mut incoming = vec![0usize; n + 1];
    for list in &top {
        for &(j, _) in list {
            incoming[j as usize + 1] += 1;
        }
    }
    for k in 1..=n {
        incoming[k] += incoming[k - 1];
    }
    let mut reverse = vec![(0u32, 0.0f64); incoming[n]];
    let mut at = incoming.clone();
    for (i, list) in top.iter().enumerate() {
        for &(j, w) in list {
            reverse[at[j as usize]] = (i as u32, w);
            at[j as usize] += 1;
        }
    }
    drop(at);
    let lists: Vec<Vec<(u32, f64)>> = top
        .into_par_iter()
        .enumerate()
        .map(|(i, mut list)| {
            list.extend_from_slice(&reverse[incoming[i]..incoming[i + 1]]);
            list.sort_unstable_by_key(|&(j, _)| j);
            list.dedup_by_key(|&mut (j, _)| j);
            list
        })
        .collect();
    Graph::from_lists(lists)
}

/// One worker's buffers for [`neighbours`].
struct Scratch {
    /// Partial dot products by sentence.
    acc: Vec<f64>,
    /// Sentences with a partial dot product.
    touched: Vec<usize>,
    /// The current sentence's weights by term, zero elsewhere.
    dense: Vec<f64>,
}

/// The top neighbours of sentence `i`, most similar first (ties: lower index first).
fn neighbours(
    vectors: &[SparseVec],
    postings: &Graph,
    i: usize,
    threshold: f64,
    scratch: &mut Scratch,
) -> Vec<(u32, f64)> {
    let Scratch {
        acc,
        touched,
        dense,
    } = scratch;
    touched.clear();
    for &(t, w) in &vectors[i] {
        for (j, wj) in postings.neighbours(t as usize) {
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
    for &(t, w) in &vectors[i] {
        dense[t as usize] = w;
    }
    let mut scored: Vec<(f64, usize)> = cands
        .into_iter()
        .map(|(_, j)| (dense_cosine(dense, &vectors[j]), j))
        .filter(|&(sim, _)| sim >= threshold)
        .collect();
    for &(t, _) in &vectors[i] {
        dense[t as usize] = 0.0;
    }
    scored.sort_unstable_by(by_score);
    scored.truncate(NEIGHBOURS);
    scored.into_iter().map(|(sim, j)| (j as u32, sim)).collect()
}

/// [`cosine`] of a vector spread out by term (`dense`, zero for the terms it lacks) and a
/// sparse one: the same value, the same products added in the same (ascending term) order.
fn dense_cosine(dense: &[f64], b: &SparseVec) -> f64 {
    let mut dot = 0.0;
    for &(t, w) in b {
        let a = dense[t as usize];
        // Only common terms: the loads stay independent, the chain of additions short.
        if a != 0.0 {
            dot += a * w;
        }
    }
    dot
}

/// Power iteration over a symmetric graph, pulling from neighbours so that each sentence's
/// sum runs in a fixed order on any number of threads.
pub fn power_iteration(graph: &Graph, damping: f64, iterations: usize, tolerance: f64) -> Vec<f64> {
    let n = graph.len();
    let out_weight = graph.out_weights();
    let mut rank = vec![1.0 / n as f64; n];
    let mut share = vec![0.0; n];
    let mut next = vec![0.0; n];
    for _ in 0..iterations {
        share
            .par_iter_mut()
            .zip(&rank)
            .zip(&out_weight)
            .for_each(|((s, r), &o)| *s = if o == 0.0 { 0.0 } else { r / o });
        let dangling: f64 = rank
            .iter()
            .zip(&out_weight)
            .filter(|&(_, &o)| o == 0.0)
            .map(|(r, _)| r)
            .sum();
        let base = (1.0 - damping) / n as f64 + damping * dangling / n as f64;
        next.par_iter_mut()
            .with_min_len(1024)
            .enumerate()
            .for_each(|(i, r)| {
                let pulled = graph
                    .neighbours(i)
                    .map(|(j, w)| share[j as usize] * w)
                    .sum::<f64>();
                *r = base + damping * pulled;
            });
        let delta: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
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
        for i in 0..e.len() {
            assert!(e.ids(i).len() <= 2 * NEIGHBOURS);
            for (j, w) in e.neighbours(i) {
                assert!(w >= 0.1 && j as usize != i);
                assert!(e.ids(j as usize).contains(&(i as u32)));
            }
        }
    }
}
