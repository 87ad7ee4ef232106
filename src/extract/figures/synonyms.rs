//! The synonym table (`src/extract/measures.toml`): which words name the same measured
//! thing. What a figure measures comes from its sentence; this only joins its wordings.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::text::tokens::stem;

#[derive(Debug, Deserialize)]
struct File {
    same: Vec<Spec>,
}

#[derive(Debug, Deserialize)]
struct Spec {
    name: String,
    words: Vec<String>,
    #[serde(default)]
    cumulative: bool,
    #[serde(default)]
    singular: bool,
    #[serde(default)]
    max: Option<f64>,
}

/// The table shipped with `brief` (src/extract/measures.toml).
pub(super) const MEASURES_TOML: &str = include_str!("../measures.toml");

/// Stemmed word (or "word word") -> (name, cumulative, singular only, largest value); the
/// first entry wins.
type Table = HashMap<String, (String, bool, bool, Option<f64>)>;

fn load(text: &str) -> Result<Table, toml::de::Error> {
    let file: File = toml::from_str(text)?;
    let mut table = Table::new();
    for spec in file.same {
        for w in &spec.words {
            let key: Vec<String> = w
                .split_whitespace()
                .map(|p| stem(&p.to_lowercase()))
                .collect();
            table
                .entry(key.join(" "))
                .or_insert_with(|| (spec.name.clone(), spec.cumulative, spec.singular, spec.max));
        }
    }
    Ok(table)
}

// A broken table must not stop the brief: figures then group by their own words only (the
// unit test `table_parses` guards the shipped file).
static TABLE: LazyLock<Table> = LazyLock::new(|| load(MEASURES_TOML).unwrap_or_default());

/// The concept a word names, if the table lists it; `plural` words do not match entries
/// marked `singular` ("23 quakes" is a count, not a magnitude).
pub(super) fn concept(stems: &mut Stems, word: &str, plural: bool) -> Option<&'static str> {
    concept_of(stems, word, plural, f64::NEG_INFINITY)
}

/// [`concept`] for a figure of `value`: an entry whose `max` it exceeds does not match ("the
/// number killed in the quake reached 50,000" is no magnitude).
pub(super) fn concept_of(
    stems: &mut Stems,
    word: &str,
    plural: bool,
    value: f64,
) -> Option<&'static str> {
    TABLE
        .get(&stems.of(word))
        .filter(|(_, _, singular, max)| !(plural && *singular) && max.is_none_or(|m| value <= m))
        .map(|(name, _, _, _)| name.as_str())
}

/// Whether a key names a quantity that only grows as a story develops.
pub(super) fn is_cumulative(key: &str) -> bool {
    TABLE.values().any(|(name, c, _, _)| {
        *c && (key == name
            || key
                .strip_prefix(name.as_str())
                .is_some_and(|r| r.starts_with(' ')))
    })
}

/// A memo of stems for one worker: the words around figures repeat, and a lookup is much
/// cheaper than the Snowball stemmer.
#[derive(Debug, Default)]
pub(super) struct Stems(HashMap<String, String>);

impl Stems {
    /// The stem of a lowercase word.
    pub(super) fn of(&mut self, word: &str) -> String {
        self.0
            .entry(word.to_string())
            .or_insert_with(|| stem(word))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses() {
        let table = load(MEASURES_TOML).unwrap();
        assert!(table.len() > 30);
        let mut stems = Stems::default();
        assert_eq!(concept(&mut stems, "killing", false), Some("killed"));
        assert_eq!(concept(&mut stems, "wounded", false), Some("injured"));
        assert_eq!(concept(&mut stems, "pages", true), None);
        assert_eq!(concept(&mut stems, "quake", false), Some("magnitude"));
        assert_eq!(concept(&mut stems, "quakes", true), None);
        assert!(is_cumulative("killed") && !is_cumulative("magnitude"));
    }
}
