//! Typing a mention: gazetteer entry first, then the shape of the name and its context.

use std::ops::Range;

use super::ActorKind;
use super::gazetteer::{Entry, Gazetteer};
use super::tokens::{Evidence, PARTICLES, Token};

/// Kind of a mention from gazetteers, roles and the shape of the name.
#[allow(clippy::too_many_arguments)]
pub(crate) fn classify(
    text: &str,
    g: &Gazetteer,
    tokens: &[Token],
    r: &Range<usize>,
    words: &[String],
    entry: Option<&Entry>,
    has_role: bool,
    ev: &Evidence,
) -> (ActorKind, bool) {
    if let Some(e) = entry {
        return (e.kind(), false);
    }
    // "Academy Awards", "Endangered Species Act", "INS Mysore": a thing, not an actor
    // (reported as a group the brief does not list, like "Syrian Civil War").
    if is_thing(g, words) {
        return (ActorKind::Group, true);
    }
    if !has_role && home_before_resident(text, tokens, r) {
        return (ActorKind::Place, false);
    }
    if words.iter().skip(1).any(|w| g.org_words.contains(w)) {
        return (ActorKind::Organisation, false);
    }
    if words.len() > 1 && words.last().is_some_and(|w| g.place_words.contains(w))
        || words.len() > 1 && g.place_words.contains(&words[0]) && words[0] != "state"
    {
        return (ActorKind::Place, false);
    }
    // "Syrian Civil War", "US-Russia": a demonym or state compound, not a new actor.
    let adjective = |w: &str| matches!(g.lookup(w), Some(Entry::Adjective(_)));
    let compound = words.len() == 1
        && words[0].contains('-')
        && words[0].split('-').all(|p| g.lookup(p).is_some());
    if (words.len() > 1 && adjective(&words[0]) && !has_role) || compound {
        return (ActorKind::Group, true);
    }
    // "Beverly Hills", "Virginia Beach": a place of the GeoNames list whose first word is
    // also a given name is the place.
    if !has_role && words.len() > 1 && super::tagger::features::is_listed_place(&words.join(" ")) {
        return (ActorKind::Place, false);
    }
    if has_role
        || g.first_names.contains(&words[0])
        || words.iter().any(|w| PARTICLES.contains(&w.as_str()))
        || words.last().is_some_and(|w| {
            w.contains('-')
                && PARTICLES
                    .iter()
                    .any(|p| w.strip_prefix(p).is_some_and(|r| r.starts_with('-')))
        })
    {
        return (ActorKind::Person, false);
    }
    if words.len() == 1 {
        let t = &tokens[r.start];
        if t.upper && words[0].len() <= 5 {
            return (ActorKind::Organisation, false);
        }
        if ev.surnames.contains(&words[0]) {
            return (ActorKind::Person, false);
        }
        // "my wife Portia", "her son Oscar": a name after a kin noun is a person.
        let before = text[..t.span.start].trim_end_matches([' ', ',']);
        let prev = before.rsplit([' ', '\n']).next().unwrap_or("");
        if KIN.contains(&prev.to_lowercase().as_str()) {
            return (ActorKind::Person, false);
        }
        // "Clinton said": a bare name that speaks is a person.
        let after = text[t.span.end..].trim_start();
        if ["said", "says", "told", "added"]
            .iter()
            .any(|v| after.strip_prefix(v).is_some_and(|r| r.starts_with(' ')))
        {
            return (ActorKind::Person, true);
        }
        let before = text[..t.span.start].trim_end();
        let prep = before.rsplit(' ').next().unwrap_or("").to_lowercase();
        if matches!(
            prep.as_str(),
            "in" | "at" | "near" | "from" | "to" | "into" | "across"
        ) {
            return (ActorKind::Place, true);
        }
        return (ActorKind::Organisation, true);
    }
    if words.len() <= 4 {
        return (ActorKind::Person, true);
    }
    (ActorKind::Organisation, true)
}

/// Whether the name says where someone lives: "a Spiro man", "an Oakland woman", "the
/// Fort Smith teenager" (an article before, a lower-case noun for a resident after).
fn home_before_resident(text: &str, tokens: &[Token], r: &Range<usize>) -> bool {
    let start = tokens[r.start].span.start;
    let end = tokens[r.end - 1].span.end;
    let before = text[..start].trim_end_matches(' ');
    let article = before
        .rsplit([' ', '\n', '"', '('])
        .next()
        .is_some_and(|w| matches!(w, "a" | "A" | "an" | "An"));
    let after = text[end..].strip_prefix(' ').unwrap_or("");
    let noun = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    article && RESIDENTS.contains(&noun)
}

/// Nouns for a person or family described by where they live ("a Spiro man").
const RESIDENTS: &[&str] = &[
    "man",
    "woman",
    "men",
    "women",
    "boy",
    "girl",
    "teen",
    "teenager",
    "resident",
    "native",
    "couple",
    "family",
    "mother",
    "father",
    "homeowner",
];

/// Kin nouns: the single name after one is a person ("my wife Portia").
const KIN: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "girlfriend",
    "boyfriend",
    "fiancee",
    "fiancé",
    "fiancée",
    "fiance",
    "widow",
    "grandson",
    "granddaughter",
    "nephew",
    "niece",
    "cousin",
    "uncle",
    "aunt",
    "stepson",
    "stepdaughter",
];

/// Whether a multi-word name names a thing (a work, event, award, law or vehicle), by its
/// head word (`thing_words.txt`): the last word ("Tony Awards", "World Cup"), the first
/// before "of" ("Constitution of Turkmenistan"), or a vehicle prefix before the last word
/// ("INS Tabar", "Naval Ship Sukanya").
pub(crate) fn is_thing<S: AsRef<str>>(g: &Gazetteer, words: &[S]) -> bool {
    let w = |i: usize| words.get(i).map_or("", AsRef::as_ref);
    words.len() > 1
        && (g.thing_words.contains(w(words.len() - 1))
            || (1..words.len() - 1).any(|i| w(i) == "of" && g.thing_words.contains(w(i - 1)))
            || (0..words.len() - 1).any(|i| g.vehicle_prefixes.contains(w(i))))
}

/// The name of a vehicle named with a prefix ("mysore" in "INS Mysore"): alone, that word
/// names the vehicle too.
pub(crate) fn vehicle_name<S: AsRef<str>>(g: &Gazetteer, words: &[S]) -> Option<String> {
    let n = words.len();
    (n > 1 && (0..n - 1).any(|i| g.vehicle_prefixes.contains(words[i].as_ref())))
        .then(|| words[n - 1].as_ref().to_string())
}
