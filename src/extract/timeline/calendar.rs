//! Civil dates for resolving news dates (weekdays, month and week intervals): a thin layer
//! over jiff's civil dates, without a time zone database.

use std::borrow::Cow;
use std::fmt;

use jiff::Span;
use jiff::civil::Date;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use serde::{Serialize, Serializer};

/// A calendar day: a [`jiff::civil::Date`], with the few operations resolving news dates
/// needs, none of which can fail (they saturate at jiff's range, years -9999 to 9999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(Date);

impl Day {
    /// 1970-01-01.
    pub const EPOCH: Day = Day(Date::constant(1970, 1, 1));

    /// The day `y-m-d`, when it exists.
    pub fn new(y: i32, m: u32, d: u32) -> Option<Day> {
        let (y, m, d) = (
            i16::try_from(y).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        );
        Date::new(y, m, d).ok().map(Day)
    }

    /// Parse `YYYY-MM-DD` (anything after the first ten characters is ignored).
    pub fn parse(s: &str) -> Option<Day> {
        let head = s.get(..10)?;
        let bytes = head.as_bytes();
        (bytes[4] == b'-' && bytes[7] == b'-')
            .then(|| head.parse::<Date>().ok().map(Day))
            .flatten()
    }

    /// Year, month, day.
    pub fn ymd(self) -> (i32, u32, u32) {
        (
            i32::from(self.0.year()),
            self.0.month().unsigned_abs().into(),
            self.0.day().unsigned_abs().into(),
        )
    }

    /// The day `k` days later (earlier when negative).
    pub fn plus(self, k: i64) -> Day {
        Span::new()
            .try_days(k)
            .ok()
            .and_then(|span| self.0.checked_add(span).ok())
            .map_or_else(|| Day(if k < 0 { Date::MIN } else { Date::MAX }), Day)
    }

    /// Days from `self` to `other`.
    pub fn until(self, other: Day) -> i64 {
        self.0
            .until(other.0)
            .map_or(0, |span| i64::from(span.get_days()))
    }

    /// 0 = Monday .. 6 = Sunday.
    pub fn weekday(self) -> u32 {
        self.0
            .weekday()
            .to_monday_zero_offset()
            .unsigned_abs()
            .into()
    }

    /// The first and last day of this day's month, shifted by `k` months.
    pub fn month(self, k: i32) -> (Day, Day) {
        let first = self.0.first_of_month();
        let shifted = Span::new()
            .try_months(k)
            .ok()
            .and_then(|span| first.checked_add(span).ok())
            .unwrap_or(first);
        (Day(shifted), Day(shifted.last_of_month()))
    }

    /// The Monday and Sunday of this day's week, shifted by `k` weeks.
    pub fn week(self, k: i64) -> (Day, Day) {
        let monday = self.plus(-i64::from(self.weekday()) + 7 * k);
        (monday, monday.plus(6))
    }
}

/// The day `y-m-d` with the year held to jiff's range and the month to 1-12.
fn clamped(y: i32, m: u32, d: i8) -> Date {
    let y = y.clamp(-9999, 9999) as i16;
    let m = m.clamp(1, 12) as i8;
    // In range by construction: day 1 always exists, and `d` is 1 or the 31 of December.
    Date::new(y, m, d).unwrap_or(Date::MIN)
}

/// The first and last day of a month.
pub fn month_span(y: i32, m: u32) -> (Day, Day) {
    let first = clamped(y, m, 1);
    (Day(first), Day(first.last_of_month()))
}

/// The first and last day of a year.
pub fn year_span(y: i32) -> (Day, Day) {
    (Day(clamped(y, 1, 1)), Day(clamped(y, 12, 31)))
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl JsonSchema for Day {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Day".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A calendar day, YYYY-MM-DD."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d = Day::new(2016, 9, 9).unwrap();
        assert_eq!(d.to_string(), "2016-09-09");
        assert_eq!(d.weekday(), 4, "a Friday");
        assert_eq!(
            Day::parse("2016-02-29").unwrap().plus(1).to_string(),
            "2016-03-01"
        );
        assert_eq!(Day::new(2015, 2, 29), None);
        let (a, b) = d.month(-7);
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("2016-02-01".into(), "2016-02-29".into())
        );
        let (a, b) = d.week(-1);
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("2016-08-29".into(), "2016-09-04".into())
        );
        assert_eq!(Day::new(1969, 12, 31).unwrap().weekday(), 2);
        assert_eq!(d.until(d.plus(-40)), -40);
        assert_eq!(Day::parse("2016-09-09T10:00:00Z"), Some(d));
        assert_eq!(Day::parse("2016-02-30"), None);
        assert_eq!(Day::parse("20160909xx"), None);
        // Saturates instead of overflowing.
        assert_eq!(d.plus(i64::MAX).to_string(), "9999-12-31");
        assert_eq!(year_span(1_000_000).1.to_string(), "9999-12-31");
        let (a, b) = month_span(2016, 13);
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("2016-12-01".into(), "2016-12-31".into())
        );
    }
}
