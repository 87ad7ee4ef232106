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

/// Reusable counters for [`Lookup::candidates`]: the same lookup as [`candidates`] over
/// items numbered `0..n`, counting in an array instead of sorting what the postings reach,
/// so a lookup costs the length of the postings read.
#[derive(Debug, Default)]
pub struct Lookup {
    counts: Vec<u32>,
    touched: Vec<u32>,
}

impl Lookup {
    /// Items reached by the probe features, as [`candidates`] returns them.
    pub fn candidates(
        &mut self,
        probe: &[(u32, f32)],
        index: &FxHashMap<u32, Vec<u32>>,
        skip: Option<u32>,
        limits: Limits,
    ) -> Vec<u32> {
        for list in probe.iter().filter_map(|(id, _)| index.get(id)) {
            if list.len() > limits.max_posting {
                continue;
            }
            for &c in list {
                if Some(c) == skip {
                    continue;
                }
                let slot = c as usize;
                if slot >= self.counts.len() {
                    self.counts.resize(slot + 1, 0);
                }
                if self.counts[slot] == 0 {
                    self.touched.push(c);
                }
                self.counts[slot] += 1;
            }
        }
        let mut counted: Vec<(u32, u32)> = self
            .touched
            .drain(..)
            .map(|c| (c, std::mem::take(&mut self.counts[c as usize])))
            .collect();
        if counted.len() > limits.keep {
            counted.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            counted.truncate(limits.keep);
        }
        let mut out: Vec<u32> = counted.into_iter().map(|(c, _)| c).collect();
        out.sort_unstable();
        out
    }
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
        let mut lookup = Lookup::default();
        for skip in [None, Some(12), Some(11)] {
            assert_eq!(
                lookup.candidates(&probe, &index, skip, limits),
                candidates(&probe, &index, skip, limits)
            );
        }
    }
}
