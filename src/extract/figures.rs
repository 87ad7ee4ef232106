//! Figures: numbers in the text with qualifier, unit and what they measure, compared across
//! outlets.
//!
//! Method, in three passes over each sentence:
//! 1. `grammar` tokenises the sentence and parses every figure with a small hand-written
//!    grammar (`[qualifier] [currency] number [range] [unit]`), rejecting dates, times,
//!    years, ordinals and names, and normalising the value to a number or an interval.
//! 2. `measure` decides what the figure counts from cue words in its clause, using the
//!    user-extensible table `src/extract/measures.toml` (first matching entry wins), and who
//!    the sentence attributes it to ("according to X", "X said", "said X"; a pronoun is
//!    resolved to the last named source earlier in the same article).
//! 3. `compare` groups figures by measure, widens each by its qualifier ("about" = ±10%,
//!    "more than" = up to +20% or the next rounding step, ...), converts units to a common
//!    base (time to days, rates to per day), and marks a group as agreeing when the widened intervals of different
//!    outlets overlap; for cumulative measures, growth that follows the articles' dates is a
//!    revision, not a dispute.
//!
//! See docs/extraction.md ("Figures and open issues") for the rules and measured precision and recall.

mod compare;
#[cfg(test)]
mod eval;
mod frame;
mod frame_words;
mod grammar;
mod lexer;
mod lexicon;
mod number;
mod phrase;
mod scope;
mod source;
mod synonyms;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_compare;
#[cfg(test)]
mod tests_frame;

use std::ops::Range;

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;

use crate::text::Corpus;

/// A normalised value: a number or an interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct Value {
    /// Lower bound (equal to `high` for a single number).
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// One figure as found in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Document index.
    pub doc: usize,
    /// Sentence index in [`Corpus::sentences`].
    pub sentence: usize,
    /// Byte range of the figure, qualifier included ("more than 280,000"), in the raw text.
    pub span: Range<usize>,
    /// The normalised value.
    pub value: Value,
    /// "more than", "about", "at least", ... when given.
    pub qualifier: Option<String>,
    /// Unit: "people", "years", "USD", "%", ...
    pub unit: Option<String>,
    /// What it measures, in the sentence's words ("undersea cables", "people killed",
    /// "magnitude", "distance from Healdsburg").
    pub measure: Option<String>,
    /// The grouping key: figures with the same key (and unit class) measure the same thing.
    pub key: Option<String>,
    /// The verb the figure goes with ("killed", "captured", "stole").
    pub predicate: Option<String>,
    /// The key is generic ("people", "others"): enough to show agreement, not a dispute.
    pub weak: bool,
    /// The key is the counted noun alone ("boats"): a dispute needs the two sentences to
    /// share what they are about.
    pub plain: bool,
    /// When its sentence is about another event or time ("in 2004", "last year", "so
    /// far"), the words that say so: the figure is background, never compared.
    pub background: Option<String>,
    /// The sentence gives it as an earlier value ("originally rated 4.4").
    pub superseded: bool,
    /// The sentence gives it as an update ("the toll rose to 24").
    pub update: bool,
    /// Who the article attributes it to ("the UN special envoy").
    pub attributed_to: Option<String>,
    /// Rate period when the figure is a rate: "day" for "$9.6 billion of goods every day".
    pub per: Option<String>,
    /// For a distance, the compass bearing it is given in, in degrees ("80 miles southeast
    /// of San Francisco": 135).
    pub bearing: Option<f64>,
    /// The rounding step the number is written to, in the figure's unit: 100 for "more than
    /// 200", 12 for "two dozen", 1 for "24".
    pub step: f64,
}

impl Figure {
    /// The figure's verbatim text in its article ("an estimated 400,000").
    pub fn display<'a>(&self, corpus: &'a Corpus) -> &'a str {
        corpus.docs.get(self.doc).map_or("", |d| d.text(&self.span))
    }
}

/// How the outlets' values for one measure relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Outlets give incompatible values.
    Differ,
    /// Values changed over time: later articles (or the same outlet, "rose to") give
    /// newer values, or an article says which value was the earlier one.
    Revised,
    /// All outlets' values are compatible.
    Agree,
    /// Only one outlet gives this figure.
    Single,
}

/// Figures for one measured thing, across outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The measured thing, in the articles' words ("people killed", "magnitude").
    pub measure: String,
    /// Indices into the figures list, one or more per outlet.
    pub figures: Vec<usize>,
    /// How the values relate.
    pub status: Status,
    /// No outlet contradicts another: false for [`Status::Differ`] and [`Status::Revised`].
    pub agree: bool,
}

/// What the figures slice finds: every figure, and the figures grouped by what they measure.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Every figure, in corpus order.
    pub figures: Vec<Figure>,
    /// Comparable figures grouped, differing groups first.
    pub comparisons: Vec<Comparison>,
}

/// The figures slice (see [`crate::extract`]): every figure and how the outlets compare.
pub fn analyse(view: &super::View<'_>, _settings: &super::Settings) -> Found {
    let figures = extract_figures(view.corpus);
    let comparisons = compare_figures(view.corpus, &figures);
    Found {
        figures,
        comparisons,
    }
}

/// Every figure in the corpus, in corpus order.
pub fn extract_figures(corpus: &Corpus) -> Vec<Figure> {
    // A pronoun source only resolves within its own article, so articles are independent:
    // parse them in parallel and concatenate in corpus order.
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (si, s) in corpus.sentences.iter().enumerate() {
        match runs.last_mut() {
            Some(r) if corpus.sentences[r.start].doc == s.doc => r.end = si + 1,
            _ => runs.push(si..si + 1),
        }
    }
    let year = story_year(corpus);
    runs.into_par_iter()
        .map_init(synonyms::Stems::default, |stems, run| {
            doc_figures(corpus, run, year, stems)
        })
        .flatten_iter()
        .collect()
}

/// The year the story happens in: the most common year of the articles' dates, else the
/// most common year written in their text (ties: the latest). Figures in sentences about
/// other years are background.
fn story_year(corpus: &Corpus) -> Option<u32> {
    let mut counts: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
    let year = |s: &str| s.get(..4).and_then(|y| y.parse::<u32>().ok());
    for d in &corpus.docs {
        if let Some(y) = d.meta.date.as_deref().and_then(year) {
            *counts.entry(y).or_default() += 1;
        }
    }
    if counts.is_empty() {
        for d in &corpus.docs {
            let b = d.raw.as_bytes();
            for i in 0..b.len().saturating_sub(3) {
                let edge = |k: usize| b.get(k).is_none_or(|c| !c.is_ascii_alphanumeric());
                if (b[i] == b'1' && b[i + 1] == b'9' || b[i] == b'2' && b[i + 1] == b'0')
                    && b[i + 2].is_ascii_digit()
                    && b[i + 3].is_ascii_digit()
                    && (i == 0 || edge(i - 1))
                    && edge(i + 4)
                    && let Some(y) = year(&d.raw[i..])
                {
                    *counts.entry(y).or_default() += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

/// The figures of one article's run of sentences.
fn doc_figures(
    corpus: &Corpus,
    run: Range<usize>,
    year: Option<u32>,
    stems: &mut synonyms::Stems,
) -> Vec<Figure> {
    let mut out = Vec::new();
    // Who each sentence attributes what it says to, worked out when a figure needs it.
    let mut sources: Vec<Option<Option<String>>> = vec![None; run.len()];
    let mut source_of = |si: usize| -> Option<String> {
        sources[si - run.start]
            .get_or_insert_with(|| source::attribution(corpus.text(&corpus.sentences[si])))
            .clone()
    };
    // The scope of the previous sentence when it was about another event.
    let mut previous: Option<(String, &str)> = None;
    for si in run.clone() {
        let s = &corpus.sentences[si];
        let text = corpus.text(s);
        if !grammar::may_hold_figure(text) {
            previous = None;
            continue;
        }
        let (toks, parsed) = grammar::parse_sentence(text);
        let own = scope::background(&toks, text, year, &parsed);
        let background = own.clone().or_else(|| {
            previous
                .as_ref()
                .filter(|(_, prev)| scope::continues(&toks, prev))
                .map(|(why, _)| why.clone())
        });
        previous = background.clone().map(|why| (why, text));
        if parsed.is_empty() {
            continue;
        }
        // "he said": the last named source earlier in the article.
        let source = source_of(si).and_then(|src| {
            if source::is_pronoun(&src) {
                (run.start..si)
                    .rev()
                    .find_map(|k| source_of(k).filter(|s| !source::is_pronoun(s)))
            } else {
                Some(src)
            }
        });
        let earlier = scope::superseded_from(&toks);
        for (k, p) in parsed.iter().enumerate() {
            let fr = frame::frame_of(&toks, &parsed, k, text, stems);
            out.push(Figure {
                doc: s.doc,
                sentence: si,
                span: s.span.start + p.span.start..s.span.start + p.span.end,
                value: p.value,
                qualifier: p.qualifier.clone(),
                unit: p.unit.clone(),
                measure: fr.thing,
                key: if p.increment || p.window || p.reading {
                    None
                } else {
                    fr.key
                },
                predicate: fr.predicate,
                weak: fr.weak,
                plain: fr.plain,
                background: background.clone(),
                superseded: earlier.is_some_and(|e| e < p.toks.start),
                update: fr.update,
                attributed_to: source.clone(),
                per: p.per.clone(),
                bearing: fr.bearing,
                step: p.step,
            });
        }
    }
    out
}

/// Group comparable figures; differing groups first, then agreeing, then single-source.
pub fn compare_figures(corpus: &Corpus, figures: &[Figure]) -> Vec<Comparison> {
    compare::compare(corpus, figures)
}
