//! Local scaling of similarity (Zelnik-Manor & Perona 2004): how close an article must be
//! to join a story depends on how crowded its neighbourhood is. Two quakes reported the
//! same week share so many words that every article about either is close to every other;
//! a story told by three outlets in different words is a sparse neighbourhood. Each
//! article's scale `σ` is its cosine with its k-th nearest neighbour (floored, so an
//! article with no close neighbour is not inflated into one), and a similarity is divided
//! by `sqrt(σ_a σ_b)`.
//!
//! Neighbours come from an inverted index over each article's strongest features
//! ([`postings`](super::postings)), so the pre-pass is near-linear in articles.

use rustc_hash::FxHashMap;

use super::features::{Vector, dot};
use super::postings::{Limits, candidates};

/// Settings of the local scale.
#[derive(Debug, Clone, PartialEq)]
pub struct DensityConfig {
    /// Which neighbour sets the scale (1 = nearest).
    pub k: usize,
    /// Smallest scale.
    pub floor: f32,
    /// Strongest features of an article used to find neighbours.
    pub probe: usize,
    /// Bounds of the neighbour lookup.
    pub limits: Limits,
}

impl Default for DensityConfig {
    fn default() -> Self {
        Self {
            k: 3,
            floor: 0.4,
            probe: 12,
            limits: Limits::default(),
        }
    }
}

/// The strongest `n` features of a vector, strongest first (ties by id).
pub fn strongest(v: &[(u32, f32)], n: usize) -> Vec<(u32, f32)> {
    let mut top = v.to_vec();
    top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(n);
    top
}

/// Each article's scale `σ`.
pub fn scales(vectors: &[Vector], cfg: &DensityConfig) -> Vec<f32> {
    let tops: Vec<Vec<(u32, f32)>> = vectors.iter().map(|v| strongest(v, cfg.probe)).collect();
    let mut index: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (i, top) in tops.iter().enumerate() {
        for &(id, _) in top {
            index.entry(id).or_default().push(i as u32);
        }
    }
    tops.iter()
        .enumerate()
        .map(|(i, top)| {
            let near = candidates(top, &index, Some(i as u32), cfg.limits);
            let mut sims: Vec<f32> = near
                .iter()
                .map(|&j| dot(&vectors[i], &vectors[j as usize]))
                .collect();
            sims.sort_unstable_by(|a, b| b.total_cmp(a));
            let kth = sims.get(cfg.k.saturating_sub(1)).copied().unwrap_or(0.0);
            kth.max(cfg.floor)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_is_the_kth_neighbour_floored() {
        let v = |w: &[(u32, f32)]| {
            let mut v = w.to_vec();
            super::super::features::normalise(&mut v);
            v
        };
        let vectors = vec![
            v(&[(0, 1.0), (1, 1.0)]),
            v(&[(0, 1.0), (1, 0.9)]),
            v(&[(0, 1.0), (2, 1.0)]),
            v(&[(3, 1.0)]),
        ];
        let cfg = DensityConfig {
            k: 1,
            floor: 0.2,
            ..DensityConfig::default()
        };
        let s = scales(&vectors, &cfg);
        assert!(s[0] > 0.99 && s[1] > 0.99);
        assert!((s[2] - 0.525).abs() < 0.01, "nearest of 2 is 1: {}", s[2]);
        assert_eq!(s[3], 0.2);
    }
}
