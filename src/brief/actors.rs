//! The actors section: who matters (people, organisations, groups, states), strongest first,
//! and the other places named.

use schemars::JsonSchema;
use serde::Serialize;

use super::round;
use crate::extract::Limits;
use crate::extract::entities::{self, Actor, ActorKind};
use crate::extract::speech::speech_after;
use crate::text::Corpus;

/// A key actor.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct ActorEntry {
    /// Canonical name.
    pub name: String,
    /// Other names used for it.
    pub aliases: Vec<String>,
    /// person, organisation, place or group.
    pub kind: ActorKind,
    /// Best-supported role, when known.
    pub role: Option<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// Outlets mentioning it.
    pub outlets: Vec<String>,
    /// Salience in 0..=1.
    pub salience: f64,
}

/// The key actors and the places that are only settings (cities, regions), from the
/// view's actors, strongest first.
pub(super) fn section(
    corpus: &Corpus,
    actors: &[Actor],
    limits: &Limits,
) -> (Vec<ActorEntry>, Vec<String>) {
    let is_setting = |a: &&Actor| a.kind == ActorKind::Place && !entities::is_state(&a.name);
    let places: Vec<String> = actors
        .iter()
        .filter(is_setting)
        .take(limits.places)
        .map(|a| a.name.clone())
        .collect();
    // An actor named once is no key actor: in the dev clusters nearly half of those that
    // reached a top ten were junk or mistyped (docs/extraction.md).
    let mut ranked: Vec<(f64, &Actor)> = actors
        .iter()
        .filter(|a| !is_setting(a) && a.mentions.len() > 1)
        .map(|a| {
            let weight = if quiet_organisation(corpus, a) {
                QUIET_WEIGHT
            } else {
                1.0
            };
            (a.salience * weight, a)
        })
        .collect();
    // Stable: equal weights keep the actors' own order.
    ranked.sort_by(|x, y| y.0.total_cmp(&x.0));
    let entries: Vec<ActorEntry> = ranked
        .into_iter()
        .take(limits.actors)
        .map(|(weight, a)| ActorEntry {
            name: a.name.clone(),
            aliases: a.aliases.clone(),
            kind: a.kind,
            role: a.role.clone(),
            mentions: a.mentions.len(),
            outlets: a.outlets.clone(),
            salience: round(weight),
        })
        .collect();
    (entries, places)
}

/// How much a quiet organisation's salience counts in this section's order.
const QUIET_WEIGHT: f64 = 0.5;

/// At most this many mentions make an organisation quiet.
const QUIET_MENTIONS: usize = 5;

/// Whether an actor is an organisation no list knows, named a few times and never speaking:
/// in the dev clusters such names were products, sites or background as often as actors of
/// the story ("Flickr", "Siri", "Health Insurance Program"), so they yield their place to the
/// story's actors (the salience shown is the weighted one) and are still named below.
fn quiet_organisation(corpus: &Corpus, a: &Actor) -> bool {
    a.kind == ActorKind::Organisation
        && a.mentions.len() <= QUIET_MENTIONS
        && !entities::is_listed_organisation(&a.name)
        && !a.mentions.iter().any(|m| {
            let end = corpus.sentences[m.sentence].span.end;
            let after = corpus.docs[m.doc].raw.get(m.span.end..end).unwrap_or("");
            speech_after(after)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain;
    use crate::text::Corpus;

    #[test]
    fn an_actor_named_once_is_not_listed() {
        let docs = vec![
            from_plain(
                0,
                "A",
                "Mayor Anna Berg opened the bridge. Berg said it cost too much, and the engineer Tomas Varga agreed.",
            ),
            from_plain(1, "B", "Anna Berg cut the ribbon on Friday."),
        ];
        let corpus = Corpus::new(docs);
        let actors = entities::extract_actors(&corpus);
        assert!(actors.iter().any(|a| a.name == "Tomas Varga"));
        let (listed, _) = section(&corpus, &actors, &Limits::default());
        let names: Vec<&str> = listed.iter().map(|a| a.name.as_str()).collect();
        assert!(names.contains(&"Anna Berg"), "{names:?}");
        assert!(!names.contains(&"Tomas Varga"), "{names:?}");
    }

    #[test]
    fn a_quiet_organisation_yields_its_place_to_one_that_speaks() {
        let docs = vec![
            from_plain(
                0,
                "A",
                "Veltro said its phone ships on Friday. Photos go to Pixlo. Veltro said prices rise.",
            ),
            from_plain(
                1,
                "B",
                "The pictures sit on Pixlo. Kestrel Bank said it lends to Veltro. Users like Pixlo. Kestrel Bank said no more.",
            ),
        ];
        let corpus = Corpus::new(docs);
        let mut actors = entities::extract_actors(&corpus);
        // Whatever the tagger makes of the made-up site, the section's rule is on trial.
        for a in actors.iter_mut().filter(|a| a.name == "Pixlo") {
            a.kind = ActorKind::Organisation;
        }
        let quiet = actors.iter().find(|a| a.name == "Pixlo");
        assert!(
            quiet.is_some_and(|a| quiet_organisation(&corpus, a)),
            "{actors:?}"
        );
        let bank = actors.iter().find(|a| a.name == "Kestrel Bank");
        assert!(
            bank.is_some_and(|a| !quiet_organisation(&corpus, a)),
            "{actors:?}"
        );
        let (listed, _) = section(&corpus, &actors, &Limits::default());
        let at = |n: &str| listed.iter().position(|a| a.name == n);
        assert!(at("Pixlo") > at("Kestrel Bank"), "{listed:?}");
        assert!(listed.windows(2).all(|w| w[0].salience >= w[1].salience));
    }
}
