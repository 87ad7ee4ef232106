//! Helpers shared by unit tests.

/// `count` random texts, each `parts` pieces drawn from `pieces` (a fixed linear
/// congruential sequence from `seed`, so every run draws the same texts).
pub(crate) fn random_texts(pieces: &[&str], parts: usize, count: usize, seed: u64) -> Vec<String> {
    let mut lcg = Lcg(seed);
    (0..count)
        .map(|_| {
            let mut text = String::new();
            for _ in 0..parts {
                text.push_str(pieces[lcg.below(pieces.len() as u64) as usize]);
            }
            text
        })
        .collect()
}

/// A fixed linear congruential sequence (Knuth's MMIX constants), for tests that draw
/// random problems: every run draws the same ones.
pub(crate) struct Lcg(pub(crate) u64);

impl Lcg {
    /// The next number below `m` (from the state's high bits).
    pub(crate) fn below(&mut self, m: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % m
    }
}
