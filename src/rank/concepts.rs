//! Selection's concepts as ids: stemmed word bigrams (not both stop words), weighted by the
//! number of documents that carry them. The same concepts and weights as joining the stems
//! into strings (`select::concepts_of`), without building a string per bigram.

use rayon::prelude::*;

use super::lexicon::{FxMap, Lexicon};
use super::select::DUPLICATE;
use crate::text::{Corpus, tokens};

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
        if b == UNIGRAM {
            // A word alone: no bigram has this second stem, whatever the first.
            return Some((u64::from(a) << 32) | u64::from(b));
        }
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

/// The second stem of a concept that is one word (a topic word), not a bigram.
const UNIGRAM: u32 = u32::MAX;

/// Concept weights count in quarters of a document: a bigram weighs [`UNIT`] per document
/// that carries it, a topic word 1 (a quarter).
pub(super) const UNIT: u32 = 4;

/// Call `f` with each concept of sentence `i`: each bigram (stem ids) that is not two stop
/// words and holds no reporting verb (`reporting`, per stem id: [`is_reporting`]), after
/// the index of its second word; then each content word (no stop word, no reporting verb,
/// with a letter) as its stem and [`UNIGRAM`], after its own index.
fn units(lex: &Lexicon, reporting: &[bool], i: usize, mut f: impl FnMut(usize, u32, u32)) {
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
    for (k, &w) in words.iter().enumerate() {
        let s = lex.stem(w);
        if !lex.is_stop(w)
            && !reporting[s as usize]
            && lex.stem_text(s).chars().any(char::is_alphabetic)
        {
            f(k, s, UNIGRAM);
        }
    }
}

/// Sentences at most whose prefixes hold a stem (see [`copies`]) before that stem is too
/// common to look up: in a folder of fewer sentences every possible pair is looked at. At
/// 10,000 generated articles a cap of 1,000 cost 2.5 CPU s.
const MAX_POSTINGS: usize = 100;

/// A sentence of fewer distinct stems is never taken for a copy: a short line ("Officials
/// said so.") matches others by chance.
const MIN_COPY_STEMS: usize = 4;

/// Which sentences copy a sentence of another document (Jaccard of stems at least
/// [`DUPLICATE`]) that comes before them in `order`: two outlets' runs of one wire
/// sentence, or an agency's rewrite of its own story. Their bigrams are evidence of one
/// writer's, not of several sources' choice, so they count no document again. Compared
/// only where a copy is possible (prefix filtering, Bayardo et al. 2007: any pair with
/// Jaccard >= t shares one of each sentence's `|x| - floor(t|x|) + 1` rarest stems).
fn copies(
    corpus: &Corpus,
    lex: &Lexicon,
    order: &[usize],
    original: impl Fn(usize) -> usize,
) -> Vec<bool> {
    let n = corpus.sentences.len();
    let sets: Vec<Vec<u32>> = (0..n).into_par_iter().map(|i| lex.stem_set(i)).collect();
    let mut df = vec![0u32; lex.stem_count()];
    for set in &sets {
        for &s in set {
            df[s as usize] += 1;
        }
    }
    let docs: Vec<usize> = corpus.sentences.iter().map(|s| original(s.doc)).collect();
    let lens: Vec<f64> = sets.iter().map(|s| s.len() as f64).collect();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); lex.stem_count()];
    // The last sentence that looked at each sentence: a pair is compared once.
    let mut seen_by = vec![usize::MAX; n];
    let mut out = vec![false; n];
    for &i in order {
        let set = &sets[i];
        let prefix = tokens::jaccard_prefix(set, |s| df[s as usize] as usize, DUPLICATE);
        if set.len() >= MIN_COPY_STEMS {
            // Jaccard >= t needs the smaller set to hold at least t of the larger (with a
            // margin for rounding: the exact test follows).
            let (low, high) = (lens[i] * DUPLICATE - 1e-6, lens[i] / DUPLICATE + 1e-6);
            out[i] = prefix
                .iter()
                .map(|&s| &postings[s as usize])
                .filter(|p| p.len() <= MAX_POSTINGS)
                .flatten()
                .any(|&j| {
                    let j = j as usize;
                    let new = seen_by[j] != i;
                    seen_by[j] = i;
                    new && docs[j] != docs[i]
                        && (low..=high).contains(&lens[j])
                        && tokens::jaccard_ids(set, &sets[j]) >= DUPLICATE
                });
        }
        for s in prefix {
            postings[s as usize].push(i as u32);
        }
    }
    out
}

/// Concept weight = number of documents carrying it, in [`UNIT`]s for a bigram. With
/// several documents, a concept must appear in at least two (three from twenty documents
/// on) to count: a cluster's important facts are the ones several sources repeat. A copy
/// (`Document::duplicate_of`) counts as its original, so a wire story run by five outlets is
/// one document here, and a sentence that copies one of another document ([`copies`])
/// counts for nothing. A topic word (a content word alone) counts only when at least half
/// the documents carry it, and weighs a quarter of a bigram carried as widely.
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
    // Per concept id, whether it is a topic word.
    let mut single: Vec<bool> = Vec::new();
    let copied = copies(corpus, lex, &order, original);
    for &i in order.iter().filter(|&&i| !copied[i]) {
        let doc = original(corpus.sentences[i].doc) as u32;
        units(lex, &reporting, i, |_, a, b| {
            let key = keys.key(a, b);
            let next = docs.len() as u32;
            let id = *ids.entry(key).or_insert(next) as usize;
            if id == docs.len() {
                docs.push(0);
                last.push(u32::MAX);
                single.push(b == UNIGRAM);
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
    // A topic word: in at least half the documents.
    let min_topic = min_df.max(distinct.div_ceil(2) as u32);
    // Counted concepts renumbered 0.. in id order: most bigrams occur in one document only.
    let mut weights: Vec<u32> = Vec::new();
    let compact: Vec<u32> = docs
        .iter()
        .zip(&single)
        .map(|(&d, &one)| {
            if d >= if one { min_topic } else { min_df } {
                weights.push(if one { d } else { UNIT * d });
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
            units(lex, &reporting, i, |k, a, b| {
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

    /// The string-keyed weighing this module replaces: bigrams as "a b", topic words as
    /// "1:a"; the sentences `copied` count for no document.
    fn by_strings(corpus: &Corpus, copied: &[bool]) -> Vec<BTreeMap<String, usize>> {
        let sets: Vec<BTreeSet<String>> = corpus
            .sentences
            .iter()
            .map(|s| {
                let words = tokens::words(corpus.text(s));
                let stems: Vec<String> = words.iter().map(|w| tokens::stem(w)).collect();
                let mut set = concepts_of(&words, &stems);
                set.extend(
                    words
                        .iter()
                        .zip(&stems)
                        .filter(|(w, s)| {
                            !tokens::is_stop_word(w)
                                && !is_reporting(s)
                                && s.chars().any(char::is_alphabetic)
                        })
                        .map(|(_, s)| format!("1:{s}")),
                );
                set
            })
            .collect();
        let original = |doc: usize| corpus.docs[doc].duplicate_of.unwrap_or(doc);
        let distinct = corpus
            .docs
            .iter()
            .filter(|d| d.duplicate_of.is_none())
            .count();
        let mut docs_of: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        for (i, set) in sets.iter().enumerate() {
            for c in set {
                let docs = docs_of.entry(c).or_default();
                if !copied[i] {
                    docs.insert(original(corpus.sentences[i].doc));
                }
            }
        }
        sets.iter()
            .map(|set| {
                set.iter()
                    .map(|c| (c, docs_of[c.as_str()].len()))
                    .filter_map(|(c, n)| {
                        if c.starts_with("1:") {
                            (n >= 2.max(distinct.div_ceil(2))).then(|| (c.clone(), n))
                        } else {
                            (n >= 2).then(|| (c.clone(), UNIT as usize * n))
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// [`copies`] by comparing every pair.
    fn copies_exhaustive(corpus: &Corpus, lex: &Lexicon, order: &[usize]) -> Vec<bool> {
        let original = |doc: usize| corpus.docs[doc].duplicate_of.unwrap_or(doc);
        let mut out = vec![false; corpus.sentences.len()];
        for (k, &i) in order.iter().enumerate() {
            let set = lex.stem_set(i);
            out[i] = set.len() >= MIN_COPY_STEMS
                && order[..k].iter().any(|&j| {
                    original(corpus.sentences[j].doc) != original(corpus.sentences[i].doc)
                        && tokens::jaccard_ids(&set, &lex.stem_set(j)) >= DUPLICATE
                });
        }
        out
    }

    #[test]
    fn ids_weigh_as_strings() {
        let texts = [
            "Kerry and Lavrov met in Geneva. The talks in Geneva failed. 北京 talks ended.",
            "Kerry and Lavrov met in Geneva on Friday, officials said. 北京 talks ended in Geneva.",
            "In Geneva, the long talks failed again on Sunday, officials said. Kerry and Lavrov met for dinner with aides.",
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
        let mut order = all.clone();
        order.sort_by_key(|&i| {
            corpus.docs[corpus.sentences[i].doc]
                .duplicate_of
                .unwrap_or(corpus.sentences[i].doc)
        });
        let copied = copies_exhaustive(&corpus, &lex, &order);
        // Among them "Kerry and Lavrov met in Geneva on Friday, officials said.", which
        // copies the first outlet's sentence (6 of 10 stems); the copy of a whole article
        // (document 3) copies nothing of another document.
        let text = |i: usize| corpus.text(&corpus.sentences[i]);
        assert!((0..copied.len()).any(|i| copied[i] && text(i).contains("on Friday")));
        assert!((0..copied.len()).all(|i| !copied[i] || corpus.sentences[i].doc != 3));
        let want = by_strings(&corpus, &copied);
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

    /// Outlets in our own words: Tarn Daily and the Velo Post run one wire sentence about
    /// the Ostrava dam; only the Harbour Times reports the spillway on its own.
    fn wire_corpus() -> Corpus {
        let texts = [
            "Engineers opened the Ostrava dam spillway on Tuesday after heavy rain. The reservoir rose by two metres overnight.",
            "Engineers opened the Ostrava dam spillway on Tuesday after heavy rain, officials said. Farmers downstream moved their cattle.",
            "The reservoir rose by two metres as rain kept falling. Farmers near Ostrava moved cattle to higher fields.",
        ];
        let docs: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| from_plain(i, &format!("O{i}"), t))
            .collect();
        Corpus::new(docs)
    }

    #[test]
    fn a_copied_sentence_counts_no_document_again() {
        let corpus = wire_corpus();
        let lex = Lexicon::new(&corpus);
        let all: Vec<usize> = (0..corpus.sentences.len()).collect();
        let (concepts, weights) = weigh(&corpus, &lex, &all);
        let text = |i: usize| corpus.text(&corpus.sentences[i]);
        let of = |needle: &str| (0..corpus.sentences.len()).find(|&i| text(i).contains(needle));
        let (wire, copy) = (
            of("Tuesday after heavy rain.").unwrap(),
            of("officials said").unwrap(),
        );
        // The wire sentence's bigrams ("dam spillway") are in two documents, but the second
        // is a copy: they count for nothing, and the copy holds no counted concept of its own.
        let counted = |i: usize| {
            let mut v: Vec<u32> = concepts[i].iter().map(|&c| weights[c as usize]).collect();
            v.sort_unstable();
            v
        };
        // Left are the topic words "Ostrava" and "rain", each in two of the three documents
        // (the copy aside), weighing a quarter of a bigram's 2 x UNIT.
        assert_eq!(counted(wire), [2, 2]);
        assert_eq!(counted(copy), [2, 2]);
        // "reservoir rose" is in two documents, not copies of each other: it counts fully.
        let reservoir = of("The reservoir rose by two metres overnight").unwrap();
        assert!(counted(reservoir).contains(&(UNIT * 2)));
    }

    #[test]
    fn prefix_filtered_copies_are_those_of_all_pairs() {
        let words = [
            "Ostrava", "dam", "rain", "river", "bridge", "mayor", "Tarn", "closed", "opened",
            "flood", "water", "police", "road", "north", "south",
        ];
        // Sentences from a small vocabulary, so that many pairs are near copies: sentence
        // k of document d takes words at a stride from a start that both move.
        let texts: Vec<String> = (0..6)
            .map(|d| {
                (0..8)
                    .map(|k| {
                        let n = 4 + (d + k) % 5;
                        let body: Vec<&str> = (0..n)
                            .map(|j| words[(3 * k + d / 2 + j * (1 + k % 3)) % words.len()])
                            .collect();
                        format!("The {}.", body.join(" "))
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let docs: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| from_plain(i, &format!("O{i}"), t))
            .collect();
        let corpus = Corpus::new(docs);
        let lex = Lexicon::new(&corpus);
        let order: Vec<usize> = (0..corpus.sentences.len()).collect();
        let fast = copies(&corpus, &lex, &order, |d| d);
        assert_eq!(fast, copies_exhaustive(&corpus, &lex, &order));
        assert!(fast.iter().any(|&c| c) && fast.iter().any(|&c| !c));
    }
}
