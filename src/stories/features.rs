//! Article vectors for story detection: tf-idf over three kinds of feature, as in the
//! topic-detection-and-tracking systems (Allan et al. 1998; Yang et al. 1998), with the
//! headline and lead weighted up.
//!
//! - words: content terms (stop words removed, Snowball stems), the bulk of the vector;
//! - names: capitalised words that do not open a sentence (`Gilbert`, `Jamaica`, `NATO`),
//!   a separate feature boosted by [`FeatureConfig::names`]: two quakes differ by place;
//! - numbers: digit tokens (`7.1`, `1988`, `41`), boosted by [`FeatureConfig::numbers`].
//!
//! Term weights are sublinear, `(1 + ln tf) * idf` with `idf = ln((N + 1) / df)` over the
//! folder (never zero, so two articles alone in a folder still compare);
//! a feature that occurs in one article only cannot link two articles, so it is dropped
//! (it would only lower every cosine of its article). Vectors are L2-normalised.

use rustc_hash::FxHashMap;
use unicode_segmentation::UnicodeSegmentation;

use crate::document::{BlockKind, Document};
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
            names: 2.0,
            numbers: 0.5,
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
    for (start, word) in text.unicode_word_indices() {
        let gap = text.get(last_end..start).unwrap_or("");
        if gap.contains(['.', '!', '?', ':', '"', '“', '\n']) {
            sentence_start = true;
        }
        last_end = start + word.len();
        let Some(folded) = fold_word(word) else {
            continue;
        };
        let opens = std::mem::replace(&mut sentence_start, false);
        if folded.chars().any(|c| c.is_ascii_digit()) {
            *out.entry(format!("#:{folded}")).or_default() += weight;
            continue;
        }
        if is_stop_word(&folded) || !folded.chars().any(char::is_alphabetic) {
            continue;
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital && !opens && folded.len() > 1 {
            *out.entry(format!("n:{folded}")).or_default() += weight;
        }
        *out.entry(format!("w:{}", stems.stem(&folded))).or_default() += weight;
    }
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
    let n = docs.len().max(1) as f32;
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
                        Some(b'n') => cfg.names,
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
