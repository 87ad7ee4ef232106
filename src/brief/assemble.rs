//! Build the [`Brief`] from the corpus and the analysis.

use super::*;
use crate::ingest::BlockKind;
use crate::text::fold;

/// Assemble the brief. `fallback_title` names the story when no headline is found.
pub fn assemble(
    corpus: &Corpus,
    analysis: &Analysis,
    centrality: &[f64],
    warnings: Vec<Warning>,
    fallback_title: &str,
    limits: &Limits,
) -> Brief {
    let (actors, places) = actors::section(corpus, &analysis.actors, limits);
    Brief {
        schema_version: SCHEMA_VERSION,
        title: title(corpus, centrality).unwrap_or_else(|| fallback_title.to_string()),
        period: period(corpus),
        generated_from: Counts {
            sources: corpus.docs.len(),
            outlets: corpus.outlet_count(),
        },
        summary: summary::section(corpus, &analysis.summary),
        actors,
        places,
        positions: positions::section(corpus, &analysis.statements, &analysis.actors, limits),
        open_issues: issues::section(corpus, &analysis.issues, limits),
        figures: figures::section(corpus, &analysis.figures, &analysis.comparisons),
        timeline: timeline::section(corpus, &analysis.timeline),
        framing: framing::section(corpus, &analysis.framing),
        sources: sources(corpus),
        warnings,
    }
}

/// The most central headline, so the brief is named after what most outlets lead with.
fn title(corpus: &Corpus, centrality: &[f64]) -> Option<String> {
    corpus
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == BlockKind::Headline)
        .max_by(|(a, _), (b, _)| {
            let ca = centrality.get(*a).copied().unwrap_or(0.0);
            let cb = centrality.get(*b).copied().unwrap_or(0.0);
            ca.total_cmp(&cb).then(b.cmp(a))
        })
        .map(|(_, s)| fold(corpus.text(s)))
        .or_else(|| {
            corpus
                .docs
                .iter()
                .map(|d| d.meta.title.clone())
                .find(|t| !t.is_empty())
        })
}

fn period(corpus: &Corpus) -> Option<Period> {
    let mut dates: Vec<&String> = corpus
        .docs
        .iter()
        .filter_map(|d| d.meta.date.as_ref())
        .collect();
    dates.sort();
    Some(Period {
        first: (*dates.first()?).clone(),
        last: (*dates.last()?).clone(),
    })
}

fn sources(corpus: &Corpus) -> Vec<Source> {
    corpus
        .docs
        .iter()
        .map(|d| Source {
            number: d.id + 1,
            outlet: d.meta.outlet.clone(),
            outlet_from: d.meta.outlet_from,
            title: d.meta.title.clone(),
            path: d.path.clone(),
            url: d.meta.url.clone(),
            date: d.meta.date.clone(),
            author: d.meta.author.clone(),
            words: d.words(),
            duplicate_of: d.duplicate_of.map(|original| original + 1),
        })
        .collect()
}
