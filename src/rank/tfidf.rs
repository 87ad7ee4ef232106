//! Sparse tf-idf vectors over stemmed content words.

use rayon::prelude::*;

use super::lexicon::Lexicon;
use crate::text::Corpus;

/// A sparse, L2-normalised vector: (term id, weight), sorted by term id.
pub type SparseVec = Vec<(u32, f64)>;

/// One L2-normalised tf-idf vector per sentence. The idf is computed over sentences
/// (each sentence is a "document" for LexRank, as in the original paper).
pub fn vectors(corpus: &Corpus) -> Vec<SparseVec> {
    vectors_of(&Lexicon::new(corpus))
}

/// [`vectors`] of an already tokenised corpus. Term ids number the terms in order of first
/// occurrence, and each vector's norm is summed in term id order.
pub fn vectors_of(lex: &Lexicon) -> Vec<SparseVec> {
    // Each sentence's term frequencies, sorted by term id.
    let counts: Vec<Vec<(u32, u32)>> = (0..lex.len())
        .into_par_iter()
        .map_init(Vec::new, |sorted: &mut Vec<u32>, i| {
            sorted.clear();
            sorted.extend(lex.terms(i));
            sorted.sort_unstable();
            let mut tf: Vec<(u32, u32)> = Vec::with_capacity(sorted.len());
            for &id in sorted.iter() {
                match tf.last_mut() {
                    Some((last, f)) if *last == id => *f += 1,
                    _ => tf.push((id, 1)),
                }
            }
            tf
        })
        .collect();
    let mut df = vec![0u32; lex.term_count()];
    for tf in &counts {
        for &(id, _) in tf {
            df[id as usize] += 1;
        }
    }
    let n = lex.len().max(1) as f64;
    let idf: Vec<f64> = df.iter().map(|&d| 1.0 + (n / f64::from(d)).ln()).collect();
    counts
        .into_par_iter()
        .map(|tf| {
            let mut v: SparseVec = tf
                .into_iter()
                .map(|(id, f)| (id, f64::from(f) * idf[id as usize]))
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
