//! Escaping article text for Markdown, so that nothing an article says becomes markup.
//!
//! Used as Tera's escape function for the Markdown template: every `{{ value }}` passes
//! through [`escape`] unless the template says `| safe`. CommonMark lets a backslash escape
//! any ASCII punctuation, so we escape every character that can open markup inline (emphasis,
//! code, links, images, autolinks, raw HTML, tables, entities) and the characters that open
//! a block at the start of a line; line breaks are folded into spaces so inserted text can
//! never start a new block.

use std::io::Write;

/// Characters escaped wherever they appear.
const INLINE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '!', '#', '{', '}',
];

/// Escape `text` for inclusion in a Markdown document (Tera escape-function signature).
pub fn escape_to(text: &str, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(escape(text).as_bytes())
}

/// Escape `text` for inclusion in Markdown, returning the escaped string.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    let mut leading_digits = true;
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' | '\t' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                continue;
            }
            // Other control characters never reach the output, nor do bidirectional
            // overrides, which could make cited text read differently from what it says,
            // nor the marks of a citation token (`cite::TOKEN_START`), so article text can
            // never pass for a citation.
            c if c.is_control() || is_bidi_control(c) || is_token_mark(c) => continue,
            c if INLINE.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            // Block openers: a list, heading-underline or quote marker as the first character,
            // or "." / ")" right after a leading number ("1. ", "2) ").
            '-' | '+' | '=' if out.is_empty() => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')'
                if leading_digits
                    && !out.is_empty()
                    && chars.peek().is_none_or(|n| n.is_whitespace()) =>
            {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        leading_digits = leading_digits && c.is_ascii_digit();
    }
    out
}

/// The private-use characters that mark a citation token in the Markdown written for the
/// HTML page.
fn is_token_mark(c: char) -> bool {
    c == super::cite::TOKEN_START || c == super::cite::TOKEN_END
}

/// Unicode bidirectional embedding, override and isolate controls (U+202A..U+202E,
/// U+2066..U+2069): invisible characters that reorder the text around them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Escape `text` for HTML (Tera escape-function signature): `& < > " '` as entities, control
/// and bidirectional-override characters dropped (line breaks and tabs kept).
pub fn escape_html_to(text: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let mut buf = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => buf.push_str("&amp;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '"' => buf.push_str("&quot;"),
            '\'' => buf.push_str("&#x27;"),
            '\n' | '\t' => buf.push(c),
            c if c.is_control() || is_bidi_control(c) => {}
            c => buf.push(c),
        }
    }
    out.write_all(buf.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escape_drops_controls() {
        let mut out = Vec::new();
        escape_html_to("<b a='1'>&\u{7}\u{202e}x\n", &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "&lt;b a=&#x27;1&#x27;&gt;&amp;x\n"
        );
    }

    #[test]
    fn markup_becomes_text() {
        let cases = [
            (
                "<script>alert(1)</script>",
                "\\<script\\>alert(1)\\</script\\>",
            ),
            (
                "[click](javascript:alert(1))",
                "\\[click\\](javascript:alert(1))",
            ),
            ("![x](http://e.org/a.png)", "\\!\\[x\\](http://e.org/a.png)"),
            ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
            ("# heading", "\\# heading"),
            ("- item", "\\- item"),
            ("1. First", "1\\. First"),
            ("a | b", "a \\| b"),
            ("AT&amp;T &#60;", "AT\\&amp;T \\&\\#60;"),
            ("line one\nline two\r\n", "line one line two "),
            ("bell\u{7}\u{1b}[31m", "bell\\[31m"),
            ("abc\u{202e}fed\u{202c} \u{2066}x\u{2069}", "abcfed x"),
            ("400,000 lives in 2016.", "400,000 lives in 2016."),
            ("2016-09-09", "2016-09-09"),
            ("+1 more", "\\+1 more"),
            ("12) item", "12\\) item"),
            ("0.2 to 0.4 points", "0.2 to 0.4 points"),
            ("3.", "3\\."),
            ("fake\u{e000}7b7d\u{e001}chip", "fake7b7dchip"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "{input}");
        }
    }
}
