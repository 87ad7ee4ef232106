//! Regular expressions that compile quickly, for the large built-in patterns every process
//! compiles before it can read a sentence (the timeline's grammar, the page-furniture set).
//!
//! They are the `regex` crate's own engine (`regex_automata::meta`, which `regex::Regex` and
//! `regex::RegexSet` wrap), built with the same syntax and match semantics, so they match
//! exactly what `Regex::new`, `RegexSet::new` or `RegexSetBuilder` would. One thing is left
//! out: the literal prefilter, the search for fixed strings every match must start with (or
//! hold). Working those out is most of the build time of a pattern of many alternatives under
//! case-insensitivity (the timeline's sixteen patterns: about 40 M of 65 M instructions, the
//! largest start-up cost of a small brief), while these patterns run on single sentences or
//! lines, most of them already screened by a cheaper test, where a prefilter saves little.

use regex_automata::meta::{self, BuildError, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternSet};

/// The `regex` crate's defaults (its `RegexBuilder`), without the literal prefilter.
fn config() -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
        .auto_prefilter(false)
}

/// One pattern over text, leftmost-first with capture groups: `regex::Regex::new(pattern)`.
pub(crate) fn regex(pattern: &str) -> Result<Regex, Box<BuildError>> {
    meta::Builder::new()
        .configure(
            config()
                .match_kind(MatchKind::LeftmostFirst)
                .utf8_empty(true),
        )
        .syntax(syntax::Config::new().utf8(true))
        .build(pattern)
        .map_err(Box::new)
}

/// [`regex`] in ASCII mode (`(?-u)`: `\b`, `\d`, `\s` and `(?i)` by ASCII rules), over text.
/// On a haystack in ASCII it finds the same matches and captures as [`regex`] (Unicode's
/// classes and case folding differ from ASCII's only on characters outside ASCII) and
/// compiles in a fraction of the time.
pub(crate) fn ascii_regex(pattern: &str) -> Result<Regex, Box<BuildError>> {
    meta::Builder::new()
        .configure(
            config()
                .match_kind(MatchKind::LeftmostFirst)
                .utf8_empty(true),
        )
        .syntax(syntax::Config::new().utf8(true).unicode(false))
        .build(pattern)
        .map_err(Box::new)
}

/// Patterns over text, to ask which of them match: `regex::RegexSet::new(patterns)`.
pub(crate) fn set(patterns: &[&str]) -> Result<Regex, Box<BuildError>> {
    many(patterns, syntax::Config::new().utf8(true), true)
}

/// [`set`] in ASCII mode, over text: the same answers on a haystack in ASCII (see
/// [`ascii_regex`]), for about half the build.
pub(crate) fn ascii_text_set(patterns: &[&str]) -> Result<Regex, Box<BuildError>> {
    many(
        patterns,
        syntax::Config::new().utf8(true).unicode(false),
        true,
    )
}

/// Patterns over bytes in ASCII mode, case-insensitive: `regex::bytes::RegexSetBuilder`
/// with `.case_insensitive(true).unicode(false)`.
pub(crate) fn ascii_set(patterns: &[&str]) -> Result<Regex, Box<BuildError>> {
    let syntax = syntax::Config::new()
        .case_insensitive(true)
        .unicode(false)
        .utf8(false);
    many(patterns, syntax, false)
}

/// A set as `regex` builds one: every match counts, no capture groups.
fn many(
    patterns: &[&str],
    syntax: syntax::Config,
    utf8_empty: bool,
) -> Result<Regex, Box<BuildError>> {
    meta::Builder::new()
        .configure(
            config()
                .match_kind(MatchKind::All)
                .utf8_empty(utf8_empty)
                .which_captures(WhichCaptures::None),
        )
        .syntax(syntax)
        .build_many(patterns)
        .map_err(Box::new)
}

/// Which patterns of a [`set`] or [`ascii_set`] match somewhere in `haystack`, ascending:
/// `RegexSet::matches(haystack)`.
pub(crate) fn matching<H: AsRef<[u8]> + ?Sized>(set: &Regex, haystack: &H) -> PatternSet {
    let mut found = PatternSet::new(set.pattern_len());
    set.which_overlapping_matches(&Input::new(haystack), &mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same matches, captures and set answers as the `regex` crate's builders.
    #[test]
    fn matches_what_the_regex_crate_matches() {
        let patterns = [
            r"\b(?P<mon>Jan(?:uary)?|Sept?)\.?\s+(?P<d>\d{1,2})\b",
            r"(?i:\bthis|last)\s+(?P<unit>week|month)\b",
            r"\d+",
            r"\bé\w+",
        ];
        let texts = [
            "On Sept. 8 and last WEEK, 12 ships; Jan 3, this month.",
            "été éclair, ΣΊΣΥΦΟΣ 42 — sept 9",
            "",
            "no match here",
        ];
        let set_ours = set(&patterns).expect("set");
        let set_theirs = regex::RegexSet::new(patterns).expect("set");
        for text in texts {
            let ours: Vec<usize> = matching(&set_ours, text)
                .iter()
                .map(|p| p.as_usize())
                .collect();
            let theirs: Vec<usize> = set_theirs.matches(text).into_iter().collect();
            assert_eq!(ours, theirs, "{text}");
            for p in patterns {
                let mine = regex(p).expect("regex");
                let reference = regex::Regex::new(p).expect("regex");
                let ours: Vec<Vec<Option<(usize, usize)>>> = mine
                    .captures_iter(text)
                    .map(|c| {
                        (0..c.group_len())
                            .map(|g| c.get_group(g).map(|s| (s.start, s.end)))
                            .collect()
                    })
                    .collect();
                let theirs: Vec<Vec<Option<(usize, usize)>>> = reference
                    .captures_iter(text)
                    .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                    .collect();
                assert_eq!(ours, theirs, "{p} on {text}");
            }
        }
        let ascii = ["^share (this|on)", r"\bsubscribe\b", "caf."];
        let ours = ascii_set(&ascii).expect("set");
        let theirs = regex::bytes::RegexSetBuilder::new(ascii)
            .case_insensitive(true)
            .unicode(false)
            .build()
            .expect("set");
        for line in [
            "SHARE THIS",
            "Subscribe now",
            "café",
            "caf\u{e9}",
            "nothing",
        ] {
            let a: Vec<usize> = matching(&ours, line).iter().map(|p| p.as_usize()).collect();
            let b: Vec<usize> = theirs.matches(line.as_bytes()).into_iter().collect();
            assert_eq!(a, b, "{line}");
        }
    }
}
