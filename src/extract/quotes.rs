//! Positions: direct quotes and reported speech, attributed to actors.

use std::ops::Range;

use serde::Serialize;

use super::entities::Actor;
use crate::text::Corpus;

/// Direct quote or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// Words inside quotation marks.
    Quote,
    /// Reported speech: "X said that ...", "according to X", "X wants ...".
    Paraphrase,
}

/// Where a statement appears: one outlet's copy of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Document index.
    pub doc: usize,
    /// Sentence index in [`Corpus::sentences`].
    pub sentence: usize,
    /// Byte range of the statement's text (the quote, or the reported clause) in the raw text.
    pub span: Range<usize>,
}

/// One statement, possibly carried by several outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Index into the actors list, when the speaker was resolved to an actor.
    pub actor: Option<usize>,
    /// The speaker as the text names it ("a senior US official", "Lavrov").
    pub speaker: String,
    /// Quote or paraphrase.
    pub kind: StatementKind,
    /// The reporting verb, lemmatised ("say", "warn", "want").
    pub verb: String,
    /// The speaker is unnamed ("a senior official").
    pub anonymous: bool,
    /// Every outlet's copy, first one first; the first is the one shown.
    pub occurrences: Vec<Occurrence>,
    /// Ranking score (centrality of its sentences, support across outlets).
    pub score: f64,
}

/// Find statements, merged across outlets, best first. `centrality` is indexed like
/// [`Corpus::sentences`].
pub fn extract_statements(corpus: &Corpus, actors: &[Actor], centrality: &[f64]) -> Vec<Statement> {
    let _ = (corpus, actors, centrality);
    Vec::new()
}
