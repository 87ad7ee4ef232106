//! Framing: how each outlet names the key actors and groups, side by side, with counts and a
//! citation for each name, the most divergent concepts first. Only what the text says: the
//! names are verbatim spans; no leaning labels.
//!
//! Method, one file per idea:
//! 1. `merge`: the key actors (from the entity clusters), with the short names the clusters
//!    keep apart joined to the full ones ("Kim" -> "Kim Jong Un", "the North" -> North Korea,
//!    "Russians" -> Russia, "Democrats" -> Democratic Party); a state's non-key bodies act
//!    for it.
//! 2. `names`: the names of each key actor: every mention, with the title or role written
//!    right before it ("President Trump", "Mr. Kim", "North Korean leader Kim Jong Un");
//!    "the X government / regime / administration" when X is the state, its adjective or its
//!    capital; the people acting for a state or an organisation ("U.S. officials", "DNC
//!    officials"), listed as acting for it. `descriptions`: a definite description ("the
//!    president", "the North Korean leader") when, in that article, exactly one named actor
//!    holds that role, or when it is set beside the name ("Comey, the former FBI director,");
//!    a state it names fits the holder of that state ("the American president", "North
//!    Korea's leader", "his Japanese counterpart"). `bodies`: "the administration", "the
//!    committee" after the article named the body in full; the people of a state's
//!    administration ("Trump administration officials", "Mr. Moon's office").
//!    `possessed`: "his country", "his administration" for the state of the person named
//!    before it in the sentence, when a title ties that person to it; "the country" for the
//!    one state named before it.
//!    `members`: kept apart from the names, the people acting for a key state or
//!    organisation, tied to it by a title in the text ("U.S. Treasury Secretary Steven
//!    Mnuchin", "DNC Chairman Tom Perez"), with its bodies and people-words ("the State
//!    Department", "U.S. officials").
//! 3. `groups`: groups of people named by common nouns ("the rebels", "the opposition",
//!    "asylum seekers", "illegal aliens"), from a small lexicon of families whose members
//!    name the same people in a story (`src/extract/framing/groups.txt`).
//! 4. `compare`: per concept and outlet, names counted by their folded form, the people
//!    acting for it in a list apart; concepts named by at least two outlets with at least two
//!    different entries, ordered by how far the outlets' word distributions differ (mean
//!    total-variation distance over outlet pairs).
//!
//! See docs/extraction.md ("Framing") for the rules and the measured recall and precision.

mod bodies;
mod compare;
mod descriptions;
pub use compare::name_key;
mod groups;
pub(crate) use groups::warm_up;
mod members;
mod merge;
mod names;
mod possessed;
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::extract::entities::{Actor, ActorKind};
use crate::text::Corpus;

/// The role phrase around each person mention ([`role_near`]), worked out once per mention:
/// the names, the descriptions and the people acting for a state all ask it of the same
/// mentions (14,660 mentions three times in the 1,000-article edition). Only looked up,
/// never iterated.
///
/// [`role_near`]: crate::extract::entities::roles::role_near
struct Roles<'a> {
    corpus: &'a Corpus,
    memo: RefCell<FxHashMap<(usize, usize, usize), Option<String>>>,
}

impl<'a> Roles<'a> {
    fn new(corpus: &'a Corpus) -> Self {
        Roles {
            corpus,
            memo: RefCell::new(FxHashMap::default()),
        }
    }

    /// The role phrase around the mention `span` of sentence `sentence`.
    fn near(&self, sentence: usize, span: &Range<usize>) -> Option<String> {
        let key = (sentence, span.start, span.end);
        if let Some(role) = self.memo.borrow().get(&key) {
            return role.clone();
        }
        let s = &self.corpus.sentences[sentence];
        let role =
            crate::extract::entities::roles::role_near(&self.corpus.docs[s.doc].raw, span, &s.span);
        self.memo.borrow_mut().insert(key, role.clone());
        role
    }
}

/// Concepts shown at most.
pub const MAX_CONCEPTS: usize = 10;
/// Key actors whose names are compared (strongest first, settings excluded).
const KEY_ACTORS: usize = 12;

/// One occurrence of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// Document index.
    pub doc: usize,
    /// Sentence index in [`Corpus::sentences`].
    pub sentence: usize,
    /// Byte range of the name in the document's raw text.
    pub span: Range<usize>,
}

/// One name as one outlet uses it.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// The name as written (its most frequent form in this outlet).
    pub text: String,
    /// Every occurrence in this outlet, in corpus order; the first is the citation (for a
    /// person acting for a concept, where the outlet writes the person's full name comes first).
    pub mentions: Vec<NameMention>,
}

/// The names one outlet gives a concept, most frequent first.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletNames {
    /// Outlet.
    pub outlet: String,
    /// Names, most frequent first.
    pub names: Vec<Name>,
}

/// How the outlets name one actor or group.
#[derive(Debug, Clone, PartialEq)]
pub struct Framing {
    /// The actor's canonical name or the group family's label.
    pub concept: String,
    /// Person, organisation, place (a state) or group.
    pub kind: ActorKind,
    /// Per outlet, in outlet order.
    pub outlets: Vec<OutletNames>,
    /// Per outlet (in outlet order), the people and bodies speaking and acting for it, kept
    /// apart from its names: a person whose title in the text ties them to it ("U.S.
    /// Treasury Secretary Steven Mnuchin", "White House spokeswoman Sarah Sanders",
    /// "Republican Senator Richard Burr"), its bodies ("the State Department"), and its
    /// people named by it ("U.S. officials", "DNC officials"). A person listed here who is a
    /// key actor keeps an entry of his own.
    pub acting_for: Vec<OutletNames>,
    /// How differently the outlets name it, 0 (the same names in the same proportions) ..= 1.
    pub divergence: f64,
}

/// A concept the names are gathered for.
#[derive(Debug, Clone)]
struct Concept {
    name: String,
    kind: ActorKind,
    /// The key state a body speaks for (its concept number), whose names it joins when the
    /// outlets give the body itself too few names to compare.
    state: Option<usize>,
}

/// One name found in the text, for one concept.
#[derive(Debug, Clone)]
struct Found {
    concept: usize,
    mention: NameMention,
    /// A name of the concept, or one of the people or bodies acting for it.
    list: List,
}

/// Where a found name is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum List {
    /// A name of the concept ("the U.S.", "the Syrian regime").
    Name,
    /// People or a body acting for it, counted by the name as written ("U.S. officials",
    /// "the State Department").
    Member,
    /// A person acting for it (an index into the actors), counted once however named.
    Person(usize),
}

/// The framing slice: [`extract_framing`] over the shared view.
pub fn analyse(view: &super::View<'_>, _settings: &super::Settings) -> Vec<Framing> {
    extract_framing(view.corpus, view.actors)
}

/// How each outlet names the key actors and groups, most divergent first.
pub fn extract_framing(corpus: &Corpus, actors: &[Actor]) -> Vec<Framing> {
    let keys = merge::key_actors(
        actors,
        |a| a.kind != ActorKind::Place || crate::extract::entities::is_state(&a.name),
        KEY_ACTORS,
    );
    let (keys, bodies) = keys;
    let keys: Vec<&Actor> = keys.iter().collect();
    let mut concepts: Vec<Concept> = keys
        .iter()
        .map(|a| Concept {
            name: a.name.clone(),
            kind: a.kind,
            state: a.parent.as_deref().and_then(|p| {
                keys.iter()
                    .position(|s| s.kind == ActorKind::Place && s.name == p)
            }),
        })
        .collect();
    let roles = Roles::new(corpus);
    let people = members::people(corpus, actors, &keys, &roles);
    let tied = members::tied_keys(actors, &keys, &people);
    let mut found = names::actor_names(corpus, &keys, bodies, &tied, &roles);
    found.extend(people);
    let possessed = possessed::possessed_states(corpus, actors, &keys, &found);
    found.extend(possessed);
    let country = possessed::the_country(corpus, &keys, &found);
    found.extend(country);
    let (families, group_names) = groups::group_names(corpus, concepts.len());
    concepts.extend(families.into_iter().map(|name| Concept {
        name,
        kind: ActorKind::Group,
        state: None,
    }));
    found.extend(group_names);
    compare::compare(corpus, &concepts, found, actors)
}
