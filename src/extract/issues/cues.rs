//! The cue phrases of `issues_cues.txt` and a matcher for them.
//!
//! A cue line stands for the regular expression `\bw1\s+w2\b.*?\bw3\b` ("..." between
//! parts), matched against the sentence lowercased, with straight and curly double quotes
//! dropped and `’` read as `'`. Compiling 49 such patterns took about 12 M instructions at
//! start-up and trying them one by one most of the stage's time, so cues made of plain
//! words are matched on the sentence's words instead, with the same result: `\bword\b` is
//! exactly a maximal run of word characters equal to `word`, `\s+` between two words is a
//! gap of white space only, and `.*?` between parts any gap without a line break. That
//! holds only where it is certain which characters are word characters for the regex
//! crate's Unicode `\b`; a sentence with any other character, and any cue that is not plain
//! words, goes to the cue's regular expression, compiled on first need.

use std::collections::BTreeSet;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::text::chars::word_char;
use crate::text::tokens::terms;

/// The cue list shipped with `brief`.
const CUES_TXT: &str = include_str!("../issues_cues.txt");

/// One cue: its text, its class and how to match it.
#[derive(Debug)]
pub(super) struct Cue {
    /// The line as written ("whether ... another matter").
    pub(super) text: String,
    /// Its class ("uncertain", "pending", "disputed").
    pub(super) class: String,
    /// Vocabulary ids of each part's words, for the word matcher.
    parts: Vec<Vec<u16>>,
    /// Its distinct word ids: a sentence lacking one cannot match.
    need: Vec<u16>,
    /// Whether the word matcher applies: every part has words, all ASCII letters or digits.
    plain: bool,
    /// Every word of the cue; the regular expression cannot match without all of them.
    words: Vec<String>,
    pattern: String,
    /// The compiled pattern; `None` if it does not compile (the cue then never matches).
    re: OnceLock<Option<Regex>>,
    /// Content terms of the cue text, left out of a sentence's topic.
    terms: OnceLock<BTreeSet<String>>,
}

impl Cue {
    /// Content terms of the cue text ([`terms`] of it).
    pub(super) fn terms(&self) -> &BTreeSet<String> {
        self.terms
            .get_or_init(|| terms(&self.text).into_iter().collect())
    }

    /// The regular-expression match on a folded sentence.
    fn regex_match(&self, folded: &str) -> bool {
        self.words.iter().all(|w| folded.contains(w.as_str()))
            && self
                .re
                .get_or_init(|| Regex::new(&self.pattern).ok())
                .as_ref()
                .is_some_and(|re| re.is_match(folded))
    }
}

/// A hash map with the Fx hash (`rustc-hash`): cue words and sentence words are short, and
/// the default SipHash is several times slower on them. No map keyed by it is ever iterated
/// into a result.
pub(super) type WordMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// The parsed cue file.
#[derive(Debug)]
struct Table {
    cues: Vec<Cue>,
    /// Every word of a plain cue, with its id.
    vocab: WordMap<String, u16>,
    /// Length of the longest of them, in bytes.
    longest: usize,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| parse_cues(CUES_TXT));

/// Parse the cue file.
fn parse_cues(file: &str) -> Table {
    let mut class = String::new();
    let mut cues = Vec::new();
    let mut vocab: WordMap<String, u16> = WordMap::default();
    for line in file
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            class = name.to_string();
            continue;
        }
        let split: Vec<Vec<&str>> = line
            .split("...")
            .map(|p| p.split_whitespace().collect())
            .collect();
        let words: Vec<String> = split.iter().flatten().map(|w| w.to_string()).collect();
        let plain = split.iter().all(|p| !p.is_empty())
            && words
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_alphanumeric()))
            && vocab.len() + words.len() < usize::from(u16::MAX);
        let mut parts = Vec::new();
        if plain {
            for p in &split {
                let ids = p.iter().map(|w| {
                    let next = vocab.len() as u16;
                    *vocab.entry(w.to_string()).or_insert(next)
                });
                parts.push(ids.collect());
            }
        }
        let mut need: Vec<u16> = parts.iter().flatten().copied().collect();
        need.sort_unstable();
        need.dedup();
        let escaped: Vec<String> = split
            .iter()
            .map(|p| {
                p.iter()
                    .map(|w| regex::escape(w))
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect();
        cues.push(Cue {
            text: line.to_string(),
            class: class.clone(),
            parts,
            need,
            plain,
            words,
            pattern: format!(r"\b{}\b", escaped.join(r"\b.*?\b")),
            re: OnceLock::new(),
            terms: OnceLock::new(),
        });
    }
    let longest = vocab.keys().map(String::len).max().unwrap_or(0);
    Table {
        cues,
        vocab,
        longest,
    }
}

/// A word of the folded sentence.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// Vocabulary id, or [`NOT_CUE`].
    id: u16,
    /// Only white space since the previous word.
    spaced: bool,
    /// Line breaks before it.
    line: u32,
}

const NOT_CUE: u16 = u16::MAX;

/// Buffers reused from sentence to sentence.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    folded: String,
    word: String,
    words: Vec<Word>,
    present: Vec<u64>,
}

/// The sentence as the cue patterns see it: lowercased, `"` `“` `”` dropped, `’` as `'`.
fn fold_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.extend(
            text.bytes()
                .filter(|&b| b != b'"')
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return;
    }
    out.extend(
        text.to_lowercase()
            .chars()
            .filter(|c| !matches!(c, '"' | '\u{201c}' | '\u{201d}'))
            .map(|c| if c == '\u{2019}' { '\'' } else { c }),
    );
}

/// Split a folded sentence, given as its characters, into its maximal runs of word
/// characters, and note which cue words it holds; `false` when some character's class is
/// uncertain ([`word_char`]).
fn scan(chars: impl Iterator<Item = char>, table: &Table, scratch: &mut Scratch) -> bool {
    let Scratch {
        word,
        words,
        present,
        ..
    } = scratch;
    words.clear();
    word.clear();
    present.clear();
    present.resize(table.vocab.len().div_ceil(64), 0);
    let (mut in_word, mut spaced, mut line) = (false, false, 0u32);
    // A space after the end closes the last word.
    for c in chars.chain([' ']) {
        let Some(is_word) = word_char(c) else {
            return false;
        };
        if is_word {
            in_word = true;
            if word.len() <= table.longest {
                word.push(c);
            }
            continue;
        }
        if in_word {
            let id = match table.vocab.get(word.as_str()) {
                Some(&id) if word.len() <= table.longest => id,
                _ => NOT_CUE,
            };
            if id != NOT_CUE {
                present[usize::from(id / 64)] |= 1 << (id % 64);
            }
            words.push(Word { id, spaced, line });
            word.clear();
            in_word = false;
            spaced = true;
        }
        spaced &= c.is_whitespace();
        line += u32::from(c == '\n');
    }
    true
}

/// Whether the words from `k` on spell `part`, white space between them.
fn part_at(words: &[Word], k: usize, part: &[u16]) -> bool {
    words.len() >= k + part.len()
        && part
            .iter()
            .enumerate()
            .all(|(j, &id)| words[k + j].id == id && (j == 0 || words[k + j].spaced))
}

/// Whether `parts[p..]` occur in order from word `from` on, the first of them on `line`
/// when `line` is given (no line break where `.*?` stands).
fn parts_from(words: &[Word], parts: &[Vec<u16>], from: usize, line: Option<u32>) -> bool {
    let Some((part, rest)) = parts.split_first() else {
        return true;
    };
    for k in from..words.len() {
        if line.is_some_and(|l| words[k].line != l) {
            break;
        }
        if part_at(words, k, part) {
            let end = k + part.len();
            if parts_from(words, rest, end, Some(words[end - 1].line)) {
                return true;
            }
        }
    }
    false
}

/// The first cue matching a sentence, if any, as the cue's regular expression decides.
pub(super) fn cue_of(text: &str, scratch: &mut Scratch) -> Option<&'static Cue> {
    let table = &*TABLE;
    // ASCII text is folded on the fly; the folded text itself is needed only by patterns.
    let ascii = text.is_ascii();
    let scanned = if ascii {
        let folded = text
            .bytes()
            .filter(|&b| b != b'"')
            .map(|b| char::from(b.to_ascii_lowercase()));
        scan(folded, table, scratch)
    } else {
        let mut folded = std::mem::take(&mut scratch.folded);
        fold_into(text, &mut folded);
        let scanned = scan(folded.chars(), table, scratch);
        scratch.folded = folded;
        scanned
    };
    let mut folded_ready = !ascii;
    let Scratch {
        folded,
        words,
        present,
        ..
    } = scratch;
    let has = |id: u16| present[usize::from(id / 64)] & (1 << (id % 64)) != 0;
    table.cues.iter().find(|c| {
        if scanned && c.plain {
            c.need.iter().all(|&id| has(id)) && parts_from(words, &c.parts, 0, None)
        } else {
            if !folded_ready {
                fold_into(text, folded);
                folded_ready = true;
            }
            c.regex_match(folded)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(text: &str) -> Option<&'static str> {
        cue_of(text, &mut Scratch::default()).map(|c| c.text.as_str())
    }

    /// The first cue whose regular expression matches, as before the word matcher.
    fn by_regex(text: &str) -> Option<&'static str> {
        let mut folded = String::new();
        fold_into(text, &mut folded);
        TABLE
            .cues
            .iter()
            .find(|c| c.regex_match(&folded))
            .map(|c| c.text.as_str())
    }

    #[test]
    fn cue_file_compiles() {
        let lines = CUES_TXT
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with('['))
            .count();
        assert_eq!(TABLE.cues.len(), lines);
        for c in &TABLE.cues {
            assert!(!c.class.is_empty());
            assert!(c.plain, "{}", c.text);
            assert!(Regex::new(&c.pattern).is_ok(), "{}", c.pattern);
        }
    }

    #[test]
    fn word_matcher_agrees_with_the_patterns() {
        let cases = [
            "What led to the change of plan remains unclear.",
            "What led to it\nremains unclear.",
            "What led to it remains\nunclear.",
            "what led\nto it remains unclear",
            "It remains unclear. What led to it?",
            "It is unclear\u{2014}for now.",
            "It is unclear\u{2019}s cousin.",
            "It is unclear_ly put.",
            "It is not\u{a0}clear.",
            "It is not \u{201c}clear\u{201d}.",
            "It is not\"clear.",
            "It is not-clear.",
            "It is not  \t clear.",
            "It is NOT CLEAR.",
            "It is nuclear.",
            "It is unclear2.",
            "It is \u{e9}unclear.",
            "It is unclear\u{301} now.",
            "It is unclear\u{1f600} now.",
            "It is \u{212a}nown: no guarantee.",
            "Whether they come is, frankly, another matter.",
            "Whether they come is another\nmatter.",
            "Another matter is whether they come.",
            "yet to be\nsettled",
            "yet to be. settled",
            "It is in dispute, disputed and stalemated.",
            "Nothing to see here.",
            "",
        ];
        for text in cases {
            assert_eq!(cue(text), by_regex(text), "{text:?}");
        }
    }

    #[test]
    fn word_classes_match_the_regex_crate() {
        #[allow(clippy::unwrap_used)] // constant pattern
        let w = Regex::new(r"^\w$").unwrap();
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if let Some(is_word) = word_char(c) {
                assert_eq!(is_word, w.is_match(&c.to_string()), "U+{:04X}", c as u32);
            }
        }
    }
}
