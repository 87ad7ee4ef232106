//! LexRank: stationary distribution of a random walk on the sentence similarity graph.
//!
//! Edges join sentences whose tf-idf cosine is at least [`THRESHOLD`], weighted by the cosine
//! ("continuous LexRank"). Pairs are found through an inverted index over term ids, so only
//! sentences that share a term are compared. Above [`SPARSE_ABOVE`] sentences the graph keeps
//! only each sentence's strongest neighbours ([`super::sparse`]), so cost grows linearly;
//! below it the result is exactly the all-pairs one.

use super::tfidf::{SparseVec, cosine};

/// Minimum cosine for an edge (Erkan & Radev use 0.1 for the continuous variant).
pub const THRESHOLD: f64 = 0.1;
const DAMPING: f64 = 0.85;
const ITERATIONS: usize = 100;
const TOLERANCE: f64 = 1e-9;
/// Inputs with more sentences than this use the sparse neighbour graph. Every dev cluster and
/// example story is far below it (a 10-article cluster has about 300 sentences).
pub const SPARSE_ABOVE: usize = 2000;

/// Centrality of each vector, scaled so the maximum is 1 (all zeros for an empty input).
pub fn lexrank(vectors: &[SparseVec], threshold: f64) -> Vec<f64> {
    let n = vectors.len();
    if n == 0 {
        return Vec::new();
    }
    if n > SPARSE_ABOVE {
        let edges = super::sparse::knn_edges(vectors, threshold);
        // Ranks sum to 1 over many thousands of sentences: a total change below 1e-7 no
        // longer moves any sentence's place in the order.
        let rank = super::sparse::power_iteration(&edges, DAMPING, ITERATIONS, 1e-7);
        return scale(rank);
    }
    let edges = similarity_edges(vectors, threshold);
    let out_weight: Vec<f64> = edges
        .iter()
        .map(|e| e.iter().map(|(_, w)| w).sum())
        .collect();
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..ITERATIONS {
        let mut next = vec![(1.0 - DAMPING) / n as f64; n];
        let mut dangling = 0.0;
        for i in 0..n {
            if out_weight[i] == 0.0 {
                dangling += rank[i];
                continue;
            }
            for &(j, w) in &edges[i] {
                next[j] += DAMPING * rank[i] * w / out_weight[i];
            }
        }
        next.iter_mut()
            .for_each(|r| *r += DAMPING * dangling / n as f64);
        let delta: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = next;
        if delta < TOLERANCE {
            break;
        }
    }
    scale(rank)
}

/// Scale so the maximum is 1.
fn scale(mut rank: Vec<f64>) -> Vec<f64> {
    let max = rank.iter().copied().fold(0.0_f64, f64::max);
    if max > 0.0 {
        rank.iter_mut().for_each(|r| *r /= max);
    }
    rank
}

/// Adjacency lists (neighbour, cosine) for pairs at or above the threshold, self-loops
/// excluded, neighbours in ascending order.
pub fn similarity_edges(vectors: &[SparseVec], threshold: f64) -> Vec<Vec<(usize, f64)>> {
    let n = vectors.len();
    let mut postings: Vec<Vec<usize>> = Vec::new();
    for (i, v) in vectors.iter().enumerate() {
        for &(t, _) in v {
            let t = t as usize;
            if postings.len() <= t {
                postings.resize(t + 1, Vec::new());
            }
            postings[t].push(i);
        }
    }
    let mut edges = vec![Vec::new(); n];
    let mut candidates = Vec::new();
    for i in 0..n {
        candidates.clear();
        for &(t, _) in &vectors[i] {
            candidates.extend(postings[t as usize].iter().copied().filter(|&j| j > i));
        }
        candidates.sort_unstable();
        candidates.dedup();
        for &j in &candidates {
            let sim = cosine(&vectors[i], &vectors[j]);
            if sim >= threshold {
                edges[i].push((j, sim));
                edges[j].push((i, sim));
            }
        }
    }
    for e in &mut edges {
        e.sort_by_key(|&(j, _)| j);
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_sentence_is_most_central() {
        // 0 shares a term with 1, 2 and 3; they share nothing with each other.
        let v = vec![
            vec![(0, 0.5), (1, 0.5), (2, 0.5), (3, 0.5)],
            vec![(0, 0.6), (4, 0.8)],
            vec![(1, 0.6), (5, 0.8)],
            vec![(2, 0.6), (6, 0.8)],
            vec![(9, 1.0)],
        ];
        let r = lexrank(&v, 0.1);
        assert_eq!(r[0], 1.0);
        assert!(r[1] < 1.0 && r[4] < r[1]);
    }

    #[test]
    fn empty_input() {
        assert!(lexrank(&[], 0.1).is_empty());
    }
}
