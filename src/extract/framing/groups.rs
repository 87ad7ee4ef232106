//! Groups named by common nouns: families of nouns (`groups.txt`) that name the same people
//! in a story ("the rebels", "the opposition", "opposition fighters"), with up to two
//! qualifying words before the noun ("moderate rebels", "Syrian rebels", "illegal aliens").

use std::collections::BTreeSet;
use std::sync::LazyLock;

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

/// The families found in at least two outlets (their labels, as concepts numbered from
/// `first`), and every name found for them.
pub(super) fn group_names(corpus: &Corpus, first: usize) -> (Vec<String>, Vec<Found>) {
    let mut labels = Vec::new();
    let mut out = Vec::new();
    for (label, nouns) in FAMILIES.iter() {
        let found: Vec<NameMention> = corpus
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_body())
            .flat_map(|(si, s)| {
                names_in(corpus.text(s), nouns)
                    .into_iter()
                    .map(move |r| NameMention {
                        doc: s.doc,
                        sentence: si,
                        span: s.span.start + r.start..s.span.start + r.end,
                    })
            })
            .collect();
        let outlets: BTreeSet<&str> = found
            .iter()
            .map(|m| corpus.docs[m.doc].meta.outlet.as_str())
            .collect();
        if outlets.len() < 2 {
            continue;
        }
        let concept = first + labels.len();
        labels.push(label.clone());
        out.extend(found.into_iter().map(|mention| Found { concept, mention }));
    }
    (labels, out)
}

/// Byte ranges of the family's names in a sentence.
fn names_in(text: &str, nouns: &[Vec<String>]) -> Vec<std::ops::Range<usize>> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for w in text.split(|c: char| c.is_whitespace()) {
        if !w.is_empty() {
            words.push((pos, w));
        }
        pos += w.len() + 1;
    }
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase()
    };
    let lower: Vec<String> = words.iter().map(|(_, w)| bare(w)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
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
        let start = qualified_start(&words, &lower, i);
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
