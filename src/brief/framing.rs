//! The framing section: how each outlet names the key actors and groups, side by side.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Citation, citation};
use crate::extract::entities::ActorKind;
use crate::extract::framing::{Framing, OutletNames};
use crate::text::Corpus;

/// How the outlets name one actor or group.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct FramingEntry {
    /// The actor's canonical name, or the group's label ("the armed opposition").
    pub concept: String,
    /// person, organisation, place (a state) or group.
    pub kind: ActorKind,
    /// How differently the outlets name it: 0 (same names, same proportions) to 1.
    pub divergence: f64,
    /// One row per outlet naming it, in outlet order.
    pub outlets: Vec<OutletNaming>,
    /// Kept apart from its names: per outlet (in outlet order), the people and bodies that
    /// outlet cites as speaking and acting for it, each tied to it by the text (a title
    /// naming it: "U.S. Treasury Secretary Steven Mnuchin", "Republican Senator Richard
    /// Burr"; one of its bodies: "the State Department"; its people: "U.S. officials").
    /// A person is shown by full name as the outlet writes it, cited there; `count` counts
    /// every mention of that person in the outlet.
    pub acting_for: Vec<OutletNaming>,
}

/// The names one outlet gives it.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct OutletNaming {
    /// Outlet.
    pub outlet: String,
    /// Names, most used first.
    pub names: Vec<NameEntry>,
}

/// One name.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct NameEntry {
    /// As written (its most frequent form in this outlet).
    pub name: String,
    /// Times this outlet uses it.
    pub count: usize,
    /// Its first use.
    pub citation: Citation,
}

/// The framing entries, most divergent first.
pub(super) fn section(corpus: &Corpus, framing: &[Framing]) -> Vec<FramingEntry> {
    framing
        .iter()
        .map(|f| FramingEntry {
            concept: f.concept.clone(),
            kind: f.kind,
            divergence: f.divergence,
            outlets: naming(corpus, &f.outlets),
            acting_for: naming(corpus, &f.acting_for),
        })
        .collect()
}

/// Each outlet's names, counted and cited.
fn naming(corpus: &Corpus, outlets: &[OutletNames]) -> Vec<OutletNaming> {
    outlets
        .iter()
        .map(|o| OutletNaming {
            outlet: o.outlet.clone(),
            names: o
                .names
                .iter()
                .map(|n| NameEntry {
                    name: n.text.clone(),
                    count: n.mentions.len(),
                    citation: citation(corpus, n.mentions[0].doc, &n.mentions[0].span),
                })
                .collect(),
        })
        .collect()
}
