//! Merge: dated sentences on the same dates whose words overlap tell one event; each event
//! is cited to every outlet telling it, background is kept apart, and both parts are ordered.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::calendar::Day;
use super::{Certainty, Dated, Event};
use crate::extract::entities::{Actor, ActorKind, is_state};
use crate::text::Corpus;
use crate::text::tokens::{intern, jaccard_ids, terms};

/// Content-word overlap at which two sentences on the same dates tell the same event.
const SAME_EVENT: f64 = 0.25;
/// A lower overlap suffices when the sentences share two actors or more.
const SAME_EVENT_SHARED_ACTORS: f64 = 0.1;
/// Groups on the same dates an item is compared with, the latest first.
const MAX_CANDIDATES: usize = 64;
/// Members of a group an item is compared with.
const MAX_MEMBERS: usize = 8;
/// Entries ending this many days or more before the story's first article are background.
const BACKGROUND_DAYS: i64 = 30;

/// One dated sentence with what similarity needs.
struct Item {
    dated: Dated,
    /// Content-word stems as sorted ids.
    terms: Vec<u32>,
    actors: BTreeSet<usize>,
}

/// Group dated sentences into events; story entries first, then background, each by date.
pub(super) fn merge(
    corpus: &Corpus,
    actors: &[Actor],
    dated: Vec<Dated>,
    story_start: Option<Day>,
) -> Vec<Event> {
    let mut is_dated = vec![false; corpus.sentences.len()];
    for d in &dated {
        is_dated[d.sentence] = true;
    }
    let by_sentence = actors_by_sentence(actors, &is_dated);
    // The dating expression itself is no evidence of the same event.
    let sets: Vec<BTreeSet<String>> = dated
        .par_iter()
        .map(|d| {
            let s = &corpus.sentences[d.sentence];
            let doc = &corpus.docs[s.doc];
            let text = format!(
                "{} {}",
                doc.text(&(s.span.start..d.expr.start)),
                doc.text(&(d.expr.end..s.span.end))
            );
            terms(&text).into_iter().collect()
        })
        .collect();
    let items: Vec<Item> = dated
        .into_iter()
        .zip(intern(sets))
        .map(|(d, terms)| Item {
            terms,
            actors: by_sentence.get(&d.sentence).cloned().unwrap_or_default(),
            dated: d,
        })
        .collect();
    // Greedy single-link grouping within each set of equal dates, in corpus order.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // Only groups on the same dates can take an item: index them by date.
    let mut on: BTreeMap<super::When, Vec<usize>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        let candidates = on.entry(item.dated.when).or_default();
        // Work is bounded on huge folders: the latest groups of that date, their first members.
        let joins = candidates
            .iter()
            .rev()
            .take(MAX_CANDIDATES)
            .copied()
            .find(|&g| {
                groups[g]
                    .iter()
                    .take(MAX_MEMBERS)
                    .any(|&j| same_event(&items[j], item))
            });
        match joins {
            Some(g) => groups[g].push(i),
            None => {
                candidates.push(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    let mut events: Vec<Event> = groups
        .into_iter()
        .map(|g| event(corpus, actors, &items, g, story_start))
        .collect();
    events.sort_by(|a, b| {
        (
            a.background,
            a.when.start,
            a.when.end,
            std::cmp::Reverse(a.support),
        )
            .cmp(&(
                b.background,
                b.when.start,
                b.when.end,
                std::cmp::Reverse(b.support),
            ))
            .then(a.sentences[0].sentence.cmp(&b.sentences[0].sentence))
    });
    events
}

fn same_event(a: &Item, b: &Item) -> bool {
    let overlap = jaccard_ids(&a.terms, &b.terms);
    overlap >= SAME_EVENT
        || (a.actors.intersection(&b.actors).count() >= 2 && overlap >= SAME_EVENT_SHARED_ACTORS)
}

fn event(
    corpus: &Corpus,
    actors: &[Actor],
    items: &[Item],
    mut group: Vec<usize>,
    story_start: Option<Day>,
) -> Event {
    // The sentence shown: the one nearest the top of its article, where events are told
    // plainly; ties go to corpus order.
    group.sort_by_key(|&i| {
        let s = &corpus.sentences[items[i].dated.sentence];
        (s.position, items[i].dated.sentence)
    });
    let when = items[group[0]].dated.when;
    let outlets: BTreeSet<&str> = group
        .iter()
        .map(|&i| corpus.outlet(&corpus.sentences[items[i].dated.sentence]))
        .collect();
    let named: BTreeSet<usize> = group
        .iter()
        .flat_map(|&i| items[i].actors.iter().copied())
        .collect();
    let certainty = if group
        .iter()
        .all(|&i| items[i].dated.certainty == Certainty::Inferred)
    {
        Certainty::Inferred
    } else {
        Certainty::Resolved
    };
    Event {
        when,
        certainty,
        background: story_start.is_some_and(|s| when.end.until(s) >= BACKGROUND_DAYS),
        sentences: group.iter().map(|&i| items[i].dated.clone()).collect(),
        // Actors are indexed strongest first, so the set's order is salience order.
        actors: named.into_iter().map(|a| actors[a].name.clone()).collect(),
        support: outlets.len(),
    }
}

/// For each dated sentence, the actors (not mere settings) it names.
fn actors_by_sentence(actors: &[Actor], is_dated: &[bool]) -> BTreeMap<usize, BTreeSet<usize>> {
    let mut map: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (a, actor) in actors.iter().enumerate() {
        if actor.kind == ActorKind::Place && !is_state(&actor.name) {
            continue;
        }
        for m in &actor.mentions {
            if is_dated.get(m.sentence).copied().unwrap_or(false) {
                map.entry(m.sentence).or_default().insert(a);
            }
        }
    }
    map
}
