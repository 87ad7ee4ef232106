//! Groups as actors: unnamed collectives that act or are acted on in the story
//! ("protesters", "the caravan", "victims", "rescuers", "her lawyers").
//!
//! Method: a general list of collective nouns ([`GROUP_NOUNS`]) is matched as whole
//! lower-case words in body sentences. A noun becomes an actor when the story keeps coming
//! back to it: at least [`MIN_MENTIONS`] mentions in at least two articles, and at least
//! one mention where it acts (a verb follows: "protesters clashed", "police said") or is
//! acted on (a verb or preposition of action before it: "arrested protesters", "aid for
//! the victims"). Its name is the noun; its aliases are the modified forms found ("the
//! migrant caravan", "Lohan's lawyers").

use std::collections::{BTreeMap, BTreeSet};

use unicode_segmentation::UnicodeSegmentation;

use super::Mention;
use crate::text::Corpus;

/// Collective nouns that name a group of people taking part in a news story (plural forms,
/// and singular collectives). General English, not tuned to any story.
pub(crate) const GROUP_NOUNS: &[&str] = &[
    "protesters",
    "protestors",
    "demonstrators",
    "migrants",
    "immigrants",
    "refugees",
    "caravan",
    "victims",
    "survivors",
    "rescuers",
    "firefighters",
    "residents",
    "villagers",
    "civilians",
    "workers",
    "strikers",
    "students",
    "voters",
    "fans",
    "passengers",
    "hostages",
    "prisoners",
    "inmates",
    "jurors",
    "jury",
    "lawyers",
    "attorneys",
    "prosecutors",
    "investigators",
    "police",
    "troops",
    "soldiers",
    "rebels",
    "militants",
    "insurgents",
    "fighters",
    "activists",
    "critics",
    "lawmakers",
    "legislators",
    "senators",
    "scientists",
    "doctors",
    "relatives",
    "families",
    "witnesses",
    "shareholders",
    "employees",
    "crew",
    "authorities",
];

/// Fewest mentions for a group to be an actor.
const MIN_MENTIONS: usize = 3;

/// Words after a noun that make it the subject of a verb.
const AUXILIARIES: &[&str] = &[
    "said",
    "say",
    "says",
    "told",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "can",
    "did",
    "do",
    "must",
    "may",
    "might",
    "should",
    "began",
    "tried",
    "want",
    "wanted",
    "demand",
    "demanded",
    "continued",
    "refused",
];

/// Words before a noun that make it acted on or acted for.
const ACTED_ON: &[&str] = &["for", "against", "on", "with", "by", "to", "of"];

/// Determiners and modifiers skipped when looking for the word before the noun.
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "some",
    "many",
    "several",
    "his",
    "her",
    "their",
    "its",
    "our",
    "all",
    "other",
    "two",
    "three",
    "dozens",
    "hundreds",
    "thousands",
];

/// One found group: its noun and its mentions with the surface form used.
struct Found {
    mentions: Vec<Mention>,
    forms: BTreeSet<String>,
    active: bool,
}

/// For each word length below 32, a bit per first letter (`a` = bit 0) of the nouns of
/// that length: most words are told from every noun by these two alone. Built when
/// compiling; a noun that is not lower-case ASCII letters first, or is too long, fails the
/// build.
const SHAPES: [u32; 32] = shapes();

const fn shapes() -> [u32; 32] {
    let mut table = [0u32; 32];
    let mut i = 0;
    while i < GROUP_NOUNS.len() {
        let noun = GROUP_NOUNS[i].as_bytes();
        assert!(noun[0].is_ascii_lowercase() && noun.len() < 32);
        table[noun.len()] |= 1 << (noun[0] - b'a');
        i += 1;
    }
    table
}

/// Whether some noun has `len` bytes and starts with `first`.
fn may_be_noun(len: usize, first: u8) -> bool {
    len < SHAPES.len() && first.is_ascii_lowercase() && SHAPES[len] & (1 << (first - b'a')) != 0
}

/// The entry of [`GROUP_NOUNS`] that `word` is, as written, or lowercased when it opens
/// its sentence: the first equal entry, as a scan of the list finds it. Most words are no
/// group noun: they are told apart by length and first byte before anything is lowercased
/// or compared (a lowercased copy of every word was most of the cost of [`find_groups`]).
fn group_noun(word: &str, opens: bool) -> Option<&'static str> {
    let first = *word.as_bytes().first()?;
    if !opens {
        return may_be_noun(word.len(), first)
            .then(|| GROUP_NOUNS.iter().copied().find(|n| *n == word))
            .flatten();
    }
    // An ASCII word lowercases byte by byte; another may change length (the Kelvin sign
    // lowercases to `k`), so it takes the whole path.
    if word.is_ascii() && !may_be_noun(word.len(), first.to_ascii_lowercase()) {
        return None;
    }
    let lower = word.to_lowercase();
    GROUP_NOUNS.iter().copied().find(|n| *n == lower)
}

/// Groups that act or are acted on, as (name, aliases, mentions), in noun order.
pub(crate) fn find_groups(corpus: &Corpus) -> Vec<(String, Vec<String>, Vec<Mention>)> {
    let mut found: BTreeMap<&str, Found> = BTreeMap::new();
    for (si, s) in corpus.sentences.iter().enumerate() {
        if !s.is_body() {
            continue;
        }
        let doc = &corpus.docs[s.doc];
        let text = doc.text(&s.span);
        let words: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        for (k, &(at, w)) in words.iter().enumerate() {
            // Lower case, or capitalised as the sentence's first word ("Police said").
            let Some(noun) = group_noun(w, k == 0) else {
                continue;
            };
            let next = words.get(k + 1).map(|x| x.1.to_lowercase());
            // The word before `j` and what separates it from the word at `j`.
            let prev = |j: usize| -> Option<(String, &str)> {
                let (pos, w) = *words.get(j.checked_sub(1)?)?;
                let gap = text.get(pos + w.len()..words[j].0).unwrap_or("");
                Some((w.to_lowercase(), gap))
            };
            // The noun phrase: "Lohan's lawyers", "her lawyers", "the migrant caravan".
            let mut form_start = at;
            let mut j = k;
            match prev(k) {
                Some((_, "'s " | "’s ")) => {
                    form_start = words[k - 1].0;
                    j = k - 1;
                }
                Some((p, " ")) if DETERMINERS.contains(&p.as_str()) => j = k - 1,
                Some((p, " "))
                    if is_modifier(&p) && words[k - 1].1.chars().all(char::is_lowercase) =>
                {
                    if let Some((d, " ")) = prev(k - 1)
                        && DETERMINERS.contains(&d.as_str())
                    {
                        form_start = words[k - 1].0;
                        j = k - 2;
                    }
                }
                _ => {}
            }
            let before = prev(j).filter(|(_, gap)| *gap == " ").map(|(w, _)| w);
            let acts = next.as_deref().is_some_and(|n| AUXILIARIES.contains(&n));
            let acted = before
                .as_deref()
                .is_some_and(|b| ACTED_ON.contains(&b) || (b.ends_with("ed") && b.len() > 4));
            let entry = found.entry(noun).or_insert_with(|| Found {
                mentions: Vec::new(),
                forms: BTreeSet::new(),
                active: false,
            });
            entry.active |= acts || acted;
            let start = s.span.start + at;
            entry.mentions.push(Mention {
                doc: s.doc,
                sentence: si,
                span: start..start + w.len(),
            });
            let form = &text[form_start..at + w.len()];
            if form != noun {
                entry.forms.insert(form.to_string());
            }
        }
    }
    found
        .into_iter()
        .filter(|(_, f)| {
            let docs: BTreeSet<usize> = f.mentions.iter().map(|m| m.doc).collect();
            f.active && f.mentions.len() >= MIN_MENTIONS && docs.len() >= 2
        })
        .map(|(noun, f)| (noun.to_string(), f.forms.into_iter().collect(), f.mentions))
        .collect()
}

/// A lower-case word that can modify a group noun ("migrant caravan", "rescue workers"):
/// not a verb form or function word.
fn is_modifier(w: &str) -> bool {
    !crate::text::tokens::is_stop_word(w)
        && !w.ends_with("ed")
        && !w.ends_with("ly")
        && !matches!(w, "said" | "says" | "told" | "including")
        && w.len() > 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain;

    /// The quick test finds what the scan of the list it replaced found, on every noun in
    /// every case, near misses, and words whose lowercase changes length.
    #[test]
    fn group_noun_is_the_scan_of_the_list() {
        let scan = |w: &str, opens: bool| {
            let lower = if opens {
                w.to_lowercase()
            } else {
                w.to_string()
            };
            GROUP_NOUNS.iter().copied().find(|n| **n == lower)
        };
        let mut words: Vec<String> = Vec::new();
        for n in GROUP_NOUNS {
            words.push((*n).to_string());
            words.push(n.to_uppercase());
            let mut cap = n.to_string();
            cap[..1].make_ascii_uppercase();
            words.push(cap.clone());
            words.push(format!("{n}s"));
            words.push(n[1..].to_string());
            words.push(n.replace('k', "\u{212a}"));
            words.push(cap.replace('k', "\u{212a}"));
        }
        for w in [
            "", "a", "Police", "POLİCE", "İnmates", "élan", "\u{212a}", "x", "Ωmega",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            for opens in [false, true] {
                assert_eq!(group_noun(w, opens), scan(w, opens), "{w:?} {opens}");
            }
        }
        assert_eq!(group_noun("WOR\u{212a}ERS", true), Some("workers"));
    }

    #[test]
    fn groups_that_act_are_found() {
        let corpus = Corpus::new(vec![
            from_plain(
                0,
                "A",
                "The migrant caravan reached the border on Sunday. Police arrested protesters near the gate.\nThe caravan will wait.",
            ),
            from_plain(
                1,
                "B",
                "Members of the caravan said they were tired. Protesters were dispersed. A caravan of workers is tiny.",
            ),
        ]);
        let groups = find_groups(&corpus);
        let names: Vec<&str> = groups.iter().map(|g| g.0.as_str()).collect();
        assert!(names.contains(&"caravan"), "{names:?}");
        let caravan = groups.iter().find(|g| g.0 == "caravan").map(|g| &g.1);
        assert_eq!(caravan, Some(&vec!["migrant caravan".to_string()]));
        // "protesters" twice only; "workers" once.
        assert!(!names.contains(&"workers") && !names.contains(&"protesters"));
    }
}
