//! Merge mentions into actors across outlets.
//!
//! Gazetteer names merge by canonical name (US, U.S., USA, Washington -> United States; a
//! capital after "in", "at", "from", "to" stays a city). People merge by surname with
//! compatible given names (Sergei / Sergey after transliteration folding), and a bare
//! surname or titled form joins the most mentioned person with that surname. Other single
//! words join an organisation they abbreviate or begin ("SCA", "Evergreen"). Headline
//! mentions only attach to actors found in body text.

use std::collections::{BTreeMap, BTreeSet};

use super::aliases::{is_junk_surface, merge_variants};
use super::classify::vehicle_name;
use super::detect::Detected;
use super::gazetteer::{Entry, GAZETTEER, norm};
use super::index::ClusterIndex;
use super::kinds::{LineQuotes, is_thing_cluster, participle_glued, retype, titled};
use super::{ActorKind, Mention};
use crate::ingest::BlockKind;
use crate::text::Corpus;

/// One detected mention with its place in the corpus.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Sentence index.
    pub(crate) sentence: usize,
    /// The detection (span in the document's raw text).
    pub(crate) det: Detected,
    /// Found in a body line set in title case: like a headline mention, it only confirms
    /// actors found elsewhere.
    pub(crate) title: bool,
}

impl Found {
    /// The document the mention is in.
    pub(crate) fn doc<'a>(&self, corpus: &'a Corpus) -> &'a crate::ingest::Document {
        &corpus.docs[corpus.sentences[self.sentence].doc]
    }
}

/// A cluster of mentions: the actor before naming and scoring.
#[derive(Debug, Clone)]
pub(crate) struct Cluster {
    /// Canonical name for gazetteer entries.
    pub(crate) canonical: Option<String>,
    /// Kind.
    pub(crate) kind: ActorKind,
    /// State an organisation speaks for.
    pub(crate) parent: Option<String>,
    /// Indices into the `Found` list.
    pub(crate) members: Vec<usize>,
}

/// Given-name key folded for transliteration and spelling (Sergei / Sergey, Dmitri /
/// Dmitry, Katherine / Catherine, Karl / Carl).
fn given_key(w: &str) -> String {
    let w = match w.strip_prefix('k') {
        Some(rest) if rest.len() > 2 => format!("c{rest}"),
        _ => w.to_string(),
    };
    let k = w.replace("ey", "ei").replace("iy", "i").replace('y', "i");
    let mut out = String::new();
    for c in k.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Surname key: last word, particle prefix removed ("al-assad" -> "assad").
pub(crate) fn surname_key(words: &[String]) -> String {
    // "Arcade Joseph Comeaux Jr.": a generational suffix is not the surname.
    let words = match words {
        [rest @ .., last] if rest.len() >= 2 && SUFFIXES.contains(&last.as_str()) => rest,
        _ => words,
    };
    let last = words.last().map_or("", String::as_str);
    for p in [
        "al-", "el-", "ad-", "as-", "ash-", "an-", "bin-", "ibn-", "abu-",
    ] {
        if let Some(rest) = last.strip_prefix(p) {
            return rest.to_string();
        }
    }
    last.to_string()
}

/// Generational suffixes after a surname.
pub(crate) const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Acronym of a multi-word name's capitalised words ("Suez Canal Authority" -> "sca").
pub(crate) fn acronym(words: &[String]) -> String {
    let skip = ["of", "for", "and", "the"];
    words
        .iter()
        .filter(|w| !skip.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Whether a mention names nothing: a junk surface (an initial, a stop word) or a
/// capitalised participle glued to a name.
pub(crate) fn names_nothing(corpus: &Corpus, f: &Found) -> bool {
    let doc = f.doc(corpus);
    is_junk_surface(doc.text(&f.det.span)) || participle_glued(corpus, f)
}

/// Group mentions into clusters; `nameless[i]` is [`names_nothing`] of `found[i]`.
pub(crate) fn cluster(corpus: &Corpus, found: &[Found], nameless: &[bool]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    let headline = |f: &Found| f.title || corpus.sentences[f.sentence].kind == BlockKind::Headline;
    let mut pending: Vec<usize> = Vec::new();
    let mut add = |clusters: &mut Vec<Cluster>, key: String, c: Cluster, i: usize| {
        let at = *by_key.entry(key).or_insert_with(|| {
            clusters.push(Cluster {
                members: Vec::new(),
                ..c
            });
            clusters.len() - 1
        });
        clusters[at].members.push(i);
    };
    let homes = Homonyms::of(corpus, found);
    // Names written somewhere as the title of a work ("'New Moon'", "\"American Pie\"").
    let mut titles: BTreeSet<String> = BTreeSet::new();
    let mut quotes = LineQuotes::default();
    // Pass 1: gazetteer names and multi-word names from body text.
    for (i, f) in found.iter().enumerate() {
        let doc = f.doc(corpus);
        if nameless[i] {
            continue;
        }
        if quotes.in_short_quote(&doc.raw, &f.det.span) {
            titles.insert(f.det.words.join(" "));
            continue;
        }
        if headline(f) {
            pending.push(i);
            continue;
        }
        let d = &f.det;
        let gaz = |name: &str, kind, parent: Option<String>| Cluster {
            canonical: Some(name.to_string()),
            kind,
            parent,
            members: Vec::new(),
        };
        match &d.entry {
            Some(Entry::Adjective(_)) => {}
            None if d.guessed && d.kind == ActorKind::Group => {}
            Some(Entry::State(s)) => {
                let name = homes.state_name(s);
                add(
                    &mut clusters,
                    format!("g:{name}"),
                    gaz(name, ActorKind::Place, None),
                    i,
                );
            }
            Some(Entry::Capital { state, city }) => {
                let raw = &doc.raw;
                // "in Moscow" is the city; so is "Dynamo Moscow" or "Real Madrid": a capital
                // inside a longer name is no metonym for its state.
                let name = if after_locative(raw, d.span.start)
                    || inside_name(raw, &d.span)
                    || homes.team_cities.contains(city.as_str())
                {
                    city
                } else {
                    state
                };
                add(
                    &mut clusters,
                    format!("g:{name}"),
                    gaz(name, ActorKind::Place, None),
                    i,
                );
            }
            Some(Entry::Place(p)) => add(
                &mut clusters,
                format!("g:{p}"),
                gaz(p, ActorKind::Place, None),
                i,
            ),
            Some(Entry::Group(g)) => add(
                &mut clusters,
                format!("g:{g}"),
                gaz(g, ActorKind::Group, None),
                i,
            ),
            Some(Entry::Org { name, parent }) => {
                let c = gaz(name, ActorKind::Organisation, parent.clone());
                add(&mut clusters, format!("g:{name}"), c, i);
            }
            None if d.words.len() > 1 && d.kind == ActorKind::Person => pending.push(i),
            None if d.words.len() > 1 => {
                let c = Cluster {
                    canonical: None,
                    kind: d.kind,
                    parent: None,
                    members: Vec::new(),
                };
                add(&mut clusters, format!("o:{}", d.words.join(" ")), c, i);
            }
            None => pending.push(i),
        }
    }
    // Pass 2: people, by surname then compatible given name.
    let mut people: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new(); // surname -> (given, cluster)
    for &i in &pending {
        let d = &found[i].det;
        if headline(&found[i]) || d.words.len() < 2 || d.kind != ActorKind::Person {
            continue;
        }
        let surname = surname_key(&d.words);
        let given = if PARTICLE_START.contains(&d.words[0].as_str()) {
            String::new()
        } else {
            given_key(&d.words[0])
        };
        let list = people.entry(surname.clone()).or_default();
        let found_at = list
            .iter()
            .find(|(g, _)| g == &given || g.is_empty() || given.is_empty())
            .map(|x| x.1);
        let at = match found_at {
            Some(at) => at,
            None => {
                clusters.push(Cluster {
                    canonical: None,
                    kind: ActorKind::Person,
                    parent: None,
                    members: Vec::new(),
                });
                list.push((given.clone(), clusters.len() - 1));
                clusters.len() - 1
            }
        };
        if let Some(entry) = list.iter_mut().find(|(_, c)| *c == at)
            && entry.0.is_empty()
        {
            entry.0 = given;
        }
        clusters[at].members.push(i);
    }
    // Pass 3: single words and headline mentions attach to what exists, or (body) stand alone.
    // The bare name of a ship named elsewhere with its prefix ("Mysore" after "INS Mysore")
    // is the ship, no actor.
    let vehicles: std::collections::BTreeSet<String> = found
        .iter()
        .filter_map(|f| vehicle_name(&GAZETTEER, &f.det.words))
        .collect();
    let mut index = ClusterIndex::new(&clusters, found);
    let mut singles: BTreeMap<String, usize> = BTreeMap::new();
    for &i in &pending {
        let f = &found[i];
        let d = &f.det;
        if !headline(f) && d.words.len() > 1 && d.kind == ActorKind::Person {
            continue;
        }
        if let Some(at) = attach(&clusters, &index, d, &people) {
            clusters[at].members.push(i);
            index.add(&clusters, found, at, i);
        } else if stands_alone(d, headline(f), &vehicles) {
            let c = Cluster {
                canonical: None,
                kind: d.kind,
                parent: None,
                members: Vec::new(),
            };
            let key = format!("s:{}", d.words.join(" "));
            let before = clusters.len();
            add(&mut clusters, key.clone(), c, i);
            // `add` found the cluster by key or made a new one: mirror that here.
            let at = if clusters.len() > before {
                singles.insert(key, before);
                before
            } else {
                singles.get(&key).copied().unwrap_or(before)
            };
            index.add(&clusters, found, at, i);
        }
    }
    let mut clusters = merge_variants(corpus, found, clusters);
    retype(corpus, found, &mut clusters);
    clusters.retain(|c| {
        c.members.iter().any(|&i| !headline(&found[i]))
            && !is_thing_cluster(corpus, found, c)
            && !names_a_work(corpus, found, c, &titles)
    });
    clusters
}

/// Whether a cluster with no gazetteer name is the title of a work: one of its names is
/// quoted as a title elsewhere in the corpus ("'Catching Fire'" then "the sequel, Catching
/// Fire"), and no mention gives it a role or an honorific.
fn names_a_work(corpus: &Corpus, found: &[Found], c: &Cluster, titles: &BTreeSet<String>) -> bool {
    c.canonical.is_none()
        && !titles.is_empty()
        && c.members
            .iter()
            .any(|&i| titles.contains(&found[i].det.words.join(" ")))
        && !c.members.iter().any(|&i| titled(corpus, found, i))
}

/// Names a corpus uses for something other than the state the gazetteer knows them as.
struct Homonyms<'a> {
    /// Capitals that also head a team's name in the corpus ("Washington Wizards"): there a
    /// bare "Washington" is the team's city, never the state.
    team_cities: BTreeSet<&'a str>,
    /// States that share their name with a US state ("Georgia") and that the corpus never
    /// names by their capital or demonym: the US state is meant.
    us_states: BTreeSet<&'a str>,
}

/// States whose name is also a US state's.
const US_STATE_HOMONYMS: &[&str] = &["Georgia"];

impl Homonyms<'static> {
    fn of(corpus: &Corpus, found: &[Found]) -> Self {
        let mut team_cities = BTreeSet::new();
        let mut country_named: BTreeSet<&str> = BTreeSet::new();
        for f in found {
            // "Washington Wizards" found as one name: its city is a team's city too.
            let w = &f.det.words;
            if f.det.entry.is_none()
                && w.len() > 1
                && w[w.len() - 1].ends_with('s')
                && let Some(Entry::Capital { city, .. }) =
                    GAZETTEER.lookup(&w[..w.len() - 1].join(" "))
            {
                team_cities.insert(city.as_str());
            }
            match f.det.entry {
                Some(Entry::Capital { state, city }) => {
                    country_named.insert(state.as_str());
                    let raw = &f.doc(corpus).raw;
                    if team_after(raw.get(f.det.span.end..).unwrap_or("")) {
                        team_cities.insert(city.as_str());
                    }
                }
                Some(Entry::Adjective(state)) => {
                    country_named.insert(state.as_str());
                }
                _ => {}
            }
        }
        let us_states = US_STATE_HOMONYMS
            .iter()
            .copied()
            .filter(|s| !country_named.contains(*s))
            .collect();
        Homonyms {
            team_cities,
            us_states,
        }
    }

    /// The cluster name of a state mention: the gazetteer's, or the US state's.
    fn state_name<'s>(&self, state: &'s str) -> &'s str {
        match state {
            s if self.us_states.contains(s) => US_STATE_NAME,
            s => s,
        }
    }
}

/// The name given to "Georgia" the US state (a place, never the state of the Caucasus).
const US_STATE_NAME: &str = "Georgia (US state)";

/// Whether the text right after a city's name is a team's plural name ("Wizards",
/// "Redskins"): one capitalised word ending in "s" that is no organisation or thing head
/// word and no newspaper word.
fn team_after(after: &str) -> bool {
    let Some(word) = after
        .strip_prefix(' ')
        .and_then(|a| a.split([' ', '\n', ',', '.', ';', ':', '\'']).next())
    else {
        return false;
    };
    let w = norm(word);
    word.starts_with(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !matches!(
            w.as_str(),
            "times" | "news" | "heights" | "springs" | "falls"
        )
        && !GAZETTEER.org_words.contains(&w)
        && !GAZETTEER.thing_words.contains(&w)
        && !GAZETTEER.place_words.contains(&w)
        && GAZETTEER.lookup(&w).is_none()
}

/// Whether an unattached body mention makes an actor of its own: not a gazetteer name, not
/// a guessed group (a demonym compound, a thing), not the bare name of a ship.
fn stands_alone(
    d: &Detected,
    headline: bool,
    vehicles: &std::collections::BTreeSet<String>,
) -> bool {
    let thing = d.guessed && d.kind == ActorKind::Group;
    let ship = d.words.len() == 1 && vehicles.contains(&d.words[0]);
    !headline && d.entry.is_none() && !thing && !ship
}

/// Whether a mention is glued to another capitalised word ("Real Madrid", "Dynamo
/// Moscow", "Moscow Spartak"): then it is part of a longer name.
fn inside_name(raw: &str, span: &std::ops::Range<usize>) -> bool {
    let capital_word = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase)
    };
    let before = raw.get(..span.start).unwrap_or("");
    let after = raw.get(span.end..).unwrap_or("");
    let prev = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit([' ', '\n']).next())
        .filter(|w| !w.ends_with([',', '.', ':', ';']));
    let next = after
        .strip_prefix(' ')
        .and_then(|a| a.split([' ', '\n']).next());
    let sentence_start = before.trim_end().is_empty() || before.trim_end().ends_with(['.', '\n']);
    let role = |w: &str| GAZETTEER.role_words.contains(&norm(w));
    let function_word = |w: &str| crate::text::tokens::is_stop_word(&w.to_lowercase());
    prev.is_some_and(|w| capital_word(w) && !role(w) && !function_word(w) && !sentence_start)
        || next.is_some_and(|w| capital_word(w) && !role(w))
}

const PARTICLE_START: &[&str] = &[
    "de", "da", "di", "du", "van", "von", "al", "el", "bin", "ibn",
];

/// The existing cluster a single word (or headline mention) belongs to.
fn attach(
    clusters: &[Cluster],
    index: &ClusterIndex,
    d: &Detected,
    people: &BTreeMap<String, Vec<(String, usize)>>,
) -> Option<usize> {
    let key = d.words.join(" ");
    if let Some(canon) = d.entry.and_then(entry_name) {
        return index.by_canonical(canon);
    }
    if d.words.len() > 1 {
        if d.kind == ActorKind::Person {
            let surname = surname_key(&d.words);
            return people.get(&surname).and_then(|l| l.first()).map(|x| x.1);
        }
        return index.by_words(&key);
    }
    // A surname, plain or with its particle: the most mentioned person with it.
    let surname = surname_key(&d.words);
    if let Some(list) = people.get(&surname) {
        return list
            .iter()
            .max_by_key(|(_, c)| (clusters[*c].members.len(), usize::MAX - c))
            .map(|x| x.1);
    }
    // An acronym or the first word of a multi-word organisation.
    index.by_org_key(&key)
}

fn entry_name(e: &Entry) -> Option<&str> {
    match e {
        Entry::State(s) | Entry::Place(s) | Entry::Group(s) => Some(s),
        Entry::Capital { state, .. } => Some(state),
        Entry::Org { name, .. } => Some(name),
        Entry::Adjective(_) => None,
    }
}

/// Whether the word before `at` is a locative preposition ("in Moscow").
pub(crate) fn after_locative(raw: &str, at: usize) -> bool {
    let before = raw.get(..at).unwrap_or("").trim_end();
    let word = before.rsplit([' ', '\n']).next().unwrap_or("");
    matches!(
        norm(word).as_str(),
        "in" | "at" | "from" | "to" | "near" | "into" | "outside" | "across" | "of"
    )
}

/// The mention records of a cluster, in corpus order.
pub(crate) fn mentions(corpus: &Corpus, found: &[Found], c: &Cluster) -> Vec<Mention> {
    let mut v: Vec<Mention> = c
        .members
        .iter()
        .map(|&i| Mention {
            doc: corpus.sentences[found[i].sentence].doc,
            sentence: found[i].sentence,
            span: found[i].det.span.clone(),
        })
        .collect();
    v.sort_by_key(|m| (m.doc, m.span.start));
    v.dedup();
    v
}
