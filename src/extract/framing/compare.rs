//! Compare: per concept and outlet, names counted by their folded form; concepts two or more
//! outlets name in two or more ways, the most divergent first.

use std::collections::BTreeMap;

use super::{Concept, Found, Framing, MAX_CONCEPTS, Name, NameMention, OutletNames};
use crate::text::{Corpus, fold};

/// The key two forms of a name share: lowercase, white space folded, no leading article or
/// possessive ("The president's" = "the president").
pub fn name_key(name: &str) -> String {
    let lower = fold(name).to_lowercase().replace('’', "'");
    let lower = lower.trim_end_matches("'s").trim_end_matches('\'');
    lower.strip_prefix("the ").unwrap_or(lower).to_string()
}

/// Build the framing entries from every name found.
pub(super) fn compare(corpus: &Corpus, concepts: &[Concept], found: Vec<Found>) -> Vec<Framing> {
    // concept -> outlet -> key -> mentions (corpus order)
    let mut table: BTreeMap<usize, BTreeMap<&str, BTreeMap<String, Vec<NameMention>>>> =
        BTreeMap::new();
    let mut found = found;
    found.sort_by_key(|f| (f.mention.doc, f.mention.span.start));
    for f in found {
        let doc = &corpus.docs[f.mention.doc];
        let key = name_key(doc.text(&f.mention.span));
        if key.is_empty() {
            continue;
        }
        table
            .entry(f.concept)
            .or_default()
            .entry(doc.meta.outlet.as_str())
            .or_default()
            .entry(key)
            .or_default()
            .push(f.mention);
    }
    // A key body the outlets name one way only ("Congress") is one of its state's names.
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
            for (key, mentions) in names {
                let list = into.entry(outlet).or_default().entry(key).or_default();
                list.extend(mentions);
                list.sort_by_key(|m| (m.doc, m.span.start));
            }
        }
    }
    let mut out: Vec<(usize, Framing)> = Vec::new();
    for (concept, outlets) in table {
        if !shown(&outlets) {
            continue;
        }
        let outlets: Vec<OutletNames> = outlets
            .into_iter()
            .map(|(outlet, names)| OutletNames {
                outlet: outlet.to_string(),
                names: ordered_names(corpus, names),
            })
            .collect();
        let Some(c) = concepts.get(concept) else {
            continue;
        };
        out.push((
            concept,
            Framing {
                concept: c.name.clone(),
                kind: c.kind,
                divergence: divergence(&outlets),
                outlets,
            },
        ));
    }
    // Most divergent first; ties keep the concepts' own order (actors by salience).
    out.sort_by(|(ca, a), (cb, b)| b.divergence.total_cmp(&a.divergence).then(ca.cmp(cb)));
    out.into_iter().take(MAX_CONCEPTS).map(|(_, f)| f).collect()
}

/// Whether a concept is worth showing: at least two outlets name it, in at least two ways.
fn shown(outlets: &BTreeMap<&str, BTreeMap<String, Vec<NameMention>>>) -> bool {
    let distinct: std::collections::BTreeSet<&String> =
        outlets.values().flat_map(|names| names.keys()).collect();
    outlets.len() >= 2 && distinct.len() >= 2
}

/// Names, most frequent first (ties: first used first), each shown in its most frequent form.
fn ordered_names(corpus: &Corpus, names: BTreeMap<String, Vec<NameMention>>) -> Vec<Name> {
    let mut list: Vec<Name> = names
        .into_values()
        .map(|mentions| {
            let mut forms: BTreeMap<String, (usize, usize)> = BTreeMap::new();
            for (i, m) in mentions.iter().enumerate() {
                let form = fold(corpus.docs[m.doc].text(&m.span));
                let e = forms.entry(form).or_insert((0, i));
                e.0 += 1;
            }
            let text = forms
                .into_iter()
                .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
                .map(|(f, _)| f)
                .unwrap_or_default();
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
