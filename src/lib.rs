//! `brief` turns a folder of news articles about one story, from several outlets, into a
//! brief a busy reader can trust: what happened (an extractive summary, every sentence cited),
//! who matters, who wants what, what is unresolved, and where the outlets' figures disagree.
//!
//! The pipeline, one pure stage per line (only ingest and the caller's write touch disk):
//!
//! ```text
//! ingest   -> Vec<Document>   walk, front matter, furniture removal, outlet/title/date
//! segment  -> Corpus          sentences with byte spans into each article
//! rank     -> Scores          tf-idf LexRank centrality, entity salience
//! extract  -> Analysis        actors, statements, figures, open issues, summary selection
//! assemble -> Brief           the serde model that templates and --format json see
//! render   -> String          Tera: Markdown; HTML = pulldown-cmark(Markdown) in a page
//! ```
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
pub mod cli;
pub mod config;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod output;
pub mod rank;
pub mod render;
pub mod run;
pub mod stories;
pub mod text;
pub mod workflow;

use crate::brief::{Analysis, Brief, Limits};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::extract::{entities, figures, issues, quotes};
use crate::ingest::Warning;
use crate::rank::Scores;
use crate::rank::lexicon::Lexicon;
use crate::rank::select::SelectConfig;
use crate::text::Corpus;

/// Read the input folder and build its brief.
pub fn build(cfg: &Config) -> Result<Brief> {
    let (corpus, warnings) = load(cfg)?;
    let fallback = story_name(&cfg.input);
    let mut brief = brief_corpus(&corpus, &cfg.select, warnings, &fallback);
    if let Some(title) = &cfg.title {
        brief.title = title.clone();
    }
    Ok(brief)
}

/// Read and segment the input folder; error when no usable article is left.
pub fn load(cfg: &Config) -> Result<(Corpus, Vec<Warning>)> {
    let (docs, warnings) = load_documents(cfg)?;
    Ok((Corpus::new(docs), warnings))
}

/// Read the input folder, copies marked; error when no usable article is left.
pub fn load_documents(cfg: &Config) -> Result<(Vec<ingest::Document>, Vec<Warning>)> {
    let (mut docs, warnings) = ingest::ingest(&cfg.input, &cfg.ingest)?;
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
    let (scores, _, lex) = score(corpus);
    rank::select_with(corpus, &lex, &scores, select)
}

/// Centrality and entity salience of every sentence, the actors behind the salience, and the
/// tokenised corpus that centrality used (selection reuses it).
fn score(corpus: &Corpus) -> (Scores, Vec<entities::Actor>, Lexicon) {
    let ((centrality, lex), actors) = rayon::join(
        || {
            let lex = Lexicon::new(corpus);
            (rank::centrality_of(&lex), lex)
        },
        || entities::extract_actors(corpus),
    );
    let salience = entities::sentence_salience(corpus, &actors);
    (
        Scores {
            centrality,
            salience,
        },
        actors,
        lex,
    )
}

/// Analyse a segmented corpus and assemble its brief.
pub fn brief_corpus(
    corpus: &Corpus,
    select: &SelectConfig,
    warnings: Vec<Warning>,
    fallback_title: &str,
) -> Brief {
    // The stages run side by side where they are independent of each other: figures need
    // nothing but the corpus; selection, statements and issues need the scores. Each result
    // is the same as a sequential run's, so the brief stays byte-identical.
    let ((scores, actors, summary, statements, issues), (figures, comparisons)) = rayon::join(
        || {
            let (scores, actors, lex) = score(corpus);
            let ((summary, statements), issues) = rayon::join(
                || {
                    rayon::join(
                        || rank::select_with(corpus, &lex, &scores, select),
                        || quotes::extract_statements(corpus, &actors, &scores.centrality),
                    )
                },
                || issues::extract_open_issues(corpus, &scores.centrality),
            );
            (scores, actors, summary, statements, issues)
        },
        || {
            let figures = figures::extract_figures(corpus);
            let comparisons = figures::compare_figures(corpus, &figures);
            (figures, comparisons)
        },
    );
    let analysis = Analysis {
        summary,
        actors,
        statements,
        issues,
        figures,
        comparisons,
    };
    brief::assemble(
        corpus,
        &analysis,
        &scores.centrality,
        warnings,
        fallback_title,
        &Limits::default(),
    )
}

/// A readable story name from the input path: the folder name, or its parent's when the
/// folder is called `sources`.
pub fn story_name(input: &std::path::Path) -> String {
    let name = |p: &std::path::Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    let canonical = input.canonicalize().unwrap_or_else(|_| input.to_path_buf());
    match name(&canonical) {
        Some(n) if n == "sources" => canonical.parent().and_then(name).unwrap_or(n),
        Some(n) => n,
        None => "brief".into(),
    }
}
