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
//!    "more than" = up to +20%, ...), converts units to a common base (time to days, rates
//!    to per day), and marks a group as agreeing when the widened intervals of different
//!    outlets overlap; for cumulative measures, growth that follows the articles' dates is a
//!    revision, not a dispute.
//!
//! See docs/extraction.md ("Figures and open issues") for the rules and measured precision and recall.

mod compare;
#[cfg(test)]
mod eval;
mod grammar;
mod lexer;
mod lexicon;
mod measure;
mod number;
mod source;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_compare;

use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use crate::text::Corpus;

/// A normalised value: a number or an interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
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
    /// What it measures, canonical ("death toll", "displaced", "war duration").
    pub measure: Option<String>,
    /// Who the article attributes it to ("the UN special envoy").
    pub attributed_to: Option<String>,
    /// Rate period when the figure is a rate: "day" for "$9.6 billion of goods every day".
    pub per: Option<String>,
}

impl Figure {
    /// The figure's verbatim text in its article ("an estimated 400,000").
    pub fn display<'a>(&self, corpus: &'a Corpus) -> &'a str {
        corpus.docs.get(self.doc).map_or("", |d| d.text(&self.span))
    }
}

/// Figures for one measured thing, across outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The measured thing ("death toll").
    pub measure: String,
    /// Indices into the figures list, one or more per outlet.
    pub figures: Vec<usize>,
    /// All outlets give compatible values.
    pub agree: bool,
    /// Values differ but grow with the articles' dates: a revision, not a dispute.
    pub revision: bool,
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
    runs.into_par_iter()
        .map_init(measure::Stems::default, |stems, run| {
            doc_figures(corpus, run, stems)
        })
        .flatten_iter()
        .collect()
}

/// The figures of one article's run of sentences.
fn doc_figures(corpus: &Corpus, run: Range<usize>, stems: &mut measure::Stems) -> Vec<Figure> {
    let mut out = Vec::new();
    // Who each sentence attributes what it says to, worked out when a figure needs it.
    let mut sources: Vec<Option<Option<String>>> = vec![None; run.len()];
    let mut source_of = |si: usize| -> Option<String> {
        sources[si - run.start]
            .get_or_insert_with(|| measure::attribution(corpus.text(&corpus.sentences[si])))
            .clone()
    };
    for si in run.clone() {
        let s = &corpus.sentences[si];
        let text = corpus.text(s);
        if !grammar::may_hold_figure(text) {
            continue;
        }
        let (toks, parsed) = grammar::parse_sentence(text);
        if parsed.is_empty() {
            continue;
        }
        // "he said": the last named source earlier in the article.
        let source = source_of(si).and_then(|src| {
            if measure::is_pronoun(&src) {
                (run.start..si)
                    .rev()
                    .find_map(|k| source_of(k).filter(|s| !measure::is_pronoun(s)))
            } else {
                Some(src)
            }
        });
        for (k, p) in parsed.iter().enumerate() {
            out.push(Figure {
                doc: s.doc,
                sentence: si,
                span: s.span.start + p.span.start..s.span.start + p.span.end,
                value: p.value,
                qualifier: p.qualifier.clone(),
                unit: p.unit.clone(),
                measure: measure::measure_of(&toks, &parsed, k, stems),
                attributed_to: source.clone(),
                per: p.per.clone(),
            });
        }
    }
    out
}

/// Group comparable figures; differing groups first, then agreeing, then single-source.
pub fn compare_figures(corpus: &Corpus, figures: &[Figure]) -> Vec<Comparison> {
    compare::compare(corpus, figures)
}
