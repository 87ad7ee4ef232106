//! "the administration", "his administration", "the regime": a state's body named by its
//! word alone, after the article has named it in full ("the Trump administration", "the
//! Syrian regime") for exactly one key state; and "the party", "the committee": a key
//! organisation by the last word of its name, after the article has named it, when no other
//! name in the article ends in that word ("the Senate Intelligence Committee").

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{Found, NameMention};
use crate::extract::entities::gazetteer::{GAZETTEER, norm};
use crate::extract::entities::{Actor, ActorKind};
use crate::text::Corpus;

/// The words that name a state's body.
pub(super) const BODIES: [&str; 5] = [
    "government",
    "regime",
    "administration",
    "authorities",
    "leadership",
];

/// "the administration", "his government", "its leadership" (not "the administration's
/// officials" read any differently: the possessive still names the body).
// A compiled constant pattern: cannot fail.
#[allow(clippy::unwrap_used)]
static BODY_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?P<b>government|regime|administration|authorities|leadership)\b")
        .unwrap()
});

/// The bodies named by their word alone, for the key state whose body the article named
/// before with that word.
pub(super) fn bodies_alone(corpus: &Corpus, keys: &[&Actor], found: &[Found]) -> Vec<Found> {
    // (doc, body word) -> (state, first sentence naming it) for each key state.
    let mut named: BTreeMap<(usize, &str), Vec<(usize, usize)>> = BTreeMap::new();
    for f in found {
        if keys
            .get(f.concept)
            .is_none_or(|a| a.kind != ActorKind::Place)
        {
            continue;
        }
        let m = &f.mention;
        let text = corpus.docs[m.doc].text(&m.span);
        // Only a longer name ("the Syrian regime"): the word is the last one, after another.
        let Some((_, last)) = text.rsplit_once(char::is_whitespace) else {
            continue;
        };
        let Some(body) = BODIES.iter().find(|b| last.eq_ignore_ascii_case(b)) else {
            continue;
        };
        let list = named.entry((m.doc, body)).or_default();
        match list.iter_mut().find(|(k, _)| *k == f.concept) {
            Some(e) => e.1 = e.1.min(m.sentence),
            None => list.push((f.concept, m.sentence)),
        }
    }
    let mut out = Vec::new();
    let docs: std::collections::BTreeSet<usize> = named.keys().map(|(d, _)| *d).collect();
    for doc in docs {
        for si in corpus.doc_sentences(doc) {
            let s = &corpus.sentences[si];
            for c in BODY_ALONE.captures_iter(corpus.text(s)) {
                let (Some(all), Some(b)) = (c.get(0), c.name("b")) else {
                    continue;
                };
                let Some([(k, first)]) = named.get(&(doc, b.as_str())).map(Vec::as_slice) else {
                    continue;
                };
                if *first < si {
                    out.push(Found {
                        concept: *k,
                        list: super::List::Name,
                        mention: NameMention {
                            doc,
                            sentence: si,
                            span: s.span.start + all.start()..s.span.start + all.end(),
                        },
                    });
                }
            }
        }
    }
    out
}

/// "Trump administration officials", "a senior administration official", "Trump officials",
/// "Mr. Moon's office", "Mr. Moon's special envoys", "an administration delegation": the
/// people of a key state's administration.
// A compiled constant pattern: cannot fail.
#[allow(clippy::unwrap_used)]
static ADMINISTRATION_PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?P<x>[A-Z][\w-]*)(?P<s>['’]s)?\s+)?(?:(?:[Ss]enior|[Tt]op|special)\s+)?(?P<a>administration\s+)?(?P<p>officials?|aides?|delegation|office|envoys?)\b")
        .unwrap()
});

/// A key person a title ties to a key state, by the last word of the name or a one-word
/// name the text gives the person ("Trump", "Kim" for Kim Jong Un), when no other tied
/// person shares it: that word -> the state's place in `keys`.
pub(super) fn tied_surnames<'a>(
    corpus: &'a Corpus,
    keys: &[&'a Actor],
    tied: &BTreeMap<usize, String>,
) -> BTreeMap<&'a str, Option<usize>> {
    let mut out: BTreeMap<&'a str, Option<usize>> = BTreeMap::new();
    for (k, state) in tied {
        let st = keys
            .iter()
            .position(|a| a.kind == ActorKind::Place && a.name == *state);
        let (Some(a), Some(st)) = (keys.get(*k), st) else {
            continue;
        };
        let words = a.name.rsplit(' ').next().into_iter().chain(
            a.mentions
                .iter()
                .map(|m| corpus.docs[m.doc].text(&m.span))
                .filter(|w| !w.contains(char::is_whitespace)),
        );
        for w in words {
            let e = out.entry(w).or_insert(Some(st));
            if *e != Some(st) {
                *e = None;
            }
        }
    }
    out
}

/// The people of a key state's administration (listed as acting for it): after the name of
/// a key person a title ties to the state ("Trump officials", "Trump administration
/// officials", "Mr. Moon's office"), or after the word alone ("a senior administration
/// official") in an article that names the administration of exactly one key state ("the
/// Trump administration"). `tied`: the key state (its name) a title ties a key person to,
/// by place in `keys`.
pub(super) fn administration_people(
    corpus: &Corpus,
    keys: &[&Actor],
    tied: &BTreeMap<usize, String>,
    found: &[Found],
) -> Vec<Found> {
    let people = tied_surnames(corpus, keys, tied);
    // doc -> the key states whose administration the article names.
    let mut named: BTreeMap<usize, std::collections::BTreeSet<usize>> = BTreeMap::new();
    for f in found {
        if f.list != super::List::Name
            || keys
                .get(f.concept)
                .is_none_or(|a| a.kind != ActorKind::Place)
        {
            continue;
        }
        let text = corpus.docs[f.mention.doc].text(&f.mention.span);
        if text
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("administration"))
        {
            named.entry(f.mention.doc).or_default().insert(f.concept);
        }
    }
    let mut out = Vec::new();
    for (si, s) in corpus.sentences.iter().enumerate() {
        let text = corpus.text(s);
        if !["official", "aide", "delegation", "office", "envoy"]
            .iter()
            .any(|w| text.contains(w))
        {
            continue;
        }
        for c in ADMINISTRATION_PEOPLE.captures_iter(text) {
            let (Some(all), Some(p)) = (c.get(0), c.name("p")) else {
                continue;
            };
            let person = c.name("x").and_then(|x| {
                let k = people.get(x.as_str()).copied().flatten()?;
                // "Mr. Moon's office": the form of address is part of the name.
                let at = super::names::honorific_before(&text[..x.start()]).unwrap_or(x.start());
                Some((at, k))
            });
            let admin = c.name("a").is_some();
            let state = match person {
                // "Trump officials", "Mr. Moon's office": the office or envoys only after
                // the possessive ("Trump office" is no phrase).
                Some((at, k))
                    if admin || c.name("s").is_some() || p.as_str().starts_with("official") =>
                {
                    Some((at, k))
                }
                Some(_) => None,
                None if admin => {
                    let from = c.name("x").map_or(all.start(), |x| {
                        let end = c.name("s").map_or(x.end(), |s| s.end());
                        end + text[end..].len() - text[end..].trim_start().len()
                    });
                    match named.get(&s.doc).map(|n| n.iter().collect::<Vec<_>>()) {
                        Some(n) if n.len() == 1 => Some((from, *n[0])),
                        _ => None,
                    }
                }
                None => None,
            };
            let Some((from, k)) = state else {
                continue;
            };
            out.push(Found {
                concept: k,
                list: super::List::Member,
                mention: NameMention {
                    doc: s.doc,
                    sentence: si,
                    span: s.span.start + from..s.span.start + all.end(),
                },
            });
        }
    }
    out
}

/// Head nouns of institutions that name one alone ("the committee"); a name ending in
/// another word ("Smit Salvage") is not named by it ("the salvage" is the work).
const INSTITUTIONS: &[&str] = &[
    "agency",
    "authority",
    "bureau",
    "commission",
    "committee",
    "council",
    "department",
    "ministry",
    "party",
    "union",
];

/// "the party", "the committee": a key organisation by its name's last word.
pub(super) fn organisations_by_head(corpus: &Corpus, keys: &[&Actor]) -> Vec<Found> {
    // doc -> head word -> (organisation, first sentence naming it)
    let mut named: BTreeMap<usize, BTreeMap<String, Vec<(usize, usize)>>> = BTreeMap::new();
    for (k, a) in keys.iter().enumerate() {
        if a.kind != ActorKind::Organisation {
            continue;
        }
        for m in &a.mentions {
            let text = corpus.docs[m.doc].text(&m.span);
            let Some((_, last)) = text.rsplit_once(' ') else {
                continue;
            };
            if !last.starts_with(char::is_uppercase)
                || !INSTITUTIONS.contains(&last.to_lowercase().as_str())
            {
                continue;
            }
            let list = named
                .entry(m.doc)
                .or_default()
                .entry(last.to_lowercase())
                .or_default();
            match list.iter_mut().find(|(o, _)| *o == k) {
                Some(e) => e.1 = e.1.min(m.sentence),
                None => list.push((k, m.sentence)),
            }
        }
    }
    let mut out = Vec::new();
    for (doc, heads) in &named {
        for (head, holders) in heads {
            let [(k, first)] = holders.as_slice() else {
                continue;
            };
            // Every capitalised use of the word in the article is inside this one's names.
            let inside = |at: usize| {
                keys[*k]
                    .mentions
                    .iter()
                    .any(|m| m.doc == *doc && m.span.start <= at && at < m.span.end)
            };
            let title = format!("{}{}", head[..1].to_uppercase(), &head[1..]);
            let run = corpus.doc_sentences(*doc);
            // Headlines are title case: only the body's capitalised uses count.
            let other = corpus.sentences[run.clone()]
                .iter()
                .filter(|s| s.is_body())
                .any(|s| {
                    corpus
                        .text(s)
                        .match_indices(&title)
                        .any(|(at, _)| !inside(s.span.start + at))
                });
            if other {
                continue;
            }
            for si in run.filter(|si| si > first) {
                let s = &corpus.sentences[si];
                let text = corpus.text(s);
                for (at, _) in text.match_indices(head.as_str()) {
                    let before = &text[..at];
                    let after = &text[at + head.len()..];
                    let Some(the) = ["the ", "The "].iter().find(|t| before.ends_with(*t)) else {
                        continue;
                    };
                    // A whole word ("committees" is not), and not a modifier of a role ("the
                    // committee chairman" is a person).
                    let next = after.split_whitespace().next().unwrap_or("");
                    if after.starts_with(char::is_alphanumeric)
                        || (after.starts_with(' ') && GAZETTEER.role_at(&[norm(next)]) > 0)
                    {
                        continue;
                    }
                    let from = at - the.len();
                    out.push(Found {
                        concept: *k,
                        list: super::List::Name,
                        mention: NameMention {
                            doc: *doc,
                            sentence: si,
                            span: s.span.start + from..s.span.start + at + head.len(),
                        },
                    });
                }
            }
        }
    }
    out
}
