//! Statistical named-entity tagger: a linear-chain averaged perceptron over word, shape,
//! affix, context and gazetteer features ([`features`]), decoded with Viterbi ([`model`]),
//! tags PER / ORG / LOC / MISC in BIO form.
//!
//! The weights are embedded in the binary (`tagger/en.model`, built by
//! `cargo run --release --example train_tagger`; data sources and licences in
//! docs/extraction.md). Nothing is downloaded or read from disk at run time, and the model
//! is read in place, so loading it costs a header check and a key index (a pass over the keys).

pub mod features;
pub mod merge;
pub mod model;

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use self::features::{Word, sentence_features};
use self::model::Model;
use super::tokens::{Token, Vocab, tokenize};

/// The embedded model.
static MODEL_BYTES: &[u8] = include_bytes!("tagger/en.model");

/// A model file to use instead of the embedded one (measurement of new models only).
static OVERRIDE: OnceLock<&'static [u8]> = OnceLock::new();

/// The embedded model, parsed once; `None` only if the embedded file were corrupt, and then
/// entity detection falls back to its rules.
static MODEL: LazyLock<Option<Model<'static>>> =
    LazyLock::new(|| Model::parse(OVERRIDE.get().copied().unwrap_or(MODEL_BYTES)));

/// Use the model in `bytes` instead of the embedded one, for this process (before any
/// tagging). For measuring a newly trained model without rebuilding; `false` if the bytes
/// are not a model or a model is already in use.
#[doc(hidden)]
pub fn use_model(bytes: Vec<u8>) -> bool {
    Model::parse(&bytes).is_some() && OVERRIDE.set(Vec::leak(bytes)).is_ok()
}

/// Entity type of a tagged span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NerType {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A location.
    Loc,
    /// Anything else named: nationalities, events, works.
    Misc,
}

impl NerType {
    /// The type of a tag index of [`model::TAG_NAMES`] (`None` for `O`).
    pub fn of_tag(tag: usize) -> Option<NerType> {
        match tag.div_ceil(2) {
            1 => Some(NerType::Per),
            2 => Some(NerType::Org),
            3 => Some(NerType::Loc),
            4 => Some(NerType::Misc),
            _ => None,
        }
    }

    /// CoNLL name: PER, ORG, LOC, MISC.
    pub fn conll(self) -> &'static str {
        match self {
            NerType::Per => "PER",
            NerType::Org => "ORG",
            NerType::Loc => "LOC",
            NerType::Misc => "MISC",
        }
    }
}

/// One tagged entity: a range of word indices and its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    /// Word indices (into the sentence's words).
    pub words: Range<usize>,
    /// Entity type.
    pub kind: NerType,
}

/// The embedded model (`None` if it failed to parse).
pub fn embedded() -> Option<&'static Model<'static>> {
    MODEL.as_ref()
}

/// Tagger words of `text[range]`, with the tokenizer entity detection uses.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let tokens = tokenize(text, range.clone(), &mut Vocab::default());
    words_of_tokens(text, range.start, &tokens)
}

/// Tagger words from entity tokens of a sentence starting at byte `start`. A bare "s" after
/// an apostrophe (tokenised text: "Russia 's") is the possessive of the word before.
pub(crate) fn words_of_tokens<'a>(text: &'a str, start: usize, tokens: &[Token]) -> Vec<Word<'a>> {
    let mut out: Vec<Word<'a>> = Vec::with_capacity(tokens.len());
    let mut last = start;
    for t in tokens {
        let gap = text.get(last..t.span.start).unwrap_or("");
        let w = text.get(t.span.clone()).unwrap_or("");
        if w == "s"
            && gap.trim_end().ends_with(['\'', '’'])
            && let Some(prev) = out.last_mut()
        {
            prev.possessive = true;
            last = t.span.end;
            continue;
        }
        let mut gap = gap;
        if out.last().is_some_and(|p| p.possessive) {
            gap = gap
                .strip_prefix("'s")
                .or_else(|| gap.strip_prefix("’s"))
                .unwrap_or(gap);
        }
        out.push(Word {
            text: w,
            span: t.span.clone(),
            gap,
            possessive: t.possessive,
        });
        last = t.span.end;
    }
    out
}

/// Tag a sentence's words with `model`.
pub fn tag_with(model: &Model, words: &[Word]) -> Vec<Tagged> {
    if words.is_empty() {
        return Vec::new();
    }
    let tags = model.decode(&sentence_features(words, &[]));
    spans_of_tags(&tags)
}

/// Tag a sentence's words with the embedded model (nothing if it is missing).
pub fn tag(words: &[Word]) -> Vec<Tagged> {
    embedded().map_or_else(Vec::new, |m| tag_with(m, words))
}

/// Entity spans of a BIO tag sequence.
pub fn spans_of_tags(tags: &[usize]) -> Vec<Tagged> {
    let mut out: Vec<Tagged> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        let Some(kind) = NerType::of_tag(t) else {
            continue;
        };
        let inside = t % 2 == 0;
        match out.last_mut() {
            Some(last) if inside && last.words.end == i && last.kind == kind => last.words.end += 1,
            _ => out.push(Tagged {
                words: i..i + 1,
                kind,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::{ActorKind, mention_spans};

    fn mentions(text: &str) -> Vec<(String, ActorKind)> {
        mention_spans(text)
            .into_iter()
            .map(|(r, k)| (text[r].to_string(), k))
            .collect()
    }

    #[test]
    fn embedded_model_loads() {
        let m = embedded().expect("the embedded model parses");
        assert!(m.len() > 1000);
    }

    #[test]
    fn tags_sentences_we_wrote() {
        // Rules and model together, as entity detection runs them.
        let got = mentions(
            "Foreign Minister Hilda Vantongeren flew to Lisbon on Tuesday to meet officials of the World Health Organization.",
        );
        assert!(
            got.contains(&("Hilda Vantongeren".into(), ActorKind::Person)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Lisbon".into(), ActorKind::Place)),
            "{got:?}"
        );
        let who = ("World Health Organization".into(), ActorKind::Organisation);
        assert!(got.contains(&who), "{got:?}");
        let got = mentions(
            "Mr. Okonkwo told reporters in Nairobi that the Kenyan government would appeal.",
        );
        assert!(
            got.contains(&("Okonkwo".into(), ActorKind::Person)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Nairobi".into(), ActorKind::Place)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Kenyan".into(), ActorKind::Group)),
            "{got:?}"
        );
    }

    #[test]
    fn model_scores_are_deterministic() {
        let m = embedded().expect("the embedded model parses");
        let text = "Protesters marched from Valbruna to the parliament in Oslo.";
        let w = words(text, 0..text.len());
        let f = features::sentence_features(&w, &[]);
        assert_eq!(m.emissions(&f), m.emissions(&f));
        assert_eq!(tag_with(m, &w), tag_with(m, &w));
    }

    #[test]
    fn possessive_s_joins_the_word_before() {
        let text = "Russia 's navy";
        let w = words(text, 0..text.len());
        assert_eq!(w.len(), 2);
        assert!(w[0].possessive);
        let text = "Russia's navy";
        let w = words(text, 0..text.len());
        assert_eq!(w.len(), 2);
        assert!(w[0].possessive);
        assert_eq!(w[1].gap, " ");
    }

    #[test]
    fn bio_spans() {
        // B-PER I-PER O B-LOC I-ORG (a stray I- opens its own span)
        let s = spans_of_tags(&[1, 2, 0, 5, 4]);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].words, 0..2);
        assert_eq!(s[2].kind, NerType::Org);
    }
}
