//! Single-pass clustering against story centroids (the on-line new-event detection of
//! Allan, Papka & Lavrenko 1998 and the TDT systems after it): articles arrive in time order;
//! each is compared with the centroids of the stories so far and joins the most similar one
//! when the cosine clears a threshold, else it starts a new story.
//!
//! An inverted index from feature to the stories whose centroid carries it gives the
//! candidates: only stories that share one of the article's strongest features are scored,
//! and centroids are cut to their strongest features, so the work per article is bounded
//! and the whole pass is near-linear in articles.

use rustc_hash::{FxHashMap, FxHashSet};

use super::density::strongest;
use super::features::{Vector, dot};
use super::postings::{Limits, candidates};

/// Thresholds of the pass.
#[derive(Debug, Clone, PartialEq)]
pub struct PassConfig {
    /// Cosine between an article and a story centroid needed to join the story.
    pub join: f32,
    /// Features of an article used to look up candidate stories.
    pub probe: usize,
    /// Bounds of the candidate lookup.
    pub limits: Limits,
    /// Compare by average link (the mean scaled cosine with the story's members) instead of
    /// the cosine with the story's centroid.
    pub average: bool,
    /// Features kept in a centroid.
    pub centroid: usize,
    /// Days two articles may be apart with no penalty.
    pub window_days: f32,
    /// Beyond the window, similarity decays as `exp(-extra_days / decay_days)`.
    pub decay_days: f32,
}

impl Default for PassConfig {
    fn default() -> Self {
        Self {
            join: 0.5,
            probe: 12,
            limits: Limits::default(),
            average: false,
            centroid: 300,
            window_days: 3.0,
            decay_days: 30.0,
        }
    }
}

/// A story being built: its members, the sum of their vectors, and its dates.
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    /// Member article indexes, in arrival order.
    pub members: Vec<usize>,
    /// Sum of the members' unit vectors, cut to the strongest features, id-sorted.
    pub sum: Vector,
    /// Length of `sum`.
    pub norm: f32,
    /// First and last day number of dated members.
    pub days: Option<(i64, i64)>,
    /// Sum of the members' local scales (see [`density`](super::density)).
    pub scale_sum: f32,
}

impl Cluster {
    /// The members' mean local scale.
    pub fn scale(&self) -> f32 {
        if self.members.is_empty() {
            1.0
        } else {
            self.scale_sum / self.members.len() as f32
        }
    }

    /// Cosine between a unit vector and this cluster's centroid.
    pub fn cosine(&self, v: &[(u32, f32)]) -> f32 {
        if self.norm > 0.0 {
            dot(v, &self.sum) / self.norm
        } else {
            0.0
        }
    }

    /// Add a vector to the sum (and dates), keeping the `keep` strongest features.
    pub fn absorb(&mut self, v: &[(u32, f32)], day: Option<(i64, i64)>, keep: usize) {
        self.sum = add(&self.sum, v);
        if self.sum.len() > keep {
            // Strongest first, ties by id: deterministic.
            self.sum
                .sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            self.sum.truncate(keep);
            self.sum.sort_unstable_by_key(|&(id, _)| id);
        }
        self.norm = self.sum.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        self.days = match (self.days, day) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (x, y) => x.or(y),
        };
    }
}

/// `a + b` for id-sorted sparse vectors.
fn add(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vector {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let take_a = j >= b.len() || (i < a.len() && a[i].0 < b[j].0);
        let take_b = i >= a.len() || (j < b.len() && b[j].0 < a[i].0);
        if take_a {
            out.push(a[i]);
            i += 1;
        } else if take_b {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    out
}

/// The time factor for an article on `day` against a story spanning `days`.
pub fn time_factor(day: Option<i64>, days: Option<(i64, i64)>, cfg: &PassConfig) -> f32 {
    let (Some(d), Some((first, last))) = (day, days) else {
        return 1.0;
    };
    let gap = if d < first {
        first - d
    } else {
        (d - last).max(0)
    };
    let extra = gap as f32 - cfg.window_days;
    if extra <= 0.0 {
        1.0
    } else {
        (-extra / cfg.decay_days.max(1.0)).exp()
    }
}

/// The on-line pass: feed articles with [`SinglePass::add`], take the clusters at the end.
#[derive(Debug, Default)]
pub struct SinglePass {
    cfg: PassConfig,
    clusters: Vec<Cluster>,
    /// Feature id -> clusters with a member that carries it (no repeats).
    index: FxHashMap<u32, Vec<u32>>,
    /// (feature, cluster) pairs already in the index.
    indexed: FxHashSet<(u32, u32)>,
}

impl SinglePass {
    /// An empty pass.
    pub fn new(cfg: PassConfig) -> Self {
        Self {
            cfg,
            ..Self::default()
        }
    }

    /// The cluster an article would join and its similarity, if any clears the threshold.
    pub fn best(&self, v: &[(u32, f32)], day: Option<i64>, scale: f32) -> Option<(usize, f32)> {
        let probe = strongest(v, self.cfg.probe);
        candidates(&probe, &self.index, None, self.cfg.limits)
            .into_iter()
            .map(|c| {
                let cluster = &self.clusters[c as usize];
                let sim = if self.cfg.average {
                    // The sum holds v_m / sqrt(σ_m): its dot with v / sqrt(σ) over the
                    // member count is the mean scaled cosine with the members.
                    dot(v, &cluster.sum) / (scale.sqrt() * cluster.members.len().max(1) as f32)
                } else {
                    let local = (scale * cluster.scale()).sqrt().max(f32::EPSILON);
                    cluster.cosine(v) / local
                };
                let sim = sim * time_factor(day, cluster.days, &self.cfg);
                (c as usize, sim)
            })
            .filter(|&(_, sim)| sim >= self.cfg.join)
            // Highest similarity; ties go to the older story.
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }

    /// Assign article `doc` (vector `v`, day number `day`, local scale `scale`): join the
    /// best story or start one. Returns the cluster index.
    pub fn add(&mut self, doc: usize, v: &[(u32, f32)], day: Option<i64>, scale: f32) -> usize {
        let c = match self.best(v, day, scale) {
            Some((c, _)) => c,
            None => {
                self.clusters.push(Cluster::default());
                self.clusters.len() - 1
            }
        };
        let cluster = &mut self.clusters[c];
        cluster.members.push(doc);
        cluster.scale_sum += scale;
        if self.cfg.average {
            let root = scale.sqrt().max(f32::EPSILON);
            let scaled: Vector = v.iter().map(|&(id, w)| (id, w / root)).collect();
            cluster.absorb(&scaled, day.map(|d| (d, d)), self.cfg.centroid);
        } else {
            cluster.absorb(v, day.map(|d| (d, d)), self.cfg.centroid);
        }
        for &(id, _) in v {
            if self.indexed.insert((id, c as u32)) {
                self.index.entry(id).or_default().push(c as u32);
            }
        }
        c
    }

    /// The clusters built so far, in order of creation.
    pub fn into_clusters(self) -> Vec<Cluster> {
        self.clusters
    }
}
