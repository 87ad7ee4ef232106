//! Candidate lookup in an inverted index with bounded work: the classic "probe with the
//! strongest terms, score only what they reach" of search engines. A posting longer than
//! `max_posting` is skipped (a feature that common finds everything and separates nothing),
//! and of the items reached only the `keep` that share the most probed features are
//! returned, so the exact similarities computed per query are bounded whatever the folder.

use rustc_hash::FxHashMap;

/// Limits of one lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Postings longer than this are skipped.
    pub max_posting: usize,
    /// Candidates returned at most.
    pub keep: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_posting: 400,
            keep: 64,
        }
    }
}

/// Items reached by the probe features, most shared features first (ties by item),
/// without `skip`, at most `limits.keep` of them, returned in ascending order.
pub fn candidates(
    probe: &[(u32, f32)],
    index: &FxHashMap<u32, Vec<u32>>,
    skip: Option<u32>,
    limits: Limits,
) -> Vec<u32> {
    let mut reached: Vec<u32> = probe
        .iter()
        .filter_map(|(id, _)| index.get(id))
        .filter(|list| list.len() <= limits.max_posting)
        .flatten()
        .copied()
        .filter(|&c| Some(c) != skip)
        .collect();
    reached.sort_unstable();
    let mut counted: Vec<(u32, u32)> = Vec::new();
    for c in reached {
        match counted.last_mut() {
            Some((last, n)) if *last == c => *n += 1,
            _ => counted.push((c, 1)),
        }
    }
    if counted.len() > limits.keep {
        counted.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counted.truncate(limits.keep);
        counted.sort_unstable();
    }
    counted.into_iter().map(|(c, _)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_shared_first_and_long_postings_skipped() {
        let mut index: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        index.insert(1, vec![10, 11, 12]);
        index.insert(2, vec![11, 12]);
        index.insert(3, vec![12]);
        index.insert(4, (100..200).collect());
        let probe = [(1, 0.5), (2, 0.4), (3, 0.3), (4, 0.2)];
        let limits = Limits {
            max_posting: 50,
            keep: 2,
        };
        assert_eq!(candidates(&probe, &index, None, limits), vec![11, 12]);
        assert_eq!(candidates(&probe, &index, Some(12), limits), vec![10, 11]);
    }
}
