//! Temporal expressions: a regular grammar over the sentence text, one pattern per form,
//! longest match wins. Each match says what it denotes before any anchor is known:
//! a calendar date (possibly partial: "Sept. 8 and 9", "in February", "since 2011"), a
//! weekday ("on Thursday", "last Friday"), a day relative to the article ("yesterday",
//! "this morning"), a period relative to it ("last week", "earlier this month", "next year"),
//! a distance back ("two weeks ago"), or a form that dates nothing by itself (durations,
//! clock times, "three days later", "the day before").

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;

use crate::pattern;

/// Calendar units of relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A day.
    Day,
    /// A Monday-to-Sunday week.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// What a temporal expression denotes, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A calendar date, possibly partial: year, month, first and last day.
    Date {
        /// Year when written.
        year: Option<i32>,
        /// Month when written.
        month: Option<u32>,
        /// Day or day range ("Sept. 8 and 9") when written.
        days: Option<(u32, u32)>,
        /// A decade ("the 1990s"): ten years from `year`.
        decade: bool,
    },
    /// A month of the year before, of or after the article's ("in February of last year").
    MonthOfYear {
        /// 1..=12.
        month: u32,
        /// -1 last year, 0 this year, +1 next year.
        shift: i32,
    },
    /// A weekday, 0 = Monday; `shift` -1 for "last", +1 for "next", 0 unmarked.
    Weekday {
        /// 0 = Monday .. 6 = Sunday.
        day: u32,
        /// -1 "last Friday", +1 "next Friday", 0 "on Friday".
        shift: i32,
    },
    /// A day counted from the article's day: yesterday = -1, tonight = 0.
    DayOffset(i64),
    /// The unit containing the article's day, shifted: "last week" = (Week, -1).
    Period(Unit, i64),
    /// A distance back from the article's day: "two weeks ago" = (Week, 2).
    Ago(Unit, i64),
    /// A form that dates nothing by itself: durations, clock times, "days later".
    Undated,
}

/// One temporal expression in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// Byte range in the text searched.
    pub span: Range<usize>,
    /// What it denotes.
    pub expr: Expr,
    /// "since 2011": the period runs from the date to the article's day.
    pub since: bool,
}

#[derive(Clone, Copy)]
enum Rule {
    MonthDay,
    DayMonth,
    MonthYear,
    MonthAlone,
    MonthOfYear,
    Year,
    Weekday,
    DayWord,
    PartOfDay,
    Period,
    Ago,
    Undated,
}

const MON: &str = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept(?:ember)?|Sep|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const FULL_MON: &str = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)";
const WD: &str = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUM: &str = r"(?P<n>\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a couple of|a few|several|few|many|some))";
const UNIT: &str =
    r"(?P<unit>(?i:second|minute|hour|day|night|week|month|year|decade|centur(?:y|ies)))";
const PART: &str = r"(?:morning|afternoon|evening|night)";

/// The patterns as text, one per rule form.
static PATTERNS: LazyLock<Vec<(String, Rule)>> = LazyLock::new(|| {
    let d = r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to|through)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?";
    let y = r"(?:,?\s+(?P<y>(?:1[89]|20)\d{2})\b)?";
    let pre =
        r"(?i:in|since|until|till|by|from|early|late|mid-?|of|during|before|after|throughout)";
    let patterns = [
        (format!(r"\b(?:{WD},?\s+)?{MON}\.?\s+{d}\b{y}"), Rule::MonthDay),
        (format!(r"\b(?:{WD},?\s+)?(?:the\s+)?{d}\s+(?:of\s+)?{MON}\b\.?{y}"), Rule::DayMonth),
        (format!(r"\b(?:(?P<pre>{pre})\s+)?{MON}\.?,?\s+(?P<y>(?:1[89]|20)\d{{2}})\b"), Rule::MonthYear),
        (format!(r"\b(?:(?P<pre>{pre})\s+)?{FULL_MON}(?:,?\s+of)?\s+(?P<shift>(?i:last|this|next))\s+year\b"), Rule::MonthOfYear),
        (format!(r"\b(?P<pre>{pre}|(?i:last|next|this|earlier this|later this))\s+{FULL_MON}\b"), Rule::MonthAlone),
        (format!(r"\b(?:(?P<pre>{pre})\s+)?(?:the\s+)?(?P<y>(?:19[0-9]|20[0-4])\d)(?P<s>s)?\b"), Rule::Year),
        (format!(r"\b(?:(?P<shift>(?i:last|next|this|coming|previous))\s+)?{WD}(?:\s+{PART})?\b"), Rule::Weekday),
        (format!(r"\b(?P<w>(?i:yesterday|today|tonight|tomorrow|overnight))\b(?:\s+{PART}\b)?"), Rule::DayWord),
        (format!(r"\b(?P<w>(?i:this|last|early this|late last|earlier this|later this))\s+{PART}\b"), Rule::PartOfDay),
        (r"\b(?P<shift>(?i:last|this|next|past|coming|previous|earlier this|later this|early this|late last|the past|the previous|the coming|the next))\s+(?P<unit>week|weekend|month|year)\b".to_string(), Rule::Period),
        (format!(r"\b{NUM}\s+{UNIT}s?\s+(?P<dir>ago|earlier|later|before|after|prior)\b"), Rule::Ago),
        (format!(r"\b{NUM}\s+(?:(?i:more|consecutive|straight|long|full)\s+)?{UNIT}s?\b"), Rule::Undated),
        (format!(r"\b(?:\d+|{})-(?i:second|minute|hour|day|night|week|month|year|decade)s?(?:-(?:long|old))?\b", "(?i:one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty|ninety|several)"), Rule::Undated),
        (r"\b(?i:(?:for|within|over|in|after)\s+(?:hours|days|weeks|months|years|decades)|(?:minutes|hours|days|weeks|months|years|moments)\s+(?:later|earlier|before|after)|the\s+(?:day|week|month|year|night|morning|evening)\s+(?:before|after|earlier|later))\b".to_string(), Rule::Undated),
        (r"\b(?:(?i:at|around|about|by|until|after|before|shortly after|just after|just before)\s+){0,2}\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\b\.?|(?i:o'clock|GMT|UTC|local time))".to_string(), Rule::Undated),
        (r"\b\d{1,2}:\d{2}\b|\b(?i:noon|midnight|dawn|dusk)\b".to_string(), Rule::Undated),
    ];
    patterns.into_iter().collect()
});

/// Each pattern compiled on its own, for its captures, the first time [`SETS`] finds it in
/// a text: a folder whose sentences never use a form does not pay for compiling it. A text in
/// ASCII (nearly every sentence) is searched with the patterns compiled in ASCII mode
/// ([`pattern::ascii_regex`]), which find the same matches and captures there and cost about
/// half of the Unicode build; the Unicode ones are built only for a text outside ASCII.
static RULES: LazyLock<Vec<[OnceLock<Regex>; 2]>> = LazyLock::new(|| {
    PATTERNS
        .iter()
        .map(|_| [OnceLock::new(), OnceLock::new()])
        .collect()
});

/// Pattern `i`, compiled for a text in ASCII (`ascii`) or any text.
fn compiled(i: usize, ascii: bool) -> (&'static Regex, Rule) {
    let (text, rule) = &PATTERNS[i];
    let build = if ascii {
        pattern::ascii_regex
    } else {
        pattern::regex
    };
    // The patterns are constants: compiling them cannot fail.
    let re =
        RULES[i][usize::from(ascii)].get_or_init(|| build(text).unwrap_or_else(|e| panic!("{e}")));
    (re, *rule)
}

/// All patterns in one automaton: which of them match a text, in one pass, so only those
/// are searched again for their captures; for any text (0) and, in ASCII mode, for a text
/// in ASCII (1). Built without literal prefilters ([`crate::pattern`]), each on first use.
static SETS: [LazyLock<Regex>; 2] = [
    LazyLock::new(|| set_of(pattern::set)),
    LazyLock::new(|| set_of(pattern::ascii_text_set)),
];

fn set_of(build: fn(&[&str]) -> Result<Regex, Box<regex_automata::meta::BuildError>>) -> Regex {
    let patterns: Vec<&str> = PATTERNS.iter().map(|(p, _)| p.as_str()).collect();
    // The patterns are constants: compiling them cannot fail.
    build(&patterns).unwrap_or_else(|e| panic!("{e}"))
}

/// What every pattern needs: a digit, a month or weekday name as the patterns write it, or
/// a calendar or clock word at the start of a word. Most sentences have none, and one search
/// rules all patterns out.
// A compiled constant pattern: cannot fail.
#[allow(clippy::unwrap_used)]
static ANY: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?i:\b(?:yesterday|today|tonight|tomorrow|overnight|morning|afternoon|evening|night|week|month|year|decade|centur|hour|minute|second|day|noon|midnight|dawn|dusk|moment))",
    )
    .unwrap()
});

/// Build the screen and the set for text in ASCII now (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&ANY);
    LazyLock::force(&SETS[1]);
}

/// Every temporal expression in `text`, in text order, none overlapping.
pub fn detect(text: &str) -> Vec<TimeExpr> {
    if !ANY.is_match(text) {
        return Vec::new();
    }
    let mut found: Vec<TimeExpr> = Vec::new();
    let ascii = text.is_ascii();
    for (re, rule) in pattern::matching(&SETS[usize::from(ascii)], text)
        .iter()
        .map(|i| compiled(i.as_usize(), ascii))
    {
        for caps in re.captures_iter(text) {
            let Some(m) = caps.get_match() else { continue };
            let groups = Groups { text, caps: &caps };
            if let Some((expr, since)) = interpret(text, rule, &groups) {
                found.push(TimeExpr {
                    span: m.start()..m.end(),
                    expr,
                    since,
                });
            }
        }
    }
    // Longest first at each start; then keep what does not overlap an earlier keeper.
    found.sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end)));
    let mut kept: Vec<TimeExpr> = Vec::new();
    for t in found {
        let clashes = kept
            .iter()
            .any(|k| k.span.start < t.span.end && t.span.start < k.span.end);
        if !clashes {
            kept.push(t);
        } else if let Some(k) = kept
            .iter_mut()
            .find(|k| k.span.start < t.span.end && t.span.start < k.span.end)
            // A longer match that starts inside an earlier, shorter one replaces it.
            .filter(|k| t.span.len() > k.span.len() && t.span.end > k.span.end)
        {
            *k = t;
        }
    }
    kept.sort_by_key(|t| t.span.start);
    kept
}

/// A match's named groups as text.
struct Groups<'t> {
    text: &'t str,
    caps: &'t Captures,
}

impl<'t> Groups<'t> {
    fn name(&self, name: &str) -> Option<&'t str> {
        self.caps
            .get_group_by_name(name)
            .map(|span| &self.text[span.start..span.end])
    }

    /// The whole match's byte range.
    fn whole(&self) -> Option<Range<usize>> {
        self.caps.get_match().map(|m| m.start()..m.end())
    }
}

fn interpret(text: &str, rule: Rule, c: &Groups) -> Option<(Expr, bool)> {
    let num = |name: &str| c.name(name).and_then(|m| m.parse::<u32>().ok());
    let lower = |name: &str| c.name(name).map(str::to_ascii_lowercase);
    let since = lower("pre").is_some_and(|p| p == "since" || p == "from");
    let month = c.name("mon").and_then(month_number);
    let year = num("y").map(|y| y as i32);
    let days = num("d1").map(|d1| (d1, num("d2").unwrap_or(d1)));
    let expr = match rule {
        Rule::MonthDay | Rule::DayMonth => {
            let (d1, d2) = days?;
            if d1 == 0 || d1 > 31 || d2 < d1 || d2 > 31 {
                return None;
            }
            Expr::Date {
                year,
                month,
                days,
                decade: false,
            }
        }
        Rule::MonthYear | Rule::MonthAlone => Expr::Date {
            year,
            month,
            days: None,
            decade: false,
        },
        Rule::MonthOfYear => Expr::MonthOfYear {
            month: month?,
            shift: match lower("shift")?.as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            },
        },
        Rule::Year => {
            let m = c.whole()?;
            // A year, not part of a larger number, an amount or a measure.
            let before = text[..m.start].chars().next_back();
            let after = text[m.end..].trim_start();
            if before.is_some_and(|ch| ch == '$' || ch == '£' || ch == '€' || ch == '#')
                || text[..m.start].ends_with(['.', ','])
                || after.starts_with(['%', '-'])
                || (text[m.end..].starts_with([',', '.'])
                    && text[m.end + 1..].starts_with(|ch: char| ch.is_ascii_digit()))
                || starts_with_measure(after)
            {
                return None;
            }
            Expr::Date {
                year,
                month: None,
                days: None,
                decade: c.name("s").is_some(),
            }
        }
        Rule::Weekday => Expr::Weekday {
            day: weekday_number(c.name("wd")?)?,
            shift: match lower("shift").as_deref() {
                Some("last" | "previous") => -1,
                Some("next" | "coming") => 1,
                _ => 0,
            },
        },
        Rule::DayWord => match lower("w")?.as_str() {
            "yesterday" => Expr::DayOffset(-1),
            "tomorrow" => Expr::DayOffset(1),
            _ => Expr::DayOffset(0),
        },
        Rule::PartOfDay => match lower("w")?.as_str() {
            "last" | "late last" => Expr::DayOffset(-1),
            _ => Expr::DayOffset(0),
        },
        Rule::Period => {
            let unit = match lower("unit")?.as_str() {
                "week" | "weekend" => Unit::Week,
                "month" => Unit::Month,
                _ => Unit::Year,
            };
            let shift = match lower("shift")?.as_str() {
                "next" | "coming" | "the coming" | "the next" => 1,
                "last" | "past" | "previous" | "the past" | "the previous" | "late last" => -1,
                _ => 0,
            };
            Expr::Period(unit, shift)
        }
        Rule::Ago => {
            let unit = match lower("unit")?.trim_end_matches('s') {
                "day" | "night" => Some(Unit::Day),
                "week" => Some(Unit::Week),
                "month" => Some(Unit::Month),
                "year" => Some(Unit::Year),
                _ => None,
            };
            let n = count(&lower("n")?);
            match (lower("dir")?.as_str(), unit, n) {
                ("ago", Some(unit), Some(n)) => Expr::Ago(unit, n),
                _ => Expr::Undated,
            }
        }
        Rule::Undated => Expr::Undated,
    };
    Some((expr, since))
}

/// Words after a number that make it a measure, not a year ("2000 people").
fn starts_with_measure(after: &str) -> bool {
    let word: String = after
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    matches!(
        word.as_str(),
        "people"
            | "troops"
            | "soldiers"
            | "civilians"
            | "men"
            | "women"
            | "children"
            | "dollars"
            | "euros"
            | "pounds"
            | "tonnes"
            | "tons"
            | "metres"
            | "meters"
            | "feet"
            | "miles"
            | "km"
            | "kilometres"
            | "kilometers"
            | "votes"
            | "homes"
            | "houses"
            | "jobs"
            | "points"
            | "residents"
            | "refugees"
            | "migrants"
            | "hectares"
            | "acres"
            | "deaths"
            | "cases"
            | "units"
            | "vehicles"
            | "ships"
            | "containers"
            | "yards"
            | "calories"
            | "rounds"
            | "pages"
            | "words"
    )
}

/// A count word or number ("two", "a", "12").
fn count(n: &str) -> Option<i64> {
    if let Ok(k) = n.parse::<i64>() {
        return Some(k);
    }
    let k = match n {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    };
    Some(k)
}

/// 1..=12 from a month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let key = lower.get(..3)?;
    let n = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| *m == key)?;
    Some(n as u32 + 1)
}

fn weekday_number(name: &str) -> Option<u32> {
    let key = name.get(..3)?.to_ascii_lowercase();
    let n = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|m| *m == key)?;
    Some(n as u32)
}

#[cfg(test)]
mod ascii_tests {
    use super::*;

    /// On a text in ASCII, the ASCII builds find the same patterns, matches and captures as
    /// the Unicode ones: on phrases of every form and on random strings of the patterns' own
    /// pieces.
    #[test]
    fn ascii_builds_match_as_the_unicode_ones_on_ascii() {
        let pieces = [
            "Jan",
            "January",
            "Sept.",
            "Sep",
            "May",
            "December",
            "Monday",
            "Friday",
            "the",
            "of",
            "8",
            "21st",
            "2016",
            "1990s",
            "19",
            "-",
            "and",
            " ",
            " ",
            ", ",
            ".",
            ":",
            "30",
            "last",
            "Last",
            "next",
            "this",
            "earlier this",
            "year",
            "YEAR",
            "Year",
            "week",
            "weekend",
            "month",
            "MONTHS",
            "morning",
            "Night",
            "night",
            "yesterday",
            "ToDay",
            "tonight",
            "overnight",
            "ago",
            "later",
            "before",
            "prior",
            "two",
            "A",
            "a few",
            "Hours",
            "days",
            "Decade",
            "centuries",
            "second",
            "minute",
            "moments",
            "for",
            "in",
            "at",
            "a.m.",
            "pm",
            "P.M.",
            "GMT",
            "o'clock",
            "Local Time",
            "noon",
            "Midnight",
            "dawn",
            "dusk",
            "long",
            "old",
            "day",
            "\t",
            "_",
            "x9",
        ];
        let mut texts: Vec<String> = vec![
            "On Sept. 8 and 9 the talks resumed.".into(),
            "since 2011".into(),
            "in February of last year".into(),
            "last Friday evening".into(),
            "two weeks ago, a three-day strike".into(),
            "at 10:30 GMT, around 9 p.m. local time".into(),
            "for years; hours later; the day before".into(),
        ];
        let mut x: u64 = 7;
        for _ in 0..5_000 {
            let mut s = String::new();
            for _ in 0..6 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push_str(pieces[(x % pieces.len() as u64) as usize]);
                if x & 0x100 == 0 {
                    s.push(' ');
                }
            }
            texts.push(s);
        }
        let which = |set: &Regex, text: &str| -> Vec<usize> {
            pattern::matching(set, text)
                .iter()
                .map(|p| p.as_usize())
                .collect()
        };
        for text in &texts {
            assert_eq!(which(&SETS[0], text), which(&SETS[1], text), "{text:?}");
            for i in 0..PATTERNS.len() {
                let spans = |re: &Regex| -> Vec<Vec<Option<(usize, usize)>>> {
                    re.captures_iter(text.as_str())
                        .map(|c| {
                            (0..c.group_len())
                                .map(|g| c.get_group(g).map(|s| (s.start, s.end)))
                                .collect()
                        })
                        .collect()
                };
                let (unicode, _) = compiled(i, false);
                let (ascii, _) = compiled(i, true);
                assert_eq!(spans(unicode), spans(ascii), "pattern {i} on {text:?}");
            }
        }
    }
}
