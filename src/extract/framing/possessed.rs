//! "his country", "her government", "his administration": a key state named by a possessive
//! pronoun and a word for a state or its government, when the person the pronoun most
//! likely stands for (the nearest person named or described before it in its sentence) is
//! tied by a title to that state, as [`super::members`] ties people.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::names::found_at;
use super::{Found, List};
use crate::extract::entities::{Actor, ActorKind};
use crate::text::Corpus;

/// "his country", "her nation", "his administration", "his own government", "his
/// impoverished nation": one lowercase word may stand between.
// A compiled constant pattern: cannot fail.
#[allow(clippy::unwrap_used)]
static POSSESSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[Hh](?:is|er)\s+(?:[a-z]+\s+)?(?:country|nation|administration|government)\b")
        .unwrap()
});

/// The key state each "his country" names, as names of that state. `found`: every name
/// found so far, with the people tied to a key state (`List::Person`); a phrase already
/// found ("his administration" after "the Trump administration") is not found again.
pub(super) fn possessed_states(
    corpus: &Corpus,
    actors: &[Actor],
    keys: &[&Actor],
    found: &[Found],
) -> Vec<Found> {
    // Person root -> the key state a title ties the person to.
    let mut tied: BTreeMap<usize, usize> = BTreeMap::new();
    for f in found {
        if let List::Person(root) = f.list
            && keys
                .get(f.concept)
                .is_some_and(|a| a.kind == ActorKind::Place)
        {
            tied.insert(root, f.concept);
        }
    }
    if tied.is_empty() {
        return Vec::new();
    }
    let roots = super::merge::roots(actors);
    // doc -> (sentence, start, the key state the person is tied to) of every person
    // mention, and of every name found for a key person ("the president").
    let mut people: BTreeMap<usize, Vec<(usize, usize, Option<usize>)>> = BTreeMap::new();
    let mut by_name: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, a) in actors.iter().enumerate() {
        if a.kind != ActorKind::Person {
            continue;
        }
        let state = tied.get(&roots[i]).copied();
        if let Some(k) = state {
            by_name.insert(a.name.as_str(), k);
        }
        for m in &a.mentions {
            people
                .entry(m.doc)
                .or_default()
                .push((m.sentence, m.span.start, state));
        }
    }
    for f in found {
        let Some(a) = keys.get(f.concept) else {
            continue;
        };
        if a.kind == ActorKind::Person && f.list == List::Name {
            let m = &f.mention;
            let state = by_name.get(a.name.as_str()).copied();
            people
                .entry(m.doc)
                .or_default()
                .push((m.sentence, m.span.start, state));
        }
    }
    let mut out = Vec::new();
    for (doc, mut named) in people {
        named.sort_unstable();
        for (si, span) in phrases(corpus, doc, &POSSESSED) {
            let taken = found.iter().any(|f| {
                f.mention.doc == doc
                    && f.mention.span.start < span.end
                    && span.start < f.mention.span.end
            });
            // The nearest person named before it in its sentence (the sentence before may
            // have moved on to someone unnamed: "Iran's security chief warned that his
            // country ...").
            let before = named
                .iter()
                .rev()
                .find(|(sent, at, _)| *sent == si && *at < span.start);
            if let Some(&(_, _, Some(k))) = before.filter(|_| !taken) {
                out.push(found_at(k, doc, si, span));
            }
        }
    }
    out
}

/// Every match of `re` in the sentences of one document: (sentence, byte range in the
/// document).
fn phrases(corpus: &Corpus, doc: usize, re: &Regex) -> Vec<(usize, Range<usize>)> {
    let mut out = Vec::new();
    for si in corpus.doc_sentences(doc) {
        let s = &corpus.sentences[si];
        for m in re.find_iter(corpus.text(s)) {
            out.push((si, s.span.start + m.start()..s.span.start + m.end()));
        }
    }
    out
}

/// "the country", "the nation's": a key state named by the word alone ("that country" is
/// left out: it points away, often to a state the brief does not rank, "the U.S. ambassador
/// to Nicaragua as that country prepares").
// A compiled constant pattern: cannot fail.
#[allow(clippy::unwrap_used)]
static THE_COUNTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[Tt]he\s+(?:country|nation)\b").unwrap());

/// "the country": the key state named before it in its sentence, or else in the sentence
/// before, when that is the only key state named there ("talks with Japan ... with the
/// United States ... to urge the country" names nobody).
pub(super) fn the_country(corpus: &Corpus, keys: &[&Actor], found: &[Found]) -> Vec<Found> {
    // doc -> (sentence, start, state) of every name found for a key state.
    let mut states: BTreeMap<usize, Vec<(usize, usize, usize)>> = BTreeMap::new();
    for f in found {
        if f.list == List::Name
            && keys
                .get(f.concept)
                .is_some_and(|a| a.kind == ActorKind::Place)
        {
            let m = &f.mention;
            states
                .entry(m.doc)
                .or_default()
                .push((m.sentence, m.span.start, f.concept));
        }
    }
    let mut out = Vec::new();
    for (doc, mut named) in states {
        named.sort_unstable();
        for (si, span) in phrases(corpus, doc, &THE_COUNTRY) {
            let mut before: BTreeSet<usize> = named
                .iter()
                .filter(|(sent, at, _)| *sent == si && *at < span.start)
                .map(|p| p.2)
                .collect();
            if before.is_empty() {
                before = named
                    .iter()
                    .filter(|(sent, _, _)| *sent + 1 == si)
                    .map(|p| p.2)
                    .collect();
            }
            if let [k] = before.into_iter().collect::<Vec<_>>()[..] {
                out.push(found_at(k, doc, si, span));
            }
        }
    }
    out
}
