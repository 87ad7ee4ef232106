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
    spans(text)
        .map(|(kind, span, gap_before)| {
            // Marks stay as written: folding would turn "£" into "PS". Digits and ASCII
            // letters fold to themselves.
            let raw = &text[span.clone()];
            let low = if kind == Kind::Punct {
                raw.to_string()
            } else if raw.is_ascii() {
                raw.to_ascii_lowercase()
            } else {
                deunicode::deunicode(raw).to_lowercase()
            };
            Tok {
                kind,
                span,
                low,
                gap_before,
            }
        })
        .collect()
}

/// The tokens' kinds, byte ranges and whether white space comes before them, without
/// their folded text.
pub(super) fn spans(text: &str) -> Spans<'_> {
    Spans { text, pos: 0 }
}

/// Iterator of [`spans`].
#[derive(Debug, Clone)]
pub(super) struct Spans<'a> {
    text: &'a str,
    pos: usize,
}

impl Spans<'_> {
    /// The end of a run from `end` on of characters `inside` accepts; `joiner`s count when
    /// a character `inside` accepts follows them.
    fn run(&self, mut end: usize, inside: fn(char) -> bool, joiner: fn(char) -> bool) -> usize {
        let mut rest = self.text[end..].chars();
        while let Some(d) = rest.next() {
            let joins = joiner(d) && rest.clone().next().is_some_and(inside);
            if inside(d) || joins {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        end
    }
}

impl Iterator for Spans<'_> {
    type Item = (Kind, Range<usize>, bool);

    fn next(&mut self) -> Option<Self::Item> {
        let mut gap = false;
        let (start, c) = loop {
            let c = self.text[self.pos..].chars().next()?;
            if !c.is_whitespace() {
                break (self.pos, c);
            }
            gap = true;
            self.pos += c.len_utf8();
        };
        let next = start + c.len_utf8();
        let (kind, end) = if c.is_ascii_digit() {
            // Separators count only between digits, so "2011." ends at the digit.
            let sep = |d: char| matches!(d, ',' | '.' | '/' | ':');
            (Kind::Num, self.run(next, |d| d.is_ascii_digit(), sep))
        } else if c.is_alphabetic() {
            let apostrophe = |d: char| matches!(d, '\'' | '\u{2019}');
            (Kind::Word, self.run(next, char::is_alphabetic, apostrophe))
        } else {
            (Kind::Punct, next)
        };
        self.pos = end;
        Some((kind, start..end, gap))
    }
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

    /// A token as (kind, raw text, white space before).
    type Span = (Kind, &'static str, bool);

    #[test]
    fn spans_as_the_character_scan_found_them() {
        let cases: &[(&str, &[Span])] = &[
            (
                " 3,5. a\u{2019}b'c' \u{e9}t\u{e9} 1/2/ 4:",
                &[
                    (Kind::Num, "3,5", true),
                    (Kind::Punct, ".", false),
                    (Kind::Word, "a\u{2019}b'c", true),
                    (Kind::Punct, "'", false),
                    (Kind::Word, "\u{e9}t\u{e9}", true),
                    (Kind::Num, "1/2", true),
                    (Kind::Punct, "/", false),
                    (Kind::Num, "4", true),
                    (Kind::Punct, ":", false),
                ],
            ),
            ("", &[]),
            (
                "\u{a3}5\u{2009}m",
                &[
                    (Kind::Punct, "\u{a3}", false),
                    (Kind::Num, "5", false),
                    (Kind::Word, "m", true),
                ],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<Span> = spans(text)
                .map(|(k, span, gap)| (k, &text[span], gap))
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }
}
