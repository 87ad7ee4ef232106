//! Features of one word in its sentence, hashed to 32-bit keys: the word and its neighbours
//! (lowercased), word shape, prefixes and suffixes, punctuation around it, whether the
//! sentence is in capitals, gazetteer matches (the entity lists of
//! `src/extract/gazetteer/`, GeoNames places, US Census given names and surnames, roles),
//! and word clusters (`tagger_clusters.txt`: bit-string prefixes of the word's and its
//! neighbours' clusters, alone and with the rules' reading).
//!
//! The same function builds the features for training and for tagging, so a model and the
//! code that reads it can never disagree; the keys are xxh3 hashes, the same on every platform.

use std::fmt::Write;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

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
const CLUSTERS: &str = include_str!("../../gazetteer/tagger_clusters.txt");
const COMMON: &str = include_str!("../../gazetteer/tagger_common.txt");
const SMALL_PLACES: &str = include_str!("../../gazetteer/small_places.txt");

/// Prefix lengths of a word's cluster bit string used as features (Ratinov & Roth 2009).
const CLUSTER_PREFIXES: [usize; 4] = [4, 6, 10, 16];

/// A sorted list of lines embedded as text (as `tools/tagger/make_lists.py` writes them),
/// with where each line starts, so a lookup is a binary search over lines that compares
/// whole lines.
struct Lines {
    text: &'static str,
    /// Start of each line, then one past the end of the text ([`line_starts`]).
    starts: &'static [u32],
}

/// How many entries [`line_starts`] gives for `text`: one per line, plus the end mark.
const fn starts_len(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 1;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            n += 1;
        }
        i += 1;
    }
    if b.is_empty() || b[b.len() - 1] != b'\n' {
        n += 1;
    }
    n
}

/// Where each line of `text` starts, then the end mark: a final newline ends the last line
/// (its start is the end mark); without one, the end mark is one past the text. Worked out
/// when the program is compiled (it was a pass over the 1 MB of lists in every process, 5 M
/// instructions, about 2% of a 10-article brief).
const fn line_starts<const N: usize>(text: &str) -> [u32; N] {
    let b = text.as_bytes();
    let mut out = [0u32; N];
    let mut k = 1;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            out[k] = i as u32 + 1;
            k += 1;
        }
        i += 1;
    }
    if k < N {
        out[k] = b.len() as u32 + 1;
    }
    out
}

/// A [`Lines`] over an embedded list, its line starts worked out at compile time.
macro_rules! lines {
    ($text:expr) => {{
        static STARTS: [u32; starts_len($text)] = line_starts($text);
        Lines {
            text: $text,
            starts: &STARTS,
        }
    }};
}

impl Lines {
    /// Line `k` (without its newline).
    fn line(&self, k: usize) -> &'static str {
        let end = (self.starts[k + 1] as usize - 1).min(self.text.len());
        self.text.get(self.starts[k] as usize..end).unwrap_or("")
    }

    /// Index of the first line not below `key`.
    fn lower_bound(&self, key: &str) -> usize {
        let n = self.starts.len() - 1;
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.line(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Whether `key` is a line.
    fn contains(&self, key: &str) -> bool {
        let k = self.lower_bound(key);
        k + 1 < self.starts.len() && self.line(k) == key
    }

    /// The value of the line `key<TAB>value` (lines sorted by key, no key holding a tab).
    fn value(&self, key: &str) -> Option<&'static str> {
        // A line sorts before `key<TAB>` exactly when its key sorts before `key` (a tab is
        // below every character of a key), so the lines are compared with `key<TAB>` byte
        // by byte, without looking for each line's tab.
        let probe = key.as_bytes();
        let below = |line: &[u8]| {
            let n = probe.len().min(line.len());
            match line[..n].cmp(&probe[..n]) {
                std::cmp::Ordering::Equal => line.get(n).is_none_or(|&b| b < b'\t'),
                o => o.is_lt(),
            }
        };
        let n = self.starts.len() - 1;
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if below(self.line(mid).as_bytes()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let line = if lo < n { self.line(lo) } else { "" };
        line.strip_prefix(key)?.strip_prefix('\t')
    }

    /// Whether some line starts with `prefix`.
    fn any_starts_with(&self, prefix: &str) -> bool {
        let k = self.lower_bound(prefix);
        k + 1 < self.starts.len() && self.line(k).starts_with(prefix)
    }
}

static PLACES_LINES: Lines = lines!(PLACES);

/// Whether a lower-case name is a GeoNames place of the tagger's list ("beverly hills").
pub(crate) fn is_listed_place(name: &str) -> bool {
    PLACES_LINES.contains(name)
}
static SMALL_PLACES_LINES: Lines = lines!(SMALL_PLACES);

/// Whether a lower-case name is a smaller GeoNames place, read by the rules only where the
/// text sets it as a place (`small_places.txt`: towns of 1,000+ people in English-speaking
/// countries and US counties, not in the tagger's list: "healdsburg", "cobb").
pub(crate) fn is_small_place(name: &str) -> bool {
    SMALL_PLACES_LINES.contains(name)
}
static COMMON_LINES: Lines = lines!(COMMON);

/// Whether a lower-case word is ordinary vocabulary: unlabelled news text writes it in lower
/// case far more often than capitalised (`tagger_common.txt`: "attendance", "second").
pub(crate) fn is_common_word(lower: &str) -> bool {
    COMMON_LINES.contains(lower)
}
static SURNAMES_LINES: Lines = lines!(SURNAMES);

/// Whether a lower-case word is a given name of the tagger's list (US Census 1990: "steve").
pub(crate) fn is_given_name(lower: &str) -> bool {
    GIVEN_LINES.contains(lower)
}

/// Whether a lower-case word is a surname of the tagger's list (US Census 1990: "jackson").
pub(crate) fn is_surname(lower: &str) -> bool {
    SURNAMES_LINES.contains(lower)
}
static GIVEN_LINES: Lines = lines!(GIVEN);
static CLUSTER_LINES: Lines = lines!(CLUSTERS);

/// Whether the word-cluster features are on (for measurement: a model trained without them
/// is read with them off).
static CLUSTERS_ON: AtomicBool = AtomicBool::new(true);

/// Turn the word-cluster features on or off (for measurement).
#[doc(hidden)]
pub fn set_clusters(on: bool) {
    CLUSTERS_ON.store(on, Ordering::Relaxed);
}

/// The word-cluster bit string of a lowercased word (`tagger_clusters.txt`), or `""`.
pub(crate) fn cluster(lower: &str) -> &'static str {
    CLUSTER_LINES.value(lower).unwrap_or("")
}

/// The first `len` characters of a cluster bit string (all of it when shorter).
fn bits(path: &str, len: usize) -> &str {
    path.get(..len).unwrap_or(path)
}

/// Whether `key` is a line of `list` (sorted lines): a binary search over the embedded text
/// itself. The reference for [`Lines`].
#[cfg(test)]
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
#[cfg(test)]
fn shape(w: &str, max_run: usize) -> String {
    let mut out = String::new();
    shape_into(w, max_run, &mut out);
    out
}

/// The word shape of `w` appended to `out`: X for capitals, x for small letters, d for digits,
/// others kept; runs of more than `max_run` of a class are cut.
fn shape_into(w: &str, max_run: usize, out: &mut String) {
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
}

/// One string per word, all in one buffer (no allocation per word).
struct Column {
    buf: String,
    ends: Vec<usize>,
}

impl Column {
    /// `fill(word, buffer)` appends the word's string to the buffer.
    fn new(words: &[Word], mut fill: impl FnMut(&Word, &mut String)) -> Column {
        let mut c = Column {
            buf: String::with_capacity(words.len() * 8),
            ends: Vec::with_capacity(words.len()),
        };
        for w in words {
            fill(w, &mut c.buf);
            c.ends.push(c.buf.len());
        }
        c
    }

    /// The strings, in word order.
    fn strs(&self) -> Vec<&str> {
        let mut from = 0;
        self.ends
            .iter()
            .map(|&end| {
                let s = &self.buf[from..end];
                from = end;
                s
            })
            .collect()
    }
}

/// `s.to_lowercase()` appended to `out`, without allocating for ASCII.
fn lowercase_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&s.to_lowercase());
    }
}

/// The gazetteer class of an entry, as the labels name it.
fn class_of(e: &Entry) -> &'static str {
    match e {
        Entry::State(_) => "state",
        Entry::Capital { .. } => "capital",
        Entry::Place(_) => "place",
        Entry::Org { .. } => "org",
        Entry::Group(_) => "group",
        Entry::Adjective(_) => "adj",
    }
}

/// A gazetteer class of [`gazetteer_labels`], with its `B-` and `I-` labels.
fn class_labels(class: &str) -> [&'static str; 2] {
    match class {
        "state" => ["B-state", "I-state"],
        "capital" => ["B-capital", "I-capital"],
        "place" => ["B-place", "I-place"],
        "org" => ["B-org", "I-org"],
        "group" => ["B-group", "I-group"],
        "adj" => ["B-adj", "I-adj"],
        "geo" => ["B-geo", "I-geo"],
        _ => ["B-role", "I-role"],
    }
}

/// Gazetteer labels of each word: "B-"/"I-" + class, for the longest match starting at a
/// word that does not start in lower case. Only the labels of the words `needed` marks are
/// complete (the others may miss some): a match that cannot reach a needed word is not
/// looked for.
fn gazetteer_labels(norms: &[&str], words: &[Word], needed: &[bool]) -> Vec<Vec<&'static str>> {
    let g = &*GAZETTEER;
    let mut out: Vec<Vec<&'static str>> = vec![Vec::new(); words.len()];
    let starts_lower = |i: usize| words[i].text.starts_with(char::is_lowercase);
    let mark = |out: &mut Vec<Vec<&'static str>>, from: usize, len: usize, class: &str| {
        let [b, i] = class_labels(class);
        for (k, labels) in out[from..from + len].iter_mut().enumerate() {
            labels.push(if k == 0 { b } else { i });
        }
    };
    // The first needed word at or after each position.
    let mut next_needed = vec![usize::MAX; words.len() + 1];
    for i in (0..words.len()).rev() {
        next_needed[i] = if needed[i] { i } else { next_needed[i + 1] };
    }
    let mut joined = String::new();
    let mut ends: Vec<usize> = Vec::new();
    for i in 0..words.len() {
        if starts_lower(i) {
            continue;
        }
        let longest = g.longest.max(PLACES_LONGEST).min(words.len() - i);
        let role_longest = g.roles.first().map_or(0, Vec::len);
        // Matches starting here mark words i..i + len: only those reaching a needed word
        // count, and a longer match found first would have stopped the shorter ones anyway.
        let Some(shortest) = next_needed[i]
            .checked_sub(i)
            .map(|d| d + 1)
            .filter(|&d| d <= longest.max(role_longest))
        else {
            continue;
        };
        joined.clear();
        ends.clear();
        for (k, n) in norms[i..i + longest].iter().enumerate() {
            if k > 0 {
                joined.push(' ');
            }
            joined.push_str(n);
            ends.push(joined.len());
        }
        // A place name of several words is looked for only as long as some listed name goes
        // on from the words so far ("san" + " "): most first words begin none.
        let mut geo_longest = 1;
        while geo_longest < longest.min(PLACES_LONGEST)
            && PLACES_LINES.any_starts_with(&joined[..ends[geo_longest - 1] + 1])
        {
            geo_longest += 1;
        }
        let mut gaz_done = false;
        let mut geo_done = false;
        for len in (shortest..=longest).rev() {
            if gaz_done && geo_done {
                break;
            }
            let name = &joined[..ends[len - 1]];
            if !gaz_done && let Some(e) = g.names.get(name) {
                mark(&mut out, i, len, class_of(e));
                gaz_done = true;
            }
            if !geo_done && len <= geo_longest && PLACES_LINES.contains(name) {
                mark(&mut out, i, len, "geo");
                geo_done = true;
            }
        }
        let r = g.role_at(&norms[i..]);
        if r > 0 {
            mark(&mut out, i, r, "role");
        }
        if !needed[i] {
            continue;
        }
        let n = norms[i];
        if g.first_names.contains(n) || GIVEN_LINES.contains(n) {
            out[i].push("first");
        }
        if SURNAMES_LINES.contains(n) {
            out[i].push("sur");
        }
        if g.org_words.contains(n) {
            out[i].push("orgword");
        }
        if g.place_words.contains(n) {
            out[i].push("placeword");
        }
        if g.non_actors.contains(n) {
            out[i].push("nonactor");
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
    let n = words.len();
    let want: Vec<bool> = (0..n).map(wanted).collect();
    // Gazetteer labels are read for a wanted word and its neighbours.
    let mut needed = vec![false; n];
    for i in (0..n).filter(|&i| want[i]) {
        needed[i.saturating_sub(1)..(i + 2).min(n)].fill(true);
    }
    if !needed.contains(&true) {
        return vec![Vec::new(); n];
    }
    let lower = Column::new(words, |w, out| lowercase_into(w.text, out));
    let lower = lower.strs();
    let mut scratch = String::new();
    let norms = Column::new(words, |w, out| {
        norm_into(w.text, &mut scratch);
        out.push_str(&scratch);
    });
    let norms = norms.strs();
    let short = Column::new(words, |w, out| shape_into(w.text, 1, out));
    let short = short.strs();
    let gaz = gazetteer_labels(&norms, words, &needed);
    let clusters: Vec<&str> = (0..n)
        .map(|i| {
            if needed[i] && CLUSTERS_ON.load(Ordering::Relaxed) {
                cluster(lower[i])
            } else {
                ""
            }
        })
        .collect();
    let caps = shouting(words);
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
    let mut long_shape = String::new();
    let mut r = String::new();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        if !want[i] {
            out.push(Vec::new());
            continue;
        }
        let w = &words[i];
        let k = &mut keys;
        k.out = Vec::with_capacity(64);
        k.add("b", &[""]);
        k.add("w", &[lower[i]]);
        k.add("w-1", &[at(&lower, i, -1)]);
        k.add("w+1", &[at(&lower, i, 1)]);
        k.add("w-2", &[at(&lower, i, -2)]);
        k.add("w+2", &[at(&lower, i, 2)]);
        k.add("w-1w", &[at(&lower, i, -1), lower[i]]);
        k.add("ww+1", &[lower[i], at(&lower, i, 1)]);
        long_shape.clear();
        shape_into(w.text, 4, &mut long_shape);
        k.add("s", &[&long_shape]);
        k.add("ss", &[short[i]]);
        k.add("ss-1", &[at(&short, i, -1)]);
        k.add("ss+1", &[at(&short, i, 1)]);
        k.add("ss3", &[at(&short, i, -1), short[i], at(&short, i, 1)]);
        // Prefixes and suffixes of one to four characters (an empty word has one of each).
        let l = lower[i];
        let mut heads = l.char_indices().map(|(b, _)| b).skip(1).chain([l.len()]);
        let mut tails = l.char_indices().rev().map(|(b, _)| b);
        for _ in 0..4 {
            let Some(head) = heads.next() else {
                break;
            };
            k.add("p", &[&l[..head]]);
            k.add("x", &[&l[tails.next().unwrap_or(0)..]]);
        }
        let first = i == 0 || w.gap.contains(['“', '"', '‘', '(', '[', ':', '—', '–']);
        k.add("first", &[if first { "true" } else { "false" }, short[i]]);
        k.add("gap", &[gap_class(w.gap)]);
        k.add(
            "gap+1",
            &[words.get(i + 1).map_or("</s>", |n| gap_class(n.gap))],
        );
        k.add("poss", &[if w.possessive { "1" } else { "0" }]);
        if w.text.len() <= 2 {
            k.add("short", &[short[i]]);
        }
        if caps {
            k.add("caps", &[""]);
            k.add("capsw", &[lower[i]]);
        }
        // The cluster bit string of the word `d` places away ("" when none).
        let cluster_at = |d: isize| {
            i.checked_add_signed(d)
                .and_then(|j| clusters.get(j))
                .copied()
                .unwrap_or("")
        };
        let c = clusters[i];
        if !c.is_empty() {
            for len in CLUSTER_PREFIXES {
                k.add("c", &[bits(c, len)]);
            }
        }
        for (t, d) in [("c-1", -1), ("c+1", 1)] {
            let nb = cluster_at(d);
            if !nb.is_empty() {
                k.add(t, &[bits(nb, 6)]);
                k.add(t, &[nb]);
            }
        }
        for label in &gaz[i] {
            k.add("g", &[label]);
            k.add("gs", &[label, short[i]]);
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
            r.clear();
            // Writing to a String cannot fail.
            let _ = write!(
                r,
                "{bio}{}{}{}",
                h.kind,
                u8::from(h.guessed),
                u8::from(h.known)
            );
            k.add("r", &[&r]);
            // The rules' reading with the word's cluster and its neighbours': the model
            // learns which kinds of words the rules mistype.
            if !clusters[i].is_empty() {
                k.add("rc", &[&r, bits(clusters[i], 6)]);
                k.add("rc", &[&r, bits(clusters[i], 10)]);
            }
            for (t, d) in [("rc-1", -1), ("rc+1", 1)] {
                let nb = cluster_at(d);
                if !nb.is_empty() {
                    k.add(t, &[&r, bits(nb, 10)]);
                }
            }
            k.add("rs", &[&r, short[i]]);
            k.add("rw", &[&r, lower[i]]);
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
fn at<'a>(v: &[&'a str], i: usize, d: isize) -> &'a str {
    match i.checked_add_signed(d) {
        None => "<s>",
        Some(j) => v.get(j).copied().unwrap_or("</s>"),
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
    use super::super::super::gazetteer::norm;
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

    /// The line starts the compiler worked out are the ones a pass over the text finds, for
    /// every embedded list and for texts with and without a final newline.
    #[test]
    fn compile_time_line_starts_match_a_scan() {
        fn scan(text: &str) -> Vec<u32> {
            let mut starts = vec![0];
            for (i, b) in text.bytes().enumerate() {
                if b == b'\n' {
                    starts.push(i as u32 + 1);
                }
            }
            if !text.ends_with('\n') {
                starts.push(text.len() as u32 + 1);
            }
            starts
        }
        for (lines, text) in [
            (&PLACES_LINES, PLACES),
            (&COMMON_LINES, COMMON),
            (&SURNAMES_LINES, SURNAMES),
            (&GIVEN_LINES, GIVEN),
            (&CLUSTER_LINES, CLUSTERS),
        ] {
            assert_eq!(lines.starts, scan(text).as_slice());
        }
        const OPEN: &str = "alpha\nbeta";
        const EMPTY: &str = "";
        let open = lines!(OPEN);
        assert_eq!(open.starts, [0, 6, 11]);
        assert_eq!((open.line(0), open.line(1)), ("alpha", "beta"));
        assert!(open.contains("beta") && !open.contains("bet"));
        assert_eq!(lines!(EMPTY).starts, scan(EMPTY).as_slice());
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

    /// The feature function as it was before it was made faster (one `String` per word and
    /// label, every word's gazetteer labels): the keys must not change, or the embedded
    /// model would read other features than it was trained on.
    fn reference(words: &[Word], hints: &[Hint], wanted: &dyn Fn(usize) -> bool) -> Vec<Vec<u32>> {
        let g = &*GAZETTEER;
        let lower: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
        let norms: Vec<String> = words.iter().map(|w| norm(w.text)).collect();
        let short: Vec<String> = words.iter().map(|w| shape(w.text, 1)).collect();
        let mut gaz = vec![Vec::<String>::new(); words.len()];
        for i in 0..words.len() {
            if words[i].text.starts_with(char::is_lowercase) {
                continue;
            }
            let longest = g.longest.max(PLACES_LONGEST).min(words.len() - i);
            let (mut gaz_done, mut geo_done) = (false, false);
            for len in (1..=longest).rev() {
                let joined = norms[i..i + len].join(" ");
                let mut mark = |class: &str| {
                    for (k, labels) in gaz[i..i + len].iter_mut().enumerate() {
                        labels.push(format!("{}{class}", if k == 0 { "B-" } else { "I-" }));
                    }
                };
                if !gaz_done && let Some(e) = g.names.get(joined.as_str()) {
                    mark(class_of(e));
                    gaz_done = true;
                }
                if !geo_done && len <= PLACES_LONGEST && listed(PLACES, &joined) {
                    mark("geo");
                    geo_done = true;
                }
            }
            let r = g.role_at(&norms[i..]);
            for (k, labels) in gaz[i..i + r].iter_mut().enumerate() {
                labels.push(format!("{}role", if k == 0 { "B-" } else { "I-" }));
            }
            let n = norms[i].as_str();
            let word_labels = [
                (g.first_names.contains(n) || listed(GIVEN, n), "first"),
                (listed(SURNAMES, n), "sur"),
                (g.org_words.contains(n), "orgword"),
                (g.place_words.contains(n), "placeword"),
                (g.non_actors.contains(n), "nonactor"),
            ];
            for (_, label) in word_labels.iter().filter(|(on, _)| *on) {
                gaz[i].push(label.to_string());
            }
        }
        let caps = shouting(words);
        let at = |v: &[String], i: usize, d: isize| -> String {
            match i.checked_add_signed(d) {
                None => "<s>".into(),
                Some(j) => v.get(j).cloned().unwrap_or_else(|| "</s>".into()),
            }
        };
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if !wanted(i) {
                out.push(Vec::new());
                continue;
            }
            let mut f: Vec<(String, Vec<String>)> = Vec::new();
            let mut add = |t: &str, parts: &[&str]| {
                f.push((t.into(), parts.iter().map(|p| p.to_string()).collect()));
            };
            let (l, sh) = (lower[i].as_str(), short[i].as_str());
            add("b", &[""]);
            add("w", &[l]);
            add("w-1", &[&at(&lower, i, -1)]);
            add("w+1", &[&at(&lower, i, 1)]);
            add("w-2", &[&at(&lower, i, -2)]);
            add("w+2", &[&at(&lower, i, 2)]);
            add("w-1w", &[&at(&lower, i, -1), l]);
            add("ww+1", &[l, &at(&lower, i, 1)]);
            add("s", &[&shape(w.text, 4)]);
            add("ss", &[sh]);
            add("ss-1", &[&at(&short, i, -1)]);
            add("ss+1", &[&at(&short, i, 1)]);
            add("ss3", &[&at(&short, i, -1), sh, &at(&short, i, 1)]);
            let bounds: Vec<usize> = l
                .char_indices()
                .map(|(b, _)| b)
                .skip(1)
                .chain([l.len()])
                .collect();
            for kk in 1..=4.min(bounds.len()) {
                add("p", &[&l[..bounds[kk - 1]]]);
                let from = if kk == bounds.len() {
                    0
                } else {
                    bounds[bounds.len() - 1 - kk]
                };
                add("x", &[&l[from..]]);
            }
            let first = i == 0 || w.gap.contains(['“', '"', '‘', '(', '[', ':', '—', '–']);
            add("first", &[if first { "true" } else { "false" }, sh]);
            add("gap", &[gap_class(w.gap)]);
            add(
                "gap+1",
                &[words.get(i + 1).map_or("</s>", |n| gap_class(n.gap))],
            );
            add("poss", &[if w.possessive { "1" } else { "0" }]);
            if w.text.len() <= 2 {
                add("short", &[sh]);
            }
            if caps {
                add("caps", &[""]);
                add("capsw", &[l]);
            }
            let cl = |j: Option<usize>| {
                j.and_then(|j| lower.get(j))
                    .and_then(|w| {
                        CLUSTERS.lines().find_map(|line| {
                            let (k, v) = line.split_once('\t')?;
                            (k == w).then_some(v)
                        })
                    })
                    .unwrap_or("")
            };
            let c = cl(Some(i));
            if !c.is_empty() {
                for len in [4, 6, 10, 16] {
                    add("c", &[&c[..len.min(c.len())]]);
                }
            }
            for (t, j) in [("c-1", i.checked_sub(1)), ("c+1", Some(i + 1))] {
                let n = cl(j);
                if !n.is_empty() {
                    add(t, &[&n[..6.min(n.len())]]);
                    add(t, &[n]);
                }
            }
            for label in &gaz[i] {
                add("g", &[label]);
                add("gs", &[label, sh]);
                if caps {
                    add("gcaps", &[label]);
                }
            }
            for label in i.checked_sub(1).map_or(&[][..], |p| &gaz[p][..]) {
                add("g-1", &[label]);
            }
            for label in gaz.get(i + 1).map_or(&[][..], |v| &v[..]) {
                add("g+1", &[label]);
            }
            if let Some(h) = hints.get(i) {
                let bio = match (h.kind, h.begin) {
                    (0, _) => "O",
                    (_, true) => "B",
                    _ => "I",
                };
                let r = format!(
                    "{bio}{}{}{}",
                    h.kind,
                    u8::from(h.guessed),
                    u8::from(h.known)
                );
                let kind_at = |d: isize| {
                    i.checked_add_signed(d)
                        .and_then(|j| hints.get(j))
                        .map_or(9, |h| h.kind.min(9))
                        .to_string()
                };
                add("r", &[&r]);
                let c = cl(Some(i));
                if !c.is_empty() {
                    add("rc", &[&r, &c[..6.min(c.len())]]);
                    add("rc", &[&r, &c[..10.min(c.len())]]);
                }
                for (t, j) in [("rc-1", i.checked_sub(1)), ("rc+1", Some(i + 1))] {
                    let n = cl(j);
                    if !n.is_empty() {
                        add(t, &[&r, &n[..10.min(n.len())]]);
                    }
                }
                add("rs", &[&r, sh]);
                add("rw", &[&r, l]);
                if caps {
                    add("rcaps", &[&r]);
                }
                add("r-1", &[&kind_at(-1)]);
                add("r+1", &[&kind_at(1)]);
            }
            out.push(
                f.iter()
                    .map(|(t, parts)| {
                        let mut buf = t.as_bytes().to_vec();
                        buf.push(0x1f);
                        buf.extend_from_slice(parts.join("|").as_bytes());
                        xxh3_64(&buf) as u32
                    })
                    .collect(),
            );
        }
        out
    }

    #[test]
    fn keys_are_those_of_the_reference_on_real_and_odd_text() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/briefings/suez-2021-03/sources"
        );
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .expect("the example sources")
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect();
        texts.sort();
        texts.extend(
            [
                "US Secretary of State John Kerry met Russia's Sergei Lavrov in Geneva.",
                "BOSNIA AND HERZEGOVINA BEAT THE NETHERLANDS IN SAN JOSE DE COSTA RICA",
                "Ελλάδα και Σίσυφος: Ärzte ohne Grenzen in São Paulo, ΣΟΦΟΣ.",
                "“Ban Ki-moon” (the U.N. chief) said: — the Fish and Wildlife Service",
                "a b c",
                "New York City Police Department Commissioner William J. Bratton",
            ]
            .map(String::from),
        );
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let mut sentences = 0;
        for text in &texts {
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let ws = crate::extract::entities::tagger::words(line, 0..line.len());
                let hints: Vec<Hint> = (0..ws.len())
                    .map(|_| Hint {
                        kind: (next() % 5) as u8,
                        begin: next() % 2 == 0,
                        guessed: next() % 3 == 0,
                        known: next() % 4 == 0,
                    })
                    .collect();
                let mask: Vec<bool> = (0..ws.len()).map(|_| next() % 4 == 0).collect();
                let some = |i: usize| mask[i];
                assert_eq!(sentence_features(&ws, &[]), reference(&ws, &[], &|_| true));
                assert_eq!(
                    sentence_features(&ws, &hints),
                    reference(&ws, &hints, &|_| true)
                );
                assert_eq!(
                    sentence_features_where(&ws, &hints, &some),
                    reference(&ws, &hints, &some),
                    "{line}"
                );
                sentences += 1;
            }
        }
        assert!(sentences > 50, "{sentences}");
        // Empty words (two blanks in a row) have one empty prefix and suffix.
        let ws = words("Angela  Merkel met  officials in Paris");
        assert_eq!(sentence_features(&ws, &[]), reference(&ws, &[], &|_| true));
    }

    #[test]
    fn line_index_agrees_with_the_text_search() {
        for (list, lines) in [
            (PLACES, &PLACES_LINES),
            (SURNAMES, &SURNAMES_LINES),
            (GIVEN, &GIVEN_LINES),
        ] {
            for (k, line) in list.lines().enumerate().step_by(7) {
                assert!(lines.contains(line) && listed(list, line), "{line}");
                assert_eq!(lines.line(k), line);
                for probe in [
                    &line[..line.len() - 1],
                    &format!("{line}a"),
                    &format!("{line} "),
                ] {
                    assert_eq!(lines.contains(probe), listed(list, probe), "{probe}");
                }
                assert!(lines.any_starts_with(&line[..1]));
            }
            for probe in ["", "a", "zzzz", "~", "new", "new york", "\u{e9}"] {
                assert_eq!(lines.contains(probe), listed(list, probe), "{probe}");
            }
        }
        assert!(PLACES_LINES.any_starts_with("new "));
        assert!(!PLACES_LINES.any_starts_with("zzzq "));
    }

    #[test]
    fn clusters_are_found_by_word() {
        let mut last = "";
        for line in CLUSTERS.lines() {
            let (w, bits) = line.split_once('\t').expect("word, tab, bits");
            assert!(w > last, "{w} after {last}: not sorted");
            assert!(!bits.is_empty() && bits.bytes().all(|b| b == b'0' || b == b'1'));
            last = w;
        }
        for (k, line) in CLUSTERS.lines().enumerate().step_by(11) {
            let (w, bits) = line.split_once('\t').unwrap_or_default();
            assert_eq!(cluster(w), bits, "{k}: {w}");
            assert_eq!(cluster(&format!("{w}\u{1}")), "");
        }
        assert_eq!(cluster(""), "");
        assert_eq!(cluster("zzzzqqq"), "");
        // Words used alike share a long prefix: two capitals, two weekdays.
        let common = |a: &str, b: &str| {
            cluster(a)
                .bytes()
                .zip(cluster(b).bytes())
                .take_while(|(x, y)| x == y)
                .count()
        };
        assert!(common("london", "paris") >= 10);
        assert!(common("monday", "tuesday") >= 10);
        assert!(common("london", "monday") < common("london", "paris"));
    }

    #[test]
    fn capitals_lines_are_marked() {
        assert!(shouting(&words("LEICESTERSHIRE TAKE OVER AT TOP")));
        assert!(!shouting(&words("Leicestershire take over")));
    }
}
