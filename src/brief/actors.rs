//! The actors section: who matters (people, organisations, groups, states), strongest first,
//! and the other places named.

use schemars::JsonSchema;
use serde::Serialize;

use super::round;
use crate::extract::Limits;
use crate::extract::entities::{self, Actor, ActorKind};

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
pub(super) fn section(actors: &[Actor], limits: &Limits) -> (Vec<ActorEntry>, Vec<String>) {
    let is_setting = |a: &&Actor| a.kind == ActorKind::Place && !entities::is_state(&a.name);
    let places: Vec<String> = actors
        .iter()
        .filter(is_setting)
        .take(limits.places)
        .map(|a| a.name.clone())
        .collect();
    let entries: Vec<ActorEntry> = actors
        .iter()
        // An actor named once is no key actor: in the dev clusters nearly half of those
        // that reached a top ten were junk or mistyped (docs/extraction.md).
        .filter(|a| !is_setting(a) && a.mentions.len() > 1)
        .take(limits.actors)
        .map(|a| ActorEntry {
            name: a.name.clone(),
            aliases: a.aliases.clone(),
            kind: a.kind,
            role: a.role.clone(),
            mentions: a.mentions.len(),
            outlets: a.outlets.clone(),
            salience: round(a.salience),
        })
        .collect();
    (entries, places)
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
        let actors = entities::extract_actors(&Corpus::new(docs));
        assert!(actors.iter().any(|a| a.name == "Tomas Varga"));
        let (listed, _) = section(&actors, &Limits::default());
        let names: Vec<&str> = listed.iter().map(|a| a.name.as_str()).collect();
        assert!(names.contains(&"Anna Berg"), "{names:?}");
        assert!(!names.contains(&"Tomas Varga"), "{names:?}");
    }
}
