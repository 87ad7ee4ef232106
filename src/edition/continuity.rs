//! Continuity: which of today's stories are yesterday's, and their stable slugs.
//!
//! A story of today is matched to a story of a previous edition (its manifest's
//! [`StoryRecord`]s) when they share articles (the same file, on a rebuild of the same day) or
//! when their briefs tell the same event: the same names among their actors and the same
//! words in their headline and summary. Matching is one to one, best pair first. A matched
//! story keeps its slug (so its page stays at the same address) and the day it first
//! appeared; "what changed" is the existing [`diff`](crate::changes::diff) of the two briefs.

use std::collections::BTreeSet;

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

/// Cosine of two sets: shared / sqrt(|a| |b|); 0 when either is empty.
fn cosine(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count() as f64;
    shared / ((a.len() * b.len()) as f64).sqrt()
}

/// How alike two stories are, 0 to 1.
pub fn score(a: &Key, b: &Key) -> f64 {
    let words = cosine(&a.words, &b.words);
    let text = if a.names.is_empty() || b.names.is_empty() {
        words
    } else {
        0.5 * words + 0.5 * cosine(&a.names, &b.names)
    };
    let shared = a.articles.intersection(&b.articles).count();
    if shared == 0 {
        return text;
    }
    let overlap = shared as f64 / a.articles.len().min(b.articles.len()).max(1) as f64;
    text.max(0.5 + overlap / 2.0)
}

/// For each of `now`, the index of the story of `before` it continues, if any: pairs scoring
/// at least [`MATCH_THRESHOLD`], best first (ties by position), each story used once.
pub fn matches(before: &[Key], now: &[Key]) -> Vec<Option<usize>> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, n) in now.iter().enumerate() {
        for (j, b) in before.iter().enumerate() {
            let s = score(n, b);
            if s >= MATCH_THRESHOLD {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut found = vec![None; now.len()];
    let mut used = vec![false; before.len()];
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
