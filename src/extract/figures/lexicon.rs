//! Word lists and small matchers of the number grammar: qualifiers, number words,
//! months, labels, units and rate periods.

use super::lexer::Tok;

/// A set of short lowercase ASCII words that answers "not in it" for most words from
/// their length, first and last letter alone.
#[derive(Debug)]
pub(super) struct WordSet {
    words: Vec<&'static str>,
    /// By length and first letter, a bit per last letter some word has.
    ends: Vec<[u32; 26]>,
}

impl WordSet {
    /// The set of `words`; each must be lowercase ASCII letters.
    pub(super) fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        let words: Vec<&'static str> = words.into_iter().collect();
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        let mut ends = vec![[0u32; 26]; longest + 1];
        for w in &words {
            if let Some((first, last)) = Self::letters(w.as_bytes()) {
                ends[w.len()][first] |= 1 << last;
            }
        }
        Self { words, ends }
    }

    /// First and last letter of a word, lowercased, as 0..26.
    fn letters(w: &[u8]) -> Option<(usize, usize)> {
        let index = |b: &u8| {
            let k = b.to_ascii_lowercase().wrapping_sub(b'a');
            (k < 26).then_some(usize::from(k))
        };
        Some((index(w.first()?)?, index(w.last()?)?))
    }

    /// The words.
    pub(super) fn words(&self) -> &[&'static str] {
        &self.words
    }

    /// Whether some word has the length, first and last letter of `w` (in any case).
    fn may_contain(&self, w: &str) -> bool {
        match (Self::letters(w.as_bytes()), self.ends.get(w.len())) {
            (Some((first, last)), Some(ends)) => ends[first] & (1 << last) != 0,
            _ => false,
        }
    }

    /// Whether a lowercase word is in the set.
    pub(super) fn contains(&self, w: &str) -> bool {
        self.may_contain(w) && self.words.contains(&w)
    }

    /// Whether an ASCII word, in any case, is in the set.
    pub(super) fn contains_ascii(&self, w: &str) -> bool {
        self.may_contain(w)
            && if w.bytes().any(|b| b.is_ascii_uppercase()) {
                self.words.contains(&w.to_ascii_lowercase().as_str())
            } else {
                self.words.contains(&w)
            }
    }
}

/// Qualifiers, longest first so "more than" wins over nothing: the phrase and its words.
pub(super) const QUALIFIERS: &[(&str, &[&str])] = &[
    ("as many as", &["as", "many", "as"]),
    ("above", &["above"]),
    ("below", &["below"]),
    ("as much as", &["as", "much", "as"]),
    ("more than", &["more", "than"]),
    ("less than", &["less", "than"]),
    ("fewer than", &["fewer", "than"]),
    ("at least", &["at", "least"]),
    ("at most", &["at", "most"]),
    ("up to", &["up", "to"]),
    ("close to", &["close", "to"]),
    ("just over", &["just", "over"]),
    ("just under", &["just", "under"]),
    ("well over", &["well", "over"]),
    ("an estimated", &["an", "estimated"]),
    ("almost", &["almost"]),
    ("nearly", &["nearly"]),
    ("about", &["about"]),
    ("around", &["around"]),
    ("roughly", &["roughly"]),
    ("approximately", &["approximately"]),
    ("some", &["some"]),
    ("over", &["over"]),
    ("under", &["under"]),
    ("estimated", &["estimated"]),
];

pub(super) const SMALL: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
pub(super) const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
pub(super) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
/// Words before a number that make it a name or a label, not a quantity.
pub(super) const LABELS: &[&str] = &[
    "no",
    "nos",
    "number",
    "article",
    "resolution",
    "chapter",
    "section",
    "page",
    "flight",
];

/// Unit phrases (lowercased token sequences) and their canonical names.
pub(super) const UNITS: &[(&[&str], &str)] = &[
    (&["percentage", "points"], "pp"),
    (&["percentage", "point"], "pp"),
    (&["per", "cent"], "%"),
    (&["percent"], "%"),
    (&["%"], "%"),
    (&["cubic", "metres"], "m3"),
    (&["square", "kilometres"], "km2"),
    (&["square", "kilometers"], "km2"),
    (&["square", "miles"], "mi2"),
    (&["hectares"], "ha"),
    (&["cubic", "meters"], "m3"),
    (&["nautical", "miles"], "nmi"),
    (&["metres"], "m"),
    (&["meters"], "m"),
    (&["metre"], "m"),
    (&["meter"], "m"),
    (&["kilometres"], "km"),
    (&["kilometre"], "km"),
    (&["kilometers"], "km"),
    (&["km"], "km"),
    (&["centimetres"], "cm"),
    (&["miles"], "mi"),
    (&["mile"], "mi"),
    (&["tonnes"], "t"),
    (&["tonne"], "t"),
    (&["tons"], "t"),
    (&["seconds"], "seconds"),
    (&["minutes"], "minutes"),
    (&["minute"], "minutes"),
    (&["mins"], "minutes"),
    (&["hours"], "hours"),
    (&["hour"], "hours"),
    (&["hrs"], "hours"),
    (&["days"], "days"),
    (&["day"], "days"),
    (&["weeks"], "weeks"),
    (&["week"], "weeks"),
    (&["months"], "months"),
    (&["month"], "months"),
    (&["years"], "years"),
    (&["year"], "years"),
    (&["decades"], "decades"),
    (&["times"], "times"),
    (&["dollars"], "USD"),
    (&["euros"], "EUR"),
];
pub(super) const TIME_UNITS: &[&str] = &[
    "seconds", "minutes", "hours", "days", "weeks", "months", "years",
];
pub(super) const PERIODS: &[(&str, &str)] = &[
    ("hour", "hour"),
    ("day", "day"),
    ("week", "week"),
    ("month", "month"),
    ("year", "year"),
    ("daily", "day"),
    ("hourly", "hour"),
    ("weekly", "week"),
    ("annually", "year"),
];

pub(super) fn word(t: &[Tok], i: usize) -> &str {
    t.get(i).map_or("", |t| t.low.as_str())
}

/// Scale words and their factors.
pub(super) const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("mn", 1e6),
    ("m", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
];

pub(super) fn scale_of(w: &str) -> Option<f64> {
    SCALES.iter().find(|(s, _)| *s == w).map(|(_, f)| *f)
}

pub(super) fn small_of(w: &str) -> Option<f64> {
    if let Some(n) = SMALL.iter().position(|s| *s == w) {
        return Some(n as f64);
    }
    TENS.iter()
        .position(|s| *s == w)
        .map(|n| (n as f64 + 2.0) * 10.0)
}

/// Match a word sequence at `i`; returns the index after it.
pub(super) fn seq(t: &[Tok], i: usize, words: &[&str]) -> Option<usize> {
    let ok = words.iter().enumerate().all(|(k, w)| word(t, i + k) == *w);
    ok.then_some(i + words.len())
}

pub(super) fn currency(t: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    match word(t, i) {
        "$" => Some(("USD", i + 1)),
        "us" if word(t, i + 1) == "$" => Some(("USD", i + 2)),
        "\u{20ac}" | "eur" => Some(("EUR", i + 1)),
        "\u{a3}" => Some(("GBP", i + 1)),
        _ => None,
    }
}

pub(super) fn unit_at(t: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    // "48-hour": a glued hyphen before the unit.
    let j = if word(t, i) == "-" && t.get(i).is_some_and(|x| !x.gap_before) {
        i + 1
    } else {
        i
    };
    UNITS
        .iter()
        .find_map(|(words, unit)| seq(t, j, words).map(|e| (*unit, e)))
}

/// A rate period near the figure, in its clause: "every day", "an hour", "daily", "each week".
pub(super) fn period(t: &[Tok], from: usize, to: usize) -> Option<String> {
    let clause_break = |w: &str| matches!(w, "," | ";" | "." | ":" | "(" | ")");
    for k in from..to.min(t.len()) {
        if clause_break(word(t, k)) {
            break;
        }
        for (w, p) in PERIODS {
            let lead = matches!(word(t, k), "a" | "an" | "per" | "each" | "every");
            if (lead && word(t, k + 1) == *w) || (w.ends_with("ly") && word(t, k) == *w) {
                return Some((*p).to_string());
            }
        }
    }
    None
}
