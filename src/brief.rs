//! Stage 5, assemble: analysis results -> [`Brief`], the serde model templates and
//! `--format json` see. Schema-versioned: bump [`SCHEMA_VERSION`] on any incompatible change.
//!
//! Each extractor's section has its own file here (`summary`, `actors`, `positions`,
//! `issues`, `figures`): its types and the function that builds it from what the extractor
//! found. This file holds what sections share (citations, points, sources) and the Brief.
//! Every text field that comes from an article is a verbatim span of it, with its citation.
//! What changed since a previous version is not part of the model: it is render-time
//! metadata ([`render::Meta`](crate::render::Meta)).

use schemars::JsonSchema;
use serde::Serialize;

use std::ops::Range;

use crate::extract::entities::Actor;
use crate::extract::figures::{Comparison, Figure};
use crate::extract::issues::OpenIssue;
use crate::extract::quotes::Statement;
use crate::ingest::{OutletFrom, Warning};
use crate::text::Corpus;

mod actors;
mod assemble;
mod figures;
mod framing;
mod issues;
mod positions;
mod summary;
mod timeline;

pub use self::actors::ActorEntry;
pub use self::assemble::assemble;
pub use self::figures::{FigureEntry, FigureGroup};
pub use self::framing::{FramingEntry, NameEntry, OutletNaming};
pub use self::positions::{Position, StatementEntry};
pub use self::timeline::TimelineEntry;
pub use crate::extract::Limits;

/// Version of the JSON model. 1 = first release.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole brief.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct Brief {
    /// Version of this model ([`SCHEMA_VERSION`]).
    #[schemars(extend("const" = SCHEMA_VERSION))]
    pub schema_version: u32,
    /// The story's headline: the most central article headline.
    pub title: String,
    /// First and last article dates, when any article is dated.
    pub period: Option<Period>,
    /// How many sources and outlets the brief draws on.
    pub generated_from: Counts,
    /// What happened: summary points in reading order.
    pub summary: Vec<Point>,
    /// Who matters: key actors (people, organisations, groups, states), strongest first.
    pub actors: Vec<ActorEntry>,
    /// Other places named (cities, regions), strongest first.
    pub places: Vec<String>,
    /// Who wants what: statements per key actor.
    pub positions: Vec<Position>,
    /// What is unresolved.
    pub open_issues: Vec<Point>,
    /// Where the outlets disagree (and agree): figures per measured thing.
    pub figures: Vec<FigureGroup>,
    /// When it happened: dated events, the story's own days in date order, then background.
    pub timeline: Vec<TimelineEntry>,
    /// How the outlets name the key actors and groups, most divergent first.
    pub framing: Vec<FramingEntry>,
    /// The articles read.
    pub sources: Vec<Source>,
    /// Files skipped and why.
    pub warnings: Vec<Warning>,
}

/// A date range.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Period {
    /// Earliest article date, `YYYY-MM-DD`.
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub first: String,
    /// Latest article date, `YYYY-MM-DD`.
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub last: String,
}

/// Source counts.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Counts {
    /// Articles read.
    pub sources: usize,
    /// Distinct outlets.
    pub outlets: usize,
}

/// Where a piece of text comes from.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Citation {
    /// Outlet name.
    pub outlet: String,
    /// 1-based number of the source in [`Brief::sources`].
    pub source: usize,
    /// Article path relative to the input folder.
    pub doc: String,
    /// Byte range `[start, end)` in the article's text: the file as decoded, or for a saved
    /// web page the article text extracted from it.
    pub span: [usize; 2],
    /// Article URL when known.
    pub url: Option<String>,
    /// Article date when known.
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub date: Option<String>,
}

/// A cited statement of fact: a summary sentence or an open issue.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Point {
    /// Verbatim text from the first citation's article (white space folded).
    pub text: String,
    /// Every outlet carrying it; the first is where `text` comes from.
    pub citations: Vec<Citation>,
    /// Number of distinct outlets carrying it.
    pub support: usize,
}

/// One article read.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Source {
    /// 1-based number, as cited.
    pub number: usize,
    /// Outlet name.
    pub outlet: String,
    /// How the outlet was found.
    pub outlet_from: OutletFrom,
    /// Headline.
    pub title: String,
    /// Path relative to the input folder.
    pub path: String,
    /// URL when known.
    pub url: Option<String>,
    /// Date when known.
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub date: Option<String>,
    /// Author when known.
    pub author: Option<String>,
    /// Words of article text kept after cleaning.
    pub words: usize,
    /// Number of the source this one copies, when it is a duplicate.
    pub duplicate_of: Option<usize>,
}

/// Everything the analysis found, ready to assemble.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Summary points (sentence indices).
    pub summary: Vec<crate::rank::Point>,
    /// Actors, strongest first.
    pub actors: Vec<Actor>,
    /// Statements, best first.
    pub statements: Vec<Statement>,
    /// Open issues, best first.
    pub issues: Vec<OpenIssue>,
    /// Every figure.
    pub figures: Vec<Figure>,
    /// Figure comparisons, differing first.
    pub comparisons: Vec<Comparison>,
    /// Dated events: story then background, each in date order.
    pub timeline: Vec<crate::extract::timeline::Event>,
    /// Names per outlet per key actor and group, most divergent first.
    pub framing: Vec<crate::extract::framing::Framing>,
}

/// The citation of `span` in document `doc`.
fn citation(corpus: &Corpus, doc: usize, span: &Range<usize>) -> Citation {
    let d = &corpus.docs[doc];
    Citation {
        outlet: d.meta.outlet.clone(),
        source: doc + 1,
        doc: d.path.clone(),
        span: [span.start, span.end],
        url: d.meta.url.clone(),
        date: d.meta.date.clone(),
    }
}

/// A point told by `sentences` (the first is shown), cited once per article.
fn point(corpus: &Corpus, sentences: &[usize]) -> Point {
    let mut citations: Vec<Citation> = Vec::new();
    for &i in sentences {
        let c = citation(corpus, corpus.sentences[i].doc, &corpus.sentences[i].span);
        if !citations.iter().any(|d| d.source == c.source) {
            citations.push(c);
        }
    }
    Point {
        text: crate::text::fold(corpus.text(&corpus.sentences[sentences[0]])),
        support: distinct(citations.iter().map(|c| c.outlet.as_str())),
        citations,
    }
}

/// `x` to three decimals, so the JSON does not print float noise.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The number of distinct items.
fn distinct<'a>(items: impl Iterator<Item = &'a str>) -> usize {
    let mut v: Vec<&str> = items.collect();
    v.sort_unstable();
    v.dedup();
    v.len()
}
