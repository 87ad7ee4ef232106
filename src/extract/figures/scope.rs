//! Scope of a sentence's figures: about another event or time (background), or an earlier
//! value that the article itself says was superseded.

use super::grammar::Parsed;
use super::lexer::{Kind, Tok};
use super::lexicon::{MONTHS, word};
use super::phrase::{capitalised, raw};

/// Why a sentence's figures are about another event or time: "in 2004", "last year", "so
/// far", "In February", "three years ago". `story_year` is the year the story happens in.
pub(super) fn background(
    t: &[Tok],
    text: &str,
    story_year: Option<u32>,
    figs: &[Parsed],
) -> Option<String> {
    let owned = |i: usize| figs.iter().any(|f| f.toks.contains(&i));
    for i in 0..t.len() {
        let w = word(t, i);
        let next = word(t, i + 1);
        let phrase =
            |n: usize| text[t[i].span.start..t[(i + n).min(t.len() - 1)].span.end].to_string();
        match (w, next) {
            ("last", n)
                if [
                    "year", "month", "week", "summer", "winter", "spring", "autumn",
                ]
                .iter()
                .any(|p| n.strip_prefix(p).is_some_and(|r| r.is_empty() || r == "'s")) =>
            {
                return Some(phrase(1));
            }
            ("previous", _) | ("similar", _) => return Some(phrase(1)),
            ("earlier" | "later", "this" | "that") => return Some(phrase(2)),
            ("this", "year") if i > 0 => return Some(phrase(1)),
            _ => {}
        }
        // "three years ago", "a month after", "weeks earlier".
        let unit = matches!(
            w,
            "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years"
        );
        if (w == "ago" && i > 0) || (unit && matches!(next, "after" | "before" | "earlier")) {
            return Some(phrase(usize::from(w != "ago")));
        }
        // "In February", "in early March", "In December 2008".
        if w == "in" {
            let m = if matches!(next, "early" | "late" | "mid") {
                i + 2
            } else {
                i + 1
            };
            let month = word(t, m);
            if MONTHS.contains(&month) && capitalised(t, m, text) {
                return Some(text[t[i].span.start..t[m].span.end].to_string());
            }
        }
        // A year other than the story's: "in 2004", "the 2004 tsunami", "since 1999".
        if t[i].kind == Kind::Num && !owned(i) && t[i].low.len() == 4 {
            let year = t[i]
                .low
                .parse::<u32>()
                .ok()
                .filter(|y| (1900..=2099).contains(y));
            if let Some(y) = year
                && story_year.is_none_or(|s| s != y)
            {
                return Some(raw(t, i, text).to_string());
            }
        }
    }
    None
}

/// Figures that a sentence marks as an earlier, superseded value: those after
/// "originally", "initially", "at first", "previously", "earlier reported" in it.
pub(super) fn superseded_from(t: &[Tok]) -> Option<usize> {
    (0..t.len()).find(|&i| {
        matches!(word(t, i), "originally" | "initially" | "previously")
            || (word(t, i) == "at" && word(t, i + 1) == "first")
    })
}

/// Whether a sentence goes on about the previous sentence's subject ("It", "The quake"
/// after a sentence about another quake): then it shares that sentence's scope.
pub(super) fn continues(t: &[Tok], previous: &str) -> bool {
    match word(t, 0) {
        "it" | "this" | "that" | "they" => true,
        "the" => {
            let next = word(t, 1);
            next.len() > 2
                && previous
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(next))
        }
        _ => false,
    }
}
