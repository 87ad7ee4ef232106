//! Article vectors for story detection: tf-idf over three kinds of feature, as in the
//! topic-detection-and-tracking systems (Allan et al. 1998; Yang et al. 1998), with the
//! headline and lead weighted up.
//!
//! - words: content terms (stop words removed, Snowball stems), the bulk of the vector;
//! - names: capitalised words that do not open a sentence (`Gilbert`, `Jamaica`, `NATO`),
//!   and runs of two or more of them (`San Clemente`, `Betty Ford Center`), a separate
//!   feature boosted by [`FeatureConfig::names`]: two quakes differ by place; days of the
//!   week are not names (every story of a day shares them);
//! - numbers: digit tokens (`7.1`, `1988`, `41`), boosted by [`FeatureConfig::numbers`].
//!
//! Term weights are sublinear, `(1 + ln tf) * idf` with
//! `idf = ln((N + P + 1) / df)` over the folder, where `P` ([`FeatureConfig::prior_docs`])
//! pseudo-articles that share none of the features stand for the rest of the news: in a
//! folder of five articles a word in two of them is no rarer than it is in the news at
//! large, so it should not weigh as if it were (without `P`, the words of a one-story
//! folder, found in every article, weigh nothing and chance words decide); on a folder of
//! hundreds `P` hardly matters;
//! a feature that occurs in one article only cannot link two articles, so it is dropped
//! (it would only lower every cosine of its article). Vectors are L2-normalised.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use unicode_segmentation::UnicodeSegmentation;

use crate::document::{BlockKind, Document};
use crate::text::WEEKDAYS;
use crate::text::tokens::{fold_word, is_stop_word};

/// A sparse vector: (feature id, weight), sorted by id.
pub type Vector = Vec<(u32, f32)>;

/// How article text becomes features.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureConfig {
    /// Weight multiplier of name features.
    pub names: f32,
    /// Weight multiplier of number features.
    pub numbers: f32,
    /// Pseudo-articles added to the folder's article count in the idf (see the module).
    pub prior_docs: f32,
    /// Term-frequency multiplier of words in the headline and the lead.
    pub headline: f32,
    /// How many body words count as the lead.
    pub lead_words: usize,
    /// Words read per article (long articles drift off topic).
    pub max_words: usize,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        Self {
            names: 1.5,
            numbers: 1.5,
            prior_docs: 40.0,
            headline: 2.0,
            lead_words: 60,
            max_words: 1000,
        }
    }
}

/// Raw counts of one article: (feature key, weighted count).
type Counts = FxHashMap<String, f32>;

/// One worker's scratch: memoised stems and reusable buffers, so reading a word allocates
/// nothing once its stem is known (a key is allocated once per distinct feature of an
/// article, not once per word).
#[derive(Default)]
struct Scratch {
    /// Folded word -> its stem.
    stems: FxHashMap<Box<str>, Box<str>>,
    /// The word being read, folded.
    word: String,
    /// The feature key being built.
    key: String,
    /// The current run of names, space-separated (`san clemente`), and its length in names.
    run: String,
    run_len: usize,
}

impl Scratch {
    /// Fold `word` into `self.word` as [`fold_word`] does; false when nothing is left.
    fn fold(&mut self, word: &str) -> bool {
        self.word.clear();
        if word.is_ascii() {
            let trimmed = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            self.word.push_str(trimmed);
            self.word.make_ascii_lowercase();
        } else if let Some(folded) = fold_word(word) {
            self.word = folded;
        }
        !self.word.is_empty()
    }

    /// Add `weight` to the feature `prefix` + `text`.
    fn add(&mut self, prefix: &str, text: &str, weight: f32, out: &mut Counts) {
        self.key.clear();
        self.key.push_str(prefix);
        self.key.push_str(text);
        match out.get_mut(self.key.as_str()) {
            Some(c) => *c += weight,
            None => {
                out.insert(self.key.clone(), weight);
            }
        }
    }

    /// Add the stem of the current word as a `w:` feature.
    fn add_stem(&mut self, weight: f32, out: &mut Counts) {
        if !self.stems.contains_key(self.word.as_str()) {
            let stem = crate::text::tokens::stem(&self.word);
            self.stems
                .insert(self.word.as_str().into(), stem.into_boxed_str());
        }
        // The memo is moved out for the call (a move, not a copy), as `add` borrows self.
        let stems = std::mem::take(&mut self.stems);
        let stem = stems.get(self.word.as_str()).map_or("", |s| &**s);
        self.add("w:", stem, weight, out);
        self.stems = stems;
    }

    /// End the current run of names: a run of two or more is a phrase feature.
    fn flush(&mut self, weight: f32, out: &mut Counts) {
        if self.run_len > 1 {
            let run = std::mem::take(&mut self.run);
            self.add("p:", &run, weight, out);
            self.run = run;
        }
        self.run.clear();
        self.run_len = 0;
    }
}

/// Words a page needs outside its web furniture to be read as an article.
const ARTICLE_WORDS: usize = 20;

/// Whether a document is a saved page of web furniture, not an article: some of its text is
/// furniture ([`is_web_furniture`](crate::rank::lead::is_web_furniture): a Twitter location
/// notice, a web-archive crawl note, a subscription prompt) and fewer than 20 words are
/// anything else. Scrapers save such pages under every story they crawl; their text is the
/// same everywhere, so read as articles they would gather into one "story" of unrelated
/// pages. Such a page has no features and stands alone.
pub fn page_furniture(doc: &Document) -> bool {
    let mut furniture = false;
    let mut other = 0;
    for block in doc.blocks.iter().filter(|b| b.kind != BlockKind::Headline) {
        // Sentences roughly: words are only counted, so a split after "U.S." costs nothing.
        for piece in doc.text(&block.span).split_inclusive(['.', '!', '?', '\n']) {
            if crate::rank::lead::is_web_furniture(piece) {
                furniture = true;
            } else {
                other += piece.split_whitespace().count();
                if other >= ARTICLE_WORDS {
                    return false;
                }
            }
        }
    }
    furniture
}

/// The counts of one article's features. Keys: `w:stem`, `n:name`, `p:name run`, `#:number`.
/// A page of web furniture ([`page_furniture`]) has none.
fn counts(doc: &Document, cfg: &FeatureConfig, scratch: &mut Scratch) -> Counts {
    let mut out = Counts::default();
    if page_furniture(doc) {
        return out;
    }
    let mut texts: Vec<(&str, bool)> = Vec::new();
    let has_headline_block = doc.blocks.iter().any(|b| b.kind == BlockKind::Headline);
    if !has_headline_block && !doc.meta.title.is_empty() {
        texts.push((doc.meta.title.as_str(), true));
    }
    let mut body_words = 0;
    for block in &doc.blocks {
        let text = doc.text(&block.span);
        let lead = block.kind == BlockKind::Headline || body_words < cfg.lead_words;
        if block.kind != BlockKind::Headline {
            body_words += text.split_whitespace().count();
        }
        texts.push((text, lead));
        if body_words >= cfg.max_words {
            break;
        }
    }
    for (text, lead) in texts {
        let weight = if lead { cfg.headline } else { 1.0 };
        add_text(text, weight, scratch, &mut out);
    }
    out
}

/// Add the features of one block of text.
fn add_text(text: &str, weight: f32, scratch: &mut Scratch, out: &mut Counts) {
    // A capital after sentence-ending punctuation (or at the start) says nothing.
    let mut sentence_start = true;
    let mut last_end = 0;
    // The current run of names (`San Clemente`) is flushed as a phrase when it ends.
    scratch.run.clear();
    scratch.run_len = 0;
    for (start, word) in text.unicode_word_indices() {
        let gap = text.get(last_end..start).unwrap_or("");
        if gap.contains(['.', '!', '?', ':', '"', '“', '\n']) {
            sentence_start = true;
        }
        if gap.contains(|c: char| !c.is_whitespace()) {
            scratch.flush(weight, out);
        }
        last_end = start + word.len();
        if !scratch.fold(word) {
            continue;
        }
        let opens = std::mem::replace(&mut sentence_start, false);
        let folded = std::mem::take(&mut scratch.word);
        if folded.bytes().any(|b| b.is_ascii_digit()) {
            scratch.flush(weight, out);
            scratch.add("#:", &folded, weight, out);
        } else if is_stop_word(&folded)
            || WEEKDAYS.contains(&folded.as_str())
            || !folded.chars().any(char::is_alphabetic)
        {
            scratch.flush(weight, out);
        } else {
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            if capital && !opens && folded.len() > 1 {
                scratch.add("n:", &folded, weight, out);
                if scratch.run_len > 0 {
                    scratch.run.push(' ');
                }
                scratch.run.push_str(&folded);
                scratch.run_len += 1;
            } else {
                scratch.flush(weight, out);
            }
            scratch.word = folded;
            scratch.add_stem(weight, out);
            continue;
        }
        scratch.word = folded;
    }
    scratch.flush(weight, out);
}

/// Each article's raw feature counts (`w:stem`, `n:name`, `p:name run`, `#:number`, with
/// the headline and lead counted up), sorted by key: what [`vectors`] weighs, for study.
pub fn raw_counts(docs: &[Document], cfg: &FeatureConfig) -> Vec<Vec<(String, f32)>> {
    let mut scratch = Scratch::default();
    docs.iter()
        .map(|d| {
            let mut c: Vec<(String, f32)> = counts(d, cfg, &mut scratch).into_iter().collect();
            c.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            c
        })
        .collect()
}

/// The tf-idf vectors of a folder's articles, in document order.
pub fn vectors(docs: &[Document], cfg: &FeatureConfig) -> Vec<Vector> {
    vectors_and_kinds(docs, cfg).0
}

/// [`vectors`], and the kind of each feature id: `b'w'` a word's stem, `b'n'` a name, `b'p'`
/// a run of names, `b'#'` a number.
pub fn vectors_and_kinds(docs: &[Document], cfg: &FeatureConfig) -> (Vec<Vector>, Vec<u8>) {
    // Articles are read side by side, each worker with its own scratch; the counts come
    // back in document order, so the ids below do not depend on the split.
    let counts: Vec<Counts> = docs
        .par_iter()
        .map_init(Scratch::default, |scratch, d| counts(d, cfg, scratch))
        .collect();
    // Feature ids in first-seen order (document order, then sorted keys): deterministic.
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut df: Vec<u32> = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();
    for c in &counts {
        let mut keys: Vec<&str> = c.keys().map(String::as_str).collect();
        keys.sort_unstable();
        for key in keys {
            let next = ids.len() as u32;
            let id = *ids.entry(key).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
                kinds.push(key.as_bytes().first().copied().unwrap_or(b'w'));
            }
            df[id as usize] += 1;
        }
    }
    let n = docs.len().max(1) as f32 + cfg.prior_docs.max(0.0);
    let vectors = counts
        .par_iter()
        .map(|c| {
            let mut v: Vector = c
                .iter()
                .filter_map(|(key, &tf)| {
                    let id = *ids.get(key.as_str())?;
                    let d = df[id as usize];
                    if d < 2 {
                        return None;
                    }
                    let boost = match key.as_bytes().first() {
                        Some(b'n' | b'p') => cfg.names,
                        Some(b'#') => cfg.numbers,
                        _ => 1.0,
                    };
                    let w = (1.0 + tf.ln()) * ((n + 1.0) / d as f32).ln() * boost;
                    (w > 0.0).then_some((id, w))
                })
                .collect();
            v.sort_unstable_by_key(|&(id, _)| id);
            normalise(&mut v);
            v
        })
        .collect();
    (vectors, kinds)
}

/// Scale a vector to unit length (a zero vector stays zero).
pub fn normalise(v: &mut [(u32, f32)]) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// Dot product of two id-sorted sparse vectors.
pub fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}
