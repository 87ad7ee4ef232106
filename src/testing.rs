//! Helpers shared by unit tests.

/// `count` random texts, each `parts` pieces drawn from `pieces` (a fixed linear
/// congruential sequence from `seed`, so every run draws the same texts).
pub(crate) fn random_texts(pieces: &[&str], parts: usize, count: usize, seed: u64) -> Vec<String> {
    let mut seed = seed;
    (0..count)
        .map(|_| {
            let mut text = String::new();
            for _ in 0..parts {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            text
        })
        .collect()
}
