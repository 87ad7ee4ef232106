//! The summary section: what happened, one cited point per chosen sentence, in reading order.

use super::{Point, point};
use crate::rank;
use crate::text::Corpus;

/// The summary points: each chosen sentence, cited to every article carrying it.
pub(super) fn section(corpus: &Corpus, summary: &[rank::Point]) -> Vec<Point> {
    summary
        .iter()
        .map(|p| point(corpus, &p.sentences))
        .collect()
}
