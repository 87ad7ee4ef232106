//! The summary section: what happened, one cited point per chosen sentence, in reading order.

use super::{Point, point};
use crate::rank;
use crate::text::Corpus;

/// The summary points: each chosen sentence, cited to every article carrying it.
pub(super) fn section(corpus: &Corpus, summary: &[rank::Point]) -> Vec<Point> {
    summary
        .iter()
        .map(|p| {
            let mut shown = point(corpus, &p.sentences);
            if p.skip > 0 || p.cut > 0 {
                // A verbatim span of the first sentence, cited as such.
                let span = p.span(corpus);
                shown.text = crate::text::fold(p.text(corpus));
                if let Some(c) = shown.citations.first_mut() {
                    c.span = [span.start, span.end];
                }
            }
            shown
        })
        .collect()
}
