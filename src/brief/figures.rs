//! The figures section: where the outlets disagree (and agree), one group per measured thing.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Citation, citation};
use crate::extract::figures::{Comparison, Figure, Status, Value};
use crate::text::{Corpus, fold};

/// Figures for one measured thing.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct FigureGroup {
    /// What is measured, in the articles' words ("people killed").
    pub measure: String,
    /// differ, revised, agree or single (one outlet only).
    pub status: Status,
    /// No outlet contradicts another: false for differ and revised.
    pub agree: bool,
    /// One entry per figure: in outlet order, oldest first when revised.
    pub values: Vec<FigureEntry>,
}

/// One outlet's figure.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
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
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub date: Option<String>,
    /// Who the outlet attributes it to.
    pub attributed_to: Option<String>,
    /// What this outlet says it measures, in its words ("people killed").
    pub measure: Option<String>,
    /// The sentence it appears in, verbatim.
    pub context: String,
    /// Where it is.
    pub citation: Citation,
}

/// The figures per measured thing, from the comparisons, differing first.
pub(super) fn section(
    corpus: &Corpus,
    figures: &[Figure],
    comparisons: &[Comparison],
) -> Vec<FigureGroup> {
    comparisons
        .iter()
        .map(|c| {
            let values: Vec<FigureEntry> = c
                .figures
                .iter()
                .filter_map(|&i| figures.get(i))
                .map(|f| {
                    let doc = &corpus.docs[f.doc];
                    FigureEntry {
                        display: fold(doc.text(&f.span)),
                        value: f.value,
                        qualifier: f.qualifier.clone(),
                        unit: f.unit.clone(),
                        outlet: doc.meta.outlet.clone(),
                        date: doc.meta.date.clone(),
                        attributed_to: f.attributed_to.clone(),
                        measure: f.measure.as_deref().map(fold),
                        context: fold(corpus.text(&corpus.sentences[f.sentence])),
                        citation: citation(corpus, f.doc, &f.span),
                    }
                })
                .collect();
            let mut values = one_per_outlet_and_value(values);
            if c.status == Status::Revised {
                // Oldest first, so the table reads as the figure's history.
                values
                    .sort_by(|a, b| (a.date.is_none(), &a.date).cmp(&(b.date.is_none(), &b.date)));
            }
            FigureGroup {
                measure: fold(&c.measure),
                status: c.status,
                agree: c.agree,
                values,
            }
        })
        .collect()
}

/// An outlet that states the same value twice is listed once, with an attribution if either
/// copy has one.
fn one_per_outlet_and_value(values: Vec<FigureEntry>) -> Vec<FigureEntry> {
    let mut out: Vec<FigureEntry> = Vec::new();
    for v in values {
        match out
            .iter_mut()
            .find(|o| o.outlet == v.outlet && o.value == v.value && o.unit == v.unit)
        {
            Some(o) if o.attributed_to.is_none() && v.attributed_to.is_some() => *o = v,
            Some(_) => {}
            None => out.push(v),
        }
    }
    out
}
