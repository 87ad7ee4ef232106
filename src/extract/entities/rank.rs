//! Ranking helpers: display names and salience.
//!
//! Salience favours actors that many outlets mention, that appear in headlines, standfirsts
//! and leads, that are mentioned often (log-scaled, so volume does not swamp spread), and
//! that speak (followed by a reporting verb).

use super::Mention;
use super::gazetteer::{GAZETTEER, norm};
use crate::extract::speech::speech_after;
use crate::ingest::BlockKind;
use crate::text::Corpus;
use std::collections::{BTreeSet, HashMap};

/// A display name: the most frequent multi-word form, then the longest. A person's full
/// name wins even when written once ("John Kerry", then "Kerry"); another kind's multi-word
/// form only when it is written twice or is a full name (an organisation head word, a company
/// form or "of" in it: "Malibu Promises Treatment Center", "Telecom SGPS SA"), not a word glued to the name once ("IBM
/// Quote-Cramer", "Apple IDs").
pub(crate) fn best_name(surfaces: &[String], person: bool) -> String {
    // Counted once: a country can have thousands of mentions.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for x in surfaces {
        *counts.entry(x.as_str()).or_default() += 1;
    }
    let full = |s: &str| {
        person
            || counts.get(s).is_some_and(|&n| n > 1)
            || s.split(' ').any(|w| {
                let w = norm(w);
                w == "of" || GAZETTEER.org_words.contains(&w) || LEGAL_FORMS.contains(&w.as_str())
            })
    };
    let multi: Vec<&String> = surfaces
        .iter()
        .filter(|s| s.contains(' ') && full(s))
        .collect();
    let pool: Vec<&String> = if multi.is_empty() {
        surfaces.iter().collect()
    } else {
        multi
    };
    let mut best: Option<(usize, usize, &String)> = None;
    for s in pool {
        let count = counts.get(s.as_str()).copied().unwrap_or(0);
        let better = match best {
            None => true,
            Some((c, l, b)) => (count, s.len()) > (c, l) || ((count, s.len()) == (c, l) && s < b),
        };
        if better {
            best = Some((count, s.len(), s));
        }
    }
    best.map(|b| b.2.clone()).unwrap_or_default()
}

/// Company forms that end a full name ("Telecom SGPS SA", "Veltro AG").
const LEGAL_FORMS: &[&str] = &[
    "sa", "ag", "nv", "bv", "plc", "gmbh", "llc", "ltd", "inc", "co", "spa", "sgps", "ab", "asa",
];

/// Unscaled salience: outlet spread, headline and lead presence, volume, speaking.
/// `outlet_count` is [`Corpus::outlet_count`], passed in so it is counted once per corpus.
pub(crate) fn raw_salience(corpus: &Corpus, outlet_count: usize, mentions: &[Mention]) -> f64 {
    let docs = corpus.docs.len().max(1) as f64;
    let outlets: BTreeSet<&str> = mentions
        .iter()
        .map(|m| corpus.docs[m.doc].meta.outlet.as_str())
        .collect();
    let spread = outlets.len() as f64 / outlet_count.max(1) as f64;
    let mut headline_docs = BTreeSet::new();
    let mut lead_docs = BTreeSet::new();
    let mut speaking = 0usize;
    for m in mentions {
        let s = &corpus.sentences[m.sentence];
        if matches!(s.kind, BlockKind::Headline | BlockKind::Standfirst) {
            headline_docs.insert(m.doc);
        } else if s.position <= 3 {
            lead_docs.insert(m.doc);
        }
        let raw = &corpus.docs[m.doc].raw;
        // Followed by a reporting verb, perhaps after an apposition ("Itani, an analyst, said").
        if speech_after(raw.get(m.span.end..s.span.end).unwrap_or("")) {
            speaking += 1;
        }
    }
    let volume = (1.0 + mentions.len() as f64).ln();
    0.35 * spread
        + 0.2 * headline_docs.len() as f64 / docs
        + 0.15 * lead_docs.len() as f64 / docs
        + 0.1 * volume
        + 0.1 * (speaking as f64).min(3.0) / 3.0
}
