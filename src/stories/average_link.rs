//! Average-link agglomeration over the sparse neighbour graph ([`graph`](super::graph)):
//! every article starts as its own story; the two stories with the highest *average*
//! scaled similarity over all pairs of their articles are merged, until no pair of
//! stories clears the threshold. A pair of articles that is not an edge of the graph (not
//! among each other's nearest) counts as zero, so two similar events, whose articles each
//! find their own event's articles first, stay apart, while a story told in different
//! words by many outlets holds together through its many edges.
//!
//! The classic group-average clustering of news (Yang, Pierce & Carbonell 1998) with the
//! graph restriction of sparse hierarchical clustering: the work is the number of edges
//! (articles times neighbours) times a heap operation, so near-linear in articles.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

use super::graph::Edge;

/// A candidate merge: average link `score` between clusters `a < b`, with the sizes seen
/// when it was pushed (stale entries are skipped).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    score: f32,
    a: u32,
    b: u32,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    /// Highest score first; ties go to the lowest pair of cluster ids (deterministic).
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Group `n` items joined by `edges` (scaled similarities) by average link, merging while
/// the best average clears `threshold`. Returns each item's group as the lowest item of
/// the group.
pub fn cluster(n: usize, edges: &[Edge], threshold: f32) -> Vec<usize> {
    // Sum of edge weights between clusters, keyed by the other cluster; cluster ids are
    // the lowest item of the cluster.
    let mut links: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); n];
    for &(a, b, w) in edges {
        if a == b || a as usize >= n || b as usize >= n {
            continue;
        }
        *links[a as usize].entry(b).or_default() += w;
        *links[b as usize].entry(a).or_default() += w;
    }
    let mut size = vec![1usize; n];
    let mut parent: Vec<usize> = (0..n).collect();
    let average = |sum: f32, x: usize, y: usize| sum / (x * y) as f32;
    let mut heap: BinaryHeap<Candidate> = BinaryHeap::new();
    for (a, map) in links.iter().enumerate() {
        for (&b, &sum) in map {
            if (a as u32) < b {
                let score = average(sum, 1, 1);
                heap.push(Candidate {
                    score,
                    a: a as u32,
                    b,
                });
            }
        }
    }
    while let Some(top) = heap.pop() {
        if top.score < threshold {
            break;
        }
        let (a, b) = (top.a as usize, top.b as usize);
        // Stale: a side was merged away, or the sizes changed since it was pushed.
        if parent[a] != a || parent[b] != b {
            continue;
        }
        let Some(&sum) = links[a].get(&top.b) else {
            continue;
        };
        if average(sum, size[a], size[b]) != top.score {
            continue;
        }
        // Merge b into a (a < b, so the id stays the lowest item); the smaller map is
        // poured into the larger.
        let mut from = std::mem::take(&mut links[b]);
        let mut into = std::mem::take(&mut links[a]);
        from.remove(&top.a);
        into.remove(&top.b);
        if from.len() > into.len() {
            std::mem::swap(&mut from, &mut into);
        }
        for (c, w) in from {
            *into.entry(c).or_default() += w;
        }
        links[a] = into;
        parent[b] = a;
        size[a] += size[b];
        // Re-score a's links: each other cluster sees the new sum and size.
        let mut fresh: Vec<(u32, f32)> = links[a].iter().map(|(&c, &w)| (c, w)).collect();
        fresh.sort_unstable_by_key(|&(c, _)| c);
        for (c, sum) in fresh {
            links[c as usize].remove(&top.b);
            links[c as usize].insert(a as u32, sum);
            let score = average(sum, size[a], size[c as usize]);
            let (x, y) = (a.min(c as usize), a.max(c as usize));
            heap.push(Candidate {
                score,
                a: x as u32,
                b: y as u32,
            });
        }
    }
    (0..n).map(|i| find(&parent, i)).collect()
}

/// The root of `i` (merged clusters point to the cluster they joined).
fn find(parent: &[usize], mut i: usize) -> usize {
    while parent[i] != i {
        i = parent[i];
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_not_single_link() {
        // 0-1 and 2-3 are tight; one strong edge 1-2 alone does not chain them, since
        // the average over the four pairs is low.
        let edges = vec![(0, 1, 0.9), (2, 3, 0.9), (1, 2, 0.5), (0, 3, 0.05)];
        assert_eq!(cluster(4, &edges, 0.3), vec![0, 0, 2, 2]);
        // With a low threshold they do join.
        assert_eq!(cluster(4, &edges, 0.1), vec![0, 0, 0, 0]);
    }

    #[test]
    fn isolated_items_stay_alone() {
        assert_eq!(cluster(3, &[(0, 1, 0.2)], 0.3), vec![0, 1, 2]);
        assert!(cluster(0, &[], 0.3).is_empty());
    }
}
