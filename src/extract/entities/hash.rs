//! A fast, fixed hash for the short string keys of entity detection (gazetteer names, word
//! lists, the word vocabulary). The standard SipHash resists flooding attacks this data does
//! not need to fear and costs several times more per short key. Fixed seeds also keep the
//! maps identical from run to run (nothing iterates them into output anyway). The hash is
//! `rustc-hash`'s.

/// A `HashMap` with the Fx hash of `rustc-hash`.
pub(crate) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// A `HashSet` with the Fx hash of `rustc-hash`.
pub(crate) type FastSet<K> = rustc_hash::FxHashSet<K>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_find_what_they_hold() {
        let mut m: FastMap<String, usize> = FastMap::default();
        for (i, w) in ["", "a", "ab", "abcdefgh", "abcdefghi", "united states"]
            .iter()
            .enumerate()
        {
            m.insert(w.to_string(), i);
        }
        assert_eq!(m.get("abcdefghi"), Some(&4));
        assert_eq!(m.get(""), Some(&0));
        assert_eq!(m.get("abcdefg"), None);
    }
}
