//! Open issues: what the sources say is unresolved, disputed, pending or uncertain.

use crate::text::Corpus;

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

/// Find open issues, merged across outlets, best first. `centrality` is indexed like
/// [`Corpus::sentences`].
pub fn extract_open_issues(corpus: &Corpus, centrality: &[f64]) -> Vec<OpenIssue> {
    let _ = (corpus, centrality);
    Vec::new()
}
