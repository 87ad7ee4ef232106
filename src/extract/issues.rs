//! Open issues: what the sources say is unresolved, disputed, pending or uncertain.
//!
//! Method: every body sentence is matched against the cue phrases of
//! `src/extract/issues_cues.txt` ("remains unclear", "no guarantee", "whether ... another
//! matter"); matching sentences are merged across outlets when they are near-duplicates
//! ([`overlap`] ≥ 0.35), or share three salient content terms (terms in fewer than 10% of
//! the corpus's sentences, reporting words left out), or two and a cue class ("uncertain",
//! "pending", "disputed") -- or just one when either sentence is about that one thing ("The
//! cause is also unresolved"). Each
//! merged issue is scored by its best sentence's centrality times a support bonus of 50% per
//! extra outlet, and the issues are returned best first.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::text::Corpus;
use crate::text::tokens::{overlap, terms};

/// One open issue, possibly stated by several outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenIssue {
    /// Sentence indices stating it, best first (the first one is shown).
    pub sentences: Vec<usize>,
    /// The cue that marked it ("remains unclear", "no guarantee").
    pub cue: String,
    /// Ranking score.
    pub score: f64,
}

/// The cue list shipped with `brief`.
const CUES_TXT: &str = include_str!("issues_cues.txt");

/// Near-duplicate threshold on [`overlap`]: reworded copies of one wire sentence score above.
const SAME_SENTENCE: f64 = 0.35;

/// One cue: its text, its class and its pattern.
struct Cue {
    text: String,
    class: String,
    re: Regex,
}

/// Parse the cue file; a line that fails to compile is skipped (the test
/// `cue_file_compiles` guards the shipped file).
fn parse_cues(file: &str) -> Vec<Cue> {
    let mut class = String::new();
    let mut out = Vec::new();
    for line in file
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            class = name.to_string();
            continue;
        }
        let parts: Vec<String> = line
            .split("...")
            .map(|p| {
                p.split_whitespace()
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect();
        let pattern = format!(r"\b{}\b", parts.join(r"\b.*?\b"));
        if let Ok(re) = Regex::new(&pattern) {
            out.push(Cue {
                text: line.to_string(),
                class: class.clone(),
                re,
            });
        }
    }
    out
}

static CUES: LazyLock<Vec<Cue>> = LazyLock::new(|| parse_cues(CUES_TXT));

/// The first cue matching a sentence, if any.
fn cue_of(text: &str) -> Option<&'static Cue> {
    let folded: String = text
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '"' | '\u{201c}' | '\u{201d}'))
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect();
    CUES.iter().find(|c| c.re.is_match(&folded))
}

/// Reporting vocabulary (stems): who said it and how is not what the issue is about.
const REPORTING: &[&str] = &[
    "offici",
    "quot",
    "agenc",
    "news",
    "report",
    "told",
    "spokesman",
    "spokesperson",
    "statement",
    "ad",
    "say",
    "warn",
    "also",
    "reuter",
    "afp",
    "ap",
];

/// A topic this small is one thing ("The cause is also unresolved"): one shared salient term
/// with a same-class cue is then enough to merge.
const SMALL_TOPIC: usize = 2;

/// Find open issues, merged across outlets, best first. `centrality` is indexed like
/// [`Corpus::sentences`].
pub fn extract_open_issues(corpus: &Corpus, centrality: &[f64]) -> Vec<OpenIssue> {
    let weight = |i: usize| centrality.get(i).copied().unwrap_or(0.0);
    let text = |i: usize| corpus.text(&corpus.sentences[i]);
    // Salient terms: in fewer than 10% of sentences (names of the story's main actors and
    // places are everywhere and say nothing about which issue a sentence raises).
    let mut df: BTreeMap<String, usize> = BTreeMap::new();
    for s in &corpus.sentences {
        for t in terms(corpus.text(s)).into_iter().collect::<BTreeSet<_>>() {
            *df.entry(t).or_default() += 1;
        }
    }
    let limit = (corpus.sentences.len() as f64 * 0.1).max(2.0);
    let topic = |i: usize, cue: &Cue| -> BTreeSet<String> {
        let cue_terms: BTreeSet<String> = terms(&cue.text).into_iter().collect();
        terms(text(i))
            .into_iter()
            .filter(|t| !cue_terms.contains(t) && !REPORTING.contains(&t.as_str()))
            .filter(|t| df.get(t).is_some_and(|&n| (n as f64) < limit))
            .collect()
    };
    let mut found: Vec<(usize, &Cue)> = corpus
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_body())
        .filter_map(|(i, s)| cue_of(corpus.text(s)).map(|c| (i, c)))
        .collect();
    // Best sentences first, so each cluster is led by its most central statement.
    found.sort_by(|a, b| weight(b.0).total_cmp(&weight(a.0)).then(a.0.cmp(&b.0)));
    let mut clusters: Vec<(Vec<(usize, &Cue)>, &Cue)> = Vec::new();
    for (i, cue) in found {
        let mine = topic(i, cue);
        // Compare with each cluster's leader only: chaining through members would let one
        // issue swallow the story.
        let home = clusters.iter_mut().find(|(members, lead)| {
            let m = members[0].0;
            let theirs = topic(m, lead);
            let shared = mine.intersection(&theirs).count();
            let small = mine.len().min(theirs.len()) <= SMALL_TOPIC;
            let same_class = lead.class == cue.class;
            overlap(text(i), text(m)) >= SAME_SENTENCE
                || shared >= 3
                || (same_class && (shared >= 2 || (shared >= 1 && small)))
        });
        match home {
            Some((members, _)) => members.push((i, cue)),
            None => clusters.push((vec![(i, cue)], cue)),
        }
    }
    let mut issues: Vec<OpenIssue> = clusters
        .into_iter()
        .map(|(members, cue)| {
            let sentences: Vec<usize> = members.iter().map(|m| m.0).collect();
            let outlets: BTreeSet<&str> = sentences
                .iter()
                .map(|&i| corpus.outlet(&corpus.sentences[i]))
                .collect();
            let best = sentences.iter().map(|&i| weight(i)).fold(0.0, f64::max);
            let score = best * (1.0 + 0.5 * (outlets.len() as f64 - 1.0));
            OpenIssue {
                sentences,
                cue: cue.text.clone(),
                score,
            }
        })
        .collect();
    issues.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.sentences[0].cmp(&b.sentences[0]))
    });
    issues
}
