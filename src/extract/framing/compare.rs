//! Compare: per concept and outlet, names counted by their folded form; concepts two or more
//! outlets name in two or more ways, the most divergent first.

use std::collections::BTreeMap;

use super::{Concept, Found, Framing, List, MAX_CONCEPTS, Name, NameMention, OutletNames};
use crate::extract::entities::Actor;
use crate::text::{Corpus, fold};

/// A person's name folded for comparison: lowercase, hyphens as spaces, white space folded.
fn person_key(name: &str) -> String {
    name.to_lowercase()
        .replace('-', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key two forms of a name share: lowercase, white space folded, no leading article or
/// possessive ("The president's" = "the president").
pub fn name_key(name: &str) -> String {
    let lower = fold(name).to_lowercase().replace('’', "'");
    let lower = lower.trim_end_matches("'s").trim_end_matches('\'');
    lower.strip_prefix("the ").unwrap_or(lower).to_string()
}

/// One outlet's names and members of a concept: (list, folded name or "" for a person) ->
/// mentions in corpus order.
type Names = BTreeMap<(List, String), Vec<NameMention>>;

/// Build the framing entries from every name found.
/// `actors`: every actor, by the index a person acting for a concept has (`List::Person`).
pub(super) fn compare(
    corpus: &Corpus,
    concepts: &[Concept],
    found: Vec<Found>,
    actors: &[Actor],
) -> Vec<Framing> {
    // concept -> outlet -> names
    let mut table: BTreeMap<usize, BTreeMap<&str, Names>> = BTreeMap::new();
    let mut found = found;
    found.sort_by_key(|f| (f.mention.doc, f.mention.span.start));
    for f in found {
        let doc = &corpus.docs[f.mention.doc];
        let key = match f.list {
            List::Person(_) => String::new(),
            _ => name_key(doc.text(&f.mention.span)),
        };
        if key.is_empty() && !matches!(f.list, List::Person(_)) {
            continue;
        }
        table
            .entry(f.concept)
            .or_default()
            .entry(doc.meta.outlet.as_str())
            .or_default()
            .entry((f.list, key))
            .or_default()
            .push(f.mention);
    }
    // A key body the outlets name one way only ("Congress") acts for its state.
    for (c, concept) in concepts.iter().enumerate() {
        let Some(state) = concept.state.filter(|s| table.contains_key(s)) else {
            continue;
        };
        if table.get(&c).is_none_or(shown) {
            continue;
        }
        let Some(body) = table.remove(&c) else {
            continue;
        };
        let into = table.entry(state).or_default();
        for (outlet, names) in body {
            for ((list, key), mentions) in names {
                // Its names act for the state, unless they name the state's government.
                let list = match list {
                    List::Name if !super::names::names_the_state(&key) => List::Member,
                    other => other,
                };
                let all = into
                    .entry(outlet)
                    .or_default()
                    .entry((list, key))
                    .or_default();
                all.extend(mentions);
                all.sort_by_key(|m| (m.doc, m.span.start));
            }
        }
    }
    let mut out: Vec<(usize, Framing)> = Vec::new();
    for (concept, outlets) in table {
        if !shown(&outlets) {
            continue;
        }
        // Divergence over the words the outlets choose: the names, and the words for the
        // people acting for it ("Russian agents", "Russian officials"), not which persons.
        let words: Vec<OutletNames> = outlets
            .iter()
            .map(|(outlet, names)| OutletNames {
                outlet: outlet.to_string(),
                names: ordered_names(
                    corpus,
                    actors,
                    names
                        .iter()
                        .filter(|((list, _), _)| !matches!(list, List::Person(_)))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                ),
            })
            .filter(|o| !o.names.is_empty())
            .collect();
        let (mut named, mut acting) = (Vec::new(), Vec::new());
        for (outlet, names) in outlets {
            let (own, members): (Names, Names) = names
                .into_iter()
                .partition(|((list, _), _)| *list == List::Name);
            for (list, names) in [(&mut named, own), (&mut acting, members)] {
                if !names.is_empty() {
                    list.push(OutletNames {
                        outlet: outlet.to_string(),
                        names: ordered_names(corpus, actors, names),
                    });
                }
            }
        }
        let Some(c) = concepts.get(concept) else {
            continue;
        };
        out.push((
            concept,
            Framing {
                concept: c.name.clone(),
                kind: c.kind,
                divergence: divergence(&words),
                outlets: named,
                acting_for: acting,
            },
        ));
    }
    // Most divergent first; ties keep the concepts' own order (actors by salience).
    out.sort_by(|(ca, a), (cb, b)| b.divergence.total_cmp(&a.divergence).then(ca.cmp(cb)));
    out.into_iter().take(MAX_CONCEPTS).map(|(_, f)| f).collect()
}

/// Whether a concept is worth showing: at least two outlets name it (or name people acting
/// for it), in at least two ways.
fn shown(outlets: &BTreeMap<&str, Names>) -> bool {
    let distinct: std::collections::BTreeSet<&(List, String)> =
        outlets.values().flat_map(|names| names.keys()).collect();
    outlets.len() >= 2 && distinct.len() >= 2
}

/// Names, most frequent first (ties: first used first), each shown in its most frequent form
/// and cited at its first use; a person acting for the concept shown and cited where the
/// outlet writes the person's full name ("Larry Kudlow", however often "Kudlow"), else in the
/// outlet's most frequent form for the person.
fn ordered_names(corpus: &Corpus, actors: &[Actor], names: Names) -> Vec<Name> {
    let mut list: Vec<Name> = names
        .into_iter()
        .map(|((kind, _), mut mentions)| {
            if let List::Person(p) = kind {
                // The person's full name as the outlet writes it ("Larry Kudlow", not
                // "Kudlow"), cited there; else the outlet's most frequent form.
                let full = actors
                    .get(p)
                    .map(|a| person_key(&a.name))
                    .unwrap_or_default();
                if let Some(at) = mentions
                    .iter()
                    .position(|m| person_key(corpus.docs[m.doc].text(&m.span)) == full)
                {
                    let named = mentions.remove(at);
                    mentions.insert(0, named);
                } else {
                    let mut forms: BTreeMap<String, (usize, usize)> = BTreeMap::new();
                    for (i, m) in mentions.iter().enumerate() {
                        let e = forms
                            .entry(person_key(corpus.docs[m.doc].text(&m.span)))
                            .or_insert((0, i));
                        e.0 += 1;
                    }
                    let at = forms
                        .into_values()
                        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
                        .map_or(0, |(_, i)| i);
                    let named = mentions.remove(at);
                    mentions.insert(0, named);
                }
            }
            let mut forms: BTreeMap<String, (usize, usize)> = BTreeMap::new();
            for (i, m) in mentions.iter().enumerate() {
                let form = fold(corpus.docs[m.doc].text(&m.span));
                let e = forms.entry(form).or_insert((0, i));
                e.0 += 1;
            }
            let text = if let List::Person(_) = kind {
                fold(corpus.docs[mentions[0].doc].text(&mentions[0].span))
            } else {
                forms
                    .into_iter()
                    .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
                    .map(|(f, _)| f)
                    .unwrap_or_default()
            };
            Name { text, mentions }
        })
        .collect();
    list.sort_by(|a, b| {
        b.mentions.len().cmp(&a.mentions.len()).then(
            (a.mentions[0].doc, a.mentions[0].span.start)
                .cmp(&(b.mentions[0].doc, b.mentions[0].span.start)),
        )
    });
    list
}

/// Mean total-variation distance between the outlets' name distributions, in 0..=1.
fn divergence(outlets: &[OutletNames]) -> f64 {
    let dist: Vec<BTreeMap<String, f64>> = outlets
        .iter()
        .map(|o| {
            let total: usize = o.names.iter().map(|n| n.mentions.len()).sum();
            o.names
                .iter()
                .map(|n| {
                    (
                        name_key(&n.text),
                        n.mentions.len() as f64 / total.max(1) as f64,
                    )
                })
                .collect()
        })
        .collect();
    let mut sum = 0.0;
    let mut pairs = 0;
    for i in 0..dist.len() {
        for j in i + 1..dist.len() {
            let keys: std::collections::BTreeSet<&String> =
                dist[i].keys().chain(dist[j].keys()).collect();
            let tv: f64 = keys
                .iter()
                .map(|k| (dist[i].get(*k).unwrap_or(&0.0) - dist[j].get(*k).unwrap_or(&0.0)).abs())
                .sum::<f64>()
                / 2.0;
            sum += tv;
            pairs += 1;
        }
    }
    if pairs == 0 {
        0.0
    } else {
        (sum / pairs as f64 * 1000.0).round() / 1000.0
    }
}
