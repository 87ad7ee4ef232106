//! Key actors whose short names the entity clusters keep apart from their full names: a
//! person named by one word of exactly one other person's full name ("Kim" and "Kim Jong
//! Un"), a state named by its compass word ("the North" for North Korea) or its people
//! ("Russians"), a party's members named after it ("Democrats" and the Democratic Party).
//! Each joins the full name, which takes the better rank of the two. A body that speaks for a
//! key state (the gazetteer's parent: "Congress" for the United States) is returned apart: it
//! acts for the state.

use std::collections::{BTreeMap, BTreeSet};

use crate::extract::entities::gazetteer::{Entry, GAZETTEER};
use crate::extract::entities::{Actor, ActorKind, Mention, is_state};

/// The first `n` key actors that are `eligible`, short names joined to the full ones (a
/// short name joins even when it would not be eligible alone: "North" is no state).
/// Also the mentions of the bodies that speak for a key state and are no key actors
/// themselves, by the state's place among the key actors.
pub(super) fn key_actors(
    actors: &[Actor],
    eligible: impl Fn(&Actor) -> bool,
    n: usize,
) -> (Vec<Actor>, Vec<(usize, Mention)>) {
    let index = Index::new(actors);
    let host: Vec<Option<usize>> = actors.iter().map(|a| index.host_of(a)).collect();
    // Roots in rank order (a root ranks where its first member does), with their members.
    let mut roots: Vec<usize> = Vec::new();
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, h) in host.iter().enumerate() {
        let root = h.unwrap_or(i);
        if !eligible(&actors[root]) {
            continue;
        }
        let list = members.entry(root).or_default();
        if list.is_empty() {
            roots.push(root);
        }
        list.push(i);
    }
    roots.truncate(n);
    // A body that speaks for a key state and is no key actor itself ("Congress", "the State
    // Department" for the United States) acts for the state; a key body ("Suez Canal
    // Authority") keeps its own names.
    let states: BTreeMap<&str, usize> = roots
        .iter()
        .enumerate()
        .filter(|&(_, &r)| actors[r].kind == ActorKind::Place)
        .map(|(k, &r)| (actors[r].name.as_str(), k))
        .collect();
    let taken: BTreeSet<usize> = roots
        .iter()
        .flat_map(|r| members.get(r).into_iter().flatten().copied())
        .collect();
    let mut bodies: Vec<(usize, Mention)> = Vec::new();
    for (i, a) in actors.iter().enumerate() {
        let state = a.parent.as_deref().and_then(|p| states.get(p));
        if let (Some(&k), ActorKind::Organisation) = (state, a.kind)
            && !taken.contains(&i)
        {
            bodies.extend(a.mentions.iter().map(|m| (k, m.clone())));
        }
    }
    let keys = roots
        .into_iter()
        .map(|r| {
            let mut actor = actors[r].clone();
            let list = members.get(&r).map(Vec::as_slice).unwrap_or_default();
            if list.len() > 1 {
                for &m in list.iter().filter(|&&m| m != r) {
                    actor.mentions.extend(actors[m].mentions.iter().cloned());
                }
                actor
                    .mentions
                    .sort_by_key(|m| (m.doc, m.span.start, m.span.end));
                actor.mentions.dedup_by(|b, a| {
                    a.doc == b.doc && a.span.start <= b.span.start && b.span.start < a.span.end
                });
            }
            actor
        })
        .collect();
    (keys, bodies)
}

/// Each actor's root: the actor its short name joins ("Kim" -> "Kim Jong Un"), or itself.
pub(super) fn roots(actors: &[Actor]) -> Vec<usize> {
    let index = Index::new(actors);
    actors
        .iter()
        .enumerate()
        .map(|(i, a)| index.host_of(a).unwrap_or(i))
        .collect()
}

/// The actors a short name may join.
struct Index<'a> {
    /// One word of a person's full name (folded) -> the people whose full name has it.
    by_word: BTreeMap<String, Vec<usize>>,
    /// A person's full name, folded -> the people so named, best ranked first.
    by_name: BTreeMap<String, Vec<usize>>,
    /// A person's full name, folded, by actor.
    full: BTreeMap<usize, String>,
    /// Mentions per actor.
    mentions: Vec<usize>,
    /// States, by name.
    states: Vec<(usize, &'a str)>,
    /// Parties "<Adjective> Party", by adjective.
    parties: Vec<(usize, &'a str)>,
}

impl<'a> Index<'a> {
    fn new(actors: &'a [Actor]) -> Self {
        let mut index = Index {
            by_word: BTreeMap::new(),
            by_name: BTreeMap::new(),
            full: BTreeMap::new(),
            mentions: actors.iter().map(|a| a.mentions.len()).collect(),
            states: Vec::new(),
            parties: Vec::new(),
        };
        for (i, a) in actors.iter().enumerate() {
            match a.kind {
                ActorKind::Person if a.name.contains(' ') => {
                    let key = folded(&a.name);
                    let mut words: Vec<&str> = key.split(' ').collect();
                    words.sort_unstable();
                    words.dedup();
                    for w in words {
                        index.by_word.entry(w.to_string()).or_default().push(i);
                    }
                    index.by_name.entry(key.clone()).or_default().push(i);
                    index.full.insert(i, key);
                }
                ActorKind::Place if is_state(&a.name) => index.states.push((i, &a.name)),
                ActorKind::Organisation => {
                    if let Some(adj) = a.name.strip_suffix(" Party").filter(|s| !s.contains(' ')) {
                        index.parties.push((i, adj));
                    }
                }
                _ => {}
            }
        }
        index
    }

    /// The actor a short name belongs to, when exactly one actor fits.
    fn host_of(&self, a: &Actor) -> Option<usize> {
        let only = |found: Vec<usize>| (found.len() == 1).then(|| found[0]);
        let name = a.name.as_str();
        if a.kind == ActorKind::Person {
            return self.person_host(name);
        }
        if name.contains(char::is_whitespace) {
            return None;
        }
        if matches!(name, "North" | "South" | "East" | "West") {
            // "the North" for North Korea when one state's name starts with it.
            return only(
                self.states
                    .iter()
                    .filter(|(_, s)| s.strip_prefix(name).is_some_and(|r| r.starts_with(' ')))
                    .map(|(i, _)| *i)
                    .collect(),
            );
        }
        if a.kind == ActorKind::Group {
            let stem = name.strip_suffix('s')?;
            // "Russians", "Americans": a state's people named by its demonym.
            if let Some(Entry::Adjective(state)) = GAZETTEER.lookup(stem)
                && let Some((i, _)) = self.states.iter().find(|(_, s)| *s == state.as_str())
            {
                return Some(*i);
            }
            // "Democrats" are the Democratic Party's; "Republicans" the Republican Party's.
            return only(
                self.parties
                    .iter()
                    .filter(|(_, adj)| adj.starts_with(stem))
                    .map(|(i, _)| *i)
                    .collect(),
            );
        }
        None
    }

    /// "Kim Jong-un" joins "Kim Jong Un" (the best ranked of one spelling); "Kim" joins the
    /// one full name with that word that has at least three times the mentions of all the
    /// others together ("Kim Jong Un" over "Kim Il Sung"; "Trump" joins neither "Donald Trump"
    /// nor "Melania Trump" when both are often named).
    fn person_host(&self, name: &str) -> Option<usize> {
        let key = folded(name);
        if key.contains(' ') {
            return self.by_name.get(&key)?.first().copied();
        }
        let mut people: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for &i in self.by_word.get(&key)? {
            let full = self.full.get(&i)?.as_str();
            let e = people.entry(full).or_insert((0, i));
            e.0 += self.mentions[i];
            e.1 = e.1.min(i);
        }
        let total: usize = people.values().map(|p| p.0).sum();
        let (most, first) = people
            .values()
            .max_by_key(|p| (p.0, std::cmp::Reverse(p.1)))?;
        (*most >= 3 * (total - most)).then_some(*first)
    }
}

/// A person's name folded for comparison: lowercase, hyphens as spaces.
fn folded(name: &str) -> String {
    name.to_lowercase()
        .replace('-', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
