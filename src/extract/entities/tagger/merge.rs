//! The tagger and the rules together: the rules' mentions are features of the model
//! ([`Hint`]), and the model's spans then correct the rules' kinds, add the names the rules
//! missed and drop the runs they took for names by mistake.

use std::ops::Range;
use std::sync::atomic::{AtomicU8, AtomicU32, Ordering};

use super::super::ActorKind;
use super::super::classify::is_thing;
use super::super::detect::{Detected, detect_rules};
use super::super::gazetteer::{Entry, GAZETTEER};
use super::super::sentence_evidence;
use super::super::tokens::{Evidence, Token};
use super::features::{Hint, Word, sentence_features, sentence_features_where};
use super::model::{Model, TAGS};
use super::{NerType, Tagged, spans_of_tags, words_of_tokens};

/// How the model and the rules combine (see [`set_mode`]).
static MODE: AtomicU8 = AtomicU8::new(7);

/// Choose how model and rules combine (for measurement): 0 rules only, 1 model retypes
/// exact matches and adds names, 2 model spans only, 3 as 1 and drops rule mentions the
/// model sees no name in (gazetteer names kept), 4 model retypes only the rules' guesses and
/// adds names, 5 model retypes only the rules' guesses.
#[doc(hidden)]
pub fn set_mode(mode: u8) {
    MODE.store(mode, Ordering::Relaxed);
}

/// How much better (per word) the model must score its type than the rules' kind to change it.
/// 40, measured on CoNLL-2003 testa (docs/extraction.md), as `f32` bits.
static MARGIN: AtomicU32 = AtomicU32::new(0x4220_0000);

/// Set the retyping margin (for measurement).
#[doc(hidden)]
pub fn set_margin(m: f32) {
    MARGIN.store(m.to_bits(), Ordering::Relaxed);
}

/// Tag index of `B-` of a kind's type (`I-` is one more).
fn b_tag(kind: ActorKind) -> usize {
    match kind {
        ActorKind::Person => 1,
        ActorKind::Organisation => 3,
        ActorKind::Place => 5,
        ActorKind::Group => 7,
    }
}

/// The model's score of a word range as one entity starting with tag `b`.
fn span_score(em: &[[f32; TAGS]], words: Range<usize>, b: usize) -> f32 {
    words
        .enumerate()
        .map(|(k, i)| em[i][if k == 0 { b } else { b + 1 }])
        .sum()
}

/// The actor kind of a tagger type (MISC: nationalities and other named groups).
fn kind_of(t: NerType) -> ActorKind {
    match t {
        NerType::Per => ActorKind::Person,
        NerType::Org => ActorKind::Organisation,
        NerType::Loc => ActorKind::Place,
        NerType::Misc => ActorKind::Group,
    }
}

/// The rules' mentions as one hint per word.
pub(crate) fn hints_of(words: &[Word], dets: &[Detected]) -> Vec<Hint> {
    let mut out = vec![Hint::default(); words.len()];
    for d in dets {
        let mut first = true;
        for (w, h) in words.iter().zip(out.iter_mut()) {
            if w.span.start >= d.span.start && w.span.end <= d.span.end {
                *h = Hint {
                    kind: match d.kind {
                        ActorKind::Person => 1,
                        ActorKind::Organisation => 2,
                        ActorKind::Place => 3,
                        ActorKind::Group => 4,
                    },
                    begin: first,
                    guessed: d.guessed,
                    known: d.entry.is_some(),
                };
                first = false;
            }
        }
    }
    out
}

/// Words and rule hints of each sentence of a document (`sentences`: byte ranges of `text`),
/// with the document's capitalisation evidence, as entity detection computes them. For
/// training.
pub fn annotate<'a>(text: &'a str, sentences: &[Range<usize>]) -> Vec<(Vec<Word<'a>>, Vec<Hint>)> {
    let (toks, ev) = sentence_evidence(text, sentences);
    sentences
        .iter()
        .zip(&toks)
        .map(|(r, t)| {
            let words = words_of_tokens(text, r.start, t);
            let hints = hints_of(&words, &detect_rules(text, t, &ev, false));
            (words, hints)
        })
        .collect()
}

/// Rule mentions of a sentence corrected by `model`.
pub(crate) fn refine(
    model: &Model,
    text: &str,
    tokens: &[Token],
    ev: &Evidence,
    dets: Vec<Detected>,
) -> Vec<Detected> {
    let mode = MODE.load(Ordering::Relaxed);
    let Some(first) = tokens.first() else {
        return dets;
    };
    // Mode 7 only retypes the rules' mentions: no mention, nothing to do.
    if mode == 0 || (mode == 7 && dets.is_empty()) {
        return dets;
    }
    let words = words_of_tokens(text, first.span.start, tokens);
    let hints = hints_of(&words, &dets);
    let em = if mode == 7 {
        // Only the words of mentions are scored (their features still see the context).
        model.emissions(&sentence_features_where(&words, &hints, &|i| {
            hints[i].kind != 0
        }))
    } else {
        model.emissions(&sentence_features(&words, &hints))
    };
    let tagged = if mode == 7 {
        Vec::new()
    } else {
        spans_of_tags(&model.best_path(&em))
    };
    let margin = f32::from_bits(MARGIN.load(Ordering::Relaxed));
    let byte_span = |t: &Tagged| words[t.words.start].span.start..words[t.words.end - 1].span.end;
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut out = Vec::with_capacity(dets.len());
    if mode != 2 {
        for mut d in dets {
            let over: Vec<&Tagged> = tagged
                .iter()
                .filter(|t| overlaps(&byte_span(t), &d.span))
                .collect();
            match over.as_slice() {
                [t] if byte_span(t) == d.span && (mode < 4 || (mode < 6 && d.guessed)) => {
                    d.kind = kind_of(t.kind);
                    d.guessed = false;
                }
                [] if mode == 3 && d.entry.is_none() => continue,
                _ => {}
            }
            if mode >= 6 {
                let from = words.partition_point(|w| w.span.start < d.span.start);
                let to = words.partition_point(|w| w.span.start < d.span.end);
                if from < to {
                    let own = span_score(&em, from..to, b_tag(d.kind));
                    let kinds = [
                        ActorKind::Person,
                        ActorKind::Organisation,
                        ActorKind::Place,
                        ActorKind::Group,
                    ];
                    let best = kinds
                        .into_iter()
                        .map(|k| (span_score(&em, from..to, b_tag(k)), k))
                        .fold(
                            (f32::NEG_INFINITY, d.kind),
                            |a, b| if b.0 > a.0 { b } else { a },
                        );
                    if best.1 != d.kind
                        && best.0 - own > margin * (to - from) as f32
                        && !(d.guessed && is_thing(&GAZETTEER, &d.words))
                        // A listed nationality or people ("French", "Kurds") names no place
                        // and no organisation.
                        && !matches!(d.entry, Some(Entry::Adjective(_) | Entry::Group(_)))
                    {
                        d.kind = best.1;
                        // A name the model reads as MISC (a work, an event, a law) that no
                        // list knows is no actor: it stays a guess, which resolution drops.
                        d.guessed = d.kind == ActorKind::Group && d.entry.is_none();
                    }
                }
            }
            out.push(d);
        }
    }
    for t in tagged.iter().filter(|_| mode != 5 && mode != 7) {
        let span = byte_span(t);
        if out.iter().any(|d| overlaps(&d.span, &span)) {
            continue;
        }
        // Token range of the tagged words (a tagger word starts where its token starts).
        let start = tokens.partition_point(|k| k.span.start < span.start);
        let end = tokens.partition_point(|k| k.span.start < span.end);
        let word_list: Vec<String> = tokens[start..end]
            .iter()
            .map(|k| ev.word(k.word).to_string())
            .collect();
        out.push(Detected {
            span,
            kind: kind_of(t.kind),
            entry: GAZETTEER.lookup(&word_list.join(" ")),
            guessed: false,
            role: None,
            words: word_list,
            common: tokens[start..end].iter().all(|k| ev.is_common(k.word)),
        });
    }
    out.sort_by_key(|d| (d.span.start, d.span.end));
    out
}
