//! Features of one word in its sentence, hashed to 32-bit keys: the word and its neighbours
//! (lowercased), word shape, prefixes and suffixes, punctuation around it, whether the
//! sentence is in capitals, and gazetteer matches (the entity lists of
//! `src/extract/gazetteer/`, GeoNames places, US Census given names and surnames, roles).
//!
//! The same function builds the features for training and for tagging, so a model and the
//! code that reads it can never disagree; the keys are xxh3 hashes, the same on every platform.

use std::ops::Range;
use xxhash_rust::xxh3::xxh3_64;

use super::super::gazetteer::{Entry, GAZETTEER, norm_into};

/// One word of a sentence, as the tagger sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte range in the analysed text.
    pub span: Range<usize>,
    /// Punctuation and blanks between the previous word (or the sentence start) and this one.
    pub gap: &'a str,
    /// Followed by a possessive 's.
    pub possessive: bool,
}

/// What the rules of entity detection said about a word: a feature for the model, which
/// learns when to trust them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hint {
    /// 0: no mention; 1 person, 2 organisation, 3 place, 4 group.
    pub kind: u8,
    /// First word of the mention.
    pub begin: bool,
    /// The kind is only a default.
    pub guessed: bool,
    /// The whole mention is a gazetteer name.
    pub known: bool,
}

const PLACES: &str = include_str!("../../gazetteer/tagger_places.txt");
const SURNAMES: &str = include_str!("../../gazetteer/tagger_surnames.txt");
const GIVEN: &str = include_str!("../../gazetteer/tagger_given.txt");

/// Whether `key` is a line of `list` (sorted lines, as `tools/tagger/make_lists.py` writes
/// them): a binary search over the embedded text itself, so nothing is built at load time.
fn listed(list: &str, key: &str) -> bool {
    let b = list.as_bytes();
    let (mut lo, mut hi) = (0, b.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        // The line holding byte `mid`.
        let start = b[..mid]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |p| p + 1);
        let end = b[mid..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |p| mid + p);
        match list[start..end].cmp(key) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Longest multi-word place name considered, in words.
const PLACES_LONGEST: usize = 4;

/// Feature keys of one word, hashed from a reused buffer.
struct Keys {
    buf: Vec<u8>,
    out: Vec<u32>,
}

impl Keys {
    /// Add the feature `template` with the value `parts` joined by `|`.
    fn add(&mut self, template: &str, parts: &[&str]) {
        self.buf.clear();
        self.buf.extend_from_slice(template.as_bytes());
        self.buf.push(0x1f);
        for (k, p) in parts.iter().enumerate() {
            if k > 0 {
                self.buf.push(b'|');
            }
            self.buf.extend_from_slice(p.as_bytes());
        }
        // The low 32 bits of a 64-bit hash: collisions among the model's keys are rare.
        self.out.push(xxh3_64(&self.buf) as u32);
    }
}

/// Hash one feature: its template name and value.
#[cfg(test)]
fn key(template: &str, value: &str) -> u32 {
    let mut k = Keys {
        buf: Vec::new(),
        out: Vec::new(),
    };
    k.add(template, &[value]);
    k.out[0]
}

/// Word shape: X for capitals, x for small letters, d for digits, others kept; runs of more
/// than `max_run` of a class are cut.
fn shape(w: &str, max_run: usize) -> String {
    let mut out = String::new();
    let mut last = ' ';
    let mut run = 0;
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        run = if s == last { run + 1 } else { 1 };
        last = s;
        if run <= max_run {
            out.push(s);
        }
    }
    out
}

/// Gazetteer labels of each word: "B-"/"I-" + class, for the longest match starting at a
/// word that does not start in lower case.
fn gazetteer_labels(norms: &[String], words: &[Word]) -> Vec<Vec<String>> {
    let g = &*GAZETTEER;
    let mut out = vec![Vec::new(); words.len()];
    let starts_lower = |i: usize| words[i].text.starts_with(char::is_lowercase);
    let mark = |out: &mut Vec<Vec<String>>, from: usize, len: usize, class: &str| {
        for (k, labels) in out[from..from + len].iter_mut().enumerate() {
            labels.push(format!("{}{class}", if k == 0 { "B-" } else { "I-" }));
        }
    };
    let mut joined = String::new();
    for i in 0..words.len() {
        if starts_lower(i) {
            continue;
        }
        let longest = g.longest.max(PLACES_LONGEST).min(words.len() - i);
        let mut gaz_done = false;
        let mut geo_done = false;
        for len in (1..=longest).rev() {
            joined.clear();
            for (k, n) in norms[i..i + len].iter().enumerate() {
                if k > 0 {
                    joined.push(' ');
                }
                joined.push_str(n);
            }
            if !gaz_done && let Some(e) = g.names.get(joined.as_str()) {
                let class = match e {
                    Entry::State(_) => "state",
                    Entry::Capital { .. } => "capital",
                    Entry::Place(_) => "place",
                    Entry::Org { .. } => "org",
                    Entry::Group(_) => "group",
                    Entry::Adjective(_) => "adj",
                };
                mark(&mut out, i, len, class);
                gaz_done = true;
            }
            if !geo_done && len <= PLACES_LONGEST && listed(PLACES, &joined) {
                mark(&mut out, i, len, "geo");
                geo_done = true;
            }
        }
        let r = g.role_at(&norms[i..]);
        if r > 0 {
            mark(&mut out, i, r, "role");
        }
        let n = norms[i].as_str();
        if g.first_names.contains(n) || listed(GIVEN, n) {
            out[i].push("first".into());
        }
        if listed(SURNAMES, n) {
            out[i].push("sur".into());
        }
        if g.org_words.contains(n) {
            out[i].push("orgword".into());
        }
        if g.place_words.contains(n) {
            out[i].push("placeword".into());
        }
        if g.non_actors.contains(n) {
            out[i].push("nonactor".into());
        }
    }
    out
}

/// Whether every word with letters is in capitals (a wire headline).
pub(crate) fn shouting(words: &[Word]) -> bool {
    let mut letters = 0;
    for w in words {
        if w.text.chars().any(char::is_lowercase) {
            return false;
        }
        letters += usize::from(w.text.chars().any(char::is_alphabetic));
    }
    letters >= 2
}

/// Feature keys of every word of a sentence, in word order, with the rules' `hints` (one per
/// word, or none). Deterministic: a function of the words and hints alone.
pub fn sentence_features(words: &[Word], hints: &[Hint]) -> Vec<Vec<u32>> {
    sentence_features_where(words, hints, &|_| true)
}

/// [`sentence_features`] for the words `wanted` accepts (the others get none).
pub(crate) fn sentence_features_where(
    words: &[Word],
    hints: &[Hint],
    wanted: &dyn Fn(usize) -> bool,
) -> Vec<Vec<u32>> {
    let lower: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    let norms: Vec<String> = words
        .iter()
        .map(|w| {
            let mut s = String::new();
            norm_into(w.text, &mut s);
            s
        })
        .collect();
    let short: Vec<String> = words.iter().map(|w| shape(w.text, 1)).collect();
    let gaz = gazetteer_labels(&norms, words);
    let caps = shouting(words);
    let n = words.len();
    let kind_at = |i: usize, d: isize| -> &str {
        const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        let k = i
            .checked_add_signed(d)
            .and_then(|j| hints.get(j))
            .map_or(9, |h| usize::from(h.kind).min(9));
        DIGITS[k]
    };
    let mut keys = Keys {
        buf: Vec::with_capacity(64),
        out: Vec::new(),
    };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        if !wanted(i) {
            out.push(Vec::new());
            continue;
        }
        let w = &words[i];
        let k = &mut keys;
        k.out = Vec::with_capacity(64);
        k.add("b", &[""]);
        k.add("w", &[&lower[i]]);
        k.add("w-1", &[at(&lower, i, -1)]);
        k.add("w+1", &[at(&lower, i, 1)]);
        k.add("w-2", &[at(&lower, i, -2)]);
        k.add("w+2", &[at(&lower, i, 2)]);
        k.add("w-1w", &[at(&lower, i, -1), &lower[i]]);
        k.add("ww+1", &[&lower[i], at(&lower, i, 1)]);
        k.add("s", &[&shape(w.text, 4)]);
        k.add("ss", &[&short[i]]);
        k.add("ss-1", &[at(&short, i, -1)]);
        k.add("ss+1", &[at(&short, i, 1)]);
        k.add("ss3", &[at(&short, i, -1), &short[i], at(&short, i, 1)]);
        let l = &lower[i];
        let bounds: Vec<usize> = l
            .char_indices()
            .map(|(b, _)| b)
            .skip(1)
            .chain([l.len()])
            .collect();
        for kk in 1..=4.min(bounds.len()) {
            k.add("p", &[&l[..bounds[kk - 1]]]);
            let from = if kk == bounds.len() {
                0
            } else {
                bounds[bounds.len() - 1 - kk]
            };
            k.add("x", &[&l[from..]]);
        }
        let first = i == 0 || w.gap.contains(['“', '"', '‘', '(', '[', ':', '—', '–']);
        k.add("first", &[if first { "true" } else { "false" }, &short[i]]);
        k.add("gap", &[gap_class(w.gap)]);
        k.add(
            "gap+1",
            &[words.get(i + 1).map_or("</s>", |n| gap_class(n.gap))],
        );
        k.add("poss", &[if w.possessive { "1" } else { "0" }]);
        if w.text.len() <= 2 {
            k.add("short", &[&short[i]]);
        }
        if caps {
            k.add("caps", &[""]);
            k.add("capsw", &[&lower[i]]);
        }
        for label in &gaz[i] {
            k.add("g", &[label]);
            k.add("gs", &[label, &short[i]]);
            if caps {
                k.add("gcaps", &[label]);
            }
        }
        for label in i.checked_sub(1).map_or(&[][..], |p| &gaz[p][..]) {
            k.add("g-1", &[label]);
        }
        for label in gaz.get(i + 1).map_or(&[][..], |v| &v[..]) {
            k.add("g+1", &[label]);
        }
        if let Some(h) = hints.get(i) {
            let bio = if h.kind == 0 {
                "O"
            } else if h.begin {
                "B"
            } else {
                "I"
            };
            let r = format!(
                "{bio}{}{}{}",
                h.kind,
                u8::from(h.guessed),
                u8::from(h.known)
            );
            k.add("r", &[&r]);
            k.add("rs", &[&r, &short[i]]);
            k.add("rw", &[&r, &lower[i]]);
            if caps {
                k.add("rcaps", &[&r]);
            }
            k.add("r-1", &[kind_at(i, -1)]);
            k.add("r+1", &[kind_at(i, 1)]);
        }
        out.push(std::mem::take(&mut k.out));
    }
    out
}

/// The entry of `v` at `i + d`: `<s>` before the start, `</s>` after the end.
fn at(v: &[String], i: usize, d: isize) -> &str {
    match i.checked_add_signed(d) {
        None => "<s>",
        Some(j) => v.get(j).map_or("</s>", String::as_str),
    }
}

/// A coarse class of the punctuation before a word.
fn gap_class(gap: &str) -> &'static str {
    let t = gap.trim();
    match t {
        "" => "sp",
        "," => ",",
        "(" => "(",
        ")" => ")",
        "-" | "--" | "—" | "–" => "-",
        ":" => ":",
        "." => ".",
        _ if t.contains(['"', '“', '”', '\'', '‘', '’']) => "q",
        _ => "p",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Word<'_>> {
        let mut out = Vec::new();
        let mut last = 0;
        let mut pos = 0;
        for w in text.split(' ') {
            out.push(Word {
                text: w,
                span: pos..pos + w.len(),
                gap: &text[last..pos],
                possessive: false,
            });
            pos += w.len() + 1;
            last = pos - 1;
        }
        out
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("McDonald", 1), "XxXx");
        assert_eq!(shape("U.S.", 4), "X.X.");
        assert_eq!(shape("1996-08-30", 4), "dddd-dd-dd");
        assert_eq!(shape("Washington", 4), "Xxxxx");
    }

    #[test]
    fn features_are_deterministic_and_contextual() {
        let s = "Angela Merkel met officials in Paris";
        let a = sentence_features(&words(s), &[]);
        let b = sentence_features(&words(s), &[]);
        assert_eq!(a, b);
        assert_eq!(a.len(), 6);
        // The same word in another context shares its word features, not all of them.
        let c = sentence_features(&words("Paris is calm"), &[]);
        assert!(c[0].contains(&key("w", "paris")) && a[5].contains(&key("w", "paris")));
        assert_ne!(c[0], a[5]);
        // Gazetteer matches: Paris is a GeoNames place.
        assert!(a[5].contains(&key("g", "B-geo")), "{:?}", a[5]);
    }

    #[test]
    fn capitals_lines_are_marked() {
        assert!(shouting(&words("LEICESTERSHIRE TAKE OVER AT TOP")));
        assert!(!shouting(&words("Leicestershire take over")));
    }
}
