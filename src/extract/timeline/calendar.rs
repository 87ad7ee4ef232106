//! Civil dates: a proleptic Gregorian day count, enough arithmetic for resolving news dates
//! (weekdays, month and week intervals) without a time zone database.

use std::fmt;

use serde::{Serialize, Serializer};

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Days since 1970-01-01.
    n: i64,
}

impl Day {
    /// The day `y-m-d`, when it exists.
    pub fn new(y: i32, m: u32, d: u32) -> Option<Day> {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then(|| Day {
            n: days_from_civil(y, m, d),
        })
    }

    /// Parse `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Day> {
        let mut it = s.get(..10)?.split('-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Day::new(y, m, d)
    }

    /// Year, month, day.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.n)
    }

    /// The day `k` days later (earlier when negative).
    pub fn plus(self, k: i64) -> Day {
        Day { n: self.n + k }
    }

    /// Days from `self` to `other`.
    pub fn until(self, other: Day) -> i64 {
        other.n - self.n
    }

    /// 0 = Monday .. 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.n + 3).rem_euclid(7) as u32
    }

    /// The first and last day of this day's month, shifted by `k` months.
    pub fn month(self, k: i32) -> (Day, Day) {
        let (y, m, _) = self.ymd();
        let total = y * 12 + (m as i32 - 1) + k;
        let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        month_span(y, m)
    }

    /// The Monday and Sunday of this day's week, shifted by `k` weeks.
    pub fn week(self, k: i64) -> (Day, Day) {
        let monday = self.plus(-(self.weekday() as i64) + 7 * k);
        (monday, monday.plus(6))
    }
}

/// The first and last day of a month, when the month exists.
pub fn month_span(y: i32, m: u32) -> (Day, Day) {
    let m = m.clamp(1, 12);
    (
        Day {
            n: days_from_civil(y, m, 1),
        },
        Day {
            n: days_from_civil(y, m, days_in_month(y, m)),
        },
    )
}

/// The first and last day of a year.
pub fn year_span(y: i32) -> (Day, Day) {
    (
        Day {
            n: days_from_civil(y, 1, 1),
        },
        Day {
            n: days_from_civil(y, 12, 31),
        },
    )
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

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
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
    }
}
