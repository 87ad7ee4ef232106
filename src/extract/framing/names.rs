//! The names of key actors: mentions with the title written before them, state
//! institutions named after the state ("the Syrian regime"), and definite descriptions
//! ("the president") that only one named actor of the article can be.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::descriptions::TIME_QUALIFIERS;
use super::{Found, List, NameMention, Roles};
use crate::extract::entities::gazetteer::{Entry, GAZETTEER, norm};
use crate::extract::entities::{Actor, ActorKind, Mention, is_state};
use crate::text::Corpus;

/// "the Syrian government", "Russia's government", "the Kremlin administration", "North
/// Korean state media".
// A compiled constant pattern: cannot fail.
#[allow(clippy::unwrap_used)]
static STATE_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[Tt]he\s+)?(?P<x>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)(?:['’]s)?\s+(?:government|regime|administration|authorities|leadership|state(?:-run)?\s+(?:media(?:\s+agency)?|television|news\s+agency))\b",
    )
    .unwrap()
});

/// The words [`STATE_BODY`] needs: most sentences have none, and this search is cheaper.
// A compiled constant pattern: cannot fail.
#[allow(clippy::unwrap_used)]
static BODY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"government|regime|administration|authorities|leadership|state").unwrap()
});

/// People acting for a state, named by it: "U.S. officials", "the Russian intelligence
/// agents", "American troops".
// A compiled constant pattern: cannot fail.
#[allow(clippy::unwrap_used)]
static STATE_PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:[Tt]he\s+)?(?P<x>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)(?:['’]s)?\s+(?:(?:senior|top|intelligence|military|government|state|spy)\s+)?(?:{PEOPLE})\b"
    ))
    .unwrap()
});

/// Plural nouns for people acting for a state.
const PEOPLE: &str = "officials|troops|diplomats|agents|negotiators|lawmakers|senators|nationals|forces|representatives|leaders|officers|soldiers|spies|hackers|intelligence community|intelligence|counterparts|agencies|service members|official|diplomat|negotiator|lawmaker|senator|officer|soldier|spy|agent";

/// The words [`STATE_PEOPLE`] needs.
// A compiled constant pattern: cannot fail.
#[allow(clippy::unwrap_used)]
static PEOPLE_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(PEOPLE).unwrap());

/// Every name the text gives the key actors.
/// `bodies`: the mentions of the bodies acting for a key state (by its place in `keys`);
/// `tied`: the key state a title ties a key person to ([`super::members::tied_keys`]).
pub(super) fn actor_names(
    corpus: &Corpus,
    keys: &[&Actor],
    bodies: Vec<(usize, Mention)>,
    tied: &BTreeMap<usize, String>,
    roles: &Roles,
) -> Vec<Found> {
    let mut found: Vec<Found> = bodies
        .into_iter()
        .map(|(k, m)| {
            let list = if names_the_state(corpus.docs[m.doc].text(&m.span)) {
                List::Name
            } else {
                List::Member
            };
            Found {
                list,
                ..found_at(k, m.doc, m.sentence, m.span)
            }
        })
        .collect();
    for (k, actor) in keys.iter().enumerate() {
        for m in &actor.mentions {
            // Titles belong to people ("President Trump"); before a state or a body, a
            // capitalised word is another name ("Senior US officials").
            let span = if actor.kind == ActorKind::Person {
                with_title(corpus, roles, m.doc, m.sentence, &m.span)
            } else {
                m.span.clone()
            };
            let title = &corpus.docs[m.doc].raw[span.start..m.span.start];
            if span.start < m.span.start && title_stands_alone(title) {
                // "North Korean dictator Kim Jong Un": the description and the name are two
                // names the outlet gives him.
                let end = span.start + title.trim_end().len();
                found.push(found_at(k, m.doc, m.sentence, span.start..end));
                found.push(found_at(k, m.doc, m.sentence, m.span.clone()));
            } else {
                found.push(found_at(k, m.doc, m.sentence, span));
            }
        }
    }
    found.extend(respellings(corpus, keys));
    found.extend(state_bodies(corpus, keys, tied));
    found.extend(super::descriptions::descriptions(corpus, keys, tied, roles));
    let beside = super::descriptions::appositions(corpus, keys, &found);
    found.extend(beside);
    let alone = super::bodies::bodies_alone(corpus, keys, &found);
    found.extend(alone);
    let people = super::bodies::administration_people(corpus, keys, tied, &found);
    found.extend(people);
    found.extend(super::bodies::organisations_by_head(corpus, keys));
    drop_nested(found)
}

/// Whether a body's name names the state itself ("Syrian Government", "Assad regime") rather
/// than one of its voices ("State Department"): it ends in a word for a state's government.
pub(super) fn names_the_state(name: &str) -> bool {
    name.rsplit(char::is_whitespace).next().is_some_and(|w| {
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        super::bodies::BODIES
            .iter()
            .any(|b| w.eq_ignore_ascii_case(b))
    })
}

/// A key person's full name written with hyphens for spaces or the other way round ("Kim
/// Jong-un" for Kim Jong Un), in the articles that name the person: the clusters may have
/// missed it. The pattern is `(?i)\bKim(?:\s|-)Jong(?:\s|-)Un\b`; a name and a sentence in
/// ASCII (nearly all) are searched by [`ascii_respellings`] without compiling it.
fn respellings(corpus: &Corpus, keys: &[&Actor]) -> Vec<Found> {
    let mut out = Vec::new();
    for (k, a) in keys.iter().enumerate() {
        let words: Vec<&str> = a
            .name
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .collect();
        if a.kind != ActorKind::Person || words.len() < 2 {
            continue;
        }
        let ascii = words.iter().all(|w| w.is_ascii());
        let mut re: Option<Option<Regex>> = None;
        let docs: BTreeSet<usize> = a.mentions.iter().map(|m| m.doc).collect();
        for doc in docs {
            for si in corpus.doc_sentences(doc) {
                let s = &corpus.sentences[si];
                let text = corpus.text(s);
                let spans: Vec<Range<usize>> = if ascii && text.is_ascii() {
                    ascii_respellings(text, &words)
                } else {
                    let compiled = re.get_or_insert_with(|| {
                        let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
                        Regex::new(&format!(r"(?i)\b{}\b", escaped.join(r"(?:\s|-)"))).ok()
                    });
                    let Some(compiled) = compiled else { break };
                    compiled.find_iter(text).map(|m| m.range()).collect()
                };
                for m in spans {
                    let span = s.span.start + m.start..s.span.start + m.end;
                    out.push(found_at(k, doc, si, span));
                }
            }
        }
    }
    out
}

/// The matches of `(?i)\bW1(?:\s|-)W2...\b` (the words escaped) in `text`, left to right,
/// for a text and words in ASCII: there `\b` is between an ASCII word character
/// (`[0-9A-Za-z_]`) and anything else, `\s` is the ASCII white space (with the vertical tab)
/// and `(?i)` ASCII case folding (the two other folds of ASCII letters, the Kelvin sign and
/// the long s, are not ASCII). The pattern has one way to match at each start, so the first
/// start that matches, then the next from its end, are what the regex finds.
fn ascii_respellings(text: &str, words: &[&str]) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let word = |i: usize| {
        b.get(i)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
    };
    let boundary = |i: usize| (i > 0 && word(i - 1)) != word(i);
    let matches_at = |start: usize| -> Option<usize> {
        if !boundary(start) {
            return None;
        }
        let mut at = start;
        for (n, w) in words.iter().enumerate() {
            if n > 0 {
                let c = *b.get(at)?;
                if !(c == b'-' || char::from(c).is_whitespace()) {
                    return None;
                }
                at += 1;
            }
            let end = at + w.len();
            if !b.get(at..end)?.eq_ignore_ascii_case(w.as_bytes()) {
                return None;
            }
            at = end;
        }
        boundary(at).then_some(at)
    };
    let mut out = Vec::new();
    // A match opens with the first word's first letter, in either case: only those places
    // are tried, found by `str::find` (a fast byte search).
    let Some(&first) = words.first().and_then(|w| w.as_bytes().first()) else {
        return out;
    };
    let cases = [
        char::from(first.to_ascii_lowercase()),
        char::from(first.to_ascii_uppercase()),
    ];
    let find = |from: usize, c: char| text[from..].find(c).map_or(b.len(), |i| from + i);
    let mut next = cases.map(|c| find(0, c));
    loop {
        let start = next[0].min(next[1]);
        if start >= b.len() {
            break;
        }
        let resume = match matches_at(start) {
            Some(end) => {
                out.push(start..end);
                end
            }
            None => start + 1,
        };
        for (n, &c) in next.iter_mut().zip(&cases) {
            if *n < resume {
                *n = find(resume, c);
            }
        }
    }
    out
}

pub(super) fn found_at(concept: usize, doc: usize, sentence: usize, span: Range<usize>) -> Found {
    Found {
        concept,
        list: List::Name,
        mention: NameMention {
            doc,
            sentence,
            span,
        },
    }
}

/// The mention widened to the title or role written right before it ("President Trump").
fn with_title(
    corpus: &Corpus,
    roles: &Roles,
    doc: usize,
    sentence: usize,
    span: &Range<usize>,
) -> Range<usize> {
    let raw = &corpus.docs[doc].raw;
    let s = &corpus.sentences[sentence].span;
    // "Mr. Trump": a form of address is part of the name as the outlet writes it.
    let start = honorific_before(raw.get(s.start..span.start).unwrap_or(""))
        .map_or(span.start, |at| s.start + at);
    let Some(role) = roles
        .near(sentence, span)
        .or_else(|| super::descriptions::label_before(raw.get(s.start..start).unwrap_or("")))
    else {
        return start..span.end;
    };
    let before = &raw[s.start..start];
    let trimmed = before.trim_end();
    // Only a title directly before the name, on the same line, belongs to the name.
    if trimmed.ends_with(role.as_str()) && !before[trimmed.len()..].contains('\n') {
        let mut from = trimmed.len() - role.len();
        // "Hosting President Emmanuel Macron": a verb opening the sentence is no title.
        while let Some((first, rest)) = trimmed[from..].split_once(' ')
            && first.ends_with("ing")
            && !GAZETTEER.role_words.contains(&norm(first))
        {
            from = trimmed.len() - rest.len();
        }
        // "former FBI director": a time word before the title is part of the description.
        let head = &trimmed[..from];
        if let Some(word) = head.strip_suffix(' ').and_then(|h| h.rsplit(' ').next())
            && TIME_QUALIFIERS.contains(&word.to_lowercase().as_str())
        {
            from -= word.len() + 1;
        }
        s.start + from..span.end
    } else {
        start..span.end
    }
}

/// Where a form of address ("Mr.", "Mrs.", "Ms.", "Dr.") written right before a name starts,
/// in the text before the name.
pub(super) fn honorific_before(before: &str) -> Option<usize> {
    let trimmed = before.strip_suffix(' ')?;
    let word = trimmed.rsplit(char::is_whitespace).next()?;
    matches!(
        word.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Dr" | "Messrs"
    )
    .then(|| trimmed.len() - word.len())
}

/// Whether a title before a name describes the person by itself ("North Korean leader",
/// "US Secretary of State", "former FBI director"), rather than being a form of address that
/// belongs to the name ("President", "Mr.", "Prime Minister").
fn title_stands_alone(title: &str) -> bool {
    title.split_whitespace().any(|w| {
        let bare = w.trim_end_matches("'s").trim_end_matches("’s");
        (w.starts_with(char::is_lowercase) && !matches!(w, "of" | "the" | "and"))
            || bare.len() < w.len()
            || matches!(
                GAZETTEER.lookup(bare),
                Some(Entry::Adjective(_) | Entry::State(_) | Entry::Org { .. })
            )
    })
}

/// "the Syrian regime", "the US government": the state's institutions by the state's
/// name, adjective or capital, or by a key person a title ties to it ("the Kim regime",
/// "Abe's government"); and "U.S. officials", "Russian intelligence agents", "American
/// troops": the people acting for it, named by it.
fn state_bodies(corpus: &Corpus, keys: &[&Actor], tied: &BTreeMap<usize, String>) -> Vec<Found> {
    let rulers = super::bodies::tied_surnames(corpus, keys, tied);
    let states: BTreeMap<&str, usize> = keys
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::Place)
        .map(|(k, a)| (a.name.as_str(), k))
        .collect();
    // An organisation's people and bodies by a name the text gives it ("DNC officials",
    // "Democratic leaders", "FBI agents"); a form two key actors share names neither.
    let mut orgs: BTreeMap<String, Option<usize>> = BTreeMap::new();
    let add = |orgs: &mut BTreeMap<String, Option<usize>>, form: String, k: usize| {
        let e = orgs.entry(form).or_insert(Some(k));
        if *e != Some(k) {
            *e = None;
        }
    };
    for (k, a) in keys.iter().enumerate() {
        if a.kind == ActorKind::Organisation {
            for m in &a.mentions {
                add(&mut orgs, norm(corpus.docs[m.doc].text(&m.span)), k);
            }
        }
    }
    // "European" of the European Union: an adjective opening the name, unless it is a
    // state's ("American officials") or the text already gives it to an actor.
    let mut adjectives: BTreeMap<String, Option<usize>> = BTreeMap::new();
    for (k, a) in keys.iter().enumerate() {
        let adjective = a
            .name
            .split_once(' ')
            .map(|(first, _)| first)
            .filter(|w| w.ends_with("an") || w.ends_with("ic"))
            .filter(|w| !matches!(GAZETTEER.lookup(w), Some(Entry::Adjective(st)) if is_state(st)));
        if let (ActorKind::Organisation, Some(w)) = (a.kind, adjective)
            && !orgs.contains_key(&norm(w))
        {
            add(&mut adjectives, norm(w), k);
        }
    }
    orgs.extend(adjectives);
    let named = |x: &str| state_named(&states, x).or_else(|| orgs.get(&norm(x)).copied().flatten());
    let mut out = Vec::new();
    if states.is_empty() && orgs.is_empty() {
        return out;
    }
    for (si, s) in corpus.sentences.iter().enumerate() {
        let text = corpus.text(s);
        let bodies = BODY_WORD
            .is_match(text)
            .then(|| STATE_BODY.captures_iter(text))
            .into_iter()
            .flatten();
        let people = PEOPLE_WORD
            .is_match(text)
            .then(|| STATE_PEOPLE.captures_iter(text))
            .into_iter()
            .flatten();
        let bodies = bodies.map(|c| (c, List::Name));
        let people = people.map(|c| (c, List::Member));
        for (c, list) in bodies.chain(people) {
            let (Some(all), Some(x)) = (c.get(0), c.name("x")) else {
                continue;
            };
            // "the Kim regime", "Abe's government": a ruler's government is the state's (his
            // "leadership" or "authorities" are his own: "resent John Major's leadership").
            let ruler = |x: &str| {
                let government = ["government", "regime", "administration"]
                    .iter()
                    .any(|w| all.as_str().ends_with(w));
                rulers
                    .get(x)
                    .copied()
                    .flatten()
                    .filter(|_| list == List::Name && government)
            };
            let named = |x: &str| named(x).or_else(|| ruler(x));
            let Some((k, start)) = named(x.as_str())
                .map(|k| (k, all.start()))
                // "Senior U.S. officials": the state is the last capitalised word.
                .or_else(|| {
                    let (_, last) = x.as_str().rsplit_once(' ')?;
                    let k = named(last)?;
                    Some((k, x.end() - last.len()))
                })
            else {
                continue;
            };
            let span = s.span.start + start..s.span.start + all.end();
            out.push(Found {
                list,
                ..found_at(k, s.doc, si, span)
            });
        }
    }
    out
}

/// The key state a name, adjective or capital stands for.
fn state_named(states: &BTreeMap<&str, usize>, x: &str) -> Option<usize> {
    let state = match GAZETTEER.lookup(x)? {
        Entry::State(st) | Entry::Adjective(st) => st,
        Entry::Capital { state, .. } => state,
        _ => return None,
    };
    states.get(state.as_str()).copied()
}

/// A name inside a longer name of the same occurrence ("Syrian" in "the Syrian regime",
/// "Trump" inside "President Trump") counts once, as the longer.
fn drop_nested(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| {
        (
            f.mention.doc,
            f.mention.span.start,
            std::cmp::Reverse(f.mention.span.end),
        )
    });
    let mut out: Vec<Found> = Vec::new();
    for f in found {
        let inside = out.last().is_some_and(|l| {
            l.mention.doc == f.mention.doc
                && l.mention.span.start <= f.mention.span.start
                && f.mention.span.end <= l.mention.span.end
        });
        if !inside {
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII search finds what the regex finds, on random texts and names.
    #[test]
    fn ascii_respellings_are_the_regex_matches() {
        let names: [&[&str]; 5] = [
            &["Kim", "Jong", "Un"],
            &["Ban", "Ki-moon"],
            &["O'Neil", "Smith"],
            &["al", "Assad"],
            &["J.", "Doe"],
        ];
        let pieces = [
            "Kim", "kim", "KIM", "Jong", "jong", "Un", "un", "Ban", "Ki", "moon", "O'Neil",
            "Smith", "al", "Al", "Assad", "J.", "Doe", " ", " ", "-", "\t", "\u{b}", "_", "x", "2",
            ".", ",", "'", "\n", "  ",
        ];
        let compiled: Vec<(Vec<&str>, Regex)> = names
            .iter()
            .map(|name| {
                let split: Vec<&str> = name
                    .iter()
                    .flat_map(|w| w.split('-'))
                    .filter(|w| !w.is_empty())
                    .collect();
                let escaped: Vec<String> = split.iter().map(|w| regex::escape(w)).collect();
                let re =
                    Regex::new(&format!(r"(?i)\b{}\b", escaped.join(r"(?:\s|-)"))).expect("regex");
                (split, re)
            })
            .collect();
        let mut x: u64 = 11;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..10 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            for (split, re) in &compiled {
                let want: Vec<Range<usize>> = re.find_iter(&text).map(|m| m.range()).collect();
                assert_eq!(ascii_respellings(&text, split), want, "{text:?} {split:?}");
            }
        }
    }
}
