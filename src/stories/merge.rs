//! The merge pass: a single pass splits a story when its first articles happen to share
//! little (a story told from two sides before the reports converge). Clusters whose
//! centroids are close are merged, most similar pair first (centroid linkage, as in the
//! cluster-merging step of Yang, Pierce & Carbonell 1998), in rounds until no pair is left.
//!
//! Candidate pairs come from an inverted index over each centroid's strongest features, so
//! a round costs about the number of clusters times the posting lengths, not its square.

use rustc_hash::FxHashMap;

use super::density::strongest;
use super::features::dot;
use super::postings::candidates;
use super::single_pass::{Cluster, PassConfig, time_factor};

/// Thresholds of the merge pass.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeConfig {
    /// Centroid cosine needed to merge two clusters.
    pub merge: f32,
    /// Strongest features of a centroid used to find candidate partners.
    pub probe: usize,
    /// Rounds at most.
    pub rounds: usize,
}

impl Default for MergeConfig {
    fn default() -> Self {
        Self {
            merge: 0.8,
            probe: 20,
            rounds: 8,
        }
    }
}

/// Cosine between two clusters' centroids, with the time factor of their spans.
fn centroid_cosine(a: &Cluster, b: &Cluster, pass: &PassConfig) -> f32 {
    if a.norm == 0.0 || b.norm == 0.0 {
        return 0.0;
    }
    let time = match b.days {
        Some((first, last)) => {
            time_factor(Some(first), a.days, pass).max(time_factor(Some(last), a.days, pass))
        }
        None => 1.0,
    };
    if pass.average {
        // Sums of v / sqrt(σ): their dot over both sizes is the mean scaled cosine.
        let pairs = (a.members.len() * b.members.len()).max(1) as f32;
        return dot(&a.sum, &b.sum) / pairs * time;
    }
    let local = (a.scale() * b.scale()).sqrt().max(f32::EPSILON);
    dot(&a.sum, &b.sum) / (a.norm * b.norm) / local * time
}

/// Merge close clusters; the result keeps the order of each cluster's first member.
pub fn merge(mut clusters: Vec<Cluster>, cfg: &MergeConfig, pass: &PassConfig) -> Vec<Cluster> {
    for _ in 0..cfg.rounds {
        let pairs = close_pairs(&clusters, cfg, pass);
        if pairs.is_empty() {
            break;
        }
        // Greedy, most similar first; a cluster merges once per round, so every merge in
        // a round was scored against the centroids it actually joins.
        let mut used = vec![false; clusters.len()];
        let mut into: Vec<Option<usize>> = vec![None; clusters.len()];
        for (_, a, b) in pairs {
            if used[a] || used[b] {
                continue;
            }
            used[a] = true;
            used[b] = true;
            into[b] = Some(a);
        }
        for b in 0..clusters.len() {
            if let Some(a) = into[b] {
                let taken = std::mem::take(&mut clusters[b]);
                let target = &mut clusters[a];
                target.members.extend(taken.members);
                target.scale_sum += taken.scale_sum;
                target.absorb(&taken.sum, taken.days, pass.centroid);
            }
        }
        clusters.retain(|c| !c.members.is_empty());
    }
    clusters
}

/// Pairs of clusters `(similarity, a, b)` with `a < b` above the merge threshold, most
/// similar first (ties by index).
fn close_pairs(
    clusters: &[Cluster],
    cfg: &MergeConfig,
    pass: &PassConfig,
) -> Vec<(f32, usize, usize)> {
    let mut index: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    let tops: Vec<_> = clusters
        .iter()
        .map(|c| strongest(&c.sum, cfg.probe))
        .collect();
    for (i, top) in tops.iter().enumerate() {
        for &(id, _) in top {
            index.entry(id).or_default().push(i as u32);
        }
    }
    let mut pairs = Vec::new();
    for (a, top) in tops.iter().enumerate() {
        let partners = candidates(top, &index, Some(a as u32), pass.limits);
        for b in partners.into_iter().map(|b| b as usize).filter(|&b| b > a) {
            let sim = centroid_cosine(&clusters[a], &clusters[b], pass);
            if sim >= cfg.merge {
                pairs.push((sim, a, b));
            }
        }
    }
    pairs.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    pairs
}
