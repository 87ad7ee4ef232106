//! Groups named by common nouns: families of nouns (`groups.txt`) that name the same people
//! in a story ("the rebels", "the opposition", "opposition fighters"), with up to two
//! qualifying words before the noun ("moderate rebels", "Syrian rebels", "illegal aliens").

use std::collections::BTreeSet;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use super::{Found, NameMention};
use crate::extract::entities::gazetteer::{Entry, GAZETTEER};
use crate::text::Corpus;

const LEXICON: &str = include_str!("groups.txt");

/// Lowercase words that may qualify a group noun inside its name.
const QUALIFIERS: &[&str] = &[
    "moderate",
    "armed",
    "illegal",
    "undocumented",
    "violent",
    "peaceful",
    "angry",
    "radical",
    "extremist",
    "islamist",
    "jihadist",
    "anti-government",
    "pro-government",
    "main",
    "some",
    "many",
    "thousands",
    "hundreds",
    "young",
    "central",
    "american",
    "would-be",
];

/// (label, nouns as word lists, longest first).
static FAMILIES: LazyLock<Vec<(String, Vec<Vec<String>>)>> = LazyLock::new(|| {
    LEXICON
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && l.contains('|'))
        .filter_map(|l| {
            let (label, nouns) = l.split_once('|')?;
            let mut nouns: Vec<Vec<String>> = nouns
                .split(',')
                .map(|n| n.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                .filter(|n| !n.is_empty())
                .collect();
            nouns.sort_by_key(|n| std::cmp::Reverse(n.len()));
            Some((label.trim().to_string(), nouns))
        })
        .collect()
});

/// The word of each family's noun that is not "the" ("opposition" in "the opposition"),
/// case-insensitively: a sentence without one names no group, and one search rules every
/// family out; where it matches, the word (or the word before it) may start a name.
// Built from the lexicon's words, each escaped: cannot fail.
#[allow(clippy::unwrap_used)]
static ANY_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    let keys: BTreeSet<String> = FAMILIES
        .iter()
        .flat_map(|(_, nouns)| nouns.iter().filter_map(|n| n.iter().find(|w| *w != "the")))
        .map(|w| regex::escape(w))
        .collect();
    let keys: Vec<String> = keys.into_iter().collect();
    Regex::new(&format!("(?i){}", keys.join("|"))).unwrap()
});

/// Build the families' noun screen now (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&ANY_NOUN);
}

/// The families found in at least two outlets (their labels, as concepts numbered from
/// `first`), and every name found for them.
pub(super) fn group_names(corpus: &Corpus, first: usize) -> (Vec<String>, Vec<Found>) {
    // Every family's names, sentence by sentence (corpus order), each sentence split once.
    let hits: Vec<(usize, NameMention)> = corpus
        .sentences
        .par_iter()
        .enumerate()
        .filter(|(_, s)| s.is_body())
        .flat_map_iter(|(si, s)| {
            let Some(words) = Words::of(corpus.text(s)) else {
                return Vec::new();
            };
            FAMILIES
                .iter()
                .enumerate()
                .flat_map(|(f, (_, nouns))| {
                    names_in(&words, nouns).into_iter().map(move |r| (f, r))
                })
                .map(|(f, r)| {
                    (
                        f,
                        NameMention {
                            doc: s.doc,
                            sentence: si,
                            span: s.span.start + r.start..s.span.start + r.end,
                        },
                    )
                })
                .collect()
        })
        .collect();
    let mut labels = Vec::new();
    let mut out = Vec::new();
    for (f, (label, _)) in FAMILIES.iter().enumerate() {
        let found: Vec<&NameMention> = hits.iter().filter(|h| h.0 == f).map(|h| &h.1).collect();
        let outlets: BTreeSet<&str> = found
            .iter()
            .map(|m| corpus.docs[m.doc].meta.outlet.as_str())
            .collect();
        if outlets.len() < 2 {
            continue;
        }
        let concept = first + labels.len();
        labels.push(label.clone());
        out.extend(found.into_iter().map(|mention| Found {
            concept,
            list: super::List::Name,
            mention: mention.clone(),
        }));
    }
    (labels, out)
}

/// A sentence's words split on white space: (byte offset, word) and the bare lowercase form.
struct Words<'a> {
    words: Vec<(usize, &'a str)>,
    lower: Vec<String>,
    /// Words a name may start at.
    candidate: Vec<bool>,
}

impl<'a> Words<'a> {
    /// The words, when a family's key word occurs in the text.
    fn of(text: &'a str) -> Option<Self> {
        let keys: Vec<usize> = ANY_NOUN.find_iter(text).map(|m| m.start()).collect();
        if keys.is_empty() {
            return None;
        }
        // Offsets from the slices themselves: white space may be wider than one byte.
        let words: Vec<(usize, &str)> = text
            .split(char::is_whitespace)
            .filter(|w| !w.is_empty())
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        let mut candidate = vec![false; words.len()];
        for at in keys {
            let w = words.partition_point(|(start, _)| *start <= at);
            // The word holding the key word, and the one before it ("the" of "the crowd").
            for c in [w.checked_sub(1), w.checked_sub(2)].into_iter().flatten() {
                candidate[c] = true;
            }
        }
        // Lowercase forms are read only near a candidate: the noun (up to three words), the
        // word after it, and up to two qualifiers and "the" before it.
        let mut near = vec![false; words.len()];
        for (c, _) in candidate.iter().enumerate().filter(|(_, c)| **c) {
            for n in near.iter_mut().take(c + 5).skip(c.saturating_sub(3)) {
                *n = true;
            }
        }
        let bare = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        };
        let lower = words
            .iter()
            .zip(&near)
            .map(|((_, w), near)| if *near { bare(w) } else { String::new() })
            .collect();
        Some(Words {
            words,
            lower,
            candidate,
        })
    }
}

/// Byte ranges of the family's names in a sentence.
fn names_in(sentence: &Words<'_>, nouns: &[Vec<String>]) -> Vec<std::ops::Range<usize>> {
    let Words {
        words,
        lower,
        candidate,
    } = sentence;
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !candidate[i] {
            i += 1;
            continue;
        }
        let hit = nouns.iter().find(|n| {
            i + n.len() <= words.len()
                && n.iter().zip(&lower[i..]).all(|(a, b)| a == b)
                // No punctuation inside a multi-word noun.
                && words[i..i + n.len() - 1]
                    .iter()
                    .all(|(_, w)| w.ends_with(char::is_alphanumeric))
        });
        let Some(noun) = hit else {
            i += 1;
            continue;
        };
        let end_word = words[i + noun.len() - 1];
        let end = end_word.0
            + end_word
                .1
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .len();
        // A noun used as a modifier ("rebel-held", "refugee camp") names a place or thing.
        let next = lower.get(i + noun.len()).map(String::as_str);
        let modifier = noun.len() == 1
            && !end_word.1.ends_with(|c: char| !c.is_alphanumeric())
            && next.is_some_and(|n| {
                matches!(
                    n,
                    "camp"
                        | "camps"
                        | "crisis"
                        | "status"
                        | "policy"
                        | "held"
                        | "leader"
                        | "leaders"
                        | "commander"
                        | "commanders"
                        | "spokesman"
                        | "group"
                        | "groups"
                        | "fighters"
                )
            });
        if modifier {
            i += 1;
            continue;
        }
        let start = qualified_start(words, lower, i);
        out.push(start..end);
        i += noun.len();
    }
    out
}

/// Where the name starts: up to two qualifiers ("moderate", a demonym such as "Syrian") and
/// "the" before the noun.
fn qualified_start(words: &[(usize, &str)], lower: &[String], i: usize) -> usize {
    let mut j = i;
    while j > 0 && i - j < 2 {
        let (_, w) = words[j - 1];
        if w.ends_with(|c: char| !c.is_alphanumeric()) {
            break;
        }
        let demonym = w.starts_with(char::is_uppercase)
            && matches!(GAZETTEER.lookup(w), Some(Entry::Adjective(_)));
        if demonym || QUALIFIERS.contains(&lower[j - 1].as_str()) {
            j -= 1;
        } else {
            break;
        }
    }
    if j > 0
        && lower[j - 1] == "the"
        && !words[j - 1].1.ends_with(|c: char| !c.is_alphanumeric())
        && lower[j] != "the"
    {
        j -= 1;
    }
    words[j].0
}
