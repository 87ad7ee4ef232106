//! The daily edition: a folder of several stories -> a front page and a brief per story.
//!
//! Story detection ([`crate::stories::detect`]) groups the day's articles; [`decide()`] says
//! whether the folder is one story (then it gets exactly the brief it always got) or an
//! edition. Each story of [`decide::MIN_ARTICLES`] articles or more is briefed on its own
//! articles alone, side by side (rayon), through the same pipeline as any brief; articles that
//! no other matches are listed as single reports. Stories are ranked by breadth of coverage
//! (outlets, then articles), matched to the previous edition's stories
//! ([`continuity`]: new, developing with what changed, or continuing), and counted by outlet
//! labels when the user gave some ([`coverage`]). [`render`] writes the front page, the
//! story pages and the archive through templates users can override.
//!
//! Pure and deterministic: the caller reads the folder and the previous manifests, and
//! writes the files.

pub mod compare;
pub mod continuity;
pub mod coverage;
pub mod decide;
pub mod render;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;

use crate::brief::{Brief, Counts, Period, Point};
use crate::changes::{Changes, Snapshot, diff};
use crate::config::Config;
use crate::document::{BlockKind, Document, Warning};
use crate::manifest::{EditionRecord, StoryRecord};
use crate::render::Meta;
use crate::stories::Story;
use crate::text::{Corpus, fold, segment};

pub use decide::{Decision, Mode, decide};

/// Version of the edition's JSON model (`brief.json` of an edition).
pub const EDITION_VERSION: u32 = 1;

/// The front page: the edition's stories, ranked, and its single reports.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct Edition {
    /// Always `"edition"` (a brief's JSON has no `kind`).
    #[schemars(extend("const" = "edition"))]
    pub kind: &'static str,
    /// Version of this model ([`EDITION_VERSION`]).
    #[schemars(extend("const" = EDITION_VERSION))]
    pub edition_version: u32,
    /// The edition's name: its output folder's (`2026-12-06`).
    pub name: String,
    /// The front page's title (`title` in brief.toml, else the name).
    pub title: String,
    /// First and last article dates, when any article is dated.
    pub period: Option<Period>,
    /// How many articles carry a date: the period spans only those (the front page says
    /// so when fewer than half of the articles are dated).
    pub dated_articles: usize,
    /// Articles and outlets read.
    pub generated_from: Counts,
    /// The previous edition its stories were matched with, by name.
    pub previous_edition: Option<String>,
    /// Outlet labels in use (from `[labels]` in brief.toml), sorted.
    pub labels: Vec<String>,
    /// Stories, most widely covered first.
    pub stories: Vec<StoryEntry>,
    /// Articles that no other article matches, in folder order.
    pub single_reports: Vec<Report>,
    /// Stories of the previous edition that no story of this one continues.
    pub dropped: Vec<Dropped>,
    /// Files skipped and why.
    pub warnings: Vec<Warning>,
}

/// Whether a story is new today.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not in the previous edition.
    New,
    /// In the previous edition, and its brief has something new.
    Developing,
    /// In the previous edition, nothing new in its brief.
    Continuing,
}

/// A story on the front page.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct StoryEntry {
    /// 1-based place on the front page.
    pub rank: usize,
    /// Stable id: the story's folder, `stories/SLUG/`; kept while the story develops.
    pub slug: String,
    /// Headline: its brief's title.
    pub title: String,
    /// New, developing or continuing.
    pub status: Status,
    /// The edition it first appeared in.
    pub since: String,
    /// Its lead: the first point of its brief's summary, cited.
    pub lead: Option<Point>,
    /// Articles telling it.
    pub articles: usize,
    /// Distinct outlets telling it.
    pub outlets: usize,
    /// The edition's outlets (the denominator: "4 of 11 outlets").
    pub of_outlets: usize,
    /// Its outlets' names, sorted.
    pub outlet_names: Vec<String>,
    /// Its coverage by outlet label (empty when no label is configured).
    pub coverage: Vec<coverage::LabelCoverage>,
    /// What is new since the previous edition's brief of it.
    pub changes: Option<Changes>,
    /// Its brief's folder, relative to the front page: `stories/SLUG/`.
    pub path: String,
}

/// An article that no other article matches.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Report {
    /// Headline.
    pub title: String,
    /// Outlet.
    pub outlet: String,
    /// Path relative to the folder of articles.
    pub path: String,
    /// URL when known.
    pub url: Option<String>,
    /// Date when known.
    pub date: Option<String>,
    /// Its first sentence, verbatim (white space folded).
    pub lead: Option<String>,
}

/// A story of the previous edition not continued today.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Dropped {
    /// Its slug in the previous edition.
    pub slug: String,
    /// Its headline.
    pub title: String,
}

/// A story's brief, ready to render into `stories/SLUG/`.
#[derive(Debug, Clone)]
pub struct StoryBrief {
    /// Its slug.
    pub slug: String,
    /// The brief of its articles.
    pub brief: Brief,
    /// What changed since the previous edition's brief of it.
    pub meta: Meta,
}

/// What the previous builds left: the manifests' edition records.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// The previous edition (the output folder before this one).
    pub previous: Option<EditionRecord>,
    /// This folder's own last build, so a story keeps its slug when articles arrive.
    pub same_day: Option<EditionRecord>,
}

/// An edition, built.
#[derive(Debug, Clone)]
pub struct Built {
    /// The front page.
    pub edition: Edition,
    /// One brief per story, in front-page order.
    pub briefs: Vec<StoryBrief>,
    /// What the manifest keeps for the next edition.
    pub record: EditionRecord,
}

/// Build the edition of `docs` (copies marked), grouped into `stories`, named `name`.
pub fn build(
    docs: &[Document],
    mut warnings: Vec<Warning>,
    stories: &[Story],
    cfg: &Config,
    name: &str,
    history: &History,
) -> Built {
    let (big, singles): (Vec<&Story>, Vec<&Story>) = stories
        .iter()
        .partition(|s| s.docs.len() >= decide::MIN_ARTICLES);
    // Each story's brief reads its own articles only; they are independent, so they are
    // built side by side and each is the same as a sequential build's.
    let briefs: Vec<Brief> = big
        .par_iter()
        .map(|s| brief_of(docs, &s.docs, cfg))
        .collect();
    let outlets: BTreeSet<String> = docs.iter().map(|d| d.meta.outlet.clone()).collect();
    let ids: Vec<String> = docs.par_iter().map(article_id).collect();
    let paths = |s: &Story| -> Vec<String> { s.docs.iter().map(|&i| ids[i].clone()).collect() };
    let contents: Vec<Snapshot> = briefs.par_iter().map(Snapshot::of).collect();
    let keys: Vec<continuity::Key> = big
        .par_iter()
        .zip(&contents)
        .map(|(s, c)| continuity::Key::of(c, &paths(s)))
        .collect();
    let prev_stories: &[StoryRecord] = history.previous.as_ref().map_or(&[], |p| &p.stories);
    let same_stories: &[StoryRecord] = history.same_day.as_ref().map_or(&[], |p| &p.stories);
    let keys_of = |r: &[StoryRecord]| -> Vec<continuity::Key> {
        r.par_iter().map(continuity::Key::of_record).collect()
    };
    let prev_match = continuity::matches(&keys_of(prev_stories), &keys);
    let same_match = continuity::matches(&keys_of(same_stories), &keys);

    // Rank: outlets, then articles, then the folder order of the story's first article.
    let story_outlets: Vec<BTreeSet<String>> = big
        .iter()
        .map(|s| {
            s.docs
                .iter()
                .map(|&i| docs[i].meta.outlet.clone())
                .collect()
        })
        .collect();
    let mut order: Vec<usize> = (0..big.len()).collect();
    order.sort_by_key(|&k| {
        (
            std::cmp::Reverse(story_outlets[k].len()),
            std::cmp::Reverse(big[k].docs.len()),
            big[k].docs[0],
        )
    });

    // Slugs: kept from this folder's last build, else from the previous edition, else
    // made from the headline; unique within the edition.
    let mut taken = BTreeSet::new();
    let mut slugs: Vec<Option<String>> = vec![None; big.len()];
    for &k in &order {
        let inherited = same_match[k]
            .map(|j| &same_stories[j].slug)
            .or_else(|| prev_match[k].map(|j| &prev_stories[j].slug))
            .filter(|s| continuity::is_slug(s) && !taken.contains(*s));
        if let Some(s) = inherited {
            taken.insert(s.clone());
            slugs[k] = Some(s.clone());
        }
    }
    for &k in &order {
        if slugs[k].is_none() {
            slugs[k] = Some(continuity::unique(
                &continuity::slug(&briefs[k].title),
                &mut taken,
            ));
        }
    }

    let labels = coverage::labels_in_use(&cfg.labels, &outlets);
    let mut entries = Vec::new();
    let mut records = Vec::new();
    let mut out_briefs = Vec::new();
    let mut briefs: Vec<Option<Brief>> = briefs.into_iter().map(Some).collect();
    for (rank, &k) in order.iter().enumerate() {
        let slug = slugs[k].clone().unwrap_or_default();
        let Some(brief) = briefs[k].take() else {
            continue;
        };
        let previous = prev_match[k].map(|j| &prev_stories[j]);
        let changes = previous.and_then(|p| diff(&p.content, &contents[k]));
        let status = match (previous, &changes) {
            (None, _) => Status::New,
            (Some(_), Some(_)) => Status::Developing,
            (Some(_), None) => Status::Continuing,
        };
        let since = previous.map_or_else(|| name.to_string(), |p| p.since.clone());
        entries.push(StoryEntry {
            rank: rank + 1,
            slug: slug.clone(),
            title: brief.title.clone(),
            status,
            since: since.clone(),
            lead: brief.summary.first().cloned(),
            articles: big[k].docs.len(),
            outlets: story_outlets[k].len(),
            of_outlets: outlets.len(),
            outlet_names: story_outlets[k].iter().cloned().collect(),
            coverage: coverage::coverage(&cfg.labels, &outlets, &story_outlets[k]),
            changes: changes.clone(),
            path: format!("stories/{slug}/"),
        });
        records.push(StoryRecord {
            slug: slug.clone(),
            since,
            articles: paths(big[k]),
            content: contents[k].clone(),
        });
        out_briefs.push(StoryBrief {
            slug,
            brief,
            meta: Meta { changes },
        });
    }
    let continued: BTreeSet<usize> = prev_match.iter().flatten().copied().collect();
    let dropped = prev_stories
        .iter()
        .enumerate()
        .filter(|(j, _)| !continued.contains(j))
        .map(|(_, r)| Dropped {
            slug: r.slug.clone(),
            title: r.content.title.clone(),
        })
        .collect();
    // A saved page of web furniture (a crawl notice, a Twitter location prompt) stands alone
    // in story detection; it is no report to list, so the reader is told it was left out.
    let (furniture, reports): (Vec<usize>, Vec<usize>) = singles
        .iter()
        .flat_map(|s| s.docs.iter().copied())
        .partition(|&i| crate::stories::features::page_furniture(&docs[i]));
    warnings.extend(furniture.into_iter().map(|i| {
        Warning {
            path: docs[i].path.clone(),
            reason: "a saved page of web furniture (a crawl or sign-in notice), not an article: \
                 left out of the edition"
                .to_string(),
        }
    }));
    let single_reports: Vec<Report> = reports.into_iter().map(|i| report(&docs[i])).collect();
    let edition = Edition {
        kind: "edition",
        edition_version: EDITION_VERSION,
        name: name.to_string(),
        title: cfg.title.clone().unwrap_or_else(|| name.to_string()),
        period: period(docs),
        dated_articles: docs.iter().filter(|d| d.meta.date.is_some()).count(),
        generated_from: Counts {
            sources: docs.len(),
            outlets: outlets.len(),
        },
        previous_edition: history.previous.as_ref().map(|p| p.name.clone()),
        labels,
        stories: entries,
        single_reports,
        dropped,
        warnings,
    };
    let record = EditionRecord {
        name: name.to_string(),
        previous: edition.previous_edition.clone(),
        previous_hash: history.previous.as_ref().map(crate::manifest::stories_hash),
        stories: records,
        single_reports: edition.single_reports.len(),
        articles: docs.len(),
    };
    Built {
        edition,
        briefs: out_briefs,
        record,
    }
}

/// The edition record of a built folder's manifest (`name` is the folder's name): its own,
/// or for a one-story brief an edition of that one story, so a story that grows into an
/// edition is not new, and a brief and an edition can be compared.
pub fn record_of(name: String, m: crate::manifest::Manifest) -> EditionRecord {
    if let Some(e) = m.edition {
        return e;
    }
    let content = m.content.unwrap_or_default();
    EditionRecord {
        previous: None,
        previous_hash: None,
        single_reports: 0,
        articles: content.sources,
        stories: vec![StoryRecord {
            slug: continuity::slug(&content.title),
            since: name.clone(),
            articles: Vec::new(),
            content,
        }],
        name,
    }
}

/// An article's identity across days and rebuilds: the first 16 hex digits of the blake3
/// hash of its text (the same article saved in two folders is one article).
pub fn article_id(doc: &Document) -> String {
    let mut id = crate::manifest::hash(doc.raw.as_bytes());
    id.truncate(16);
    id
}

/// The brief of the documents `members` of `docs`, on their own: renumbered from 0, copies
/// pointing at their original's new number.
fn brief_of(docs: &[Document], members: &[usize], cfg: &Config) -> Brief {
    let new_index: BTreeMap<usize, usize> =
        members.iter().enumerate().map(|(n, &i)| (i, n)).collect();
    let sub: Vec<Document> = members
        .iter()
        .map(|&i| {
            let mut d = docs[i].clone();
            d.duplicate_of = d.duplicate_of.and_then(|o| new_index.get(&o).copied());
            d
        })
        .collect();
    let fallback = sub
        .first()
        .map(|d| d.meta.title.clone())
        .unwrap_or_default();
    let corpus = Corpus::new(sub);
    crate::brief_corpus(&corpus, &cfg.analysis, Vec::new(), &fallback)
}

/// A single report: the article's headline, outlet and first sentence.
fn report(doc: &Document) -> Report {
    let lead = doc
        .blocks
        .iter()
        .find(|b| matches!(b.kind, BlockKind::Paragraph))
        .and_then(|b| {
            let text = doc.text(&b.span);
            segment::split_sentences(text)
                .first()
                .map(|r| fold(&text[r.clone()]))
        });
    Report {
        title: doc.meta.title.clone(),
        outlet: doc.meta.outlet.clone(),
        path: doc.path.clone(),
        url: doc.meta.url.clone(),
        date: doc.meta.date.clone(),
        lead,
    }
}

/// First and last dates of the articles.
fn period(docs: &[Document]) -> Option<Period> {
    let dates: BTreeSet<&str> = docs.iter().filter_map(|d| d.meta.date.as_deref()).collect();
    Some(Period {
        first: (*dates.first()?).to_string(),
        last: (*dates.last()?).to_string(),
    })
}
