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

mod cues;
mod group;
pub(crate) mod whole;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use self::cues::{Cue, Scratch, WordMap, cue_of};
use self::group::{Item, group};
use crate::text::Corpus;
use crate::text::tokens::{fold_word, is_stop_word, stem};

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

/// The open-issues slice (see [`crate::extract`]): [`extract_open_issues`] by centrality.
pub fn analyse(view: &super::View<'_>, _settings: &super::Settings) -> Vec<OpenIssue> {
    extract_open_issues(view.corpus, &view.scores.centrality)
}

/// Find open issues, merged across outlets, best first. `centrality` is indexed like
/// [`Corpus::sentences`].
pub fn extract_open_issues(corpus: &Corpus, centrality: &[f64]) -> Vec<OpenIssue> {
    let weight = |i: usize| centrality.get(i).copied().unwrap_or(0.0);
    let years = doc_years(corpus);
    let mut found: Vec<(usize, &Cue)> = corpus
        .sentences
        .par_iter()
        .enumerate()
        // A point is read on its own: a whole sentence, no quote fragment, lowercase start or
        // connective.
        .filter(|(i, s)| {
            s.is_body()
                && whole::is_whole(corpus, *i)
                && crate::rank::lead::stands_alone(corpus.text(s))
        })
        .map_init(Scratch::default, |scratch, (i, s)| {
            cue_of(corpus.text(s), scratch)
                .filter(|_| !about_the_past(corpus.text(s), years[s.doc]))
                .map(|c| (i, c))
        })
        .flatten()
        .collect();
    if found.is_empty() {
        return Vec::new();
    }
    // Best sentences first, so each cluster is led by its most central statement.
    found.sort_by(|a, b| weight(b.0).total_cmp(&weight(a.0)).then(a.0.cmp(&b.0)));
    let items = items(corpus, &found);
    let clusters: Vec<(Vec<(usize, &Cue)>, &Cue)> = group(&items.0, items.1)
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

/// The year each article is dated, or failing that the year of the corpus's latest date;
/// indexed like [`Corpus::docs`].
fn doc_years(corpus: &Corpus) -> Vec<Option<u32>> {
    let year = |d: &crate::document::Document| {
        d.meta
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse::<u32>().ok())
    };
    let latest = corpus.docs.iter().filter_map(year).max();
    corpus.docs.iter().map(|d| year(d).or(latest)).collect()
}

/// Whether a sentence tells of the past, so what it calls unresolved was so then: "in the
/// past", "years ago", or "in 1966" (a year more than two before the article's). "Since
/// 1985" is not the past: the matter is still open.
fn about_the_past(text: &str, year: Option<u32>) -> bool {
    let words: Vec<&str> = text.unicode_words().collect();
    words
        .windows(3)
        .any(|w| w[0].eq_ignore_ascii_case("in") && w[1] == "the" && w[2] == "past")
        || words
            .windows(2)
            .any(|w| matches!(w[0], "years" | "decades") && w[1] == "ago")
        || year.is_some_and(|now| {
            words.windows(2).any(|w| {
                w[0].eq_ignore_ascii_case("in")
                    && w[1].len() == 4
                    && w[1]
                        .parse::<u32>()
                        .is_ok_and(|y| (1800..now.saturating_sub(2)).contains(&y))
            })
        })
}

/// The cue sentences with their topics and stems as ids, and the number of ids.
///
/// A topic is the sentence's content terms minus the cue's, minus reporting words, that are
/// salient: in fewer than 10% of the corpus's sentences (names of the story's main actors
/// and places are everywhere and say nothing about which issue a sentence raises). Only
/// the cue sentences' terms are counted across the corpus.
fn items<'a>(corpus: &Corpus, found: &[(usize, &'a Cue)]) -> (Vec<Item<'a>>, usize) {
    let words: Vec<(Vec<String>, BTreeSet<String>)> = found
        .par_iter()
        .map_init(Memo::default, |memo, &(i, _)| {
            memo.terms_and_stems(corpus.text(&corpus.sentences[i]))
        })
        .collect();
    let mut wanted: WordMap<&str, u32> = WordMap::default();
    for t in words.iter().flat_map(|w| &w.0) {
        let next = wanted.len() as u32;
        wanted.entry(t.as_str()).or_insert(next);
    }
    let df = term_counts(corpus, &wanted);
    let limit = (corpus.sentences.len() as f64 * 0.1).max(2.0);
    let topics: Vec<BTreeSet<&str>> = found
        .iter()
        .zip(&words)
        .map(|(&(_, cue), (terms, _))| {
            let cue_terms = cue.terms();
            terms
                .iter()
                .filter(|t| !cue_terms.contains(*t) && !REPORTING.contains(&t.as_str()))
                .filter(|t| {
                    wanted
                        .get(t.as_str())
                        .is_some_and(|&k| (df[k as usize] as f64) < limit)
                })
                .map(String::as_str)
                .collect()
        })
        .collect();
    let all: BTreeSet<&str> = topics
        .iter()
        .flatten()
        .copied()
        .chain(words.iter().flat_map(|w| w.1.iter().map(String::as_str)))
        .collect();
    let id: BTreeMap<&str, u32> = all
        .iter()
        .enumerate()
        .map(|(k, &s)| (s, k as u32))
        .collect();
    let ids = |set: &mut dyn Iterator<Item = &str>| -> Vec<u32> { set.map(|s| id[s]).collect() };
    let items = found
        .iter()
        .zip(&words)
        .zip(&topics)
        .map(|((&(i, cue), (_, stems)), topic)| Item {
            sentence: i,
            doc: corpus.sentences[i].doc,
            class: &cue.class,
            topic: ids(&mut topic.iter().copied()),
            stems: ids(&mut stems.iter().map(String::as_str)),
        })
        .collect();
    (items, all.len())
}

/// In how many sentences of the corpus each wanted term occurs, by the term's id.
fn term_counts(corpus: &Corpus, wanted: &WordMap<&str, u32>) -> Vec<u32> {
    // One memo per worker: a chunk per thread, not rayon's finer splits, each of which
    // would stem its words again.
    let n = corpus.sentences.len();
    let chunk = n.div_ceil(rayon::current_num_threads().max(1)).max(1);
    corpus
        .sentences
        .par_chunks(chunk)
        .map(|sentences| {
            let mut memo: WordMap<String, Option<u32>> = WordMap::default();
            let mut counts = vec![0u32; wanted.len()];
            let mut seen: Vec<u32> = Vec::new();
            for s in sentences {
                seen.clear();
                for w in corpus.text(s).unicode_words() {
                    let id = match memo.get(w) {
                        Some(&id) => id,
                        None => {
                            let id = fold_word(w)
                                .filter(|w| is_term(w))
                                .and_then(|w| wanted.get(stem(&w).as_str()).copied());
                            memo.insert(w.to_string(), id);
                            id
                        }
                    };
                    seen.extend(id);
                }
                seen.sort_unstable();
                seen.dedup();
                for &id in &seen {
                    counts[id as usize] += 1;
                }
            }
            counts
        })
        .reduce(
            || vec![0u32; wanted.len()],
            |mut a, b| {
                a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                a
            },
        )
}

/// Whether a folded word is a content term ([`terms`](crate::text::tokens::terms) keeps it).
fn is_term(w: &str) -> bool {
    !is_stop_word(w) && w.chars().any(char::is_alphabetic)
}

/// Stems of the words a worker has seen, by the word as segmented (`None`: dropped).
#[derive(Debug, Default)]
struct Memo(WordMap<String, Option<(String, bool)>>);

impl Memo {
    /// A text's content terms in order ([`terms`](crate::text::tokens::terms)) and the set
    /// of all its stems ([`stem_set`](crate::text::tokens::stem_set)).
    fn terms_and_stems(&mut self, text: &str) -> (Vec<String>, BTreeSet<String>) {
        let (mut terms, mut stems) = (Vec::new(), BTreeSet::new());
        for w in text.unicode_words() {
            if !self.0.contains_key(w) {
                let entry = fold_word(w).map(|f| (stem(&f), is_term(&f)));
                self.0.insert(w.to_string(), entry);
            }
            if let Some(Some((s, term))) = self.0.get(w) {
                if *term {
                    terms.push(s.clone());
                }
                if !stems.contains(s) {
                    stems.insert(s.clone());
                }
            }
        }
        (terms, stems)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn what_was_open_in_the_past_is_no_open_issue() {
        use super::about_the_past;
        let now = Some(2005);
        assert!(about_the_past(
            "He first sought psychiatric help in 1966, while under investigation for bribery.",
            now
        ));
        assert!(about_the_past(
            "The community had come under investigation in the past.",
            now
        ));
        assert!(!about_the_past(
            "The murder has remained unsolved since 1985 and is still under investigation.",
            now
        ));
        assert!(!about_the_past(
            "The cause of the fire is under investigation, officials said in 2004.",
            now
        ));
        assert!(!about_the_past(
            "It is unclear when talks will resume.",
            None
        ));
    }

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
    fn memo_gives_words_terms_and_stem_sets() {
        let texts = [
            "Erdo\u{11f}an said the talks were continuing in 2016.",
            "The U.S. envoy's \u{201c}plan\u{201d} -- 400,000 km_2, e.g. 3.5 Mr. O'Neill.",
            "Na\u{ef}ve CAF\u{c9}S, \u{fc}ber-Stra\u{df}e; \u{2014}quoted\u{2019}s",
            "ALL CAPS, MiXeD case: Officials' statements",
            "",
        ];
        let mut memo = Memo::default();
        for t in texts {
            let folded: Vec<String> = t.unicode_words().filter_map(fold_word).collect();
            assert_eq!(folded, crate::text::tokens::words(t), "{t}");
            for _ in 0..2 {
                let (terms, stems) = memo.terms_and_stems(t);
                assert_eq!(terms, crate::text::tokens::terms(t), "{t}");
                assert_eq!(stems, crate::text::tokens::stem_set(t), "{t}");
            }
        }
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
            let cue = cue_of(text, &mut Scratch::default());
            assert_eq!(cue.map(|c| c.text.as_str()), want, "{text}");
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
