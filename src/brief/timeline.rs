//! The timeline section: dated events in order, the story's own days first, then the
//! background, each entry cited to every outlet telling it.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Citation, citation};
use crate::extract::timeline::{Certainty, Event, Grain};
use crate::text::{Corpus, fold};

/// Story entries shown at most (the best supported, then shown in date order).
const MAX_STORY: usize = 15;
/// Background entries shown at most.
const MAX_BACKGROUND: usize = 6;

/// One dated event.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct TimelineEntry {
    /// The date (`YYYY-MM-DD`) or interval (`START/END`, ISO 8601).
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(/[0-9]{4}-[0-9]{2}-[0-9]{2})?$"))]
    pub date: String,
    /// First day, `YYYY-MM-DD`.
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub start: String,
    /// Last day, `YYYY-MM-DD` (equal to `start` for one day).
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub end: String,
    /// day, week, month, year, or since (from a date to the article's day).
    pub precision: Grain,
    /// The date for a reader: "Thu 8 Sep 2016", "Feb 2016", "since 2011".
    pub label: String,
    /// resolved (from the article's own date or an absolute date) or inferred (from the
    /// dates of sibling articles or the article's own absolute dates).
    pub status: Certainty,
    /// Years or months before the story's own days.
    pub background: bool,
    /// The event in the first citation's words: its sentence, verbatim (white space folded).
    pub text: String,
    /// The dating expression as written there ("on Thursday").
    pub expression: String,
    /// Actors the sentences name, most salient first.
    pub actors: Vec<String>,
    /// Every article telling it; the first is where `text` comes from.
    pub citations: Vec<Citation>,
    /// Number of distinct outlets telling it.
    pub support: usize,
}

/// The timeline entries: the best-supported story and background entries, in date order.
pub(super) fn section(corpus: &Corpus, events: &[Event]) -> Vec<TimelineEntry> {
    let pick = |background: bool, max: usize| -> Vec<&Event> {
        let mut part: Vec<(usize, &Event)> = events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.background == background)
            .collect();
        part.sort_by_key(|(i, e)| (std::cmp::Reverse(e.support), *i));
        part.truncate(max);
        part.sort_by_key(|(i, _)| *i);
        part.into_iter().map(|(_, e)| e).collect()
    };
    pick(false, MAX_STORY)
        .into_iter()
        .chain(pick(true, MAX_BACKGROUND))
        .map(|e| entry(corpus, e))
        .collect()
}

fn entry(corpus: &Corpus, e: &Event) -> TimelineEntry {
    let mut citations: Vec<Citation> = Vec::new();
    for d in &e.sentences {
        let s = &corpus.sentences[d.sentence];
        let c = citation(corpus, s.doc, &s.span);
        if !citations.iter().any(|k| k.source == c.source) {
            citations.push(c);
        }
    }
    let first = &e.sentences[0];
    let s = &corpus.sentences[first.sentence];
    TimelineEntry {
        date: e.when.iso(),
        start: e.when.start.to_string(),
        end: e.when.end.to_string(),
        precision: e.when.grain,
        label: e.when.label(),
        status: e.certainty,
        background: e.background,
        text: fold(corpus.text(s)),
        expression: fold(corpus.docs[s.doc].text(&first.expr)),
        actors: e.actors.clone(),
        citations,
        support: e.support,
    }
}
