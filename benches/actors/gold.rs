//! Gold entity chains of the dev clusters and the annotation files we wrote.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use brief::extract::entities::ActorKind;
use serde_json::Value;

/// One gold entity (an ECB+ chain or a NewsWCL50 concept).
pub(crate) struct Chain {
    /// Descriptor ("t1b_tara_reid", "USA\\Trump").
    pub(crate) name: String,
    /// Kinds an actor matched to it may have; empty = not an actor (objects, times, events).
    pub(crate) kinds: Vec<ActorKind>,
    /// Normalised mention strings with their counts.
    pub(crate) strings: BTreeMap<String, usize>,
    /// Lower-case words of its common-noun mentions ("actress", "rep", "president").
    pub(crate) nominal_words: BTreeSet<String>,
}

const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "my",
    "we",
    "us",
    "our",
    "you",
    "your",
    "he",
    "him",
    "his",
    "she",
    "her",
    "it",
    "its",
    "they",
    "them",
    "their",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "this",
    "these",
    "those",
    "himself",
    "herself",
    "themselves",
    "itself",
    "one",
];

/// Fold a name for matching: lower case, no periods, no leading "the", no possessive.
pub(crate) fn norm(s: &str) -> String {
    let s = s
        .trim()
        .replace(['.', '\u{2019}'], "")
        .replace('\'', "’")
        .replace('-', " ");
    let mut s = s.to_lowercase();
    for p in ["the "] {
        if let Some(r) = s.strip_prefix(p) {
            s = r.to_string();
        }
    }
    let s = s.strip_suffix("’s").unwrap_or(&s).to_string();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn ecb_kinds(t: &str) -> Vec<ActorKind> {
    use ActorKind::*;
    match t {
        // ECB+ types plural participants ("police", "the jury") as persons too.
        "HUMAN_PART_PER" => vec![Person, Group],
        "HUMAN_PART_ORG" => vec![Organisation, Group],
        "HUMAN_PART_GPE" => vec![Place, Organisation],
        "HUMAN_PART_GENERIC" | "HUMAN_PART_MET" | "HUMAN_PART" | "HUMAN_PART_VEH"
        | "HUMAN_PART_FAC" => vec![Group, Organisation],
        "LOC_GEO" | "LOC_OTHER" => vec![Place],
        "LOC_FAC" => vec![Place, Organisation],
        _ => Vec::new(),
    }
}

fn wcl_kinds(t: &str) -> Vec<ActorKind> {
    use ActorKind::*;
    match t {
        "ACTOR" => vec![Person],
        "ACTOR-I" => vec![Organisation, Place, Group],
        "COUNTRY" => vec![Place, Organisation],
        "GROUP" => vec![Group, Organisation],
        _ => Vec::new(),
    }
}

fn chain(name: String, kinds: Vec<ActorKind>, mentions: &[&str]) -> Chain {
    let mut strings = BTreeMap::new();
    let mut nominal_words = BTreeSet::new();
    for m in mentions {
        let n = norm(m);
        if n.is_empty() || PRONOUNS.contains(&n.as_str()) {
            continue;
        }
        *strings.entry(n.clone()).or_insert(0) += 1;
        for w in n.split(' ') {
            nominal_words.insert(w.to_string());
        }
    }
    Chain {
        name,
        kinds,
        strings,
        nominal_words,
    }
}

/// The chains of one cluster's gold file.
pub(crate) fn chains(path: &Path) -> Vec<Chain> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let Ok(json) = serde_json::from_str::<Value>(&text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(list) = json["entity_chains"].as_array() {
        for c in list {
            let mentions: Vec<&str> = c["mentions"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|m| m["text"].as_str())
                .collect();
            let name = c["descriptor"].as_str().unwrap_or("?").to_string();
            let kinds = ecb_kinds(c["type"].as_str().unwrap_or(""));
            out.push(chain(name, kinds, &mentions));
        }
    }
    if let Some(list) = json["concepts"].as_array() {
        for c in list {
            let mentions: Vec<&str> = c["mentions_by_doc"]
                .as_object()
                .into_iter()
                .flat_map(|o| o.values())
                .filter_map(Value::as_array)
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let name = c["concept"].as_str().unwrap_or("?").to_string();
            let kinds = wcl_kinds(c["type"].as_str().unwrap_or(""));
            out.push(chain(name, kinds, &mentions));
        }
    }
    out
}

/// The chain an actor (its name and aliases) names most often, if any.
pub(crate) fn best_chain<'a>(chains: &'a [Chain], surfaces: &[String]) -> Option<&'a Chain> {
    let keys: BTreeSet<String> = surfaces.iter().map(|s| norm(s)).collect();
    chains
        .iter()
        .map(|c| {
            let hits: usize = keys.iter().filter_map(|k| c.strings.get(k)).sum();
            (hits, c)
        })
        .filter(|(h, _)| *h > 0)
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.name.cmp(&a.1.name)))
        .map(|(_, c)| c)
}

/// Every chain an actor's surfaces fall in (for merge errors): chains whose strings contain
/// one of its names, actors only.
pub(crate) fn all_chains<'a>(chains: &'a [Chain], surfaces: &[String]) -> Vec<&'a Chain> {
    let keys: BTreeSet<String> = surfaces.iter().map(|s| norm(s)).collect();
    chains
        .iter()
        .filter(|c| !c.kinds.is_empty())
        .filter(|c| {
            // A name counts for a chain only when the chain uses it at least as often as
            // any other chain does, so a shared surname does not count twice.
            keys.iter().any(|k| {
                c.strings.get(k).is_some_and(|&n| {
                    n >= chains
                        .iter()
                        .filter_map(|o| o.strings.get(k))
                        .copied()
                        .max()
                        .unwrap_or(0)
                })
            })
        })
        .collect()
}

/// Rows of a tab-separated annotation file, comments (`#`) and blank lines skipped.
pub(crate) fn rows(path: &Path) -> Vec<Vec<String>> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(|f| f.trim().to_string()).collect())
        .collect()
}
