//! Sparse tf-idf vectors over stemmed content words.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::text::{Corpus, tokens};

/// A sparse, L2-normalised vector: (term id, weight), sorted by term id.
pub type SparseVec = Vec<(u32, f64)>;

/// Term ids and inverse document frequencies for a corpus.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    fn id(&mut self, term: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(term.to_string()).or_insert(next)
    }
}

/// One L2-normalised tf-idf vector per sentence. The idf is computed over sentences
/// (each sentence is a "document" for LexRank, as in the original paper).
pub fn vectors(corpus: &Corpus) -> Vec<SparseVec> {
    // Tokenising is the costly part and independent per sentence: do it in parallel, then
    // number the terms in sentence order, as a sequential pass would.
    let terms: Vec<Vec<String>> = corpus
        .sentences
        .par_iter()
        .map_init(tokens::StemCache::default, |cache, s| {
            cache.terms(corpus.text(s))
        })
        .collect();
    let mut vocab = Vocabulary::default();
    let term_ids: Vec<Vec<u32>> = terms
        .iter()
        .map(|ts| ts.iter().map(|t| vocab.id(t)).collect())
        .collect();
    drop(terms);
    let mut df = vec![0u32; vocab.ids.len()];
    for ids in &term_ids {
        let mut uniq = ids.clone();
        uniq.sort_unstable();
        uniq.dedup();
        for id in uniq {
            df[id as usize] += 1;
        }
    }
    let n = term_ids.len().max(1) as f64;
    term_ids
        .par_iter()
        .map(|ids| {
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            let mut tf: Vec<(u32, f64)> = Vec::with_capacity(sorted.len());
            for id in sorted {
                match tf.last_mut() {
                    Some((last, f)) if *last == id => *f += 1.0,
                    _ => tf.push((id, 1.0)),
                }
            }
            let mut v: SparseVec = tf
                .into_iter()
                .map(|(id, f)| (id, f * (1.0 + (n / f64::from(df[id as usize])).ln())))
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect()
}

/// Cosine of two L2-normalised sparse vectors.
pub fn cosine(a: &SparseVec, b: &SparseVec) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain;

    #[test]
    fn identical_sentences_have_cosine_one_and_disjoint_zero() {
        let doc = from_plain(
            0,
            "A",
            "Kerry met Lavrov in Geneva.\nKerry met Lavrov in Geneva.\nRain fell on Paris.",
        );
        let corpus = Corpus::new(vec![doc]);
        let v = vectors(&corpus);
        assert!((cosine(&v[0], &v[1]) - 1.0).abs() < 1e-9);
        assert_eq!(cosine(&v[0], &v[2]), 0.0);
    }
}
