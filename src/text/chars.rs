//! Which characters are word characters for the regex crate's Unicode `\w` and `\b`:
//! alphabetic, decimal digit, mark, connector punctuation or join control. The hand-written
//! matchers that replace regexes (reported speech, figure attribution, issue cues) need the
//! same answer the regex would give, and the standard library's Unicode tables may be of a
//! newer version than the regex crate's, so only the characters where both certainly agree
//! are settled here; the rest ask a one-class regex.

use std::sync::LazyLock;

use regex::Regex;

/// Whether `c` is a word character, where that is certain without the regex crate's tables:
/// ASCII, white space, letters of the blocks whose letters were all encoded long ago (up to
/// U+07FF, Latin Extended Additional and Greek Extended), Latin-1 signs, general
/// punctuation (except the join controls U+200C and U+200D and the connector marks U+203F,
/// U+2040 and U+2054) and currency signs. `None` for anything else.
pub fn word_char(c: char) -> Option<bool> {
    if c.is_ascii() {
        return Some(c.is_ascii_alphanumeric() || c == '_');
    }
    if c.is_whitespace() {
        return Some(false);
    }
    if (c < '\u{800}' || ('\u{1e00}'..='\u{1fff}').contains(&c)) && c.is_alphabetic() {
        return Some(true);
    }
    match c {
        '\u{80}'..='\u{bf}'
        | '\u{d7}'
        | '\u{f7}'
        | '\u{2000}'..='\u{200b}'
        | '\u{200e}'..='\u{203e}'
        | '\u{2041}'..='\u{2053}'
        | '\u{2055}'..='\u{206f}'
        | '\u{20a0}'..='\u{20cf}' => Some(false),
        _ => None,
    }
}

/// `\w` for the characters [`word_char`] does not settle.
#[allow(clippy::unwrap_used)] // constant pattern
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w").unwrap());

/// Whether `c` is a word character: [`word_char`], else a one-class regex compiled on first
/// use.
pub fn is_word(c: char) -> bool {
    word_char(c).unwrap_or_else(|| WORD.is_match(c.encode_utf8(&mut [0; 4])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certain_answers_match_the_regex_crate_for_every_character() {
        let w = Regex::new(r"^\w$").unwrap();
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let s = c.to_string();
            if let Some(is_word) = word_char(c) {
                assert_eq!(is_word, w.is_match(&s), "U+{:04X}", c as u32);
            }
            assert_eq!(is_word(c), w.is_match(&s), "U+{:04X}", c as u32);
        }
    }
}
