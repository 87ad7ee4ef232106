//! LexRank: stationary distribution of a random walk on the sentence similarity graph.
//!
//! Edges join sentences whose tf-idf cosine is at least [`THRESHOLD`], weighted by the cosine
//! ("continuous LexRank"). Pairs are found through an inverted index over term ids, so only
//! sentences that share a term are compared. Above [`SPARSE_ABOVE`] sentences the graph keeps
//! only each sentence's strongest neighbours ([`super::sparse`]), so cost grows linearly;
//! below it the result is exactly the all-pairs one.

use super::tfidf::SparseVec;
#[cfg(doc)]
use super::tfidf::cosine;

/// Minimum cosine for an edge (Erkan & Radev use 0.1 for the continuous variant).
pub const THRESHOLD: f64 = 0.1;
const DAMPING: f64 = 0.85;
const ITERATIONS: usize = 100;
const TOLERANCE: f64 = 1e-9;
/// Inputs with more sentences than this use the sparse neighbour graph. Every dev cluster and
/// example story is far below it (a 10-article cluster has about 300 sentences).
pub const SPARSE_ABOVE: usize = 2000;

/// A similarity graph as adjacency lists in one array: sentence `i`'s (neighbour, cosine)
/// pairs are `edges[starts[i]..starts[i + 1]]`, neighbours ascending, no self-loops.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    starts: Vec<usize>,
    /// Neighbours and weights in separate arrays: 12 bytes an edge instead of a padded 16,
    /// and power iteration streams through all of them every round.
    ids: Vec<u32>,
    weights: Vec<f64>,
}

impl Graph {
    /// A graph from one list per sentence, each already sorted by neighbour.
    pub fn from_lists(lists: Vec<Vec<(u32, f64)>>) -> Self {
        let total = lists.iter().map(Vec::len).sum();
        let mut starts = Vec::with_capacity(lists.len() + 1);
        let mut ids = Vec::with_capacity(total);
        let mut weights = Vec::with_capacity(total);
        starts.push(0);
        for list in lists {
            for (j, w) in list {
                ids.push(j);
                weights.push(w);
            }
            starts.push(ids.len());
        }
        Graph {
            starts,
            ids,
            weights,
        }
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether the graph has no sentences.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sentence `i`'s (neighbour, cosine) pairs, neighbours ascending.
    pub fn neighbours(&self, i: usize) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.ids(i)
            .iter()
            .copied()
            .zip(self.weights(i).iter().copied())
    }

    /// Sentence `i`'s neighbours, ascending.
    pub fn ids(&self, i: usize) -> &[u32] {
        &self.ids[self.starts[i]..self.starts[i + 1]]
    }

    /// Sentence `i`'s edge weights, in neighbour order.
    pub fn weights(&self, i: usize) -> &[f64] {
        &self.weights[self.starts[i]..self.starts[i + 1]]
    }

    /// Each sentence's total edge weight, summed in neighbour order.
    pub fn out_weights(&self) -> Vec<f64> {
        (0..self.len())
            .map(|i| self.weights(i).iter().sum())
            .collect()
    }
}

/// Centrality of each vector, scaled so the maximum is 1 (all zeros for an empty input).
pub fn lexrank(vectors: &[SparseVec], threshold: f64) -> Vec<f64> {
    let n = vectors.len();
    if n == 0 {
        return Vec::new();
    }
    if n > SPARSE_ABOVE {
        let graph = super::sparse::knn_edges(vectors, threshold);
        // Ranks sum to 1 over many thousands of sentences: a total change below 1e-7 no
        // longer moves any sentence's place in the order.
        let rank = super::sparse::power_iteration(&graph, DAMPING, ITERATIONS, 1e-7);
        return scale(rank);
    }
    let graph = similarity_edges(vectors, threshold);
    let out_weight = graph.out_weights();
    // Ranks in arrays of a fixed size, of which the first n are used: a neighbour's index
    // masked to the array's size is known to be inside it, so the innermost loop (a
    // multiply, a division and an add per edge and step) needs no bounds check; the mask
    // never changes an index (every one is below n, at most SPARSE_ABOVE).
    let mut rank: Box<[f64; DENSE]> = Box::new([0.0; DENSE]);
    let mut next: Box<[f64; DENSE]> = Box::new([0.0; DENSE]);
    rank[..n].fill(1.0 / n as f64);
    for _ in 0..ITERATIONS {
        next[..n].fill((1.0 - DAMPING) / n as f64);
        let mut dangling = 0.0;
        for i in 0..n {
            if out_weight[i] == 0.0 {
                dangling += rank[i];
                continue;
            }
            // The same products as `DAMPING * rank[i] * w / out_weight[i]`, which is
            // evaluated left to right.
            let (share, out) = (DAMPING * rank[i], out_weight[i]);
            for (j, w) in graph.neighbours(i) {
                next[j as usize & (DENSE - 1)] += share * w / out;
            }
        }
        next[..n]
            .iter_mut()
            .for_each(|r| *r += DAMPING * dangling / n as f64);
        let delta: f64 = next[..n]
            .iter()
            .zip(&rank[..n])
            .map(|(a, b)| (a - b).abs())
            .sum();
        std::mem::swap(&mut rank, &mut next);
        if delta < TOLERANCE {
            break;
        }
    }
    scale(rank[..n].to_vec())
}

/// The size of the dense iteration's rank arrays: a power of two above [`SPARSE_ABOVE`].
const DENSE: usize = (SPARSE_ABOVE + 1).next_power_of_two();

/// Scale so the maximum is 1.
fn scale(mut rank: Vec<f64>) -> Vec<f64> {
    let max = rank.iter().copied().fold(0.0_f64, f64::max);
    if max > 0.0 {
        rank.iter_mut().for_each(|r| *r /= max);
    }
    rank
}

/// Term postings: for each term id, the (sentence, weight) pairs that carry it, sentences
/// ascending; terms in more than `max` sentences get none.
pub fn postings(vectors: &[SparseVec], max: usize) -> Graph {
    let terms = vectors
        .iter()
        .filter_map(|v| v.last())
        .map(|&(t, _)| t as usize + 1)
        .max()
        .unwrap_or(0);
    let mut count = vec![0usize; terms];
    for v in vectors {
        for &(t, _) in v {
            count[t as usize] += 1;
        }
    }
    let mut starts = Vec::with_capacity(terms + 1);
    starts.push(0);
    for c in &mut count {
        let kept = if *c > max { 0 } else { *c };
        starts.push(starts[starts.len() - 1] + kept);
        // From here on, where the term's next posting goes (or MAX when it has none).
        *c = if kept == 0 {
            usize::MAX
        } else {
            starts[starts.len() - 2]
        };
    }
    let mut ids = vec![0u32; starts[terms]];
    let mut weights = vec![0.0f64; starts[terms]];
    for (i, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            let at = &mut count[t as usize];
            if *at != usize::MAX {
                ids[*at] = i as u32;
                weights[*at] = w;
                *at += 1;
            }
        }
    }
    Graph {
        starts,
        ids,
        weights,
    }
}

/// Adjacency lists (neighbour, cosine) for pairs at or above the threshold, self-loops
/// excluded, neighbours in ascending order.
///
/// Each pair's cosine is accumulated through the postings of the first sentence's terms, in
/// ascending term order: the same products added in the same order as [`cosine`].
pub fn similarity_edges(vectors: &[SparseVec], threshold: f64) -> Graph {
    let n = vectors.len();
    let postings = postings(vectors, usize::MAX);
    let mut lists: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
    let mut acc = vec![0.0f64; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<usize> = Vec::new();
    for i in 0..n {
        for &(t, w) in &vectors[i] {
            let (ids, weights) = (postings.ids(t as usize), postings.weights(t as usize));
            let after = ids.partition_point(|&j| j as usize <= i);
            for (&j, &wj) in ids[after..].iter().zip(&weights[after..]) {
                let j = j as usize;
                if !seen[j] {
                    seen[j] = true;
                    touched.push(j);
                }
                acc[j] += w * wj;
            }
        }
        touched.sort_unstable();
        for &j in &touched {
            let sim = acc[j];
            acc[j] = 0.0;
            seen[j] = false;
            if sim >= threshold {
                lists[i].push((j as u32, sim));
                lists[j].push((i as u32, sim));
            }
        }
        touched.clear();
    }
    // Lists are built in ascending order already: lower neighbours arrive first, from
    // earlier rows in row order, then the higher ones in ascending order.
    Graph::from_lists(lists)
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
    fn the_dense_iteration_gives_the_ranks_of_plain_vectors_bit_for_bit() {
        // Each rank pulled from its neighbours (the graph is symmetric: a pair's cosine is
        // stored once for both), over growable vectors: the same terms added in the same
        // order (ascending source) as `lexrank` pushes them, so the same bits.
        let reference = |vectors: &[SparseVec]| {
            let n = vectors.len();
            let graph = similarity_edges(vectors, THRESHOLD);
            let out_weight = graph.out_weights();
            let mut rank = vec![1.0 / n as f64; n];
            for _ in 0..ITERATIONS {
                let dangling: f64 = (0..n)
                    .filter(|&i| out_weight[i] == 0.0)
                    .fold(0.0, |d, i| d + rank[i]);
                let pulled: Vec<f64> = (0..n)
                    .map(|j| {
                        let from = graph.neighbours(j).map(|(i, w)| {
                            let i = i as usize;
                            DAMPING * rank[i] * w / out_weight[i]
                        });
                        from.fold((1.0 - DAMPING) / n as f64, |r, x| r + x)
                            + DAMPING * dangling / n as f64
                    })
                    .collect();
                let delta: f64 = pulled.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
                rank = pulled;
                if delta < TOLERANCE {
                    break;
                }
            }
            scale(rank)
        };
        let mut lcg = crate::testing::Lcg(3);
        let mut next = |m: u64| lcg.below(m);
        for round in 0..20 {
            let n = 1 + next(if round < 2 { 2000 } else { 300 }) as usize;
            let vectors: Vec<SparseVec> = (0..n)
                .map(|_| {
                    let mut terms: Vec<u32> = (0..next(6)).map(|_| next(60) as u32).collect();
                    terms.sort_unstable();
                    terms.dedup();
                    let norm = (terms.len() as f64).sqrt();
                    terms.into_iter().map(|t| (t, 1.0 / norm)).collect()
                })
                .collect();
            assert_eq!(
                lexrank(&vectors, THRESHOLD),
                reference(&vectors),
                "round {round}"
            );
        }
    }

    #[test]
    fn empty_input() {
        assert!(lexrank(&[], 0.1).is_empty());
    }
}
