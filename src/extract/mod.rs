//! Stage 3, analyse: what the sentences say: the summary, actors, positions, figures, open
//! issues, the timeline and how each outlet names the actors (framing).
//!
//! Two analyses are shared, computed once into the [`View`]: LexRank centrality (with the
//! tokenised corpus, the [`Lexicon`]) and the actors with each sentence's entity salience.
//! Every other extractor is a slice with one signature over that view,
//!
//! ```text
//! pub fn analyse(view: &View<'_>, settings: &Settings) -> Found
//! ```
//!
//! whose result the Brief's section of the same name (`src/brief/<section>.rs`) turns into
//! what templates show (`templates/partials/<section>.md.tera`). See docs/architecture.md for
//! adding one. Every record an extractor returns keeps `(doc, byte span)` so the brief can
//! cite it and tests can check it is verbatim.

pub mod entities;
pub mod figures;
pub mod framing;
pub mod issues;
pub mod quotes;
pub(crate) mod speech;
pub mod summary;
pub mod timeline;

use crate::rank::Scores;
use crate::rank::lexicon::Lexicon;
use crate::rank::select::SelectConfig;
use crate::text::Corpus;

/// What every extractor reads: the segmented corpus and the shared analyses.
pub struct View<'a> {
    /// The documents and their sentences.
    pub corpus: &'a Corpus,
    /// Centrality and entity salience of every sentence.
    pub scores: &'a Scores,
    /// The actors behind the salience, strongest first.
    pub actors: &'a [entities::Actor],
    /// The tokenised corpus centrality used (selection reuses it).
    pub lexicon: &'a Lexicon,
}

/// The shared analyses a [`View`] borrows: computed once per corpus, side by side.
pub struct Shared {
    /// Centrality and salience.
    pub scores: Scores,
    /// Actors, strongest first.
    pub actors: Vec<entities::Actor>,
    /// The tokenised corpus.
    pub lexicon: Lexicon,
}

impl Shared {
    /// Centrality (with its lexicon) and actors with the names' salience, computed in
    /// parallel.
    pub fn of(corpus: &Corpus) -> Shared {
        let ((centrality, lexicon), (actors, salience)) = rayon::join(
            || {
                let lexicon = Lexicon::new(corpus);
                (crate::rank::centrality_of(&lexicon), lexicon)
            },
            || entities::extract_actors_and_salience(corpus),
        );
        Shared {
            scores: Scores {
                centrality,
                salience,
            },
            actors,
            lexicon,
        }
    }

    /// The view of `corpus` through these analyses.
    pub fn view<'a>(&'a self, corpus: &'a Corpus) -> View<'a> {
        View {
            corpus,
            scores: &self.scores,
            actors: &self.actors,
            lexicon: &self.lexicon,
        }
    }
}

/// What the analysis stages read, resolved by the caller (flags over `brief.toml` over
/// these defaults).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Summary selection: length budget and weights.
    pub select: SelectConfig,
    /// How much of each section the brief shows.
    pub limits: Limits,
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
