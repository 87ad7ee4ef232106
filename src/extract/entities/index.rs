//! Lookup tables for attaching single words and headline mentions to clusters, kept up to
//! date as members are added, so attaching costs a map lookup instead of a scan of every
//! cluster's member words (which grew quadratically with the corpus).

use std::collections::{BTreeSet, HashMap};

use super::ActorKind;
use super::resolve::{Cluster, Found, acronym};

/// The first cluster (lowest index) answering each kind of lookup that `attach` makes.
#[derive(Debug, Default)]
pub(crate) struct ClusterIndex {
    /// Canonical name -> first cluster with it.
    canonical: HashMap<String, usize>,
    /// Member words (joined) -> clusters without a canonical name that have such a member.
    words: HashMap<String, BTreeSet<usize>>,
    /// Acronym or first word of a multi-word member -> organisation clusters.
    org_keys: HashMap<String, BTreeSet<usize>>,
}

impl ClusterIndex {
    /// Index every cluster as it stands.
    pub(crate) fn new(clusters: &[Cluster], found: &[Found]) -> Self {
        let mut index = ClusterIndex::default();
        for (at, c) in clusters.iter().enumerate() {
            if let Some(name) = &c.canonical {
                index.canonical.entry(name.clone()).or_insert(at);
            }
            for &i in &c.members {
                index.add(clusters, found, at, i);
            }
        }
        index
    }

    /// Record that mention `i` joined cluster `at` (call after pushing it).
    pub(crate) fn add(&mut self, clusters: &[Cluster], found: &[Found], at: usize, i: usize) {
        let c = &clusters[at];
        let key = found[i].det.words.join(" ");
        if c.kind == ActorKind::Organisation {
            let ws: Vec<String> = key.split(' ').map(str::to_string).collect();
            if ws.len() > 1 {
                self.org_keys.entry(acronym(&ws)).or_default().insert(at);
                self.org_keys.entry(ws[0].clone()).or_default().insert(at);
            }
        }
        if c.canonical.is_none() {
            self.words.entry(key).or_default().insert(at);
        }
    }

    /// First cluster with this canonical name.
    pub(crate) fn by_canonical(&self, name: &str) -> Option<usize> {
        self.canonical.get(name).copied()
    }

    /// First cluster without a canonical name that has a member with these words.
    pub(crate) fn by_words(&self, key: &str) -> Option<usize> {
        self.words.get(key).and_then(|s| s.first().copied())
    }

    /// First organisation with a multi-word member this word abbreviates or begins.
    pub(crate) fn by_org_key(&self, key: &str) -> Option<usize> {
        self.org_keys.get(key).and_then(|s| s.first().copied())
    }
}
