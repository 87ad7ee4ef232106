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

/// The captures of [`ISO`] (year, month, day), read by hand from text in ASCII: front
/// matter dates are ISO, and compiling the expression (its `\d` is Unicode's) was a
/// noticeable part of a small brief's start-up. Other text goes to the expression.
fn iso_parts(text: &str) -> Option<(&str, &str, &str)> {
    if !text.is_ascii() {
        let c = ISO.captures(text)?;
        return Some((c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str()));
    }
    let b = text.as_bytes();
    let digits = |from: usize| {
        b.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    // `(\d{4})-`: exactly four digits, then a hyphen.
    if digits(0) < 4 || b.get(4) != Some(&b'-') {
        return None;
    }
    // `(\d{1,2})-`: one or two digits, then a hyphen (a third digit fails either way).
    let m = digits(5);
    if !(1..=2).contains(&m) || b.get(5 + m) != Some(&b'-') {
        return None;
    }
    // `(\d{1,2})(?:[T ].*)?$`: one or two digits, then the end, or `T` or a space and no
    // line break to the end.
    let start = 6 + m;
    let d = digits(start);
    let end = start + d;
    let tail_ok = match b.get(end) {
        None => true,
        Some(b'T' | b' ') => !b[end + 1..].contains(&b'\n'),
        Some(_) => false,
    };
    ((1..=2).contains(&d) && tail_ok).then(|| (&text[..4], &text[5..5 + m], &text[start..end]))
}

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
    if let Some((y, m, d)) = iso_parts(text) {
        return iso(y, m.parse().ok()?, d);
    }
    if let Some(c) = MONTH_FIRST.captures(text) {
        return iso(&c[3], month(&c[1])?, &c[2]);
    }
    if let Some(c) = DAY_FIRST.captures(text) {
        return iso(&c[3], month(&c[2])?, &c[1]);
    }
    None
}

/// The date a file's path gives, for an article that states none: the last path component
/// that holds one, as `2021-03-25`, `2021_03_25` or `20210325` (a year 1900-2099 between
/// non-digits), or a wire-service document number, `AP880911-0016` (two to four capitals and
/// `YYMMDD` before `-` or `.`; years 50-99 are 19YY). Days that do not exist give nothing.
pub fn from_path(rel: &str) -> Option<String> {
    rel.rsplit(['/', '\\']).find_map(from_name)
}

fn from_name(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let digits = |from: usize, n: usize| {
        b.get(from..from + n)
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .and_then(|d| std::str::from_utf8(d).ok())
    };
    let bounded = |from: usize, to: usize| {
        (from == 0 || !b[from - 1].is_ascii_digit())
            && b.get(to).is_none_or(|c| !c.is_ascii_digit())
    };
    // A wire-service document number opens the name.
    let caps = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if (2..=4).contains(&caps)
        && let Some(d) = digits(caps, 6)
        && matches!(b.get(caps + 6), Some(b'-' | b'.'))
    {
        let century = if d[..2] >= *"50" { "19" } else { "20" };
        if let Some(date) = iso(
            &format!("{century}{}", &d[..2]),
            d[2..4].parse().ok()?,
            &d[4..],
        ) {
            return Some(date);
        }
    }
    for start in 0..b.len() {
        if !matches!(b.get(start..start + 2), Some(b"19" | b"20"))
            || (start > 0 && b[start - 1].is_ascii_digit())
        {
            continue;
        }
        let Some(y) = digits(start, 4) else { continue };
        // 2021-03-25, 2021_03_25, 2021.03.25
        if let Some(&sep) = b.get(start + 4)
            && matches!(sep, b'-' | b'_' | b'.')
            && b.get(start + 7) == Some(&sep)
            && let (Some(m), Some(d)) = (digits(start + 5, 2), digits(start + 8, 2))
            && bounded(start, start + 10)
            && let Some(date) = iso(y, m.parse().ok()?, d)
        {
            return Some(date);
        }
        // 20210325
        if let Some(all) = digits(start, 8)
            && bounded(start, start + 8)
            && let Some(date) = iso(y, all[4..6].parse().ok()?, &all[6..])
        {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand reading of ISO dates captures what the expression captures, on dates of
    /// every shape and random strings of their pieces.
    #[test]
    fn iso_parts_are_the_expression_captures() {
        let old = |t: &str| {
            ISO.captures(t)
                .map(|c| (c[1].to_string(), c[2].to_string(), c[3].to_string()))
        };
        let new = |t: &str| iso_parts(t).map(|(y, m, d)| (y.into(), m.into(), d.into()));
        for t in [
            "2016-09-09",
            "2016-9-9",
            "2016-09-09T10:14:00Z",
            "2016-09-09 10:14",
            "2016-09-09 10:14\nmore",
            "2016-009-09",
            "2016-09-009",
            "20160-09-09",
            "216-09-09",
            "2016-09-",
            "2016--09",
            "2016-09-09x",
            "2016-09-09T",
            "٢٠١٦-09-09",
            "2016-09-09 – GMT",
        ] {
            assert_eq!(new(t), old(t), "{t:?}");
        }
        let pieces = [
            "2016", "20", "1", "09", "-", "T", " ", "x", "\n", "٣", "Z", "10:14",
        ];
        for text in crate::testing::random_texts(&pieces, 7, 20_000, 3) {
            assert_eq!(new(&text), old(&text), "{text:?}");
        }
    }

    #[test]
    fn dates_from_paths() {
        let cases = [
            ("2021-03-25-reuters.md", Some("2021-03-25")),
            ("news/2021_03_25/reuters.html", Some("2021-03-25")),
            ("reuters_20210325_1.txt", Some("2021-03-25")),
            ("d061/AP880911-0016.txt", Some("1988-09-11")),
            ("d061/WSJ880912-0064.txt", Some("1988-09-12")),
            ("APW19981016.0240", Some("1998-10-16")),
            // Month-first numbers are not wire numbers: month 20 does not exist.
            ("d077/LA102089-0172.txt", None),
            ("SJMN91-06162032.txt", None),
            ("FT931-2858", None),
            ("001_3959a0ce1420c99d.txt", None),
            ("12_9ecbplus.txt", None),
            ("2021-02-30.md", None),
            ("120210325.txt", None),
            ("01-meridian-wire.md", None),
        ];
        for (path, want) in cases {
            assert_eq!(from_path(path).as_deref(), want, "{path}");
        }
    }

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
