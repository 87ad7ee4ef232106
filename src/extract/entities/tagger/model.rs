//! The model: per-feature tag weights and tag-to-tag transition weights of a linear-chain
//! averaged perceptron, decoded with Viterbi.
//!
//! File format (little-endian): `BRNER1\0\0`, `u32` feature count `n`, `f32` scale, then
//! `(TAGS + 1) x TAGS` `i16` transition weights (the first row is the sentence start), `n`
//! sorted `u32` feature keys, and `n x TAGS` `i16` weights. A weight is `i16 * scale`. The
//! keys are searched in place (binary search), so loading costs nothing but a header check.

/// Tags in BIO form: `O`, then `B-` and `I-` of PER, ORG, LOC, MISC.
pub const TAG_NAMES: [&str; TAGS] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
/// Number of tags.
pub const TAGS: usize = 9;
const MAGIC: &[u8; 8] = b"BRNER1\0\0";
const HEADER: usize = 16;

/// Whether tag `to` may follow tag `from` (`None`: sentence start): `I-X` only after `B-X`
/// or `I-X`.
pub fn allowed(from: Option<usize>, to: usize) -> bool {
    if to == 0 || to % 2 == 1 {
        return true;
    }
    from.is_some_and(|f| f != 0 && f.div_ceil(2) == to / 2)
}

/// A model read from bytes (borrowed: the embedded model is never copied).
#[derive(Debug, Clone, Copy)]
pub struct Model<'a> {
    scale: f32,
    trans: &'a [u8],
    keys: &'a [u8],
    weights: &'a [u8],
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[i..i + 4]);
    u32::from_le_bytes(a)
}

fn i16_at(b: &[u8], i: usize) -> i16 {
    i16::from_le_bytes([b[i], b[i + 1]])
}

impl<'a> Model<'a> {
    /// Parse a model; `None` when the bytes are not a model of this format.
    pub fn parse(bytes: &'a [u8]) -> Option<Model<'a>> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return None;
        }
        let n = u32_at(bytes, 8) as usize;
        let scale = f32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]);
        let trans_len = (TAGS + 1) * TAGS * 2;
        let keys_at = HEADER + trans_len;
        let weights_at = keys_at + n * 4;
        if bytes.len() != weights_at + n * TAGS * 2 {
            return None;
        }
        Some(Model {
            scale,
            trans: &bytes[HEADER..keys_at],
            keys: &bytes[keys_at..weights_at],
            weights: &bytes[weights_at..],
        })
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.keys.len() / 4
    }

    /// Whether the model has no features.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Index of a feature key.
    fn find(&self, key: u32) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match u32_at(self.keys, mid * 4).cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// Weight of the transition `from` (`None`: sentence start) -> `to`.
    fn transition(&self, from: Option<usize>, to: usize) -> f32 {
        let row = from.map_or(0, |f| f + 1);
        f32::from(i16_at(self.trans, (row * TAGS + to) * 2)) * self.scale
    }

    /// Tag scores of each word of a sentence from its feature keys.
    pub fn emissions(&self, feats: &[Vec<u32>]) -> Vec<[f32; TAGS]> {
        feats.iter().map(|f| self.emission(f)).collect()
    }

    /// The best tag sequence for a sentence's word scores (from [`Model::emissions`]).
    pub fn best_path(&self, em: &[[f32; TAGS]]) -> Vec<usize> {
        viterbi(em, |from, to| self.transition(from, to))
    }

    /// Tag scores of one word from its feature keys.
    fn emission(&self, feats: &[u32]) -> [f32; TAGS] {
        let mut s = [0.0f32; TAGS];
        for &k in feats {
            if let Some(i) = self.find(k) {
                for (t, v) in s.iter_mut().enumerate() {
                    *v += f32::from(i16_at(self.weights, (i * TAGS + t) * 2));
                }
            }
        }
        s.map(|v| v * self.scale)
    }

    /// The best tag sequence for a sentence's features.
    pub fn decode(&self, feats: &[Vec<u32>]) -> Vec<usize> {
        let em: Vec<[f32; TAGS]> = feats.iter().map(|f| self.emission(f)).collect();
        viterbi(&em, |from, to| self.transition(from, to))
    }
}

/// Viterbi over emission scores and a transition function; disallowed transitions never win.
/// Ties go to the lower tag index, so the result is deterministic.
#[allow(clippy::needless_range_loop)] // tag indices are the subject of the loops
pub fn viterbi(em: &[[f32; TAGS]], trans: impl Fn(Option<usize>, usize) -> f32) -> Vec<usize> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![[f32::NEG_INFINITY; TAGS]; n];
    let mut back = vec![[0usize; TAGS]; n];
    for t in 0..TAGS {
        if allowed(None, t) {
            score[0][t] = em[0][t] + trans(None, t);
        }
    }
    for i in 1..n {
        for t in 0..TAGS {
            for p in 0..TAGS {
                if !allowed(Some(p), t) || score[i - 1][p] == f32::NEG_INFINITY {
                    continue;
                }
                let s = score[i - 1][p] + trans(Some(p), t) + em[i][t];
                if s > score[i][t] {
                    score[i][t] = s;
                    back[i][t] = p;
                }
            }
        }
    }
    let mut best = 0;
    for t in 1..TAGS {
        if score[n - 1][t] > score[n - 1][best] {
            best = t;
        }
    }
    let mut out = vec![0; n];
    out[n - 1] = best;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i]];
    }
    out
}

/// Serialise a model: `trans` is `(TAGS + 1) x TAGS`, `feats` (key, weights) pairs sorted by
/// key; weights are quantised to `i16` with one scale.
pub fn write_model(trans: &[[f32; TAGS]], feats: &[(u32, [f32; TAGS])]) -> Vec<u8> {
    let max = trans
        .iter()
        .flatten()
        .chain(feats.iter().flat_map(|(_, w)| w))
        .fold(0.0f32, |m, v| m.max(v.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let q = |v: f32| ((v / scale).round() as i32).clamp(-32767, 32767) as i16;
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    for row in trans {
        for &v in row {
            out.extend_from_slice(&q(v).to_le_bytes());
        }
    }
    for (k, _) in feats {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for (_, w) in feats {
        for &v in w {
            out.extend_from_slice(&q(v).to_le_bytes());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_decode() {
        let mut trans = vec![[0.0f32; TAGS]; TAGS + 1];
        trans[0][0] = 0.5;
        let feats = vec![
            (7u32, [0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
            (9, {
                let mut w = [0.0; TAGS];
                w[2] = 3.0;
                w
            }),
        ];
        let bytes = write_model(&trans, &feats);
        let m = Model::parse(&bytes).expect("valid model");
        assert_eq!(m.len(), 2);
        // Word 1 votes B-PER, word 2 I-PER, word 3 nothing (O).
        assert_eq!(m.decode(&[vec![7], vec![9], vec![1]]), vec![1, 2, 0]);
        // I-PER cannot open a sentence.
        assert_eq!(m.decode(&[vec![9]]), vec![0]);
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_none());
    }

    #[test]
    fn transitions_follow_bio() {
        assert!(allowed(None, 1) && !allowed(None, 2));
        assert!(allowed(Some(1), 2) && allowed(Some(2), 2) && !allowed(Some(3), 2));
        assert!(allowed(Some(0), 0) && !allowed(Some(0), 8));
    }
}
