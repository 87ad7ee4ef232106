//! Merging cue sentences that raise the same issue.
//!
//! Terms and stems are ids numbered in the strings' sorted order, so sorted id lists
//! compare, intersect and tie-break exactly as the sorted string sets did.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use crate::text::tokens::{jaccard_ids, jaccard_prefix, shared_ids};

/// Near-duplicate threshold on [`overlap`](crate::text::tokens::overlap): reworded copies of
/// one wire sentence score above.
pub(super) const SAME_SENTENCE: f64 = 0.35;

/// A topic this small is one thing ("The cause is also unresolved"): one shared salient term
/// with a same-class cue is then enough to merge.
const SMALL_TOPIC: usize = 2;

/// Above this many cue sentences, terms and stems already carried by more than
/// [`MAX_POSTINGS`] earlier ones stop proposing candidates (they name what every issue
/// shares, not which issue this is), so merging stays near-linear on thousands of articles.
/// Smaller inputs compare every candidate, exactly as before.
const LARGE: usize = 2000;
const MAX_POSTINGS: usize = 64;

/// A cue sentence with the word sets the merge rule compares.
#[derive(Debug)]
pub(super) struct Item<'a> {
    pub(super) sentence: usize,
    pub(super) doc: usize,
    pub(super) class: &'a str,
    /// Salient content terms, sorted ids.
    pub(super) topic: Vec<u32>,
    /// Stems of every word, sorted ids.
    pub(super) stems: Vec<u32>,
}

/// Whether two cue sentences raise the same issue.
fn related(a: &Item, b: &Item) -> bool {
    let shared = shared_ids(&a.topic, &b.topic);
    let small = a.topic.len().min(b.topic.len()) <= SMALL_TOPIC;
    let same_class = a.class == b.class;
    // The next sentence of the same article with a cue of the same class goes on about the
    // same issue ("...remain outstanding." "We cannot guarantee...").
    let next = a.sentence.abs_diff(b.sentence) == 1 && a.doc == b.doc;
    (next && same_class)
        || shared >= 3
        || (same_class && (shared >= 2 || (shared >= 1 && small)))
        || jaccard_ids(&a.stems, &b.stems) >= SAME_SENTENCE
}

/// The stems of an item any item with Jaccard >= [`SAME_SENTENCE`] must share one of: the
/// rarest `|x| - t|x| + 1` (rounded to the longer side), ties in string order.
fn prefix(it: &Item, df: &[usize]) -> Vec<u32> {
    jaccard_prefix(&it.stems, |s| df[s as usize], SAME_SENTENCE)
}

/// Greedy grouping in order: each item joins the first group (in creation order) holding a
/// related item, else starts one. Only items that can be related are compared: those sharing
/// a topic term, the neighbouring sentence, and those sharing a stem in the prefix that any
/// pair with Jaccard >= [`SAME_SENTENCE`] must share (prefix filtering, Bayardo et al. 2007,
/// with stems ordered rarest first). Up to [`LARGE`] items the result is that of comparing
/// all pairs. `ids` bounds the term and stem ids.
pub(super) fn group(items: &[Item], ids: usize) -> Vec<Vec<usize>> {
    if items.len() > LARGE {
        indexed(items, ids, MAX_POSTINGS)
    } else {
        exhaustive(items, ids)
    }
}

/// How many items carry each stem.
fn stem_counts(items: &[Item], ids: usize) -> Vec<usize> {
    let mut df = vec![0usize; ids];
    for it in items {
        for &s in &it.stems {
            df[s as usize] += 1;
        }
    }
    df
}

/// [`group`] for up to [`LARGE`] items: the candidates are a bit set (the union of one bit
/// set per term and per prefix stem), and the groups are searched in order, so that most
/// items stop at the first group.
fn exhaustive(items: &[Item], ids: usize) -> Vec<Vec<usize>> {
    let df = stem_counts(items, ids);
    let words = items.len().div_ceil(64);
    let mut by_term = vec![0u64; ids * words];
    let mut by_stem = vec![0u64; ids * words];
    let mut by_sentence: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut cands = vec![0u64; words];
    for (k, it) in items.iter().enumerate() {
        let own_prefix = prefix(it, &df);
        // Only earlier items have bits set.
        let used = k.div_ceil(64);
        cands[..used].fill(0);
        let sets = it
            .topic
            .iter()
            .map(|&t| &by_term[t as usize * words..][..used])
            .chain(
                own_prefix
                    .iter()
                    .map(|&s| &by_stem[s as usize * words..][..used]),
            );
        for set in sets {
            cands[..used].iter_mut().zip(set).for_each(|(c, b)| *c |= b);
        }
        for near in [it.sentence.wrapping_sub(1), it.sentence + 1] {
            if let Some(&m) = by_sentence.get(&near) {
                cands[m / 64] |= 1 << (m % 64);
            }
        }
        let is_cand = |m: usize| cands[m / 64] & (1 << (m % 64)) != 0;
        let home = groups
            .iter()
            .position(|g| g.iter().any(|&m| is_cand(m) && related(it, &items[m])));
        match home {
            Some(g) => groups[g].push(k),
            None => groups.push(vec![k]),
        }
        let bit = 1u64 << (k % 64);
        for &t in &it.topic {
            by_term[t as usize * words + k / 64] |= bit;
        }
        for s in own_prefix {
            by_stem[s as usize * words + k / 64] |= bit;
        }
        by_sentence.insert(it.sentence, k);
    }
    groups
}

/// [`group`] with posting lists; terms and stems already carried by more than `cap` earlier
/// items propose no candidates.
fn indexed(items: &[Item], ids: usize, cap: usize) -> Vec<Vec<usize>> {
    let df = stem_counts(items, ids);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: Vec<usize> = Vec::with_capacity(items.len());
    let mut by_term: Vec<Vec<usize>> = vec![Vec::new(); ids];
    let mut by_stem: Vec<Vec<usize>> = vec![Vec::new(); ids];
    let mut by_sentence: HashMap<usize, usize> = HashMap::new();
    // The last item that proposed each earlier item: a candidate is listed once.
    let mut proposed_by = vec![usize::MAX; items.len()];
    let mut cands: Vec<Reverse<(usize, usize)>> = Vec::new();
    for (k, it) in items.iter().enumerate() {
        let own_prefix = prefix(it, &df);
        let postings = it
            .topic
            .iter()
            .map(|&t| &by_term[t as usize])
            .chain(own_prefix.iter().map(|&s| &by_stem[s as usize]))
            .filter(|p| p.len() <= cap);
        let near = [it.sentence.wrapping_sub(1), it.sentence + 1]
            .into_iter()
            .filter_map(|n| by_sentence.get(&n).copied());
        for m in postings.flatten().copied().chain(near) {
            if proposed_by[m] != k {
                proposed_by[m] = k;
                cands.push(Reverse((group_of[m], m)));
            }
        }
        // The first related candidate in (group, item) order; usually one of the first
        // few, so a heap beats sorting them all.
        let mut heap = BinaryHeap::from(std::mem::take(&mut cands));
        let mut home = None;
        while let Some(Reverse((g, m))) = heap.pop() {
            if related(it, &items[m]) {
                home = Some(g);
                break;
            }
        }
        cands = heap.into_vec();
        cands.clear();
        let g = match home {
            Some(g) => g,
            None => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        groups[g].push(k);
        group_of.push(g);
        for &t in &it.topic {
            by_term[t as usize].push(k);
        }
        for s in own_prefix {
            by_stem[s as usize].push(k);
        }
        by_sentence.insert(it.sentence, k);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(sentence: usize, class: &'static str, topic: &[u32], stems: &[u32]) -> Item<'static> {
        Item {
            sentence,
            doc: 0,
            class,
            topic: topic.to_vec(),
            stems: stems.to_vec(),
        }
    }

    /// Every pair compared, first related group wins: what the indexed grouping must give.
    fn all_pairs(items: &[Item]) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (k, it) in items.iter().enumerate() {
            match groups
                .iter()
                .position(|g| g.iter().any(|&m| related(it, &items[m])))
            {
                Some(g) => groups[g].push(k),
                None => groups.push(vec![k]),
            }
        }
        groups
    }

    #[test]
    fn indexed_grouping_is_all_pairs_grouping() {
        let items = [
            item(0, "a", &[1, 2, 3], &[1, 2, 3, 10, 11]),
            item(5, "b", &[4], &[4, 12, 13]),
            item(6, "b", &[], &[14, 15]),
            item(9, "a", &[1, 2], &[1, 2, 16]),
            item(12, "b", &[5, 6], &[10, 11, 17, 18]),
            item(20, "a", &[7], &[7, 19]),
            item(22, "a", &[7, 8], &[8, 20]),
            item(30, "b", &[], &[1, 2, 3, 10, 11, 21]),
        ];
        let want = all_pairs(&items);
        assert_eq!(exhaustive(&items, 30), want);
        assert_eq!(indexed(&items, 30, usize::MAX), want);
        // 70 items: candidate bit sets span two words.
        let many: Vec<Item> = (0..70)
            .map(|k| {
                let t = (k % 7) as u32;
                let class = if k % 2 == 0 { "a" } else { "b" };
                item(
                    3 * k,
                    class,
                    &[t, 8 + (k % 5) as u32],
                    &[t, 20 + (k % 11) as u32],
                )
            })
            .collect();
        let want = all_pairs(&many);
        assert_eq!(exhaustive(&many, 40), want);
        assert_eq!(indexed(&many, 40, usize::MAX), want);
    }
}
