//! Definite descriptions of key people: "the president", "the North Korean leader" when, in
//! that article, exactly one named key person holds the role.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::names::found_at;
use super::{Found, Roles};
use crate::extract::entities::gazetteer::{Entry, GAZETTEER, norm};
use crate::extract::entities::{Actor, ActorKind, is_state};
use crate::text::Corpus;

/// Words that may qualify a role in a definite description without naming anyone else.
pub(super) const TIME_QUALIFIERS: &[&str] = &[
    "former", "then", "top", "new", "outgoing", "acting", "current", "incoming", "interim",
];

/// Words that make a description a past office holder's, like "former", but which are also
/// verbs before a title ("fired head coach Maurice Cheeks"): read only in a definite
/// description ("the fired FBI director", "the ousted president"), and fitting only a holder
/// whose role the text gives as a past one ("former FBI director James Comey"), never the
/// current holder ("the ousted president" in an article about President Aquino is Marcos).
const PAST_QUALIFIERS: &[&str] = &["fired", "ousted", "deposed", "sacked"];

/// Role words that mark a past office.
const PAST_MARKERS: &[&str] = &["former", "then", "ex", "late", "onetime", "fired", "ousted"];

/// Whether a qualifier of a description fits a holder's role words without naming anyone
/// else: a word of the role itself, a time word, or a past word when the role is past.
fn qualifier_fits(q: &str, words: &BTreeSet<String>) -> bool {
    words.contains(q)
        || TIME_QUALIFIERS.contains(&q)
        || (PAST_QUALIFIERS.contains(&q) && PAST_MARKERS.iter().any(|m| words.contains(*m)))
}

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

/// Heads of a state or government: what "the leader" of a state named in the description
/// ("the US leader", "the leader of Japan") may be besides its leader.
const RULERS: &[&str] = &[
    "leader",
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emir",
    "dictator",
];

/// "the president", "the North Korean leader": within one article, a definite description
/// whose role only one named key person holds there, after that person's first mention.
/// `tied`: the key state (its name) a title in the text ties a key person to (by the
/// person's place in `keys`), as [`super::members`] reads titles.
pub(super) fn descriptions(
    corpus: &Corpus,
    keys: &[&Actor],
    tied: &BTreeMap<usize, String>,
    near: &Roles,
) -> Vec<Found> {
    let mut roles: BTreeMap<usize, BTreeMap<String, Vec<Holder>>> = BTreeMap::new();
    // (doc, person) -> the state a role the article gives the person names ("French
    // President"), else the state a title ties the person to.
    let mut states: BTreeMap<(usize, usize), String> = BTreeMap::new();
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
            let mut role_words: Vec<String> = role.split_whitespace().map(clean_word).collect();
            role_words.extend(of_place.iter().cloned());
            if let Some((state, _)) = state_in(&role_words) {
                states.insert((m.doc, k), state);
            } else if let Some(state) = tied.get(&k) {
                states.entry((m.doc, k)).or_insert_with(|| state.clone());
            }
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
            if let Some(state) = tied.get(&k) {
                states.entry((doc, k)).or_insert_with(|| state.clone());
            }
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
                // A state the qualifiers name ("the American president", "North Korea's
                // leader") fits the holder whose role names that state or whom a title ties
                // to it, however the role spells it; "the leader" of a named state is also
                // its president or prime minister.
                let named = state_in(&quals);
                let heads_fit: Vec<&str> = match &named {
                    Some(_) if head == "leader" => RULERS.to_vec(),
                    _ => vec![head.as_str()],
                };
                let fitting = |holders: &BTreeMap<String, Vec<Holder>>| -> Vec<(usize, usize)> {
                    let mut fit: Vec<(usize, usize)> = Vec::new();
                    for (h, holder) in heads_fit
                        .iter()
                        .filter_map(|h| Some((*h, holders.get(*h)?)))
                    {
                        for (k, words, first) in holder {
                            let by_words =
                                h == head && quals.iter().all(|q| qualifier_fits(q, words));
                            let by_state = named.as_ref().is_some_and(|(state, run)| {
                                states.get(&(doc, *k)) == Some(state)
                                    && quals
                                        .iter()
                                        .enumerate()
                                        .all(|(i, q)| run.contains(&i) || qualifier_fits(q, words))
                            });
                            if !(by_words || by_state) {
                                continue;
                            }
                            match fit.iter_mut().find(|f| f.0 == *k) {
                                Some(f) => f.1 = f.1.min(*first),
                                None => fit.push((*k, *first)),
                            }
                        }
                    }
                    fit
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
                let qualified = quals.iter().any(|q| {
                    !TIME_QUALIFIERS.contains(&q.as_str()) && !PAST_QUALIFIERS.contains(&q.as_str())
                });
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
    out.extend(counterparts(corpus, keys, |doc, k| {
        states.get(&(doc, k)).or_else(|| tied.get(&k))
    }));
    out
}

/// "his French counterpart", "her Japanese counterpart": the one key person the article
/// names whose state (`state_of`: by a role the article gives, else by a title elsewhere) is
/// the state the adjective names; nothing when the article names two or none.
fn counterparts<'a>(
    corpus: &Corpus,
    keys: &[&Actor],
    state_of: impl Fn(usize, usize) -> Option<&'a String>,
) -> Vec<Found> {
    let mut out = Vec::new();
    let mut named: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (k, a) in keys.iter().enumerate() {
        if a.kind == ActorKind::Person {
            for m in &a.mentions {
                named.entry(m.doc).or_default().insert(k);
            }
        }
    }
    for (si, s) in corpus.sentences.iter().enumerate() {
        let text = corpus.text(s);
        if !text.contains("counterpart") {
            continue;
        }
        let words: Vec<(usize, &str)> = text
            .split(' ')
            .scan(0, |pos, w| {
                let at = *pos;
                *pos += w.len() + 1;
                Some((at, w))
            })
            .filter(|(_, w)| !w.is_empty())
            .collect();
        for (j, &(_, w)) in words.iter().enumerate() {
            let bare = w.trim_end_matches([',', ';', ':', '.']);
            if bare != "counterpart" {
                continue;
            }
            // The adjective run back to "his" / "her" / "the".
            let Some(i) = (j.saturating_sub(4)..j)
                .rev()
                .find(|&i| matches!(words[i].1, "his" | "His" | "her" | "Her" | "the" | "The"))
            else {
                continue;
            };
            let quals: Vec<String> = words[i + 1..j].iter().map(|(_, w)| clean_word(w)).collect();
            let capitalised = words[i + 1..j]
                .iter()
                .all(|(_, w)| w.starts_with(char::is_uppercase));
            let Some((state, run)) = state_in(&quals).filter(|_| capitalised && !quals.is_empty())
            else {
                continue;
            };
            if run != (0..quals.len()) {
                continue;
            }
            let holders: Vec<usize> = named
                .get(&s.doc)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&k| state_of(s.doc, k) == Some(&state))
                .collect();
            let [k] = holders[..] else {
                continue;
            };
            let start = words[i].0;
            let end = words[j].0 + bare.len();
            out.push(found_at(
                k,
                s.doc,
                si,
                s.span.start + start..s.span.start + end,
            ));
        }
    }
    out
}

/// "the [qualifiers] ROLE" not followed by a name: (span, role entry, qualifier words).
fn definite_roles(text: &str) -> Vec<(Range<usize>, String, Vec<String>)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for w in text.split(' ') {
        if !w.is_empty() {
            words.push((pos, w));
        }
        pos += w.len() + 1;
    }
    let mut out = Vec::new();
    // Each word cleaned once, when the sentence has a "the" or a possessive at all.
    let mut cleaned: Vec<String> = Vec::new();
    for (j, &(start, w)) in words.iter().enumerate() {
        let the = w == "the" || w == "The";
        let owner = !the && w.starts_with(char::is_uppercase) && possessive(w) != w;
        if !the && !owner {
            continue;
        }
        if cleaned.is_empty() {
            cleaned = words.iter().map(|(_, w)| clean_word(w)).collect();
        }
        // "North Korea's leader": a state's possessive stands for "the", and its words
        // qualify the role (up to three words, the last the possessive).
        let (start, from) = if the {
            (start, j + 1)
        } else {
            let Some(i) = (j.saturating_sub(2)..=j).find(|&i| {
                words[i..j].iter().all(|(_, w)| {
                    w.starts_with(char::is_uppercase) && !w.ends_with([',', ';', ':', '.'])
                }) && state_in(&cleaned[i..=j]).is_some_and(|(_, run)| run == (0..j + 1 - i))
            }) else {
                continue;
            };
            (words[i].0, i)
        };
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
            let mut quals = cleaned[from..p].to_vec();
            // "the leader of Japan": the place qualifies the role, and is part of the
            // description.
            if !last.1.ends_with([',', ';', ':', '.']) {
                let (taken, place) = place_after_of(text.get(end + 1..).unwrap_or(""));
                let after = words.get(p + n + 1..p + n + 1 + taken);
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
    place_after_of(rest).1
}

/// [`of_place`], with how many words after "of" the place takes ("of the United States":
/// three, its "the" with it).
fn place_after_of(rest: &str) -> (usize, Vec<String>) {
    let Some(rest) = rest.strip_prefix("of ") else {
        return (0, Vec::new());
    };
    // "of the United States", "of the Philippines": "the" opens the name.
    let (the, rest) = match rest.strip_prefix("the ") {
        Some(r) if r.starts_with(char::is_uppercase) => (1, r),
        _ => (0, rest),
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
    if out.is_empty() {
        return (0, out);
    }
    (the + out.len(), out)
}

/// A word as a description's words are compared: without punctuation around it or a
/// possessive ending, folded.
fn clean_word(w: &str) -> String {
    norm(possessive(
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'),
    ))
}

/// The first state a run of one to three of the (cleaned) words names by its name,
/// adjective or capital ("us", "north korean", "japan"), and that run.
fn state_in(words: &[String]) -> Option<(String, Range<usize>)> {
    for i in 0..words.len() {
        for n in (1..=3.min(words.len() - i)).rev() {
            let state = match GAZETTEER.lookup(&words[i..i + n].join(" ")) {
                Some(Entry::State(st) | Entry::Adjective(st)) if is_state(st) => st,
                Some(Entry::Capital { state, .. }) => state,
                _ => continue,
            };
            return Some((state.clone(), i..i + n));
        }
    }
    None
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
