//! Selection's concepts as ids: stemmed word bigrams (not both stop words), weighted by the
//! number of documents that carry them. The same concepts and weights as joining the stems
//! into strings (`select::concepts_of`), without building a string per bigram.

use rayon::prelude::*;

use super::lexicon::{FxMap, Lexicon};
use crate::text::Corpus;

/// Key bit of a concept keyed by its text (see [`Keys`]).
const BY_TEXT: u64 = 1 << 63;

/// Concept keys. A bigram "a b" of stems without spaces is the pair of stem ids: its text
/// has exactly one space, so it names one pair. A stem may hold a space (a non-Latin word
/// folded to several syllables, such as "bei jing"); then two pairs can spell the same text,
/// so such bigrams are keyed by their text. Texts with two spaces or more never equal a
/// text with one, so the two kinds of key never name the same concept.
struct Keys<'a> {
    lex: &'a Lexicon,
    spaced: Vec<bool>,
    texts: FxMap<String, u64>,
}

impl<'a> Keys<'a> {
    fn new(lex: &'a Lexicon) -> Self {
        Keys {
            lex,
            spaced: (0..lex.stem_count() as u32)
                .map(|s| lex.stem_text(s).contains(' '))
                .collect(),
            texts: FxMap::default(),
        }
    }

    /// The key of the bigram of stems `a` then `b`, adding text keys as needed.
    fn key(&mut self, a: u32, b: u32) -> u64 {
        match self.pair(a, b) {
            Some(k) => k,
            None => {
                let next = BY_TEXT | self.texts.len() as u64;
                *self.texts.entry(self.text(a, b)).or_insert(next)
            }
        }
    }

    /// The key of a bigram already seen by [`Keys::key`].
    fn known(&self, a: u32, b: u32) -> Option<u64> {
        self.pair(a, b)
            .or_else(|| self.texts.get(&self.text(a, b)).copied())
    }

    fn pair(&self, a: u32, b: u32) -> Option<u64> {
        (!self.spaced[a as usize] && !self.spaced[b as usize])
            .then(|| (u64::from(a) << 32) | u64::from(b))
    }

    fn text(&self, a: u32, b: u32) -> String {
        format!("{} {}", self.lex.stem_text(a), self.lex.stem_text(b))
    }
}

/// Stems of the verbs of reported speech. A bigram holding one ("officials said", "said
/// Friday", "told reporters") is no concept: every source repeats such a pair whatever it
/// reports, so it weighs like a shared fact and pulls attributions into the summary.
const REPORTING: &[&str] = &["said", "say", "told"];

/// Whether a stem is a verb of reported speech ([`REPORTING`]).
pub(super) fn is_reporting(stem: &str) -> bool {
    REPORTING.contains(&stem)
}

/// Call `f` with each bigram (stem ids) of sentence `i` that is not two stop words and holds
/// no reporting verb (`reporting`, per stem id: [`is_reporting`]), after the index of its
/// second word.
fn bigrams(lex: &Lexicon, reporting: &[bool], i: usize, mut f: impl FnMut(usize, u32, u32)) {
    let words = lex.words(i);
    for k in 1..words.len() {
        let (a, b) = (words[k - 1], words[k]);
        let (sa, sb) = (lex.stem(a), lex.stem(b));
        let skipped =
            (lex.is_stop(a) && lex.is_stop(b)) || reporting[sa as usize] || reporting[sb as usize];
        if !skipped {
            f(k, sa, sb);
        }
    }
}

/// Concept weight = number of documents carrying it. With several documents, a concept must
/// appear in at least two (three from twenty documents on) to count: a cluster's important facts
/// are the ones several sources repeat. A copy (`Document::duplicate_of`) counts as its
/// original, so a wire story run by five outlets is one document here.
///
/// Returns, for each of `candidates` (sentence indices), its counted concepts as distinct ids
/// into the returned weights (document counts).
#[cfg(test)]
pub(super) fn weigh(
    corpus: &Corpus,
    lex: &Lexicon,
    candidates: &[usize],
) -> (Vec<Vec<u32>>, Vec<u32>) {
    let (concepts, weights) = weigh_placed(corpus, lex, candidates);
    let ids = concepts
        .into_iter()
        .map(|cs| cs.into_iter().map(|(c, _)| c).collect())
        .collect();
    (ids, weights)
}

/// [`weigh`], with each concept's first place in its sentence: the index of the word that
/// ends its first bigram (`Lexicon::words` of the sentence).
pub(super) fn weigh_placed(
    corpus: &Corpus,
    lex: &Lexicon,
    candidates: &[usize],
) -> (Vec<Vec<(u32, u32)>>, Vec<u32>) {
    let original = |doc: usize| corpus.docs[doc].duplicate_of.unwrap_or(doc);
    // Sentences grouped by original document, so a concept's documents can be counted with
    // one "last document seen" mark.
    let mut order: Vec<usize> = (0..corpus.sentences.len()).collect();
    order.sort_by_key(|&i| original(corpus.sentences[i].doc));
    let mut keys = Keys::new(lex);
    let reporting: Vec<bool> = (0..lex.stem_count() as u32)
        .map(|s| is_reporting(lex.stem_text(s)))
        .collect();
    let mut ids: FxMap<u64, u32> = FxMap::default();
    let mut docs: Vec<u32> = Vec::new();
    // Document indices are far below u32::MAX (the mark for none yet).
    let mut last: Vec<u32> = Vec::new();
    for &i in &order {
        let doc = original(corpus.sentences[i].doc) as u32;
        bigrams(lex, &reporting, i, |_, a, b| {
            let key = keys.key(a, b);
            let next = docs.len() as u32;
            let id = *ids.entry(key).or_insert(next) as usize;
            if id == docs.len() {
                docs.push(0);
                last.push(u32::MAX);
            }
            if last[id] != doc {
                last[id] = doc;
                docs[id] += 1;
            }
        });
    }
    drop(last);
    let distinct = corpus
        .docs
        .iter()
        .filter(|d| d.duplicate_of.is_none())
        .count();
    let min_df = match distinct {
        0 | 1 => 1,
        2..=19 => 2,
        _ => 3,
    };
    // Counted concepts renumbered 0.. in id order: most bigrams occur in one document only.
    let mut weights: Vec<u32> = Vec::new();
    let compact: Vec<u32> = docs
        .iter()
        .map(|&d| {
            if d >= min_df {
                weights.push(d);
                (weights.len() - 1) as u32
            } else {
                u32::MAX
            }
        })
        .collect();
    drop(docs);
    let concepts = candidates
        .par_iter()
        .map(|&i| {
            let mut v = Vec::new();
            bigrams(lex, &reporting, i, |k, a, b| {
                let place = k as u32;
                let id = keys.known(a, b).and_then(|k| ids.get(&k).copied());
                if let Some(c) = id.map(|id| compact[id as usize]).filter(|&c| c != u32::MAX) {
                    v.push((c, place));
                }
            });
            // Sorted by concept then place: the first of each concept is its first place.
            v.sort_unstable();
            v.dedup_by_key(|&mut (c, _)| c);
            v
        })
        .collect();
    (concepts, weights)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain;
    use crate::rank::select::concepts_of;
    use crate::text::tokens;
    use std::collections::{BTreeMap, BTreeSet};

    /// The string-keyed weighing this module replaces.
    fn by_strings(corpus: &Corpus) -> Vec<BTreeMap<String, usize>> {
        let sets: Vec<BTreeSet<String>> = corpus
            .sentences
            .iter()
            .map(|s| {
                let words = tokens::words(corpus.text(s));
                let stems: Vec<String> = words.iter().map(|w| tokens::stem(w)).collect();
                concepts_of(&words, &stems)
            })
            .collect();
        let original = |doc: usize| corpus.docs[doc].duplicate_of.unwrap_or(doc);
        let mut docs_of: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        for (i, set) in sets.iter().enumerate() {
            for c in set {
                docs_of
                    .entry(c)
                    .or_default()
                    .insert(original(corpus.sentences[i].doc));
            }
        }
        sets.iter()
            .map(|set| {
                set.iter()
                    .map(|c| (c.clone(), docs_of[c.as_str()].len()))
                    .filter(|&(_, n)| n >= 2)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn ids_weigh_as_strings() {
        let texts = [
            "Kerry and Lavrov met in Geneva. The talks in Geneva failed. 北京 talks ended.",
            "Kerry and Lavrov met in Geneva on Friday, officials said. 北京 talks ended in Geneva.",
            "In Geneva, the talks failed again, officials said. Kerry and Lavrov met.",
        ];
        let mut docs: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| from_plain(i, &format!("O{i}"), t))
            .collect();
        docs.push(from_plain(3, "Copy", texts[0]));
        docs[3].duplicate_of = Some(0);
        let corpus = Corpus::new(docs);
        let lex = Lexicon::new(&corpus);
        let all: Vec<usize> = (0..corpus.sentences.len()).collect();
        let (concepts, weights) = weigh(&corpus, &lex, &all);
        let want = by_strings(&corpus);
        for (i, ids) in concepts.iter().enumerate() {
            let mut got: Vec<usize> = ids.iter().map(|&c| weights[c as usize] as usize).collect();
            let mut expect: Vec<usize> = want[i].values().copied().collect();
            got.sort_unstable();
            expect.sort_unstable();
            assert_eq!(got, expect, "sentence {i}");
        }
        assert!(concepts.iter().any(|c| !c.is_empty()));
        // "officials said" is in two documents, but no concept.
        let words = tokens::words("again, officials said.");
        let stems: Vec<String> = words.iter().map(|w| tokens::stem(w)).collect();
        assert_eq!(
            concepts_of(&words, &stems).into_iter().collect::<Vec<_>>(),
            ["again offici"]
        );
    }
}
