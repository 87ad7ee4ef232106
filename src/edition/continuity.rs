//! Continuity: which of today's stories are yesterday's, and their stable slugs.
//!
//! A story of today is matched to a story of a previous edition (its manifest's
//! [`StoryRecord`]s) when they share articles (the same file, on a rebuild of the same day) or
//! when their briefs tell the same event: the same names among their actors and the same
//! words in their headline and summary. Matching is one to one, best pair first. A matched
//! story keeps its slug (so its page stays at the same address) and the day it first
//! appeared; "what changed" is the existing [`diff`](crate::changes::diff) of the two briefs.

use std::collections::BTreeSet;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::changes::Snapshot;
use crate::manifest::StoryRecord;
use crate::text::tokens::stem_set;

/// The score two stories need to be the same story.
pub const MATCH_THRESHOLD: f64 = 0.15;

/// What a story is compared by.
#[derive(Debug, Clone, Default)]
pub struct Key {
    /// Article ids (hashes of their text).
    articles: BTreeSet<String>,
    /// Stems of the headline and summary.
    words: BTreeSet<String>,
    /// Actors' names, lowercased.
    names: BTreeSet<String>,
}

impl Key {
    /// The key of a story's brief content and articles.
    pub fn of(content: &Snapshot, articles: &[String]) -> Key {
        let mut text = content.title.clone();
        for s in &content.summary {
            text.push('\n');
            text.push_str(s);
        }
        Key {
            articles: articles.iter().cloned().collect(),
            words: stem_set(&text),
            names: content.actors.iter().map(|a| a.to_lowercase()).collect(),
        }
    }

    /// The key of a stored story.
    pub fn of_record(record: &StoryRecord) -> Key {
        Key::of(&record.content, &record.articles)
    }
}

/// Cosine of two sets given their sizes and how many members they share:
/// shared / sqrt(|a| |b|); 0 when either is empty.
fn cosine(shared: usize, a: usize, b: usize) -> f64 {
    if a == 0 || b == 0 {
        return 0.0;
    }
    shared as f64 / ((a * b) as f64).sqrt()
}

/// How many members each part of two keys shares: articles, words, names.
type Shared = [usize; 3];

/// The score of two keys of these sizes (articles, words, names) sharing `shared`.
fn score_of(a: [usize; 3], b: [usize; 3], shared: Shared) -> f64 {
    let words = cosine(shared[1], a[1], b[1]);
    let text = if a[2] == 0 || b[2] == 0 {
        words
    } else {
        0.5 * words + 0.5 * cosine(shared[2], a[2], b[2])
    };
    if shared[0] == 0 {
        return text;
    }
    let overlap = shared[0] as f64 / a[0].min(b[0]).max(1) as f64;
    text.max(0.5 + overlap / 2.0)
}

/// How alike two stories are, 0 to 1.
pub fn score(a: &Key, b: &Key) -> f64 {
    let shared = [
        a.articles.intersection(&b.articles).count(),
        a.words.intersection(&b.words).count(),
        a.names.intersection(&b.names).count(),
    ];
    score_of(a.sizes(), b.sizes(), shared)
}

impl Key {
    fn sizes(&self) -> [usize; 3] {
        [self.articles.len(), self.words.len(), self.names.len()]
    }

    fn parts(&self) -> [&BTreeSet<String>; 3] {
        [&self.articles, &self.words, &self.names]
    }
}

/// For each of `now`, the index of the story of `before` it continues, if any: pairs scoring
/// at least [`MATCH_THRESHOLD`], best first (ties by position), each story used once.
///
/// A thousand stories against a thousand is a million pairs: the members of `before` are
/// indexed (member -> the stories holding it, one index per part), so each story of `now`
/// counts what it shares with every story of `before` by walking the postings of its own
/// members, and only stories sharing something are scored; the stories of `now` are
/// scored side by side. The scores are exactly [`score`]'s.
pub fn matches(before: &[Key], now: &[Key]) -> Vec<Option<usize>> {
    // A hash map is only looked up, never iterated: the result does not depend on its order.
    let mut index: [FxHashMap<&str, Vec<u32>>; 3] = Default::default();
    for (j, key) in before.iter().enumerate() {
        for (part, set) in key.parts().into_iter().enumerate() {
            for member in set {
                index[part]
                    .entry(member.as_str())
                    .or_default()
                    .push(j as u32);
            }
        }
    }
    let sizes: Vec<[usize; 3]> = before.iter().map(Key::sizes).collect();
    let pairs: Vec<(f64, usize, usize)> = now
        .par_iter()
        .enumerate()
        .map_init(
            || (vec![[0usize; 3]; before.len()], Vec::new()),
            |(counts, touched), (i, key)| {
                for (part, set) in key.parts().into_iter().enumerate() {
                    for member in set {
                        for &j in index[part].get(member.as_str()).into_iter().flatten() {
                            let c = &mut counts[j as usize];
                            if *c == [0; 3] {
                                touched.push(j as usize);
                            }
                            c[part] += 1;
                        }
                    }
                }
                let own = key.sizes();
                let mut found = Vec::new();
                for j in touched.drain(..) {
                    let s = score_of(own, sizes[j], std::mem::take(&mut counts[j]));
                    if s >= MATCH_THRESHOLD {
                        found.push((s, i, j));
                    }
                }
                found
            },
        )
        .flatten_iter()
        .collect();
    assign(pairs, now.len(), before.len())
}

/// One to one, best pair first: `(score, now, before)` pairs, ties by position.
fn assign(mut pairs: Vec<(f64, usize, usize)>, now: usize, before: usize) -> Vec<Option<usize>> {
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut found = vec![None; now];
    let mut used = vec![false; before];
    for (_, i, j) in pairs {
        if found[i].is_none() && !used[j] {
            found[i] = Some(j);
            used[j] = true;
        }
    }
    found
}

/// A slug for a headline: lowercase ASCII words joined by `-`, at most 60 bytes, cut at a
/// word; `story` when nothing is left.
pub fn slug(title: &str) -> String {
    let folded = deunicode::deunicode(title).to_lowercase();
    let mut out = String::new();
    for word in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out.push_str("story");
    }
    out
}

/// `base`, or `base-2`, `base-3`, ... : the first not in `taken` (which then holds it).
pub fn unique(base: &str, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = base.to_string();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// Whether a stored slug is one this module could have made (so a hand-edited manifest
/// cannot send output outside `stories/`).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(title: &str, summary: &[&str], actors: &[&str]) -> Snapshot {
        Snapshot {
            title: title.into(),
            summary: summary.iter().map(|s| s.to_string()).collect(),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            ..Snapshot::default()
        }
    }

    #[test]
    fn the_same_event_matches_and_a_look_alike_does_not() {
        let yesterday = [
            Key::of(
                &snap(
                    "Lyon rail workers strike for pay",
                    &[
                        "SUD-Rail called out rail workers in Lyon on Saturday, cancelling 140 trains.",
                    ],
                    &["SUD-Rail", "Lyon"],
                ),
                &["a.md".into()],
            ),
            Key::of(
                &snap(
                    "Comet seen over the Alps",
                    &["Astronomers in Geneva saw a bright comet on Friday night."],
                    &["Geneva"],
                ),
                &["b.md".into()],
            ),
        ];
        let today = [
            Key::of(
                &snap(
                    "Dockers strike at Porto port",
                    &["Dock workers in Porto walked out over pay on Sunday."],
                    &["Porto"],
                ),
                &["c.md".into()],
            ),
            Key::of(
                &snap(
                    "Lyon rail strike enters second day",
                    &[
                        "The SUD-Rail strike in Lyon cancelled more trains on Sunday as talks stalled.",
                    ],
                    &["SUD-Rail", "Lyon", "Part-Dieu"],
                ),
                &["d.md".into()],
            ),
        ];
        assert_eq!(matches(&yesterday, &today), vec![None, Some(0)]);
    }

    /// The indexed matching gives what scoring every pair gives.
    #[test]
    fn indexed_matching_is_every_pair_scored() {
        let words = [
            "strike", "lyon", "quake", "chile", "vote", "port", "comet", "pay",
        ];
        let key = |n: usize| {
            let pick = |k: usize| -> Vec<&str> {
                (0..words.len())
                    .filter(|w| (n * 7 + w * k) % 5 < 2)
                    .map(|w| words[w])
                    .collect()
            };
            let summary = pick(3).join(" ");
            Key::of(
                &snap(&pick(1).join(" "), &[summary.as_str()], &pick(2)),
                &[format!("{}.md", n % 4)],
            )
        };
        let before: Vec<Key> = (0..9).map(key).collect();
        let now: Vec<Key> = (5..17).map(key).collect();
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (i, n) in now.iter().enumerate() {
            for (j, b) in before.iter().enumerate() {
                let s = score(n, b);
                if s >= MATCH_THRESHOLD {
                    pairs.push((s, i, j));
                }
            }
        }
        let expected = assign(pairs, now.len(), before.len());
        assert!(expected.iter().flatten().count() > 3, "{expected:?}");
        assert_eq!(matches(&before, &now), expected);
    }

    #[test]
    fn slugs_are_ascii_and_unique() {
        assert_eq!(
            slug("Grève à Lyon : 140 trains annulés"),
            "greve-a-lyon-140-trains-annules"
        );
        assert_eq!(slug("«»"), "story");
        assert!(slug(&"word ".repeat(40)).len() <= 60);
        let mut taken = BTreeSet::new();
        assert_eq!(unique("a", &mut taken), "a");
        assert_eq!(unique("a", &mut taken), "a-2");
        assert!(is_slug("a-2") && !is_slug("../x") && !is_slug(""));
    }
}
