//! Actors: people, organisations, places and groups named in the articles, merged across
//! outlets, with a role and a salience score.

use std::ops::Range;

use serde::Serialize;

use crate::text::Corpus;

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A person.
    Person,
    /// A company, agency, party, ministry, international body.
    Organisation,
    /// A country, city or region.
    Place,
    /// A group of people (rebels, militias, "the Kurds").
    Group,
}

/// One mention of an actor in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Document index.
    pub doc: usize,
    /// Sentence index in [`Corpus::sentences`].
    pub sentence: usize,
    /// Byte range in the document's raw text.
    pub span: Range<usize>,
}

/// One real-world entity, merged across mentions and outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Canonical name ("John Kerry").
    pub name: String,
    /// Other names it appears under, sorted ("Kerry", "Secretary Kerry").
    pub aliases: Vec<String>,
    /// Person, organisation, place or group.
    pub kind: ActorKind,
    /// Best-supported role ("US Secretary of State"), when the text gives one.
    pub role: Option<String>,
    /// Every mention, in corpus order.
    pub mentions: Vec<Mention>,
    /// Distinct outlets mentioning it, sorted.
    pub outlets: Vec<String>,
    /// Salience in 0..=1 (1 = the most salient actor of the corpus).
    pub salience: f64,
}

/// Find the actors of a corpus, strongest first.
pub fn extract_actors(corpus: &Corpus) -> Vec<Actor> {
    let _ = corpus;
    Vec::new()
}

/// Per-sentence entity salience: the sum of the salience of the actors each sentence
/// mentions, scaled to 0..=1. Indexed like [`Corpus::sentences`].
pub fn sentence_salience(corpus: &Corpus, actors: &[Actor]) -> Vec<f64> {
    let mut scores = vec![0.0; corpus.sentences.len()];
    for actor in actors {
        let mut seen = Vec::new();
        for m in &actor.mentions {
            if !seen.contains(&m.sentence) {
                seen.push(m.sentence);
                scores[m.sentence] += actor.salience;
            }
        }
    }
    let max = scores.iter().copied().fold(0.0_f64, f64::max);
    if max > 0.0 {
        scores.iter_mut().for_each(|s| *s /= max);
    }
    scores
}
