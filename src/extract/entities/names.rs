//! Sentence salience from names, whatever their type.
//!
//! The summary weighs a sentence by the salience of the names it carries. Taken from the
//! actors, that weight moved whenever the tagger typed a name differently (a person is
//! merged by surname, an organisation by its full name; a retyped name joins or leaves an
//! actor), though the sentences and their names were the same. Here every detected name is
//! keyed without its type: a gazetteer entry by its canonical name ("U.S." and "United
//! States" are one key), any other name by its words as written ("John Kerry", "Kerry").
//! Demonyms, junk surfaces and capitalised participles name nothing. A key's salience is the
//! actors' formula ([`super::rank::raw_salience`]: outlet spread, headline and lead
//! mentions, volume, speaking) over its mentions; a key that only headlines carry counts
//! nothing, as for actors. Unnamed groups ("rebels", "police") keep their actor salience.

use std::collections::BTreeMap;

use super::gazetteer::Entry;
use super::rank::raw_salience;
use super::resolve::Found;
use super::{Actor, Mention};
use crate::ingest::BlockKind;
use crate::text::Corpus;

/// The type-free key of one detected name, or `None` for a mention that names nothing
/// (a demonym, or `nameless`: an initial, a capitalised participle).
fn key(f: &Found, nameless: bool) -> Option<String> {
    let d = &f.det;
    if nameless {
        return None;
    }
    match d.entry {
        Some(Entry::Adjective(_)) => None,
        Some(Entry::State(s)) => Some(format!("g:{s}")),
        Some(Entry::Capital { state, .. }) => Some(format!("g:{state}")),
        Some(Entry::Place(p)) => Some(format!("g:{p}")),
        Some(Entry::Group(g)) => Some(format!("g:{g}")),
        Some(Entry::Org { name, .. }) => Some(format!("g:{name}")),
        None if d.words.is_empty() => None,
        None => Some(format!("n:{}", d.words.join(" "))),
    }
}

/// Per-sentence salience (scaled to 0..=1) from the names found in `found` (`nameless[i]`:
/// whether `found[i]` names nothing, [`super::resolve::names_nothing`]) and the unnamed
/// groups in `groups`. Indexed like [`Corpus::sentences`].
pub(crate) fn name_salience(
    corpus: &Corpus,
    outlet_count: usize,
    found: &[Found],
    nameless: &[bool],
    groups: &[Actor],
) -> Vec<f64> {
    // Each key's mentions, and whether one of them is in body text.
    let mut by_key: BTreeMap<String, (Vec<Mention>, bool)> = BTreeMap::new();
    for (f, &nameless) in found.iter().zip(nameless) {
        if let Some(k) = key(f, nameless) {
            let s = &corpus.sentences[f.sentence];
            let entry = by_key.entry(k).or_default();
            entry.0.push(Mention {
                doc: s.doc,
                sentence: f.sentence,
                span: f.det.span.clone(),
            });
            entry.1 |= !f.title && s.kind != BlockKind::Headline;
        }
    }
    let mut scores = vec![0.0; corpus.sentences.len()];
    let mut add = |mentions: &[Mention], salience: f64| {
        let mut seen: Vec<usize> = mentions.iter().map(|m| m.sentence).collect();
        seen.sort_unstable();
        seen.dedup();
        for s in seen {
            scores[s] += salience;
        }
    };
    for (mentions, body) in by_key.values() {
        if *body {
            add(mentions, raw_salience(corpus, outlet_count, mentions));
        }
    }
    for g in groups {
        add(&g.mentions, g.salience);
    }
    let max = scores.iter().copied().fold(0.0_f64, f64::max);
    if max > 0.0 {
        scores.iter_mut().for_each(|s| *s /= max);
    }
    scores
}

#[cfg(test)]
mod tests {
    use crate::extract::entities::extract_actors_and_salience;
    use crate::ingest::from_plain;
    use crate::text::Corpus;

    #[test]
    fn sentences_naming_no_one_carry_no_salience_and_the_top_is_one() {
        let a = "John Kerry met Sergei Lavrov in Geneva on Friday.\n\
The weather was pleasant and the talks went on.\n\
Kerry said the ceasefire would hold.\n";
        let b = "Kerry and Lavrov met in Geneva on Friday to discuss a ceasefire.\n";
        let c = Corpus::new(vec![from_plain(0, "A", a), from_plain(1, "B", b)]);
        let (_, s) = extract_actors_and_salience(&c);
        assert_eq!(s.len(), c.sentences.len());
        let max = s.iter().copied().fold(0.0_f64, f64::max);
        assert!((max - 1.0).abs() < 1e-9, "{s:?}");
        let idle = c
            .sentences
            .iter()
            .position(|x| c.text(x).starts_with("The weather"))
            .expect("the sentence is there");
        assert_eq!(s[idle], 0.0, "{s:?}");
        assert!(s.iter().filter(|&&v| v > 0.0).count() >= 3, "{s:?}");
    }
}
