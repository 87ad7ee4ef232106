//! Tokens for similarity and coverage: words folded to ASCII, lowercased, stop words
//! removed, Porter-stemmed (Snowball English).

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;
use unicode_segmentation::UnicodeSegmentation;

// Asked for every word of every article: a fast hash (the set is never iterated).
static STOP_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut set: FxHashSet<&'static str> = stop_words::get(stop_words::Language::English)
        .iter()
        .copied()
        .collect();
    // News reporting verbs and fillers carry no topic.
    set.extend([
        "said", "says", "say", "told", "also", "would", "could", "one", "mr", "ms", "mrs",
    ]);
    set
});

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Whether a lowercase word is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(word)
}

/// Lowercase ASCII-folded words of a text (Erdoğan -> erdogan), in order, punctuation dropped.
pub fn words(text: &str) -> Vec<String> {
    text.unicode_words().filter_map(fold_word).collect()
}

/// One word of [`unicode_words`](UnicodeSegmentation::unicode_words) as [`words`] folds it:
/// lowercase, ASCII, edges trimmed; `None` when nothing is left.
pub fn fold_word(w: &str) -> Option<String> {
    let edge = |c: char| !c.is_alphanumeric();
    let folded = if w.is_ascii() {
        // Folding and lowercasing leave ASCII letters' alphanumeric status alone, so
        // trimming first gives the same word with one allocation instead of three.
        w.trim_matches(edge).to_ascii_lowercase()
    } else {
        deunicode::deunicode(w)
            .to_lowercase()
            .trim_matches(edge)
            .to_string()
    };
    (!folded.is_empty()).then_some(folded)
}

/// Content terms: words minus stop words and bare numbers, stemmed.
pub fn terms(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !is_stop_word(w) && w.chars().any(char::is_alphabetic))
        .map(|w| stem(&w))
        .collect()
}

/// A memo of stems for one worker: news text repeats its words, and a lookup is several
/// times cheaper than the Snowball stemmer. Gives exactly [`stem`]'s results.
#[derive(Debug, Default)]
pub struct StemCache(HashMap<String, String>);

impl StemCache {
    /// The stem of a lowercase word, as [`stem`] gives it.
    pub fn stem(&mut self, word: &str) -> String {
        if let Some(s) = self.0.get(word) {
            return s.clone();
        }
        let s = stem(word);
        self.0.insert(word.to_string(), s.clone());
        s
    }

    /// Content terms of a text, as [`terms`] gives them.
    pub fn terms(&mut self, text: &str) -> Vec<String> {
        words(text)
            .into_iter()
            .filter(|w| !is_stop_word(w) && w.chars().any(char::is_alphabetic))
            .map(|w| self.stem(&w))
            .collect()
    }
}

/// Stems of every word, stop words included (for bigram concepts and near-duplicates).
pub fn stems(text: &str) -> Vec<String> {
    words(text).iter().map(|w| stem(w)).collect()
}

/// The Snowball English stem of a lowercase word.
pub fn stem(word: &str) -> String {
    STEMMER.stem(word).into_owned()
}

/// Jaccard similarity of two texts' sets of stemmed words (stop words included), in 0..=1.
/// Near-duplicate sentences across outlets score above 0.6; reworded ones well below.
pub fn overlap(a: &str, b: &str) -> f64 {
    jaccard(&stem_set(a), &stem_set(b))
}

/// The set of stemmed words of a text (stop words included), for [`jaccard`].
pub fn stem_set(text: &str) -> BTreeSet<String> {
    stems(text).into_iter().collect()
}

/// Jaccard similarity of two sets, in 0..=1 (0 when either is empty).
pub fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count() as f64;
    inter / ((a.len() + b.len()) as f64 - inter)
}

/// Each sentence's stemmed-word set as sorted ids, for fast [`jaccard`].
pub fn intern(sets: Vec<BTreeSet<String>>) -> Vec<Vec<u32>> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    sets.into_iter()
        .map(|set| {
            let mut v: Vec<u32> = set
                .into_iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect();
            v.sort_unstable();
            v
        })
        .collect()
}

/// Jaccard similarity of two sorted id sets: the same value as [`jaccard`] on the
/// words they stand for.
pub fn jaccard_ids(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = shared_ids(a, b) as f64;
    inter / ((a.len() + b.len()) as f64 - inter)
}

/// The ids of a duplicate-free `set` of which any set with [`jaccard_ids`] >= `threshold`
/// against it must share one (prefix filtering, Bayardo et al. 2007): its
/// `|set| - floor(threshold |set|) + 1` rarest by `df`, ties by id. Indexing each set under
/// its prefix finds every such pair by looking up prefixes only.
pub fn jaccard_prefix(set: &[u32], df: impl Fn(u32) -> usize, threshold: f64) -> Vec<u32> {
    let mut prefix = set.to_vec();
    // Ids are distinct, so the order is total and the sort need not be stable.
    prefix.sort_unstable_by_key(|&s| (df(s), s));
    prefix.truncate(prefix.len() - (threshold * prefix.len() as f64).floor() as usize + 1);
    prefix
}

/// Number of values two ascending, duplicate-free id lists share.
pub fn shared_ids(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_stemmed_folded_and_filtered() {
        assert_eq!(
            terms("Erdoğan said the talks were continuing in 2016."),
            ["erdogan", "talk", "continu"]
        );
    }

    #[test]
    fn overlap_is_jaccard() {
        assert_eq!(overlap("the talks failed", "the talks failed"), 1.0);
        assert!((overlap("a b c d", "a b c e") - 0.6).abs() < 1e-9);
        assert_eq!(overlap("", "x"), 0.0);
    }

    #[test]
    fn id_jaccard_is_word_jaccard() {
        let sets = vec![
            stem_set("The talks failed in Geneva."),
            stem_set("Talks in Geneva failed again on Friday."),
        ];
        let ids = intern(sets.clone());
        assert_eq!(jaccard_ids(&ids[0], &ids[1]), jaccard(&sets[0], &sets[1]));
        let mut cache = StemCache::default();
        let text = "Erdoğan said the talks were continuing in 2016.";
        assert_eq!(cache.terms(text), terms(text));
        assert_eq!(cache.terms(text), terms(text));
    }

    #[test]
    fn words_keep_numbers() {
        assert_eq!(words("About 400,000 lives."), ["about", "400,000", "lives"]);
    }
}
