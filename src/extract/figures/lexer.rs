//! Tokens for the number grammar: digit runs, letter runs and single punctuation marks,
//! each with its byte range, so every parsed figure maps back to a verbatim span.

use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Digits, with inner `,` `.` `/` `:` between digits ("400,000", "1/2", "3:05").
    Num,
    /// Letters, with inner apostrophes ("Korea's").
    Word,
    /// Any other single non-space character.
    Punct,
}

/// One token of a sentence.
#[derive(Debug, Clone)]
pub(super) struct Tok {
    /// Its kind.
    pub(super) kind: Kind,
    /// Byte range in the sentence.
    pub(super) span: Range<usize>,
    /// Lowercased, ASCII-folded text.
    pub(super) low: String,
    /// Whether white space comes before it (false for the first token).
    pub(super) gap_before: bool,
}

/// Split a sentence into tokens.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut toks: Vec<Tok> = Vec::new();
    let mut i = 0;
    let mut gap = false;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            gap = true;
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let kind = if c.is_ascii_digit() {
            // Separators count only between digits, so "2011." ends at the digit.
            while j < chars.len() {
                let d = chars[j].1;
                let inner = matches!(d, ',' | '.' | '/' | ':')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit());
                if d.is_ascii_digit() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            Kind::Num
        } else if c.is_alphabetic() {
            while j < chars.len() {
                let d = chars[j].1;
                let apostrophe = matches!(d, '\'' | '\u{2019}')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic());
                if d.is_alphabetic() || apostrophe {
                    j += 1;
                } else {
                    break;
                }
            }
            Kind::Word
        } else {
            Kind::Punct
        };
        let span = start..end_of(j);
        // Marks stay as written: folding would turn "£" into "PS".
        let raw = &text[span.clone()];
        let low = if kind == Kind::Punct {
            raw.to_string()
        } else {
            deunicode::deunicode(raw).to_lowercase()
        };
        toks.push(Tok {
            kind,
            span,
            low,
            gap_before: gap,
        });
        gap = false;
        i = j;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_numbers_words_and_marks() {
        let t = tokenize("About 400,000 lives, 5 1/2-year war in 2011.");
        let lows: Vec<&str> = t.iter().map(|t| t.low.as_str()).collect();
        assert_eq!(
            lows,
            [
                "about", "400,000", "lives", ",", "5", "1/2", "-", "year", "war", "in", "2011", "."
            ]
        );
        assert_eq!(t[1].kind, Kind::Num);
        assert!(!t[6].gap_before);
    }
}
