//! Figures: numbers in the text with qualifier, unit and what they measure, compared across
//! outlets.

use std::ops::Range;

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

/// Every figure in the corpus, in corpus order.
pub fn extract_figures(corpus: &Corpus) -> Vec<Figure> {
    let _ = corpus;
    Vec::new()
}

/// Group comparable figures; differing groups first, then agreeing, then single-source.
pub fn compare_figures(corpus: &Corpus, figures: &[Figure]) -> Vec<Comparison> {
    let _ = (corpus, figures);
    Vec::new()
}
