//! Open issues: what the sources say is unresolved, disputed, pending or uncertain.
//!
//! Method: every body sentence is matched against the cue phrases of
//! `src/extract/issues_cues.txt` ("remains unclear", "no guarantee", "whether ... another
//! matter"); matching sentences are merged across outlets when they are near-duplicates
//! ([`overlap`](crate::text::tokens::overlap) ≥ 0.35), or share three salient content terms (terms in fewer than 10% of
//! the corpus's sentences, reporting words left out), or two and a cue class ("uncertain",
//! "pending", "disputed") -- or just one when either sentence is about that one thing ("The
//! cause is also unresolved"), or when they are consecutive sentences of one article with
//! cues of one class. Each
//! merged issue is scored by its best sentence's centrality times a support bonus of 50% per
//! extra outlet, and the issues are returned best first.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use crate::text::Corpus;
use crate::text::tokens::{StemCache, jaccard, stem_set, terms};

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

/// Near-duplicate threshold on [`overlap`](crate::text::tokens::overlap): reworded copies of one wire sentence score above.
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
    let per_sentence: Vec<Vec<String>> = corpus
        .sentences
        .par_iter()
        .map_init(StemCache::default, |cache, s| {
            let mut t = cache.terms(corpus.text(s));
            t.sort_unstable();
            t.dedup();
            t
        })
        .collect();
    let mut df: HashMap<String, usize> = HashMap::new();
    for t in per_sentence.into_iter().flatten() {
        *df.entry(t).or_default() += 1;
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
        .par_iter()
        .enumerate()
        .filter(|(_, s)| s.is_body())
        .filter_map(|(i, s)| cue_of(corpus.text(s)).map(|c| (i, c)))
        .collect();
    // Best sentences first, so each cluster is led by its most central statement.
    found.sort_by(|a, b| weight(b.0).total_cmp(&weight(a.0)).then(a.0.cmp(&b.0)));
    let items: Vec<Item> = found
        .par_iter()
        .map(|&(i, cue)| Item {
            sentence: i,
            doc: corpus.sentences[i].doc,
            class: &cue.class,
            topic: topic(i, cue),
            stems: stem_set(text(i)),
        })
        .collect();
    let clusters: Vec<(Vec<(usize, &Cue)>, &Cue)> = group(&items)
        .into_iter()
        .map(|members| {
            let list: Vec<(usize, &Cue)> = members.iter().map(|&k| found[k]).collect();
            (list, found[members[0]].1)
        })
        .collect();
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

/// The stems of an item any item with Jaccard >= [`SAME_SENTENCE`] must share one of: the
/// rarest `|x| - t|x| + 1` (rounded to the longer side).
fn prefix<'a>(it: &'a Item, df: &HashMap<&str, usize>) -> Vec<&'a str> {
    let mut v: Vec<&str> = it.stems.iter().map(String::as_str).collect();
    v.sort_by_key(|s| (df.get(s).copied().unwrap_or(0), *s));
    let keep = v.len() - (SAME_SENTENCE * v.len() as f64).floor() as usize + 1;
    v.truncate(keep);
    v
}

/// A cue sentence with the word sets the merge rule compares.
struct Item<'a> {
    sentence: usize,
    doc: usize,
    class: &'a str,
    topic: BTreeSet<String>,
    stems: BTreeSet<String>,
}

/// Whether two cue sentences raise the same issue.
fn related(a: &Item, b: &Item) -> bool {
    let shared = a.topic.intersection(&b.topic).count();
    let small = a.topic.len().min(b.topic.len()) <= SMALL_TOPIC;
    let same_class = a.class == b.class;
    // The next sentence of the same article with a cue of the same class goes on about the
    // same issue ("...remain outstanding." "We cannot guarantee...").
    let next = a.sentence.abs_diff(b.sentence) == 1 && a.doc == b.doc;
    jaccard(&a.stems, &b.stems) >= SAME_SENTENCE
        || (next && same_class)
        || shared >= 3
        || (same_class && (shared >= 2 || (shared >= 1 && small)))
}

/// Above this many cue sentences, terms and stems already carried by more than
/// [`MAX_POSTINGS`] earlier ones stop proposing candidates (they name what every issue
/// shares, not which issue this is), so merging stays near-linear on thousands of articles.
/// Smaller inputs compare every candidate, exactly as before.
const LARGE: usize = 2000;
const MAX_POSTINGS: usize = 64;

/// Greedy grouping in order: each item joins the first group (in creation order) holding a
/// related item, else starts one. Only items that can be related are compared: those sharing
/// a topic term, the neighbouring sentence, and those sharing a stem in the prefix that any
/// pair with Jaccard >= [`SAME_SENTENCE`] must share (prefix filtering, Bayardo et al. 2007,
/// with stems ordered rarest first). The result is that of comparing all pairs.
fn group(items: &[Item]) -> Vec<Vec<usize>> {
    let cap = if items.len() > LARGE {
        MAX_POSTINGS
    } else {
        usize::MAX
    };
    let mut df: HashMap<&str, usize> = HashMap::new();
    for it in items {
        for s in &it.stems {
            *df.entry(s.as_str()).or_default() += 1;
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: Vec<usize> = Vec::with_capacity(items.len());
    let mut by_term: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_sentence: HashMap<usize, usize> = HashMap::new();
    for (k, it) in items.iter().enumerate() {
        let own_prefix = prefix(it, &df);
        let mut cands: Vec<usize> = it
            .topic
            .iter()
            .filter_map(|t| by_term.get(t.as_str()))
            .chain(own_prefix.iter().filter_map(|s| by_stem.get(s)))
            .filter(|p| p.len() <= cap)
            .flatten()
            .copied()
            .collect();
        for near in [it.sentence.wrapping_sub(1), it.sentence + 1] {
            cands.extend(by_sentence.get(&near).copied());
        }
        cands.sort_unstable_by_key(|&m| (group_of[m], m));
        cands.dedup();
        let home = cands
            .into_iter()
            .find(|&m| related(it, &items[m]))
            .map(|m| group_of[m]);
        let g = match home {
            Some(g) => g,
            None => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        groups[g].push(k);
        group_of.push(g);
        for t in &it.topic {
            by_term.entry(t.as_str()).or_default().push(k);
        }
        for s in own_prefix {
            by_stem.entry(s).or_default().push(k);
        }
        by_sentence.insert(it.sentence, k);
    }
    groups
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
                "What led to the change of plan remains unclear.",
                Some("what led to ... remains unclear"),
            ),
            (
                "\u{201c}Whether the militias respect\u{201d} the deal \u{201c}is, frankly, another matter,\u{201d} she said.",
                Some("whether ... another matter"),
            ),
            (
                "Two questions remain outstanding, officials said.",
                Some("remain outstanding"),
            ),
            (
                "There is no guarantee that the truce will last.",
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
                "Talks began.\nAides cautioned there was no guarantee of a signed accord before the ministers fly home tonight.\nWhy the summit was rescheduled is not clear.",
            ),
            (
                "MEE",
                "Aides cautioned there was no guarantee of a signed accord before the two ministers fly home tonight.\nThe rebels are unclear about their next move.",
            ),
            (
                "BB",
                "Whether the militias respect the deal is another matter, she said.",
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
