//! The model: per-feature tag weights and tag-to-tag transition weights of a linear-chain
//! averaged perceptron, decoded with Viterbi.
//!
//! File format (little-endian): `BRNER1\0\0`, `u32` feature count `n`, `f32` scale, then
//! `(TAGS + 1) x TAGS` `i16` transition weights (the first row is the sentence start), `n`
//! sorted `u32` feature keys, and `n x TAGS` `i16` weights. A weight is `i16 * scale`. The
//! keys and weights are read in place; loading builds one small index: the keys are hashes,
//! spread evenly over the `u32` range, so their top bits cut the sorted keys into buckets of
//! one or two, and a lookup reads the bucket's start and a key or two (a binary search
//! over 44,000 keys took 16 scattered reads).

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
#[derive(Debug, Clone)]
pub struct Model<'a> {
    scale: f32,
    trans: &'a [u8],
    keys: &'a [u8],
    weights: &'a [u8],
    /// Bits of a key above `shift` pick its bucket.
    shift: u32,
    /// `starts[b]..starts[b + 1]`: the indices of the keys in bucket `b` (keys are sorted,
    /// so a bucket is a run of them).
    starts: Vec<u32>,
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
        let keys = &bytes[keys_at..weights_at];
        // About one key per bucket: 2^15 buckets for the 44,000 keys of the embedded model.
        let bits = (usize::BITS - n.leading_zeros())
            .saturating_sub(1)
            .clamp(1, 24);
        let shift = 32 - bits;
        let mut starts = Vec::with_capacity((1 << bits) + 1);
        for i in 0..n {
            let bucket = (u32_at(keys, i * 4) >> shift) as usize;
            while starts.len() <= bucket {
                starts.push(i as u32);
            }
        }
        starts.resize((1 << bits) + 1, n as u32);
        Some(Model {
            scale,
            trans: &bytes[HEADER..keys_at],
            keys,
            weights: &bytes[weights_at..],
            shift,
            starts,
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

    /// Index of a feature key: a scan of its bucket (keys are sorted and distinct).
    fn find(&self, key: u32) -> Option<usize> {
        let bucket = (key >> self.shift) as usize;
        let from = *self.starts.get(bucket)? as usize;
        let to = *self.starts.get(bucket + 1)? as usize;
        (from..to).find(|&i| u32_at(self.keys, i * 4) == key)
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

    /// Tag scores of one word from its feature keys. The quantised weights are summed as
    /// integers: exactly what summing them as `f32` in any order gives, since every partial
    /// sum (fewer than 512 features of at most 32,767) is an integer below 2^24.
    fn emission(&self, feats: &[u32]) -> [f32; TAGS] {
        let mut s = [0i32; TAGS];
        for &k in feats {
            if let Some(i) = self.find(k) {
                let w = &self.weights[i * TAGS * 2..(i + 1) * TAGS * 2];
                for (t, v) in s.iter_mut().enumerate() {
                    *v += i32::from(i16_at(w, t * 2));
                }
            }
        }
        s.map(|v| v as f32 * self.scale)
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
    fn bucket_lookup_finds_every_key_and_only_those() {
        let mut seed = 1u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 32) as u32
        };
        for n in [1usize, 2, 3, 100, 5000] {
            let mut keys: Vec<u32> = (0..n).map(|_| next()).chain([0, u32::MAX]).collect();
            keys.sort_unstable();
            keys.dedup();
            let feats: Vec<(u32, [f32; TAGS])> = keys.iter().map(|&k| (k, [1.0; TAGS])).collect();
            let bytes = write_model(&[[0.0; TAGS]; TAGS + 1], &feats);
            let m = Model::parse(&bytes).expect("valid model");
            for (i, &k) in keys.iter().enumerate() {
                assert_eq!(m.find(k), Some(i));
            }
            for _ in 0..1000 {
                let k = next();
                assert_eq!(m.find(k), keys.binary_search(&k).ok());
            }
        }
    }

    #[test]
    fn transitions_follow_bio() {
        assert!(allowed(None, 1) && !allowed(None, 2));
        assert!(allowed(Some(1), 2) && allowed(Some(2), 2) && !allowed(Some(3), 2));
        assert!(allowed(Some(0), 0) && !allowed(Some(0), 8));
    }
}
