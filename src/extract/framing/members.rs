//! The people acting for a key state or organisation: a person whose title in the text ties
//! them to it ("U.S. Treasury Secretary Steven Mnuchin", "White House spokeswoman Sarah
//! Sanders", "Republican Senator Richard Burr", "Larry Kudlow, the White House's top economic
//! adviser"). The title must name an office (`OFFICES`) and the state (its name, adjective or
//! one of its bodies) or the organisation; a past title ("former FBI director") ties nobody,
//! and a person whose titles name two key actors is listed under neither. Never a guess from
//! the story: a person the text gives no such title is not listed.

use std::collections::{BTreeMap, BTreeSet};

use super::{Found, List, NameMention, Roles};
use crate::extract::entities::gazetteer::{Entry, GAZETTEER, norm};
use crate::extract::entities::{Actor, ActorKind};
use crate::text::Corpus;

/// Title words that say a person holds an office of a state or speaks for it.
const OFFICES: &[&str] = &[
    "president",
    "premier",
    "minister",
    "secretary",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "congressman",
    "congresswoman",
    "lawmaker",
    "legislator",
    "governor",
    "chancellor",
    "king",
    "queen",
    "emir",
    "prince",
    "leader",
    "ambassador",
    "envoy",
    "diplomat",
    "negotiator",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "director",
    "director-general",
    "chief",
    "head",
    "commander",
    "general",
    "gen.",
    "admiral",
    "attorney general",
    "commissioner",
];

/// Title words that say a person holds a post in an organisation (a party, a campaign, an
/// agency), besides [`OFFICES`]: not enough to tie a person to a state ("Chinese company
/// chairman").
const POSTS: &[&str] = &[
    "chairman",
    "chairwoman",
    "chair",
    "manager",
    "aide",
    "executive",
    "member",
];

/// Capitalised words naming a body of government that may stand between a state and an
/// office in a title ("U.S. Treasury Secretary", "Chinese Foreign Ministry spokesman").
const GOVERNMENT: &[&str] = &[
    "foreign",
    "defense",
    "defence",
    "treasury",
    "state",
    "trade",
    "commerce",
    "justice",
    "homeland",
    "security",
    "national",
    "interior",
    "finance",
    "economic",
    "economy",
    "ministry",
    "department",
    "office",
    "agency",
    "embassy",
    "council",
    "cabinet",
    "senate",
    "house",
    "congress",
    "parliament",
    "army",
    "navy",
    "air",
    "force",
    "military",
    "intelligence",
    "majority",
    "minority",
    "deputy",
    "vice",
    "assistant",
    "under",
    "acting",
    "chief",
    "top",
    "senior",
    "special",
    "press",
    "secretary",
    "prime",
    "supreme",
];

/// Words that make a title a past one: a former office holder no longer acts for anyone.
const PAST: &[&str] = &[
    "former",
    "ex",
    "late",
    "onetime",
    "one-time",
    "erstwhile",
    "then",
];

/// Every mention of a person tied to exactly one key state or organisation by a title, as
/// one of the people acting for it.
pub(super) fn people(
    corpus: &Corpus,
    actors: &[Actor],
    keys: &[&Actor],
    roles: &Roles,
) -> Vec<Found> {
    let ties = Ties::new(corpus, keys);
    if ties.is_empty() {
        return Vec::new();
    }
    // The people, short names joined to full ones ("Kim" with "Kim Jong Un").
    let roots = super::merge::roots(actors);
    let mut people: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, a) in actors.iter().enumerate() {
        if a.kind == ActorKind::Person {
            people.entry(roots[i]).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (root, members) in people {
        let mut tied: BTreeSet<usize> = BTreeSet::new();
        for m in members.iter().flat_map(|&i| &actors[i].mentions) {
            if let Some(k) = roles.near(m.sentence, &m.span).and_then(|r| ties.of(&r)) {
                tied.insert(k);
            }
        }
        let [k] = tied.into_iter().collect::<Vec<_>>()[..] else {
            continue;
        };
        for m in members.iter().flat_map(|&i| &actors[i].mentions) {
            out.push(Found {
                concept: k,
                mention: NameMention {
                    doc: m.doc,
                    sentence: m.sentence,
                    span: m.span.clone(),
                },
                list: List::Person(root),
            });
        }
    }
    out
}

/// The key state (its name) each key person is tied to by a title, by the person's place in
/// `keys`: from [`people`]'s output.
pub(super) fn tied_keys(
    actors: &[Actor],
    keys: &[&Actor],
    people: &[Found],
) -> BTreeMap<usize, String> {
    let mut out = BTreeMap::new();
    for f in people {
        let (List::Person(root), Some(state)) = (f.list, keys.get(f.concept)) else {
            continue;
        };
        if state.kind != ActorKind::Place {
            continue;
        }
        let Some(person) = actors.get(root) else {
            continue;
        };
        if let Some(k) = keys
            .iter()
            .position(|a| a.kind == ActorKind::Person && a.name == person.name)
        {
            out.insert(k, state.name.clone());
        }
    }
    out
}

/// What a title may name: the key states and organisations.
struct Ties {
    /// Key states by name.
    states: BTreeMap<String, usize>,
    /// Key organisations by a name the text gives them (folded) or by their canonical
    /// name; `None` when two share it.
    orgs: BTreeMap<String, Option<usize>>,
}

impl Ties {
    fn new(corpus: &Corpus, keys: &[&Actor]) -> Self {
        let mut states = BTreeMap::new();
        let mut orgs: BTreeMap<String, Option<usize>> = BTreeMap::new();
        let mut add = |form: String, k: usize| {
            let e = orgs.entry(form).or_insert(Some(k));
            if *e != Some(k) {
                *e = None;
            }
        };
        for (k, a) in keys.iter().enumerate() {
            match a.kind {
                ActorKind::Place => {
                    states.insert(a.name.clone(), k);
                }
                ActorKind::Organisation => {
                    add(norm(&a.name), k);
                    // "Republican" for the Republican Party.
                    if let Some(adj) = a.name.strip_suffix(" Party").filter(|s| !s.contains(' ')) {
                        add(norm(adj), k);
                    }
                    for m in &a.mentions {
                        add(norm(corpus.docs[m.doc].text(&m.span)), k);
                    }
                }
                _ => {}
            }
        }
        Ties { states, orgs }
    }

    fn is_empty(&self) -> bool {
        self.states.is_empty() && self.orgs.is_empty()
    }

    /// The one key state or organisation a title of office ties a person to.
    fn of(&self, role: &str) -> Option<usize> {
        let words: Vec<String> = role
            .split_whitespace()
            .map(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-');
                let w = w.trim_end_matches('.');
                let w = w
                    .strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .unwrap_or(w);
                w.to_string()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        if lower
            .iter()
            .any(|w| PAST.contains(&w.as_str()) || w.starts_with("ex-") || w.starts_with("then-"))
        {
            return None;
        }
        let is = |list: &[&str], i: usize| {
            let w = lower[i].as_str();
            list.contains(&w) || list.contains(&format!("{w}.").as_str())
        };
        // The title opens with the state or organisation ("U.S. Treasury Secretary", "the
        // White House's top economic adviser", "DNC Chairman"): after another name ("Alliance
        // for American Manufacturing President") it is someone else's.
        let first = words
            .iter()
            .position(|w| w.starts_with(char::is_uppercase))?;
        let (k, end) = (1..=3.min(words.len() - first)).rev().find_map(|n| {
            let phrase = words[first..first + n].join(" ");
            self.named(&phrase).map(|k| (k, first + n))
        })?;
        let (k, is_state) = k;
        // Then the office, with only lowercase words or words naming a body of government
        // between ("White House economic adviser", "U.S. Trade Representative"): "U.S. Steel
        // chief executive" is no office of the state.
        for i in end..words.len() {
            if is(OFFICES, i) || (!is_state && is(POSTS, i)) {
                return Some(k);
            }
            if words[i].starts_with(char::is_uppercase) && !GOVERNMENT.contains(&lower[i].as_str())
            {
                return None;
            }
        }
        None
    }

    /// The key actor a capitalised phrase of a title names, and whether it is a state: an
    /// organisation by a name the text gives it, or a state by its name or adjective, or by a
    /// body of it ("State Department").
    fn named(&self, phrase: &str) -> Option<(usize, bool)> {
        if let Some(k) = self.orgs.get(&norm(phrase)) {
            return k.map(|k| (k, false));
        }
        let state = match GAZETTEER.lookup(phrase)? {
            Entry::State(st) | Entry::Adjective(st) => st,
            Entry::Org {
                parent: Some(st), ..
            } => st,
            _ => return None,
        };
        self.states.get(state.as_str()).map(|&k| (k, true))
    }
}
