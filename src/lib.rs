//! `brief` turns a folder of news articles about one story, from several outlets, into a
//! brief a busy reader can trust: what happened (an extractive summary, every sentence cited),
//! who matters, who wants what, what is unresolved, and where the outlets' figures disagree.
//!
//! The pipeline, one pure stage per line (only the walk, ingest and the caller's write touch
//! disk); data flows down, and no module imports one below it in this list:
//!
//! ```text
//! layout   -> Walk            the one folder walk: article files + skipped entries
//! ingest   -> Vec<Document>   read, decode, front matter, furniture removal, outlet/title/date
//! stories  -> Vec<Story>      which articles tell the same event (a day's folder holds many)
//! edition  -> Edition         several stories: a brief per story, ranked, matched to yesterday
//! segment  -> Corpus          sentences with byte spans into each article (text)
//! shared   -> View            LexRank centrality, actors and entity salience (rank, extract)
//! extract  -> Analysis        one slice per section: summary, positions, open issues, figures,
//!                             timeline, framing
//! assemble -> Brief           the serde model that templates and --format json see
//! render   -> String          Tera: Markdown; HTML = pulldown-cmark(Markdown) in a page
//! ```
//!
//! The command line (flags, where output goes, `--all`, `check`, `watch`, `email`) is the
//! binary's (`src/cli/`); the library never sees a flag. docs/architecture.md has the picture
//! and the recipes for adding an extractor or an output format.
//!
//! ```
//! use brief::ingest::from_plain;
//! use brief::text::Corpus;
//!
//! let corpus = Corpus::new(vec![
//!     from_plain(0, "Wire", "Kerry and Lavrov met in Geneva on Friday to discuss a ceasefire.\n"),
//!     from_plain(1, "Daily", "Kerry and Lavrov met in Geneva on Friday to discuss a ceasefire.\n"),
//! ]);
//! let brief = brief::brief_corpus(&corpus, &Default::default(), Vec::new(), "Geneva");
//! assert_eq!(brief.summary[0].support, 2);
//! ```

pub mod brief;
pub mod changes;
pub mod config;
pub mod document;
pub mod edition;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod layout;
pub mod manifest;
pub mod output;
mod pattern;
pub mod rank;
pub mod render;
pub mod schema;
pub mod stories;
#[cfg(test)]
mod testing;
pub mod text;

use crate::brief::{Analysis, Brief};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::extract::{Settings, Shared, figures, framing, issues, quotes, summary, timeline};
use crate::ingest::Warning;
use crate::layout::Walk;
use crate::rank::select::SelectConfig;
use crate::text::Corpus;

/// Build, on the calling thread, the tables and patterns every brief compiles on first use,
/// in the order a brief needs them: the furniture and outlet-signature sets (reading), the
/// gazetteer (entities), the timeline's screen and set for text in ASCII, framing's
/// group-noun screen (about 22 M instructions, 9% of a 10-article brief). `brief build`
/// runs it on a thread of its own from its start, so a small folder's start-up uses the
/// second core; the objects are the ones the pipeline would build itself (a brief waits for
/// one still being built), so briefs are unchanged.
pub fn warm_up() {
    ingest::clean::warm_up();
    ingest::outlet::warm_up();
    std::sync::LazyLock::force(&extract::entities::gazetteer::GAZETTEER);
    extract::timeline::grammar::warm_up();
    extract::framing::warm_up();
}

/// Read the input folder and build its brief.
pub fn build(cfg: &Config) -> Result<Brief> {
    build_walked(&layout::walk(&cfg.input)?, cfg)
}

/// Build the brief of a folder already walked (an incremental build walks once, for the
/// manifest and for the articles).
pub fn build_walked(walk: &Walk, cfg: &Config) -> Result<Brief> {
    let (docs, warnings) = load_documents(walk, cfg)?;
    Ok(brief_documents(docs, warnings, cfg))
}

/// The brief of documents already read (copies marked): what [`build_walked`] does after
/// reading, for a caller that looked at the documents first (the edition's one-story case).
pub fn brief_documents(docs: Vec<ingest::Document>, warnings: Vec<Warning>, cfg: &Config) -> Brief {
    let corpus = Corpus::new(docs);
    let fallback = layout::story_name(&cfg.input);
    let mut brief = brief_corpus(&corpus, &cfg.analysis, warnings, &fallback);
    if let Some(title) = &cfg.title {
        brief.title = title.clone();
    }
    brief
}

/// Read and segment the articles of a walk; error when no usable article is left.
pub fn load(walk: &Walk, cfg: &Config) -> Result<(Corpus, Vec<Warning>)> {
    let (docs, warnings) = load_documents(walk, cfg)?;
    Ok((Corpus::new(docs), warnings))
}

/// Read the articles of a walk, copies marked; error when no usable article is left.
pub fn load_documents(walk: &Walk, cfg: &Config) -> Result<(Vec<ingest::Document>, Vec<Warning>)> {
    let (mut docs, warnings) = ingest::read(walk, &cfg.ingest);
    ingest::duplicates::mark(&mut docs);
    if docs.is_empty() {
        let detail = warnings
            .iter()
            .map(|w| format!("\n  {}: {}", w.path, w.reason))
            .collect::<String>();
        return Err(Error::NoArticles {
            path: cfg.input.clone(),
            detail: if detail.is_empty() {
                " (no .txt, .md or .html files)".into()
            } else {
                format!(":{detail}")
            },
        });
    }
    Ok((docs, warnings))
}

/// The summary alone: sentence indices of the chosen points, in reading order.
pub fn summarize(corpus: &Corpus, select: &SelectConfig) -> Vec<rank::Point> {
    let shared = Shared::of(corpus);
    let settings = Settings {
        select: *select,
        ..Settings::default()
    };
    summary::analyse(&shared.view(corpus), &settings)
}

/// Analyse a segmented corpus and assemble its brief.
pub fn brief_corpus(
    corpus: &Corpus,
    settings: &Settings,
    warnings: Vec<Warning>,
    fallback_title: &str,
) -> Brief {
    let shared = Shared::of(corpus);
    let view = shared.view(corpus);
    // The slices are independent of each other: they run side by side, and each result is
    // the same as a sequential run's, so the brief stays byte-identical.
    let (((summary, statements), (issues, found)), (timeline, framing)) = rayon::join(
        || {
            rayon::join(
                || {
                    rayon::join(
                        || summary::analyse(&view, settings),
                        || quotes::analyse(&view, settings),
                    )
                },
                || {
                    rayon::join(
                        || issues::analyse(&view, settings),
                        || figures::analyse(&view, settings),
                    )
                },
            )
        },
        || {
            rayon::join(
                || timeline::analyse(&view, settings),
                || framing::analyse(&view, settings),
            )
        },
    );
    let Shared { scores, actors, .. } = shared;
    let analysis = Analysis {
        summary,
        actors,
        statements,
        issues,
        figures: found.figures,
        comparisons: found.comparisons,
        timeline,
        framing,
    };
    brief::assemble(
        corpus,
        &analysis,
        &scores.centrality,
        warnings,
        fallback_title,
        &settings.limits,
    )
}

#[cfg(test)]
mod warm_up_tests {
    use super::*;

    /// Warming up on other threads while a brief is built (the pipeline waiting for what
    /// they are still building) gives the brief built afterwards.
    #[test]
    fn warming_up_beside_a_brief_changes_nothing() {
        let texts = [
            "President Alia Venter of Marrow said on Monday that the harbour would reopen \
             on 3 March. The opposition demanded answers.",
            "Marrow's president, Alia Venter, promised on Tuesday to reopen the harbour by \
             3 March, after the port workers' union called a strike in February.",
        ];
        let corpus = || {
            Corpus::new(
                texts
                    .iter()
                    .enumerate()
                    .map(|(i, t)| ingest::from_plain(i, &format!("Outlet {i}"), t))
                    .collect(),
            )
        };
        let settings = Settings::default();
        let warmers: Vec<_> = (0..2).map(|_| std::thread::spawn(warm_up)).collect();
        let first = brief_corpus(&corpus(), &settings, Vec::new(), "Harbour");
        for w in warmers {
            assert!(w.join().is_ok());
        }
        warm_up();
        let again = brief_corpus(&corpus(), &settings, Vec::new(), "Harbour");
        assert_eq!(first, again);
        assert!(!again.summary.is_empty() && !again.actors.is_empty());
        // The warmed set answers as the timeline needs.
        assert!(!extract::timeline::grammar::detect("The harbour reopens on 3 March.").is_empty());
    }
}
