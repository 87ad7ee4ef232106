//! Cross-outlet merging: one statement per story, one occurrence per outlet.

use std::collections::BTreeSet;

use super::{Occurrence, SAME_SPEAKER_STATEMENT, SAME_STATEMENT, Statement};
use crate::extract::entities::{Actor, ActorKind};
use crate::text::Corpus;
use crate::text::tokens::overlap;

/// Merge statements carried by several outlets; drop same-outlet repeats.
pub(crate) fn merge(corpus: &Corpus, actors: &[Actor], all: Vec<Statement>) -> Vec<Statement> {
    let mut groups: Vec<Vec<Statement>> = Vec::new();
    for s in all {
        let text = occ_text(corpus, &s.occurrences[0]);
        let outlet = &corpus.docs[s.occurrences[0].doc].meta.outlet;
        let same = groups.iter_mut().find(|g| {
            g.iter().any(|o| {
                let ov = overlap(occ_text(corpus, &o.occurrences[0]), text);
                let same_speaker =
                    (o.actor.is_some() && o.actor == s.actor) || (o.anonymous && s.anonymous);
                ov >= SAME_STATEMENT || (ov >= SAME_SPEAKER_STATEMENT && same_speaker)
            })
        });
        match same {
            Some(g) => {
                if !g
                    .iter()
                    .any(|o| corpus.docs[o.occurrences[0].doc].meta.outlet == *outlet)
                {
                    g.push(s);
                }
            }
            None => groups.push(vec![s]),
        }
    }
    groups
        .into_iter()
        .filter_map(|g| combine(actors, g))
        .collect()
}

/// One statement from an outlet group: the actor most occurrences credit (institutions
/// first on ties, since an agency speaks through its staff), the first occurrence first.
fn combine(actors: &[Actor], group: Vec<Statement>) -> Option<Statement> {
    let candidates: BTreeSet<usize> = group.iter().filter_map(|s| s.actor).collect();
    let actor = candidates.iter().copied().max_by_key(|&a| {
        let votes = group.iter().filter(|s| s.actor == Some(a)).count();
        let institution = actors[a].kind != ActorKind::Person;
        (votes, institution, usize::MAX - a)
    });
    let lead = group
        .iter()
        .find(|s| s.actor == actor)
        .or(group.first())?
        .clone();
    let mut occurrences: Vec<Occurrence> = group.iter().map(|s| s.occurrences[0].clone()).collect();
    occurrences.sort_by_key(|o| (o.doc, o.span.start));
    Some(Statement {
        actor,
        occurrences,
        ..lead
    })
}

fn occ_text<'a>(corpus: &'a Corpus, o: &Occurrence) -> &'a str {
    corpus.docs[o.doc].text(&o.span)
}
