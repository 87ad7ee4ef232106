//! Open issues: what the sources say is unresolved, disputed, pending or uncertain.
//!
//! Method: every body sentence is matched against the cue phrases of
//! `src/extract/issues_cues.txt` ("remains unclear", "no guarantee", "whether ... another
//! matter"); matching sentences are merged across outlets when they are near-duplicates
//! ([`overlap`] ≥ 0.35), or share three salient content terms (terms in fewer than 10% of
//! the corpus's sentences, reporting words left out), or two and a cue class ("uncertain",
//! "pending", "disputed") -- or just one when either sentence is about that one thing ("The
//! cause is also unresolved"), or when they are consecutive sentences of one article with
//! cues of one class. Each
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
        let related = |m: usize, their_cue: &Cue| {
            let theirs = topic(m, their_cue);
            let shared = mine.intersection(&theirs).count();
            let small = mine.len().min(theirs.len()) <= SMALL_TOPIC;
            let same_class = their_cue.class == cue.class;
            // The next sentence of the same article with a cue of the same class goes on
            // about the same issue ("...remain outstanding." "We cannot guarantee...").
            let next = i.abs_diff(m) == 1 && corpus.sentences[i].doc == corpus.sentences[m].doc;
            overlap(text(i), text(m)) >= SAME_SENTENCE
                || (next && same_class)
                || shared >= 3
                || (same_class && (shared >= 2 || (shared >= 1 && small)))
        };
        let home = clusters
            .iter_mut()
            .find(|(members, _)| members.iter().any(|&(m, c)| related(m, c)));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain;

    fn corpus(articles: &[(&str, &str)]) -> Corpus {
        let docs = articles
            .iter()
            .enumerate()
            .map(|(i, (o, t))| from_plain(i, o, t))
            .collect();
        Corpus::new(docs)
    }

    #[test]
    fn cue_file_compiles() {
        let cues = parse_cues(CUES_TXT);
        let lines = CUES_TXT
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with('['))
            .count();
        assert_eq!(cues.len(), lines);
        assert!(cues.iter().all(|c| !c.class.is_empty()));
    }

    #[test]
    fn cues_match_with_gaps_and_curly_quotes() {
        let cases = [
            (
                "What led to the sudden about-face remains unclear.",
                Some("what led to ... remains unclear"),
            ),
            (
                "\u{201c}Whether the local parties agree or abide\u{201d} by it \u{201c}is, of course, another matter,\u{201d} he said.",
                Some("whether ... another matter"),
            ),
            (
                "We continue to have some issues that remain outstanding.",
                Some("remain outstanding"),
            ),
            (
                "There was no guarantee of a final agreement.",
                Some("no guarantee"),
            ),
            (
                "The diplomats have yet to overcome differences.",
                Some("yet to overcome"),
            ),
            (
                "The cause is under investigation.",
                Some("under investigation"),
            ),
            (
                "Insurers could not say how big the claims will be.",
                Some("could not say"),
            ),
            ("It is clear that the talks went well.", None),
            ("The ship was refloated on Monday.", None),
        ];
        for (text, want) in cases {
            assert_eq!(cue_of(text).map(|c| c.text.as_str()), want, "{text}");
        }
    }

    #[test]
    fn merged_across_outlets_ranked_by_support_and_centrality() {
        let c = corpus(&[
            (
                "AJ",
                "Talks began.\nThey warned there was no guarantee of a final agreement within the narrow window available before both men return home.\nWhy the meeting was back on is not clear.",
            ),
            (
                "MEE",
                "They warned they could not guarantee a final agreement would be reached within the narrow window available before both men return home.\nThe rebels are unclear about their next move.",
            ),
            (
                "BB",
                "Whether the local parties agree or abide is another matter, he said.",
            ),
        ]);
        let centrality: Vec<f64> = (0..c.sentences.len())
            .map(|i| if i == 5 { 3.0 } else { 1.0 })
            .collect();
        let issues = extract_open_issues(&c, &centrality);
        let shown: Vec<(Vec<usize>, &str)> = issues
            .iter()
            .map(|i| (i.sentences.clone(), i.cue.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (vec![5], "whether ... another matter"),
                (vec![1, 3], "no guarantee"),
                (vec![2], "not clear"),
                (vec![4], "unclear"),
            ]
        );
        assert!((issues[1].score - 1.5).abs() < 1e-9, "two outlets: +50%");
        assert!(
            issues
                .iter()
                .all(|i| i.sentences.iter().all(|&s| c.sentences[s].is_body()))
        );
    }

    #[test]
    fn only_body_sentences() {
        let mut doc = from_plain(0, "A", "The cause remains unclear.");
        doc.blocks[0].kind = crate::ingest::BlockKind::Headline;
        let c = Corpus::new(vec![doc]);
        assert!(extract_open_issues(&c, &[1.0]).is_empty());
    }
}
