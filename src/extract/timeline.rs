//! Timeline: every sentence that dates an event, resolved to a day or an interval, the same
//! event told by several outlets merged into one entry, background kept apart from the
//! story's own days.
//!
//! Method, in four steps (one file each):
//! 1. [`grammar`]: temporal expressions by a regular grammar (dates, weekdays, "yesterday",
//!    "last week", "two weeks ago", "since 2011"; durations and clock times are found but
//!    date nothing).
//! 2. [`resolve`]: each expression against its article's date. An undated article takes the
//!    latest date of its dated siblings, else the latest full date it writes itself, and its
//!    relative dates are marked `inferred`.
//! 3. `event`: a body sentence with a resolved expression is a dated event, told in the
//!    sentence's own words (the first resolvable expression dates it), with the actors it names.
//! 4. `merge`: dated events on the same dates whose words overlap are one entry, cited to
//!    every outlet; entries ending a month or more before the story's first day are
//!    background; both parts are ordered by date.
//!
//! See docs/extraction.md ("Timeline") for the rules and the measured detection and resolution.

pub mod calendar;
mod event;
pub mod grammar;
mod merge;
pub mod resolve;
#[cfg(test)]
mod tests;

use schemars::JsonSchema;
use serde::Serialize;

pub use self::calendar::Day;
pub use self::grammar::{TimeExpr, detect};
pub use self::resolve::{Grain, When};
use crate::extract::entities::Actor;
use crate::text::Corpus;

/// Whether a date was resolved against the article's own date (or needed none), or against
/// a date inferred from sibling articles or the article's own absolute dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// From an absolute date or the article's own date.
    Resolved,
    /// From an inferred anchor.
    Inferred,
}

/// One sentence dating an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Dated {
    /// Sentence index in [`Corpus::sentences`].
    pub sentence: usize,
    /// Byte range of the dating expression in the document's raw text.
    pub expr: std::ops::Range<usize>,
    /// The resolved date.
    pub when: When,
    /// Resolved or inferred.
    pub certainty: Certainty,
}

/// One event on the timeline: one or more sentences, across outlets, on the same dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// When it happened.
    pub when: When,
    /// Resolved unless every sentence's date was inferred.
    pub certainty: Certainty,
    /// Before the story's own days (a month or more before its first article).
    pub background: bool,
    /// The sentences telling it; the first is the one shown.
    pub sentences: Vec<Dated>,
    /// Names of the actors the sentences name, most salient first.
    pub actors: Vec<String>,
    /// Number of distinct outlets telling it.
    pub support: usize,
}

/// The timeline slice: [`extract_timeline`] over the shared view.
pub fn analyse(view: &super::View<'_>, _settings: &super::Settings) -> Vec<Event> {
    extract_timeline(view.corpus, view.actors)
}

/// The timeline of a corpus: story entries then background entries, each in date order.
pub fn extract_timeline(corpus: &Corpus, actors: &[Actor]) -> Vec<Event> {
    let anchors = event::anchors(corpus);
    let dated = event::dated_sentences(corpus, &anchors);
    let story_start = anchors.iter().flatten().map(|(d, _)| *d).min();
    merge::merge(corpus, actors, dated, story_start)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const FULL_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn month_name(m: u32, names: &[&'static str; 12]) -> &'static str {
    names[(m.clamp(1, 12) - 1) as usize]
}

impl When {
    /// The date for a reader: "Thu 8 Sep 2016", "8–9 Sep 2016", "week of 29 Aug 2016",
    /// "February 2016", "2011", "1990–1999", "since 2011".
    pub fn label(&self) -> String {
        let (y1, m1, d1) = self.start.ymd();
        let (y2, m2, d2) = self.end.ymd();
        let day = |d: Day| {
            let (y, m, dd) = d.ymd();
            format!("{dd} {} {y}", month_name(m, &MONTHS))
        };
        match self.grain {
            Grain::Day if self.start == self.end => format!(
                "{} {}",
                WEEKDAYS[self.start.weekday() as usize % 7],
                day(self.start)
            ),
            Grain::Day if (y1, m1) == (y2, m2) => {
                format!("{d1}–{d2} {} {y1}", month_name(m1, &MONTHS))
            }
            Grain::Day => format!("{} – {}", day(self.start), day(self.end)),
            Grain::Week => format!("week of {}", day(self.start)),
            Grain::Month => format!("{} {y1}", month_name(m1, &FULL_MONTHS)),
            Grain::Year if y1 == y2 => y1.to_string(),
            Grain::Year => format!("{y1}–{y2}"),
            Grain::Since if (m1, d1) == (1, 1) => format!("since {y1}"),
            Grain::Since if d1 == 1 => format!("since {} {y1}", month_name(m1, &FULL_MONTHS)),
            Grain::Since => format!("since {}", day(self.start)),
        }
    }

    /// `YYYY-MM-DD` for one day, `START/END` (ISO 8601 interval) otherwise.
    pub fn iso(&self) -> String {
        if self.start == self.end {
            self.start.to_string()
        } else {
            format!("{}/{}", self.start, self.end)
        }
    }
}

/// How the `nth` (1-based) occurrence of `expr` in the article whose file name (without
/// `.txt`) is `doc` resolves, as [`When::iso`], against that article's anchor. For checking
/// resolution against hand-annotated dates.
pub fn resolve_in(corpus: &Corpus, doc: &str, expr: &str, nth: usize) -> Option<String> {
    let d = corpus.docs.iter().find(|d| {
        let name = d.path.rsplit('/').next().unwrap_or(&d.path);
        name.strip_suffix(".txt").unwrap_or(name) == doc
    })?;
    let at = d.raw.match_indices(expr).nth(nth.checked_sub(1)?)?.0;
    let s = corpus
        .sentences
        .iter()
        .find(|s| s.doc == d.id && s.span.start <= at && at < s.span.end)?;
    let anchor = event::anchors(corpus)
        .get(d.id)
        .copied()
        .flatten()
        .map(|a| a.0);
    let text = corpus.text(s);
    let at = at - s.span.start;
    let e = detect(text)
        .into_iter()
        .find(|e| e.span.start < at + expr.len() && at < e.span.end)?;
    let future = resolve::is_future(&text[..e.span.start]);
    resolve::resolve(&e, anchor, future).map(|w| w.iso())
}
