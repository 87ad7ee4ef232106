//! Definite descriptions of key people: "the president", "the North Korean leader" when, in
//! that article, exactly one named key person holds the role.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::names::found_at;
use super::{Found, Roles};
use crate::extract::entities::gazetteer::{GAZETTEER, norm};
use crate::extract::entities::{Actor, ActorKind};
use crate::text::Corpus;

/// Words that may qualify a role in a definite description without naming anyone else.
pub(super) const TIME_QUALIFIERS: &[&str] = &[
    "former", "then", "top", "new", "outgoing", "acting", "current", "incoming", "interim",
];

/// The role lexicon entries a role phrase ends in, with the phrase's other words: the
/// longest ("Russia's foreign minister" -> "foreign minister") and the shorter ones it
/// contains ("minister"), unless a word before them makes them another office ("vice
/// president" is no president, "deputy attorney general" no attorney general).
fn role_entries(role: &str) -> Vec<(String, BTreeSet<String>)> {
    let words: Vec<String> = role.split_whitespace().map(norm).collect();
    let mut found: Vec<(usize, usize)> = Vec::new();
    for i in 0..words.len() {
        let n = role_len(&words[i..]);
        if n > 0 && !matches!(words[i].as_str(), "mr" | "mrs" | "ms" | "dr") {
            found.push((i, n));
        }
    }
    // The last entry, and the longer ones ending where it ends.
    let Some(&(last, n)) = found.last() else {
        return Vec::new();
    };
    let end = last + n;
    let rest: BTreeSet<String> = words
        .iter()
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s").to_string())
        .collect();
    let mut heads = Vec::new();
    for &(i, n) in found.iter().filter(|(i, n)| i + n == end) {
        let other_office = !heads.is_empty()
            && words[..i].iter().any(|w| {
                matches!(
                    w.as_str(),
                    "vice" | "deputy" | "assistant" | "under" | "associate" | "lieutenant"
                )
            });
        if !other_office {
            heads.push((words[i..i + n].join(" "), rest.clone()));
        }
    }
    heads
}

/// A key person holding a role in one article: (actor, the role's words, first sentence).
type Holder = (usize, BTreeSet<String>, usize);

/// "the president", "the North Korean leader": within one article, a definite description
/// whose role only one named key person holds there, after that person's first mention.
pub(super) fn descriptions(corpus: &Corpus, keys: &[&Actor], near: &Roles) -> Vec<Found> {
    let mut roles: BTreeMap<usize, BTreeMap<String, Vec<Holder>>> = BTreeMap::new();
    for (k, a) in keys.iter().enumerate() {
        if a.kind != ActorKind::Person {
            continue;
        }
        for m in &a.mentions {
            let s = &corpus.sentences[m.sentence];
            let raw = &corpus.docs[m.doc].raw;
            let Some(role) = near
                .near(m.sentence, &m.span)
                .or_else(|| label_before(raw.get(s.span.start..m.span.start).unwrap_or("")))
            else {
                continue;
            };
            // "President Vladimir V. Putin of Russia": the place after the name qualifies
            // the title as one before it would.
            let of_place = raw
                .get(m.span.end..s.span.end)
                .and_then(|rest| rest.strip_prefix(' '))
                .map(of_place)
                .unwrap_or_default();
            for (head, mut words) in role_entries(&role) {
                words.extend(of_place.iter().cloned());
                let holders = roles.entry(m.doc).or_default().entry(head).or_default();
                match holders.iter_mut().find(|h| h.0 == k) {
                    Some(h) => h.1.extend(words),
                    None => holders.push((k, words, m.sentence)),
                }
            }
        }
    }
    // A person the article names without a role holds there the role the other articles
    // give (`Actor::role`), from the first mention on; a description goes to these only when
    // no role the article itself gives fits.
    let mut others: BTreeMap<usize, BTreeMap<String, Vec<Holder>>> = BTreeMap::new();
    for (k, a) in keys.iter().enumerate() {
        let Some(role) = a.role.as_deref().filter(|_| a.kind == ActorKind::Person) else {
            continue;
        };
        let mut firsts: BTreeMap<usize, usize> = BTreeMap::new();
        for m in &a.mentions {
            firsts.entry(m.doc).or_insert(m.sentence);
        }
        for (doc, first) in firsts {
            for (head, words) in role_entries(role) {
                // A role the article gives the person under this head wins.
                if roles
                    .get(&doc)
                    .and_then(|h| h.get(&head))
                    .is_some_and(|h| h.iter().any(|h| h.0 == k))
                {
                    continue;
                }
                let heads = others.entry(doc).or_default();
                heads.entry(head).or_default().push((k, words, first));
            }
        }
    }
    let mut out = Vec::new();
    let docs: BTreeSet<usize> = roles.keys().chain(others.keys()).copied().collect();
    let none = BTreeMap::new();
    for doc in docs {
        let heads = roles.get(&doc).unwrap_or(&none);
        let fallback = others.get(&doc).unwrap_or(&none);
        // Sentences are stored document by document: this article's run.
        for si in corpus.doc_sentences(doc) {
            let s = &corpus.sentences[si];
            let text = corpus.text(s);
            for (span, head, quals) in definite_roles(text) {
                // The holders the description's other words fit ("the French president" is
                // the one whose role says French); it names one only when one fits.
                let fitting = |holders: &BTreeMap<String, Vec<Holder>>| -> Vec<(usize, usize)> {
                    holders
                        .get(&head)
                        .into_iter()
                        .flatten()
                        .filter(|(_, words, _)| {
                            quals
                                .iter()
                                .all(|q| words.contains(q) || TIME_QUALIFIERS.contains(&q.as_str()))
                        })
                        .map(|(k, _, first)| (*k, *first))
                        .collect()
                };
                let mut fit = fitting(heads);
                let own = !fit.is_empty();
                if fit.is_empty() {
                    fit = fitting(fallback);
                }
                if fit.len() > 1 && quals.is_empty() {
                    // "the president" beside "President Trump" and "French President Macron":
                    // an outlet qualifies the other office holders, not the one it means
                    // by the bare title.
                    let bare: Vec<(usize, usize)> = fit
                        .iter()
                        .filter(|(k, _)| {
                            heads
                                .get(&head)
                                .into_iter()
                                .flatten()
                                .any(|(hk, words, _)| {
                                    hk == k && words.iter().all(|w| head.split(' ').any(|h| h == w))
                                })
                        })
                        .copied()
                        .collect();
                    if bare.len() == 1 {
                        fit = bare;
                    }
                }
                let [(k, first)] = fit.as_slice() else {
                    continue;
                };
                // A description qualified by more than time words ("the North Korean
                // leader") may come before the name, as a lead often does.
                let qualified = quals.iter().any(|q| !TIME_QUALIFIERS.contains(&q.as_str()));
                if *first <= si || qualified || own {
                    out.push(found_at(
                        *k,
                        doc,
                        si,
                        s.span.start + span.start..s.span.start + span.end,
                    ));
                }
            }
        }
    }
    out
}

/// "the [qualifiers] ROLE" not followed by a name: (span, role entry, qualifier words).
fn definite_roles(text: &str) -> Vec<(Range<usize>, String, Vec<String>)> {
    // Up to four qualifiers, then a role of up to six words: the nine words after a "the".
    read_within(text, 9)
}

/// [`definite_roles`], cleaning the `reach` words after each "the" (each word once).
fn read_within(text: &str, reach: usize) -> Vec<(Range<usize>, String, Vec<String>)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for w in text.split(' ') {
        if !w.is_empty() {
            words.push((pos, w));
        }
        pos += w.len() + 1;
    }
    let clean = |w: &str| {
        norm(possessive(
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'),
        ))
    };
    let mut out = Vec::new();
    // Each word cleaned once, and only when a "the" before it can read it.
    let mut cleaned: Vec<String> = Vec::new();
    let mut done: Vec<bool> = Vec::new();
    for (j, &(start, w)) in words.iter().enumerate() {
        if w != "the" && w != "The" {
            continue;
        }
        if cleaned.is_empty() {
            cleaned = vec![String::new(); words.len()];
            done = vec![false; words.len()];
        }
        for k in j + 1..j.saturating_add(reach).saturating_add(1).min(words.len()) {
            if !done[k] {
                cleaned[k] = clean(words[k].1);
                done[k] = true;
            }
        }
        for p in j + 1..(j + 5).min(words.len()) {
            // Stop at punctuation inside the phrase.
            if words[p - 1].1.ends_with([',', ';', ':', '.']) && p > j + 1 {
                break;
            }
            let tail = &cleaned[p..(p + 6).min(cleaned.len())];
            let n = role_len(tail);
            if n == 0 {
                continue;
            }
            let last = &words[p + n - 1];
            let next = words.get(p + n).map(|(_, w)| *w);
            // "the president Emmanuel Macron" is a title before a name, counted there.
            if next.is_some_and(|w| w.starts_with(char::is_uppercase)) && !last.1.ends_with(',') {
                break;
            }
            let mut end =
                last.0 + possessive(last.1.trim_end_matches(|c: char| !c.is_alphanumeric())).len();
            let mut quals = cleaned[j + 1..p].to_vec();
            // "the leader of Japan": the place qualifies the role, and is part of the
            // description.
            if !last.1.ends_with([',', ';', ':', '.']) {
                let place = of_place(text.get(end + 1..).unwrap_or(""));
                let after = words.get(p + n + 1..p + n + 1 + place.len());
                if let Some((at, w)) = after.and_then(|a| a.last()).filter(|_| !place.is_empty()) {
                    end = at + w.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
                    quals.extend(place);
                }
            }
            out.push((start..end, tail[..n].join(" "), quals));
            break;
        }
    }
    out
}

/// The place an "of" phrase opening `rest` names ("of Russia", "of South Korea,"): its
/// capitalised words (at most three), folded; none when `rest` opens otherwise ("of the").
fn of_place(rest: &str) -> Vec<String> {
    let Some(rest) = rest.strip_prefix("of ") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for w in rest.split(' ').take(3) {
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !bare.starts_with(char::is_uppercase) || possessive(bare) != bare {
            break;
        }
        out.push(norm(bare));
        if bare.len() < w.len() {
            break;
        }
    }
    out
}

/// A word without its possessive ending ("president's" -> "president").
fn possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// "the North's leader, Kim Jong-un" and "Comey, the former FBI director,": a definite
/// description set beside a key person's name by a comma names that person.
pub(super) fn appositions(corpus: &Corpus, keys: &[&Actor], found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for f in found {
        if keys
            .get(f.concept)
            .is_none_or(|a| a.kind != ActorKind::Person)
        {
            continue;
        }
        let m = &f.mention;
        let s = &corpus.sentences[m.sentence];
        let text = corpus.text(s);
        let (Some(before), Some(after)) = (
            text.get(..m.span.start.saturating_sub(s.span.start)),
            text.get(m.span.end.saturating_sub(s.span.start)..),
        ) else {
            continue;
        };
        let mut add = |r: Range<usize>| {
            out.push(found_at(
                f.concept,
                m.doc,
                m.sentence,
                s.span.start + r.start..s.span.start + r.end,
            ));
        };
        if let Some(cut) = before.strip_suffix(", ") {
            let at_comma = definite_roles(cut)
                .into_iter()
                .find(|(r, _, _)| r.end == cut.len());
            if let Some((r, _, _)) = at_comma {
                add(r);
            }
        }
        if let Some(rest) = after.strip_prefix(", ") {
            let offset = text.len() - rest.len();
            let closed = |r: &Range<usize>| {
                rest[r.end..].is_empty() || rest[r.end..].starts_with([',', ';', '.'])
            };
            let first = definite_roles(rest).into_iter().next();
            if let Some((r, _, _)) = first.filter(|(r, _, _)| r.start == 0 && closed(r)) {
                add(offset + r.start..offset + r.end);
            }
        }
    }
    out
}

/// Nouns the outlets use to describe a ruler that the role list leaves out because they are
/// no office (`dictator`): names an outlet gives, so the framing section shows them, but no
/// role for the Actors section.
const LABELS: &[&str] = &["dictator", "strongman", "despot", "autocrat", "tyrant"];

/// Words a role (or a label) starting at `words[0]` spans.
fn role_len<S: AsRef<str>>(words: &[S]) -> usize {
    let n = GAZETTEER.role_at(words);
    if n == 0 && words.first().is_some_and(|w| LABELS.contains(&w.as_ref())) {
        1
    } else {
        n
    }
}

/// A label right before a name, with the capitalised words or possessive that qualify it
/// ("North Korean dictator ", "North Korea's dictator "): the phrase, if any.
pub(super) fn label_before(before: &str) -> Option<String> {
    let trimmed = before.strip_suffix(' ')?;
    let words: Vec<&str> = trimmed.split(' ').collect();
    let (&last, rest) = words.split_last()?;
    if !LABELS.contains(&last.to_lowercase().as_str()) {
        return None;
    }
    let mut start = rest.len();
    while start > 0 && rest.len() - start < 3 {
        let w = rest[start - 1];
        if !w.starts_with(char::is_uppercase) || w.ends_with([',', ';', ':', '.', '"']) {
            break;
        }
        start -= 1;
    }
    let mut phrase: Vec<&str> = rest[start..].to_vec();
    // "The" opens the phrase; it is no qualifier.
    if phrase.first().is_some_and(|w| *w == "The") {
        phrase.remove(0);
    }
    phrase.push(last);
    Some(phrase.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lazy_cleaning_finds_what_cleaning_every_word_found() {
        // Before, every word of a sentence holding a "the" was cleaned; cleaning only the
        // words a "the" can read must find the same descriptions.
        let sentences = [
            "The president said the former deputy prime minister of Velmora would resign.",
            "In the end the talks with the foreign minister's aides stalled, the envoy said.",
            "the the the the the the chief executive",
            "Officials met the president Arlo Penhaven and the prime minister, the Tarsk leader.",
            "the newly elected North Varesh prime minister of Sandoria's coalition spoke",
            "No description here at all.",
            "the",
            "",
            "The  spokesman  of  the  ministry, the   interim   governor.",
            "Lawmakers asked the acting chief justice of the supreme court of Ostrel.",
        ];
        for s in sentences {
            assert_eq!(definite_roles(s), read_within(s, usize::MAX), "{s:?}");
        }
        assert!(!definite_roles(sentences[0]).is_empty());
    }
}
