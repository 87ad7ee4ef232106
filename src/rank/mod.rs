//! Stage 4, rank: sentences -> the summary.
//!
//! 1. [`tfidf`]: a sparse tf-idf vector per sentence (stemmed content words).
//! 2. [`lexrank`]: LexRank centrality (Erkan & Radev 2004) over the cosine-similarity graph.
//! 3. [`mod@select`]: budgeted greedy selection that maximises coverage of the cluster's concepts
//!    (stemmed word bigrams weighted by how many documents carry them, as in ICSISumm),
//!    weighted by centrality and entity salience; concepts already covered count nothing
//!    again, and near-duplicates of a chosen sentence are merged into it as further citations.

mod concepts;
mod lagrange;
pub mod lead;
pub mod lexicon;
pub mod lexrank;
pub mod select;
mod solve;
pub mod sparse;
pub mod tfidf;

pub use select::{Budget, Point, select, select_with};

use crate::text::Corpus;

/// Per-sentence scores that selection and the extractors share. Indexed like
/// [`Corpus::sentences`].
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// LexRank centrality, scaled so the most central sentence is 1.
    pub centrality: Vec<f64>,
    /// Entity salience, scaled so the most salient sentence is 1.
    pub salience: Vec<f64>,
}

/// Compute centrality for every sentence of the corpus.
pub fn centrality(corpus: &Corpus) -> Vec<f64> {
    centrality_of(&lexicon::Lexicon::new(corpus))
}

/// [`centrality`] of an already tokenised corpus: the brief tokenises once for centrality
/// and selection.
pub fn centrality_of(lex: &lexicon::Lexicon) -> Vec<f64> {
    let vectors = tfidf::vectors_of(lex);
    lexrank::lexrank(&vectors, lexrank::THRESHOLD)
}
