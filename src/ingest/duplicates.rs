//! Duplicates: the same article saved twice, or one wire story run by several outlets.
//!
//! The method is near-duplicate detection over word shingles (Broder 1997). Each article's
//! body (headline excluded: syndicating outlets rewrite headlines) becomes the set of its
//! 5-word shingles, lowercased, each hashed to 64 bits with xxh3. Two articles are copies
//! when the Jaccard similarity of their sets is at least [`NEAR`], or when at least
//! [`CONTAINED`] of the smaller set is in the larger one (a story cut short or padded with
//! a local paragraph). Similarities are exact, not MinHash estimates: the shared shingles of
//! every pair are counted through an inverted index, so the cost follows the pairs that
//! actually share text. Articles with identical sets are grouped first, and a shingle found
//! in more than [`COMMON`] articles (boilerplate) is not counted.
//!
//! Copies form groups (connected components); the original of a group is its earliest
//! dated article, then the first in walk order. Every other member gets `duplicate_of`, so
//! ranking counts the group once while every outlet is still cited.

use std::collections::BTreeMap;

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use super::{BlockKind, Document};
use crate::text::tokens::shared_ids;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Jaccard similarity of shingle sets from which two articles are copies.
pub const NEAR: f64 = 0.5;
/// Share of the smaller article's shingles found in the larger one from which it is a copy.
pub const CONTAINED: f64 = 0.9;
/// Containment only counts for articles of at least this many shingles.
const MIN_CONTAINED: usize = 20;
/// A shingle in more articles than this is boilerplate and not counted.
pub const COMMON: usize = 200;

/// Mark copies in `docs` (indices are positions in the slice): `duplicate_of` is the index
/// of the group's original, `None` for originals and unique articles.
pub fn mark(docs: &mut [Document]) {
    let sets: Vec<Vec<u64>> = docs.par_iter().map(shingles).collect();
    let mut groups = UnionFind::new(docs.len());
    // Identical sets first: the same file saved twice costs nothing more.
    let mut first_with: BTreeMap<&[u64], usize> = BTreeMap::new();
    let mut reps = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        if set.is_empty() {
            continue;
        }
        match first_with.get(set.as_slice()) {
            Some(&j) => groups.union(i, j),
            None => {
                first_with.insert(set, i);
                reps.push(i);
            }
        }
    }
    for (a, b) in copy_pairs(&sets, &reps) {
        groups.union(a, b);
    }
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..docs.len() {
        members.entry(groups.find(i)).or_default().push(i);
    }
    for group in members.values().filter(|g| g.len() > 1) {
        let original = group
            .iter()
            .copied()
            .min_by(|&a, &b| date_key(&docs[a]).cmp(&date_key(&docs[b])).then(a.cmp(&b)));
        for &i in group {
            docs[i].duplicate_of = original.filter(|&o| o != i);
        }
    }
}

/// Whether two articles with `a` and `b` shingles, `shared` in common, are copies.
pub fn is_copy(a: usize, b: usize, shared: usize) -> bool {
    let union = a + b - shared;
    let smaller = a.min(b);
    (union > 0 && shared as f64 >= NEAR * union as f64)
        || (smaller >= MIN_CONTAINED && shared as f64 >= CONTAINED * smaller as f64)
}

/// The sorted, deduplicated shingle hashes of a document's body.
pub fn shingles(doc: &Document) -> Vec<u64> {
    // The lowercased words joined by single spaces, and where each word starts: a shingle
    // is then a slice of this one buffer (the same bytes as joining its words).
    let mut joined = String::new();
    let mut starts: Vec<usize> = Vec::new();
    for block in doc.blocks.iter().filter(|b| b.kind != BlockKind::Headline) {
        for word in doc
            .text(&block.span)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !starts.is_empty() {
                joined.push(' ');
            }
            starts.push(joined.len());
            if word.is_ascii() {
                joined.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                joined.push_str(&word.to_lowercase());
            }
        }
    }
    if starts.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<u64> = if starts.len() < SHINGLE {
        vec![xxh3_64(joined.as_bytes())]
    } else {
        (0..=starts.len() - SHINGLE)
            .map(|i| {
                // The shingle ends before the space that precedes the word after it.
                let end = starts.get(i + SHINGLE).map_or(joined.len(), |&s| s - 1);
                xxh3_64(&joined.as_bytes()[starts[i]..end])
            })
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// The pairs of `reps` that are copies ([`is_copy`]), smaller index first.
///
/// Shared shingles are counted exactly, but only for candidate pairs found by prefix
/// filtering (Chaudhuri et al. 2006; Bayardo et al. 2007). A copy shares at least two thirds
/// of the smaller article's shingles (Jaccard 0.5 needs `3 shared >= a + b`; containment
/// needs 0.9 of the smaller), so if it shares `t` or more of article `a`'s countable
/// shingles, one of them is among any `countable - t + 1` of them. Each article, as the
/// smaller of a pair, probes only that many: its shingles no other article holds first (they
/// lead nowhere), then the rarest shared ones. The work per article is bounded by its rare
/// shingles instead of growing with every article that shares a common phrase.
///
/// The index is a sorted array of `(shingle, document)` pairs whose runs are the postings
/// (no map of millions of small lists); a shingle in more than [`COMMON`] articles is not
/// counted.
fn copy_pairs(sets: &[Vec<u64>], reps: &[usize]) -> Vec<(usize, usize)> {
    // Sized once: grown by doubling, the array (96 MB at 10,000 articles) was copied and
    // its fresh pages cleared again at every step, on one core.
    let total = reps.iter().map(|&d| sets[d].len()).sum();
    let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(total);
    pairs.extend(
        reps.iter()
            .flat_map(|&d| sets[d].iter().map(move |&h| (h, d as u32))),
    );
    pairs.par_sort_unstable();
    // Postings of shingles two or more articles share, each article's list of them (in run
    // order, so sorted), and how many of its shingles count at all.
    let mut runs: Vec<&[(u64, u32)]> = Vec::new();
    let mut member_of: Vec<Vec<u32>> = vec![Vec::new(); sets.len()];
    let mut countable = vec![0usize; sets.len()];
    for run in pairs.chunk_by(|x, y| x.0 == y.0) {
        if run.len() > COMMON {
            continue;
        }
        for &(_, d) in run {
            countable[d as usize] += 1;
        }
        if run.len() < 2 {
            continue;
        }
        let id = runs.len() as u32;
        runs.push(run);
        for &(_, d) in run {
            member_of[d as usize].push(id);
        }
    }
    let key = |d: usize| (sets[d].len(), d);
    let found: Vec<Vec<(usize, usize)>> = reps
        .par_iter()
        .map(|&a| {
            let shared = &member_of[a];
            // The fewest countable shingles a copy with a larger article shares with `a`.
            let t = (2 * sets[a].len() / 3).max(1);
            let Some(probe) = (countable[a] + 1).checked_sub(t) else {
                return Vec::new();
            };
            let unique = countable[a] - shared.len();
            let mut rarest: Vec<u32> = shared.clone();
            rarest.sort_by_key(|&r| (runs[r as usize].len(), r));
            rarest.truncate(probe.saturating_sub(unique));
            let mut candidates: Vec<usize> = rarest
                .iter()
                .flat_map(|&r| runs[r as usize].iter().map(|&(_, b)| b as usize))
                .filter(|&b| key(b) > key(a))
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            candidates
                .into_iter()
                .filter(|&b| {
                    let n = shared_ids(shared, &member_of[b]);
                    is_copy(sets[a].len(), sets[b].len(), n)
                })
                .map(|b| (a.min(b), a.max(b)))
                .collect()
        })
        .collect();
    found.concat()
}

/// Dated articles first, earliest first.
fn date_key(doc: &Document) -> (bool, Option<&str>) {
    (doc.meta.date.is_none(), doc.meta.date.as_deref())
}

/// Disjoint sets over `0..n`, with path halving.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller index is the root, so roots are stable and deterministic.
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exhaustive reference: every pair's shared count, then [`is_copy`].
    fn all_copy_pairs(sets: &[Vec<u64>], reps: &[usize]) -> Vec<(usize, usize)> {
        let mut postings: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        for &d in reps {
            for &h in &sets[d] {
                postings.entry(h).or_default().push(d);
            }
        }
        let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for list in postings.values().filter(|l| l.len() <= COMMON) {
            for (k, &a) in list.iter().enumerate() {
                for &b in &list[k + 1..] {
                    *shared.entry((a, b)).or_default() += 1;
                }
            }
        }
        shared
            .into_iter()
            .filter(|&((a, b), n)| is_copy(sets[a].len(), sets[b].len(), n))
            .map(|(pair, _)| pair)
            .collect()
    }

    #[test]
    fn prefix_filtering_finds_exactly_the_copies_of_all_pairs() {
        // Articles as shingle sets drawn from stories: copies, trimmed copies, padded copies
        // and rewrites of a few shared sentences, plus boilerplate in many articles.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut copies = 0;
        for round in 0..40 {
            let stories = 1 + next(6);
            let mut sets: Vec<Vec<u64>> = Vec::new();
            for _ in 0..(2 + next(60)) {
                let story = next(stories);
                let len = 1 + next(if round % 2 == 0 { 40 } else { 300 });
                let keep = 50 + next(51);
                let mut set: Vec<u64> = Vec::new();
                for i in 0..len {
                    if next(100) < keep {
                        set.push(story * 10_000 + i);
                    }
                }
                for _ in 0..next(30) {
                    set.push(1_000_000 + next(1_000_000));
                }
                for i in 0..next(3) {
                    set.push(5_000_000 + i);
                }
                set.sort_unstable();
                set.dedup();
                sets.push(set);
            }
            let reps: Vec<usize> = (0..sets.len()).filter(|&d| !sets[d].is_empty()).collect();
            let mut fast = copy_pairs(&sets, &reps);
            fast.sort_unstable();
            assert_eq!(fast, all_copy_pairs(&sets, &reps), "round {round}");
            copies += fast.len();
        }
        // The rounds hold copies to find, not only unrelated articles.
        assert!(copies > 200, "{copies}");
    }
    use crate::ingest::from_plain;

    const WIRE: &str = "A floodgate at the Marrow reservoir failed early on Thursday, forcing \
the evacuation of about 12,000 residents from villages along the Vell river, officials said.\n\
The regional water authority said the gate's hydraulic arm snapped shortly after 4 a.m. and \
that water was flowing through the spillway at twice its normal rate.\n\
Engineers were trying to lower the water level by opening two other gates, a spokesman said.\n";

    fn docs(texts: &[&str]) -> Vec<Document> {
        let mut docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| from_plain(i, &format!("Outlet {i}"), t))
            .collect();
        mark(&mut docs);
        docs
    }

    #[test]
    fn exact_and_near_copies_point_to_the_original() {
        let edited = WIRE.replace(
            "a spokesman said",
            "an authority spokesman told our reporter",
        );
        let other = "Farmers downstream said their fields were under water on Friday morning \
and that the harvest would be lost for the second year running.\n";
        let d = docs(&[other, WIRE, &edited, WIRE]);
        let dup: Vec<_> = d.iter().map(|d| d.duplicate_of).collect();
        assert_eq!(dup, [None, None, Some(1), Some(1)]);
    }

    #[test]
    fn a_trimmed_copy_is_contained_and_the_earliest_dated_is_the_original() {
        let long = format!(
            "{WIRE}Farmers downstream said their fields were under water on Friday morning.\n\
The authority has not said what caused the arm to snap, and councillors demanded an inquiry.\n\
Opposition leaders said the reservoir had not been inspected since the spring of last year.\n"
        );
        let mut d: Vec<Document> = [long.as_str(), WIRE]
            .iter()
            .enumerate()
            .map(|(i, t)| from_plain(i, "X", t))
            .collect();
        d[0].meta.date = Some("2025-06-13".into());
        d[1].meta.date = Some("2025-06-12".into());
        mark(&mut d);
        assert_eq!(d[0].duplicate_of, Some(1));
        assert_eq!(d[1].duplicate_of, None);
    }

    #[test]
    fn different_articles_on_one_story_are_not_copies() {
        let other = "About 12,000 people left villages along the Vell river on Thursday after \
a floodgate at the Marrow reservoir failed, and the governor said the order would stay in \
place until Saturday, when engineers finish inspecting the spillway.\n";
        let d = docs(&[WIRE, other, "Short.\n", "Short.\n"]);
        assert_eq!(d[1].duplicate_of, None);
        assert_eq!(
            d[3].duplicate_of,
            Some(2),
            "tiny identical texts are copies"
        );
    }

    #[test]
    fn thresholds() {
        assert!(is_copy(100, 100, 67));
        assert!(!is_copy(100, 100, 60));
        assert!(is_copy(30, 300, 28));
        assert!(!is_copy(10, 300, 10), "too short for containment alone");
    }

    #[test]
    fn a_copy_counts_once_in_concept_weights() {
        use crate::rank::select::{Budget, SelectConfig};
        use crate::text::Corpus;
        // The wire story (three copies) and a fact two independent outlets share.
        let wire = "The floodgate at the Marrow reservoir failed early on Thursday morning.\n\
    Engineers opened two other gates to lower the level of the reservoir water.\n";
        let ledger =
            "Farmers below the dam said their flooded fields would yield nothing this year.\n";
        let post = "Local farmers said their flooded fields would yield nothing this year, and asked \
    for state aid.\n";
        let mk = |dups: bool| {
            let mut docs = vec![
                from_plain(0, "Wire", wire),
                from_plain(1, "Copy A", wire),
                from_plain(2, "Copy B", wire),
                from_plain(3, "Ledger", ledger),
                from_plain(4, "Post", post),
            ];
            if dups {
                mark(&mut docs);
            }
            Corpus::new(docs)
        };
        let cfg = SelectConfig {
            budget: Budget::Sentences(1),
            centrality_weight: 0.0,
            salience_weight: 0.0,
            spread: false,
        };
        let first = |corpus: &Corpus| {
            let points = crate::summarize(corpus, &cfg);
            corpus
                .text(&corpus.sentences[points[0].sentences[0]])
                .to_string()
        };
        let marked = mk(true);
        assert_eq!(marked.docs[2].duplicate_of, Some(0));
        let unmarked = first(&mk(false));
        // Unmarked, the copies' sentences are copies of the first's (`rank::concepts`):
        // they count once all the same.
        assert!(
            unmarked.to_lowercase().contains("farmers"),
            "copied sentences count once: {unmarked}"
        );
        assert_eq!(marked.docs[4].duplicate_of, None);
        let chosen = first(&marked);
        assert!(
            chosen.to_lowercase().contains("farmers"),
            "as one document they do not: {chosen}"
        );
    }
}
