//! The open-issues section: what is unresolved, disputed or pending, best first.

use super::{Point, point};
use crate::extract::Limits;
use crate::extract::issues::OpenIssue;
use crate::text::Corpus;

/// The open issues shown: the best ones with a sentence, each cited.
pub(super) fn section(corpus: &Corpus, issues: &[OpenIssue], limits: &Limits) -> Vec<Point> {
    issues
        .iter()
        .filter(|i| !i.sentences.is_empty())
        .take(limits.issues)
        .map(|i| point(corpus, &i.sentences))
        .collect()
}
