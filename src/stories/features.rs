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

use rustc_hash::FxHashMap;
use unicode_segmentation::UnicodeSegmentation;

use crate::document::{BlockKind, Document};
use crate::text::WEEKDAYS;
use crate::text::tokens::{StemCache, fold_word, is_stop_word};

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

/// The counts of one article's features. Keys: `w:stem`, `n:name`, `#:number`.
fn counts(doc: &Document, cfg: &FeatureConfig, stems: &mut StemCache) -> Counts {
    let mut out = Counts::default();
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
        add_text(text, weight, stems, &mut out);
    }
    out
}

/// Add the features of one block of text.
fn add_text(text: &str, weight: f32, stems: &mut StemCache, out: &mut Counts) {
    // A capital after sentence-ending punctuation (or at the start) says nothing.
    let mut sentence_start = true;
    let mut last_end = 0;
    // The current run of names (`San Clemente`), flushed as a phrase when it ends.
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, out: &mut Counts| {
        if run.len() > 1 {
            *out.entry(format!("p:{}", run.join(" "))).or_default() += weight;
        }
        run.clear();
    };
    for (start, word) in text.unicode_word_indices() {
        let gap = text.get(last_end..start).unwrap_or("");
        if gap.contains(['.', '!', '?', ':', '"', '“', '\n']) {
            sentence_start = true;
        }
        if gap.contains(|c: char| !c.is_whitespace()) {
            flush(&mut run, out);
        }
        last_end = start + word.len();
        let Some(folded) = fold_word(word) else {
            continue;
        };
        let opens = std::mem::replace(&mut sentence_start, false);
        if folded.chars().any(|c| c.is_ascii_digit()) {
            flush(&mut run, out);
            *out.entry(format!("#:{folded}")).or_default() += weight;
            continue;
        }
        if is_stop_word(&folded)
            || WEEKDAYS.contains(&folded.as_str())
            || !folded.chars().any(char::is_alphabetic)
        {
            flush(&mut run, out);
            continue;
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital && !opens && folded.len() > 1 {
            *out.entry(format!("n:{folded}")).or_default() += weight;
            run.push(folded.clone());
        } else {
            flush(&mut run, out);
        }
        *out.entry(format!("w:{}", stems.stem(&folded))).or_default() += weight;
    }
    flush(&mut run, out);
}

/// The tf-idf vectors of a folder's articles, in document order, and the number of features.
pub fn vectors(docs: &[Document], cfg: &FeatureConfig) -> Vec<Vector> {
    let mut stems = StemCache::default();
    let counts: Vec<Counts> = docs.iter().map(|d| counts(d, cfg, &mut stems)).collect();
    // Feature ids in first-seen order (document order, then sorted keys): deterministic.
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut df: Vec<u32> = Vec::new();
    for c in &counts {
        let mut keys: Vec<&str> = c.keys().map(String::as_str).collect();
        keys.sort_unstable();
        for key in keys {
            let next = ids.len() as u32;
            let id = *ids.entry(key).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            df[id as usize] += 1;
        }
    }
    let n = docs.len().max(1) as f32 + cfg.prior_docs.max(0.0);
    counts
        .iter()
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
        .collect()
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
