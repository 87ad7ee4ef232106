//! The neighbour graph: each article's `k` nearest articles by cosine, found through an
//! inverted index (every feature of every article; an article probes with its strongest
//! features, postings too long to separate anything are skipped) (bounded work per article, so near-linear
//! in articles), with the locally scaled similarity of Zelnik-Manor & Perona (2004) on
//! every edge: `s(a, b) / sqrt(σ_a σ_b)`, where `σ` is an article's cosine with its
//! [`GraphConfig::scale_rank`]-th neighbour, floored at [`GraphConfig::floor`].
//!
//! Two events of the same kind on the same day make a crowded neighbourhood where every
//! article is close to every other; a story told by three outlets in different words is a
//! sparse one. Scaling asks each article to join what is close *for its neighbourhood*; the
//! floor keeps an article with no close neighbour (a lone story, a small folder) from being
//! inflated into one. Only edges to the `k` nearest are kept: an article far down another's
//! list adds nothing, which is what keeps two similar events apart in average link.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::density::strongest;
use super::features::{Vector, dot};
use super::postings::{Limits, Lookup};
use super::single_pass::{PassConfig, time_factor};

/// Settings of the neighbour graph.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphConfig {
    /// Neighbours kept per article.
    pub neighbours: usize,
    /// Which neighbour sets the local scale (1 = nearest).
    pub scale_rank: usize,
    /// Smallest local scale.
    pub floor: f32,
    /// Strongest features of an article used to find neighbours.
    pub probe: usize,
    /// Bounds of the neighbour lookup.
    pub limits: Limits,
    /// Discount edges between dated articles far apart in time ([`time_factor`] with the
    /// window of [`PassConfig`]). Off by default: on ECB+ dev, whose dates come from
    /// datelines, it cost B3 F1 even with a 60-day window (see `docs/stories.md`).
    pub time: bool,
}

impl Default for GraphConfig {
    fn default() -> Self {
        Self {
            neighbours: 10,
            scale_rank: 3,
            floor: 0.4,
            probe: 20,
            limits: Limits {
                max_posting: 400,
                keep: 100,
            },
            time: false,
        }
    }
}

/// An undirected edge `(a, b, scaled similarity)` with `a < b`.
pub type Edge = (u32, u32, f32);

/// The k-nearest-neighbour graph of the articles in `members` (indexes into `vectors`),
/// with locally scaled similarities (times the time factor of the articles' days).
/// Edges are sorted by `(a, b)` and unique.
pub fn knn(
    vectors: &[Vector],
    members: &[usize],
    days: &[Option<i64>],
    cfg: &GraphConfig,
    time: &PassConfig,
) -> Vec<Edge> {
    let tops: Vec<Vec<(u32, f32)>> = members
        .par_iter()
        .map(|&i| strongest(&vectors[i], cfg.probe))
        .collect();
    // Every feature of every article is indexed; an article probes with its strongest.
    let mut index: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (pos, &i) in members.iter().enumerate() {
        for &(id, _) in &vectors[i] {
            index.entry(id).or_default().push(pos as u32);
        }
    }
    // Each article's nearest neighbours, most similar first (ties by position); articles
    // side by side, each worker with its own counters, results in article order.
    let lists: Vec<Vec<(u32, f32)>> = tops
        .par_iter()
        .enumerate()
        .map_init(Lookup::default, |lookup, (pos, top)| {
            let i = members[pos];
            let mut near: Vec<(u32, f32)> = lookup
                .candidates(top, &index, Some(pos as u32), cfg.limits)
                .into_iter()
                .map(|q| (q, dot(&vectors[i], &vectors[members[q as usize]])))
                .filter(|&(_, s)| s > 0.0)
                .collect();
            near.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            near.truncate(cfg.neighbours.max(cfg.scale_rank));
            near
        })
        .collect();
    let scales: Vec<f32> = lists
        .iter()
        .map(|near| {
            near.get(cfg.scale_rank.saturating_sub(1))
                .map_or(0.0, |&(_, s)| s)
                .max(cfg.floor)
                .max(f32::EPSILON)
        })
        .collect();
    let mut edges: Vec<Edge> = Vec::new();
    for (pos, near) in lists.iter().enumerate() {
        for &(q, s) in near.iter().take(cfg.neighbours) {
            let (a, b) = (pos.min(q as usize), pos.max(q as usize));
            let decay = if cfg.time {
                time_factor(days[members[a]], days[members[b]].map(|d| (d, d)), time)
            } else {
                1.0
            };
            let scaled = s / (scales[a] * scales[b]).sqrt() * decay;
            edges.push((a as u32, b as u32, scaled));
        }
    }
    edges.sort_unstable_by_key(|x| (x.0, x.1));
    edges.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
    edges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories::features::normalise;

    fn unit(w: &[(u32, f32)]) -> Vector {
        let mut v = w.to_vec();
        normalise(&mut v);
        v
    }

    #[test]
    fn nearest_only_scaled_by_the_floor_when_alone() {
        let vectors = vec![
            unit(&[(0, 1.0), (1, 1.0)]),
            unit(&[(0, 1.0), (1, 0.9)]),
            unit(&[(0, 1.0), (2, 1.0)]),
            unit(&[(3, 1.0)]),
        ];
        let cfg = GraphConfig {
            neighbours: 1,
            scale_rank: 1,
            floor: 0.5,
            ..GraphConfig::default()
        };
        let days = vec![None; 4];
        let edges = knn(&vectors, &[0, 1, 2, 3], &days, &cfg, &PassConfig::default());
        // 0 and 1 are each other's nearest; 2's nearest is 1; 3 shares nothing.
        assert_eq!(edges.len(), 2);
        assert_eq!((edges[0].0, edges[0].1), (0, 1));
        assert!((edges[0].2 - 1.0).abs() < 0.01, "{edges:?}");
        assert_eq!((edges[1].0, edges[1].1), (1, 2));
    }
}
