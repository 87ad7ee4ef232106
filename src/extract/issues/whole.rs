//! Whole sentences only: an open issue is shown as one sentence, so a sentence that starts
//! inside a quotation ('It is not clear what changed after that," he said.') or in the
//! middle of a clause is no issue of its own.

use crate::text::Corpus;

/// Whether sentence `i` of the corpus reads as a whole sentence: it does not begin inside a
/// quotation of its paragraph, its first quotation mark is not a closing one, and it starts
/// with a capital letter, a digit or an opening mark.
pub(super) fn is_whole(corpus: &Corpus, i: usize) -> bool {
    let (text, before) = with_paragraph(corpus, i);
    // A contact line ("... can be reached at 206-... or name @ paper.com") is no issue.
    !inside_quote(before)
        && !opens_with_closing_mark(text)
        && starts_well(text)
        && !text.contains('@')
        && !negated(text)
}

/// Sentence `i`'s text and its paragraph's text before it.
fn with_paragraph(corpus: &Corpus, i: usize) -> (&str, &str) {
    let s = &corpus.sentences[i];
    let doc = &corpus.docs[s.doc];
    let block_start = doc
        .blocks
        .get(s.block)
        .map_or(s.span.start, |b| b.span.start);
    let before = doc.raw.get(block_start..s.span.start).unwrap_or("");
    (doc.text(&s.span), before)
}

/// Whether sentence `i` is a piece of a longer quotation rather than a sentence of its own:
/// it begins inside a quotation of its paragraph, opens with a closing mark, or opens a
/// quotation it does not close ("“On Thursday, nobody expected him at all.",
/// the first of a two-sentence quote). Used by the timeline too.
pub(crate) fn is_quote_piece(corpus: &Corpus, i: usize) -> bool {
    let (text, before) = with_paragraph(corpus, i);
    inside_quote(before) || opens_with_closing_mark(text) || inside_quote(text)
}

/// Cues said not to hold ("he is not under investigation", "facts not in dispute"):
/// a sentence with one of these states something settled.
const NEGATED: &[&str] = &[
    "not under investigation",
    "not in dispute",
    "undisputed",
    "no dispute",
    "not disputed",
];

/// Whether a sentence negates its cue.
pub(super) fn negated(text: &str) -> bool {
    let lower = text.to_lowercase();
    NEGATED.iter().any(|n| lower.contains(n))
}

/// Whether the text before a sentence leaves a quotation open.
fn inside_quote(before: &str) -> bool {
    let opened = before.matches('“').count();
    let closed = before.matches('”').count();
    opened > closed || before.matches('"').count() % 2 == 1
}

/// Whether the first quotation mark of a sentence closes a quote: a curly closing mark, or
/// a straight one right after sentence punctuation (`that," he said`).
fn opens_with_closing_mark(text: &str) -> bool {
    let Some((at, mark)) = text
        .char_indices()
        .find(|(_, c)| matches!(c, '"' | '“' | '”'))
    else {
        return false;
    };
    mark == '”' || (mark == '"' && at > 0 && text[..at].ends_with([',', '.', '?', '!']))
}

/// Whether a sentence starts like one: a capital letter, a digit, or an opening mark.
fn starts_well(text: &str) -> bool {
    text.trim_start().chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_fragments() {
        assert!(inside_quote("“We will see. "));
        assert!(inside_quote("\"We will see. "));
        assert!(!inside_quote("“We will see,” he said. "));
        assert!(opens_with_closing_mark(
            "It is not clear what changed after that,\" he said."
        ));
        assert!(opens_with_closing_mark(
            "It is not clear what changed after that,” he said."
        ));
        assert!(!opens_with_closing_mark("“It is not clear,” he said."));
        assert!(!opens_with_closing_mark(
            "It is unclear whether talks will resume."
        ));
        assert!(starts_well("It is unclear."));
        assert!(negated("He said Trump was not under investigation."));
        assert!(!negated("The crash is under investigation."));
        assert!(!starts_well("and it is unclear."));
    }
}
