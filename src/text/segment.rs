//! Sentence boundaries: UAX #29 (unicode-segmentation), corrected for news abbreviations.
//!
//! UAX #29 splits after every period followed by a space and a capital, so "U.S. Secretary"
//! and "Sept. 8" break. We merge a split when the piece before ends in a known abbreviation
//! or an initial, unless the next piece clearly opens a new sentence ("... the U.S. The next
//! day ...").

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations after which a period does not end a sentence (lowercase, no final period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "gov",
    "sen", "rep", "rev", "hon", "pres", "st", "jr", "sr", "messrs", "no", "nos", "vs", "v", "etc",
    "inc", "ltd", "co", "corp", "bros", "dept", "est", "approx", "fig", "al", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thurs", "fri", "sat", "sun", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a",
    "i.e", "e.g", "ft", "mt", "ave", "blvd",
];

/// Abbreviations that often end a sentence: split after them when the next word is a
/// typical sentence opener.
const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &[
    "u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a", "a.m", "p.m", "etc", "inc", "ltd", "co", "jr", "sr",
];

/// Words that open sentences (lowercase); after a sentence-final abbreviation they mean a split.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "in",
    "on",
    "at",
    "as",
    "after",
    "before",
    "when",
    "while",
    "his",
    "her",
    "its",
    "their",
    "our",
    "if",
    "some",
    "many",
    "officials",
    "both",
    "however",
    "meanwhile",
    "still",
    "yet",
    "so",
    "for",
    "since",
    "last",
    "earlier",
    "later",
];

/// Split a paragraph into sentences. Returns byte ranges into `text`, trimmed of white space.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    for (start, piece) in text.split_sentence_bound_indices() {
        let range = start..start + piece.len();
        match pieces.last_mut() {
            Some(last) if should_merge(&text[last.clone()], piece) => last.end = range.end,
            _ => pieces.push(range),
        }
    }
    pieces.into_iter().filter_map(|r| trim(text, r)).collect()
}

fn trim(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| r.start + lead..r.start + lead + t.len())
}

/// Whether the split between `before` and `after` is a false boundary.
fn should_merge(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    let after_trim = after.trim_start();
    if after_trim.is_empty() {
        return true;
    }
    // A piece that starts lowercase or with a digit continues the sentence ("5 p.m. local time").
    let first = after_trim.chars().next().unwrap_or(' ');
    let Some(stripped) = before.strip_suffix('.') else {
        return first.is_lowercase();
    };
    let last_word = stripped
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let key = last_word.to_lowercase();
    let next_word: String = after_trim
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let initial = last_word.chars().count() == 1 && last_word.chars().all(char::is_uppercase);
    if first.is_lowercase() {
        return true;
    }
    if SENTENCE_FINAL_ABBREVIATIONS.contains(&key.as_str()) {
        return !OPENERS.contains(&next_word.as_str());
    }
    initial
        || ABBREVIATIONS.contains(&key.as_str())
        || (first.is_ascii_digit() && key.len() <= 4 && ABBREVIATIONS.contains(&key.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn hard_cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "U.S. Secretary of State John Kerry met Lavrov. They talked.",
                &[
                    "U.S. Secretary of State John Kerry met Lavrov.",
                    "They talked.",
                ],
            ),
            (
                "They agreed to meet on Sept. 8 and 9 in Geneva. It was late.",
                &[
                    "They agreed to meet on Sept. 8 and 9 in Geneva.",
                    "It was late.",
                ],
            ),
            (
                "Gen. Joseph F. Dunford Jr. spoke at 9 a.m. on Friday.",
                &["Gen. Joseph F. Dunford Jr. spoke at 9 a.m. on Friday."],
            ),
            (
                "He was the No. 2 official.",
                &["He was the No. 2 official."],
            ),
            (
                "Russia blamed the U.S. The next day talks resumed.",
                &["Russia blamed the U.S.", "The next day talks resumed."],
            ),
            (
                "Mr. Rabie said so. Dr. Castell disagreed.",
                &["Mr. Rabie said so.", "Dr. Castell disagreed."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text}");
        }
    }
}
