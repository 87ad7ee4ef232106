//! Dated events: each article's anchor day, and the body sentences whose temporal
//! expressions resolve against it.

use rayon::prelude::*;

use super::calendar::Day;
use super::grammar::{Expr, detect};
use super::resolve::{is_future, needs_anchor, resolve};
use super::{Certainty, Dated};
use crate::extract::issues::whole::is_quote_piece;
use crate::text::Corpus;

/// Fewest words, besides the dating expression, a sentence needs to tell an event.
const MIN_WORDS: usize = 5;

/// Each document's anchor day and whether it is its own date (`Resolved`) or inferred.
pub(super) fn anchors(corpus: &Corpus) -> Vec<Option<(Day, Certainty)>> {
    let own: Vec<Option<Day>> = corpus
        .docs
        .iter()
        .map(|d| d.meta.date.as_deref().and_then(Day::parse))
        .collect();
    // An undated article takes the latest date of its siblings: weekdays then resolve into
    // the week the story has reached, not into an earlier one.
    let latest = own.iter().flatten().copied().max();
    own.iter()
        .enumerate()
        .map(|(i, d)| match (d, latest) {
            (Some(d), _) => Some((*d, Certainty::Resolved)),
            (None, Some(m)) => Some((m, Certainty::Inferred)),
            (None, None) => latest_full_date(corpus, i).map(|d| (d, Certainty::Inferred)),
        })
        .collect()
}

/// The latest full date (day, month and year) an article writes.
fn latest_full_date(corpus: &Corpus, doc: usize) -> Option<Day> {
    corpus.sentences[corpus.doc_sentences(doc)]
        .iter()
        .flat_map(|s| {
            let text = corpus.text(s);
            detect(text)
                .into_iter()
                .filter(|e| {
                    matches!(
                        e.expr,
                        Expr::Date {
                            year: Some(_),
                            days: Some(_),
                            ..
                        }
                    )
                })
                .filter_map(|e| resolve(&e, None, false))
                .map(|w| w.end)
                .collect::<Vec<_>>()
        })
        .max()
}

/// Every body sentence with a resolvable temporal expression, in corpus order.
pub(super) fn dated_sentences(corpus: &Corpus, anchors: &[Option<(Day, Certainty)>]) -> Vec<Dated> {
    corpus
        .sentences
        .par_iter()
        .enumerate()
        .filter_map(|(si, s)| {
            // A piece of a longer quotation is no event of its own.
            if !s.is_body() || is_quote_piece(corpus, si) {
                return None;
            }
            let text = corpus.text(s);
            let anchor = anchors.get(s.doc).copied().flatten();
            let exprs = detect(text);
            let words = |t: &str| t.split_whitespace().count();
            exprs.iter().find_map(|e| {
                let when = resolve(e, anchor.map(|a| a.0), is_future(&text[..e.span.start]))?;
                let rest = words(text) - words(&text[e.span.clone()]);
                if rest < MIN_WORDS {
                    return None;
                }
                let certainty = match anchor {
                    Some((_, Certainty::Inferred)) if needs_anchor(e) => Certainty::Inferred,
                    _ => Certainty::Resolved,
                };
                Some(Dated {
                    sentence: si,
                    expr: s.span.start + e.span.start..s.span.start + e.span.end,
                    when,
                    certainty,
                })
            })
        })
        .collect()
}
