//! The number grammar: finds figures in one sentence and normalises them.
//!
//! A figure is `[qualifier] [between] [currency] number [range] [unit]`, where `number` is a
//! digit group ("400,000", "1.5", "5 1/2", "2.3 million", "9.6bn"), a run of number words
//! ("four hundred thousand", "a dozen", "three and a half"), a vague plural ("millions",
//! "tens of thousands") or a fraction ("half the population", "a tenth of"). Dates, clock
//! times, years, ordinals, names ("G20", "Group of 20", "No. 2") and the pronoun "one" are
//! rejected here, so the comparison never sees them.

use std::ops::Range;
use std::sync::LazyLock;

use super::Value;
use super::frame_words::{STOP, is_plural};
use super::lexer::{Kind, Tok, spans, tokenize};
use super::lexicon::{
    LABELS, MONTHS, QUALIFIERS, TIME_UNITS, WordSet, currency, period, seq, unit_at, word,
};
use super::number::{STARTS, parse_core};

/// A figure found in a sentence, before it is placed in the corpus.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Parsed {
    /// Byte range in the sentence, qualifier and unit included.
    pub(super) span: Range<usize>,
    /// Token range of the figure (for the measure window).
    pub(super) toks: Range<usize>,
    /// The stated value.
    pub(super) value: Value,
    /// Qualifier as written, lowercased ("more than").
    pub(super) qualifier: Option<String>,
    /// Canonical unit.
    pub(super) unit: Option<String>,
    /// Rate period ("day" in "$9.6 billion of goods every day").
    pub(super) per: Option<String>,
    /// "two more tugs": an addition, not a total.
    pub(super) increment: bool,
    /// "his first 100 days", "the past 24 hours": a period the sentence speaks of, not a
    /// length it reports.
    pub(super) window: bool,
    /// A reading of a state that changes by the hour or a forecast ("115 mph winds", "the
    /// eye was 140 miles southeast of Port Elm", "a 70 percent chance of rain"): two
    /// articles that give different values have read it at different times, or guessed.
    pub(super) reading: bool,
    /// The rounding step the number is written to (100 for "200").
    pub(super) step: f64,
}

/// Whether a sentence can hold a figure at all: a figure's number starts with a digit or
/// with a word of [`STARTS`]. Most sentences have neither, and this is much
/// cheaper than [`parse_sentence`].
pub(super) fn may_hold_figure(text: &str) -> bool {
    if text.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    if text.is_ascii() {
        // Without digits, ASCII tokens are words (letters, inner apostrophes) and marks.
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            while i < b.len()
                && (b[i].is_ascii_alphabetic()
                    || (b[i] == b'\'' && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)))
            {
                i += 1;
            }
            if STARTS.contains_ascii(&text[start..i]) {
                return true;
            }
        }
        return false;
    }
    spans(text).any(|(kind, span, _)| {
        let raw = &text[span];
        kind == Kind::Word
            && if raw.is_ascii() {
                STARTS.contains_ascii(raw)
            } else {
                STARTS.contains(&deunicode::deunicode(raw).to_lowercase())
            }
    })
}

/// Find every figure in a sentence.
pub(super) fn parse_sentence(text: &str) -> (Vec<Tok>, Vec<Parsed>) {
    let t = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !may_begin(&t[i]) {
            i += 1;
            continue;
        }
        match parse_at(&t, i, text) {
            Ok(p) => {
                i = p.toks.end;
                out.push(p);
            }
            Err(skip) => i = skip.max(i + 1),
        }
    }
    (t, out)
}

/// The words a figure can begin with: those a number begins with, the article, "between",
/// the first words of qualifiers and of currencies.
static BEGINS: LazyLock<WordSet> = LazyLock::new(|| {
    let qualifiers = QUALIFIERS.iter().filter_map(|(_, words)| words.first());
    WordSet::new(
        STARTS
            .words()
            .iter()
            .chain(qualifiers)
            .copied()
            .chain(["a", "an", "between", "us", "eur"]),
    )
});

/// Whether a figure can begin at this token; where it cannot, [`parse_at`] fails at once.
fn may_begin(t: &Tok) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Word => BEGINS.contains(&t.low),
        Kind::Punct => matches!(t.low.as_str(), "$" | "\u{20ac}" | "\u{a3}"),
    }
}

/// `text.to_lowercase().starts_with(prefix)` for an ASCII `prefix`, lowercasing only as
/// much of `text` as the comparison needs. (The one context-dependent lowercasing, of a
/// final capital sigma, gives a non-ASCII letter either way.)
fn lower_starts_with(text: &str, prefix: &str) -> bool {
    let mut lowered = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lowered.next() == Some(p))
}

/// Parse a figure starting at token `i`; `Err(next)` says where to resume.
fn parse_at(t: &[Tok], i: usize, text: &str) -> Result<Parsed, usize> {
    let mut j = i;
    let mut qualifier = QUALIFIERS
        .iter()
        .find_map(|(q, words)| seq(t, i, words).map(|e| (q.to_string(), e)));
    if let Some((_, e)) = &qualifier {
        j = *e;
    }
    let between = word(t, j) == "between";
    if between {
        j += 1;
    }
    let cur = currency(t, j);
    if let Some((_, e)) = cur {
        j = e;
    }
    let first = j;
    let Some(mut core) = parse_core(t, j, qualifier.is_some()) else {
        return Err(i + 1);
    };
    let mut end = core.end;
    // Dates and labels: "Sept. 8 and 9", "July 31", "No. 2", "Group of 20".
    let back = |k: usize| if first >= k { word(t, first - k) } else { "" };
    let after_dot = if back(1) == "." { back(2) } else { back(1) };
    let month_after = MONTHS.contains(&word(t, end)) && word(t, end) != "may";
    let month_before = MONTHS.contains(&after_dot)
        && (after_dot != "may" || text[t[first - 1].span.clone()].starts_with('M'));
    if t[first].kind == Kind::Num && (month_before || month_after) {
        let mut k = end + usize::from(month_after);
        while matches!(word(t, k), "and" | "-" | "," | "to")
            && t.get(k + 1).is_some_and(|x| x.kind == Kind::Num)
        {
            k += 2;
        }
        return Err(k);
    }
    if LABELS.contains(&after_dot) || (back(1) == "of" && back(2) == "group") {
        return Err(end);
    }
    if let Some(after) = phone_number(t, first) {
        return Err(after);
    }
    if t[first].kind == Kind::Num && !is_quantity_number(t, first, end, text) {
        return Err(end);
    }
    let rest = text
        .get(t.get(end).map_or(text.len(), |x| x.span.start)..)
        .unwrap_or("");
    let clock = ["a.m.", "p.m.", "am ", "pm ", "gmt", "utc", "o'clock"];
    if clock.iter().any(|c| lower_starts_with(rest, c)) {
        return Err(end);
    }
    // Ranges: "two to three", "$14 million to $15 million", "between 10 and 20", "14-15".
    let joiner = word(t, end);
    let is_join = matches!(joiner, "to" | "or" | "-" | "\u{2013}") || (between && joiner == "and");
    if is_join {
        let mut k = end + 1;
        if let Some((_, e)) = currency(t, k) {
            k = e;
        }
        let glued_dash = joiner != "-" || t.get(k).is_some_and(|x| !x.gap_before);
        if let Some(second) = parse_core(t, k, false).filter(|_| glued_dash) {
            if joiner == "-" && second.high < core.low {
                return Err(second.end); // a score or a vote: "20-13", "9-3"
            }
            // The dash glued to the second number is checked above; glued to the first too:
            if joiner == "-" && core.low == 9.0 && second.low == 11.0 && !t[end].gap_before {
                return Err(second.end); // "9-11", the attacks' name
            }
            if core.scaled == 1.0 && second.scaled > 1.0 && core.low < second.low / second.scaled {
                core.low *= second.scaled; // "$6 to $10 billion"
            }
            core.high = second.high.max(core.high);
            core.low = core.low.min(second.low);
            core.bare_one = false;
            core.plain_digits = false;
            end = second.end;
        }
    }
    if seq(t, end, &["or", "so"]).is_some() && qualifier.is_none() {
        qualifier = Some(("or so".to_string(), end));
        end += 2;
    }
    let mut unit = cur.map(|(u, _)| u.to_string());
    let mut span_end = end;
    if let Some((u, e)) = unit_at(t, end) {
        unit.get_or_insert_with(|| u.to_string());
        span_end = e;
    } else if word(t, end) == "-"
        && !t[end].gap_before
        && !t[first].low.contains('.')
        && t.get(end + 1).is_some_and(|x| x.kind == Kind::Word)
    {
        return Err(end); // "two-way", "COVID-19"-like compounds
    } else if matches!(word(t, end), "people" | "persons" | "person") {
        unit = Some("people".into());
    }
    if core.share {
        unit = Some("%".into());
    }
    // "over two years" is a period ("during"), not "more than two years".
    let mut start = i;
    if qualifier.as_ref().is_some_and(|(q, _)| q == "over")
        && unit.as_deref().is_some_and(|u| TIME_UNITS.contains(&u))
    {
        qualifier = None;
        start = i + 1;
    }
    // Ages: "a 61-year-old man", "sixty-one-year-old", and unhyphenated "27 year old".
    if seq(t, span_end, &["-", "old"]).is_some() {
        return Err(span_end + 2);
    }
    if word(t, span_end) == "old" && unit.as_deref().is_some_and(|u| TIME_UNITS.contains(&u)) {
        return Err(span_end + 1);
    }
    // Clock times in hours: "at 1100 hours".
    if unit.as_deref() == Some("hours") && core.plain_digits && t[first].low.len() == 4 {
        return Err(span_end);
    }
    let quantity = unit.is_some() || cur.is_some();
    if core.bare_one && !quantity {
        return Err(end);
    }
    if core.plain_digits && !quantity && (1800.0..=2100.0).contains(&core.low) {
        return Err(end); // a year
    }
    // Rates: counts only after the figure ("50 ships pass daily"); money also before it
    // ("each week of closure could cost $6 billion").
    let per = match unit.as_deref() {
        None | Some("people") => period(t, span_end, span_end + 7),
        Some("USD" | "EUR" | "GBP") => period(t, span_end, span_end + 7).or_else(|| {
            let from = t[..i]
                .iter()
                .rposition(|x| matches!(x.low.as_str(), "," | ";" | "." | ":"));
            period(t, from.map_or(0, |f| f + 1), i)
        }),
        _ => None,
    };
    let increment = matches!(word(t, span_end), "more" | "additional" | "extra")
        || (i > 0 && word(t, i - 1) == "another");
    // "with 31 seconds remaining", "two minutes left to play": a clock read at one moment.
    let countdown = matches!(word(t, span_end), "remaining" | "left")
        || (word(t, span_end) == "to" && matches!(word(t, span_end + 1), "go" | "play"));
    let window = unit.as_deref().is_some_and(|u| TIME_UNITS.contains(&u))
        && ((i > 0 && WINDOW_WORDS.contains(&word(t, i - 1))) || countdown);
    let reading = is_reading(t, span_end, unit.as_deref());
    Ok(Parsed {
        span: t[start].span.start..t[span_end - 1].span.end,
        toks: start..span_end,
        value: Value {
            low: core.low,
            high: core.high,
        },
        qualifier: qualifier.map(|(q, _)| q),
        unit,
        per,
        increment,
        window,
        reading,
        step: core.step,
    })
}

/// Whether the figure ending at token `end` is a momentary reading or a forecast: a speed
/// or a distance in a sentence about a storm or the wind (a storm's winds, its speed and its
/// position change by the hour, so articles written hours apart differ without disputing
/// anything), or a percentage chance (a forecast, not a count).
fn is_reading(t: &[Tok], end: usize, unit: Option<&str>) -> bool {
    if unit == Some("%") {
        return matches!(
            word(t, end),
            "chance" | "chances" | "probability" | "likelihood" | "odds"
        );
    }
    // "115 mph"; "15 miles per hour" is a distance unit followed by "per hour".
    let speed = matches!(word(t, end), "mph" | "kph" | "knots" | "km/h");
    let distance = matches!(unit, Some("mi" | "km" | "nmi"));
    (speed || distance) && t.iter().any(|x| STORM_WORDS.contains(&x.low.as_str()))
}

/// Words that put a sentence's speeds and distances on a storm or the wind.
const STORM_WORDS: &[&str] = &[
    "wind",
    "winds",
    "gust",
    "gusts",
    "gusting",
    "hurricane",
    "hurricanes",
    "typhoon",
    "cyclone",
    "storm",
    "storms",
    "tornado",
    "eye",
];

/// Words before a length of time that make it a window of time ("the first 100 days", "the
/// past 24 hours", "the next two weeks").
const WINDOW_WORDS: &[&str] = &[
    "first",
    "last",
    "past",
    "next",
    "previous",
    "coming",
    "final",
    "initial",
    "preceding",
];

/// Street words that end an address after its number: "325 E. Dahlia Ave.", "10 Downing
/// Street", "1600 Pennsylvania Avenue".
const STREET_WORDS: &[&str] = &[
    "ave",
    "avenue",
    "blvd",
    "boulevard",
    "dr",
    "drive",
    "lane",
    "ln",
    "rd",
    "road",
    "st",
    "street",
    "way",
    "hwy",
    "highway",
    "pkwy",
    "parkway",
    "place",
    "pl",
    "court",
    "ct",
    "terrace",
    "square",
    "sq",
];

/// Whether the words after a number are a street's name: up to four capitalised words
/// (a direction such as "E." among them) ending in a street word.
fn is_street_address(t: &[Tok], end: usize, text: &str) -> bool {
    let capital = |i: usize| {
        t.get(i).is_some_and(|x| {
            x.kind == Kind::Word && text[x.span.clone()].starts_with(char::is_uppercase)
        })
    };
    let mut k = end;
    let mut words = 0;
    while words < 5 && capital(k) {
        if words > 0 && STREET_WORDS.contains(&word(t, k)) {
            return true;
        }
        words += 1;
        k += 1;
        if word(t, k) == "." {
            k += 1;
        }
    }
    false
}

/// A telephone number written with dashes: three digits glued by a dash to four
/// ("745-4811", "907-745-4811"), where a range of counts would be round at one end at least
/// ("500-1000") or written with a thousands comma ("500-1,000"). Gives the token after it.
fn phone_number(t: &[Tok], first: usize) -> Option<usize> {
    let plain = |i: usize, n: usize| {
        t.get(i).is_some_and(|x| {
            x.kind == Kind::Num && x.low.len() == n && x.low.bytes().all(|b| b.is_ascii_digit())
        })
    };
    let glued_dash = |i: usize| {
        t.get(i).is_some_and(|x| x.low == "-" && !x.gap_before)
            && t.get(i + 1).is_some_and(|x| !x.gap_before)
    };
    let round = |i: usize| t[i].low.ends_with('0');
    // "9-1-1", the emergency number spelled out.
    if plain(first, 1) && glued_dash(first + 1) && plain(first + 2, 1) && glued_dash(first + 3) {
        return plain(first + 4, 1).then_some(first + 5);
    }
    // "907-745-4811": the area code.
    if plain(first, 3) && glued_dash(first + 1) && plain(first + 2, 3) && glued_dash(first + 3) {
        return plain(first + 4, 4).then_some(first + 5);
    }
    (plain(first, 3)
        && glued_dash(first + 1)
        && plain(first + 2, 4)
        && !(round(first) && round(first + 2)))
    .then_some(first + 3)
}

/// A number that names a model or a calibre, read from the capitalised singular word after
/// it: "a .357 Magnum handgun", "the 737 Max". The word before the number is lower-case or
/// absent (in a title-case headline every word is capitalised), the word after is capitalised but not an
/// acronym, a month or a stop word, and no plural follows within four words ("500 National
/// Guard troops" is a count).
fn is_model_number(t: &[Tok], first: usize, end: usize, text: &str) -> bool {
    let raw = |i: usize| t.get(i).map_or("", |x| &text[x.span.clone()]);
    let titled = |i: usize| {
        let mut c = raw(i).chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_some_and(char::is_lowercase)
    };
    let Some(next) = t.get(end).filter(|x| x.kind == Kind::Word && x.gap_before) else {
        return false;
    };
    let whole = t[first..end].iter().all(|x| x.kind == Kind::Num)
        && t[first].low.parse::<u32>().is_ok_and(|v| v > 1);
    // No word before: a number opening a sentence ("a. 357 Magnum" is cut after "a.").
    let lower_before = t[..first]
        .iter()
        .rposition(|x| x.kind == Kind::Word)
        .is_none_or(|i| raw(i).chars().next().is_some_and(char::is_lowercase));
    let plural_after = (end..(end + 4).min(t.len()))
        .take_while(|&i| t[i].kind == Kind::Word)
        .any(|i| is_plural(&t[i].low));
    whole
        && lower_before
        && titled(end)
        && !MONTHS.contains(&next.low.as_str())
        && !STOP.contains(&next.low.as_str())
        && !plural_after
}

/// Words after an emergency telephone number that make it the number, not a count.
const EMERGENCY_AFTER: &[&str] = &[
    "call",
    "calls",
    "caller",
    "callers",
    "center",
    "centre",
    "dispatcher",
    "dispatchers",
    "line",
    "operator",
    "operators",
    "recording",
    "recordings",
    "service",
    "services",
    "supervisor",
    "system",
    "tape",
    "tapes",
];

/// Words before an emergency telephone number that make it the number.
const EMERGENCY_BEFORE: &[&str] = &[
    "call", "called", "calling", "dial", "dialed", "dialled", "dialling",
];

/// Whether a number written in digits is a quantity, not a name, a code or an age:
/// "AK-47", "Interstate 75", "Nava 5" (glued or spaced after a capitalised word), phone
/// numbers ("0845 125 2222": a leading zero, or a run of spaced digit groups), and ages
/// after a name ("Banky, 40,", "aged 24").
fn is_quantity_number(t: &[Tok], first: usize, end: usize, text: &str) -> bool {
    let raw = |i: usize| t.get(i).map_or("", |x| &text[x.span.clone()]);
    let tok = &t[first];
    if tok.low.len() > 2 && tok.low.starts_with('0') && !tok.low.starts_with("0.") {
        return false;
    }
    let digits = |i: usize| {
        t.get(i)
            .is_some_and(|x| x.kind == Kind::Num && !x.low.contains('/'))
    };
    if (first > 0 && digits(first - 1) && tok.gap_before) || (digits(end) && t[end].gap_before) {
        return false;
    }
    if is_model_number(t, first, end, text) {
        return false;
    }
    let next = word(t, end);
    let before = if first > 0 { word(t, first - 1) } else { "" };
    // Emergency numbers: "a 911 dispatcher", "called 911", "999 calls".
    if matches!(tok.low.as_str(), "911" | "999" | "112")
        && (EMERGENCY_AFTER.contains(&next) || EMERGENCY_BEFORE.contains(&before))
    {
        return false;
    }
    // Street addresses ("the 12000 block of Roosevelt Boulevard", "325 E. Dahlia Ave.") and
    // calibres ("a .357 magnum", "a .22 caliber rifle").
    if (next == "block" && word(t, end + 1) == "of")
        || matches!(next, "magnum" | "caliber" | "calibre")
        || is_street_address(t, end, text)
    {
        return false;
    }
    if first == 0 {
        return true;
    }
    let prev = &t[first - 1];
    let capital = |i: usize| raw(i).chars().next().is_some_and(char::is_uppercase);
    // "AK-47", "DC-3", "I-75".
    if prev.low == "-"
        && !tok.gap_before
        && first >= 2
        && t[first - 2].kind == Kind::Word
        && capital(first - 2)
    {
        return false;
    }
    // "Interstate 75", "Highway 175", "Channel 16": a capitalised word that is not the
    // sentence's first.
    if prev.kind == Kind::Word
        && first >= 2
        && capital(first - 1)
        && !MONTHS.contains(&prev.low.as_str())
    {
        return false;
    }
    if matches!(prev.low.as_str(), "aged" | "age" | "ages") {
        return false;
    }
    // "Banky, 40, of Vancouver": a bare number between commas after a name.
    let after = word(t, end);
    let age = prev.low == ","
        && first >= 2
        && t[first - 2].kind == Kind::Word
        && capital(first - 2)
        && matches!(
            after,
            "," | "." | ")" | "" | "and" | "of" | "who" | "was" | "is" | "has"
        );
    !age
}
