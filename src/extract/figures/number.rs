//! The number itself: digits ("400,000", "5 1/2", "9.6bn"), number words ("four hundred
//! thousand", "a dozen"), vague plurals ("tens of thousands") and fractions ("a tenth of").

use std::sync::LazyLock;

use super::lexer::{Kind, Tok};
use super::lexicon::{
    SCALES, SMALL, TENS, TIME_UNITS, UNITS, WordSet, scale_of, seq, small_of, word,
};

/// The number itself, before qualifier, range and unit.
#[derive(Debug, Clone, Copy)]
pub(super) struct Core {
    pub(super) low: f64,
    pub(super) high: f64,
    /// Token index just past the number.
    pub(super) end: usize,
    /// A scale word was applied ("million").
    pub(super) scaled: f64,
    /// Written as a fraction of a whole ("half", "a tenth"): a share, in percent.
    pub(super) share: bool,
    /// Only the word "one": usually a pronoun.
    pub(super) bare_one: bool,
    /// Digits only, no separators ("2011"): may be a year.
    pub(super) plain_digits: bool,
    /// The rounding step the number is written to: 100 for "200" and "two hundred", 0.1
    /// million for "2.5 million", 12 for "two dozen", 1 for "24".
    pub(super) step: f64,
}

/// The largest power of ten that divides a whole number (1 for 24, 100 for 200), or the
/// place of the last decimal of a fraction (0.1 for 2.5).
pub(super) fn granularity(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 || !v.is_finite() {
        return 1.0;
    }
    if (v - v.round()).abs() < 1e-9 {
        let mut step = 1.0;
        while step < 1e15 && ((v / (step * 10.0)) - (v / (step * 10.0)).round()).abs() < 1e-9 {
            step *= 10.0;
        }
        return step;
    }
    let mut step = 0.1;
    while step > 1e-6 && ((v / step) - (v / step).round()).abs() > 1e-6 {
        step /= 10.0;
    }
    step
}

pub(super) fn parse_digits(t: &[Tok], i: usize) -> Option<Core> {
    let tok = t.get(i)?;
    if tok.low.contains(':') || (i > 0 && t[i - 1].kind == Kind::Word && !tok.gap_before) {
        return None; // clock time, or a name like "G20"
    }
    let frac = |s: &str| -> Option<f64> {
        let (a, b) = s.split_once('/')?;
        Some(a.parse::<f64>().ok()? / b.parse::<f64>().ok()?)
    };
    let mut v = if tok.low.contains('/') {
        frac(&tok.low)?
    } else {
        tok.low.replace(',', "").parse::<f64>().ok()?
    };
    let mut end = i + 1;
    if let Some(n) = t.get(end).filter(|n| n.kind == Kind::Num && n.gap_before)
        && let Some(f) = frac(&n.low).filter(|f| *f < 1.0)
    {
        v += f; // "5 1/2"
        end += 1;
    }
    let mut scaled = 1.0;
    // "$137-million", "2-million-euro": a scale word glued by a hyphen.
    if t.get(end).is_some_and(|h| h.low == "-" && !h.gap_before)
        && let Some(n) = t.get(end + 1).filter(|n| !n.gap_before && n.low.len() > 2)
        && let Some(s) = scale_of(&n.low)
    {
        scaled = s;
        end += 2;
    } else if let Some(n) = t.get(end).filter(|n| n.kind == Kind::Word) {
        match scale_of(&n.low) {
            // "9.6bn" is glued; "2.3 million" is spaced; a spaced lone "m" is not a scale.
            Some(s) if !n.gap_before || n.low.len() > 2 => {
                scaled = s;
                end += 1;
            }
            _ if !n.gap_before => return None, // "31st", "2nd"
            _ => {}
        }
    }
    let plain = scaled == 1.0 && tok.low.chars().all(|c| c.is_ascii_digit());
    Some(Core {
        low: v * scaled,
        high: v * scaled,
        end,
        scaled,
        share: false,
        bare_one: false,
        plain_digits: plain,
        step: granularity(v) * scaled,
    })
}

pub(super) fn parse_words(t: &[Tok], i: usize, article_ok: bool) -> Option<Core> {
    let core = |v: f64, end: usize, scaled: f64| Core {
        low: v,
        high: v,
        end,
        scaled,
        share: false,
        bare_one: false,
        plain_digits: false,
        step: granularity(v),
    };
    let w0 = word(t, i);
    // "half a dozen", "a half-dozen", "half dozen": six.
    let half_dozen = |k: usize| match (word(t, k), word(t, k + 1), word(t, k + 2)) {
        ("half", "dozen", _) => Some(k + 2),
        ("half", "-" | "a", "dozen") => Some(k + 3),
        _ => None,
    };
    let after_article = usize::from(matches!(w0, "a" | "an"));
    if let Some(end) = half_dozen(i + after_article) {
        return Some(Core {
            step: 6.0,
            ..core(6.0, end, 1.0)
        });
    }
    // Vague plurals: "tens of thousands", "millions", "dozens".
    for (head, mult) in [("tens", 10.0), ("hundreds", 100.0)] {
        if w0 == head && word(t, i + 1) == "of" {
            let s = match word(t, i + 2) {
                "thousands" => 1e3,
                "millions" => 1e6,
                _ => continue,
            };
            return Some(Core {
                low: 2.0 * mult * s,
                high: 10.0 * mult * s,
                ..core(0.0, i + 3, s)
            });
        }
    }
    // "Dozen of ships" opening a clause, with no number or article: a slip for "dozens".
    let bare_dozen =
        w0 == "dozen" && word(t, i + 1) == "of" && (i == 0 || t[i - 1].kind != Kind::Word);
    let plural = match w0 {
        "dozens" => Some(12.0),
        _ if bare_dozen => Some(12.0),
        "scores" => Some(20.0),
        "hundreds" => Some(1e2),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    };
    if let Some(s) = plural {
        return Some(Core {
            low: 2.0 * s,
            high: 10.0 * s,
            ..core(0.0, i + 1, s)
        });
    }
    // Fractions of a whole: "half the population", "a tenth of world trade".
    if w0 == "half" {
        if matches!(word(t, i + 1), "a" | "an")
            && let Some(s) = scale_of(word(t, i + 2))
        {
            return Some(core(0.5 * s, i + 3, s));
        }
        let det = [
            "the", "a", "an", "of", "its", "their", "his", "her", "all", "our",
        ];
        if det.contains(&word(t, i + 1)) {
            return Some(Core {
                share: true,
                ..core(50.0, i + 1, 1.0)
            });
        }
        return None;
    }
    if matches!(w0, "a" | "an" | "one") && word(t, i + 2) == "of" {
        let part = match word(t, i + 1) {
            "third" => Some(100.0 / 3.0),
            "quarter" => Some(25.0),
            "fifth" => Some(20.0),
            "tenth" => Some(10.0),
            _ => None,
        };
        if let Some(p) = part {
            return Some(Core {
                share: true,
                ..core(p, i + 2, 1.0)
            });
        }
    }
    // Number words, accumulated the usual way: units and tens add, scales multiply.
    let (mut total, mut current, mut j, mut seen, mut scaled) = (0.0, 0.0, i, false, 1.0_f64);
    let mut dozens = false;
    if matches!(w0, "a" | "an") {
        let next = word(t, i + 1);
        if scale_of(next).is_some() || next == "dozen" {
            current = 1.0;
            j += 1;
        } else if article_ok
            && UNITS
                .iter()
                .any(|(u, c)| u[0] == next && TIME_UNITS.contains(c))
        {
            return Some(core(1.0, i + 1, 1.0)); // "nearly a week"
        } else {
            return None;
        }
    }
    loop {
        let w = word(t, j);
        if let Some(n) = small_of(w) {
            current += n;
            // "twenty-five"
            if n >= 20.0
                && word(t, j + 1) == "-"
                && !t[j + 1].gap_before
                && let Some(u) = small_of(word(t, j + 2)).filter(|u| *u < 10.0)
            {
                current += u;
                j += 2;
            }
        } else if w == "dozen" {
            current = current.max(1.0) * 12.0;
            dozens = true;
        } else if w == "hundred" {
            current = current.max(1.0) * 100.0;
            scaled = scaled.max(100.0);
        } else if let Some(s) = scale_of(w).filter(|s| *s >= 1e3 && w.len() > 2) {
            total += current.max(1.0) * s;
            current = 0.0;
            scaled = scaled.max(s);
        } else if w == "and" && seen && small_of(word(t, j + 1)).is_some() && scaled > 1.0 {
            // "two hundred and fifty"
        } else {
            break;
        }
        seen = true;
        j += 1;
    }
    if !seen {
        return None;
    }
    let mut v = total + current;
    if seq(t, j, &["and", "a", "half"]).is_some() {
        v += 0.5;
        j += 3;
    }
    let bare_one = w0 == "one" && j == i + 1;
    Some(Core {
        bare_one,
        step: if dozens { 12.0 } else { granularity(v) },
        ..core(v, j, scaled)
    })
}

/// The words that can begin a number, or follow the "a" that begins one ("a dozen", "a
/// third of", "nearly a week"): every number [`parse_words`] reads has one.
pub(super) static STARTS: LazyLock<WordSet> = LazyLock::new(|| {
    let time = UNITS.iter().filter(|(_, c)| TIME_UNITS.contains(c));
    WordSet::new(
        SMALL
            .iter()
            .chain(TENS)
            .copied()
            .chain(SCALES.iter().map(|(w, _)| *w))
            .chain([
                "dozen",
                "dozens",
                "scores",
                "tens",
                "hundreds",
                "thousands",
                "millions",
                "billions",
                "half",
                "third",
                "quarter",
                "fifth",
                "tenth",
            ])
            .chain(time.map(|(u, _)| u[0])),
    )
});

pub(super) fn parse_core(t: &[Tok], i: usize, article_ok: bool) -> Option<Core> {
    match t.get(i)?.kind {
        Kind::Num => parse_digits(t, i),
        Kind::Word => parse_words(t, i, article_ok),
        Kind::Punct => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_starts_are_lowercase_words() {
        for w in ["one", "twenty", "m", "thousands", "week", "third"] {
            assert!(STARTS.contains(w));
            assert!(STARTS.contains_ascii(w) && STARTS.contains_ascii(&w.to_uppercase()));
        }
        for w in [
            "the",
            "tw",
            "hundredth",
            "a",
            "",
            "weekly",
            "sevens",
            "Mr",
            "e",
        ] {
            assert!(!STARTS.contains(w) && !STARTS.contains_ascii(w), "{w}");
        }
    }
}
