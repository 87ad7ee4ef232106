//! Stage 5, assemble: analysis results -> [`Brief`], the serde model templates and
//! `--format json` see. Schema-versioned: bump [`SCHEMA_VERSION`] on any incompatible change.
//!
//! Every text field that comes from an article is a verbatim span of it, with its citation.

use serde::Serialize;

use crate::extract::entities::{Actor, ActorKind};
use crate::extract::figures::{Comparison, Figure, Value};
use crate::extract::issues::OpenIssue;
use crate::extract::quotes::{Statement, StatementKind};
use crate::ingest::{OutletFrom, Warning};
use crate::text::Corpus;

/// Version of the JSON model. 1 = first release.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole brief.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Brief {
    /// [`SCHEMA_VERSION`].
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
    /// The articles read.
    pub sources: Vec<Source>,
    /// Files skipped and why.
    pub warnings: Vec<Warning>,
    /// What is new since the previous version of this brief, when one exists and differs
    /// (set by incremental builds; absent from the JSON otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<crate::workflow::changes::Changes>,
}

/// A date range.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Period {
    /// Earliest article date, `YYYY-MM-DD`.
    pub first: String,
    /// Latest article date, `YYYY-MM-DD`.
    pub last: String,
}

/// Source counts.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Counts {
    /// Articles read.
    pub sources: usize,
    /// Distinct outlets.
    pub outlets: usize,
}

/// Where a piece of text comes from.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
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
    pub date: Option<String>,
}

/// A cited statement of fact: a summary sentence or an open issue.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Point {
    /// Verbatim text from the first citation's article (white space folded).
    pub text: String,
    /// Every outlet carrying it; the first is where `text` comes from.
    pub citations: Vec<Citation>,
    /// Number of distinct outlets carrying it.
    pub support: usize,
}

/// A key actor.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorEntry {
    /// Canonical name.
    pub name: String,
    /// Other names used for it.
    pub aliases: Vec<String>,
    /// person, organisation, place or group.
    pub kind: ActorKind,
    /// Best-supported role, when known.
    pub role: Option<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// Outlets mentioning it.
    pub outlets: Vec<String>,
    /// Salience in 0..=1.
    pub salience: f64,
}

/// An actor's statements.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Position {
    /// Actor name (or the speaker as written, when unresolved).
    pub actor: String,
    /// The actor's role, when known.
    pub role: Option<String>,
    /// Statements, most central first.
    pub statements: Vec<StatementEntry>,
}

/// One statement.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StatementEntry {
    /// The quote (without quotation marks) or the reported clause, verbatim.
    pub text: String,
    /// quote or paraphrase.
    pub kind: StatementKind,
    /// Reporting verb, base form ("say", "warn", "want").
    pub verb: String,
    /// The verb as it reads after a singular subject ("says", "warns", "wants").
    pub verb_form: String,
    /// The speaker as the text names them.
    pub speaker: String,
    /// The speaker is unnamed.
    pub anonymous: bool,
    /// Every outlet carrying it.
    pub citations: Vec<Citation>,
}

/// Figures for one measured thing.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FigureGroup {
    /// What is measured ("death toll").
    pub measure: String,
    /// All outlets' values are compatible.
    pub agree: bool,
    /// Values differ but grew with the dates: a revision, not a dispute.
    pub revision: bool,
    /// Only one outlet gives this figure.
    pub single_source: bool,
    /// One entry per figure, in outlet order.
    pub values: Vec<FigureEntry>,
}

/// One outlet's figure.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FigureEntry {
    /// The figure as written, qualifier included ("more than 280,000").
    pub display: String,
    /// Normalised value.
    pub value: Value,
    /// Qualifier ("more than").
    pub qualifier: Option<String>,
    /// Unit ("people", "years").
    pub unit: Option<String>,
    /// Outlet.
    pub outlet: String,
    /// Article date.
    pub date: Option<String>,
    /// Who the outlet attributes it to.
    pub attributed_to: Option<String>,
    /// The sentence it appears in, verbatim.
    pub context: String,
    /// Where it is.
    pub citation: Citation,
}

/// One article read.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
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
}

/// Limits on how much of each section the brief shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Key actors listed (the Markdown template tabulates the first ten).
    pub actors: usize,
    /// Places listed.
    pub places: usize,
    /// Actors whose positions are shown.
    pub positions: usize,
    /// Statements per actor.
    pub statements: usize,
    /// Open issues shown.
    pub issues: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            actors: 20,
            positions: 6,
            places: 8,
            statements: 3,
            issues: 6,
        }
    }
}

mod assemble;
pub use assemble::assemble;
