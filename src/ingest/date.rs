//! Dates in articles and front matter -> `YYYY-MM-DD`.

use std::sync::LazyLock;

use regex::Regex;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

// A compiled constant pattern: cannot fail.
#[allow(clippy::unwrap_used)]
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$").unwrap());
#[allow(clippy::unwrap_used)]
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .unwrap()
});
#[allow(clippy::unwrap_used)]
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})\b")
        .unwrap()
});

fn month(name: &str) -> Option<u32> {
    let name = name.to_ascii_lowercase();
    MONTHS.iter().find(|(m, _)| *m == name).map(|(_, n)| *n)
}

/// `YYYY-MM-DD` of a day that exists (jiff checks month lengths and leap years), in the
/// years news is dated with.
fn iso(y: &str, m: u32, d: &str) -> Option<String> {
    let y: i16 = y.parse().ok()?;
    let d: i8 = d.parse().ok()?;
    let date = jiff::civil::Date::new(y, i8::try_from(m).ok()?, d).ok()?;
    (1900..=2200).contains(&y).then(|| date.to_string())
}

/// Parse a whole-line date such as `2016-09-09`, `September 9, 2016`, `Sept. 9, 2016`,
/// `Friday, 9 September 2016` or `9 Sep 2016 10:14 GMT`. Returns `YYYY-MM-DD`.
pub fn parse(text: &str) -> Option<String> {
    let text = text.trim();
    // Every date has a year of four ASCII digits: without one, no pattern is tried (or
    // compiled).
    let year = text
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if !year {
        return None;
    }
    if let Some(c) = ISO.captures(text) {
        return iso(&c[1], c[2].parse().ok()?, &c[3]);
    }
    if let Some(c) = MONTH_FIRST.captures(text) {
        return iso(&c[3], month(&c[1])?, &c[2]);
    }
    if let Some(c) = DAY_FIRST.captures(text) {
        return iso(&c[3], month(&c[2])?, &c[1]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_forms() {
        let cases = [
            ("2016-09-09", Some("2016-09-09")),
            ("2016-09-09T10:00:00Z", Some("2016-09-09")),
            ("September 9, 2016", Some("2016-09-09")),
            ("Sept. 9, 2016", Some("2016-09-09")),
            ("Friday, 9 September 2016", Some("2016-09-09")),
            ("9 Sep 2016 10:14 GMT", Some("2016-09-09")),
            ("Mayor says 9 things 2016", None),
            ("Kerry met Lavrov", None),
            ("February 29, 2016", Some("2016-02-29")),
            ("February 29, 2015", None),
            ("31 April 2016", None),
            ("1 May 1850", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text).as_deref(), want, "{text}");
        }
    }
}
