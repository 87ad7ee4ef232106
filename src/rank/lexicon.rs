//! Every sentence's words as `u32` ids, each distinct word, stem and tf-idf term stored once.
//!
//! Ranking tokenises every sentence of the corpus; owned `String`s per word, stem and bigram
//! were most of its time (allocation) and memory. Here a sentence is a run of word ids, and a
//! word id leads to its stem id, its tf-idf term id and whether it is a stop word. The words
//! are exactly [`tokens::words`]' and the stems [`tokens::stem`]'s.
//!
//! Ids are given in order of first occurrence (sentence by sentence, word by word), as a
//! sequential pass would number them: tf-idf vectors are sorted by term id, so the order of
//! their sums depends on it.

use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use crate::text::{Corpus, tokens};

/// Term id of a word that is not a content term (stop word or bare number).
pub const NO_TERM: u32 = u32::MAX;
/// Sentences tokenised by one task: large enough to amortise its vocabulary, small enough
/// to balance two cores.
const CHUNK: usize = 512;

/// A `HashMap` with the Fx hash (`rustc-hash`): the keys are short words and integer ids,
/// for which SipHash's protection is not needed and its cost is. Only used for lookups,
/// never iterated into results.
pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// The interned words of every sentence of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Word ids of all sentences, one after another.
    ids: Vec<u32>,
    /// Sentence `i`'s words are `ids[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    /// Per word id: the id of its stem.
    stem: Vec<u32>,
    /// Per word id: its tf-idf term id, or [`NO_TERM`].
    term: Vec<u32>,
    /// Per word id: whether it is a stop word.
    stop: Vec<bool>,
    /// Per stem id: the stem.
    stems: Vec<Box<str>>,
    /// Number of distinct tf-idf terms.
    terms: usize,
}

/// The words of one chunk of sentences, numbered within the chunk.
struct Chunk {
    words: Vec<Box<str>>,
    ids: Vec<u32>,
    lens: Vec<u32>,
}

impl Lexicon {
    /// Tokenise every sentence of the corpus (in parallel, in fixed chunks, then numbered in
    /// sentence order).
    pub fn new(corpus: &Corpus) -> Self {
        let texts: Vec<&str> = corpus.sentences.iter().map(|s| corpus.text(s)).collect();
        Self::from_texts(&texts)
    }

    /// Tokenise texts, as [`Lexicon::new`] does a corpus's sentences.
    pub fn from_texts(texts: &[&str]) -> Self {
        let chunks: Vec<Chunk> = texts.par_chunks(CHUNK).map(tokenise).collect();
        // Number the words in order of first occurrence: a chunk's new words in its own
        // first-occurrence order, chunk after chunk.
        let mut global: FxMap<&str, u32> = FxMap::default();
        let mut words: Vec<&str> = Vec::new();
        let local_to_global: Vec<Vec<u32>> = chunks
            .iter()
            .map(|c| {
                c.words
                    .iter()
                    .map(|w| {
                        *global.entry(w).or_insert_with(|| {
                            words.push(w);
                            (words.len() - 1) as u32
                        })
                    })
                    .collect()
            })
            .collect();
        drop(global);
        let total: usize = chunks.iter().map(|c| c.ids.len()).sum();
        let mut ids = Vec::with_capacity(total);
        let mut starts = Vec::with_capacity(texts.len() + 1);
        starts.push(0);
        for (c, map) in chunks.iter().zip(&local_to_global) {
            ids.extend(c.ids.iter().map(|&l| map[l as usize]));
            let mut end = *starts.last().unwrap_or(&0);
            for &len in &c.lens {
                end += len as usize;
                starts.push(end);
            }
        }
        drop(local_to_global);
        // Stemming is the costly part: once per distinct word, in parallel.
        let word_stems: Vec<String> = words.par_iter().map(|w| tokens::stem(w)).collect();
        let stop: Vec<bool> = words.iter().map(|w| tokens::is_stop_word(w)).collect();
        let mut stem_ids: FxMap<&str, u32> = FxMap::default();
        let mut term_ids: FxMap<&str, u32> = FxMap::default();
        let mut stems: Vec<Box<str>> = Vec::new();
        let mut stem = Vec::with_capacity(words.len());
        let mut term = Vec::with_capacity(words.len());
        for ((w, s), &is_stop) in words.iter().zip(&word_stems).zip(&stop) {
            stem.push(*stem_ids.entry(s).or_insert_with(|| {
                stems.push(s.as_str().into());
                (stems.len() - 1) as u32
            }));
            // A content term: not a stop word, not a bare number (as `tokens::terms`).
            let content = !is_stop && w.chars().any(char::is_alphabetic);
            term.push(if content {
                let next = term_ids.len() as u32;
                *term_ids.entry(s).or_insert(next)
            } else {
                NO_TERM
            });
        }
        let terms = term_ids.len();
        Lexicon {
            ids,
            starts,
            stem,
            term,
            stop,
            stems,
            terms,
        }
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sentence `i`'s word ids, in order.
    pub fn words(&self, i: usize) -> &[u32] {
        &self.ids[self.starts[i]..self.starts[i + 1]]
    }

    /// A word's stem id.
    pub fn stem(&self, word: u32) -> u32 {
        self.stem[word as usize]
    }

    /// A word's tf-idf term id, or [`NO_TERM`].
    pub fn term(&self, word: u32) -> u32 {
        self.term[word as usize]
    }

    /// Whether a word is a stop word.
    pub fn is_stop(&self, word: u32) -> bool {
        self.stop[word as usize]
    }

    /// The text of a stem.
    pub fn stem_text(&self, stem: u32) -> &str {
        &self.stems[stem as usize]
    }

    /// Number of distinct stems.
    pub fn stem_count(&self) -> usize {
        self.stems.len()
    }

    /// Number of distinct tf-idf terms.
    pub fn term_count(&self) -> usize {
        self.terms
    }

    /// Sentence `i`'s content terms as term ids, in order (as [`tokens::terms`]).
    pub fn terms(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        self.words(i)
            .iter()
            .map(|&w| self.term(w))
            .filter(|&t| t != NO_TERM)
    }

    /// Sentence `i`'s set of stems as sorted ids (as [`tokens::stem_set`]).
    pub fn stem_set(&self, i: usize) -> Vec<u32> {
        let mut v: Vec<u32> = self.words(i).iter().map(|&w| self.stem(w)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Number the words of a chunk of texts within the chunk.
fn tokenise(texts: &[&str]) -> Chunk {
    // A chunk of news sentences has a few thousand distinct words: no rehashing on the way.
    let mut map: FxMap<Box<str>, u32> = FxMap::with_capacity_and_hasher(4096, Default::default());
    let mut chunk = Chunk {
        words: Vec::new(),
        ids: Vec::new(),
        lens: Vec::with_capacity(texts.len()),
    };
    let mut buf = String::new();
    for text in texts {
        let before = chunk.ids.len();
        each_word(text, &mut buf, |w| {
            let id = match map.get(w) {
                Some(&id) => id,
                None => {
                    let id = map.len() as u32;
                    map.insert(w.into(), id);
                    id
                }
            };
            chunk.ids.push(id);
        });
        chunk.lens.push((chunk.ids.len() - before) as u32);
    }
    chunk.words = vec![Box::default(); map.len()];
    for (w, id) in map {
        chunk.words[id as usize] = w;
    }
    chunk
}

/// Call `f` on each word of a text as [`tokens::words`] gives them, without allocating for
/// ASCII words (`buf` is reused).
pub fn each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    let edge = |c: char| !c.is_alphanumeric();
    for w in text.unicode_words() {
        if w.is_ascii() {
            let t = w.trim_matches(edge);
            if t.is_empty() {
                continue;
            }
            buf.clear();
            buf.push_str(t);
            buf.make_ascii_lowercase();
            f(buf);
        } else {
            let folded = deunicode::deunicode(w).to_lowercase();
            let t = folded.trim_matches(edge);
            if !t.is_empty() {
                f(t);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: &[&str] = &[
        "Erdoğan said the talks were continuing in 2016.",
        "U.S. Secretary of State John Kerry met Lavrov; they didn't agree on 400,000 lives.",
        "“But we will go,” she said -- _underscored_ words, e-mail, 3.5% and ½ of Zürich's 北京.",
        "",
        "... !!! ???",
        "Talks talk talked talking TALKS the THE a",
    ];

    #[test]
    fn words_are_tokens_words() {
        let mut buf = String::new();
        for text in TEXTS {
            let mut got = Vec::new();
            each_word(text, &mut buf, |w| got.push(w.to_string()));
            assert_eq!(got, tokens::words(text), "{text}");
        }
    }

    #[test]
    fn ids_stand_for_words_stems_and_terms() {
        let lex = Lexicon::from_texts(TEXTS);
        assert_eq!(lex.len(), TEXTS.len());
        let mut term_order: Vec<String> = Vec::new();
        for (i, text) in TEXTS.iter().enumerate() {
            let stems: Vec<&str> = lex
                .words(i)
                .iter()
                .map(|&w| lex.stem_text(lex.stem(w)))
                .collect();
            assert_eq!(stems, tokens::stems(text));
            let stops: Vec<bool> = lex.words(i).iter().map(|&w| lex.is_stop(w)).collect();
            let want: Vec<bool> = tokens::words(text)
                .iter()
                .map(|w| tokens::is_stop_word(w))
                .collect();
            assert_eq!(stops, want);
            // Term ids number the terms in order of first occurrence.
            for (t, id) in tokens::terms(text).into_iter().zip(lex.terms(i)) {
                match term_order.iter().position(|x| *x == t) {
                    Some(p) => assert_eq!(p as u32, id),
                    None => {
                        assert_eq!(term_order.len() as u32, id);
                        term_order.push(t);
                    }
                }
            }
            assert_eq!(lex.terms(i).count(), tokens::terms(text).len());
            let set: Vec<&str> = lex.stem_set(i).iter().map(|&s| lex.stem_text(s)).collect();
            let mut want: Vec<String> = tokens::stem_set(text).into_iter().collect();
            want.sort();
            let mut got: Vec<String> = set.iter().map(|s| s.to_string()).collect();
            got.sort();
            assert_eq!(got, want);
        }
        assert_eq!(lex.term_count(), term_order.len());
    }

    #[test]
    fn chunks_number_words_as_one_pass() {
        // More texts than one chunk: ids must not depend on where chunks split.
        let many: Vec<String> = (0..(3 * CHUNK + 7))
            .map(|i| format!("word{} shared w{} talks", i % 97, i % 13))
            .collect();
        let texts: Vec<&str> = many.iter().map(String::as_str).collect();
        let lex = Lexicon::from_texts(&texts);
        let mut seen: Vec<String> = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            for (w, &id) in tokens::words(text).into_iter().zip(lex.words(i)) {
                match seen.iter().position(|x| *x == w) {
                    Some(p) => assert_eq!(p as u32, id),
                    None => {
                        assert_eq!(seen.len() as u32, id);
                        seen.push(w);
                    }
                }
            }
        }
    }
}
