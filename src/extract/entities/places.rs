//! Smaller places set as places by their context: "14 miles northeast of Healdsburg", "in
//! Key Biscayne, Fla.", "between Abu Talat and Marseilles (France)".
//!
//! The tagger's place list (`tagger_places.txt`) holds cities of 15,000+ people; a town
//! below that, or a US county named without "County", reaches the rules as an unknown
//! capitalised word, which they type as an organisation (or a person when it has two
//! words). A name of the GeoNames lists (`tagger_places.txt`, `small_places.txt`) that no
//! gazetteer types is a place where the text puts one: after a compass point and "of",
//! before a US state or a country (", Fla.", "(France)", "in France"), or, for a name that
//! is no given name or surname, after a locative preposition ("in", "near", "outside").
//! Many towns are named after people (Jackson, Lincoln): those need the first two contexts.
//! A compass point before "of" sets any name as a place, listed or not ("two miles east of
//! The Geysers").

use std::ops::Range;

use super::ActorKind;
use super::detect::Detected;
use super::gazetteer::{Entry, GAZETTEER, norm};
use super::tagger::features::{is_given_name, is_listed_place, is_small_place, is_surname};

/// How sure a context is that the name before or after it is a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// A compass point before "of" ("14 miles northeast of X"): a place, listed or not.
    Bearing,
    /// Only a place of the lists stands here: "the town of X", "X, Fla.", "X (France)".
    Sure,
    /// A place or something else ("from X" may be a person's letter).
    Locative,
    /// Nothing says place.
    None,
}

/// Type as places the listed place names their context sets as places, and their other
/// mentions: in the same document, and in every document when the name is no given name
/// or surname (a surname that is a town in one article may be a person in another).
pub(crate) fn places_in_context(list: &mut [(usize, &str, &mut Detected)]) {
    let mut names: Vec<(Option<usize>, String)> = Vec::new();
    for (doc, raw, d) in list.iter_mut() {
        if !eligible(d) {
            continue;
        }
        let name = d.words.join(" ");
        let listed = is_listed_place(&name) || is_small_place(&name);
        let personal = personal(d);
        let sure = match context(raw, &d.span) {
            Context::Bearing => true,
            Context::Sure => listed,
            Context::Locative => listed && !personal,
            Context::None => false,
        };
        if sure {
            d.kind = ActorKind::Place;
            d.guessed = false;
            names.push(((personal).then_some(*doc), name));
        }
    }
    if names.is_empty() {
        return;
    }
    names.sort();
    names.dedup();
    for (doc, _, d) in list.iter_mut() {
        // A name read as a person with evidence ("Jackson said" is only a guess) keeps it.
        if !eligible(d) || (d.kind == ActorKind::Person && !d.guessed) {
            continue;
        }
        let name = d.words.join(" ");
        let at = |k: Option<usize>| names.binary_search(&(k, name.clone())).is_ok();
        if at(None) || at(Some(*doc)) {
            d.kind = ActorKind::Place;
            d.guessed = false;
        }
    }
}

/// A mention no list or role types, of at most three words, not opened by a given name.
fn eligible(d: &Detected) -> bool {
    d.kind != ActorKind::Place
        && d.entry.is_none()
        && d.role.is_none()
        && (1..=3).contains(&d.words.len())
        && !GAZETTEER.first_names.contains(&d.words[0])
}

/// Whether a one-word name is also a given name or surname of the census lists.
fn personal(d: &Detected) -> bool {
    d.words.len() == 1 && (is_given_name(&d.words[0]) || is_surname(&d.words[0]))
}

/// What the words around a span say of it.
fn context(raw: &str, span: &Range<usize>) -> Context {
    let mut prev = raw[..span.start]
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        // "near The Geysers": the article is no context.
        .skip_while(|w| w.eq_ignore_ascii_case("the"));
    let (p0, p1) = (
        prev.next().unwrap_or("").to_lowercase(),
        prev.next().unwrap_or("").to_lowercase(),
    );
    let after = &raw[span.end..];
    if p0 == "of" && compass(&p1) {
        return Context::Bearing;
    }
    if (p0 == "of" && SETTLEMENTS.contains(&p1.as_str())) || region_after(after, &[", ", " ("]) {
        return Context::Sure;
    }
    if LOCATIVES.contains(&p0.as_str()) || region_after(after, &[" in "]) {
        return Context::Locative;
    }
    Context::None
}

/// "northeast", "north-northeast", "east-southeast": a compass point.
fn compass(w: &str) -> bool {
    !w.is_empty()
        && w.split('-').all(|p| {
            matches!(
                p,
                "north"
                    | "south"
                    | "east"
                    | "west"
                    | "northeast"
                    | "northwest"
                    | "southeast"
                    | "southwest"
            )
        })
}

/// Whether the text after a name names the state or country it is in, after one of
/// `links`: ", Fla.", ", California", " (France)", " in France".
fn region_after(after: &str, links: &[&str]) -> bool {
    let Some(rest) = links.iter().find_map(|p| after.strip_prefix(p)) else {
        return false;
    };
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '.'))
        .unwrap_or(rest.len());
    let phrase = &rest[..end];
    // A list goes on after a state ("Canada, Mexico and ..."): no region of one place.
    let tail = rest[end..].trim_start_matches([',', ' ']);
    if rest[end..].starts_with(',') && tail.starts_with(char::is_uppercase) {
        return false;
    }
    let region = |name: &str| {
        let key = norm(name);
        US_STATES.contains(&key.as_str()) || matches!(GAZETTEER.lookup(&key), Some(Entry::State(_)))
    };
    // The capitalised words that open the phrase ("New Mexico", "France" in "France
    // broke"), or those up to an abbreviation's period ("Miss." in "Miss. Gov. Ann Lee").
    let words: Vec<&str> = phrase
        .split(' ')
        .take_while(|w| w.starts_with(char::is_uppercase))
        .take(3)
        .collect();
    !words.is_empty()
        && (region(&words.join(" "))
            || (1..words.len())
                .any(|k| words[k - 1].ends_with('.') && region(&words[..k].join(" "))))
}

/// Words before "of" that make the name after it a settlement ("the town of").
const SETTLEMENTS: &[&str] = &[
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "port",
    "suburb",
    "hamlet",
    "community",
    "county",
    "township",
    "borough",
    "outskirts",
    "residents",
];

/// Prepositions after which a name is most often a place.
const LOCATIVES: &[&str] = &[
    "in", "at", "near", "outside", "around", "into", "across", "toward", "towards", "between",
];

/// US states and their news abbreviations, normalised ("fla", "ny", "new mexico").
const US_STATES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
    "ala",
    "ariz",
    "ark",
    "calif",
    "colo",
    "conn",
    "del",
    "fla",
    "ga",
    "ill",
    "ind",
    "kan",
    "kans",
    "ky",
    "la",
    "md",
    "mass",
    "mich",
    "minn",
    "miss",
    "mo",
    "mont",
    "neb",
    "nev",
    "nh",
    "nj",
    "nm",
    "ny",
    "nc",
    "nd",
    "okla",
    "ore",
    "pa",
    "ri",
    "sc",
    "sd",
    "tenn",
    "tex",
    "vt",
    "va",
    "wash",
    "wva",
    "w va",
    "wis",
    "wyo",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::{Actor, extract_actors};
    use crate::ingest::from_plain;
    use crate::text::Corpus;

    fn actors(texts: &[&str]) -> Vec<Actor> {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| from_plain(i, &format!("Outlet{i}"), t))
            .collect();
        extract_actors(&Corpus::new(docs))
    }

    fn names(texts: &[&str]) -> Vec<(String, Vec<String>)> {
        actors(texts)
            .into_iter()
            .map(|a| (a.name, a.aliases))
            .collect()
    }

    fn kind_of(texts: &[&str], name: &str) -> Option<ActorKind> {
        actors(texts)
            .into_iter()
            .find(|a| a.name == name)
            .map(|a| a.kind)
    }

    #[test]
    fn contexts() {
        let at = |text: &str, name: &str| {
            let start = text.find(name).unwrap_or(0);
            context(text, &(start..start + name.len()))
        };
        assert_eq!(
            at(
                "about 9 miles north-northeast of Brisk Hollow.",
                "Brisk Hollow"
            ),
            Context::Bearing
        );
        assert_eq!(
            at("the pantry in Dunmore, Pa., opened.", "Dunmore"),
            Context::Sure
        );
        assert_eq!(
            at("a cable to Sorrel (France) broke.", "Sorrel"),
            Context::Sure
        );
        assert_eq!(
            at("a cable to Sorrel in France broke.", "Sorrel"),
            Context::Locative
        );
        assert_eq!(
            at("the pantry in Dunmore opened.", "Dunmore"),
            Context::Locative
        );
        assert_eq!(
            at("a letter from Dunmore, the mayor.", "Dunmore"),
            Context::None
        );
        assert_eq!(
            at("Dunmore, Smith and Lee signed.", "Dunmore"),
            Context::None
        );
        assert_eq!(
            at("people in Dunmore, Pa. and beyond", "Dunmore"),
            Context::Sure
        );
        assert_eq!(
            at("talks with Dunmore, Canada, Peru and Chile", "Dunmore"),
            Context::None
        );
    }

    #[test]
    fn a_small_town_set_as_a_place_is_a_place() {
        // "Healdsburg" and "Cobb" are below the tagger list's 15,000 people.
        let texts = [
            "A small earthquake struck early Sunday about 14 miles northeast of Healdsburg. \
             Healdsburg officials reported no damage. Residents of Cobb felt it too.",
            "The quake was felt in Healdsburg and, four miles southwest of Cobb, at the steam \
             field. Healdsburg was quiet by noon.",
        ];
        assert_eq!(kind_of(&texts, "Healdsburg"), Some(ActorKind::Place));
        // A compass point before "of" sets even a name no list holds.
        let texts = [
            "Steam vents near Tallowmere hissed. The quake began two miles east of The Tallowmere.",
            "Tallowmere lost power for an hour. Crews reached Tallowmere by noon.",
        ];
        assert_eq!(kind_of(&texts, "Tallowmere"), Some(ActorKind::Place));
    }

    #[test]
    fn a_person_of_a_small_town_is_the_person() {
        // "Fort Smith" and "Schenectady" are GeoNames places, not in the gazetteer.
        let texts = [
            "Marta Quill of Fort Smith was sentenced on Monday. Quill said she was sorry.",
            "A judge in Fort Smith, Ark., sentenced Marta Quill of Fort Smith. Ivo Brandt of \
             Schenectady testified. Brandt said the court was full.",
        ];
        assert_eq!(kind_of(&texts, "Marta Quill"), Some(ActorKind::Person));
        assert_eq!(kind_of(&texts, "Marta Quill of Fort Smith"), None);
        assert_eq!(kind_of(&texts, "Ivo Brandt"), Some(ActorKind::Person));
        // A state's abbreviation is the state (places.txt), no actor of its own.
        assert_eq!(kind_of(&texts, "Ark"), None, "{:?}", names(&texts));
        assert_eq!(kind_of(&texts, "Arkansas"), Some(ActorKind::Place));
    }

    #[test]
    fn a_town_named_after_a_person_needs_a_sure_context() {
        // "Jackson" is a census given name and surname: "in Jackson" alone does not make it
        // a place, "Jackson, Miss." does.
        let person = [
            "Governor Dana Ruiz met Jackson in the capital. Jackson said the talks went well.",
            "Jackson told reporters in Jackson that he would run.",
        ];
        assert_ne!(kind_of(&person, "Jackson"), Some(ActorKind::Place));
        let town = [
            "Storms flooded roads in Jackson, Miss., on Tuesday. Jackson schools closed early.",
            "Jackson, Miss., recorded five inches of rain.",
        ];
        assert_eq!(kind_of(&town, "Jackson"), Some(ActorKind::Place));
    }
}
